//! A result as a FHIR `Bundle` (type `collection`): an `Observation` of the
//! recommended level, then the `QuestionnaireResponse` it was derived from.
//!
//! The Observation comes first and, when an answer is a crisis answer,
//! opens with it: its narrative and its first note are the crisis message,
//! and its interpretation is "critical". docs/fhir.md explains each element.

use serde_json::{json, Map, Value};

use crate::answers::Answers;
use crate::report::Report;
use crate::rules::Rules;

/// Codes of carelevel's own, for what every result has.
const RESULT: &str = "urn:carelevel:result";
const CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const INTERPRETATION: &str = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

/// The Bundle of `report`, which `answers` gave, as pretty JSON. It is
/// always dated (`authored`, `issued`): the report's timestamp, else now.
/// `subject` is whom the answers are about, as the input named them.
pub fn bundle(
    rules: &Rules,
    answers: &Answers,
    report: &Report,
    subject: Option<&Value>,
) -> String {
    let when = report
        .timestamp
        .clone()
        .unwrap_or_else(crate::report::now_utc);
    super::pretty(&bundle_value(rules, answers, report, subject, &when))
}

/// [`bundle`] as a JSON value, dated `when`: `batch --format fhir` writes
/// one per line.
pub fn bundle_value(
    rules: &Rules,
    answers: &Answers,
    report: &Report,
    subject: Option<&Value>,
    when: &str,
) -> Value {
    let when = when.to_owned();
    let response = super::response(
        rules,
        answers,
        report.id.as_deref(),
        report.respondent,
        &when,
        subject,
    );
    let seed = |kind: &str| {
        let mut name = format!("{kind}\n{}\n{when}\n", report.rules.sha256).into_bytes();
        name.extend(serde_json::to_vec(&response).expect("JSON always serializes"));
        super::uuid(&name)
    };
    let (response_url, observation_url) = (seed("response"), seed("observation"));
    let observation = observation(rules, report, &when, &response_url, subject);
    json!({
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": when,
        "entry": [
            { "fullUrl": observation_url, "resource": observation },
            { "fullUrl": response_url, "resource": response },
        ],
    })
}

fn coding(system: &str, code: &str, display: &str) -> Value {
    json!({ "system": system, "code": code, "display": display })
}

