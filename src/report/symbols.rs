//! The glyphs the terminal reporter draws: Newman's Unicode set, or plain words and ASCII with
//! `--disable-unicode` (`Pass`, `Root`, `Sub-folder`, `Folder`, `-` console frames). A script
//! error's `⠄` is the same in both: Newman prints that glyph whatever the option says.

/// One set of glyphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Symbols {
    /// A passed assertion.
    pub ok: &'static str,
    /// Before an item at the collection's root.
    pub root: &'static str,
    /// Before an item inside a folder.
    pub sub: &'static str,
    /// Before a folder path.
    pub folder: &'static str,
    /// After a script error's number.
    pub dot: &'static str,
    /// Console frame: first line.
    pub top: &'static str,
    /// Console frame: each line.
    pub middle: &'static str,
    /// Console frame: last line.
    pub bottom: &'static str,
    /// `--verbose`: between the parts of a request's summary line.
    pub star: &'static str,
    /// `--verbose`: what was sent.
    pub up: &'static str,
    /// `--verbose`: what was received.
    pub down: &'static str,
    /// Table: horizontal line.
    pub h: &'static str,
    /// Table: vertical line.
    pub v: &'static str,
    /// Table corners and junctions, in reading order: top-left, top-mid, top-right, left-mid,
    /// mid-mid, right-mid, bottom-mid (closing the columns), bottom-left, bottom-right.
    pub joints: [&'static str; 9],
}

/// Newman's glyphs.
pub const UNICODE: Symbols = Symbols {
    ok: "✓",
    root: "→",
    sub: "↳",
    folder: "❏",
    dot: "⠄",
    top: "┌",
    middle: "│",
    bottom: "└",
    star: "★",
    up: "↑",
    down: "↓",
    h: "─",
    v: "│",
    joints: ["┌", "┬", "┐", "├", "┼", "┤", "┴", "└", "┘"],
};

/// Plain text for terminals without Unicode (`--disable-unicode`).
pub const PLAIN: Symbols = Symbols {
    ok: "Pass",
    root: "Root",
    sub: "Sub-folder",
    folder: "Folder",
    // Newman's script-error line uses the glyph itself, not its plain-text set.
    dot: "⠄",
    top: "-",
    middle: "|",
    bottom: "-",
    star: "*",
    up: "^",
    down: "v",
    h: "-",
    v: "|",
    // Newman's `cliTableTemplateFallback`: only the inner crossings are `+`.
    joints: ["-", "-", "-", "-", "+", "-", "-", "-", "-"],
};

impl Symbols {
    /// [`PLAIN`] when `disable_unicode`, else [`UNICODE`].
    pub fn pick(disable_unicode: bool) -> Symbols {
        if disable_unicode { PLAIN } else { UNICODE }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_plain_set_is_ascii() {
        let p = Symbols::pick(true);
        let all = [
            p.ok, p.root, p.sub, p.folder, p.top, p.middle, p.bottom, p.star, p.up, p.down, p.h,
            p.v,
        ];
        assert!(all.iter().chain(p.joints.iter()).all(|s| s.is_ascii()));
        assert_eq!(Symbols::pick(false), UNICODE);
    }
}
