//! The common answer file, read without building a position index or a
//! value tree: a compact JSON object (a batch record), or YAML of the shape
//! `carelevel template` and `--save` write, whose every answer is plainly
//! valid.
//!
//! It accepts only a subset of what the full reader
//! ([`crate::read::parse_full`]) accepts, and reads it to the same
//! answers; anything else (an escape sequence, a duplicate or unknown key, a
//! wrong code, a float, a control character, a YAML word such as `yes`…)
//! returns `None`, and the full reader decides and gives its error with the
//! place. So this path can make reading faster, never different.

use crate::answers::{Answer, AnswerDoc, Answers};
use crate::rules::model::{Name, QuestionKind, Respondent};
use crate::rules::Rules;

/// The answer file `text`, JSON or YAML, if it is plainly valid for `rules`.
pub fn parse(rules: &Rules, text: &str) -> Option<AnswerDoc> {
    if text.trim_start_matches([' ', '\n']).starts_with('{') {
        json(rules, text.trim_end_matches([' ', '\n']))
    } else {
        yaml(rules, text)
    }
}

/// Printable ASCII and line breaks only, or nothing the full reader
/// refuses past ASCII: else the full reader decides.
pub(crate) fn plain_text(text: &str) -> bool {
    let ascii = text.bytes().fold(true, |ok, b| {
        ok & ((b.wrapping_sub(0x20) < 0x5f) | (b == b'\n'))
    });
    ascii
        || !(text.bytes().any(|b| (b < 0x20 && b != b'\n') || b == 0x7f)
            || text.starts_with('\u{feff}')
            || text
                .chars()
                .any(|c| c != '\n' && crate::source::is_unsafe(c)))
}

/// A YAML answer file of lines `key: value`: top-level `id`, `respondent`
/// and `answers`, the answers one level in, all at the same indentation;
/// whole-line comments and blank lines anywhere.
pub fn yaml(rules: &Rules, text: &str) -> Option<AnswerDoc> {
    if !plain_text(text) {
        return None;
    }
    let questions = &rules.file.questions;
    let (mut id, mut respondent) = (None, None);
    let mut answers: Option<Answers> = None;
    let mut seen = vec![false; questions.len()];
    let mut indent = None;
    let mut in_answers = false;
    let mut given = 0;
    for line in text.split('\n') {
        let body = line.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let depth = line.len() - body.len();
        let (key, value) = key_value(body)?;
        if depth == 0 {
            in_answers = false;
            match key {
                "id" if id.is_none() => {
                    id = Some(match value {
                        Scalar::Null => None,
                        Scalar::Text(t) | Scalar::Word(t) => Some(t.to_owned()),
                        Scalar::Int(n) => Some(n.to_string()),
                    })
                }
                "respondent" if respondent.is_none() => {
                    respondent = Some(match value {
                        Scalar::Null => None,
                        Scalar::Text(r) | Scalar::Word(r) => Some(Respondent::from_key(r)?),
                        Scalar::Int(_) => return None,
                    })
                }
                // `answers:` alone on its line, then the answers.
                "answers" if answers.is_none() && body.trim_end() == "answers:" => {
                    answers = Some(Answers::empty(rules));
                    in_answers = true;
                }
                _ => return None,
            }
            continue;
        }
        if !in_answers || *indent.get_or_insert(depth) != depth {
            return None;
        }
        given += 1;
        let q = rules.question_index(key)?;
        if std::mem::replace(&mut seen[q], true) {
            return None;
        }
        let value = match value {
            Scalar::Null => Value::Null,
            Scalar::Text(t) | Scalar::Word(t) => Value::Code(t),
            Scalar::Int(n) => Value::Int(n),
        };
        answers.as_mut()?.set(q, answer(rules, q, value)?);
    }
    // `answers:` with nothing under it is left to the full reader.
    if given == 0 {
        return None;
    }
    Some(AnswerDoc {
        id: id.flatten(),
        respondent: respondent.flatten(),
        subject: None,
        answers: answers?,
    })
}

