//! FHIR in and out: `screen --format fhir` (a Bundle of an Observation and
//! the QuestionnaireResponse), QuestionnaireResponse answers to `screen`
//! and `batch`, and `--save-format fhir`.

use serde_json::{json, Value};

use crate::{carelevel, stdout_of};

fn bundle(answers: &str, args: &[&str]) -> Value {
    let out = stdout_of(
        carelevel()
            .args(["screen", "--answers", answers, "-f", "fhir"])
            .args(args),
    );
    serde_json::from_str(&out).expect("a Bundle is JSON")
}

/// The QuestionnaireResponse in a Bundle.
fn response_of(b: &Value) -> Value {
    b["entry"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["resource"]["resourceType"] == "QuestionnaireResponse")
        .expect("a response")["resource"]
        .clone()
}

/// The result in JSON, with the answers read from `path`.
fn result(path: &std::path::Path) -> Value {
    let out = stdout_of(
        carelevel()
            .arg("screen")
            .arg("--answers")
            .arg(path)
            .args(["-f", "json"]),
    );
    serde_json::from_str(&out).unwrap()
}

#[test]
fn the_bundle_snapshot() {
    let out = stdout_of(carelevel().args([
        "screen",
        "--answers",
        "examples/iop.yaml",
        "-f",
        "fhir",
        "--timestamp",
    ]));
    insta::with_settings!({filters => vec![
        (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "[TIME]"),
        (r"urn:uuid:[0-9a-f-]{36}", "urn:uuid:[UUID]"),
        (r#""version": "\d+\.\d+\.\d+[^"]*""#, r#""version": "[VERSION]""#),
        (r"carelevel \d+\.\d+\.\d+", "carelevel [VERSION]"),
        (r"sha256 [0-9a-f]{64}", "sha256 [SHA]"),
    ]}, {
        insta::assert_snapshot!("screen_fhir_iop", out);
    });
}

#[test]
fn a_crisis_opens_the_bundle() {
    let b = bundle("examples/crisis.json", &[]);
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "collection");
    let o = &b["entry"][0]["resource"];
    assert_eq!(o["resourceType"], "Observation", "the result comes first");
    let div = o["text"]["div"].as_str().unwrap();
    assert!(
        div.starts_with("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>"),
        "{div}"
    );
    assert!(div.contains("988"), "{div}");
    assert!(o["note"][0]["text"].as_str().unwrap().contains("988"));
    assert_eq!(o["interpretation"][0]["coding"][0]["code"], "AA");
    assert_eq!(o["component"][0]["code"]["coding"][0]["code"], "crisis");
    assert_eq!(o["component"][0]["valueBoolean"], true);
    assert_eq!(o["valueCodeableConcept"]["coding"][0]["code"], "inpatient");
    assert_eq!(o["status"], "final");
    // The Observation points at the response through its fullUrl.
    let response_url = &b["entry"][1]["fullUrl"];
    assert_eq!(o["derivedFrom"][0]["reference"], *response_url);
    let r = response_of(&b);
    assert_eq!(r["status"], "completed");
    assert_eq!(r["identifier"]["value"], "example-crisis");
    assert_eq!(r["authored"], b["timestamp"], "FHIR is always dated");
}

