//! Texts people read, which may vary by who answers (the person, or
//! someone answering about them) and by language.
//!
//! In the rule file a text is a string, the same for everyone, or a map of
//! variants whose keys all come from one axis: respondents (`self`,
//! `other`) or languages (`en`, `es`, ...). Maps nest, one axis a level:
//!
//! ```yaml
//! prompt:
//!   self: Have you had thoughts of hurting someone else?
//!   other: Has the person had thoughts of hurting someone else?
//! ```
//!
//! The rules are loaded once, then [`Text::select`] picks every text's
//! variant for the run; after that a text reads as a plain `str`.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Who answers the questions.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Respondent {
    /// The person being screened.
    #[default]
    #[serde(rename = "self")]
    Myself,
    /// Someone else (family, a clinician) answering about the person.
    Other,
}

impl Respondent {
    pub const ALL: [Respondent; 2] = [Respondent::Myself, Respondent::Other];

    /// The key of this respondent's variant in a rule file.
    pub fn key(self) -> &'static str {
        match self {
            Respondent::Myself => "self",
            Respondent::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Respondent> {
        Respondent::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// Which variant of every text a run uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Variant {
    pub respondent: Respondent,
    /// A language code the rule file offers; `None` is its default language.
    pub lang: Option<String>,
}

/// A text as written in the rule file: a string, or variants by key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tree {
    /// A text: owned when read from a file, borrowed from the binary when
    /// it is one of the baked built-in rules' (see [`TextTable`]).
    Leaf(Cow<'static, str>),
    /// Variants by respondent or by language, in the file's order.
    /// (Boxed: most texts are plain, and a text is moved often as rules load.)
    Variants(Box<IndexMap<String, Tree>>),
}

/// A text people read, with its variants and the one in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    tree: Tree,
    /// The variant in use (see [`Text::select`]); `None` when the text
    /// is a plain string, which is then the one in use.
    shown: Option<String>,
}

impl Text {
    /// A text that is the same for everyone.
    pub fn plain(text: impl Into<String>) -> Text {
        Text {
            shown: None,
            tree: Tree::Leaf(Cow::Owned(text.into())),
        }
    }

    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// The text in use, as a string slice.
    pub fn as_str(&self) -> &str {
        match (&self.shown, &self.tree) {
            (Some(s), _) => s,
            (None, Tree::Leaf(s)) => s,
            // Never so: a text with variants always has one in use.
            (None, Tree::Variants(_)) => "",
        }
    }

    /// Whether the text has variants at all.
    pub fn varies(&self) -> bool {
        matches!(self.tree, Tree::Variants(_))
    }

    /// The variant for `v`, with `default_lang` standing for `v.lang ==
    /// None`. A missing variant (which validation refuses) falls back to
    /// the first one written.
    pub fn get(&self, v: &Variant, default_lang: Option<&str>) -> &str {
        let mut node = &self.tree;
        loop {
            match node {
                Tree::Leaf(s) => return s,
                Tree::Variants(map) => {
                    let lang = v.lang.as_deref().or(default_lang);
                    node = map
                        .get(v.respondent.key())
                        .or_else(|| lang.and_then(|l| map.get(l)))
                        .or_else(|| map.values().next())
                        .expect("a text's variants are never empty");
                }
            }
        }
    }

    /// Keep only the variant in use, as if it were the only text written.
    pub fn keep_shown(&mut self) {
        if let Some(shown) = self.shown.take() {
            self.tree = Tree::Leaf(Cow::Owned(shown));
        }
    }

    /// Use the variant for `v` from now on.
    pub fn select(&mut self, v: &Variant, default_lang: Option<&str>) {
        self.shown = match &self.tree {
            Tree::Leaf(_) => None,
            Tree::Variants(_) => Some(self.get(v, default_lang).to_owned()),
        };
    }