/// A YAML scalar of the plain kinds read here.
#[derive(Debug, PartialEq, Eq)]
enum Scalar<'a> {
    Null,
    /// Quoted text.
    Text(&'a str),
    /// A plain word that YAML reads as text.
    Word(&'a str),
    Int(i64),
}

/// `key: value` (or `key:`), with a plain key and a plain value.
fn key_value(body: &str) -> Option<(&str, Scalar<'_>)> {
    let colon = body.find(':')?;
    let key = &body[..colon];
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    let rest = &body[colon + 1..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((key, scalar(rest.trim_matches(' '))?))
}

fn scalar(v: &str) -> Option<Scalar<'_>> {
    if v.is_empty() || v == "~" || v == "null" {
        return Some(Scalar::Null);
    }
    let quoted = |q: char| {
        v.strip_prefix(q)
            .and_then(|s| s.strip_suffix(q))
            .filter(|inner| !inner.contains([q, '\\', '#']) && v.len() >= 2)
    };
    if let Some(inner) = quoted('"').or_else(|| quoted('\'')) {
        return Some(Scalar::Text(inner));
    }
    let bytes = v.as_bytes();
    if bytes.iter().all(u8::is_ascii_digit) {
        // No leading zero: the full reader decides what `012` is.
        return (bytes.len() == 1 || bytes[0] != b'0')
            .then(|| v.parse().ok().map(Scalar::Int))
            .flatten();
    }
    // A word of letters, digits, `_` and `-`, starting with a letter, that
    // no YAML reader takes for anything but text.
    let word = bytes[0].is_ascii_alphabetic()
        && bytes
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    const SPECIAL: [&str; 12] = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "infinity",
    ];
    (word && !SPECIAL.iter().any(|s| v.eq_ignore_ascii_case(s))).then_some(Scalar::Word(v))
}

/// A compact JSON answer file (one line of JSON Lines), if it is plainly
/// valid for `rules`.
pub fn json(rules: &Rules, line: &str) -> Option<AnswerDoc> {
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
        self.space();
        let (body, after) = quoted(self.text.as_bytes(), self.at)?;
        // Between two ASCII quotes: on character boundaries.
        let s = self.text.get(self.at + 1..self.at + 1 + body.len())?;
        self.at = after;
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
            subject: None,
            // No `answers:` at all is rare enough to leave to the slow path.
            answers: answers?,
        })
    }

    /// The answers object: the loop every record spends most of its reading
    /// in, so it walks the bytes itself, with its place in a local.
    fn answers(&mut self, rules: &Rules) -> Option<Answers> {
        let questions = &rules.file.questions;
        let bytes = self.text.as_bytes();
        let mut answers = Answers::empty(rules);
        // A bit per question (rules of more than 256 questions are left to
        // the full reader).
        let mut seen = [0u64; 4];
        // Answers usually come in the order of the questions, skipping the
        // follow-ups not asked: try the next few after the last before
        // looking the id up.
        let mut next = 0;
        let mut at = spaces(bytes, self.at);
        if bytes.get(at) != Some(&b'{') {
            return None;
        }
        at = spaces(bytes, at + 1);
        if bytes.get(at) == Some(&b'}') {
            self.at = at + 1;
            return Some(answers);
        }
        loop {
            let ahead = questions.get(next..).unwrap_or_default().iter().take(8);
            let (q, after) = match expected(bytes, at, ahead.map(|q| &q.id)) {
                Some((skipped, after)) => (next + skipped, after),
                None => {
                    let (key, after) = quoted(bytes, at)?;
                    (rules.question_index(std::str::from_utf8(key).ok()?)?, after)
                }
            };
            at = spaces(bytes, after);
            if bytes.get(at) != Some(&b':') {
                return None;
            }
            at = spaces(bytes, at + 1);
            next = q + 1;
            let (word, bit) = (seen.get_mut(q / 64)?, 1u64 << (q % 64));
            if *word & bit != 0 {
                return None;
            }
            *word |= bit;
            let question = &questions[q];
            let one_code = matches!(question.kind, QuestionKind::YesNo | QuestionKind::Choice);
            if one_code && bytes.get(at) == Some(&b'"') {
                // The option is known here: kept for scoring.
                let (o, after) = match expected(bytes, at, question.options.iter().map(|o| &o.code))
                {
                    Some(found) => found,
                    None => {
                        let (code, after) = quoted(bytes, at)?;
                        (question.option_index(code)?, after)
                    }
                };
                answers.set_option(q, rules.compiled.codes[q][o].clone(), o);
                at = after;
            } else {
                self.at = at;
                let value = self.value()?;
                answers.set(q, answer(rules, q, value)?);
                at = self.at;
            }
            at = spaces(bytes, at);
            match bytes.get(at) {
                Some(b',') => at = spaces(bytes, at + 1),
                Some(b'}') => {
                    self.at = at + 1;
                    return Some(answers);
                }
                _ => return None,
            }
        }
    }
}

/// Which of `names` the string at `at` is, read in place without looking
/// for its end first, and the place after it; `None` when it is none of
/// them (the caller reads it then). Ids and codes are checked to hold only
/// `a-z`, `0-9`, `_` and `-`, so a string that starts with one and closes
/// right after it is exactly that one.
#[inline(always)]
fn expected<'n>(
    bytes: &[u8],
    at: usize,
    names: impl Iterator<Item = &'n Name>,
) -> Option<(usize, usize)> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let body = at + 1;
    names.enumerate().find_map(|(i, name)| {
        let end = body + name.len();
        (bytes.get(end) == Some(&b'"') && bytes.get(body..end).is_some_and(|b| name.is(b)))
            .then_some((i, end + 1))
    })
}

