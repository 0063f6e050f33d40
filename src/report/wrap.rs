//! Word wrapping for plain-text output.

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
            indent.chars().count()
        };
        out.push_str(&line[..lead]);
        col += lead;
        let hang = format!("{indent}{}", " ".repeat(lead + bullet));
        let mut line_start = true;
        for word in body.split_whitespace() {
            let len = word.chars().count();
            if !line_start && col + 1 + len > width {
                out.push('\n');
                out.push_str(&hang);
                col = hang.chars().count();
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

#[cfg(test)]
mod tests {
    use super::wrap;

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
    fn bullets_hang() {
        assert_eq!(wrap("- one two three", 9, 0, ""), "- one two\n  three");
        assert_eq!(wrap("x\n  - aa bb cc", 10, 0, ""), "x\n  - aa bb\n    cc");
    }
}
