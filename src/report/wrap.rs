//! Word wrapping for plain-text output.

/// Wrap `text` to `width` columns; every line after the first starts with
/// `indent`, and the first line is assumed to start `first` columns in.
/// Blank lines and explicit line breaks in `text` are kept.
pub fn wrap(text: &str, width: usize, first: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut col = first;
    let mut line_start = true;
    for (i, para) in text.trim_end().split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(indent);
            col = indent.chars().count();
            line_start = true;
        }
        for word in para.split_whitespace() {
            let len = word.chars().count();
            if !line_start && col + 1 + len > width {
                out.push('\n');
                out.push_str(indent);
                col = indent.chars().count();
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
        assert_eq!(wrap("one two three four", 9, 0, "  "), "one two\n  three\n  four");
    }

    #[test]
    fn keeps_line_breaks() {
        assert_eq!(wrap("a\nb", 80, 0, "> "), "a\n> b");
    }

    #[test]
    fn long_word_stays_whole() {
        assert_eq!(wrap("abcdefghij x", 5, 0, ""), "abcdefghij\nx");
    }
}
