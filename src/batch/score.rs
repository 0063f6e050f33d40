//! One record under one rule file: its answers read and checked exactly as
//! `screen --answers` reads them, then scored; or the reasons it cannot be.

use serde_yaml::Value;

use crate::answers::{AnswerDoc, Answers};
use crate::engine::{self, Outcome};
use crate::error::{Error, Location, Problem};
use crate::rules::model::{QuestionKind, Respondent};
use crate::rules::Rules;
use crate::suggest;

use super::read::{Field, Raw, Record, MAX_RECORD};

/// What a CSV column holds, under one rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Id,
    Respondent,
    Question(usize),
    /// Not a question of these rules: only an empty cell is accepted.
    Unknown(String),
}

/// The columns of a CSV header under `rules`; problems are columns that are
/// no question of these rules, or appear twice.
pub fn columns(rules: &Rules, name: &str, header: &[Field]) -> (Vec<Column>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut seen = std::collections::HashMap::new();
    let ids = || rules.file.questions.iter().map(|q| q.id.as_str());
    let columns = header
        .iter()
        .map(|f| {
            let at = field_location(name, f);
            if let Some(first) = seen.insert(f.text.as_str(), f.column) {
                problems.push(
                    Problem::new(format!("column `{}` appears twice", f.text))
                        .at(Some(at.clone()))
                        .help(format!("keep one; the other is column {first}")),
                );
            }
            match f.text.as_str() {
                "id" => Column::Id,
                "respondent" => Column::Respondent,
                text => match rules.question_index(text) {
                    Some(q) => Column::Question(q),
                    None => {
                        let help = match suggest::closest(text, ids()) {
                            Some(c) => format!("did you mean `{c}`?"),
                            None => format!(
                                "the header names `id` (optional) and question ids: {}",
                                suggest::backticked(ids())
                            ),
                        };
                        problems.push(
                            Problem::new(format!(
                                "column `{text}` is not a question of these rules"
                            ))
                            .at(Some(at))
                            .help(help),
                        );
                        Column::Unknown(text.to_owned())
                    }
                },
            }
        })
        .collect();
    (columns, problems)
}

/// A record that could not be scored.
#[derive(Debug, Clone)]
pub struct Failure {
    pub id: Option<String>,
    /// The problems, as `screen` says them.
    pub problems: Vec<Problem>,
    /// The answers that could be read hold a crisis answer.
    pub crisis: bool,
}

impl Failure {
    /// The whole message, as `screen` would print it after `error: `, with
    /// nothing of the input shown raw.
    pub fn message(&self) -> String {
        crate::error::visible(&Error::Answers(self.problems.clone()).to_string())
    }
}

/// A record scored.
#[derive(Debug, Clone)]
pub struct Scored {
    pub doc: AnswerDoc,
    pub outcome: Outcome,
}

pub type Verdict = Result<Scored, Failure>;

/// One rule file, ready to score records.
pub struct Side<'r> {
    pub rules: &'r Rules,
    /// For CSV input: the header's columns under these rules.
    pub columns: Vec<Column>,
}

/// Score `record` (from the input `name`, its JSON text in `text`) under `side`.
pub fn score(side: &Side, name: &str, record: &Record, text: &str) -> Verdict {
    score_into(side, name, record, text, Outcome::default())
}

