//! The rule file as written: serde types, strict about unknown fields.
//!
//! These types are checked by `validate` before the engine ever sees them.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use super::fnv::NameMap;
pub use super::text::{Name, Respondent, Text, Variant};

/// An option code in an answer: short codes are kept inline, without an
/// allocation.
pub type Code = compact_str::CompactString;

/// Highest rating a dimension can have.
pub const MAX_RATING: u8 = 4;

/// One rule file (`schema: carelevel/v1`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    pub schema: String,
    pub id: String,
    pub version: String,
    /// Who may answer: `self` always; `other` when the texts that need it
    /// have the wording for someone answering about the person.
    #[serde(default = "only_self")]
    pub respondents: Vec<Respondent>,
    /// The language of the texts when no language is chosen, or the one
    /// asked for is not offered: a code such as `en` or `es`.
    #[serde(default = "english")]
    pub language: String,
    /// The languages the texts are written in, `language` among them; each
    /// text then has a variant for every one. Just `language` when left out.
    #[serde(default)]
    pub languages: Vec<String>,
    pub title: Text,
    pub disclaimer: Text,
    pub crisis: Crisis,
    #[serde(default)]
    pub declined: Option<Declined>,
    /// What an "I don't know" answer to a safety question means: the same
    /// shape as `declined`, with a note of its own.
    #[serde(default, skip_serializing_if = "unset")]
    pub unknown: Option<Declined>,
    #[serde(default)]
    pub attributes: Vec<Attribute>,
    pub levels: Vec<Level>,
    pub dimensions: Vec<Dimension>,
    pub questions: Vec<Question>,
    pub placement: Placement,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub tests: Vec<TestCase>,
}

/// What is shown first whenever a crisis rule fires.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Crisis {
    pub message: Text,
    /// The next step when the result is a crisis, in place of the level's
    /// own (which may speak of "if there is a crisis"): only what applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_step: Option<Text>,
}

fn only_self() -> Vec<Respondent> {
    vec![Respondent::Myself]
}

fn english() -> String {
    "en".to_owned()
}

impl RuleFile {
    /// The languages the file offers, its default language first.
    pub fn offered_languages(&self) -> Vec<&str> {
        let mut out = vec![self.language.as_str()];
        out.extend(
            self.languages
                .iter()
                .map(String::as_str)
                .filter(|l| *l != self.language),
        );
        out
    }
}

/// What happens when a person chooses a declining option ("prefer not to
/// say") or, in the `unknown` section, an "I don't know" option of a safety
/// question.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Declined {
    /// The least intensive level such an answer allows; never the lowest level.
    pub floor: Name,
    /// Id of the note added to the result.
    pub note: Name,
    /// Text of that note.
    pub text: Text,
}

/// A row of the comparison of levels.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attribute {
    pub id: Name,
    pub name: Text,
}

/// A level of care; the file lists them from least to most intensive.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: Name,
    pub name: Text,
    pub summary: Text,
    /// What to do next when this level is recommended, in a sentence or two.
    #[serde(default, skip_serializing_if = "unset")]
    pub next_step: Option<Text>,
    /// Attribute id → value, one per declared attribute.
    #[serde(default)]
    pub compare: NameMap<Text>,
}

/// Something rated 0..=4 from the answers; the highest rating given wins.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: Name,
    pub name: Text,
    #[serde(default)]
    pub description: Text,
}

/// The kinds of question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    YesNo,
    Choice,
    Multi,
    Integer,
}

impl QuestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::YesNo => "yes_no",
            QuestionKind::Choice => "choice",
            QuestionKind::Multi => "multi",
            QuestionKind::Integer => "integer",
        }
    }
}

fn yes() -> bool {
    true
}

/// One question, asked in file order.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Name,
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    /// A short name (a few words) for the review screen, reports and messages.
    pub title: Text,
    pub prompt: Text,
    #[serde(default, skip_serializing_if = "unset")]
    pub help: Option<Text>,
    #[serde(default = "yes")]
    pub required: bool,
    /// A safety question must offer a declining option.
    #[serde(default)]
    pub safety: bool,
    /// Least to most severe.
    #[serde(default)]
    pub options: Vec<AnswerOption>,
    /// Inclusive range of an `integer` question.
    #[serde(default, skip_serializing_if = "unset")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "unset")]
    pub max: Option<i64>,
    /// Unit of an `integer` answer, e.g. `hours a week`.
    #[serde(default, skip_serializing_if = "unset")]
    pub unit: Option<Text>,
    /// Asked only when this holds.
    #[serde(default, skip_serializing_if = "unset")]
    pub when: Option<Box<Condition>>,
}

