//! Terminal styling: ANSI colours when enabled, plain text otherwise.

/// Which colours to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Emit ANSI colour codes.
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Green text (passes).
    pub fn green(self, text: &str) -> String {
        self.paint("32", text)
    }

    /// Red text (failures).
    pub fn red(self, text: &str) -> String {
        self.paint("31", text)
    }

    /// White text (table headings).
    pub fn white(self, text: &str) -> String {
        self.paint("37", text)
    }

    /// Grey text (details).
    pub fn dim(self, text: &str) -> String {
        self.paint("90", text)
    }

    /// Cyan text (skipped).
    pub fn cyan(self, text: &str) -> String {
        self.paint("36", text)
    }

    /// Yellow text (warnings).
    pub fn yellow(self, text: &str) -> String {
        self.paint("33", text)
    }

    /// Bold text (names).
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
}
