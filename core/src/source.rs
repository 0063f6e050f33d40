//! Input text and where things are in it.
//!
//! serde tells us *what* a file holds; this module remembers *where*, so that
//! errors found after parsing can still point at file:line:column. It walks
//! the YAML event stream once and records the position of every key and value
//! by its path (`questions[3].options[1].code`). It also finds duplicate keys,
//! which the YAML deserializer would silently merge (last one wins).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

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
    pub text: Cow<'static, str>,
    /// Built at once for a file read now ([`Source::new`]); on first use
    /// for the built-in rules, checked when carelevel was built.
    index: OnceLock<Index>,
}

/// Where things are in a text, and what it must not hold.
#[derive(Debug, Clone)]
struct Index {
    /// Byte offset where each line starts, for quick snippets.
    line_starts: Vec<usize>,
    /// For each long line, the byte offset (in the line) of every
    /// [`CHECKPOINT`]th character: a snippet far into a long line starts
    /// near its spot instead of walking the whole line.
    long_lines: HashMap<usize, Vec<usize>>,
    /// By a hash of the path: a file may hold a million of them, and the
    /// paths themselves are only ever looked up.
    keys: HashMap<u64, Pos>,
    values: HashMap<u64, Pos>,
    duplicates: Vec<DuplicateKey>,
    /// Where nesting went past what any reader here accepts.
    too_deep: Option<Pos>,
    /// What makes the file unreadable as a whole, found while walking it.
    found: Found,
}

/// Things no rule or answer file may hold, each where it first appears.
#[derive(Debug, Clone, Default)]
struct Found {
    /// A text holds a character that could drive a terminal, written as an
    /// escape (`"\e"`, `"\u202E"`) so that the raw text looks clean.
    unsafe_char: Option<(Pos, char)>,
    /// A tag (`!!binary`, `!custom`): the readers would ignore it.
    tag: Option<Pos>,
    /// An anchor (`&name`) or alias (`*name`): aliases can multiply a small
    /// file into a huge one, and every place should be written out.
    alias: Option<Pos>,
    /// The value past [`MAX_NODES`], or the comma past half as many, and
    /// what was counted.
    too_many: Option<(Pos, String)>,
}

impl Source {
    /// Index `text`. Text that is not valid YAML gets a partial index; the
    /// parse error itself is reported by the deserializer.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let source = Source {
            name: name.into(),
            text: Cow::Owned(text.into()),
            index: OnceLock::new(),
        };
        source.index();
        source
    }

    /// A text to be indexed only if a place in it is ever needed: the
    /// quick readers, which hand anything with a problem to the full one.
    pub fn deferred(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: Cow::Owned(text.into()),
            index: OnceLock::new(),
        }
    }

    /// A text checked already (the built-in rules): indexed only if a
    /// place in it is ever needed.
    pub fn trusted(name: impl Into<String>, text: &'static str) -> Self {
        Source {
            name: name.into(),
            text: Cow::Borrowed(text),
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| Index::new(&self.text))
    }
}

impl Index {
    fn new(text: &str) -> Index {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut walker = Walker::default();
        let mut too_deep = None;
        // The parser reads a whole `[...]` or `{...}` ahead before it says
        // anything about it, so a huge one must be refused before parsing.
        let commas = text.match_indices(',').nth(MAX_NODES / 2).map(|(at, _)| {
            let line = line_starts.partition_point(|&start| start <= at);
            let column = text[line_starts[line - 1]..at].chars().count() + 1;
            Pos { line, column }
        });
        walker.found.too_many = commas.map(|p| {
            (
                p,
                format!(
                    "more than {} comma-separated values",
                    thousands(MAX_NODES / 2)
                ),
            )
        });
        let events = Parser::new_from_str(text).take_while(|_| commas.is_none());
        for item in events {
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
            if walker.nodes >= MAX_NODES {
                walker.found.too_many =
                    Some((pos, format!("more than {} values", thousands(MAX_NODES))));
                break;
            }
            walker.event(event, pos);
        }
        let long_lines = line_starts
            .iter()
            .enumerate()
            .filter_map(|(i, &start)| {
                let end = line_starts.get(i + 1).map_or(text.len(), |&next| next - 1);
                (end - start > LONG_LINE).then(|| {
                    let marks = text[start..end]
                        .char_indices()
                        .step_by(CHECKPOINT)
                        .map(|(b, _)| b)
                        .collect();
                    (i + 1, marks)
                })
            })
            .collect();
        Index {
            line_starts,
            long_lines,
            keys: walker.keys,
            values: walker.values,
            duplicates: walker.duplicates,
            too_deep,
            found: walker.found,
        }
    }
}

