//! Answers as a FHIR `QuestionnaireResponse`: for `screen --format fhir`
//! and for the guided flow's `--save-format fhir`.

use serde_json::{json, Map, Value};

use crate::answers::{Answer, Answers};
use crate::response::{code_system, questionnaire_url};
use crate::rules::model::Respondent;
use crate::rules::Rules;

/// The response holding `answers`: `completed` when every question that
/// applies is answered, else `in-progress`. Answers to questions that were
/// not asked (their conditions do not hold) are left out.
pub fn response(
    rules: &Rules,
    answers: &Answers,
    id: Option<&str>,
    respondent: Respondent,
    authored: &str,
    subject: Option<&Value>,
) -> Value {
    let outcome = crate::engine::evaluate(rules, answers);
    let status = if outcome.missing.is_empty() {
        "completed"
    } else {
        "in-progress"
    };
    let items: Vec<Value> = answers
        .iter()
        .filter(|(q, _)| !outcome.ignored.contains(q))
        .map(|(q, a)| item(rules, q, a))
        .collect();
    let mut r = Map::new();
    r.insert("resourceType".into(), "QuestionnaireResponse".into());
    r.insert("language".into(), rules.lang.clone().into());
    if let Some(id) = id {
        r.insert("identifier".into(), json!({ "value": id }));
    }
    r.insert(
        "questionnaire".into(),
        format!("{}|{}", questionnaire_url(rules), rules.file.version).into(),
    );
    r.insert("status".into(), status.into());
    if let Some(subject) = subject {
        r.insert("subject".into(), subject.clone());
    }
    r.insert("authored".into(), authored.into());
    r.insert(
        "source".into(),
        match respondent {
            Respondent::Myself => json!({ "type": "Patient", "display": "The person screened" }),
            Respondent::Other => json!({
                "type": "RelatedPerson",
                "display": "Someone answering about the person screened"
            }),
        },
    );
    if !items.is_empty() {
        r.insert("item".into(), items.into());
    }
    Value::Object(r)
}

/// [`response`] as the text of a file (`--save-format fhir`).
pub fn response_file(
    rules: &Rules,
    answers: &Answers,
    id: Option<&str>,
    respondent: Respondent,
) -> String {
    let authored = crate::report::now_utc();
    super::pretty(&response(rules, answers, id, respondent, &authored, None))
}

fn item(rules: &Rules, index: usize, answer: &Answer) -> Value {
    let q = &rules.file.questions[index];
    let coding = |code: &str| {
        let display = q
            .option(code)
            .map(|(_, o)| o.label.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        json!({ "valueCoding": {
            "system": code_system(rules, q),
            "code": code,
            "display": display,
        }})
    };
    let answers: Vec<Value> = match answer {
        Answer::Code(c) => vec![coding(c)],
        // None of the options: the item with no answer (FHIR has no empty
        // list); carelevel reads it back as "none of these".
        Answer::Codes(cs) => cs.iter().map(|c| coding(c)).collect(),
        Answer::Int(n) => vec![json!({ "valueInteger": n })],
    };
    let mut item = Map::new();
    item.insert("linkId".into(), q.id.as_str().into());
    item.insert("text".into(), q.prompt.trim().into());
    if !answers.is_empty() {
        item.insert("answer".into(), answers.into());
    }
    Value::Object(item)
}
