//! Results as people and scripts read them. Every renderer is a pure
//! function from a [`Report`] to a `String`.

pub mod compare;
mod crisis;
mod escape;
mod markdown;
mod summary;
mod text;
mod why;
mod wrap;

pub use crisis::block as crisis_block;
pub use markdown::render as markdown;
pub use summary::render as summary;
pub use text::render as text;
pub use wrap::wrap_strict;

/// Wrap plain text to `width` columns, keeping line breaks and bullets.
pub fn wrap_text(text: &str, width: usize) -> String {
    wrap::wrap(text, width, 0, "")
}

/// Wrap `text` whose first line starts `first` columns in; later lines
/// start with `indent`.
pub fn wrap_text_from(text: &str, width: usize, first: usize, indent: &str) -> String {
    wrap::wrap(text, width, first, indent)
}

use indexmap::IndexMap;
use serde::Serialize;

use crate::words::{self, Words};

use crate::answers::{Answer, Answers};
use crate::engine::{NoteRef, Outcome};
use crate::rules::model::{Basis, Declined, Respondent};
use crate::rules::Rules;

/// How a text or Markdown report is laid out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct View {
    /// Width, borders and color of the text report and its table.
    pub look: compare::Look,
    /// Add the section for clinicians: ids, codes, ratings and rule ids.
    pub details: bool,
}

/// A rating (0..=4) in words, for people: the scale the rule files rate on.
pub fn rating_word(w: &Words, rating: u8) -> String {
    w.with(
        "rating",
        &[("rating", words::number(usize::from(rating.min(4))))],
    )
}

/// A dimension's rating in words, saying when questions that could raise
/// it were not answered (a result that rests on part of the answers).
pub fn rating_shown(w: &Words, d: &DimensionOut) -> String {
    // Said on its own beside an area's name: a word that stands alone
    // (in Spanish, "preocupación leve", which agrees with any area).
    let alone = |r: u8| {
        w.with(
            "rating-alone",
            &[("rating", words::number(usize::from(r.min(4))))],
        )
    };
    match (d.unanswered, d.rating) {
        (false, r) => alone(r),
        (true, 0) => w.get("not-asked"),
        (true, r) => w.with("rating-so-far", &[("rating", words::text(&alone(r)))]),
    }
}

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
    /// False when the questionnaire ended before every question that applies
    /// was answered (stopped at the crisis message, or the input ended):
    /// the result rests on the answers given.
    pub complete: bool,
    /// Who answered: `self` (the person) or `other` (someone about them).
    pub respondent: Respondent,
    /// The language of the texts (a code such as `en` or `es`).
    pub lang: String,
    pub level: String,
    pub level_name: String,
    pub level_summary: String,
    /// What to do next, from the rule file, when it says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_step: Option<String>,
    /// A clinician's decision that differs from the recommendation
    /// (`screen --override`); the recommendation and its reasons stay as
    /// they are.
    #[serde(rename = "override", skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
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
    /// The program that made the result.
    pub tool: ToolRef,
    /// When the result was made (UTC, RFC 3339), when asked for
    /// (`--timestamp`): without it, the same answers give the same bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

impl Report {
    /// The program that made the result, and when if that was asked for:
    /// `carelevel 0.2.0` or `carelevel 0.1.0, 2026-11-26T17:30:45Z`.
    pub fn made_by(&self) -> String {
        match &self.timestamp {
            Some(t) => format!("{} {}, {t}", self.tool.name, self.tool.version),
            None => format!("{} {}", self.tool.name, self.tool.version),
        }
    }
}

/// A clinician's decision that differs from the recommendation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Decision {
    /// The level the rules recommend.
    pub recommended: String,
    pub recommended_name: String,
    /// The level the clinician chose.
    pub chosen: String,
    pub chosen_name: String,
    pub reason: String,
}

/// The program that made a result.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ToolRef {
    pub name: String,
    pub version: String,
}

impl ToolRef {
    pub fn this() -> ToolRef {
        ToolRef {
            name: env!("CARGO_PKG_NAME").to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }
}

/// Now, in UTC, as RFC 3339 (`2026-11-26T17:30:00Z`).
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    rfc3339(secs)
}

