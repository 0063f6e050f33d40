//! The guided questionnaire end to end: a real pseudo-terminal (rexpect)
//! for the full-screen prompts, and a pipe for `--plain`.

use std::process::Command;

use predicates::prelude::*;
use rexpect::process::WaitStatus;
use rexpect::session::{spawn_command, PtySession};

use crate::carelevel;

const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const DOWN: &str = "\x1b[B";

fn spawn(args: &[&str]) -> PtySession {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("carelevel"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("COLUMNS", "100")
        .env("LINES", "40");
    spawn_command(cmd, Some(15_000)).expect("spawn in a pty")
}

fn send(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// Wait for question `n`, then press `keys`.
fn answer(p: &mut PtySession, n: usize, keys: &str) {
    p.exp_string(&format!("Question {n} of "))
        .unwrap_or_else(|e| panic!("question {n}: {e}"));
    // Let the menu finish drawing before keys arrive.
    p.exp_string("?").ok();
    send(p, keys);
}

fn exit_code(p: &PtySession) -> i32 {
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("did not exit normally: {other:?}"),
    }
}

/// Calm answers for questions `from..=16` of the default rules (first
/// option, except a number for the hours question, the 11th of 16).
fn answer_calm_rest(p: &mut PtySession, from: usize) {
    for n in from..=16 {
        let keys = if n == 11 { "10\r" } else { ENTER };
        answer(p, n, keys);
    }
}

#[test]
fn a_full_run_ends_in_a_result() {
    let mut p = spawn(&["screen"]);
    p.exp_string("screening aid, not a diagnosis").unwrap();
    answer(&mut p, 1, ENTER);
    answer_calm_rest(&mut p, 2);
    p.exp_string("Your answers").unwrap();
    send(&mut p, ENTER);
    p.exp_string("Recommended level of care: Standard outpatient")
        .unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn going_back_and_changing_an_answer() {
    let mut p = spawn(&["screen", "--format", "json"]);
    answer(&mut p, 1, ENTER);
    answer(&mut p, 2, ESC); // back to question 1
                            // Choose "Now and then..." (second option): the follow-ups appear.
    answer(&mut p, 1, &format!("{DOWN}{ENTER}"));
    p.exp_string("Question 2 of 17").unwrap();
    send(&mut p, ENTER); // plan: no
    p.exp_string("Question 3 of 17").unwrap();
    send(&mut p, ENTER); // attempt: no
    for n in 4..=17 {
        let keys = if n == 12 { "10\r" } else { ENTER };
        answer(&mut p, n, keys);
    }
    p.exp_string("Your answers").unwrap();
    send(&mut p, ENTER);
    p.exp_string("\"self_harm_thoughts\"").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn ctrl_c_saves_progress_and_resume_starts_at_the_third_question() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("progress.yaml");
    let save_s = save.to_str().unwrap();
    let mut p = spawn(&["screen", "--save", save_s]);
    answer(&mut p, 1, ENTER);
    answer(&mut p, 2, ENTER);
    p.exp_string("Question 3 of ").unwrap();
    p.exp_string("?").ok();
    p.send_control('c').unwrap();
    let out = p.exp_eof().unwrap();
    assert!(
        out.contains("interrupted; your answers so far are saved in"),
        "{out}"
    );
    assert!(out.contains("\x1b[?25h"), "the cursor is shown again");
    assert_eq!(exit_code(&p), 130);

    let text = std::fs::read_to_string(&save).unwrap();
    assert!(text.contains("self_harm_thoughts: none"), "{text}");
    assert!(text.contains("recent_attempt: "), "{text}");
    assert!(!text.contains("harm_others"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&save).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    let mut p = spawn(&["screen", "--answers", save_s, "--save", save_s]);
    p.exp_string("Question 3 of 16").unwrap();
    p.exp_string("?").ok();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(exit_code(&p), 130);
}

#[test]
fn a_crisis_answer_shows_the_crisis_message_before_the_next_question() {
    let mut p = spawn(&["screen"]);
    answer(&mut p, 1, &format!("{DOWN}{DOWN}{DOWN}{ENTER}")); // often or strongly
    answer(&mut p, 2, &format!("{DOWN}{DOWN}{ENTER}")); // plan: yes
    p.exp_string("CRISIS: PLEASE GET HELP NOW").unwrap();
    p.exp_string("988").unwrap();
    p.exp_string("Stop here and see the result").unwrap();
    send(&mut p, &format!("{DOWN}{ENTER}"));
    let out = p.exp_eof().unwrap();
    let crisis = out
        .find("!! CRISIS")
        .expect("the result leads with the crisis");
    assert!(
        crisis < out.find("Recommended level of care: Inpatient").unwrap(),
        "{out}"
    );
    assert_eq!(exit_code(&p), 0);
}

#[test]
fn plain_mode_through_a_pipe() {
    // 16 answers (10 hours at the 11th), then Enter at the review.
    let mut input = String::new();
    for n in 1..=16 {
        input.push_str(if n == 11 { "10\n" } else { "1\n" });
    }
    input.push('\n');
    carelevel()
        .args(["screen", "--plain", "--format", "json"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains("Question 1 of 16"))
        .stderr(predicate::str::contains("  1. No, not at all"))
        .stderr(predicate::str::contains("Your answers"))
        .stderr(predicate::str::contains("\x1b").not())
        .stdout(predicate::str::starts_with("{\n  \"crisis\": false"))
        .stdout(predicate::str::contains("\"level\": \"outpatient\""));
}

#[test]
fn plain_mode_asks_only_what_a_partial_file_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let partial = dir.path().join("partial.yaml");
    std::fs::write(
        &partial,
        "answers:\n  self_harm_thoughts: none\n  recent_attempt: \"no\"\n  harm_others: none\n",
    )
    .unwrap();
    let mut input = String::new();
    for n in 4..=16 {
        input.push_str(if n == 11 { "10\n" } else { "1\n" });
    }
    input.push('\n');
    carelevel()
        .args(["screen", "--plain", "--compare", "--answers"])
        .arg(&partial)
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains("Question 4 of 16"))
        .stderr(predicate::str::contains("Question 1 of").not())
        .stdout(predicate::str::contains("Standard outpatient"))
        .stdout(predicate::str::contains("The levels of care side by side"))
        .stdout(predicate::str::contains("(recommended)"));
}

#[test]
fn plain_input_ending_early_keeps_what_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("p.yaml");
    carelevel()
        .args(["screen", "--plain", "--save"])
        .arg(&save)
        .write_stdin("1\n1\n2\n")
        .assert()
        .code(65)
        .stdout("")
        .stderr(predicate::str::contains(
            "the input ended before every question was answered",
        ))
        .stderr(predicate::str::contains(
            "resume with `carelevel screen --answers",
        ));
    let text = std::fs::read_to_string(&save).unwrap();
    assert!(text.contains("harm_others: thoughts"), "{text}");
}

#[test]
fn stopping_a_resume_before_a_new_answer_still_points_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("p.yaml");
    std::fs::write(&save, "answers:\n  self_harm_thoughts: none\n").unwrap();
    carelevel()
        .args(["screen", "--plain", "--answers"])
        .arg(&save)
        .arg("--save")
        .arg(&save)
        .write_stdin("")
        .assert()
        .code(65)
        .stderr(predicate::str::contains("saved in"))
        .stderr(predicate::str::contains("resume with"));
    let other = dir.path().join("elsewhere.yaml");
    std::fs::write(&other, "not answers\n").unwrap();
    carelevel()
        .args(["screen", "--plain", "--save"])
        .arg(&other)
        .write_stdin("")
        .assert()
        .code(65)
        .stderr(predicate::str::contains("no answers were saved"));
}

#[test]
fn plain_and_answers_from_stdin_conflict() {
    carelevel()
        .args(["screen", "--plain", "--answers", "-"])
        .write_stdin("answers: {}\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot also read `--answers -`"));
}

#[test]
fn ctrl_c_in_plain_mode_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("p.yaml");
    let mut p = spawn(&["screen", "--plain", "--save", save.to_str().unwrap()]);
    p.exp_string("Answer [").unwrap();
    p.send_line("1").unwrap();
    p.exp_string("Question 2 of 16").unwrap();
    p.exp_string("Answer [").unwrap();
    p.send_control('c').unwrap();
    let out = p.exp_eof().unwrap();
    assert!(
        out.contains("interrupted; your answers so far are saved in"),
        "{out}"
    );
    assert_eq!(exit_code(&p), 130);
    let text = std::fs::read_to_string(&save).unwrap();
    assert!(text.contains("self_harm_thoughts: none"), "{text}");
}