#[test]
fn without_a_crisis_the_observation_says_so_and_rates_each_dimension() {
    let b = bundle("examples/outpatient.yaml", &[]);
    let o = &b["entry"][0]["resource"];
    assert!(o.get("interpretation").is_none());
    assert_eq!(o["component"][0]["valueBoolean"], false);
    let json = result(std::path::Path::new("examples/outpatient.yaml"));
    let dims = json["dimensions"].as_object().unwrap();
    for (id, rating) in dims {
        let c = o["component"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"]["coding"][0]["code"] == id.as_str())
            .unwrap_or_else(|| panic!("a component for {id}"));
        assert_eq!(c["valueInteger"], *rating, "{id}");
    }
    let notes: Vec<&str> = o["note"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert!(notes[0].contains("screening aid"), "{notes:?}");
}

#[test]
fn an_override_is_in_the_observation() {
    let b = bundle(
        "examples/iop.yaml",
        &[
            "--override",
            "inpatient",
            "--reason",
            "no one at home to check in",
        ],
    );
    let o = &b["entry"][0]["resource"];
    assert_eq!(
        o["valueCodeableConcept"]["coding"][0]["code"], "iop",
        "the recommendation stays"
    );
    let decision = o["component"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"]["coding"][0]["code"] == "clinician-decision")
        .expect("the decision as a component");
    assert_eq!(
        decision["valueCodeableConcept"]["coding"][0]["code"],
        "inpatient"
    );
    assert!(o["note"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Reason: no one at home to check in"));
}

#[test]
fn a_response_screens_like_the_answer_file_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    for example in [
        "examples/iop.yaml",
        "examples/outpatient.yaml",
        "examples/crisis.json",
    ] {
        let path = dir.path().join("response.json");
        std::fs::write(&path, response_of(&bundle(example, &[])).to_string()).unwrap();
        assert_eq!(
            result(&path),
            result(std::path::Path::new(example)),
            "{example}"
        );
        // A whole Bundle is read through the response it holds.
        let whole = dir.path().join("bundle.json");
        std::fs::write(&whole, bundle(example, &[]).to_string()).unwrap();
        assert_eq!(
            result(&whole),
            result(std::path::Path::new(example)),
            "{example}"
        );
    }
}

/// A response to the built-in questionnaire with `item` as given.
fn response(items: Value) -> String {
    serde_json::to_string_pretty(&json!({
        "resourceType": "QuestionnaireResponse",
        "questionnaire": "urn:carelevel:questionnaire:default",
        "status": "completed",
        "item": items,
    }))
    .unwrap()
}

fn refused(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qr.json");
    std::fs::write(&path, text).unwrap();
    let out = carelevel()
        .current_dir(dir.path())
        .args(["screen", "--answers", "qr.json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(65),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

/// The 1-based line of the first line of `text` holding `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// `text` is refused with each of `words`, at the line holding `place`.
fn refused_at(text: &str, place: &str, words: &[&str]) {
    let err = refused(text);
    let line = line_of(text, place);
    assert!(err.contains(&format!("qr.json:{line}:")), "{err}");
    for w in words {
        assert!(err.contains(w), "{w}: {err}");
    }
}

#[test]
fn a_wrong_code_is_named_at_its_place() {
    let text = response(json!([{
        "linkId": "self_harm_thoughts",
        "answer": [{ "valueCoding": {
            "system": "urn:carelevel:default:self_harm_thoughts",
            "code": "pasive"
        }}]
    }]));
    refused_at(
        &text,
        "\"pasive\"",
        &[
            "`pasive` is not an answer to `self_harm_thoughts`",
            "did you mean `passive`?",
        ],
    );
}

#[test]
fn an_unknown_link_id_is_named_at_its_place() {
    let text = response(json!([{
        "linkId": "self_harm_thougts",
        "answer": [{ "valueCoding": { "code": "never" } }]
    }]));
    refused_at(
        &text,
        "self_harm_thougts",
        &[
            "unknown question `self_harm_thougts`",
            "did you mean `self_harm_thoughts`?",
        ],
    );
}

#[test]
fn responses_of_another_kind_are_refused_with_the_reason() {
    for (items, words) in [
        (
            json!([{ "linkId": "hours_available", "answer": [{ "valueCoding": { "code": "20" } }] }]),
            "`hours_available` is answered with `valueCoding`",
        ),
        (
            json!([{ "linkId": "hours_available", "answer": [{ "valueInteger": 500 }] }]),
            "500 is out of range for `hours_available`",
        ),
        (
            json!([{ "linkId": "self_harm_plan", "answer": [
                { "valueCoding": { "code": "yes" } }, { "valueCoding": { "code": "no" } }] }]),
            "`self_harm_plan` takes one answer, but the item has 2",
        ),
        (
            json!([{ "linkId": "self_harm_plan", "answer": [
                { "valueCoding": { "system": "http://snomed.info/sct", "code": "373066001" } }] }]),
            "`self_harm_plan` is answered with a code of `http://snomed.info/sct`",
        ),
        (
            json!([{ "linkId": "self_harm_plan", "answer": [{ "valueCoding": { "code": "no" } }] },
                   { "linkId": "self_harm_plan", "answer": [{ "valueCoding": { "code": "no" } }] }]),
            "`self_harm_plan` is answered twice",
        ),
    ] {
        let err = refused(&response(items));
        assert!(err.contains(words), "{words}: {err}");
        assert!(err.contains("qr.json:"), "{err}");
    }
    let err = refused(r#"{"resourceType": "Patient", "id": "p1"}"#);
    assert!(err.contains("a FHIR `Patient` holds no answers"), "{err}");
    let other = r#"{"resourceType": "QuestionnaireResponse", "questionnaire": "http://example.org/Questionnaire/phq-9", "status": "completed"}"#;
    let err = refused(other);
    assert!(
        err.contains("answers the questionnaire `http://example.org/Questionnaire/phq-9`"),
        "{err}"
    );
}

#[test]
fn a_partial_response_is_missing_answers_like_a_partial_answer_file() {
    let text = response(json!([{
        "linkId": "self_harm_thoughts",
        "answer": [{ "valueCoding": { "code": "none" } }]
    }]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("qr.json");
    std::fs::write(&path, text).unwrap();
    let out = carelevel()
        .arg("screen")
        .arg("--answers")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("has no answer to 21 questions that need one"),
        "{err}"
    );
}

#[test]
fn batch_reads_responses_as_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = String::new();
    let mut expected = Vec::new();
    for example in [
        "examples/iop.yaml",
        "examples/outpatient.yaml",
        "examples/crisis.json",
    ] {
        lines.push_str(&response_of(&bundle(example, &[])).to_string());
        lines.push('\n');
        expected.push(result(std::path::Path::new(example))["level"].clone());
    }
    let input = dir.path().join("responses.jsonl");
    std::fs::write(&input, lines).unwrap();
    let out = stdout_of(
        carelevel()
            .arg("batch")
            .arg(&input)
            .args(["--summary", "none"]),
    );
    let levels: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["level"].clone())
        .collect();
    assert_eq!(levels, expected);
}

#[test]
fn save_format_fhir_writes_a_private_response_that_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("answers.json");
    stdout_of(
        carelevel()
            .args([
                "screen",
                "--answers",
                "examples/iop.yaml",
                "--save-format",
                "fhir",
                "--save",
            ])
            .arg(&save),
    );
    let text = std::fs::read_to_string(&save).unwrap();
    let r: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(r["resourceType"], "QuestionnaireResponse");
    assert_eq!(r["status"], "completed");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&save).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // Read back as the answers it holds.
    assert_eq!(
        result(&save),
        result(std::path::Path::new("examples/iop.yaml"))
    );

    let out = carelevel()
        .args([
            "screen",
            "--answers",
            "examples/iop.yaml",
            "--save-format",
            "fhir",
            "--save",
        ])
        .arg(dir.path().join("answers.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("does not end in `.json`"), "{err}");
    assert!(!dir.path().join("answers.yaml").exists());
}
