//! The HTML report's chart: mean response time per request item as an inline SVG bar chart,
//! drawn here so the report needs no JavaScript charting library.

use super::capture::Execution;
use std::fmt::Write;

/// Items shown at most; the rest are summarised in a last line.
const MAX_BARS: usize = 200;
const ROW: usize = 22;
const LABEL_WIDTH: usize = 320;
const BAR_WIDTH: usize = 420;
const VALUE_WIDTH: usize = 90;

/// One bar: an item, its mean response time and whether any of its executions failed.
#[derive(Debug, Clone, PartialEq)]
struct Bar {
    key: String,
    label: String,
    total_ms: u64,
    responses: u64,
    failed: bool,
}

impl Bar {
    fn mean_ms(&self) -> f64 {
        if self.responses == 0 {
            0.0
        } else {
            self.total_ms as f64 / self.responses as f64
        }
    }
}

/// `text` escaped for SVG text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A label cut to `max` characters with an ellipsis.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

fn bars<'a>(executions: impl IntoIterator<Item = &'a Execution>) -> Vec<Bar> {
    let mut bars: Vec<Bar> = Vec::new();
    for e in executions {
        let index = match bars.iter().position(|b| b.key == e.key) {
            Some(i) => i,
            None => {
                bars.push(Bar {
                    key: e.key.clone(),
                    label: e.name.clone(),
                    total_ms: 0,
                    responses: 0,
                    failed: false,
                });
                bars.len() - 1
            }
        };
        let bar = &mut bars[index];
        bar.failed |= e.failed;
        if let Some(r) = &e.response {
            bar.total_ms += r.time_ms;
            bar.responses += 1;
        }
    }
    bars
}

/// The chart as an `<svg>` element (empty text when nothing ran).
pub fn response_time_svg<'a>(executions: impl IntoIterator<Item = &'a Execution>) -> String {
    let all = bars(executions);
    if all.is_empty() {
        return String::new();
    }
    let shown = &all[..all.len().min(MAX_BARS)];
    let rest = all.len() - shown.len();
    let max = shown.iter().map(Bar::mean_ms).fold(0.0, f64::max);
    let rows = shown.len() + usize::from(rest > 0);
    let width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
    let height = rows * ROW + 8;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"Mean response time per request\">"
    );
    for (i, bar) in shown.iter().enumerate() {
        let y = i * ROW + 4;
        let mean = bar.mean_ms();
        let length = if max > 0.0 {
            ((mean / max) * BAR_WIDTH as f64).round().max(1.0) as usize
        } else {
            1
        };
        let class = if bar.failed { "bar failed" } else { "bar" };
        let label = escape(&clip(&bar.label, 44));
        let _ = write!(
            svg,
            "<g><title>{title}: {mean:.0} ms</title><text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text><rect class=\"{class}\" x=\"{bx}\" y=\"{y}\" width=\"{length}\" height=\"{h}\" rx=\"2\"/><text x=\"{vx}\" y=\"{ty}\">{mean:.0} ms</text></g>",
            title = escape(&bar.label),
            lx = LABEL_WIDTH - 8,
            ty = y + 13,
            bx = LABEL_WIDTH,
            h = ROW - 6,
            vx = LABEL_WIDTH + length + 6,
        );
    }
    if rest > 0 {
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\">… and {rest} more requests</text>",
            LABEL_WIDTH,
            shown.len() * ROW + 17
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::capture::ResponseRecord;

    fn execution(key: &str, ms: Option<u64>, failed: bool) -> Execution {
        Execution {
            key: key.into(),
            name: format!("<{key}>"),
            failed,
            response: ms.map(|time_ms| ResponseRecord {
                code: 200,
                reason: "OK".into(),
                headers: Vec::new(),
                body: Default::default(),
                time_ms,
            }),
            ..Execution::default()
        }
    }

    #[test]
    fn chart_has_one_bar_per_item_with_mean_times() {
        let runs = [
            execution("a", Some(100), false),
            execution("b", None, true),
            execution("a", Some(300), false),
        ];
        let svg = response_time_svg(&runs);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(svg.contains("&lt;a&gt;: 200 ms"), "{svg}");
        assert!(svg.contains("class=\"bar failed\""), "{svg}");
        assert!(response_time_svg(&[]).is_empty());
    }
}