/// The place of the first byte at or after `at` that is not a space.
#[inline(always)]
fn spaces(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at) == Some(&b' ') {
        at += 1;
    }
    at
}

/// The bytes of the string without escapes that starts at `at` (with its
/// `"`), and the place after it.
#[inline(always)]
fn quoted(bytes: &[u8], at: usize) -> Option<(&[u8], usize)> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let body = at + 1;
    let end = body + quote_or_backslash(bytes.get(body..)?)?;
    if bytes[end] != b'"' {
        return None;
    }
    Some((&bytes[body..end], end + 1))
}

/// The first `"` or `\\` in `bytes`. Keys and codes are short: eight bytes
/// at a time, each word tested for either byte at once (no call, no setup).
#[inline(always)]
fn quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // A byte of `x` is zero: its high bit set in the result; the lowest
    // such bit (the first byte, little-endian) is exact.
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let hit = zero(w ^ (ONES * u64::from(b'"'))) | zero(w ^ (ONES * u64::from(b'\\')));
        if hit != 0 {
            return Some(at + hit.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let tail = chunks.remainder();
    tail.iter()
        .position(|&b| b == b'"' || b == b'\\')
        .map(|p| at + p)
}

/// The answer `value` gives question `q`, when it is plainly valid;
/// `Some(None)` is "not answered".
fn answer(rules: &Rules, q: usize, value: Value) -> Option<Option<Answer>> {
    let question = &rules.file.questions[q];
    let answer = match (question.kind, value) {
        (_, Value::Null) => return Some(None),
        (QuestionKind::YesNo | QuestionKind::Choice, Value::Code(code)) => {
            question.option(code)?;
            Answer::Code(code.into())
        }
        (QuestionKind::Multi, Value::Codes(codes)) => {
            let mut picked: Vec<(usize, bool)> = Vec::with_capacity(codes.len());
            for code in codes {
                let (i, option) = question.option(code)?;
                if picked.iter().any(|&(j, _)| j == i) {
                    return None;
                }
                picked.push((i, option.off_scale()));
            }
            if picked.len() > 1 && picked.iter().any(|&(_, declines)| declines) {
                return None;
            }
            picked.sort_unstable();
            Answer::Codes(
                picked
                    .iter()
                    .map(|&(i, _)| question.options[i].code.as_str().into())
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

#[cfg(test)]
mod tests {
    use super::{json, quote_or_backslash};
    use crate::answers::Answer;
    use crate::rules::Rules;

    #[test]
    fn a_key_or_code_read_in_place_is_exactly_the_one_written() {
        let rules = Rules::builtin().unwrap();
        let q = rules.question_index("age_group").unwrap();
        let read = |answers: &str| json(&rules, &format!("{{\"answers\":{{{answers}}}}}"));
        let doc = read(r#""age_group":"adult""#).unwrap();
        assert_eq!(doc.answers.get(q), Some(&Answer::Code("adult".into())));
        assert_eq!(
            doc.answers.option(q),
            rules.file.questions[q].option("adult").map(|(i, _)| i)
        );
        // A longer key or code that starts with an id or a code is not it;
        // one written with an escape is left to the full reader.
        for other in [
            r#""age_group_x":"adult""#,
            r#""age_grou":"adult""#,
            r#""age_group":"adultx""#,
            r#""age_group":"adul""#,
            r#""age\u005fgroup":"adult""#,
            r#""age_group":"adu\u006ct""#,
            r#""age_group":"adult","age_group":"adult""#,
        ] {
            assert!(read(other).is_none(), "{other}");
        }
        // Out of order and after a skipped question, still found.
        let doc = read(r#""self_harm_thoughts":"none","age_group":"teen""#).unwrap();
        assert_eq!(doc.answers.get(q), Some(&Answer::Code("teen".into())));
    }

    #[test]
    fn finds_the_first_quote_or_backslash_at_every_place_and_length() {
        for len in 0..40 {
            for at in 0..=len {
                for (hit, later) in [(b'"', b'\\'), (b'\\', b'"')] {
                    // Bytes one off the wanted ones, and a later decoy.
                    let mut text: Vec<u8> = (0..len)
                        .map(|i| [b'!', b'#', b'[', b']', 0x80][i % 5])
                        .collect();
                    if at < len {
                        text[at] = hit;
                        if at + 1 < len {
                            text[len - 1] = later;
                        }
                    }
                    let want = text.iter().position(|&b| b == b'"' || b == b'\\');
                    assert_eq!(quote_or_backslash(&text), want, "{text:?}");
                }
            }
        }
    }
}
