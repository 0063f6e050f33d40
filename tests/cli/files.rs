//! Files `screen` writes: `--save` (resumed, never emptied behind the
//! person's back) and `--output`, without a terminal.

use std::path::Path;

use predicates::prelude::*;

use crate::{carelevel, fixture};

fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn output_writes_the_result_owner_only_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("result.json");
    carelevel()
        .args([
            "screen",
            "-a",
            &example("crisis.json"),
            "-f",
            "json",
            "--output",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["crisis"], true);
    assert_eq!(mode(&out), 0o600);
    // An existing file is replaced only when asked to; it stays private.
    std::fs::write(&out, "notes of my own").unwrap();
    carelevel()
        .args(["screen", "-a", &example("iop.yaml"), "-o"])
        .arg(&out)
        .assert()
        .code(73)
        .stderr(predicate::str::contains(
            "already exists, so carelevel will not replace it",
        ))
        .stderr(predicate::str::contains("add `--overwrite`"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "notes of my own");
    carelevel()
        .args(["screen", "-a", &example("iop.yaml"), "--overwrite", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("Record: example-iop"));
}

#[test]
fn output_never_takes_the_place_of_answers() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.yaml");
    std::fs::copy(example("iop.yaml"), &answers).unwrap();
    carelevel()
        .args(["screen", "-a", &example("outpatient.yaml"), "--output"])
        .arg(&answers)
        .assert()
        .code(73)
        .stderr(predicate::str::contains(
            "holds 24 answers, so carelevel will not replace it",
        ))
        .stderr(predicate::str::contains(
            "to keep answering in it, use `carelevel screen --save",
        ));
    assert_eq!(
        std::fs::read_to_string(&answers).unwrap(),
        std::fs::read_to_string(example("iop.yaml")).unwrap()
    );
    carelevel()
        .args(["screen", "--save"])
        .arg(&answers)
        .arg("--output")
        .arg(&answers)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`--output` and `--save` name the same file",
        ));
    carelevel()
        .args([
            "screen",
            "-a",
            &example("iop.yaml"),
            "--output",
            &example("iop.yaml"),
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`--output` and `--answers` name the same file",
        ));
}

#[test]
fn save_on_a_finished_answer_file_scores_it_and_keeps_every_answer() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("ans.yaml");
    std::fs::copy(example("iop.yaml"), &save).unwrap();
    // The person forgot `--answers`: the file is resumed, not emptied.
    carelevel()
        .args(["screen", "-f", "json", "--save"])
        .arg(&save)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"level\": \"iop\""));
    let back = carelevel()
        .args(["screen", "-f", "json", "--answers"])
        .arg(&save)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&back.stdout).contains("\"level\": \"iop\""));
    assert!(std::fs::read_to_string(&save)
        .unwrap()
        .contains("readiness: unsure"));
}

#[test]
fn other_answers_never_replace_saved_ones_without_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("ans.yaml");
    std::fs::copy(example("iop.yaml"), &save).unwrap();
    let before = std::fs::read_to_string(&save).unwrap();
    carelevel()
        .args(["screen", "-a", &example("outpatient.yaml"), "--save"])
        .arg(&save)
        .assert()
        .code(73)
        .stdout("")
        .stderr(predicate::str::contains(
            "already holds 24 answers, so carelevel will not replace them",
        ))
        .stderr(predicate::str::contains("add `--overwrite`"));
    assert_eq!(std::fs::read_to_string(&save).unwrap(), before);
    carelevel()
        .args([
            "screen",
            "-a",
            &example("outpatient.yaml"),
            "--overwrite",
            "--save",
        ])
        .arg(&save)
        .assert()
        .success();
    let after = std::fs::read_to_string(&save).unwrap();
    assert!(after.contains("id: example-outpatient"), "{after}");
    assert_eq!(mode(&save), 0o600);
}

#[test]
fn a_file_that_is_not_an_answer_file_is_never_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("myrules.yaml");
    std::fs::copy(fixture("minimal.yaml"), &rules).unwrap();
    let before = std::fs::read_to_string(&rules).unwrap();
    carelevel()
        .args(["screen", "-a", &example("iop.yaml"), "--save"])
        .arg(&rules)
        .assert()
        .code(73)
        .stderr(predicate::str::contains(
            "holds a rule file, not answers, so carelevel will not replace it",
        ))
        .stderr(predicate::str::contains("give `--save` another file name"));
    assert_eq!(std::fs::read_to_string(&rules).unwrap(), before);
    // Any other file that is not answers is named for what is wrong with it.
    let notes = dir.path().join("notes.yaml");
    std::fs::write(&notes, "shopping:\n  - milk\n").unwrap();
    carelevel()
        .args(["screen", "-a", &example("iop.yaml"), "--save"])
        .arg(&notes)
        .assert()
        .code(73)
        .stderr(predicate::str::contains(
            "is not an answer file for these rules (line 1: unknown field `shopping`",
        ));
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "shopping:\n  - milk\n"
    );
}

#[test]
fn an_unwritable_save_or_output_path_fails_before_anything_is_asked() {
    for flag in ["--save", "--output"] {
        carelevel()
            .args(["screen", "--plain", flag, "/nonexistent/folder/x.yaml"])
            .write_stdin("1\n")
            .assert()
            .code(73)
            .stderr(predicate::str::contains(
                "cannot write `/nonexistent/folder/x.yaml`",
            ))
            .stderr(predicate::str::contains("Question 1").not());
    }
}