impl Question {
    pub fn option(&self, code: &str) -> Option<(usize, &AnswerOption)> {
        self.option_index(code.as_bytes())
            .map(|i| (i, &self.options[i]))
    }

    /// The index of the option whose code is `code`, as bytes (a reader
    /// that has not made a string of it).
    #[inline]
    pub fn option_index(&self, code: &[u8]) -> Option<usize> {
        self.options.iter().position(|o| o.code.is(code))
    }

    /// Where `v` stands on this question's scale: an option's place, or a
    /// number as it is.
    pub fn rank_of(&self, v: &Scalar) -> Option<i64> {
        match v {
            Scalar::Code(c) => self.option(c).map(|(i, _)| i as i64),
            Scalar::Int(n) => Some(*n),
        }
    }

    /// The options in the order people see them: the severity scale first,
    /// then "I don't know" and last the declining option ("prefer not to
    /// say"), apart, so that neither reads as a step on the scale. Indices
    /// are the file's.
    pub fn shown_options(&self) -> impl Iterator<Item = (usize, &AnswerOption)> {
        let all = || self.options.iter().enumerate();
        let scale = all().filter(|(_, o)| !o.off_scale());
        let unknown = all().filter(|(_, o)| o.unknown && !o.declines);
        let declining = all().filter(|(_, o)| o.declines);
        scale.chain(unknown).chain(declining)
    }
}

/// One answer a question offers.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub code: Name,
    pub label: Text,
    /// Dimension id → rating (0..=4) this answer gives.
    #[serde(default, skip_serializing_if = "no_entries")]
    pub rate: NameMap<u8>,
    /// This option is "prefer not to say".
    #[serde(default, skip_serializing_if = "is_false")]
    pub declines: bool,
    /// This option is "I don't know": off the severity scale like a
    /// declining one; on a safety question, the `unknown` section applies.
    #[serde(default, skip_serializing_if = "is_false")]
    pub unknown: bool,
}

impl AnswerOption {
    /// Declining and "I don't know" have no place on the severity scale:
    /// `at_least` and `at_most` never hold for them.
    #[inline]
    pub fn off_scale(&self) -> bool {
        self.declines || self.unknown
    }

    /// "Prefer not to say".
    pub fn declining(&self) -> bool {
        self.declines
    }

    /// "I don't know", and not declining.
    pub fn not_known(&self) -> bool {
        self.unknown && !self.declines
    }
}

/// A condition over answers (and, in placement rules and notes, ratings):
/// data, not a string language.
///
/// Exactly one of `all`, `any`, `not`, `of`, `answer` or `dimension` is
/// given. With `answer`: exactly one of `is`, `in`, `at_least`, `at_most`.
/// With `dimension`: `at_least` or `at_most`, a rating 0..=4. With `of`:
/// `at_least`, how many of the listed conditions must hold.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    #[serde(default, skip_serializing_if = "unset")]
    pub all: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "unset")]
    pub any: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "unset")]
    pub not: Option<Box<Condition>>,
    #[serde(default, skip_serializing_if = "unset")]
    pub answer: Option<Name>,
    /// Compare a dimension's rating.
    #[serde(default, skip_serializing_if = "unset")]
    pub dimension: Option<Name>,
    /// At least `at_least` of these hold.
    #[serde(default, skip_serializing_if = "unset")]
    pub of: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "unset")]
    pub is: Option<Scalar>,
    #[serde(default, rename = "in", skip_serializing_if = "unset")]
    pub in_: Option<Vec<Scalar>>,
    #[serde(default, skip_serializing_if = "unset")]
    pub at_least: Option<Scalar>,
    #[serde(default, skip_serializing_if = "unset")]
    pub at_most: Option<Scalar>,
    /// The index of the question (`answer`) or dimension named, filled in
    /// when the rules are indexed, so that evaluation looks nothing up by name.
    #[serde(skip)]
    pub target: Target,
}

