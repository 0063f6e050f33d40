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
    Leaf(String),
    /// Variants by respondent or by language, in the file's order.
    Variants(IndexMap<String, Tree>),
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
            tree: Tree::Leaf(text.into()),
        }
    }

    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// The text in use, as a string slice.
    pub fn as_str(&self) -> &str {
        match (&self.shown, &self.tree) {
            (Some(s), _) | (None, Tree::Leaf(s)) => s,
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
            self.tree = Tree::Leaf(shown);
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
                    for (k, sub) in map {
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
                Ok(Tree::Leaf(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Tree, E> {
                Ok(Tree::Leaf(v))
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
                Ok(Tree::Variants(map))
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
            Tree::Leaf(t) => s.serialize_str(t),
            Tree::Variants(map) => map.serialize(s),
        }
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.tree.serialize(s)
    }
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
    fn an_empty_map_is_refused() {
        assert!(serde_yaml::from_str::<Text>("{}").is_err());
    }
}
