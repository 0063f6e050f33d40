//! The questions as an HL7 FHIR R4 `Questionnaire` (`questions --format fhir`).
//!
//! Each question is an item (`linkId` = question id); options are codings
//! in a code system of the rule file's own, with the option's highest
//! rating as its SDC `itemWeight`; `when` becomes `enableWhen` where FHIR
//! can say it, and an SDC `enableWhenExpression` (FHIRPath) where it cannot.

use serde_json::{json, Map, Value};

use super::{CORE, SDC};
use crate::response::{code_system as system, help_link, questionnaire_url as url};
use crate::rules::model::{Condition, Question, QuestionKind, Respondent, Scalar, Text, Variant};
use crate::rules::Rules;

const TRANSLATION: &str = "http://hl7.org/fhir/StructureDefinition/translation";

/// The `_element` of a text in every other language the rules offer: the
/// FHIR translation extension, one per language. `None` when there is none.
fn translations(rules: &Rules, respondent: Respondent, text: &Text) -> Option<Value> {
    let f = &rules.file;
    let list: Vec<Value> = f
        .offered_languages()
        .into_iter()
        .filter(|l| *l != rules.lang)
        .map(|lang| {
            let v = Variant {
                respondent,
                lang: Some(lang.to_owned()),
            };
            let content = text.get(&v, Some(&f.language)).trim().to_owned();
            json!({
                "url": TRANSLATION,
                "extension": [
                    { "url": "lang", "valueCode": lang },
                    { "url": "content", "valueString": content },
                ],
            })
        })
        .collect();
    (!list.is_empty() && text.varies()).then(|| json!({ "extension": list }))
}

/// Insert `key` with `text` (as shown) and its translations as `_key`.
fn put(map: &mut Map<String, Value>, key: &str, rules: &Rules, who: Respondent, text: &Text) {
    map.insert(key.into(), text.trim().into());
    if let Some(t) = translations(rules, who, text) {
        map.insert(format!("_{key}"), t);
    }
}

/// The Questionnaire, as pretty JSON with a final line end.
pub fn questionnaire(rules: &Rules, who: Respondent) -> String {
    let f = &rules.file;
    let items: Vec<Value> = f.questions.iter().map(|q| item(rules, who, q)).collect();
    let mut doc = Map::new();
    doc.insert("resourceType".into(), "Questionnaire".into());
    doc.insert("id".into(), f.id.clone().into());
    doc.insert("language".into(), rules.lang.clone().into());
    doc.insert("url".into(), url(rules).into());
    doc.insert("version".into(), f.version.clone().into());
    doc.insert(
        "name".into(),
        f.id.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
            .into(),
    );
    put(&mut doc, "title", rules, who, &f.title);
    doc.insert("status".into(), "active".into());
    put(&mut doc, "description", rules, who, &f.disclaimer);
    doc.insert("item".into(), items.into());
    let doc = Value::Object(doc);
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON always serializes");
    text.push('\n');
    text
}

