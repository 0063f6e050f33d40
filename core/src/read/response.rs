//! Answers given as an HL7 FHIR R4 `QuestionnaireResponse`, as a form
//! engine or an electronic health record writes them.
//!
//! Read exactly like an answer file: every answer is checked by the same
//! code ([`crate::read::parse_value`]), and every problem points at its
//! place in the JSON (`item[3].answer[0].valueCoding.code`). A `Bundle`
//! (such as `screen --format fhir` writes) is read through the response
//! it holds.
//!
//! The names below are carelevel's own: the questionnaire of a rule file is
//! `urn:carelevel:questionnaire:<rules id>`, and a question's options are
//! codes in the system `urn:carelevel:<rules id>:<question id>`.

use serde_json::{Map, Value};

use crate::answers::{AnswerDoc, Answers};
use crate::error::Problem;
use crate::rules::model::{Question, QuestionKind, Respondent};
use crate::rules::Rules;
use crate::source::{join, Source};
use crate::suggest;

/// The canonical URL of a rule file's questionnaire.
pub fn questionnaire_url(rules: &Rules) -> String {
    format!("urn:carelevel:questionnaire:{}", rules.file.id)
}

/// The code system of one question's options.
pub fn code_system(rules: &Rules, q: &Question) -> String {
    format!("urn:carelevel:{}:{}", rules.file.id, q.id)
}

/// The linkId of a question's help text (a `display` item).
pub fn help_link(q: &Question) -> String {
    format!("{}.help", q.id)
}

/// Whether a JSON text is a FHIR resource rather than an answer file: an
/// object with a `resourceType`.
pub fn is_resource(value: &Value) -> bool {
    value.get("resourceType").is_some()
}

/// A plainly valid QuestionnaireResponse (or Bundle), read without the
/// position index: only plain text, no key twice in an object, no
/// character a terminal could take for a command, and no problem at all.
/// Anything else returns `None`, and the full reader decides, with every
/// problem at its place. So this can make reading faster, never different.
pub fn quick(rules: &Rules, text: &str) -> Option<AnswerDoc> {
    // As the full reader: a resource names its `resourceType` plainly. A
    // large file goes to the full reader, which bounds what it takes in.
    if !text.trim_start().starts_with('{')
        || !text.contains("\"resourceType\"")
        || text.len() > QUICK_MAX_BYTES
        || !crate::read::quick::plain_text(text)
    {
        return None;
    }
    let Strict(value) = serde_json::from_str(text).ok()?;
    if !is_resource(&value) {
        return None;
    }
    let source = Source::deferred("", "");
    read(rules, &source, &value).ok()
}

/// The largest response read by [`quick`]: far below the full reader's
/// limits on values and commas, far above any real response.
const QUICK_MAX_BYTES: usize = 200_000;

