//! The terminal reporter, mirroring Newman's `cli` reporter: the collection name, `→ item` lines,
//! the request line `METHOD url [200 OK, 1.2kB, 45ms]`, `✓` passes and numbered failures as they
//! happen, console output, then the summary table and the failure list. Secrets are masked.

use super::format::{fine_duration, size};
use super::mask::Masker;
use super::style::Style;
use super::summary::RunSummary;
use super::symbols::Symbols;
use super::test_mode::Clock;
use std::io::Write;

mod events;
mod tables;
mod verbose;

use tables::FailureRow;

/// Options of the terminal reporter.
#[derive(Debug, Clone, Default)]
pub struct CliOptions {
    /// Colour output.
    pub style: Option<Style>,
    /// `--verbose`: request and response headers and bodies, and each request's timing phases
    /// (with their averages in the summary).
    pub verbose: bool,
    /// `--reporter-cli-no-summary`: no summary table.
    pub no_summary: bool,
    /// `--reporter-cli-no-failures`: no failure list.
    pub no_failures: bool,
    /// `--reporter-cli-no-assertions`: no assertion lines.
    pub no_assertions: bool,
    /// `--reporter-cli-no-success-assertions`: only failed assertions.
    pub no_success_assertions: bool,
    /// `--reporter-cli-no-console`: no console output.
    pub no_console: bool,
    /// `--reporter-cli-no-banner`: no `postie` banner.
    pub no_banner: bool,
    /// `--reporter-cli-show-timestamps`: prefix request lines with the UTC time.
    pub show_timestamps: bool,
    /// `--disable-unicode`: plain words and ASCII instead of Unicode glyphs.
    pub disable_unicode: bool,
}

/// Writes the run as it happens to `out`.
pub struct CliReporter<W: Write> {
    out: W,
    style: Style,
    masker: Masker,
    options: CliOptions,
    symbols: Symbols,
    clock: Clock,
    failure_count: usize,
    broken: bool,
    /// A console box is open: the next console output joins it, anything else closes it
    /// (Newman's buffered print).
    console_open: bool,
    /// The folders of the last item whose folder line was printed (empty: the collection).
    current_group: Vec<String>,
    /// The item a test script asked to run next, printed once the item's test scripts ran.
    next_request: Option<String>,
}

impl<W: Write> CliReporter<W> {
    /// A reporter writing to `out`, masking with `masker`.
    pub fn new(out: W, options: &CliOptions, masker: Masker) -> Self {
        CliReporter {
            out,
            style: options.style.unwrap_or(Style { color: false }),
            masker,
            options: options.clone(),
            symbols: Symbols::pick(options.disable_unicode),
            clock: Clock::from_env(),
            failure_count: 0,
            broken: false,
            console_open: false,
            current_group: Vec::new(),
            next_request: None,
        }
    }

    /// Writes a line, closing an open console box first.
    fn line(&mut self, text: &str) {
        self.close_console();
        self.write_line(text);
    }

    /// Closes the open console box, if any.
    fn close_console(&mut self) {
        if self.console_open {
            self.console_open = false;
            let bottom = self.style.dim(&format!("  {}", self.symbols.bottom));
            self.write_line(&bottom);
        }
    }

    /// Writes the start of a line (no newline): what follows continues it.
    fn write_start(&mut self, text: &str) {
        if self.broken {
            return;
        }
        let masked = self.masker.mask(text);
        if write!(self.out, "{masked}").is_err() {
            self.broken = true;
        }
    }

    fn write_line(&mut self, text: &str) {
        if self.broken {
            return;
        }
        let masked = self.masker.mask(text);
        if writeln!(self.out, "{masked}").is_err() {
            // A closed pipe (e.g. `| head`) is not an error of the run.
            self.broken = true;
        }
    }

    /// Print the summary table and the failure list.
    pub fn print_summary(&mut self, summary: &RunSummary) {
        self.close_console();
        if !self.options.no_summary {
            self.summary_table(summary);
        }
        if !self.options.no_failures {
            self.failure_list(summary);
        }
        if !self.broken {
            let _ = self.out.flush();
        }
    }

    /// The summary table's footer lines: run duration, data received, response time
    /// statistics (and with `--verbose` the timed phases'), durations as Newman's
    /// `util.prettyms` prints them (microseconds below a millisecond).
    fn footer(&self, summary: &RunSummary) -> Vec<String> {
        let f = |d| fine_duration(self.clock.duration(d));
        let mut footer = vec![
            format!("total run duration: {}", f(summary.duration)),
            format!(
                "total data received: {} (approx)",
                size(summary.bytes_received)
            ),
        ];
        let mut phases = vec![("average response time:", summary.response_time_stats())];
        if self.options.verbose {
            // Newman's rows for the phases it times under `--verbose`, when any was measured.
            phases.push(("average DNS lookup time:", summary.dns_times.stats()));
            phases.push(("average first byte time:", summary.first_byte_times.stats()));
        }
        for (label, stats) in phases {
            if let Some((mean, min, max, sd)) = stats {
                footer.push(format!(
                    "{label} {} [min: {}, max: {}, s.d.: {}]",
                    f(mean),
                    f(min),
                    f(max),
                    f(sd)
                ));
            }
        }
        footer
    }

