//! Input text and where things are in it.
//!
//! serde tells us *what* a file holds; this module remembers *where*, so that
//! errors found after parsing can still point at file:line:column. It walks
//! the YAML event stream once and records the position of every key and value
//! by its path (`questions[3].options[1].code`). It also finds duplicate keys,
//! which the YAML deserializer would silently merge (last one wins).

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

use crate::error::{Location, Problem};

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A key that appears twice in the same mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    pub path: String,
    pub key: String,
    pub first: Pos,
    pub again: Pos,
}

/// The text of one input and the positions of what is in it.
#[derive(Debug, Clone)]
pub struct Source {
    /// How the user named it: a path, `<built-in>` or `<stdin>`.
    pub name: String,
    pub text: String,
    /// Byte offset where each line starts, for quick snippets.
    line_starts: Vec<usize>,
    keys: HashMap<String, Pos>,
    values: HashMap<String, Pos>,
    duplicates: Vec<DuplicateKey>,
    /// Where nesting went past what any reader here accepts.
    too_deep: Option<Pos>,
}

impl Source {
    /// Index `text`. Text that is not valid YAML gets a partial index; the
    /// parse error itself is reported by the deserializer.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let mut walker = Walker::default();
        let mut too_deep = None;
        for item in Parser::new_from_str(&text) {
            let (event, span) = match item {
                Ok(ok) => ok,
                Err(e) => {
                    if e.info().contains("recursion limit") {
                        too_deep = Some(Pos {
                            line: e.marker().line(),
                            column: e.marker().col() + 1,
                        });
                    }
                    break;
                }
            };
            let pos = Pos {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            walker.event(event, pos);
        }
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source {
            name: name.into(),
            line_starts,
            text,
            keys: walker.keys,
            values: walker.values,
            duplicates: walker.duplicates,
            too_deep,
        }
    }

    /// Where the key of `path` stands, else its value.
    pub fn key(&self, path: &str) -> Option<Location> {
        self.keys
            .get(path)
            .or_else(|| self.values.get(path))
            .map(|p| self.location(*p))
    }

    /// Where the value of `path` starts, else its key.
    pub fn value(&self, path: &str) -> Option<Location> {
        self.values
            .get(path)
            .or_else(|| self.keys.get(path))
            .map(|p| self.location(*p))
    }

    /// Index a rule or answer file as the readers will see it (see
    /// [`normalize`]), or the problem that makes it unreadable as a whole.
    /// Both kinds of file go through here before they are deserialized.
    pub fn read(name: &str, text: &str) -> Result<Source, Problem> {
        let source = Source::new(name, normalize(text));
        match source.unreadable() {
            Some(problem) => Err(problem),
            None => Ok(source),
        }
    }

    /// A problem that makes the text unreadable as a whole: a control
    /// character (the deserializer names only a byte offset), or nesting so
    /// deep that the deserializer would take seconds to refuse it.
    fn unreadable(&self) -> Option<Problem> {
        if let Some((line, (column, c))) = self.text.lines().enumerate().find_map(|(i, l)| {
            l.chars()
                .enumerate()
                .find(|&(_, c)| c.is_control() && c != '\t' && c != '\r')
                .map(|found| (i, found))
        }) {
            return Some(
                Problem::new(format!(
                    "the file holds a control character (U+{:04X})",
                    u32::from(c)
                ))
                .at(Some(self.location(Pos {
                    line: line + 1,
                    column: column + 1,
                })))
                .help("remove it: rule and answer files are plain text"),
            );
        }
        self.too_deep.map(|p| {
            Problem::new("the file nests too deeply")
                .at(Some(self.location(p)))
                .help("a rule or answer file needs only a few levels of nesting; check the brackets and indentation")
        })
    }

    /// Keys written twice in one mapping.
    pub fn duplicates(&self) -> &[DuplicateKey] {
        &self.duplicates
    }

    /// A location at `pos`, with the text of its line.
    pub fn location(&self, pos: Pos) -> Location {
        Location {
            file: self.name.clone(),
            line: pos.line,
            column: pos.column,
            snippet: self
                .line(pos.line)
                .map(|l| crate::error::Snippet::around(l, pos.column)),
        }
    }

    /// The text of 1-based line `n`, without its line break.
    pub fn line(&self, n: usize) -> Option<&str> {
        let start = *self.line_starts.get(n.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(n)
            .map_or(self.text.len(), |&next| next - 1);
        Some(self.text[start..end].trim_end_matches('\r'))
    }
}

/// Deeper than this, nothing is indexed: the deserializer refuses such
/// nesting anyway, and indexing it would cost time for nothing.
const MAX_DEPTH: usize = 200;

/// `text` as the readers expect it: without a byte-order mark, and with
/// old Mac line ends (a lone `\r`) turned into `\n`, so that lines and
/// columns in messages match what an editor shows.
fn normalize(text: &str) -> std::borrow::Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') && !text.contains('\n') {
        std::borrow::Cow::Owned(text.replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Join a mapping path and a key: `a` + `b` → `a.b`.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        seen: HashMap<String, Pos>,
    },
    Seq {
        path: String,
        next: usize,
    },
    /// A collection used as a mapping key: nothing in it is indexed.
    Ignored,
}

#[derive(Default)]
struct Walker {
    stack: Vec<Frame>,
    keys: HashMap<String, Pos>,
    values: HashMap<String, Pos>,
    duplicates: Vec<DuplicateKey>,
}

enum Role {
    Key,
    Value(String),
    Ignored,
}