fn item(rules: &Rules, who: Respondent, q: &Question) -> Value {
    let mut item = Map::new();
    item.insert("linkId".into(), q.id.as_str().into());
    put(&mut item, "text", rules, who, &q.prompt);
    let mut extensions = Vec::new();
    match q.kind {
        QuestionKind::YesNo | QuestionKind::Choice | QuestionKind::Multi => {
            item.insert("type".into(), "choice".into());
            if q.kind == QuestionKind::Multi {
                item.insert("repeats".into(), true.into());
            }
            let options: Vec<Value> = q
                .shown_options()
                .map(|(_, o)| {
                    let weight = o.rate.values().copied().max().unwrap_or(0);
                    let mut coding = Map::new();
                    coding.insert("system".into(), system(rules, q).into());
                    coding.insert("code".into(), o.code.as_str().into());
                    put(&mut coding, "display", rules, who, &o.label);
                    json!({
                        "extension": [{ "url": format!("{SDC}/itemWeight"), "valueDecimal": weight }],
                        "valueCoding": coding,
                    })
                })
                .collect();
            item.insert("answerOption".into(), options.into());
        }
        QuestionKind::Integer => {
            item.insert("type".into(), "integer".into());
            if let Some(min) = q.min {
                extensions.push(json!({ "url": format!("{CORE}/minValue"), "valueInteger": min }));
            }
            if let Some(max) = q.max {
                extensions.push(json!({ "url": format!("{CORE}/maxValue"), "valueInteger": max }));
            }
            if let Some(unit) = &q.unit {
                extensions.push(json!({
                    "url": format!("{CORE}/questionnaire-unit"),
                    "valueCoding": { "display": unit.trim() }
                }));
            }
        }
    }
    item.insert("required".into(), q.required.into());
    if let Some(c) = &q.when {
        match enable_when(rules, c) {
            Some((list, behavior)) => {
                item.insert("enableWhen".into(), list.into());
                if let Some(b) = behavior {
                    item.insert("enableBehavior".into(), b.into());
                }
            }
            None => extensions.push(json!({
                "url": format!("{SDC}/sdc-questionnaire-enableWhenExpression"),
                "valueExpression": { "language": "text/fhirpath", "expression": fhirpath(rules, c) }
            })),
        }
    }
    if !extensions.is_empty() {
        item.insert("extension".into(), extensions.into());
    }
    if let Some(help) = &q.help {
        let mut display = Map::new();
        display.insert("linkId".into(), help_link(q).into());
        display.insert("type".into(), "display".into());
        put(&mut display, "text", rules, who, help);
        display.insert(
            "extension".into(),
            json!([{
                "url": format!("{CORE}/questionnaire-itemControl"),
                "valueCodeableConcept": { "coding": [{
                    "system": "http://hl7.org/fhir/questionnaire-item-control",
                    "code": "help",
                }]}
            }]),
        );
        item.insert("item".into(), json!([Value::Object(display)]));
    }
    Value::Object(item)
}

/// `enableWhen` entries and `enableBehavior`, when FHIR can say `c`: an
/// answer equal to one code or number (or one of several), or all of such.
fn enable_when(rules: &Rules, c: &Condition) -> Option<(Vec<Value>, Option<&'static str>)> {
    if let Some(list) = &c.all {
        let mut out = Vec::new();
        for s in list {
            let (mut one, behavior) = enable_when(rules, s)?;
            if one.len() != 1 || behavior.is_some() {
                return None;
            }
            out.append(&mut one);
        }
        let behavior = (out.len() > 1).then_some("all");
        return Some((out, behavior));
    }
    let q = rules.question(c.answer.as_deref()?)?;
    let values: Vec<&Scalar> = match (&c.is, &c.in_) {
        (Some(v), None) => vec![v],
        (None, Some(vs)) => vs.iter().collect(),
        _ => return None,
    };
    let list: Vec<Value> = values.iter().map(|v| equals(rules, q, v)).collect();
    let behavior = (list.len() > 1).then_some("any");
    Some((list, behavior))
}

fn equals(rules: &Rules, q: &Question, v: &Scalar) -> Value {
    let mut e = json!({ "question": q.id, "operator": "=" });
    match v {
        Scalar::Int(n) if q.kind == QuestionKind::Integer => e["answerInteger"] = json!(n),
        other => {
            e["answerCoding"] = json!({ "system": system(rules, q), "code": other.to_string() })
        }
    }
    e
}

