//! Reading batch input into records: JSON Lines, or CSV (RFC 4180: quoted
//! fields may hold commas, quotes written twice and line breaks). Memory is
//! bounded per record, so any input streams in constant memory.

use std::io::{self, BufRead};

/// The longest record read; a longer one becomes an error record (its
/// bytes are skipped, never held).
pub const MAX_RECORD: usize = 1 << 20;

/// One record as read, before it is checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line the record starts on (1-based).
    pub line: usize,
    pub raw: Raw,
}

/// Records read together, handed to one worker: JSON lines are kept in
/// one buffer, so that a chunk is a few allocations, not one per record.
#[derive(Debug, Default)]
pub struct Chunk {
    pub text: String,
    pub records: Vec<Record>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Raw {
    /// One JSON line, without its line end: where it is in [`Chunk::text`].
    Json(std::ops::Range<usize>),
    /// The fields of a CSV row.
    Csv(Vec<Field>),
    /// Longer than [`MAX_RECORD`] bytes.
    TooLong,
    /// Bytes that are not UTF-8, at this 1-based column (a byte count).
    NotUtf8 { column: usize },
    /// A CSV quote opened and never closed before the input ended.
    Unclosed,
}

/// A CSV field and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// A cell is short: kept inline (no allocation) up to 24 bytes.
    pub text: compact_str::CompactString,
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
}

/// Reads one line at a time, at most `MAX_RECORD` bytes of it kept.
pub struct Lines<R> {
    input: R,
    /// Lines read so far.
    pub line: usize,
    /// Bytes read so far.
    pub bytes: u64,
    buf: Vec<u8>,
}

