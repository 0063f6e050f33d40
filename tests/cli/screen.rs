use predicates::prelude::*;

use crate::{carelevel, stdout_of};

fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn screen(name: &str, format: &str) -> String {
    stdout_of(carelevel().args(["screen", "--answers", &example(name), "--format", format]))
}

/// Snapshot `text` with the rule file's hash masked, so that editing the
/// rules' wording elsewhere shows up as the wording change alone.
macro_rules! snapshot {
    ($text:expr) => {
        insta::with_settings!({filters => vec![
            (r"[0-9a-f]{64}", "[sha256]"),
            (r"sha256 [0-9a-f]{12}\)", "sha256 [short])"),
        ]}, {
            insta::assert_snapshot!($text);
        })
    };
}

fn json(name: &str) -> serde_json::Value {
    serde_json::from_str(&screen(name, "json")).expect("valid JSON")
}

#[test]
fn text_report_outpatient() {
    snapshot!(screen("outpatient.yaml", "text"));
}

#[test]
fn text_report_iop() {
    snapshot!(screen("iop.yaml", "text"));
}

#[test]
fn text_report_crisis_leads_with_crisis_resources() {
    let out = screen("crisis.json", "text");
    assert!(out.starts_with("!! CRISIS: PLEASE GET HELP NOW !!\n"));
    assert!(out.find("988").unwrap() < out.find("Recommended level").unwrap());
    snapshot!(out);
}

#[test]
fn markdown_report_iop() {
    snapshot!(screen("iop.yaml", "markdown"));
}

#[test]
fn markdown_report_crisis_starts_with_the_crisis_block() {
    let out = screen("crisis.json", "markdown");
    assert!(out.starts_with("> **Crisis: please get help now.**"));
    snapshot!(out);
}

#[test]
fn json_report_crisis() {
    snapshot!(screen("crisis.json", "json"));
}

#[test]
fn json_follows_the_contract() {
    let v = json("iop.yaml");
    assert_eq!(v["level"], "iop");
    assert_eq!(v["level_name"], "Intensive outpatient program");
    assert_eq!(v["crisis"], false);
    assert!(v.get("crisis_message").is_none());
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["id"], "example-iop");
    let dims = v["dimensions"].as_object().unwrap();
    assert_eq!(dims["treatment_response"], 2);
    assert!(dims.values().all(|r| r.as_u64().unwrap() <= 4));
    assert_eq!(
        v["fired"],
        serde_json::json!(["outpatient_not_enough", "daily_support"])
    );
    let notes: Vec<&str> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(notes.contains(&"time_commitment"));
    assert_eq!(v["rules"]["id"], "default");
    assert_eq!(v["rules"]["sha256"].as_str().unwrap().len(), 64);
    assert!(v["disclaimer"]
        .as_str()
        .unwrap()
        .contains("not a diagnosis"));
}

#[test]
fn json_crisis_field_comes_first() {
    let out = screen("crisis.json", "json");
    assert!(
        out.starts_with("{\n  \"crisis\": true,\n  \"crisis_message\": "),
        "{out}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["level"], "inpatient");
    assert!(v["crisis_message"].as_str().unwrap().contains("988"));
    assert_eq!(v["fired"][0], "imminent_danger");
}

#[test]
fn yaml_report_quotes_words_older_readers_take_for_booleans() {
    let y = screen("outpatient.yaml", "yaml");
    // `No` bare would be `false` to a YAML 1.1 reader such as PyYAML.
    assert!(y.contains("  value: \"No\"\n"), "{y}");
    assert!(
        !y.lines()
            .any(|l| l.ends_with(": No") || l.ends_with(": no")),
        "{y}"
    );
}

#[test]
fn yaml_report_has_the_same_content_as_json() {
    let y: serde_json::Value = serde_yaml::from_str(&screen("crisis.json", "yaml")).unwrap();
    assert_eq!(y, json("crisis.json"));
    assert!(screen("crisis.json", "yaml").starts_with("crisis: true\ncrisis_message:"));
}

#[test]
fn every_format_carries_the_disclaimer() {
    for format in ["text", "json", "yaml", "markdown"] {
        for file in ["outpatient.yaml", "crisis.json"] {
            let out = screen(file, format);
            assert!(
                out.contains("screening aid, not a diagnosis"),
                "{format} {file}"
            );
        }
    }
}

#[test]
fn the_rules_sha_matches_the_file() {
    use sha2::Digest;
    let bytes =
        std::fs::read(format!("{}/rules/default.yaml", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let hex: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(json("outpatient.yaml")["rules"]["sha256"], hex);
}

#[test]
fn answers_from_stdin() {
    let text = std::fs::read_to_string(example("outpatient.yaml")).unwrap();
    let out = stdout_of(
        carelevel()
            .args(["screen", "--answers", "-", "-f", "json"])
            .write_stdin(text),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["level"], "outpatient");
}

#[test]
fn same_answers_give_identical_output() {
    assert_eq!(screen("iop.yaml", "json"), screen("iop.yaml", "json"));
}

#[test]
fn answers_to_unasked_questions_are_ignored_with_a_warning() {
    let text = std::fs::read_to_string(example("outpatient.yaml"))
        .unwrap()
        .replace(
            "  harm_others: none\n",
            "  harm_others: none\n  self_harm_plan: \"yes\"\n",
        );
    carelevel()
        .args(["screen", "--answers", "-", "-f", "json"])
        .write_stdin(text)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: ignored answers to questions that were not asked",
        ))
        .stderr(predicate::str::contains("`self_harm_plan`"))
        .stdout(predicate::str::contains("\"level\": \"outpatient\""))
        .stdout(predicate::str::contains(
            "\"ignored_answers\": [\n    \"self_harm_plan\"\n  ]",
        ))
        .stdout(predicate::str::contains("\"id\": \"answers_ignored\""));
}

#[test]
fn an_ignored_safety_answer_is_named_in_the_report_itself() {
    let text = std::fs::read_to_string(example("outpatient.yaml"))
        .unwrap()
        .replace(
            "  harm_others: none\n",
            "  harm_others: none\n  self_harm_plan: \"yes\"\n",
        );
    for format in ["text", "markdown"] {
        let out = crate::stdout_of(
            carelevel()
                .args(["screen", "--answers", "-", "-f", format])
                .write_stdin(text.clone()),
        );
        let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("\"A plan or intent to act\" is a safety question: check the answers"),
            "{format}:\n{out}"
        );
    }
}

