//! Results as people and scripts read them. Every renderer is a pure
//! function from a [`Report`] to a `String`.

pub mod compare;
mod markdown;
mod text;
mod wrap;

pub use markdown::render as markdown;
pub use text::render as text;

/// Wrap plain text to `width` columns, keeping line breaks and bullets.
pub fn wrap_text(text: &str, width: usize) -> String {
    wrap::wrap(text, width, 0, "")
}

use indexmap::IndexMap;
use serde::Serialize;

use crate::engine::{NoteRef, Outcome};
use crate::rules::model::Basis;
use crate::rules::Rules;

/// Version of the JSON/YAML result layout; bumped on breaking changes.
pub const SCHEMA_VERSION: u32 = 1;

/// A screening result with everything needed to explain it. Serialized as
/// the stable JSON contract; field order puts the crisis first.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub crisis: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crisis_message: Option<String>,
    pub schema_version: u32,
    /// The record id from the answer file, if it had one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub level: String,
    pub level_name: String,
    pub level_summary: String,
    /// The recommended level's comparison attributes: what it means in practice.
    pub in_practice: Vec<Attribute>,
    /// Dimension id → rating (0..=4).
    pub dimensions: IndexMap<String, u8>,
    /// Ids of the placement rules that fired.
    pub fired: Vec<String>,
    pub notes: Vec<NoteOut>,
    pub explanation: Explanation,
    /// Answers given to questions that were not asked, and so ignored.
    pub ignored_answers: Vec<String>,
    /// The levels side by side, when asked for (`screen --compare`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<compare::Comparison>,
    pub disclaimer: String,
    pub rules: RulesRef,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Attribute {
    pub id: String,
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NoteOut {
    pub id: String,
    pub text: String,
}

/// Why this level: the score, the ratings and their answers, the rules.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Explanation {
    /// `max` or `sum` of the dimension ratings.
    pub basis: String,
    pub score: u32,
    /// The level the bands gave before floor rules.
    pub band_level: String,
    pub dimensions: Vec<DimensionOut>,
    pub rules: Vec<RuleOut>,
    /// Questions the person preferred not to answer.
    pub declined: Vec<String>,
    /// The least intensive level those declined answers allow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declined_floor: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DimensionOut {
    pub id: String,
    pub name: String,
    pub rating: u8,
    pub drivers: Vec<DriverOut>,
}

/// An answer that set a rating.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DriverOut {
    pub question: String,
    pub answer: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RuleOut {
    pub id: String,
    pub floor: String,
    pub crisis: bool,
    pub reason: String,
}

/// Which rule file produced a result.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RulesRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

/// Build the report of `outcome`.
pub fn build(rules: &Rules, outcome: &Outcome, id: Option<String>) -> Report {
    let f = &rules.file;
    let level = &f.levels[outcome.level];
    let qid = |q: usize| f.questions[q].id.clone();
    let dimensions = outcome
        .ratings
        .iter()
        .map(|r| {
            let d = &f.dimensions[r.dimension];
            DimensionOut {
                id: d.id.clone(),
                name: d.name.clone(),
                rating: r.rating,
                drivers: r
                    .drivers
                    .iter()
                    .map(|dr| {
                        let o = &f.questions[dr.question].options[dr.option];
                        DriverOut {
                            question: qid(dr.question),
                            answer: o.code.clone(),
                            label: o.label.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect::<Vec<_>>();
    let rules_out: Vec<RuleOut> = outcome
        .fired
        .iter()
        .map(|&i| {
            let r = &f.placement.rules[i];
            RuleOut {
                id: r.id.clone(),
                floor: r.floor.clone(),
                crisis: r.crisis,
                reason: r.reason.clone(),
            }
        })
        .collect();
    let notes = outcome
        .notes
        .iter()
        .filter_map(|n| match n {
            NoteRef::Declined => f.declined.as_ref().map(|d| NoteOut {
                id: d.note.clone(),
                text: d.text.clone(),
            }),
            NoteRef::Note(i) => Some(NoteOut {
                id: f.notes[*i].id.clone(),
                text: f.notes[*i].text.clone(),
            }),
        })
        .collect();
    Report {
        crisis: outcome.crisis,
        crisis_message: outcome
            .crisis
            .then(|| f.crisis.message.trim_end().to_owned()),
        schema_version: SCHEMA_VERSION,
        id,
        level: level.id.clone(),
        level_name: level.name.clone(),
        level_summary: level.summary.trim_end().to_owned(),
        in_practice: f
            .attributes
            .iter()
            .filter_map(|a| {
                level.compare.get(&a.id).map(|v| Attribute {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    value: v.clone(),
                })
            })
            .collect(),
        dimensions: dimensions
            .iter()
            .map(|d| (d.id.clone(), d.rating))
            .collect(),
        fired: rules_out.iter().map(|r| r.id.clone()).collect(),
        notes,
        explanation: Explanation {
            basis: match f.placement.basis {
                Basis::Max => "max".into(),
                Basis::Sum => "sum".into(),
            },
            score: outcome.score,
            band_level: f.levels[outcome.band_level].id.clone(),
            dimensions,
            rules: rules_out,
            declined: outcome.declined.iter().map(|&q| qid(q)).collect(),
            declined_floor: f
                .declined
                .as_ref()
                .filter(|_| !outcome.declined.is_empty())
                .map(|d| d.floor.clone()),
        },
        ignored_answers: outcome.ignored.iter().map(|&q| qid(q)).collect(),
        comparison: None,
        disclaimer: f.disclaimer.trim_end().to_owned(),
        rules: RulesRef {
            id: f.id.clone(),
            version: f.version.clone(),
            sha256: rules.sha256.clone(),
        },
    }
}

/// Pretty JSON with a trailing newline.
pub fn json(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("a report always serializes");
    s.push('\n');
    s
}

/// YAML of the same shape as the JSON.
pub fn yaml(report: &Report) -> String {
    crate::yaml_out::to_string(report)
}
