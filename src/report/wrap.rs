//! Word wrapping for plain-text output, by display width (a CJK character
//! takes two columns).

use unicode_width::UnicodeWidthStr;

/// Wrap `text` to `width` columns. The first line is assumed to start
/// `first` columns in; later lines start with `indent`. Line breaks in
/// `text` are kept, and a line's own leading spaces and list bullet
/// (`- ` or `* `) hang over its continuation lines.
pub fn wrap(text: &str, width: usize, first: usize, indent: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.trim_end().split('\n').enumerate() {
        let lead = line.len() - line.trim_start().len();
        let body = line.trim_start();
        let bullet = if body.starts_with("- ") || body.starts_with("* ") {
            2
        } else {
            0
        };
        let mut col = if i == 0 {
            first
        } else {
            out.push('\n');
            out.push_str(indent);
            indent.width()
        };
        out.push_str(&line[..lead]);
        col += lead;
        let hang = format!("{indent}{}", " ".repeat(lead + bullet));
        let mut line_start = true;
        for word in body.split_whitespace() {
            let len = word.width();
            if !line_start && col + 1 + len > width {
                out.push('\n');
                out.push_str(&hang);
                col = hang.width();
                line_start = true;
            }
            if !line_start {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += len;
            line_start = false;
        }
    }
    out
}

/// Like [`wrap`], but a word too long for a line is cut, so that no line
/// is wider than `width` (for tables and lists that promise a width).
pub fn wrap_strict(text: &str, width: usize, first: usize, indent: &str) -> String {
    let cut: Vec<String> = text
        .split('\n')
        .map(|line| {
            let lead = &line[..line.len() - line.trim_start().len()];
            let body = line.trim_start();
            // The hanging indent `wrap` gives a bulleted line's later lines.
            let bullet = if body.starts_with("- ") || body.starts_with("* ") {
                2
            } else {
                0
            };
            let room = width
                .saturating_sub(first.max(indent.width()) + lead.width() + bullet)
                .max(1);
            let words: Vec<String> = line
                .split_whitespace()
                .flat_map(|w| chunks(w, room))
                .collect();
            format!("{lead}{}", words.join(" "))
        })
        .collect();
    wrap(&cut.join("\n"), width, first, indent)
}

/// `word` in pieces no wider than `room` columns.
fn chunks(word: &str, room: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in word.chars() {
        let last = out.last_mut().expect("never empty");
        if !last.is_empty() && last.width() + c.to_string().width() > room {
            out.push(c.to_string());
        } else {
            last.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{wrap, wrap_strict};

    #[test]
    fn wraps_at_width_with_indent() {
        assert_eq!(
            wrap("one two three four", 9, 0, "  "),
            "one two\n  three\n  four"
        );
    }

    #[test]
    fn keeps_line_breaks() {
        assert_eq!(wrap("a\nb", 80, 0, "> "), "a\n> b");
    }

    #[test]
    fn long_word_stays_whole() {
        assert_eq!(wrap("abcdefghij x", 5, 0, ""), "abcdefghij\nx");
    }

    #[test]
    fn strict_wrapping_cuts_long_words() {
        assert_eq!(wrap_strict("abcdefghij x", 5, 0, ""), "abcde\nfghij\nx");
        assert_eq!(wrap_strict("ab", 5, 0, ""), "ab");
    }

    #[test]
    fn strict_wrapping_leaves_room_for_a_bullet() {
        let out = wrap_strict("- abcdefghijklmnop", 10, 0, "");
        assert!(out.lines().all(|l| l.len() <= 10), "{out}");
    }

    #[test]
    fn wide_characters_count_twice() {
        // Six CJK characters are twelve columns.
        assert_eq!(wrap("漢字漢字漢字 x", 12, 0, ""), "漢字漢字漢字\nx");
        assert_eq!(wrap_strict("漢字漢字漢字", 8, 0, ""), "漢字漢字\n漢字");
    }

    #[test]
    fn bullets_hang() {
        assert_eq!(wrap("- one two three", 9, 0, ""), "- one two\n  three");
        assert_eq!(wrap("x\n  - aa bb cc", 10, 0, ""), "x\n  - aa bb\n    cc");
    }
}