/// A JSON value that refuses a key written twice in one object, and any
/// string (key or value) holding a character that is refused in files.
struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Strict;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, b: bool) -> Result<Strict, E> {
                Ok(Strict(Value::Bool(b)))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Strict, E> {
                Ok(Strict(Value::from(n)))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Strict, E> {
                Ok(Strict(Value::from(n)))
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Strict, E> {
                serde_json::Number::from_f64(n)
                    .map(|n| Strict(Value::Number(n)))
                    .ok_or_else(|| E::custom("not a finite number"))
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Strict, E> {
                plain(s)?;
                Ok(Strict(Value::String(s.to_owned())))
            }
            fn visit_unit<E>(self) -> Result<Strict, E> {
                Ok(Strict(Value::Null))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Strict, A::Error> {
                let mut out = Vec::new();
                while let Some(Strict(v)) = a.next_element()? {
                    out.push(v);
                }
                Ok(Strict(Value::Array(out)))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Strict, A::Error> {
                let mut out = Map::new();
                while let Some(k) = m.next_key::<String>()? {
                    plain(&k)?;
                    let Strict(v) = m.next_value()?;
                    if out.insert(k, v).is_some() {
                        return Err(serde::de::Error::custom("a key written twice"));
                    }
                }
                Ok(Strict(Value::Object(out)))
            }
        }
        d.deserialize_any(V)
    }
}

/// An error for a string the full reader would refuse.
fn plain<E: serde::de::Error>(s: &str) -> Result<(), E> {
    if s.chars().any(|c| c != '\n' && crate::source::is_unsafe(c)) {
        return Err(E::custom("a character refused in files"));
    }
    Ok(())
}

/// The general fix for a response carelevel cannot read.
const HELP: &str = "give a QuestionnaireResponse to the Questionnaire that `carelevel questions --format fhir` writes, or an answer file (`carelevel template`)";

/// Read the resource `value` (from `source`) as answers to `rules`.
pub fn read(rules: &Rules, source: &Source, value: &Value) -> Result<AnswerDoc, Vec<Problem>> {
    let kind = value.get("resourceType").and_then(Value::as_str);
    match kind {
        Some("QuestionnaireResponse") => Reader::new(rules, source).response(value, ""),
        Some("Bundle") => {
            let entries = value.get("entry").and_then(Value::as_array);
            let found = entries.into_iter().flatten().enumerate().find(|(_, e)| {
                e.pointer("/resource/resourceType").and_then(Value::as_str)
                    == Some("QuestionnaireResponse")
            });
            match found {
                Some((i, e)) => Reader::new(rules, source)
                    .response(&e["resource"], &format!("entry[{i}].resource")),
                None => Err(vec![Problem::new(
                    "this FHIR Bundle holds no QuestionnaireResponse",
                )
                .at(source.value("resourceType"))
                .help(HELP)]),
            }
        }
        Some(other) => Err(vec![Problem::new(format!(
            "a FHIR `{}` holds no answers",
            crate::error::visible(other)
        ))
        .at(source.value("resourceType"))
        .help(HELP)]),
        None => Err(vec![Problem::new(
            "`resourceType` must be the text `QuestionnaireResponse`",
        )
        .at(source.value("resourceType"))
        .help(HELP)]),
    }
}

struct Reader<'a> {
    rules: &'a Rules,
    source: &'a Source,
    answers: Answers,
    /// Where each question was answered first, by question index.
    seen: Vec<Option<String>>,
    problems: Vec<Problem>,
}

impl<'a> Reader<'a> {
    fn new(rules: &'a Rules, source: &'a Source) -> Self {
        Reader {
            rules,
            source,
            answers: Answers::empty(rules),
            seen: vec![None; rules.file.questions.len()],
            problems: Vec::new(),
        }
    }

    fn problem(&mut self, message: String, path: &str, help: impl Into<String>) {
        self.problems
            .push(Problem::new(message).at(self.source.value(path)).help(help));
    }

    /// The response at `path` in the file.
    fn response(mut self, r: &Value, path: &str) -> Result<AnswerDoc, Vec<Problem>> {
        let Some(r) = r.as_object() else {
            self.problem(
                "a QuestionnaireResponse must be an object".into(),
                path,
                HELP,
            );
            return Err(self.problems);
        };
        self.questionnaire(r, path);
        if r.get("status").and_then(Value::as_str) == Some("entered-in-error") {
            self.problem(
                "this QuestionnaireResponse is marked `entered-in-error`: its answers were withdrawn".into(),
                &join(path, "status"),
                "screen the corrected response instead",
            );
        }
        let id = self.record_id(r, path);
        let respondent = self.respondent(r, path);
        let subject = self.subject(r, path);
        match r.get("item") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => self.items(items, &join(path, "item")),
            Some(_) => self.problem(
                "`item` must be a list of items".into(),
                &join(path, "item"),
                HELP,
            ),
        }
        if !self.problems.is_empty() {
            self.problems.sort_by_key(|p| {
                p.location
                    .as_ref()
                    .map_or((usize::MAX, 0), |l| (l.line, l.column))
            });
            return Err(self.problems);
        }
        Ok(AnswerDoc {
            id,
            respondent,
            subject,
            answers: self.answers,
        })
    }

    /// The response must answer these rules' questionnaire, if it says which.
    fn questionnaire(&mut self, r: &Map<String, Value>, path: &str) {
        let at = join(path, "questionnaire");
        let Some(q) = r.get("questionnaire") else {
            return;
        };
        let ours = questionnaire_url(self.rules);
        let canonical = q.as_str().map(|s| s.split('|').next().unwrap_or(s));
        let relative = format!("Questionnaire/{}", self.rules.file.id);
        if canonical
            .is_some_and(|c| c == ours || c == relative || c.ends_with(&format!("/{relative}")))
        {
            return;
        }
        let shown = match q {
            Value::String(s) => crate::error::visible(s),
            other => other.to_string(),
        };
        self.problem(
            format!("this response answers the questionnaire `{shown}`, not `{ours}` of the rules in use"),
            &at,
            "screen it with the rule file its questionnaire was made from (`--rules FILE`), or remove `questionnaire` if it names the same questions",
        );
    }

    /// The record id: the response's business `identifier`, else its `id`.
    fn record_id(&mut self, r: &Map<String, Value>, path: &str) -> Option<String> {
        let (value, at) = match r.get("identifier").and_then(|i| i.get("value")) {
            Some(v) => (v, join(&join(path, "identifier"), "value")),
            None => (r.get("id")?, join(path, "id")),
        };
        match value.as_str() {
            Some(s) if !s.chars().any(char::is_control) => Some(s.to_owned()),
            _ => {
                self.problem(
                    "the response's id must be one line of text".into(),
                    &at,
                    "give a record number or short name, e.g. \"intake-0042\"",
                );
                None
            }
        }
    }

    /// Whom the response is about: its `subject`, a FHIR Reference (an
    /// object of plain text), carried into what is written from it.
    fn subject(&mut self, r: &Map<String, Value>, path: &str) -> Option<Value> {
        let s = r.get("subject")?;
        let plain = |v: &Value| -> bool {
            fn walk(v: &Value, depth: usize) -> bool {
                match v {
                    Value::String(s) => !s.chars().any(crate::source::is_unsafe),
                    Value::Object(m) => depth < 4 && m.values().all(|v| walk(v, depth + 1)),
                    Value::Array(a) => depth < 4 && a.iter().all(|v| walk(v, depth + 1)),
                    _ => true,
                }
            }
            walk(v, 0)
        };
        match s {
            Value::Null => None,
            Value::Object(m)
                if ["reference", "identifier", "display"]
                    .iter()
                    .any(|k| m.contains_key(*k))
                    && plain(s) =>
            {
                Some(s.clone())
            }
            _ => {
                self.problem(
                    "`subject` must be a FHIR Reference: an object with a `reference`, an `identifier` or a `display`".into(),
                    &join(path, "subject"),
                    "e.g. `\"subject\": {\"reference\": \"Patient/123\"}`, or leave `subject` out",
                );
                None
            }
        }
    }

    /// Who answered, from `source`: the patient (`self`), or anyone else
    /// answering about them (`other`).
    fn respondent(&mut self, r: &Map<String, Value>, path: &str) -> Option<Respondent> {
        let s = r.get("source")?;
        let kind = s
            .get("type")
            .and_then(Value::as_str)
            .or_else(|| s.get("reference")?.as_str()?.split('/').next())?;
        match kind {
            "Patient" => Some(Respondent::Myself),
            "RelatedPerson" | "Practitioner" | "PractitionerRole" => Some(Respondent::Other),
            _ => {
                self.problem(
                    format!(
                        "`source` is a `{}`; carelevel knows the patient or someone answering about them",
                        crate::error::visible(kind)
                    ),
                    &join(path, "source"),
                    "use a `Patient` source when the person answered, a `RelatedPerson` when someone else did, or leave `source` out",
                );
                None
            }
        }
    }

    fn items(&mut self, items: &[Value], path: &str) {
        for (i, item) in items.iter().enumerate() {
            self.item(item, &format!("{path}[{i}]"));
        }
    }

    fn item(&mut self, item: &Value, path: &str) {
        let Some(link) = item.get("linkId").and_then(Value::as_str) else {
            self.problem(
                "an item has no `linkId`".into(),
                path,
                "every item names its question in `linkId`",
            );
            return;
        };
        let answers: &[Value] = match item.get("answer") {
            Some(Value::Array(a)) => a,
            None | Some(Value::Null) => &[],
            Some(_) => {
                self.problem(
                    "`answer` must be a list".into(),
                    &join(path, "answer"),
                    HELP,
                );
                return;
            }
        };
        // Nested items: under the item, or under one of its answers.
        if let Some(Value::Array(nested)) = item.get("item") {
            self.items(nested, &join(path, "item"));
        }
        for (i, a) in answers.iter().enumerate() {
            if let Some(Value::Array(nested)) = a.get("item") {
                self.items(nested, &format!("{path}.answer[{i}].item"));
            }
        }
        let Some(index) = self.rules.question_index(link) else {
            let is_help = self
                .rules
                .file
                .questions
                .iter()
                .any(|q| help_link(q) == link);
            if !is_help || !answers.is_empty() {
                self.unknown(link, &join(path, "linkId"));
            }
            return;
        };
        let link_at = join(path, "linkId");
        if let Some(first) = &self.seen[index] {
            let first = self.source.value(first).map_or(0, |l| l.line);
            self.problem(
                format!("`{link}` is answered twice"),
                &link_at,
                format!("keep one item for it; the other is at line {first}"),
            );
            return;
        }
        self.seen[index] = Some(link_at);
        let q = &self.rules.file.questions[index];
        let mut values = Vec::new();
        for (i, a) in answers.iter().enumerate() {
            if let Some(v) = self.value(q, a, &format!("{path}.answer[{i}]")) {
                values.push(v);
            }
        }
        if values.len() != answers.len() {
            return;
        }
        let value = match (q.kind, values.len()) {
            (QuestionKind::Multi, _) => serde_yaml::Value::Sequence(values),
            (_, 0) => serde_yaml::Value::Null,
            (_, 1) => values.pop().expect("one value"),
            (_, n) => {
                self.problem(
                    format!("`{link}` takes one answer, but the item has {n}"),
                    &format!("{path}.answer[1]"),
                    format!("keep one; use one of: {}", crate::read::allowed(q)),
                );
                return;
            }
        };
        match crate::read::parse_value(q, &value) {
            Ok(a) => self.answers.set(index, a),
            Err((message, help)) => self.problem(message, &join(path, "answer"), help),
        }
    }

    fn unknown(&mut self, link: &str, at: &str) {
        let ids = self.rules.file.questions.iter().map(|q| q.id.as_str());
        let help = match suggest::closest(link, ids.clone()) {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!("valid linkIds: {}", suggest::backticked(ids)),
        };
        self.problem(
            format!("unknown question `{}`", crate::error::visible(link)),
            at,
            help,
        );
    }

    /// One `answer` as the value an answer file would hold, checked
    /// against the question's kind and code system.
    fn value(&mut self, q: &Question, a: &Value, path: &str) -> Option<serde_yaml::Value> {
        use serde_yaml::Value as Y;
        let expected = match q.kind {
            QuestionKind::Integer => "valueInteger",
            _ => "valueCoding",
        };
        if let Some(coding) = a.get("valueCoding") {
            let at = join(path, "valueCoding");
            if q.kind == QuestionKind::Integer {
                self.wrong_type(q, "valueCoding", expected, &at);
                return None;
            }
            let system = coding.get("system");
            let ours = code_system(self.rules, q);
            if let Some(system) = system.filter(|s| s.as_str() != Some(ours.as_str())) {
                let shown = match system {
                    Value::String(s) => crate::error::visible(s),
                    other => other.to_string(),
                };
                self.problem(
                    format!("`{}` is answered with a code of `{shown}`", q.id),
                    &join(&at, "system"),
                    format!("its codes are in `{ours}`"),
                );
                return None;
            }
            let Some(code) = coding.get("code").and_then(Value::as_str) else {
                self.problem(
                    format!("the coding answering `{}` has no `code`", q.id),
                    &at,
                    format!("use one of: {}", crate::read::allowed(q)),
                );
                return None;
            };
            // Each code is checked where it stands.
            if q.option(code).is_none() {
                let one = Y::String(code.to_owned());
                if let Err((message, help)) = crate::read::parse_value(q, &one) {
                    self.problem(message, &join(&at, "code"), help);
                    return None;
                }
            }
            return Some(Y::String(code.to_owned()));
        }
        if let Some(n) = a.get("valueInteger") {
            let at = join(path, "valueInteger");
            if q.kind != QuestionKind::Integer {
                self.wrong_type(q, "valueInteger", expected, &at);
                return None;
            }
            return match n.as_i64() {
                Some(n) => Some(Y::Number(n.into())),
                None => {
                    self.problem(
                        format!("`{}` needs a whole number", q.id),
                        &at,
                        "write the number without quotes, e.g. \"valueInteger\": 4",
                    );
                    None
                }
            };
        }
        if let Some(b) = a.get("valueBoolean").and_then(Value::as_bool) {
            // A form may answer a yes/no question with a boolean.
            if q.kind == QuestionKind::YesNo && q.option(if b { "yes" } else { "no" }).is_some() {
                return Some(Y::String(if b { "yes" } else { "no" }.into()));
            }
        }
        let found = a
            .as_object()
            .and_then(|o| o.keys().find(|k| k.starts_with("value")).cloned());
        match found {
            Some(k) => {
                let at = join(path, &k);
                self.wrong_type(q, &k, expected, &at);
            }
            None => self.problem(
                format!("an answer to `{}` holds no value", q.id),
                path,
                format!("give `{expected}`"),
            ),
        }
        None
    }

    fn wrong_type(&mut self, q: &Question, found: &str, expected: &str, at: &str) {
        let help = match q.kind {
            QuestionKind::Integer => {
                let (min, max) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
                format!("give `{expected}` with a whole number from {min} to {max}")
            }
            _ => format!(
                "give `{expected}` with one of these codes: {}",
                crate::read::allowed(q)
            ),
        };
        self.problem(format!("`{}` is answered with `{found}`", q.id), at, help);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESPONSE: &str = r#"{
  "resourceType": "QuestionnaireResponse",
  "identifier": {"value": "r-1"},
  "status": "completed",
  "source": {"type": "RelatedPerson"},
  "item": [
    {"linkId": "self_harm_thoughts", "answer": [{"valueCoding": {"system": "urn:carelevel:default:self_harm_thoughts", "code": "none"}}]},
    {"linkId": "hours_available", "answer": [{"valueInteger": 6}]}
  ]
}"#;

    #[test]
    fn the_quick_reader_reads_a_plain_response_as_the_full_reader_does() {
        let rules = Rules::builtin().unwrap();
        let quick = quick(&rules, RESPONSE).expect("a plain response");
        let full = crate::read::parse_full(&rules, "r.json", RESPONSE).unwrap();
        assert_eq!(quick.answers, full.answers);
        assert_eq!(quick.id, full.id);
        assert_eq!(quick.respondent, full.respondent);
    }

    #[test]
    fn anything_the_full_reader_refuses_or_places_goes_to_it() {
        let rules = Rules::builtin().unwrap();
        for broken in [
            // A key twice: the full reader names both places.
            RESPONSE.replacen(
                r#""status": "completed","#,
                r#""status": "completed", "status": "completed","#,
                1,
            ),
            // A character a terminal could act on, written as an escape.
            RESPONSE.replacen("r-1", "r\\u202e1", 1),
            // A wrong code, an unknown linkId.
            RESPONSE.replacen(r#""code": "none""#, r#""code": "nope""#, 1),
            RESPONSE.replacen("hours_available", "hours_availble", 1),
            // A tab, and the key written with an escape.
            RESPONSE.replacen("r-1", "r\\t1", 1),
            RESPONSE.replacen(r#""resourceType""#, r#""\u0072esourceType""#, 1),
        ] {
            assert!(quick(&rules, &broken).is_none(), "{broken}");
            assert!(
                crate::read::parse(&rules, "r.json", &broken).is_err(),
                "{broken}"
            );
        }
    }
}