/// A condition is written as a map of the fields it sets, in every form
/// (the baked rules too, where other structs are written by position, and
/// the keys are the fields' places): of its ten fields two or three are
/// set, and reading a map of those is cheaper than reading ten places.
/// (`skip_serializing_if` on the fields is for the JSON Schema, which
/// reads it.)
impl Serialize for Condition {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        // Each field once: its key, and whether it is written.
        // The baked rules name a field by its place, which the derived
        // reader takes as well as its name, and costs no text to check.
        let by_place = writing_all_now();
        macro_rules! set_fields {
            ($($key:literal => $field:ident),* $(,)?) => {{
                let count = 0 $(+ usize::from(self.$field.is_some()))*;
                let mut m = s.serialize_map(Some(count))?;
                let mut place = 0u64;
                $(if let Some(v) = &self.$field {
                    if by_place {
                        m.serialize_entry(&place, v)?;
                    } else {
                        m.serialize_entry($key, v)?;
                    }
                }
                place += 1;)*
                let _ = place;
                m.end()
            }};
        }
        set_fields!(
            "all" => all,
            "any" => any,
            "not" => not,
            "answer" => answer,
            "dimension" => dimension,
            "of" => of,
            "is" => is,
            "in" => in_,
            "at_least" => at_least,
            "at_most" => at_most,
        )
    }
}

/// An index found once for a name; equal whatever it holds, so that
/// conditions compare by what is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Target {
    index: Option<u32>,
    /// For `at_least`/`at_most` on an answer: the threshold's place on the
    /// question's scale.
    rank: Option<i64>,
}

impl Target {
    #[inline]
    pub fn get(self) -> Option<usize> {
        self.index.map(|i| i as usize)
    }

    #[inline]
    pub fn rank(self) -> Option<i64> {
        self.rank
    }

    pub fn set(&mut self, index: Option<usize>, rank: Option<i64>) {
        self.index = index.and_then(|i| u32::try_from(i).ok());
        self.rank = rank;
    }
}

impl PartialEq for Target {
    fn eq(&self, _: &Target) -> bool {
        true
    }
}

/// The schema of an answer in a test case: a code, codes, a number, or
/// nothing.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum AnswerValue {
    Code(String),
    Codes(Vec<String>),
    Number(i64),
    Nothing(()),
}

impl JsonSchema for Scalar {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Scalar".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "An option code, or a whole number",
            "type": ["string", "integer", "boolean"]
        })
    }
}

/// An option code or a whole number, as written in a condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Scalar {
    Int(i64),
    Code(String),
}

impl std::fmt::Display for Scalar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Scalar::Int(n) => write!(f, "{n}"),
            Scalar::Code(c) => write!(f, "{c}"),
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an option code or a whole number")
            }
            fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar::Code(if v { "yes" } else { "no" }.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Scalar, E> {
                i64::try_from(v)
                    .map(Scalar::Int)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar::Code(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

/// How dimension ratings become a score for the bands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The highest dimension rating (0..=4).
    #[default]
    Max,
    /// The sum of all dimension ratings.
    Sum,
}

/// From ratings to a level: bands, then floor rules; the highest level wins.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Placement {
    #[serde(default)]
    pub basis: Basis,
    pub bands: Vec<Band>,
    #[serde(default)]
    pub rules: Vec<FloorRule>,
}

/// Scores `from..=to` map to `level`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub level: Name,
    pub from: u32,
    pub to: u32,
}

/// An independent criterion: when it holds, the level is at least `floor`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FloorRule {
    pub id: Name,
    pub when: Condition,
    pub floor: Name,
    #[serde(default)]
    pub crisis: bool,
    pub reason: Text,
}

/// A consideration shown beside the level.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: Name,
    /// Shown only when the recommended level is one of these (any level when empty).
    #[serde(default)]
    pub levels: Vec<Name>,
    #[serde(default)]
    pub when: Option<Box<Condition>>,
    pub text: Text,
}

/// An example case shipped with the rules; `check` runs it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TestCase {
    pub name: String,
    /// Who answers in this case (the person when left out).
    #[serde(default)]
    pub respondent: Option<Respondent>,
    /// The language the case is worded in (the file's default when left
    /// out): the result must not depend on it.
    #[serde(default)]
    pub lang: Option<String>,
    /// Question id → answer, as in an answer file.
    #[schemars(with = "IndexMap<String, AnswerValue>")]
    pub answers: IndexMap<String, serde_yaml::Value>,
    pub expect: Expect,
}

/// What a test case expects; fields left out are not checked.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    #[serde(default)]
    pub level: Option<String>,
    #[serde(default)]
    pub crisis: Option<bool>,
    #[serde(default)]
    pub fired: Option<Vec<String>>,
    #[serde(default)]
    pub notes: Option<Vec<String>>,
    #[serde(default)]
    pub dimensions: Option<IndexMap<String, u8>>,
}