/// `c` in FHIRPath, over the response being filled in.
fn fhirpath(rules: &Rules, c: &Condition) -> String {
    let join = |list: &[Condition], op: &str| {
        let parts: Vec<String> = list
            .iter()
            .map(|s| format!("({})", fhirpath(rules, s)))
            .collect();
        parts.join(op)
    };
    if let Some(list) = &c.all {
        return join(list, " and ");
    }
    if let Some(list) = &c.any {
        return join(list, " or ");
    }
    if let Some(s) = &c.not {
        return format!("({}).not()", fhirpath(rules, s));
    }
    if let Some(list) = &c.of {
        let n = match &c.at_least {
            Some(Scalar::Int(n)) => *n,
            _ => 1,
        };
        let parts: Vec<String> = list
            .iter()
            .map(|s| format!("iif({}, 1, 0)", fhirpath(rules, s)))
            .collect();
        return format!("({}) >= {n}", parts.join(" + "));
    }
    let Some(q) = c.answer.as_deref().and_then(|id| rules.question(id)) else {
        // A condition on ratings cannot hold while questions are asked.
        return "false".into();
    };
    let answer = format!(
        "%resource.repeat(item).where(linkId = '{}').answer.value",
        q.id
    );
    let codes = |vs: Vec<&Scalar>| -> String {
        vs.iter()
            .map(|v| format!("'{}'", v.to_string().replace('\'', "\\'")))
            .collect::<Vec<_>>()
            .join(" | ")
    };
    // `where(...).exists()`: true or false even before the question is
    // answered (a comparison with no answer would be empty, not false).
    if q.kind == QuestionKind::Integer {
        let n = |v: &Scalar| v.to_string();
        let test = match (&c.is, &c.in_, &c.at_least, &c.at_most) {
            (Some(v), ..) => format!("$this = {}", n(v)),
            (_, Some(vs), ..) => format!(
                "$this in ({})",
                vs.iter().map(n).collect::<Vec<_>>().join(" | ")
            ),
            (_, _, Some(v), _) => format!("$this >= {}", n(v)),
            (_, _, _, Some(v)) => format!("$this <= {}", n(v)),
            _ => return "false".into(),
        };
        return format!("{answer}.where({test}).exists()");
    }
    // Ordered codes: `at_least` is any code from the threshold up the scale
    // (never the declining one), `at_most` any code up to it.
    let scale = |from_top: bool, v: &Scalar| -> Vec<Scalar> {
        let Some((t, _)) = q.option(&v.to_string()) else {
            return Vec::new();
        };
        q.options
            .iter()
            .enumerate()
            .filter(|(i, o)| !o.off_scale() && if from_top { *i >= t } else { *i <= t })
            .map(|(_, o)| Scalar::Code(o.code.to_string()))
            .collect()
    };
    let set = match (&c.is, &c.in_, &c.at_least, &c.at_most) {
        (Some(v), ..) => vec![v.clone()],
        (_, Some(vs), ..) => vs.clone(),
        (_, _, Some(v), _) => scale(true, v),
        (_, _, _, Some(v)) => scale(false, v),
        _ => Vec::new(),
    };
    if set.is_empty() {
        return "false".into();
    }
    format!(
        "{answer}.where(code in ({})).exists()",
        codes(set.iter().collect())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_is_an_item_with_its_options_and_conditions() {
        let rules = crate::builtin::rules();
        let q: Value = serde_json::from_str(&questionnaire(&rules, Respondent::Myself)).unwrap();
        assert_eq!(q["resourceType"], "Questionnaire");
        assert_eq!(q["status"], "active");
        let items = q["item"].as_array().unwrap();
        assert_eq!(items.len(), rules.file.questions.len());
        for (item, question) in items.iter().zip(&rules.file.questions) {
            assert_eq!(item["linkId"], question.id.as_str());
            if question.when.is_some() {
                let plain = item.get("enableWhen").is_some();
                let expression = item["extension"].as_array().is_some_and(|e| {
                    e.iter()
                        .any(|x| x["url"].as_str().unwrap().ends_with("enableWhenExpression"))
                });
                assert!(
                    plain != expression,
                    "{}: one way of saying when",
                    question.id
                );
            }
            if let Some(options) = item["answerOption"].as_array() {
                assert_eq!(options.len(), question.options.len());
                // The declining option keeps its code.
                for o in question.options.iter().filter(|o| o.declines) {
                    assert!(options
                        .iter()
                        .any(|x| x["valueCoding"]["code"] == o.code.as_str()));
                }
            }
        }
    }
}
