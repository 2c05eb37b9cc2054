//! Newman's two end-of-run tables, laid out as cli-table3 0.6 lays them out for Newman's CLI
//! reporter, so the text is the same line for line:
//!
//! - the run summary: the first column 25 wide, the other two as wide as their cells, widened
//!   when a footer line spanning all three needs more room (cli-table3 hands the missing width to
//!   the columns without a fixed width, one after the other, each taking its rounded share);
//! - the failure list: no borders, each column as wide as its widest line plus one space each
//!   side, a line of spaces between rows, trailing spaces kept.
//!
//! Widths count display columns (`unicode-width`), as cli-table3's `string-width` does.

use super::super::style::Style;
use super::super::symbols::Symbols;
use unicode_width::UnicodeWidthStr;

/// Width of the summary's first column, padding included (Newman's `colWidths: [25]`).
const FIRST: usize = 25;

/// One counted row of the summary: label, executed, failed.
pub(super) type CountRow<'a> = (&'a str, usize, usize);

/// The summary table's lines: the header, the counted rows, then the `footer` lines spanning
/// the table.
pub(super) fn summary(
    rows: &[CountRow<'_>],
    footer: &[String],
    y: &Symbols,
    s: Style,
) -> Vec<String> {
    let widths = summary_widths(rows, footer);
    let [
        top_left,
        top_mid,
        top_right,
        left_mid,
        mid_mid,
        right_mid,
        bottom_mid,
        bottom_left,
        bottom_right,
    ] = y.joints;
    let (h, v) = (y.h, y.v);
    let rule = |left: &str, mid: &str, right: &str| {
        let parts: Vec<String> = widths.iter().map(|w| h.repeat(*w)).collect();
        format!("{left}{}{right}", parts.join(mid))
    };
    let right = |text: &str, colored: String, width: usize| {
        format!(
            " {}{colored} ",
            " ".repeat((width - 2).saturating_sub(text.width()))
        )
    };
    let mut out = vec![rule(top_left, top_mid, top_right)];
    let head = ["", "executed", "  failed"];
    let head: Vec<String> = head
        .iter()
        .zip(widths)
        .map(|(t, w)| right(t, t.to_string(), w))
        .collect();
    out.push(format!("{v}{}{v}", head.join(v)));
    for (label, executed, failed) in rows {
        out.push(rule(left_mid, mid_mid, right_mid));
        let executed = executed.to_string();
        let failed_text = failed.to_string();
        let failed_shown = if *failed > 0 {
            s.red(&failed_text)
        } else {
            failed_text.clone()
        };
        out.push(format!(
            "{v}{}{v}{}{v}{}{v}",
            right(label, label.to_string(), widths[0]),
            right(&executed, executed.clone(), widths[1]),
            right(&failed_text, failed_shown, widths[2])
        ));
    }
    let inner = widths.iter().sum::<usize>() + 2;
    for (i, text) in footer.iter().enumerate() {
        if i == 0 {
            out.push(rule(left_mid, bottom_mid, right_mid));
        } else {
            out.push(format!("{left_mid}{}{right_mid}", h.repeat(inner)));
        }
        let pad = (inner - 2).saturating_sub(text.width());
        out.push(format!("{v} {text}{} {v}", " ".repeat(pad)));
    }
    if footer.is_empty() {
        out.push(rule(bottom_left, bottom_mid, bottom_right));
    } else {
        out.push(format!("{bottom_left}{}{bottom_right}", h.repeat(inner)));
    }
    out
}

/// The summary's three column widths, padding included: the first fixed, the others as wide as
/// their cells, then widened for the footer lines that span all three (visited last to first,
/// each free column taking its rounded share of what is missing, as cli-table3 does).
fn summary_widths(rows: &[CountRow<'_>], footer: &[String]) -> [usize; 3] {
    let cell = |n: usize| n.to_string().width() + 2;
    let mut widths = [
        FIRST,
        rows.iter().map(|r| cell(r.1)).fold(10, usize::max),
        rows.iter().map(|r| cell(r.2)).fold(10, usize::max),
    ];
    for text in footer.iter().rev() {
        let desired = text.width() + 2;
        let mut existing = widths.iter().sum::<usize>() + 2;
        for (free, column) in [(2, 1), (1, 2)] {
            if desired <= existing {
                break;
            }
            let share = (desired - existing).div_ceil(free);
            widths[column] += share;
            existing += share;
        }
    }
    widths
}

/// One failure as the list shows it: its number's text, then the lines of its two cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FailureRow {
    /// `1.`, or `01.` when there are ten or more.
    pub number: String,
    /// The error's name, then `iteration: N` when the run has several iterations.
    pub name: Vec<String>,
    /// The test's name (or an empty line), the message, `at …` and `inside "…"`.
    pub detail: Vec<String>,
}

/// The failure list's lines: `#`, `failure` and `detail` headers, then one row per failure, a
/// line of spaces after the header and between rows. `dim` styles the detail lines after the
/// first, as Newman greys them.
pub(super) fn failures(rows: &[FailureRow], s: Style) -> Vec<String> {
    let widest = |lines: &mut dyn Iterator<Item = &String>, head: &str| {
        lines.map(|l| l.width()).fold(head.width(), usize::max) + 2
    };
    let widths = [
        widest(&mut rows.iter().map(|r| &r.number), "#"),
        widest(&mut rows.iter().flat_map(|r| &r.name), "failure"),
        widest(&mut rows.iter().flat_map(|r| &r.detail), "detail"),
    ];
    let total: usize = widths.iter().sum();
    let cell = |text: &str, width: usize, right: bool, shown: String| {
        let pad = " ".repeat((width - 2).saturating_sub(text.width()));
        if right {
            format!(" {pad}{shown} ")
        } else {
            format!(" {shown}{pad} ")
        }
    };
    let mut out = vec![format!(
        "{}{}{}",
        cell("#", widths[0], true, "#".into()),
        cell("failure", widths[1], false, "failure".into()),
        cell("detail", widths[2], false, "detail".into())
    )];
    for row in rows {
        out.push(" ".repeat(total));
        let height = row.name.len().max(row.detail.len()).max(1);
        for line in 0..height {
            let number = if line == 0 { row.number.as_str() } else { "" };
            let name = row.name.get(line).map_or("", String::as_str);
            let detail = row.detail.get(line).map_or("", String::as_str);
            let name_shown = if line == 0 {
                name.to_string()
            } else {
                s.dim(name)
            };
            let detail_shown = if line == 0 {
                detail.to_string()
            } else {
                s.dim(detail)
            };
            out.push(format!(
                "{}{}{}",
                cell(number, widths[0], true, number.to_string()),
                cell(name, widths[1], false, name_shown),
                cell(detail, widths[2], false, detail_shown)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::symbols::UNICODE;

    fn plain() -> Style {
        Style { color: false }
    }

    /// Newman 6.2.2's summary for one request, recorded (durations as printed).
    #[test]
    fn summary_widens_the_free_columns_for_a_long_footer() {
        let rows = [
            ("iterations", 1, 0),
            ("requests", 2, 0),
            ("test-scripts", 2, 0),
            ("prerequest-scripts", 1, 0),
            ("assertions", 1, 0),
        ];
        let footer = [
            "total run duration: 882ms".to_string(),
            "total data received: 794B (approx)".to_string(),
            "average response time: 111ms [min: 35ms, max: 187ms, s.d.: 76ms]".to_string(),
        ];
        let expected = "\
┌─────────────────────────┬────────────────────┬───────────────────┐
│                         │           executed │            failed │
├─────────────────────────┼────────────────────┼───────────────────┤
│              iterations │                  1 │                 0 │
├─────────────────────────┼────────────────────┼───────────────────┤
│                requests │                  2 │                 0 │
├─────────────────────────┼────────────────────┼───────────────────┤
│            test-scripts │                  2 │                 0 │
├─────────────────────────┼────────────────────┼───────────────────┤
│      prerequest-scripts │                  1 │                 0 │
├─────────────────────────┼────────────────────┼───────────────────┤
│              assertions │                  1 │                 0 │
├─────────────────────────┴────────────────────┴───────────────────┤
│ total run duration: 882ms                                        │
├──────────────────────────────────────────────────────────────────┤
│ total data received: 794B (approx)                               │
├──────────────────────────────────────────────────────────────────┤
│ average response time: 111ms [min: 35ms, max: 187ms, s.d.: 76ms] │
└──────────────────────────────────────────────────────────────────┘";
        assert_eq!(
            summary(&rows, &footer, &UNICODE, plain()).join("\n"),
            expected
        );
    }

    #[test]
    fn summary_keeps_narrow_columns_when_the_footer_fits() {
        let rows = [("iterations", 1, 0)];
        let footer = ["total run duration: 5ms".to_string()];
        let lines = summary(&rows, &footer, &UNICODE, plain());
        assert_eq!(
            lines[1],
            "│                         │ executed │   failed │"
        );
        assert_eq!(
            lines[4],
            "├─────────────────────────┴──────────┴──────────┤"
        );
        assert_eq!(
            lines[5],
            format!("│ total run duration: 5ms{} │", " ".repeat(22))
        );
        assert!(lines.iter().all(|l| l.chars().count() == 49), "{lines:#?}");
    }

    /// Newman 6.2.2's failure list for a request error, recorded.
    #[test]
    fn failures_are_borderless_and_padded() {
        let rows = [FailureRow {
            number: "1.".into(),
            name: vec!["Error".into()],
            detail: vec![
                String::new(),
                "connect ECONNREFUSED 127.0.0.1:9".into(),
                "at request".into(),
                "inside \"\"".into(),
            ],
        }];
        let expected = [
            "  #  failure  detail                           ",
            "                                               ",
            " 1.  Error                                     ",
            "              connect ECONNREFUSED 127.0.0.1:9 ",
            "              at request                       ",
            "              inside \"\"                        ",
        ];
        assert_eq!(failures(&rows, plain()), expected);
    }
}