/// [`score`], filling `outcome` (a spare one from an earlier record, whose
/// lists keep their room: see [`engine::evaluate_into`]).
pub fn score_into(
    side: &Side,
    name: &str,
    record: &Record,
    text: &str,
    mut outcome: Outcome,
) -> Verdict {
    let rules = side.rules;
    let doc = match &record.raw {
        Raw::Json(range) => json(rules, name, record.line, &text[range.clone()])?,
        Raw::Csv(fields) => csv(side, name, record.line, fields)?,
        Raw::TooLong => {
            return Err(whole(
                name,
                record.line,
                format!("the record is longer than {} MiB", MAX_RECORD >> 20),
                "a record is one answer file of a few kilobytes; check that the input is JSON Lines (one record per line) or CSV",
            ))
        }
        Raw::NotUtf8 { column } => {
            return Err(Failure {
                id: None,
                problems: vec![Problem::new("the record is not UTF-8 text")
                    .at(Some(place(name, record.line, *column)))
                    .help("save the input as UTF-8")],
                crisis: false,
            })
        }
        Raw::Unclosed => {
            return Err(whole(
                name,
                record.line,
                "a quoted field starts here and is never closed".into(),
                "end the field with `\"`; a `\"` inside a quoted field is written twice, `\"\"`",
            ))
        }
    };
    if let Some(r) = doc.respondent {
        if !rules.file.respondents.contains(&r) {
            return Err(Failure {
                id: doc.id,
                problems: vec![Problem::new(format!(
                    "the record was answered by someone else about the person, but the rules `{}` have no wording for that",
                    rules.file.id
                ))
                .at(Some(place(name, record.line, 1)))
                .help("use rules that offer `respondents: [self, other]`")],
                crisis: false,
            });
        }
    }
    engine::evaluate_into(rules, &doc.answers, &mut outcome);
    if !outcome.missing.is_empty() || doc.answers.iter().next().is_none() {
        return Err(missing(rules, name, record.line, doc, &outcome));
    }
    Ok(Scored { doc, outcome })
}

/// A JSON line: the fast path for the common case, else `crate::read::parse`
/// with its places moved to the record's line.
fn json(rules: &Rules, name: &str, line: usize, text: &str) -> Result<AnswerDoc, Failure> {
    if let Some(doc) =
        crate::quick::json(rules, text).or_else(|| crate::response::quick(rules, text))
    {
        return Ok(doc);
    }
    crate::read::parse_full(rules, name, text).map_err(|e| {
        let mut problems = match e {
            Error::Answers(p) | Error::Rules(p) => p,
            other => vec![Problem::new(other.to_string())],
        };
        for p in &mut problems {
            match &mut p.location {
                Some(l) => l.line = line,
                None => p.location = Some(Box::new(place(name, line, 1))),
            }
        }
        Failure {
            id: id_of(text),
            problems,
            crisis: false,
        }
    })
}

/// The `id` of a JSON record that did not parse as a whole, if it has a
/// plain one.
fn id_of(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: Option<serde_json::Value>,
    }
    let id = serde_json::from_str::<IdOnly>(text).ok()?.id?;
    let id = match id {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!id.chars().any(crate::source::is_unsafe)).then_some(id)
}

