//! The common case of a JSON Lines record, read without building a
//! position index or a YAML value tree: a compact answer file whose every
//! answer is plainly valid.
//!
//! It accepts only a subset of what [`answers::parse`] accepts, and reads it
//! to the same answers; anything else (an escape sequence, a duplicate or
//! unknown key, a wrong code, a float, a control character…) returns `None`,
//! and the record goes through `answers::parse`, which gives the full error
//! with its place. So the fast path can make a run faster, never different.

use crate::answers::{Answer, AnswerDoc, Answers};
use crate::rules::model::{QuestionKind, Respondent};
use crate::rules::Rules;

/// The answer file in `line`, if it is plainly valid for `rules`.
pub fn parse(rules: &Rules, line: &str) -> Option<AnswerDoc> {
    // Printable ASCII throughout (a loop without early exit, which the
    // compiler turns into wide compares); past ASCII, anything the slow
    // path refuses (a control character, a bidirectional override) is
    // left to it.
    let plain = line
        .bytes()
        .fold(true, |ok, b| ok & (b.wrapping_sub(0x20) < 0x5f));
    if !plain
        && (line.bytes().any(|b| b < 0x20 || b == 0x7f)
            || line.chars().any(crate::source::is_unsafe))
    {
        return None;
    }
    let mut p = Scanner { text: line, at: 0 };
    let doc = p.file(rules)?;
    p.space();
    (p.at == line.len()).then_some(doc)
}

/// A JSON reader for the subset above: objects, arrays of strings, strings
/// without escapes, whole numbers, `null`; whitespace is spaces.
struct Scanner<'a> {
    text: &'a str,
    at: usize,
}

/// A value as JSON gave it, before it is checked against its question.
enum Value<'a> {
    Null,
    Int(i64),
    Code(&'a str),
    Codes(Vec<&'a str>),
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
    }

    /// `byte`, after any spaces.
    fn eat(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    /// Whether `byte` comes next (after spaces); taken if so.
    fn next_is(&mut self, byte: u8) -> bool {
        self.eat(byte).is_some()
    }

    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let rest = &self.text.as_bytes()[self.at..];
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        if rest[end] != b'"' {
            return None;
        }
        let s = &self.text[self.at..self.at + end];
        self.at += end + 1;
        Some(s)
    }

    fn value(&mut self) -> Option<Value<'a>> {
        self.space();
        match self.peek()? {
            b'"' => self.string().map(Value::Code),
            b'n' => {
                let rest = &self.text[self.at..];
                rest.starts_with("null").then(|| {
                    self.at += 4;
                    Value::Null
                })
            }
            b'[' => {
                self.at += 1;
                let mut codes = Vec::new();
                if !self.next_is(b']') {
                    loop {
                        codes.push(self.string()?);
                        if self.next_is(b']') {
                            break;
                        }
                        self.eat(b',')?;
                    }
                }
                Some(Value::Codes(codes))
            }
            b'-' | b'0'..=b'9' => {
                let bytes = self.text.as_bytes();
                let start = self.at;
                if bytes[start] == b'-' {
                    self.at += 1;
                }
                let digits = self.at;
                while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    self.at += 1;
                }
                let n = self.at - digits;
                // No leading zero, no `-0`, no fraction or exponent: the
                // full reader decides those.
                if n == 0 || (bytes[digits] == b'0' && (n > 1 || digits > start)) {
                    return None;
                }
                if matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
                    return None;
                }
                self.text[start..self.at].parse().ok().map(Value::Int)
            }
            _ => None,
        }
    }

    /// `{ key: value, ... }`, each key handed to `field`.
    fn object(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        if self.next_is(b'}') {
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            field(self, key)?;
            if self.next_is(b'}') {
                return Some(());
            }
            self.eat(b',')?;
        }
    }

    fn file(&mut self, rules: &Rules) -> Option<AnswerDoc> {
        let (mut id, mut respondent, mut answers) = (None, None, None);
        self.object(|p, key| {
            match key {
                "id" if id.is_none() => {
                    id = Some(match p.value()? {
                        Value::Null => None,
                        Value::Code(s) => Some(s.to_owned()),
                        Value::Int(n) => Some(n.to_string()),
                        Value::Codes(_) => return None,
                    })
                }
                "respondent" if respondent.is_none() => {
                    respondent = Some(match p.value()? {
                        Value::Null => None,
                        Value::Code(r) => Some(Respondent::from_key(r)?),
                        _ => return None,
                    })
                }
                "answers" if answers.is_none() => answers = Some(p.answers(rules)?),
                _ => return None,
            }
            Some(())
        })?;
        Some(AnswerDoc {
            id: id.flatten(),
            respondent: respondent.flatten(),
            // No `answers:` at all is rare enough to leave to the slow path.
            answers: answers?,
        })
    }

    fn answers(&mut self, rules: &Rules) -> Option<Answers> {
        let questions = &rules.file.questions;
        let mut answers = Answers::empty(rules);
        let mut seen = vec![false; questions.len()];
        // Answers usually come in the order of the questions: try the one
        // after the last before looking the id up.
        let mut next = 0;
        self.object(|p, key| {
            let q = match questions.get(next) {
                Some(q) if q.id == key => next,
                _ => rules.question_index(key)?,
            };
            next = q + 1;
            if std::mem::replace(&mut seen[q], true) {
                return None;
            }
            match p.value()? {
                // The option is known here: kept for scoring.
                Value::Code(code)
                    if matches!(
                        questions[q].kind,
                        QuestionKind::YesNo | QuestionKind::Choice
                    ) =>
                {
                    let (o, _) = questions[q].option(code)?;
                    answers.set_option(q, code.to_owned(), o);
                }
                value => answers.set(q, answer(rules, q, value)?),
            }
            Some(())
        })?;
        Some(answers)
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