fn observation(
    rules: &Rules,
    r: &Report,
    when: &str,
    derived_from: &str,
    subject: Option<&Value>,
) -> Value {
    let id = &rules.file.id;
    let levels = format!("urn:carelevel:levels:{id}");
    let dimensions = format!("urn:carelevel:dimensions:{id}");
    let one_line = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");

    // Notes, most urgent first: the crisis, the clinician's decision, what
    // this is, then why.
    let mut notes: Vec<String> = Vec::new();
    if let Some(m) = &r.crisis_message {
        notes.push(m.clone());
    }
    if let Some(d) = &r.decision {
        notes.push(format!(
            "Clinician's decision: {} ({}) instead of the recommended {} ({}). Reason: {}",
            d.chosen_name, d.chosen, d.recommended_name, d.recommended, d.reason
        ));
    }
    notes.push(one_line(&r.disclaimer));
    if !r.complete {
        notes.push(
            "Not every question that applies was answered: the result rests on the answers given."
                .into(),
        );
    }
    for rule in &r.explanation.rules {
        notes.push(format!(
            "Rule `{}` (at least {}): {}",
            rule.id, rule.floor_name, rule.reason
        ));
    }
    for n in &r.notes {
        notes.push(format!("Note `{}`: {}", n.id, one_line(&n.text)));
    }

    let mut components = vec![json!({
        "code": { "coding": [coding(RESULT, "crisis", "A crisis answer was given")] },
        "valueBoolean": r.crisis,
    })];
    for d in &r.explanation.dimensions {
        components.push(json!({
            "code": { "coding": [coding(&dimensions, &d.id, &d.name)] },
            "valueInteger": d.rating,
        }));
    }
    if let Some(d) = &r.decision {
        components.push(json!({
            "code": { "coding": [coding(RESULT, "clinician-decision", "Level chosen by a clinician")] },
            "valueCodeableConcept": {
                "coding": [coding(&levels, &d.chosen, &d.chosen_name)],
                "text": d.chosen_name,
            },
        }));
    }

    let mut o = Map::new();
    o.insert("resourceType".into(), "Observation".into());
    o.insert("language".into(), r.lang.clone().into());
    o.insert(
        "text".into(),
        json!({ "status": "generated", "div": narrative(r, &notes) }),
    );
    if let Some(id) = &r.id {
        o.insert("identifier".into(), json!([{ "value": id }]));
    }
    o.insert(
        "status".into(),
        if r.complete { "final" } else { "preliminary" }.into(),
    );
    o.insert(
        "category".into(),
        json!([{ "coding": [coding(CATEGORY, "survey", "Survey")] }]),
    );
    o.insert(
        "code".into(),
        json!({
            "coding": [coding(RESULT, "level-of-care", "Recommended level of care")],
            "text": "Recommended level of care (a screening aid, not a diagnosis)",
        }),
    );
    if let Some(subject) = subject {
        o.insert("subject".into(), subject.clone());
    }
    o.insert("effectiveDateTime".into(), when.into());
    o.insert("issued".into(), when.into());
    o.insert(
        "device".into(),
        json!({ "display": format!("{} {}", r.tool.name, r.tool.version) }),
    );
    o.insert(
        "valueCodeableConcept".into(),
        json!({
            "coding": [coding(&levels, &r.level, &r.level_name)],
            "text": r.level_name,
        }),
    );
    if r.crisis {
        o.insert(
            "interpretation".into(),
            json!([{
                "coding": [coding(INTERPRETATION, "AA", "Critical abnormal")],
                "text": "Crisis answer: share the crisis resources now",
            }]),
        );
    }
    o.insert(
        "note".into(),
        notes.iter().map(|n| json!({ "text": n })).collect(),
    );
    o.insert(
        "method".into(),
        json!({ "text": format!(
            "carelevel rules `{}` version {} (sha256 {})",
            r.rules.id, r.rules.version, r.rules.sha256
        )}),
    );
    o.insert(
        "derivedFrom".into(),
        json!([{ "reference": derived_from, "type": "QuestionnaireResponse" }]),
    );
    o.insert("component".into(), components.into());
    Value::Object(o)
}

/// The human-readable narrative: the crisis first, then the level, then
/// the rest of the notes. XHTML only, no Markdown: the crisis message's
/// list is a list, and ids lose their backticks.
fn narrative(r: &Report, notes: &[String]) -> String {
    let mut div = String::from("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    let mut rest = notes;
    if let Some(m) = &r.crisis_message {
        let mut list = false;
        for line in m.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match line.strip_prefix("- ").or(line.strip_prefix("* ")) {
                Some(item) => {
                    if !list {
                        div.push_str("<ul>");
                        list = true;
                    }
                    div.push_str(&format!("<li><b>{}</b></li>", super::xhtml(item)));
                }
                None => {
                    if list {
                        div.push_str("</ul>");
                        list = false;
                    }
                    div.push_str(&format!("<p><b>{}</b></p>", super::xhtml(line)));
                }
            }
        }
        if list {
            div.push_str("</ul>");
        }
        rest = &notes[1..];
    }
    let w = crate::words::of(&r.lang);
    let level = w.with(
        "recommended-level",
        &[("level", crate::words::text(&r.level_name))],
    );
    div.push_str(&format!(
        "<p><b>{}</b>. {}</p>",
        super::xhtml(&level),
        super::xhtml(&one_line(&r.level_summary))
    ));
    if let Some(step) = &r.next_step {
        let step = w.with("next-step", &[("step", crate::words::text(step))]);
        div.push_str(&format!("<p>{}</p>", super::xhtml(&step)));
    }
    for n in rest {
        div.push_str(&format!("<p>{}</p>", super::xhtml(&n.replace('`', ""))));
    }
    div.push_str("</div>");
    div
}

fn one_line(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}