#[test]
fn a_partial_file_with_a_crisis_answer_still_gives_the_crisis_first() {
    for format in ["text", "json"] {
        let out = carelevel()
            .args(["screen", "-f", format, "--answers", "-"])
            .write_stdin("answers:\n  self_harm_thoughts: often\n  self_harm_plan: \"yes\"\n")
            .assert()
            .code(65)
            .stderr(predicate::str::contains("has no answer to 23 questions"))
            .get_output()
            .clone();
        let stdout = String::from_utf8(out.stdout).unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let error = stderr.find("error: ").expect("the error");
        let crisis = stderr
            .rfind("!! CRISIS: PLEASE GET HELP NOW !!")
            .expect("the crisis, again");
        assert!(error < crisis, "the crisis comes last: {stderr}");
        if format == "text" {
            assert!(
                stdout.starts_with("!! CRISIS: PLEASE GET HELP NOW !!\n"),
                "{stdout}"
            );
            assert!(
                stdout.contains("Based only on the answers given"),
                "{stdout}"
            );
            assert!(
                stdout.contains("Supervision or medical care  not asked"),
                "{stdout}"
            );
        } else {
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            assert_eq!(v["crisis"], true);
            assert_eq!(v["complete"], false);
            assert_eq!(v["explanation"]["dimensions"][1]["unanswered"], true);
        }
    }
}

#[test]
fn a_json_save_file_stays_json() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("answers.json");
    std::fs::copy(example("crisis.json"), &save).unwrap();
    carelevel()
        .args(["screen", "-f", "json", "--save"])
        .arg(&save)
        .assert()
        .success();
    let text = std::fs::read_to_string(&save).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).expect("still JSON");
    assert_eq!(v["id"], "example-crisis");
}

#[test]
fn template_output_is_owner_only_and_never_replaces_answers() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("answers.yaml");
    carelevel()
        .args(["template", "--output"])
        .arg(&blank)
        .assert()
        .success()
        .stdout("");
    assert_eq!(mode(&blank), 0o600);
    assert!(std::fs::read_to_string(&blank)
        .unwrap()
        .contains("self_harm_thoughts:"));
    std::fs::copy(example("iop.yaml"), &blank).unwrap();
    carelevel()
        .args(["template", "--overwrite", "--output"])
        .arg(&blank)
        .assert()
        .code(73)
        .stderr(predicate::str::contains("holds 24 answers"));
}

#[test]
fn a_save_removes_temporary_files_that_killed_runs_left_and_keeps_live_ones() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("p.yaml");
    // A run killed mid-write (pid far above any real one) left answers here.
    let stale = dir.path().join(".p.yaml.4000000000.tmp");
    std::fs::write(&stale, "answers:\n  self_harm_thoughts: none\n").unwrap();
    // A run that is still going (this test) may be writing this one now.
    let live = dir
        .path()
        .join(format!(".p.yaml.{}.tmp", std::process::id()));
    std::fs::write(&live, "").unwrap();
    // Another file's temporary file is not ours to touch.
    let other = dir.path().join(".q.yaml.4000000000.tmp");
    std::fs::write(&other, "").unwrap();
    carelevel()
        .args(["screen", "-a", &example("iop.yaml"), "--save"])
        .arg(&save)
        .assert()
        .success();
    assert!(save.exists());
    assert!(!stale.exists(), "the stale temporary file is removed");
    assert!(live.exists(), "a live run's file is kept");
    assert!(other.exists(), "another file's temporary file is kept");
}

#[test]
fn the_rule_file_in_use_is_never_saved_over() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("myrules.yaml");
    std::fs::write(&rules, include_str!("../../rules/default.yaml")).unwrap();
    let before = std::fs::read(&rules).unwrap();
    carelevel()
        .arg("screen")
        .arg("-r")
        .arg(&rules)
        .args(["-a", &example("iop.yaml"), "--save"])
        .arg(&rules)
        .assert()
        .code(73)
        .stderr(predicate::str::contains(
            "is the rule file this run reads, so carelevel will not save answers over it",
        ));
    // Not even with `--overwrite`; another rule file needs `--overwrite`.
    carelevel()
        .arg("screen")
        .arg("-r")
        .arg(&rules)
        .args(["-a", &example("iop.yaml"), "--overwrite", "--save"])
        .arg(&rules)
        .assert()
        .code(73);
    let copy = dir.path().join("copy.yaml");
    std::fs::copy(&rules, &copy).unwrap();
    carelevel()
        .args(["screen", "-a", &example("iop.yaml"), "--save"])
        .arg(&copy)
        .assert()
        .code(73)
        .stderr(predicate::str::contains(
            "holds a rule file, not answers, so carelevel will not replace it",
        ));
    assert_eq!(std::fs::read(&rules).unwrap(), before);
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn a_full_disk_is_said_with_what_to_do() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("carelevel"))
        .args(["screen", "-a", &example("iop.yaml")])
        .stdout(full)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(73), "{err}");
    assert!(
        err.contains("cannot write standard output: No space left on device"),
        "{err}"
    );
    assert!(
        err.contains("help: the disk is full (or over quota): free some space and run the same command again"),
        "{err}"
    );
}