#[test]
fn declining_a_safety_question_is_never_the_lowest_level() {
    let text = std::fs::read_to_string(example("outpatient.yaml"))
        .unwrap()
        .replace(
            "self_harm_thoughts: none",
            "self_harm_thoughts: declined\n  self_harm_plan: \"no\"\n  means_at_hand: \"no\"",
        );
    let out = stdout_of(
        carelevel()
            .args(["screen", "--answers", "-", "-f", "json"])
            .write_stdin(text.clone()),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["level"], "iop");
    assert_eq!(v["notes"][0]["id"], "safety_not_assessed");
    assert_eq!(v["explanation"]["declined"][0], "self_harm_thoughts");
    assert_eq!(v["explanation"]["declined_floor"], "iop");
    let out = stdout_of(
        carelevel()
            .args(["screen", "--answers", "-"])
            .write_stdin(text.clone()),
    );
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("This is what calls for this level: - You preferred not to answer \"Thoughts of dying or suicide\". Because safety could not be checked, this screen suggests no less than this level."),
        "{out}"
    );
    // Someone answering about the person may simply not know: not
    // knowing is its own answer, with its own note, and the same floor.
    let unknown = text
        .replace(
            "self_harm_thoughts: declined",
            "self_harm_thoughts: dont_know",
        )
        .replace("self_harm_plan: \"no\"", "self_harm_plan: dont_know");
    let out = stdout_of(
        carelevel()
            .args(["screen", "--about-someone", "-f", "json", "--answers", "-"])
            .write_stdin(unknown.clone()),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["level"], "iop");
    assert_eq!(v["notes"][0]["id"], "safety_not_known");
    assert_eq!(
        v["explanation"]["unknown"],
        serde_json::json!(["self_harm_thoughts", "self_harm_plan"])
    );
    assert_eq!(v["explanation"]["unknown_floor"], "iop");
    assert_eq!(v["explanation"]["declined"], serde_json::json!([]));
    let out = stdout_of(
        carelevel()
            .args(["screen", "--about-someone", "--answers", "-"])
            .write_stdin(unknown),
    );
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("- You did not know the answer to \"Thoughts of dying or suicide\" and \"A plan or intent to act\". Because safety could not be checked"),
        "{out}"
    );
    assert!(
        flat.contains("You did not know the answer to at least one safety question, which is common when answering for someone else."),
        "{out}"
    );
}

#[test]
fn a_rule_file_from_disk_is_used() {
    let rules = crate::fixture("minimal.yaml");
    let out = stdout_of(
        carelevel()
            .arg("screen")
            .arg("--rules")
            .arg(&rules)
            .args(["--answers", "-"])
            .write_stdin("answers: {danger: \"no\", hours: 1}\n"),
    );
    assert!(out.starts_with("Recommended level of care: Low\n"), "{out}");
    assert!(out.contains("Little time."));
}

