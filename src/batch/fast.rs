//! The common case of a JSON Lines record, read without building a
//! position index or a YAML value tree: a compact answer file whose every
//! answer is plainly valid.
//!
//! It accepts only a subset of what [`answers::parse`] accepts, and reads it
//! to the same answers; anything else (an escape sequence, a duplicate or
//! unknown key, a wrong code, a float, a control character…) returns `None`,
//! and the record goes through `answers::parse`, which gives the full error
//! with its place. So the fast path can make a run faster, never different.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::answers::{Answer, AnswerDoc, Answers};
use crate::rules::model::{QuestionKind, Respondent};
use crate::rules::Rules;

/// The answer file in `line`, if it is plainly valid for `rules`.
pub fn parse(rules: &Rules, line: &str) -> Option<AnswerDoc> {
    // Control characters, DEL, and (past ASCII) anything the slow path
    // refuses, such as bidirectional overrides: leave them to it.
    // Printable ASCII throughout (a loop without early exit, which the
    // compiler turns into wide compares).
    let plain = line
        .bytes()
        .fold(true, |ok, b| ok & (b.wrapping_sub(0x20) < 0x5f));
    if !plain
        && (line.bytes().any(|b| b < 0x20 || b == 0x7f)
            || line.chars().any(crate::source::is_unsafe))
    {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(line);
    let doc = FileSeed(rules).deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(doc)
}

/// Not accepted here: the slow path decides, and explains.
fn decline<E: de::Error>() -> E {
    E::custom("")
}

struct FileSeed<'r>(&'r Rules);

impl<'de> DeserializeSeed<'de> for FileSeed<'_> {
    type Value = AnswerDoc;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<AnswerDoc, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FileSeed<'_> {
    type Value = AnswerDoc;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnswerDoc, A::Error> {
        let (mut id, mut respondent, mut answers) = (None, None, None);
        while let Some(key) = map.next_key::<&'de str>()? {
            match key {
                "id" if id.is_none() => id = Some(map.next_value::<Id>()?.0),
                "respondent" if respondent.is_none() => {
                    respondent = Some(match map.next_value::<Option<&'de str>>()? {
                        None => None,
                        Some(r) => Some(Respondent::from_key(r).ok_or_else(decline)?),
                    })
                }
                "answers" if answers.is_none() => {
                    answers = Some(map.next_value_seed(AnswersSeed(self.0))?)
                }
                _ => return Err(decline()),
            }
        }
        Ok(AnswerDoc {
            id: id.flatten(),
            respondent: respondent.flatten(),
            // No `answers:` at all is rare enough to leave to the slow path.
            answers: answers.ok_or_else(decline)?,
        })
    }
}

/// A record id: a plain string or a whole number (`null` is none).
struct Id(Option<String>);

impl<'de> de::Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Id, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an id")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Id, E> {
                Ok(Id(Some(v.to_owned())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
                Ok(Id(Some(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
                Ok(Id(Some(v.to_string())))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Id, E> {
                Ok(Id(None))
            }
        }
        d.deserialize_any(V)
    }
}

struct AnswersSeed<'r>(&'r Rules);

impl<'de> DeserializeSeed<'de> for AnswersSeed<'_> {
    type Value = Answers;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Answers, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for AnswersSeed<'_> {
    type Value = Answers;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("answers")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
        let rules = self.0;
        let mut answers = Answers::empty(rules);
        let questions = &rules.file.questions;
        let mut seen = vec![false; questions.len()];
        // Answers usually come in the order of the questions: try the one
        // after the last before looking the id up.
        let mut next = 0;
        while let Some(key) = map.next_key::<&'de str>()? {
            let q = match questions.get(next) {
                Some(q) if q.id == key => next,
                _ => rules.question_index(key).ok_or_else(decline)?,
            };
            next = q + 1;
            if std::mem::replace(&mut seen[q], true) {
                return Err(decline());
            }
            let value = map.next_value::<Value<'de>>()?;
            answers.set(q, answer(rules, q, value).ok_or_else(decline)?);
        }
        Ok(answers)
    }
}

/// An answer as JSON gave it, before it is checked against its question.
enum Value<'a> {
    Null,
    Int(i64),
    Code(&'a str),
    Codes(Vec<&'a str>),
}

impl<'de> de::Deserialize<'de> for Value<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value<'de>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an answer")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Value<'de>, E> {
                Ok(Value::Null)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value<'de>, E> {
                Ok(Value::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value<'de>, E> {
                i64::try_from(v).map(Value::Int).map_err(|_| decline())
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Value<'de>, E> {
                Ok(Value::Code(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value<'de>, A::Error> {
                let mut codes = Vec::new();
                while let Some(code) = seq.next_element::<&'de str>()? {
                    codes.push(code);
                }
                Ok(Value::Codes(codes))
            }
        }
        d.deserialize_any(V)
    }
}

/// The answer `value` gives question `q`, when it is plainly valid;
/// `Some(None)` is "not answered".
fn answer(rules: &Rules, q: usize, value: Value) -> Option<Option<Answer>> {
    let question = &rules.file.questions[q];
    let answer = match (question.kind, value) {
        (_, Value::Null) => return Some(None),
        (QuestionKind::YesNo | QuestionKind::Choice, Value::Code(code)) => {
            question.option(code)?;
            Answer::Code(code.to_owned())
        }
        (QuestionKind::Multi, Value::Codes(codes)) => {
            let mut picked: Vec<(usize, bool)> = Vec::with_capacity(codes.len());
            for code in codes {
                let (i, option) = question.option(code)?;
                if picked.iter().any(|&(j, _)| j == i) {
                    return None;
                }
                picked.push((i, option.declines));
            }
            if picked.len() > 1 && picked.iter().any(|&(_, declines)| declines) {
                return None;
            }
            picked.sort_unstable();
            Answer::Codes(
                picked
                    .iter()
                    .map(|&(i, _)| question.options[i].code.clone())
                    .collect(),
            )
        }
        (QuestionKind::Integer, Value::Int(n)) => {
            let (min, max) = (
                question.min.unwrap_or(i64::MIN),
                question.max.unwrap_or(i64::MAX),
            );
            if !(min..=max).contains(&n) {
                return None;
            }
            Answer::Int(n)
        }
        _ => return None,
    };
    Some(Some(answer))
}