/// Seconds since 1970 as an RFC 3339 UTC time (days to a civil date by
/// Howard Hinnant's algorithm).
fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
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
    /// The level the bands gave, by name.
    pub band_level_name: String,
    /// The bands gave the least intensive level (for the wording only).
    #[serde(skip)]
    pub band_is_lowest: bool,
    /// The level everything but the deciding reasons gives, by name: the
    /// bands, and the rules and declined floor below the final level.
    #[serde(skip)]
    pub without_deciding: String,
    /// What set the final level: the floor rules at that level, the
    /// declined floor, or the ratings (bands); several when they agree.
    pub decided_by: Vec<Decider>,
    pub dimensions: Vec<DimensionOut>,
    pub rules: Vec<RuleOut>,
    /// Questions the person preferred not to answer.
    pub declined: Vec<String>,
    /// The same, with their titles and the declining answers.
    pub declined_answers: Vec<AnswerOut>,
    /// The least intensive level those declined answers allow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declined_floor: Option<String>,
    /// Safety questions answered "I don't know".
    pub unknown: Vec<String>,
    /// The same, with their titles and the answers.
    pub unknown_answers: Vec<AnswerOut>,
    /// The least intensive level those unknown answers allow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown_floor: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DimensionOut {
    pub id: String,
    pub name: String,
    pub rating: u8,
    pub drivers: Vec<DriverOut>,
    /// Questions that could raise this rating were left unanswered: the
    /// questionnaire ended before them.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unanswered: bool,
}

/// An answer that set a rating.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DriverOut {
    pub question: String,
    /// The question's short title.
    pub title: String,
    pub answer: String,
    pub label: String,
}

/// One of the person's answers, as an explanation cites it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AnswerOut {
    pub question: String,
    /// The question's short title.
    pub title: String,
    /// The answer as written in an answer file: a code, codes or a number.
    pub answer: Answer,
    /// The answer as the person saw it.
    pub label: String,
}

/// Something that set the final level.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Decider {
    /// A floor rule at the final level.
    Rule { id: String },
    /// A declined answer, through `declined.floor`.
    Declined,
    /// A safety question answered "I don't know", through `unknown.floor`.
    Unknown,
    /// The dimension ratings, through the bands.
    Ratings,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RuleOut {
    pub id: String,
    pub floor: String,
    /// The floor level's name.
    pub floor_name: String,
    pub crisis: bool,
    pub reason: String,
    /// The person's answers that made the rule fire.
    pub answers: Vec<AnswerOut>,
}

/// Which rule file produced a result.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RulesRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

/// Build the report of `outcome`, which `answers` gave.
pub fn build(rules: &Rules, answers: &Answers, outcome: &Outcome, id: Option<String>) -> Report {
    let f = &rules.file;
    let level = &f.levels[outcome.level];
    let explanation = explanation(rules, answers, outcome);
    Report {
        decision: None,
        crisis: outcome.crisis,
        crisis_message: outcome
            .crisis
            .then(|| f.crisis.message.trim_end().to_owned()),
        schema_version: SCHEMA_VERSION,
        id,
        complete: true,
        respondent: Respondent::Myself,
        lang: rules.lang.clone(),
        level: level.id.to_string(),
        level_name: level.name.to_string(),
        level_summary: level.summary.trim_end().to_owned(),
        next_step: match (&f.crisis.next_step, outcome.crisis) {
            (Some(step), true) => Some(one_paragraph(step)),
            _ => level.next_step.as_deref().map(one_paragraph),
        },
        in_practice: in_practice(rules, outcome.level),
        dimensions: explanation
            .dimensions
            .iter()
            .map(|d| (d.id.clone(), d.rating))
            .collect(),
        fired: explanation.rules.iter().map(|r| r.id.clone()).collect(),
        notes: notes(rules, outcome),
        explanation,
        ignored_answers: outcome
            .ignored
            .iter()
            .map(|&q| f.questions[q].id.to_string())
            .collect(),
        comparison: None,
        disclaimer: f.disclaimer.trim_end().to_owned(),
        rules: RulesRef {
            id: f.id.clone(),
            version: f.version.clone(),
            sha256: rules.sha256.clone(),
        },
        tool: ToolRef::this(),
        timestamp: None,
    }
}