/// One physical line.
enum Line<'a> {
    Text(&'a str),
    TooLong,
    NotUtf8(usize),
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R) -> Self {
        Lines {
            input,
            line: 0,
            bytes: 0,
            buf: Vec::new(),
        }
    }

    /// The next line without its line end, or `None` at the end of input.
    fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        self.buf.clear();
        let mut too_long = false;
        let mut any = false;
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                break;
            }
            any = true;
            let (take, done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if !too_long {
                if self.buf.len() + take > MAX_RECORD + 2 {
                    too_long = true;
                    self.buf.clear();
                } else {
                    self.buf.extend_from_slice(&chunk[..take]);
                }
            }
            self.input.consume(take);
            self.bytes += take as u64;
            if done {
                break;
            }
        }
        if !any {
            return Ok(None);
        }
        self.line += 1;
        if too_long {
            return Ok(Some(Line::TooLong));
        }
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
        }
        if self.line == 1 && self.buf.starts_with("\u{feff}".as_bytes()) {
            self.buf.drain(..3);
        }
        if self.buf.len() > MAX_RECORD {
            return Ok(Some(Line::TooLong));
        }
        Ok(Some(match std::str::from_utf8(&self.buf) {
            Ok(s) => Line::Text(s),
            Err(e) => Line::NotUtf8(e.valid_up_to() + 1),
        }))
    }

    /// The next JSON Lines record, its text added to `text`; blank lines
    /// are skipped.
    pub fn next_json(&mut self, text: &mut String) -> io::Result<Option<Record>> {
        loop {
            let raw = match self.next_line()? {
                None => return Ok(None),
                Some(Line::Text(t)) if t.trim().is_empty() => continue,
                Some(Line::Text(t)) => {
                    let start = text.len();
                    text.push_str(t);
                    Raw::Json(start..text.len())
                }
                Some(Line::TooLong) => Raw::TooLong,
                Some(Line::NotUtf8(column)) => Raw::NotUtf8 { column },
            };
            return Ok(Some(Record {
                line: self.line,
                raw,
            }));
        }
    }

    /// The next CSV record; blank lines between records are skipped.
    pub fn next_csv(&mut self) -> io::Result<Option<Record>> {
        let mut fields: Vec<Field> = Vec::new();
        let mut field = String::new();
        let mut start = (0, 1);
        let mut quoted = false;
        let mut in_quotes = false;
        let mut size = 0;
        let mut first_line = 0;
        loop {
            let line_no = self.line + 1;
            let text = match self.next_line()? {
                None if first_line == 0 => return Ok(None),
                None => {
                    return Ok(Some(Record {
                        line: first_line,
                        raw: Raw::Unclosed,
                    }))
                }
                Some(Line::TooLong) => Err(Raw::TooLong),
                Some(Line::NotUtf8(column)) => Err(Raw::NotUtf8 { column }),
                Some(Line::Text(t)) => Ok(t),
            };
            let text = match text {
                Ok(t) => t,
                Err(raw) => {
                    return Ok(Some(Record {
                        line: if first_line == 0 { line_no } else { first_line },
                        raw,
                    }))
                }
            };
            if first_line == 0 {
                if text.trim().is_empty() {
                    continue;
                }
                first_line = line_no;
                start = (line_no, 1);
            }
            size += text.len() + 1;
            if size > MAX_RECORD {
                // Skip to the end of this record without keeping it.
                let unclosed = in_quotes || odd_quotes(text, in_quotes);
                if unclosed {
                    self.skip_quoted()?;
                }
                return Ok(Some(Record {
                    line: first_line,
                    raw: Raw::TooLong,
                }));
            }
            // The common row: one line of ASCII, nothing quoted. Split at
            // the commas; the same fields, places and trimming as below.
            if fields.is_empty() && !in_quotes && text.is_ascii() && !text.contains('"') {
                let mut column = 1;
                let fields = text
                    .split(',')
                    .map(|piece| {
                        let field = Field {
                            text: piece.trim().into(),
                            line: line_no,
                            column,
                        };
                        column += piece.len() + 1;
                        field
                    })
                    .collect();
                return Ok(Some(Record {
                    line: first_line,
                    raw: Raw::Csv(fields),
                }));
            }
            let mut chars = text.chars().peekable();
            let mut column = 0;
            while let Some(c) = chars.next() {
                column += 1;
                if in_quotes {
                    if c == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            column += 1;
                            field.push('"');
                        } else {
                            in_quotes = false;
                        }
                    } else {
                        field.push(c);
                    }
                    continue;
                }
                match c {
                    ',' => {
                        fields.push(Field {
                            text: finish(&mut field, quoted).into(),
                            line: start.0,
                            column: start.1,
                        });
                        quoted = false;
                        start = (line_no, column + 1);
                    }
                    '"' if field.trim().is_empty() && !quoted => {
                        field.clear();
                        quoted = true;
                        in_quotes = true;
                    }
                    c => field.push(c),
                }
            }
            if in_quotes {
                field.push('\n');
                continue;
            }
            fields.push(Field {
                text: finish(&mut field, quoted).into(),
                line: start.0,
                column: start.1,
            });
            return Ok(Some(Record {
                line: first_line,
                raw: Raw::Csv(fields),
            }));
        }
    }

    /// Read on past the lines of an over-long quoted field.
    fn skip_quoted(&mut self) -> io::Result<()> {
        let mut open = true;
        while open {
            match self.next_line()? {
                None => return Ok(()),
                Some(Line::Text(t)) => open = odd_quotes(t, open),
                Some(_) => {}
            }
        }
        Ok(())
    }
}

/// Whether a quote is still open at the end of `text`, given whether one
/// was open at its start.
fn odd_quotes(text: &str, open: bool) -> bool {
    open ^ (text.bytes().filter(|&b| b == b'"').count() % 2 == 1)
}