    fn summary_table(&mut self, summary: &RunSummary) {
        let rows = [
            ("iterations", summary.stats.iterations),
            ("requests", summary.stats.requests),
            ("test-scripts", summary.stats.test_scripts),
            ("prerequest-scripts", summary.stats.prerequest_scripts),
            ("assertions", summary.stats.assertions),
        ]
        .map(|(label, c)| (label, c.executed, c.failed));
        let footer = self.footer(summary);
        for line in tables::summary(&rows, &footer, &self.symbols, self.style) {
            self.line(&line);
        }
    }

    /// Newman's failure list: number, error name (and iteration when there are several), then
    /// the test, the message, where and inside which item (empty for request errors, as Newman
    /// prints it).
    fn failure_list(&mut self, summary: &RunSummary) {
        if summary.failures.is_empty() {
            return;
        }
        let digits = summary.failures.len().to_string().len();
        let rows: Vec<FailureRow> = summary
            .failures
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let mut name = vec![f.error_name.clone()];
                if summary.iterations > 1 {
                    name.push(format!("iteration: {}", f.iteration + 1));
                }
                // A test name over several lines is several lines of the cell, as the message.
                let mut detail: Vec<String> = f.test.split('\n').map(str::to_string).collect();
                detail.extend(f.message.split('\n').map(str::to_string));
                match f.script_position {
                    // Newman never knows the position; `--verbose` shows postie's.
                    Some((line, col)) if self.options.verbose => {
                        detail.push(format!("at {}:{line}:{col}", f.at));
                    }
                    _ if !f.at.is_empty() => detail.push(format!("at {}", f.at)),
                    _ => {}
                }
                let inside = if f.at == "request" {
                    ""
                } else {
                    f.path.as_str()
                };
                detail.push(format!("inside \"{inside}\""));
                FailureRow {
                    number: format!("{:0>digits$}.", i + 1),
                    name,
                    detail,
                }
            })
            .collect();
        self.line("");
        for line in tables::failures(&rows, self.style) {
            self.line(&line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runner::{Cursor, Event, ItemRef, Listener};
    use crate::script::{ConsoleLevel, ScriptKind};

    fn cursor(position: usize) -> Cursor {
        Cursor {
            iteration: 0,
            iterations: 1,
            position,
            length: 3,
        }
    }

    fn render(events: &[Event<'_>]) -> String {
        let options = CliOptions {
            no_banner: true,
            ..CliOptions::default()
        };
        let mut out = Vec::new();
        let mut cli = CliReporter::new(&mut out, &options, Masker::disabled());
        for event in events {
            cli.on_event(event);
        }
        cli.close_console();
        drop(cli);
        String::from_utf8_lossy(&out).into_owned()
    }

    fn console<'a>(item: ItemRef<'a>, text: &'a str) -> Event<'a> {
        Event::Console {
            cursor: cursor(0),
            item,
            level: ConsoleLevel::Log,
            text,
            runtime: false,
        }
    }

    #[test]
    fn cli_groups_console_output_and_prints_a_folder_once() {
        let folders = vec!["Users".to_string()];
        let one = ItemRef {
            id: None,
            name: "one",
            folders: &folders,
            node: 0,
        };
        let two = ItemRef {
            id: None,
            name: "two",
            folders: &folders,
            node: 0,
        };
        let text = render(&[
            Event::BeforeItem {
                cursor: cursor(0),
                item: one,
            },
            console(one, "'a'"),
            console(one, "'b'"),
            Event::BeforeItem {
                cursor: cursor(1),
                item: two,
            },
            console(two, "'c'"),
        ]);
        assert_eq!(
            text,
            "\n❏ Users\n↳ one\n  ┌\n  │ 'a'\n  │ 'b'\n  └\n\n↳ two\n  ┌\n  │ 'c'\n  └\n"
        );
    }

    #[test]
    fn cli_announces_the_next_request_a_test_script_set() {
        let item = ItemRef {
            id: None,
            name: "loop",
            folders: &[],
            node: 0,
        };
        let script = |kind, next_request| Event::Script {
            cursor: cursor(0),
            item,
            kind,
            error: None,
            next_request,
        };
        let text = render(&[
            script(ScriptKind::PreRequest, Some("ignored")),
            script(ScriptKind::Test, Some("loop")),
            Event::Item {
                cursor: cursor(0),
                item,
                tested: true,
            },
        ]);
        assert_eq!(text, "\nAttempting to set next request to loop\n");
    }
}