/// A CSV row, cell by cell.
fn csv(side: &Side, name: &str, line: usize, fields: &[Field]) -> Result<AnswerDoc, Failure> {
    let rules = side.rules;
    let mut problems = Vec::new();
    let mut doc = AnswerDoc {
        id: None,
        respondent: None,
        subject: None,
        answers: Answers::empty(rules),
    };
    if fields.len() != side.columns.len() {
        problems.push(
            Problem::new(format!(
                "the row has {} {}, but the header has {}",
                fields.len(),
                if fields.len() == 1 { "field" } else { "fields" },
                side.columns.len()
            ))
            .at(Some(place(name, line, 1)))
            .help("every row has one field per header column (an empty field is not answered); quote a field that holds a comma"),
        );
    }
    for (field, column) in fields.iter().zip(&side.columns) {
        let text = field.text.as_str();
        let at = || Some(field_location(name, field));
        let unsafe_char = |allowed: &[char]| {
            text.chars()
                .any(|c| crate::source::is_unsafe(c) && !allowed.contains(&c))
        };
        match column {
            Column::Id => {
                if unsafe_char(&['\n']) {
                    problems.push(
                        Problem::new("the `id` holds a control character")
                            .at(at())
                            .help("give a record number or short name"),
                    );
                } else if !text.is_empty() {
                    doc.id = Some(text.to_owned());
                }
            }
            _ if unsafe_char(&[]) => problems.push(
                Problem::new("the field holds a line break or another control character")
                    .at(at())
                    .help("a field holds one option code, several joined by `;`, or a whole number"),
            ),
            _ if text.is_empty() => {}
            Column::Respondent => match Respondent::from_key(text) {
                Some(r) => doc.respondent = Some(r),
                None => problems.push(
                    Problem::new(format!("`respondent` is `{text}`, but it is `self` or `other`"))
                        .at(at())
                        .help("write `other` when someone answered about the person, or leave the field empty"),
                ),
            },
            Column::Unknown(id) => problems.push(
                Problem::new(format!("unknown question `{id}`"))
                    .at(at())
                    .help("these rules do not ask it: leave the field empty"),
            ),
            Column::Question(q) => {
                let question = &rules.file.questions[*q];
                let one_code = matches!(question.kind, QuestionKind::YesNo | QuestionKind::Choice);
                // The common cell, one valid code: its option is known here
                // (anything else is read and reported as an answer file's).
                if let Some((o, _)) = question.option(text).filter(|_| one_code) {
                    doc.answers
                        .set_option(*q, rules.compiled.codes[*q][o].clone(), o);
                    continue;
                }
                let value = match question.kind {
                    QuestionKind::Integer => match text.parse::<i64>() {
                        Ok(n) => Value::Number(n.into()),
                        Err(_) => Value::String(text.to_owned()),
                    },
                    QuestionKind::Multi => Value::Sequence(
                        text.split(';')
                            .map(str::trim)
                            .filter(|c| !c.is_empty())
                            .map(|c| Value::String(c.to_owned()))
                            .collect(),
                    ),
                    QuestionKind::YesNo | QuestionKind::Choice => Value::String(text.to_owned()),
                };
                match crate::read::parse_value(question, &value) {
                    Ok(a) => doc.answers.set(*q, a),
                    Err((message, help)) => {
                        problems.push(Problem::new(message).at(at()).help(help))
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(doc)
    } else {
        Err(Failure {
            id: doc.id,
            problems,
            crisis: false,
        })
    }
}

/// Required questions left unanswered: an error, never a lower level. The
/// crisis flag still says whether the answers given hold a crisis answer.
fn missing(rules: &Rules, name: &str, line: usize, doc: AnswerDoc, outcome: &Outcome) -> Failure {
    let qs = &rules.file.questions;
    let problem = if doc.answers.iter().next().is_none() {
        Problem::new("the record holds no answers")
            .help("`carelevel template` lists every question and its allowed answers")
    } else {
        let n = outcome.missing.len();
        let list: Vec<String> = outcome
            .missing
            .iter()
            .map(|&q| format!("  - `{}` ({})", qs[q].id, qs[q].title.trim()))
            .collect();
        Problem::new(format!(
            "the record has no answer to {n} {} that {}:\n{}",
            if n == 1 { "question" } else { "questions" },
            if n == 1 { "needs one" } else { "need one" },
            list.join("\n")
        ))
        .help("add the answers to the record (`carelevel template` lists each question's allowed answers)")
    };
    Failure {
        id: doc.id,
        problems: vec![problem.at(Some(place(name, line, 1)))],
        crisis: outcome.crisis,
    }
}

fn whole(name: &str, line: usize, message: String, help: &str) -> Failure {
    Failure {
        id: None,
        problems: vec![Problem::new(message)
            .at(Some(place(name, line, 1)))
            .help(help)],
        crisis: false,
    }
}

fn place(name: &str, line: usize, column: usize) -> Location {
    Location {
        file: name.to_owned(),
        line,
        column,
        snippet: None,
    }
}

fn field_location(name: &str, field: &Field) -> Location {
    place(name, field.line, field.column)
}