/// What the recommended level means in practice: its row of the comparison.
fn in_practice(rules: &Rules, level: usize) -> Vec<Attribute> {
    let f = &rules.file;
    let level = &f.levels[level];
    f.attributes
        .iter()
        .filter_map(|a| {
            level.compare.get(&a.id).map(|v| Attribute {
                id: a.id.to_string(),
                name: a.name.to_string(),
                value: v.to_string(),
            })
        })
        .collect()
}

/// The notes the outcome calls for, declined and unknown ones included.
fn notes(rules: &Rules, outcome: &Outcome) -> Vec<NoteOut> {
    let f = &rules.file;
    outcome
        .notes
        .iter()
        .filter_map(|n| match n {
            NoteRef::Declined | NoteRef::Unknown => {
                let section = match n {
                    NoteRef::Declined => &f.declined,
                    _ => &f.unknown,
                };
                section.as_ref().map(|d| NoteOut {
                    id: d.note.to_string(),
                    text: d.text.to_string(),
                })
            }
            NoteRef::Note(i) => Some(NoteOut {
                id: f.notes[*i].id.to_string(),
                text: f.notes[*i].text.to_string(),
            }),
        })
        .collect()
}

/// An answer cited with its question's title and its label.
fn cite(rules: &Rules, answers: &Answers, q: usize) -> Option<AnswerOut> {
    let question = &rules.file.questions[q];
    answers.get(q).map(|a| AnswerOut {
        question: question.id.to_string(),
        title: question.title.trim().to_owned(),
        answer: a.clone(),
        label: crate::answers::describe(question, a),
    })
}