impl Source {
    /// Where the key of `path` stands, else its value.
    pub fn key(&self, path: &str) -> Option<Location> {
        let h = hash(path);
        self.index()
            .keys
            .get(&h)
            .or_else(|| self.index().values.get(&h))
            .map(|p| self.location(*p))
    }

    /// Where the value of `path` starts, else its key.
    pub fn value(&self, path: &str) -> Option<Location> {
        let h = hash(path);
        self.index()
            .values
            .get(&h)
            .or_else(|| self.index().keys.get(&h))
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
                .find(|&(_, c)| is_unsafe(c) && c != '\t' && c != '\r')
                .map(|found| (i, found))
        }) {
            return Some(
                Problem::new(format!(
                    "the file holds {} (U+{:04X})",
                    if c.is_control() {
                        "a control character"
                    } else {
                        "a text-direction or line-separator character"
                    },
                    u32::from(c)
                ))
                .at(Some(self.location(Pos {
                    line: line + 1,
                    column: column + 1,
                })))
                .help("remove it: rule and answer files are plain text"),
            );
        }
        if let Some(p) = self.index().too_deep {
            return Some(
                Problem::new("the file nests too deeply")
                    .at(Some(self.location(p)))
                    .help("a rule or answer file needs only a few levels of nesting; check the brackets and indentation"),
            );
        }
        let f = &self.index().found;
        if let Some((p, c)) = f.unsafe_char {
            let problem = if c == '\t' {
                Problem::new("a text holds a tab")
                    .help("use spaces instead: a tab shows differently on every terminal")
            } else {
                Problem::new(format!(
                    "a text holds the character U+{:04X}, written as an escape",
                    u32::from(c)
                ))
                .help("remove it: control characters and text-direction overrides could change what a terminal shows")
            };
            return Some(problem.at(Some(self.location(p))));
        }
        if let Some((p, what)) = &f.too_many {
            return Some(
                Problem::new(format!("the file holds {what}"))
                    .at(Some(self.location(*p)))
                .help("a rule or answer file needs far fewer; check that this is the file you meant"),
            );
        }
        if let Some(p) = f.tag {
            return Some(
                Problem::new("the file uses a YAML tag (`!` or `!!`)")
                    .at(Some(self.location(p)))
                    .help("remove the tag: rule and answer files hold plain text, numbers, lists and mappings"),
            );
        }
        f.alias.map(|p| {
            Problem::new("the file uses a YAML anchor (`&name`) or alias (`*name`)")
                .at(Some(self.location(p)))
                .help("write the value out in full where it is needed; anchors and aliases are not supported")
        })
    }

    /// Keys written twice in one mapping.
    pub fn duplicates(&self) -> &[DuplicateKey] {
        &self.index().duplicates
    }

    /// A location at `pos`, with the text of its line around it.
    pub fn location(&self, pos: Pos) -> Location {
        Location {
            file: self.name.clone(),
            line: pos.line,
            column: pos.column,
            snippet: self.line(pos.line).map(|line| {
                // Start the walk at the checkpoint before the window.
                let mark = self.index().long_lines.get(&pos.line).and_then(|marks| {
                    let k = (pos.column.saturating_sub(1 + SNIPPET_BEFORE) / CHECKPOINT)
                        .min(marks.len().saturating_sub(1));
                    (k > 0).then(|| (marks[k], k * CHECKPOINT))
                });
                match mark {
                    Some((byte, chars)) => {
                        crate::error::Snippet::window(&line[byte..], pos.column - chars, true)
                    }
                    None => crate::error::Snippet::around(line, pos.column),
                }
            }),
        }
    }

    /// The text of 1-based line `n`, without its line break.
    pub fn line(&self, n: usize) -> Option<&str> {
        let start = *self.index().line_starts.get(n.checked_sub(1)?)?;
        let end = self
            .index()
            .line_starts
            .get(n)
            .map_or(self.text.len(), |&next| next - 1);
        Some(self.text[start..end].trim_end_matches('\r'))
    }
}

