//! The crisis block: the same words and look wherever it is shown (the
//! moment a crisis answer is given, first in a report, and last on a
//! terminal so that it is still on screen when the person finishes).

use super::wrap::wrap;

const RED_BOLD: &str = "\x1b[1;31m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// The crisis block for a terminal or a text file: the heading, then
/// `message` wrapped to `width` and indented. With `color`, the heading is
/// bold red and the message bold, line by line (so a pager or a wrapped
/// line never carries the color further). Ends with a line break.
pub fn block(lang: &str, message: &str, width: usize, color: bool) -> String {
    let body = wrap(message.trim_end(), width, 3, "   ");
    let mut out = String::new();
    let heading = crate::words::of(lang).get("crisis-heading");
    out.push_str(&paint(&heading, RED_BOLD, color));
    out.push('\n');
    for (i, line) in body.lines().enumerate() {
        // Later lines carry the indent already; the first starts at column 3.
        let text = if i == 0 {
            line
        } else {
            line.strip_prefix("   ").unwrap_or(line)
        };
        out.push_str("   ");
        out.push_str(&paint(text, BOLD, color));
        out.push('\n');
    }
    out
}

fn paint(text: &str, style: &str, color: bool) -> String {
    if color && !text.is_empty() {
        format!("{style}{text}{RESET}")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_block_is_the_heading_and_the_indented_message() {
        let out = block(
            "en",
            "Call or text 988.\n- Or call 911 or go to the nearest hospital.",
            30,
            false,
        );
        assert_eq!(
            out,
            "!! CRISIS: PLEASE GET HELP NOW !!\n   Call or text 988.\n   - Or call 911 or go to the\n     nearest hospital.\n"
        );
    }

    #[test]
    fn coloured_block_styles_each_line_and_resets_it() {
        let out = block("en", "one two three four five six", 14, true);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "\x1b[1;31m!! CRISIS: PLEASE GET HELP NOW !!\x1b[0m"
        );
        let spanish = block("es", "Llame al 988 y marque 2.", 40, false);
        assert!(
            spanish.starts_with("!! CRISIS: PIDA AYUDA AHORA !!\n"),
            "{spanish}"
        );
        assert!(lines.len() > 2, "{out:?}");
        for l in &lines[1..] {
            assert!(
                l.starts_with("   \x1b[1m") && l.ends_with("\x1b[0m"),
                "{l:?}"
            );
        }
    }
}