    /// Every variant as (keys on the way, text), depth first.
    pub fn leaves(&self) -> Vec<(Vec<&str>, &str)> {
        fn walk<'a>(t: &'a Tree, keys: &mut Vec<&'a str>, out: &mut Vec<(Vec<&'a str>, &'a str)>) {
            match t {
                Tree::Leaf(s) => out.push((keys.clone(), s)),
                Tree::Variants(map) => {
                    for (k, sub) in map.iter() {
                        keys.push(k);
                        walk(sub, keys, out);
                        keys.pop();
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.tree, &mut Vec::new(), &mut out);
        out
    }
}

impl Default for Text {
    fn default() -> Self {
        Text::plain("")
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::plain(s)
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Tree;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text, or a map of its variants (`self`/`other`, or languages)")
            }
            fn visit_str<E>(self, v: &str) -> Result<Tree, E> {
                Ok(Tree::Leaf(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Tree, E> {
                Ok(Tree::Leaf(Cow::Owned(v)))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Tree, E> {
                // Only the baked rules write a text as a number: its place
                // in their table of texts.
                baked_text(v)
                    .map(Tree::Leaf)
                    .ok_or_else(|| E::invalid_type(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Tree, A::Error> {
                let mut map = IndexMap::new();
                while let Some((k, v)) = m.next_entry::<String, Tree>()? {
                    map.insert(k, v);
                }
                if map.is_empty() {
                    return Err(serde::de::Error::custom(
                        "a map of text variants needs at least one variant",
                    ));
                }
                Ok(Tree::Variants(Box::new(map)))
            }
        }
        d.deserialize_any(V)
    }
}

impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text people read: a string, or a map of its variants by who answers (`self`, `other`) or by language, which may nest",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "minProperties": 1,
                    "additionalProperties": { "$ref": "#/$defs/Text" }
                }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let tree = Tree::deserialize(d)?;
        let mut text = Text { tree, shown: None };
        text.select(&Variant::default(), None);
        Ok(text)
    }
}

impl Serialize for Tree {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Tree::Leaf(t) => match TextTable::place(t) {
                Some(place) => s.serialize_u64(place),
                None => s.serialize_str(t),
            },
            Tree::Variants(map) => map.serialize(s),
        }
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.tree.serialize(s)
    }
}

/// The texts of the baked built-in rules, written once into one string
/// that the binary carries as it is. A baked text is its place in that
/// string (start and length in one number), so that start-up borrows
/// every text instead of checking and copying each one.
#[derive(Debug, Default)]
pub struct TextTable {
    text: String,
    places: HashMap<String, u64>,
}

thread_local! {
    /// Set while the built-in rules are baked.
    static WRITING: RefCell<Option<TextTable>> = const { RefCell::new(None) };
    /// Set while the baked rules are read.
    static READING: Cell<Option<&'static str>> = const { Cell::new(None) };
}

impl TextTable {
    /// Run `f`, which serializes texts, with every text written into a
    /// table instead (the same text once); return `f`'s result and the
    /// table's string.
    pub fn collect<T>(f: impl FnOnce() -> T) -> (T, String) {
        WRITING.with(|w| *w.borrow_mut() = Some(TextTable::default()));
        let out = f();
        let table = WRITING.with(|w| w.borrow_mut().take()).unwrap_or_default();
        (out, table.text)
    }

    /// Run `f`, which deserializes what [`TextTable::collect`] wrote,
    /// with `table` the string it returned.
    pub fn reading<T>(table: &'static str, f: impl FnOnce() -> T) -> T {
        READING.with(|r| r.set(Some(table)));
        let out = f();
        READING.with(|r| r.set(None));
        out
    }

    /// `text`'s place in the table being collected, if one is.
    fn place(text: &str) -> Option<u64> {
        WRITING.with(|w| {
            let mut w = w.borrow_mut();
            let table = w.as_mut()?;
            if let Some(&place) = table.places.get(text) {
                return Some(place);
            }
            let start = u64::try_from(table.text.len()).ok()?;
            let len = u64::try_from(text.len()).ok()?;
            assert!(
                start < 1 << 32 && len < 1 << 32,
                "the built-in rules' texts fit in 4 GB"
            );
            let place = start << 32 | len;
            table.text.push_str(text);
            table.places.insert(text.to_owned(), place);
            Some(place)
        })
    }
}

/// A name the rule file gives (an id, an option code, a level named in a
/// rule): a string, which the baked built-in rules borrow from their table
/// of texts like any text, instead of checking and copying it.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Name(Cow<'static, str>);

impl Name {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the name is `bytes`: what a reader compares for every key
    /// and code it meets. Names are short, so a few word compares without
    /// a call to `memcmp` (which costs more than the compare itself).
    #[inline(always)]
    pub fn is(&self, bytes: &[u8]) -> bool {
        let a = self.0.as_bytes();
        let n = a.len();
        if n != bytes.len() {
            return false;
        }
        let u32_at = |s: &[u8], at: usize| {
            s.get(at..at + 4)
                .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        };
        let u64_at = |s: &[u8], at: usize| {
            s.get(at..at + 8)
                .and_then(|w| w.try_into().ok())
                .map(u64::from_le_bytes)
        };
        match n {
            0..=3 => a.iter().zip(bytes).all(|(x, y)| x == y),
            // Two overlapping words cover every byte.
            4..=7 => u32_at(a, 0) == u32_at(bytes, 0) && u32_at(a, n - 4) == u32_at(bytes, n - 4),
            // Whole words, then the last eight bytes (overlapping).
            _ => {
                let mut at = 0;
                while at + 8 < n {
                    if u64_at(a, at) != u64_at(bytes, at) {
                        return false;
                    }
                    at += 8;
                }
                u64_at(a, n - 8) == u64_at(bytes, n - 8)
            }
        }
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Name {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, as `str` does: a width or alignment applies.
        f.pad(&self.0)
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<String> for Name {
    fn from(s: String) -> Name {
        Name(Cow::Owned(s))
    }
}

impl From<&str> for Name {
    fn from(s: &str) -> Name {
        Name(Cow::Owned(s.to_owned()))
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Name {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Name> for &str {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl PartialEq<Name> for String {
    fn eq(&self, other: &Name) -> bool {
        **self == *other.0
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match TextTable::place(&self.0) {
            Some(place) => s.serialize_u64(place),
            None => s.serialize_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Name;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E>(self, v: &str) -> Result<Name, E> {
                Ok(Name::from(v))
            }
            fn visit_string<E>(self, v: String) -> Result<Name, E> {
                Ok(Name::from(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Name, E> {
                baked_text(v)
                    .map(Name)
                    .ok_or_else(|| E::invalid_type(serde::de::Unexpected::Unsigned(v), &self))
            }
        }
        if READING.with(Cell::get).is_some() {
            d.deserialize_u64(V)
        } else {
            d.deserialize_string(V)
        }
    }
}

impl schemars::JsonSchema for Name {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(g)
    }
}

/// The text at `place` in the table being read, if one is and it is there.
fn baked_text(place: u64) -> Option<Cow<'static, str>> {
    let table = READING.with(Cell::get)?;
    let start = usize::try_from(place >> 32).ok()?;
    let len = usize::try_from(place & 0xffff_ffff).ok()?;
    table.get(start..start.checked_add(len)?).map(Cow::Borrowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(yaml: &str) -> Text {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn a_string_is_the_same_for_everyone() {
        let t = text("\"Hello\"");
        let other = Variant {
            respondent: Respondent::Other,
            lang: None,
        };
        assert_eq!(t.get(&other, None), "Hello");
        assert!(!t.varies());
        assert_eq!(&*t, "Hello");
    }

    #[test]
    fn variants_by_respondent_and_language_nest() {
        let mut t = text("{en: {self: You, other: They}, es: {self: Usted, other: Ellos}}");
        assert_eq!(t.as_str(), "You", "the default: self, first language");
        let es_other = Variant {
            respondent: Respondent::Other,
            lang: Some("es".into()),
        };
        t.select(&es_other, Some("en"));
        assert_eq!(t.as_str(), "Ellos");
        let other = Variant {
            respondent: Respondent::Other,
            lang: None,
        };
        assert_eq!(t.get(&other, Some("en")), "They");
        assert_eq!(
            t.leaves(),
            vec![
                (vec!["en", "self"], "You"),
                (vec!["en", "other"], "They"),
                (vec!["es", "self"], "Usted"),
                (vec!["es", "other"], "Ellos")
            ]
        );
    }

    #[test]
    fn a_text_in_a_table_is_read_back_borrowed_and_only_while_reading() {
        let texts = vec![
            text("Hello"),
            text("{self: You, other: They}"),
            text("Hello"),
        ];
        let (bytes, table) = TextTable::collect(|| rmp_serde::to_vec(&texts).unwrap());
        assert_eq!(table, "HelloYouThey", "each text once");
        let table: &'static str = Box::leak(table.into_boxed_str());
        let back: Vec<Text> = TextTable::reading(table, || rmp_serde::from_slice(&bytes).unwrap());
        assert_eq!(back, texts);
        assert!(matches!(back[0].tree(), Tree::Leaf(Cow::Borrowed("Hello"))));
        // Outside `reading`, a number is not a text.
        assert!(rmp_serde::from_slice::<Vec<Text>>(&bytes).is_err());
        // Nor is a place outside the table.
        let outside = rmp_serde::to_vec(&(12u64 << 32 | 3)).unwrap();
        assert!(TextTable::reading(table, || rmp_serde::from_slice::<Text>(&outside)).is_err());
    }

    #[test]
    fn a_name_is_the_bytes_it_holds_and_no_others() {
        let words = [
            "",
            "a",
            "no",
            "yes",
            "none",
            "daily",
            "several",
            "sometimes",
            "weekly_or_more",
            "sixteen_letters!",
            "more_than_sixteen_letters",
        ];
        for w in words {
            let n = Name::from(w);
            assert!(n.is(w.as_bytes()), "{w}");
            for other in words.iter().filter(|o| **o != w) {
                assert!(!n.is(other.as_bytes()), "{w} is not {other}");
            }
            // One byte changed, at every place.
            for i in 0..w.len() {
                let mut b = w.as_bytes().to_vec();
                b[i] ^= 0x20;
                assert!(!n.is(&b), "{w} with byte {i} changed");
            }
        }
    }

    #[test]
    fn a_name_reads_and_prints_as_its_string() {
        let n: Name = serde_yaml::from_str("risk").unwrap();
        assert_eq!(n, "risk");
        assert_eq!(format!("[{n:>6}]"), "[  risk]");
        assert_eq!(serde_json::to_string(&n).unwrap(), "\"risk\"");
        let e = serde_yaml::from_str::<Name>("[a]").unwrap_err().to_string();
        assert!(e.contains("expected a string"), "{e}");
    }

    #[test]
    fn an_empty_map_is_refused() {
        assert!(serde_yaml::from_str::<Text>("{}").is_err());
    }
}