#[test]
fn details_add_the_ids_for_clinicians_in_text_and_markdown() {
    for format in ["text", "markdown"] {
        let plain = screen("iop.yaml", format);
        assert!(!plain.contains("Details for clinicians"));
        let out = stdout_of(carelevel().args([
            "screen",
            "--answers",
            &example("iop.yaml"),
            "--format",
            format,
            "--details",
        ]));
        let details = &out[out.find("Details for clinicians").expect(format)..];
        assert!(
            details.contains("outpatient_not_enough"),
            "{format}: {details}"
        );
        assert!(details.contains("support_frequency"), "{format}: {details}");
    }
}

#[test]
fn markdown_lists_what_the_level_means_without_an_empty_table_header() {
    let out = screen("iop.yaml", "markdown");
    assert!(!out.contains("| | |"), "{out}");
    assert!(
        out.contains(
            "## What it means in practice\n\n- **Where you live and are treated:** At home"
        ),
        "{out}"
    );
}

#[test]
fn text_report_about_someone_else() {
    let out = stdout_of(carelevel().args([
        "screen",
        "--about-someone",
        "--answers",
        &example("crisis.json"),
    ]));
    assert!(
        out.starts_with(
            "!! CRISIS: PLEASE GET HELP NOW !!\n   Your answers suggest that the person"
        ),
        "{out}"
    );
    assert!(
        out.contains("Answered by someone else, about the person."),
        "{out}"
    );
    snapshot!(out);
}

#[test]
fn who_answered_is_in_every_result_and_never_mixed() {
    let v = json("iop.yaml");
    assert_eq!(v["respondent"], "self");
    let dir = tempfile::tempdir().unwrap();
    let theirs = dir.path().join("theirs.yaml");
    let text = std::fs::read_to_string(example("iop.yaml")).unwrap();
    std::fs::write(
        &theirs,
        text.replace("answers:\n", "respondent: other\nanswers:\n"),
    )
    .unwrap();
    let out = stdout_of(
        carelevel()
            .args(["screen", "-f", "json", "--answers"])
            .arg(&theirs),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["respondent"], "other", "the file says who answered");
    assert_eq!(
        v["level"], "iop",
        "the same level as the person's own answers"
    );
    let mine = dir.path().join("mine.yaml");
    std::fs::write(
        &mine,
        text.replace("answers:\n", "respondent: self\nanswers:\n"),
    )
    .unwrap();
    carelevel()
        .args(["screen", "--about-someone", "--answers"])
        .arg(&mine)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "was answered by the person themselves",
        ));
    carelevel()
        .args(["screen", "--about-someone", "--answers", "-"])
        .arg("--rules")
        .arg(crate::fixture("minimal.yaml"))
        .write_stdin("answers: {danger: \"no\", hours: 1}\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "have no wording for someone answering about the person",
        ));
}

#[test]
fn template_and_questions_speak_about_the_person() {
    let out = stdout_of(carelevel().args(["template", "--about-someone"]));
    assert!(
        out.contains("In the past month, has the person had thoughts of hurting someone else,"),
        "{out}"
    );
    assert!(
        out.contains("dont_know  I don't know\n  #    declined   Prefer not to say"),
        "{out}"
    );
    let q: serde_json::Value = serde_json::from_str(&stdout_of(
        carelevel().args(["questions", "--about-someone"]),
    ))
    .unwrap();
    assert!(q[0]["prompt"]
        .as_str()
        .unwrap()
        .starts_with("How old is the person"));
}

/// A crisis result's next step is the rule file's `crisis.next_step`, not
/// the level's own; without a crisis, the level's.
#[test]
fn a_crisis_result_says_only_the_next_step_that_applies() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.yaml");
    let text = std::fs::read_to_string(crate::fixture("minimal.yaml"))
        .unwrap()
        .replace(
            "crisis:\n  message: Call or text 988.\n",
            "crisis:\n  message: Call or text 988.\n  next_step: Get help now.\n",
        )
        .replace(
            "    summary: Round-the-clock care.\n",
            "    summary: Round-the-clock care.\n    next_step: Today if there is a crisis, otherwise within days.\n",
        );
    std::fs::write(&rules, text).unwrap();
    let next_step = |answers: &str| {
        let out = crate::stdout_of(
            carelevel()
                .args(["screen", "--format", "json", "--answers", "-", "--rules"])
                .arg(&rules)
                .write_stdin(answers.to_owned()),
        );
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        (v["crisis"].as_bool().unwrap(), v["next_step"].clone())
    };
    assert_eq!(
        next_step("answers: {danger: \"yes\", plan: none, hours: 5}\n"),
        (true, serde_json::json!("Get help now."))
    );
    // The same level without a crisis (safety not said): the level's step.
    assert_eq!(
        next_step("answers: {danger: declined, hours: 5}\n"),
        (
            false,
            serde_json::json!("Today if there is a crisis, otherwise within days.")
        )
    );
}
