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
        out.contains("  # Answer with one of these codes:\n  #    no        No\n"),
        "allowed codes as comments: {out}"
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
fn a_blank_template_says_to_fill_it_in_and_how() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.yaml");
    std::fs::write(&file, stdout_of(carelevel().arg("template"))).unwrap();
    let out = carelevel()
        .arg("screen")
        .arg("-a")
        .arg(&file)
        .assert()
        .code(65)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    let flat = err.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.starts_with(&format!("error: `{}` holds no answers yet", file.display())),
        "{err}"
    );
    assert!(flat.contains("help: fill it in:"), "{err}");
    assert!(
        flat.contains(&format!("`carelevel screen --save {}`", file.display())),
        "{err}"
    );
    assert!(flat.contains("text editor"), "{err}");
    assert!(
        !flat.contains("writes a blank answer file"),
        "not the step just taken: {err}"
    );
    // The suggested command works: it resumes from the blank file.
    carelevel()
        .args(["screen", "--plain", "--save"])
        .arg(&file)
        .write_stdin("1\n1\n")
        .assert()
        .code(65)
        .stderr(predicate::str::contains("Question 2 of 22"));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("age_group: child"));
}

#[test]
fn a_partial_file_without_a_terminal_is_one_error_listing_what_is_missing() {
    let assert = carelevel()
        .args(["screen", "--answers", "-"])
        .write_stdin("answers:\n  self_harm_thoughts: none\n  recent_attempt: \"no\"\n")
        .assert()
        .code(65)
        .stdout("");
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(err.starts_with("error: `<stdin>` has no answer to 20 questions that need one:\n  - `age_group` (Age)\n  - `harm_others` (Hurting or threatening someone else)\n"), "{err}");
    assert!(
        err.contains("  - `readiness` (Willingness to take part)\n"),
        "{err}"
    );
    assert!(
        err.lines().count() <= 20 + 4,
        "one line a question, and a few more: {err}"
    );
    assert!(
        !err.contains("--save <stdin>"),
        "no command that cannot work: {err}"
    );
}

#[test]
fn a_template_about_someone_else_says_so_and_its_result_speaks_of_the_person() {
    for format in ["yaml", "json"] {
        let out = stdout_of(carelevel().args(["template", "--about-someone", "--format", format]));
        let doc: serde_yaml::Value = serde_yaml::from_str(&out).expect("the template reads back");
        assert_eq!(doc["respondent"].as_str(), Some("other"), "{format}: {out}");
    }
    // Filled in with the example's answers, the file alone (no flag) gives a
    // result worded for someone answering about the person.
    let template = stdout_of(carelevel().args(["template", "--about-someone"]));
    let head = template.split("answers:\n").next().unwrap();
    let example = include_str!("../../examples/iop.yaml");
    let answers = example.split("answers:\n").nth(1).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mother.yaml");
    std::fs::write(&file, format!("{head}answers:\n{answers}")).unwrap();
    let json = stdout_of(
        carelevel()
            .arg("screen")
            .arg("-a")
            .arg(&file)
            .args(["-f", "json"]),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["respondent"], "other");
    let text = stdout_of(carelevel().arg("screen").arg("-a").arg(&file));
    assert!(text.contains("the person"), "{text}");
    // A template for the person has no such line.
    assert!(!stdout_of(carelevel().arg("template")).contains("respondent:"));
}

#[test]
fn a_template_reads_back_whatever_the_texts_of_the_rules_hold() {
    // Texts with YAML's special characters, quotes, several lines and wide
    // characters, in every place a template shows one.
    // Written as the inside of a YAML double-quoted string.
    let odd = "\\\"# not: a comment\\\" - [x] {y} & *z | > 'q' 日本語 ✓\\n  second line";
    let rules = std::fs::read_to_string(crate::fixture("minimal.yaml"))
        .unwrap()
        .replace("title: Minimal rules", &format!("title: \"{odd}\""))
        .replace("    title: Danger", "    title: \"# Danger: 危\"")
        .replace("prompt: Are you in danger?", &format!("prompt: \"{odd}\""))
        .replace("label: Some\n", &format!("label: \"{odd}\"\n"))
        .replace(
            "disclaimer: A screening aid, not a diagnosis.",
            &format!("disclaimer: \"{odd}\""),
        );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odd.yaml");
    std::fs::write(&path, &rules).unwrap();
    for format in ["yaml", "json"] {
        let template = stdout_of(
            carelevel()
                .arg("template")
                .arg("-r")
                .arg(&path)
                .args(["--format", format]),
        );
        let file = dir.path().join(format!("t.{format}"));
        std::fs::write(&file, &template).unwrap();
        // It reads back: blank, so the message is that it holds no answers.
        carelevel()
            .arg("screen")
            .arg("-r")
            .arg(&path)
            .arg("-a")
            .arg(&file)
            .assert()
            .code(65)
            .stderr(predicate::str::contains("holds no answers yet"));
        // Filled in, it scores.
        let filled = if format == "yaml" {
            template
                .replace("  danger:\n", "  danger: \"yes\"\n")
                .replace("  plan:\n", "  plan: some\n")
                .replace("  hours:\n", "  hours: 4\n")
        } else {
            template
                .replace("\"danger\": null", "\"danger\": \"yes\"")
                .replace("\"plan\": null", "\"plan\": \"some\"")
                .replace("\"hours\": null", "\"hours\": 4")
        };
        std::fs::write(&file, &filled).unwrap();
        let out = stdout_of(
            carelevel()
                .arg("screen")
                .arg("-r")
                .arg(&path)
                .arg("-a")
                .arg(&file)
                .args(["-f", "json"]),
        );
        assert!(out.contains("\"crisis\": true"), "{format}: {out}");
    }
}
