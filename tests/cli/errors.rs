//! Bad input: a clear message, the documented exit code, nothing on stdout.

use predicates::prelude::*;

use crate::{carelevel, fixture};

fn screen_stdin(answers: &str) -> assert_cmd::assert::Assert {
    carelevel()
        .args(["screen", "--answers", "-"])
        .write_stdin(answers.to_owned())
        .assert()
}

#[test]
fn no_terminal_and_no_answers_is_a_usage_error() {
    carelevel()
        .arg("screen")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--answers FILE"))
        .stderr(predicate::str::contains("carelevel template"));
}

#[test]
fn unknown_question_exits_65_and_suggests() {
    screen_stdin("answers:\n  recent_dischrge: \"no\"\n")
        .code(65)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: unknown question `recent_dischrge`",
        ))
        .stderr(predicate::str::contains("<stdin>:2:3"))
        .stderr(predicate::str::contains("did you mean `recent_discharge`?"));
}

#[test]
fn bad_code_lists_the_allowed_codes() {
    screen_stdin("answers:\n  readiness: sure\n")
        .code(65)
        .stderr(predicate::str::contains(
            "`sure` is not an answer to `readiness`",
        ))
        .stderr(predicate::str::contains("<stdin>:2:14"))
        .stderr(predicate::str::contains("use one of: `ready`"));
}

#[test]
fn every_bad_answer_is_reported_at_once() {
    screen_stdin("answers:\n  readiness: sure\n  hours_available: -3\n  nonsense: 1\n")
        .code(65)
        .stderr(predicate::str::contains("found 3 problems in the answers"));
}

#[test]
fn wrong_shape_is_explained() {
    screen_stdin("- just\n- a list\n")
        .code(65)
        .stderr(predicate::str::contains("<stdin>:1:1"))
        .stderr(predicate::str::contains("carelevel template"));
}

#[test]
fn missing_answer_file_exits_66() {
    carelevel()
        .args(["screen", "--answers", "nope.yaml"])
        .assert()
        .code(66)
        .stderr(predicate::str::contains("cannot read `nope.yaml`"))
        .stderr(predicate::str::contains(
            "help: check the name and the folder",
        ));
    carelevel()
        .args(["check", env!("CARGO_MANIFEST_DIR")])
        .assert()
        .code(66)
        .stderr(predicate::str::contains(
            "help: give the path of a file, not of a folder",
        ));
}

#[test]
fn invalid_rules_exit_78_before_reading_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.yaml");
    std::fs::write(&path, "schema: carelevel/v1\nid: x\n").unwrap();
    carelevel()
        .arg("screen")
        .arg("--rules")
        .arg(&path)
        .args(["--answers", "-"])
        .write_stdin("answers: {}\n")
        .assert()
        .code(78)
        .stderr(predicate::str::contains("missing field `version`"))
        .stderr(predicate::str::contains("r.yaml:1:1"));
}

#[test]
fn unknown_rule_key_is_pointed_at() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.yaml");
    let text = std::fs::read_to_string(fixture("minimal.yaml"))
        .unwrap()
        .replace("    name: Risk\n", "    name: Risk\n    nmae: Oops\n");
    std::fs::write(&path, &text).unwrap();
    let line = text.lines().position(|l| l.contains("nmae")).unwrap() + 1;
    carelevel()
        .arg("check")
        .arg(&path)
        .assert()
        .code(78)
        .stderr(predicate::str::contains("unknown field `nmae`"))
        .stderr(predicate::str::contains(format!("r.yaml:{line}:5")))
        .stderr(predicate::str::contains("did you mean `name`?"));
}

#[test]
fn bad_flag_is_exit_2() {
    carelevel()
        .args(["screen", "--format", "pdf"])
        .assert()
        .code(2);
}

#[test]
fn an_input_larger_than_64_mib_is_refused() {
    carelevel()
        .args(["check", "-"])
        .write_stdin("a".repeat(64 << 20 | 1))
        .assert()
        .code(66)
        .stdout("")
        .stderr(predicate::str::contains("larger than 64 MiB"));
}

#[test]
fn a_control_character_is_located_and_not_echoed() {
    screen_stdin("answers:\n  harm_others: \"\\e[2J\"\n  self_care: no\u{0}ne\n")
        .code(65)
        .stdout("")
        .stderr(predicate::str::contains("control character (U+0000)"))
        .stderr(predicate::str::contains("--> <stdin>:3:16"))
        .stderr(predicate::str::contains('\u{0}').not());
}

#[test]
fn save_refuses_what_is_not_a_regular_file_and_keeps_the_record_id() {
    let dir = tempfile::tempdir().unwrap();
    let example = format!("{}/examples/iop.yaml", env!("CARGO_MANIFEST_DIR"));
    carelevel()
        .args(["screen", "--answers", &example, "--save"])
        .arg(dir.path())
        .assert()
        .code(73)
        .stdout("")
        .stderr(predicate::str::contains("not a regular file"));
    let saved = dir.path().join("saved.yaml");
    carelevel()
        .args(["screen", "--answers", &example, "--save"])
        .arg(&saved)
        .assert()
        .success();
    let text = std::fs::read_to_string(&saved).unwrap();
    assert!(text.contains("\nid: example-iop\n"), "{text}");
}

#[test]
fn text_that_is_not_utf8_says_so() {
    carelevel()
        .args(["check", "-"])
        .write_stdin(vec![0xff, 0xfe, b'a'])
        .assert()
        .code(66)
        .stdout("")
        .stderr(predicate::str::contains("not UTF-8 text; save it as UTF-8"));
}

#[test]
fn rules_from_a_pipe_without_answers_points_only_to_what_works() {
    let rules = std::fs::read_to_string(fixture("minimal.yaml")).unwrap();
    let out = carelevel()
        .args(["screen", "--rules", "-"])
        .write_stdin(rules)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(
        err.contains("the answers must come from a file: `--answers FILE`"),
        "{err}"
    );
    assert!(
        !err.contains("--plain") && !err.contains("--answers -"),
        "help that leads to another error: {err}"
    );
}

#[test]
fn formats_are_accepted_in_any_case() {
    carelevel()
        .args(["screen", "--answers"])
        .arg(format!("{}/examples/iop.yaml", env!("CARGO_MANIFEST_DIR")))
        .args(["--format", "JSON"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("{"));
}

#[test]
fn help_screen_says_how_the_guided_questionnaire_starts() {
    let out = carelevel().args(["help", "screen"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Without `--answers`, in a terminal, this starts the guided questionnaire"),
        "{text}"
    );
    assert!(
        flat.contains("--output <FILE>")
            && flat.contains("--overwrite")
            && flat.contains("--details"),
        "{text}"
    );
}