/// Lines longer than this many bytes get checkpoints for snippets.
const LONG_LINE: usize = 4096;
const CHECKPOINT: usize = 1024;
/// Characters a snippet shows before its spot (as in `error`), plus slack.
const SNIPPET_BEFORE: usize = 64;

/// Deeper than this, nothing is indexed: the deserializer refuses such
/// nesting anyway, and indexing it would cost time for nothing.
const MAX_DEPTH: usize = 200;

/// The most values (keys, texts, numbers, lists, mappings) a file may hold:
/// 64 times the built-in rules (7,800 values, with their test cases), or
/// a plain rule file of about 10,000 questions; reading a file of this
/// size takes well under 256 MB of memory.
pub const MAX_NODES: usize = 500_000;

/// `12345` as `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub use crate::error::is_unsafe;

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

/// The index key of a path. Two paths of one file sharing a 64-bit hash
/// would only give a message the wrong place, never a wrong result.
fn hash(path: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    path.hash(&mut h);
    h.finish()
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
    keys: HashMap<u64, Pos>,
    values: HashMap<u64, Pos>,
    duplicates: Vec<DuplicateKey>,
    nodes: usize,
    found: Found,
}

enum Role {
    Key,
    Value(String),
    Ignored,
}

impl Walker {
    fn event(&mut self, event: Event<'_>, pos: Pos) {
        let (anchor, tagged) = match &event {
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(anchor, tag)
            | Event::MappingStart(anchor, tag) => (*anchor > 0, tag.is_some()),
            Event::Alias(_) => (true, false),
            _ => (false, false),
        };
        if matches!(
            event,
            Event::Scalar(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
                | Event::Alias(_)
        ) {
            self.nodes += 1;
        }
        if anchor && self.found.alias.is_none() {
            self.found.alias = Some(pos);
        }
        if tagged && self.found.tag.is_none() {
            self.found.tag = Some(pos);
        }
        if let Event::Scalar(text, ..) = &event {
            if self.found.unsafe_char.is_none() {
                if let Some(c) = text.chars().find(|&c| is_unsafe(c)) {
                    self.found.unsafe_char = Some((pos, c));
                }
            }
        }
        match event {
            Event::Scalar(text, ..) => match self.role() {
                Role::Key => self.key(text.into_owned(), pos),
                Role::Value(path) => {
                    self.values.insert(hash(&path), pos);
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
                        self.values.insert(hash(&path), pos);
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
                self.values.insert(hash(&path), pos);
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
                self.keys.insert(hash(&full), pos);
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

    fn refused(text: &str) -> Problem {
        Source::new("f.yaml", text)
            .unreadable()
            .unwrap_or_else(|| panic!("{text:?} is refused"))
    }

    #[test]
    fn escaped_control_and_direction_characters_are_refused_where_their_text_starts() {
        for (text, shown) in [
            ("a: \"x\\e[2Jy\"\n", "U+001B"),
            ("a: \"x\\u202Ey\"\n", "U+202E"),
            ("a: \"x\\x9by\"\n", "U+009B"),
            ("a: \"x\\u2028y\"\n", "U+2028"),
            ("a:\n  - \"\\u2066\"\n", "U+2066"),
            ("\"k\\ey\": 1\n", "U+001B"),
        ] {
            let p = refused(text);
            assert!(p.message.contains(shown), "{text:?}: {}", p.message);
            assert!(p.message.contains("written as an escape"), "{}", p.message);
            assert!(p.location.is_some());
        }
        let p = refused("a: \"x\\ty\"\n");
        assert_eq!(p.message, "a text holds a tab");
        let loc = p.location.unwrap();
        assert_eq!((loc.line, loc.column), (1, 4));
        // A raw direction override is found at its own column.
        let p = refused("a: b \u{202E}c\n");
        assert!(p.message.contains("text-direction"), "{}", p.message);
        assert_eq!(p.location.unwrap().column, 6);
        // Ordinary text in any script passes.
        assert!(Source::new("f.yaml", "a: \"Ça va? 日本 العربية\"\n")
            .unreadable()
            .is_none());
    }

    #[test]
    fn tags_anchors_and_aliases_are_refused_with_their_place() {
        let p = refused("a: 1\nb: !!binary aGk=\n");
        assert!(p.message.contains("YAML tag"), "{}", p.message);
        assert_eq!(p.location.unwrap().line, 2);
        let p = refused("a: !custom {x: 1}\n");
        assert!(p.message.contains("YAML tag"), "{}", p.message);
        let p = refused("a: &x [1, 2]\nb: *x\n");
        assert!(p.message.contains("anchor"), "{}", p.message);
        assert_eq!(p.location.unwrap().line, 1);
    }

    #[test]
    fn an_alias_bomb_is_refused_before_it_grows() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            text.push_str(&format!(
                "b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
        }
        let p = refused(&text);
        assert!(p.message.contains("anchor"), "{}", p.message);
    }

    #[test]
    fn too_many_values_stop_the_walk_with_a_place() {
        let text = format!("a: [{}]\n", vec!["1"; MAX_NODES + 10].join(","));
        let p = refused(&text);
        assert_eq!(
            p.message,
            "the file holds more than 250,000 comma-separated values"
        );
        let loc = p.location.unwrap();
        assert_eq!((loc.line, loc.column), (1, 6 + 2 * (MAX_NODES / 2)));
        let text = "- 1\n".repeat(MAX_NODES + 10);
        let p = refused(&text);
        assert_eq!(p.message, "the file holds more than 500,000 values");
        assert_eq!(p.location.unwrap().line, MAX_NODES);
    }

    #[test]
    fn snippets_on_long_lines_match_a_walk_of_the_whole_line() {
        let line: String = (0..20_000)
            .map(|i| {
                if i % 7 == 0 {
                    'é'
                } else {
                    char::from(b'a' + (i % 26) as u8)
                }
            })
            .collect();
        let src = Source::new("f.yaml", format!("x: 1\n{line}\r\ny: 2\n"));
        for column in [
            1, 2, 40, 41, 64, 65, 1000, 1024, 1089, 1090, 4096, 12_345, 19_999, 20_000, 20_001,
            25_000,
        ] {
            let fast = src.location(Pos { line: 2, column }).snippet.unwrap();
            let slow = crate::error::Snippet::around(&line, column);
            assert_eq!(fast, slow, "column {column}");
        }
    }

    #[test]
    fn byte_order_marks_and_old_mac_line_ends_are_normalized() {
        assert_eq!(normalize("\u{feff}a: 1\n"), "a: 1\n");
        assert_eq!(normalize("a: 1\rb: 2\r"), "a: 1\nb: 2\n");
        assert_eq!(normalize("a: 1\r\nb: 2\r\n"), "a: 1\r\nb: 2\r\n");
    }
}