/// Each dimension's rating with the answers that drove it, and whether
/// unanswered questions could still raise it.
fn dimensions(rules: &Rules, outcome: &Outcome) -> Vec<DimensionOut> {
    let f = &rules.file;
    let open: std::collections::HashSet<&str> = outcome
        .missing
        .iter()
        .flat_map(|&q| f.questions[q].options.iter())
        .flat_map(|o| o.rate.keys().map(|k| k.as_str()))
        .collect();
    outcome
        .ratings
        .iter()
        .map(|r| {
            let d = &f.dimensions[r.dimension];
            DimensionOut {
                id: d.id.to_string(),
                name: d.name.to_string(),
                rating: r.rating,
                unanswered: open.contains(d.id.as_str()),
                drivers: r
                    .drivers
                    .iter()
                    .map(|dr| {
                        let q = &f.questions[dr.question];
                        let o = &q.options[dr.option];
                        DriverOut {
                            question: q.id.to_string(),
                            title: q.title.trim().to_owned(),
                            answer: o.code.to_string(),
                            label: one_line(&o.label),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Each rule that fired, with its floor and the answers that made it fire.
fn fired_rules(rules: &Rules, answers: &Answers, outcome: &Outcome) -> Vec<RuleOut> {
    let f = &rules.file;
    let level_name = |id: &str| {
        rules
            .level_rank(id)
            .map_or_else(|| id.to_owned(), |i| f.levels[i].name.to_string())
    };
    let because = crate::engine::because_fired(rules, answers, outcome);
    outcome
        .fired
        .iter()
        .zip(&because)
        .map(|(&i, because)| {
            let r = &f.placement.rules[i];
            RuleOut {
                id: r.id.to_string(),
                floor: r.floor.to_string(),
                floor_name: level_name(&r.floor),
                crisis: r.crisis,
                reason: one_paragraph(&r.reason),
                answers: because
                    .iter()
                    .filter_map(|&q| cite(rules, answers, q))
                    .collect(),
            }
        })
        .collect()
}

/// How the level was reached: the ratings, the rules, declined and
/// unknown safety answers, and what decided it.
fn explanation(rules: &Rules, answers: &Answers, outcome: &Outcome) -> Explanation {
    let f = &rules.file;
    let level = &f.levels[outcome.level];
    let qid = |q: &usize| f.questions[*q].id.to_string();
    let cited = |qs: &[usize]| -> Vec<AnswerOut> {
        qs.iter().filter_map(|&q| cite(rules, answers, q)).collect()
    };
    let rules_out = fired_rules(rules, answers, outcome);
    let floor_of = |section: &Option<Declined>, answers: &[usize]| {
        section
            .as_ref()
            .filter(|_| !answers.is_empty())
            .map(|d| d.floor.to_string())
    };
    let declined_floor = floor_of(&f.declined, &outcome.declined);
    let unknown_floor = floor_of(&f.unknown, &outcome.unknown);
    let mut decided_by: Vec<Decider> = rules_out
        .iter()
        .filter(|r| r.floor == level.id)
        .map(|r| Decider::Rule { id: r.id.clone() })
        .collect();
    if declined_floor.as_deref() == Some(level.id.as_str()) {
        decided_by.push(Decider::Declined);
    }
    if unknown_floor.as_deref() == Some(level.id.as_str()) {
        decided_by.push(Decider::Unknown);
    }
    if outcome.band_level == outcome.level {
        decided_by.push(Decider::Ratings);
    }
    Explanation {
        basis: match f.placement.basis {
            Basis::Max => "max".into(),
            Basis::Sum => "sum".into(),
        },
        score: outcome.score,
        band_level: f.levels[outcome.band_level].id.to_string(),
        band_level_name: f.levels[outcome.band_level].name.to_string(),
        band_is_lowest: outcome.band_level == 0,
        without_deciding: without_deciding(rules, outcome, [&declined_floor, &unknown_floor]),
        decided_by,
        dimensions: dimensions(rules, outcome),
        rules: rules_out,
        declined: outcome.declined.iter().map(qid).collect(),
        declined_answers: cited(&outcome.declined),
        declined_floor,
        unknown: outcome.unknown.iter().map(qid).collect(),
        unknown_answers: cited(&outcome.unknown),
        unknown_floor,
    }
}

/// The level the answers would reach without what set this one: the
/// highest floor below it, or the ratings' own level.
fn without_deciding(rules: &Rules, outcome: &Outcome, floors: [&Option<String>; 2]) -> String {
    let f = &rules.file;
    let below = outcome
        .fired
        .iter()
        .map(|&i| rules.level_rank(&f.placement.rules[i].floor).unwrap_or(0))
        .chain(
            floors
                .into_iter()
                .flatten()
                .filter_map(|floor| rules.level_rank(floor)),
        )
        .filter(|&r| r < outcome.level)
        .chain([outcome.band_level])
        .max()
        .unwrap_or(0);
    f.levels[below].name.to_string()
}

/// Folded to one line: single spaces, trimmed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folded prose: single spaces, trimmed; line breaks the author wrote stay.
fn one_paragraph(text: &str) -> String {
    text.trim()
        .lines()
        .map(one_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The id of the note on answers that were ignored.
pub const IGNORED_NOTE: &str = "answers_ignored";

/// A note in the result itself, not only a warning on standard error: an
/// ignored answer may be a safety concern entered by mistake.
pub fn ignored_note(rules: &Rules, ignored: &[usize]) -> NoteOut {
    let qs = &rules.file.questions;
    let w = words::of(&rules.lang);
    let titles = |list: &[usize]| {
        list.iter()
            .map(|&q| w.with("quoted", &[("text", words::text(qs[q].title.trim()))]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut text = w.with("ignored-note", &[("titles", words::text(&titles(ignored)))]);
    let safety: Vec<usize> = ignored.iter().copied().filter(|&q| qs[q].safety).collect();
    if !safety.is_empty() {
        text.push(' ');
        text.push_str(&w.with(
            "ignored-safety",
            &[
                ("titles", words::text(&titles(&safety))),
                ("count", words::number(safety.len())),
            ],
        ));
    }
    NoteOut {
        id: IGNORED_NOTE.into(),
        text,
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

#[cfg(test)]
mod time_tests {
    #[test]
    fn seconds_become_a_utc_date_and_time() {
        assert_eq!(super::rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(super::rfc3339(1_795_714_245), "2026-11-26T17:30:45Z");
    }
}
