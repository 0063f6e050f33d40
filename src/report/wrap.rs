//! Word wrapping for plain-text output, by display width (a CJK character
//! takes two columns).

use unicode_width::UnicodeWidthStr;

/// Wrap `text` to `width` columns. The first line is assumed to start
/// `first` columns in; later lines start with `indent`. Line breaks in
/// `text` are kept, and a line's own leading spaces and list bullet
/// (`- ` or `* `) hang over its continuation lines. A word too long for a
/// line stays whole (a web address keeps working).
pub fn wrap(text: &str, width: usize, first: usize, indent: &str) -> String {
    fill(text, width, first, indent, false)
}

/// Like [`wrap`], but a word too long for a line is cut, so that no line
/// is wider than `width` (for tables and lists that promise a width).
pub fn wrap_strict(text: &str, width: usize, first: usize, indent: &str) -> String {
    fill(text, width, first, indent, true)
}

fn fill(text: &str, width: usize, first: usize, indent: &str, cut: bool) -> String {
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
        // The room a word has at the start of this line or of a later one.
        let room = width.saturating_sub(col.max(hang.width())).max(1);
        let mut line_start = true;
        for word in body.split_whitespace() {
            let cut_pieces;
            let pieces: &[&str] = if cut {
                cut_pieces = chunks(word, room);
                &cut_pieces
            } else {
                std::slice::from_ref(&word)
            };
            for (k, &piece) in pieces.iter().enumerate() {
                let len = piece.width();
                // The rest of a cut word goes on the next line, never after a space.
                if !line_start && (k > 0 || col + 1 + len > width) {
                    out.push('\n');
                    out.push_str(&hang);
                    col = hang.width();
                    line_start = true;
                }
                if !line_start {
                    out.push(' ');
                    col += 1;
                }
                out.push_str(piece);
                col += len;
                line_start = false;
            }
        }
    }
    out
}

/// `word` in pieces no wider than `room` columns, cut after a hyphen when
/// the piece has one ("Round-the-" / "clock"), else where the room ends.
fn chunks(word: &str, room: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut used) = (0, 0);
    // Just after the last hyphen in the current piece, and the width before it.
    let mut hyphen: Option<(usize, usize)> = None;
    for (i, c) in word.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > 0 && used + w > room {
            match hyphen.take() {
                Some((cut, width)) if cut > start => {
                    out.push(&word[start..cut]);
                    (start, used) = (cut, used - width);
                }
                _ => {
                    out.push(&word[start..i]);
                    (start, used) = (i, 0);
                }
            }
        }
        used += w;
        if c == '-' {
            hyphen = Some((i + c.len_utf8(), used));
        }
    }
    out.push(&word[start..]);
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
    fn the_pieces_of_a_cut_word_never_share_a_line_with_a_space() {
        // Room for a piece is 2 (the indent takes 6 of 8); "ab cd ef" would
        // fit on the first line, but "ef" belongs to the same word as "cd".
        let out = wrap_strict("ab cdefghijk", 8, 0, "      ");
        assert_eq!(out, "ab cd\n      ef\n      gh\n      ij\n      k");
    }

    #[test]
    fn long_words_are_cut_after_a_hyphen_when_they_have_one() {
        assert_eq!(
            wrap_strict("Round-the-clock supervision", 12, 0, ""),
            "Round-the-\nclock\nsupervision"
        );
        assert_eq!(wrap_strict("abcdefghij-k", 5, 0, ""), "abcde\nfghij\n-k");
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
