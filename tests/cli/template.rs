use predicates::prelude::*;

use crate::{carelevel, stdout_of};

#[test]
fn yaml_template_lists_every_question_blank() {
    let out = stdout_of(carelevel().arg("template"));
    let doc: serde_yaml::Value = serde_yaml::from_str(&out).expect("the template is YAML");
    let answers = doc["answers"].as_mapping().expect("an answers map");
    let questions: serde_json::Value =
        serde_json::from_str(&stdout_of(carelevel().arg("questions"))).unwrap();
    let ids: Vec<&str> = questions
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    let keys: Vec<&str> = answers.keys().map(|k| k.as_str().unwrap()).collect();
    assert_eq!(keys, ids);
    assert!(answers.values().all(|v| v.is_null()));
    assert!(
        out.contains("# Answer: one of: `no` (No)"),
        "allowed codes as comments"
    );
    assert!(out.contains("# Asked only when"), "conditions as comments");
}

#[test]
fn json_template_is_all_nulls() {
    let out = stdout_of(carelevel().args(["template", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let answers = doc["answers"].as_object().unwrap();
    assert!(answers.len() >= 12);
    assert!(answers.values().all(|v| v.is_null()));
}

#[test]
fn blank_template_fed_back_names_every_missing_answer_in_one_error() {
    let template = stdout_of(carelevel().arg("template"));
    carelevel()
        .args(["screen", "--answers", "-"])
        .write_stdin(template)
        .assert()
        .code(65)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: `<stdin>` holds no answers yet; these questions need one: `self_harm_thoughts`, `recent_attempt`",
        ))
        .stderr(predicate::str::contains("`hours_available`"))
        .stderr(predicate::str::contains("found").not());
}