impl Walker {
    fn event(&mut self, event: Event<'_>, pos: Pos) {
        match event {
            Event::Scalar(text, ..) => match self.role() {
                Role::Key => self.key(text.into_owned(), pos),
                Role::Value(path) => {
                    self.values.insert(path, pos);
                }
                Role::Ignored => {}
            },
            Event::Alias(_) => self.scalar_like(pos),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let is_map = matches!(event, Event::MappingStart(..));
                let frame = match self.role() {
                    _ if self.stack.len() >= MAX_DEPTH => Frame::Ignored,
                    Role::Key | Role::Ignored => Frame::Ignored,
                    Role::Value(path) => {
                        self.values.insert(path.clone(), pos);
                        if is_map {
                            Frame::Map {
                                path,
                                key: None,
                                seen: HashMap::new(),
                            }
                        } else {
                            Frame::Seq { path, next: 0 }
                        }
                    }
                };
                self.stack.push(frame);
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(Frame::Ignored) = self.stack.pop() {
                    // A complex key just ended: what follows is its value.
                    if let Some(Frame::Map { key, .. }) = self.stack.last_mut() {
                        *key = Some("?".into());
                    }
                }
            }
            _ => {}
        }
    }

    fn scalar_like(&mut self, pos: Pos) {
        match self.role() {
            Role::Key => self.key("*".into(), pos),
            Role::Value(path) => {
                self.values.insert(path, pos);
            }
            Role::Ignored => {}
        }
    }

    /// What the node starting now is, and advance the parent's state.
    fn role(&mut self) -> Role {
        match self.stack.last_mut() {
            None => Role::Value(String::new()),
            Some(Frame::Ignored) => Role::Ignored,
            Some(Frame::Seq { path, next }) => {
                let p = format!("{path}[{next}]");
                *next += 1;
                Role::Value(p)
            }
            Some(Frame::Map { path, key, .. }) => match key.take() {
                None => Role::Key,
                Some(k) => Role::Value(join(path, &k)),
            },
        }
    }

    fn key(&mut self, key: String, pos: Pos) {
        if let Some(Frame::Map {
            path,
            key: slot,
            seen,
        }) = self.stack.last_mut()
        {
            let full = join(path, &key);
            if let Some(first) = seen.get(&key) {
                self.duplicates.push(DuplicateKey {
                    path: full.clone(),
                    key: key.clone(),
                    first: *first,
                    again: pos,
                });
            } else {
                seen.insert(key.clone(), pos);
                self.keys.insert(full, pos);
            }
            *slot = Some(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "a: 1\nlist:\n  - id: x\n    deep: {k: v}\n  - id: y\nflow: [1, 2]\n";

    fn at(loc: Option<Location>) -> (usize, usize) {
        let l = loc.expect("indexed");
        (l.line, l.column)
    }

    #[test]
    fn keys_and_values_have_one_based_positions() {
        let s = Source::new("f.yaml", DOC);
        assert_eq!(at(s.key("a")), (1, 1));
        assert_eq!(at(s.value("a")), (1, 4));
        assert_eq!(at(s.key("list[1].id")), (5, 5));
        assert_eq!(at(s.value("list[0].deep.k")), (4, 15));
        assert_eq!(at(s.value("flow[1]")), (6, 11));
    }

    #[test]
    fn location_carries_the_line_text() {
        let s = Source::new("f.yaml", DOC);
        let loc = s.value("list[1].id").unwrap();
        assert_eq!(loc.snippet.as_ref().unwrap().text, "  - id: y");
        assert_eq!(loc.to_string(), "f.yaml:5:9");
    }

    #[test]
    fn duplicate_keys_are_found_with_both_places() {
        let s = Source::new("f.yaml", "a: 1\nb:\n  c: 1\n  c: 2\na: 3\n");
        let d = s.duplicates();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].path, "b.c");
        assert_eq!((d[0].first.line, d[0].again.line), (3, 4));
        assert_eq!(d[1].key, "a");
    }

    #[test]
    fn json_text_is_indexed_too() {
        let s = Source::new("a.json", "{\n  \"answers\": {\"q\": \"yes\"}\n}\n");
        assert_eq!(at(s.value("answers.q")), (2, 20));
    }

    #[test]
    fn broken_yaml_gives_a_partial_index_not_a_panic() {
        let s = Source::new("f.yaml", "a: 1\nb: [unclosed\n");
        assert_eq!(at(s.key("a")), (1, 1));
    }

    #[test]
    fn complex_keys_are_skipped() {
        let s = Source::new("f.yaml", "? [a, b]\n: 1\nc: 2\n");
        assert_eq!(at(s.key("c")), (3, 1));
    }

    #[test]
    fn a_control_character_is_found_where_it_stands() {
        let src = Source::new("a.yaml", "answers:\n  harm_others: no\u{0}ne\n");
        let p = src.unreadable().unwrap();
        assert_eq!(p.message, "the file holds a control character (U+0000)");
        let loc = p.location.unwrap();
        assert_eq!((loc.line, loc.column), (2, 18));
        assert!(Source::new("a.yaml", "a:\tb\r\n").unreadable().is_none());
    }

    #[test]
    fn byte_order_marks_and_old_mac_line_ends_are_normalized() {
        assert_eq!(normalize("\u{feff}a: 1\n"), "a: 1\n");
        assert_eq!(normalize("a: 1\rb: 2\r"), "a: 1\nb: 2\n");
        assert_eq!(normalize("a: 1\r\nb: 2\r\n"), "a: 1\r\nb: 2\r\n");
    }
}