/// A field's text: unquoted fields are trimmed (spaces around a code in a
/// spreadsheet export mean nothing); quoted ones are kept as written.
fn finish(field: &mut String, quoted: bool) -> String {
    let text = std::mem::take(field);
    if quoted || text.trim().len() == text.len() {
        text
    } else {
        text.trim().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Vec<Record> {
        let mut lines = Lines::new(text.as_bytes());
        std::iter::from_fn(|| lines.next_csv().unwrap()).collect()
    }

    fn texts(r: &Record) -> Vec<&str> {
        match &r.raw {
            Raw::Csv(f) => f.iter().map(|f| f.text.as_str()).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn csv_fields_may_hold_commas_quotes_and_line_breaks() {
        let records = csv("id,a\n\"x, \"\"y\"\"\nz\",yes\r\n\nplain , no\n");
        assert_eq!(records.len(), 3);
        assert_eq!(texts(&records[0]), ["id", "a"]);
        assert_eq!(texts(&records[1]), ["x, \"y\"\nz", "yes"]);
        assert_eq!(records[1].line, 2);
        assert_eq!(texts(&records[2]), ["plain", "no"]);
        assert_eq!(records[2].line, 5, "the blank line is counted");
        let Raw::Csv(fields) = &records[1].raw else {
            unreachable!()
        };
        assert_eq!((fields[1].line, fields[1].column), (3, 4));
    }

    #[test]
    fn a_plain_row_reads_as_the_same_row_with_a_quote() {
        // The first row takes the quick path (ASCII, no quote), the second
        // the careful one: the same fields, trimmed alike, at the same places.
        let records = csv(" r1 , x,y \n\"r1\", x,y \n");
        let place = |r: &Record| match &r.raw {
            Raw::Csv(f) => f.iter().map(|f| (f.line, f.column)).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(texts(&records[0]), ["r1", "x", "y"]);
        assert_eq!(texts(&records[1]), texts(&records[0]));
        assert_eq!(place(&records[0]), [(1, 1), (1, 6), (1, 9)]);
        assert_eq!(place(&records[1]), [(2, 1), (2, 6), (2, 9)]);
    }

    #[test]
    fn an_unclosed_quote_is_reported_at_its_record() {
        let records = csv("id,a\n1,\"yes\n2,no\n");
        assert_eq!(records[1].raw, Raw::Unclosed);
        assert_eq!(records[1].line, 2);
    }

    #[test]
    fn empty_fields_and_a_byte_order_mark() {
        let records = csv("\u{feff}id,a,b\n1,,\n");
        assert_eq!(texts(&records[0]), ["id", "a", "b"]);
        assert_eq!(texts(&records[1]), ["1", "", ""]);
    }

    #[test]
    fn json_lines_skip_blank_lines_and_keep_numbers() {
        let mut lines = Lines::new("{\"a\":1}\r\n\n  \n{\"b\":2}".as_bytes());
        let mut text = String::new();
        let a = lines.next_json(&mut text).unwrap().unwrap();
        let b = lines.next_json(&mut text).unwrap().unwrap();
        assert_eq!((a.line, a.raw), (1, Raw::Json(0..7)));
        assert_eq!((b.line, b.raw), (4, Raw::Json(7..14)));
        assert_eq!(text, "{\"a\":1}{\"b\":2}");
        assert!(lines.next_json(&mut text).unwrap().is_none());
    }

    #[test]
    fn a_huge_line_is_skipped_in_bounded_memory() {
        let mut text = vec![b'x'; 3 * MAX_RECORD];
        text.extend_from_slice(b"\n{}\n\xff\n");
        let mut lines = Lines::new(std::io::BufReader::with_capacity(4096, &text[..]));
        let mut t = String::new();
        assert_eq!(lines.next_json(&mut t).unwrap().unwrap().raw, Raw::TooLong);
        assert!(lines.buf.capacity() <= 2 * MAX_RECORD);
        assert_eq!(
            lines.next_json(&mut t).unwrap().unwrap(),
            Record {
                line: 2,
                raw: Raw::Json(0..2)
            }
        );
        assert_eq!(
            lines.next_json(&mut t).unwrap().unwrap().raw,
            Raw::NotUtf8 { column: 1 }
        );
    }
}