/// Calls `$visit(path, text)` for every text of a rule file, in file order,
/// by shared or (with `mut`) by mutable reference: one list of the texts
/// for validation, for choosing variants, and for translation checks.
macro_rules! each_text {
    ($file:expr, $visit:expr $(, $m:tt)?) => {{
        let f = $file;
        let visit = &mut $visit;
        visit("title".to_string(), & $($m)? f.title);
        visit("disclaimer".to_string(), & $($m)? f.disclaimer);
        visit("crisis.message".to_string(), & $($m)? f.crisis.message);
        if let Some(step) = & $($m)? f.crisis.next_step {
            visit("crisis.next_step".to_string(), step);
        }
        if let Some(d) = & $($m)? f.declined {
            visit("declined.text".to_string(), & $($m)? d.text);
        }
        if let Some(d) = & $($m)? f.unknown {
            visit("unknown.text".to_string(), & $($m)? d.text);
        }
        for (i, a) in (& $($m)? f.attributes).into_iter().enumerate() {
            visit(format!("attributes[{i}].name"), & $($m)? a.name);
        }
        for (i, l) in (& $($m)? f.levels).into_iter().enumerate() {
            visit(format!("levels[{i}].name"), & $($m)? l.name);
            visit(format!("levels[{i}].summary"), & $($m)? l.summary);
            if let Some(step) = & $($m)? l.next_step {
                visit(format!("levels[{i}].next_step"), step);
            }
            for (k, v) in (& $($m)? l.compare).into_iter() {
                visit(format!("levels[{i}].compare.{k}"), v);
            }
        }
        for (i, d) in (& $($m)? f.dimensions).into_iter().enumerate() {
            visit(format!("dimensions[{i}].name"), & $($m)? d.name);
            visit(format!("dimensions[{i}].description"), & $($m)? d.description);
        }
        for (i, q) in (& $($m)? f.questions).into_iter().enumerate() {
            visit(format!("questions[{i}].title"), & $($m)? q.title);
            visit(format!("questions[{i}].prompt"), & $($m)? q.prompt);
            if let Some(h) = & $($m)? q.help {
                visit(format!("questions[{i}].help"), h);
            }
            if let Some(u) = & $($m)? q.unit {
                visit(format!("questions[{i}].unit"), u);
            }
            for (j, o) in (& $($m)? q.options).into_iter().enumerate() {
                visit(format!("questions[{i}].options[{j}].label"), & $($m)? o.label);
            }
        }
        for (i, r) in (& $($m)? f.placement.rules).into_iter().enumerate() {
            visit(format!("placement.rules[{i}].reason"), & $($m)? r.reason);
        }
        for (i, n) in (& $($m)? f.notes).into_iter().enumerate() {
            visit(format!("notes[{i}].text"), & $($m)? n.text);
        }
    }};
}

impl RuleFile {
    /// Every text with its path (`questions[3].prompt`), in file order.
    pub fn texts<'a>(&'a self) -> Vec<(String, &'a Text)> {
        let mut out = Vec::new();
        each_text!(self, |path: String, t: &'a Text| out.push((path, t)));
        out
    }

    /// Use the variant `v` of every text from now on.
    pub fn select(&mut self, v: &Variant) {
        let language = self.language.clone();
        each_text!(
            self,
            |_path: String, t: &mut Text| t.select(v, Some(&language)),
            mut
        );
    }

    /// Keep only the variants in use (see [`Text::keep_shown`]).
    pub fn keep_shown(&mut self) {
        each_text!(self, |_path: String, t: &mut Text| t.keep_shown(), mut);
    }
}

thread_local! {
    /// Set while the built-in rules are baked: every field is written, so
    /// that the baked form can list fields by position, without names.
    static WRITE_ALL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` with every field written, however empty.
pub(crate) fn writing_all<T>(f: impl FnOnce() -> T) -> T {
    WRITE_ALL.with(|w| w.set(true));
    let out = f();
    WRITE_ALL.with(|w| w.set(false));
    out
}

fn writing_all_now() -> bool {
    WRITE_ALL.with(std::cell::Cell::get)
}

fn unset<T>(v: &Option<T>) -> bool {
    v.is_none() && !writing_all_now()
}

fn no_entries<K, V, S>(m: &IndexMap<K, V, S>) -> bool {
    m.is_empty() && !writing_all_now()
}

fn is_false(b: &bool) -> bool {
    !*b && !writing_all_now()
}
