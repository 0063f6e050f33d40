//! The guided questionnaire end to end: a real pseudo-terminal (rexpect)
//! for the full-screen prompts, read back through a terminal emulator
//! (vt100) to check what is on screen; and a pipe for `--plain`.

use std::path::Path;
use std::process::Command;

use predicates::prelude::*;
use rexpect::process::WaitStatus;
use rexpect::session::{spawn_command, PtySession};

use crate::carelevel;

const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const DOWN: &str = "\x1b[B";

/// A program in a pseudo-terminal of a given size, with everything it
/// wrote kept, so that the screen can be drawn as a person would see it.
struct Tty {
    p: PtySession,
    rows: u16,
    cols: u16,
    seen: String,
}

impl Tty {
    /// `carelevel args` in a `rows`×`cols` terminal. The size is set on the
    /// terminal itself before the program starts, as a real one would be.
    fn spawn(rows: u16, cols: u16, args: &[&str], env: &[(&str, &str)]) -> Tty {
        Tty::spawn_stty(rows, cols, "", args, env)
    }

    /// As [`Tty::spawn`], with more `stty` settings (such as `echo`, which
    /// the test terminal turns off, and a person's terminal has on).
    fn spawn_stty(rows: u16, cols: u16, stty: &str, args: &[&str], env: &[(&str, &str)]) -> Tty {
        let bin = assert_cmd::cargo::cargo_bin("carelevel");
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!(
                "stty rows {rows} cols {cols} {stty} && exec \"$0\" \"$@\""
            ))
            .arg(bin)
            .args(args)
            .env_remove("COLUMNS")
            .env_remove("LINES")
            .env_remove("NO_COLOR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .env("PATH", crate::path_with_carelevel())
            .env("TERM", "xterm");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
        Tty {
            p,
            rows,
            cols,
            seen: String::new(),
        }
    }

    /// The standard size of the tests below, without colour.
    fn plain_80x24(args: &[&str]) -> Tty {
        Tty::spawn(24, 80, args, &[("NO_COLOR", "1")])
    }

    /// Wait for `needle` to be written.
    fn expect(&mut self, needle: &str) {
        // rexpect hands over each byte as one character: match likewise.
        let wire: String = needle.bytes().map(char::from).collect();
        let before = self
            .p
            .exp_string(&wire)
            .unwrap_or_else(|e| panic!("waiting for {needle:?}: {e}\nscreen:\n{}", self.screen()));
        self.seen.push_str(&before);
        self.seen.push_str(&wire);
    }

    /// Everything written so far, as the bytes the program wrote.
    fn bytes(&self) -> Vec<u8> {
        self.seen.chars().map(|c| c as u32 as u8).collect()
    }

    /// Everything written so far, as text (escape sequences included).
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes()).into_owned()
    }

    fn send(&mut self, keys: &str) {
        self.p.send(keys).unwrap();
        self.p.flush().unwrap();
    }

    /// Wait for question `n` and its menu, then press `keys`.
    fn answer(&mut self, n: usize, keys: &str) {
        self.expect(&format!("Question {n} of "));
        self.expect("Your answer");
        self.menu();
        self.send(keys);
    }

    /// The first step, who is answering, asked with `question`: press `keys`.
    fn who_in(&mut self, question: &str, keys: &str) {
        self.expect(question);
        self.menu();
        self.send(keys);
    }

    /// Who is answering, in English: Enter answers about oneself.
    fn who(&mut self, keys: &str) {
        self.who_in("Who is answering these questions?", keys);
    }

    /// Give a menu whose prompt was seen the moment it needs to finish
    /// drawing and to start reading keys.
    fn menu(&mut self) {
        // Generous: on a loaded machine a key sent too early reaches the
        // terminal before the menu reads keys, and Ctrl-C then arrives as a
        // signal instead of a key.
        std::thread::sleep(std::time::Duration::from_millis(300));
    }

    /// Read to the end and return the exit code.
    fn finish(&mut self) -> i32 {
        let rest = self.p.exp_eof().expect("the program ends");
        self.seen.push_str(&rest);
        match self.p.process().wait().unwrap() {
            WaitStatus::Exited(_, code) => code,
            other => panic!("did not exit normally: {other:?}"),
        }
    }

    /// What the terminal shows now, as text.
    fn screen(&self) -> String {
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a real size");
        let mut vt = vt100::Parser::new(size(self.rows), size(self.cols), 0);
        vt.process(&self.bytes());
        vt.screen().contents()
    }
}

/// The age question's answer for an adult: the third option.
const ADULT: &str = "\x1b[B\x1b[B\r";

/// Calm answers for questions `from..=22` of the default rules (an adult,
/// then the first option, except a number for the hours question, the 16th
/// of 22).
fn answer_calm_rest(t: &mut Tty, from: usize) {
    for n in from..=22 {
        let keys = match n {
            1 => ADULT,
            16 => "10\r",
            _ => ENTER,
        };
        t.answer(n, keys);
    }
}

/// The level, the main reason and the next step of a crisis result, and
/// the menu, are on `screen` together (with the crisis block, checked
/// apart), in English.
fn assert_short_result_on(screen: &str, what: &str) {
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        "Recommended level of care: Inpatient / residential",
        "Main reason: Safety comes first",
        "Next step: Get help",
        "What next?",
        "Finish",
    ] {
        assert!(
            flat.contains(line),
            "{what}: {line:?} is not on screen:\n{screen}"
        );
    }
    assert!(
        !flat.contains("otherwise within days"),
        "a crisis result says only what applies: {screen}"
    );
}

/// Every line of the crisis block is on `screen` (wrapped at any width).
fn assert_crisis_on(screen: &str, what: &str) {
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for line in [
        "!! CRISIS: PLEASE GET HELP NOW !!",
        "Call or text 988",
        "Press 1 for veterans or 2 for Spanish",
        "call 911 or go to the nearest emergency department",
        "call your local emergency number",
    ] {
        assert!(
            flat.contains(line),
            "{what}: {line:?} is not on screen:\n{screen}"
        );
    }
}

#[test]
fn a_full_run_ends_in_a_short_result_then_the_full_report() {
    let mut t = Tty::plain_80x24(&["screen"]);
    // The title, then who is answering, then the introduction for them.
    t.expect("Mental-health level-of-care screening\r\n\r\n");
    t.who(ENTER);
    t.expect("screening aid, not a diagnosis");
    let screen = t.screen();
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Mental-health level-of-care screening ✔ Your answer: I am answering about myself This is a screening aid"),
        "{screen}"
    );
    answer_calm_rest(&mut t, 1);
    t.expect("Your answers");
    t.menu();
    t.send(ENTER);
    t.expect("What next?");
    t.menu();
    let screen = t.screen();
    assert!(
        screen.contains("Recommended level of care: Standard outpatient"),
        "{screen}"
    );
    assert!(screen.contains("Main reason: "), "{screen}");
    assert!(screen.contains("Next step: "), "{screen}");
    assert!(
        !screen.contains("What it means in practice"),
        "short first: {screen}"
    );
    t.send(ENTER); // Show the full report
    t.expect("What it means in practice");
    t.expect("What next?");
    t.menu();
    t.send(&format!("{DOWN}{ENTER}")); // Finish (saving is still offered)
    assert_eq!(t.finish(), 0);
    let screen = t.screen();
    assert!(screen.contains("Rules: default"), "{screen}");
    assert!(
        !screen.contains("What next?"),
        "the menu is cleared: {screen}"
    );
}

/// Answer "an adult", "thoughts of suicide most days", "new" and "a plan",
/// then stop at the crisis message.
fn stop_at_the_crisis(t: &mut Tty) {
    t.who(ENTER);
    t.answer(1, ADULT);
    t.answer(2, &format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}")); // most days
    t.answer(3, &format!("{DOWN}{ENTER}")); // new or worse
    t.answer(4, &format!("{DOWN}{DOWN}{ENTER}")); // plan: yes
    t.expect("CRISIS: PLEASE GET HELP NOW");
    t.expect("Stop here and see the result");
    t.menu();
    t.send(&format!("{DOWN}{ENTER}"));
    t.expect("What next?");
    t.menu();
}

#[test]
fn the_crisis_is_on_the_last_screen_at_80_by_24_and_100_by_35() {
    for (rows, cols) in [(24, 80), (35, 100)] {
        // Finishing at once from the short result.
        let mut t = Tty::spawn(rows, cols, &["screen"], &[("NO_COLOR", "1")]);
        stop_at_the_crisis(&mut t);
        t.expect("Finish");
        let screen = t.screen();
        assert_crisis_on(&screen, "with the menu open");
        assert_short_result_on(&screen, &format!("{cols}x{rows}"));
        t.send(&format!("{DOWN}{DOWN}{ENTER}")); // Finish
        assert_eq!(t.finish(), 0);
        assert_crisis_on(&t.screen(), &format!("after Finish at {cols}x{rows}"));

        // After the full report, which is far longer than the screen.
        let mut t = Tty::spawn(rows, cols, &["screen"], &[("NO_COLOR", "1")]);
        stop_at_the_crisis(&mut t);
        t.send(ENTER); // Show the full report
        t.expect("What next?");
        t.menu();
        t.send(&format!("{DOWN}{ENTER}")); // Finish
        assert_eq!(t.finish(), 0);
        let screen = t.screen();
        assert_crisis_on(&screen, &format!("after the full report at {cols}x{rows}"));
        let last = screen.trim_end().lines().last().unwrap();
        assert!(
            last.contains("local emergency number"),
            "the crisis is last: {screen}"
        );
    }
}

#[test]
fn the_crisis_in_the_result_is_styled_like_the_one_mid_questionnaire() {
    let mut t = Tty::spawn(24, 80, &["screen"], &[]);
    stop_at_the_crisis(&mut t);
    t.send(ENTER);
    t.expect("What next?");
    t.menu();
    t.send(&format!("{DOWN}{ENTER}"));
    assert_eq!(t.finish(), 0);
    let red = "\x1b[1;31m!! CRISIS: PLEASE GET HELP NOW !!";
    // Once mid-questionnaire, twice in the short result, and at the end of
    // the full report (its opening block would sit right under the last).
    assert_eq!(t.text().matches(red).count(), 4, "{:?}", t.text());

    let mut t = Tty::spawn(24, 80, &["screen", "--color", "never"], &[]);
    stop_at_the_crisis(&mut t);
    t.send(&format!("{DOWN}{DOWN}{ENTER}"));
    assert_eq!(t.finish(), 0);
    assert!(!t.text().contains(red));
    assert!(!t.text().contains("\x1b[1m"), "no bold either");
}

#[test]
fn saving_the_full_report_from_the_short_result() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("my result.txt");
    let mut t = Tty::plain_80x24(&["screen"]);
    stop_at_the_crisis(&mut t);
    t.send(&format!("{DOWN}{ENTER}")); // Save the full report
    t.expect("Save the full report as");
    t.send(&format!("{}\r", report.display()));
    t.expect("The full report is saved in");
    t.expect("What next?");
    t.menu();
    t.send(&format!("{DOWN}{ENTER}")); // Finish (Save is gone)
    assert_eq!(t.finish(), 0);
    assert_crisis_on(&t.screen(), "after saving and finishing");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.starts_with("!! CRISIS: PLEASE GET HELP NOW !!\n"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour in a file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn long_options_wrap_at_words_and_leave_no_stray_lines() {
    for cols in [80, 100] {
        let mut t = Tty::spawn(24, cols, &["screen"], &[("NO_COLOR", "1")]);
        t.who(ENTER);
        for n in 1..=6 {
            t.answer(n, ENTER);
        }
        // The sleep-and-energy question: its options are wider than the screen.
        t.expect("Question 7 of 22");
        t.expect("? What does this mean?");
        t.menu();
        // Wander, so that the menu is redrawn, then choose the long option.
        t.send(&format!("{DOWN}{DOWN}{DOWN}{DOWN}{ESC}[A{ENTER}"));
        t.expect("Question 8 of 22");
        t.expect("? What does this mean?");
        t.menu();
        let screen = t.screen();
        let prompts = screen
            .lines()
            .filter(|l| l.starts_with("Your answer"))
            .count();
        assert_eq!(
            prompts, 1,
            "only the open question's prompt, at {cols} columns:\n{screen}"
        );
        assert!(
            screen.contains("✔ Your answer: For several days, and it has caused"),
            "{screen}"
        );
        for word in ["spending,", "losing"] {
            assert!(screen.contains(word), "whole words ({word}): {screen}");
        }
        t.send("\x03");
        t.expect("answers are not saved");
        t.menu();
        t.send("\x03"); // stop without saving
        assert_eq!(t.finish(), 130);
    }
}

#[test]
fn help_is_shown_and_never_looks_like_an_answer() {
    let mut t = Tty::plain_80x24(&["screen"]);
    t.who(ENTER);
    t.answer(1, &format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}")); // "? What does this mean?"
    t.expect("does not change the level");
    t.menu();
    let screen = t.screen();
    assert_eq!(
        screen.matches("✔").count(),
        1,
        "only who is answering, no question yet:\n{screen}"
    );
    assert!(!screen.contains("What does this mean? ·"), "{screen}");
    t.send(ENTER);
    t.expect("Question 2 of 22");
    t.expect("? What does this mean?");
    assert!(t.screen().contains("✔ Your answer: Under 12"));
    t.send("\x03");
    // One answer given and no `--save`: it may be kept before stopping.
    t.expect("Your 1 answer is not saved. To keep it, type a file name");
    t.menu();
    t.send("\x03");
    assert_eq!(t.finish(), 130);
}

#[test]
fn going_back_and_changing_an_answer() {
    let mut t = Tty::plain_80x24(&["screen", "--format", "json"]);
    t.who(ENTER);
    t.answer(1, ADULT);
    t.answer(2, ENTER);
    t.answer(3, ESC); // back to question 2
                      // Choose "Now and then, a wish to be dead" (second option): the
                      // follow-ups appear.
    t.answer(2, &format!("{DOWN}{ENTER}"));
    t.answer(3, ENTER); // long-standing
    t.answer(4, ENTER); // plan: no
    t.answer(5, ENTER); // attempt: no
    for n in 6..=24 {
        let keys = if n == 18 { "10\r" } else { ENTER };
        t.answer(n, keys);
    }
    t.expect("Your answers");
    t.menu();
    t.send(ENTER);
    t.expect("\"self_harm_thoughts\"");
    assert_eq!(t.finish(), 0);
}

#[test]
fn ctrl_c_saves_progress_and_the_same_command_resumes_at_the_third_question() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("progress.yaml");
    let save_s = save.to_str().unwrap();
    let mut t = Tty::plain_80x24(&["screen", "--save", save_s]);
    t.who(ENTER);
    t.answer(1, ENTER);
    t.answer(2, ENTER);
    t.expect("Question 3 of ");
    t.menu();
    t.send("\x03");
    assert_eq!(t.finish(), 130);
    let text = t.text();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            "Stopped with Ctrl-C; your answers so far are saved in `{save_s}`"
        )),
        "{text}"
    );
    assert!(
        flat.contains(&format!(
            "help: resume with `carelevel screen --save {save_s}`"
        )),
        "{text}"
    );
    assert!(text.contains("\x1b[?25h"), "the cursor is shown again");

    let text = std::fs::read_to_string(&save).unwrap();
    assert!(text.contains("age_group: child"), "{text}");
    assert!(text.contains("self_harm_thoughts: none"), "{text}");
    assert!(!text.contains("recent_attempt"), "{text}");
    assert!(
        text.contains(
            "# Go on answering (only what is missing is asked): carelevel screen --save THIS_FILE"
        ),
        "the file says the same command: {text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&save).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // The very same command resumes, and says so.
    let mut t = Tty::plain_80x24(&["screen", "--save", save_s]);
    t.expect("Question 3 of 22");
    t.menu();
    let screen = t.screen();
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            "Resuming from {save_s}: 2 answers loaded, continuing with question 3 of 22, the first one not answered yet."
        )),
        "{screen}"
    );
    t.send("\x03");
    assert_eq!(t.finish(), 130);
}

#[test]
fn a_finished_answer_file_given_to_save_is_resumed_at_the_review_not_emptied() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("done.yaml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/iop.yaml"),
        &save,
    )
    .unwrap();
    let mut t = Tty::plain_80x24(&["screen", "--save", save.to_str().unwrap()]);
    t.expect("Your answers");
    t.menu();
    let flat = t.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("all 24 answers are there"), "{flat}");
    t.send(ENTER);
    t.expect("What next?");
    t.menu();
    t.send(&format!("{DOWN}{DOWN}{ENTER}"));
    assert_eq!(t.finish(), 0);
    let text = std::fs::read_to_string(&save).unwrap();
    let kept = carelevel()
        .args(["screen", "-f", "json", "--answers"])
        .arg(&save)
        .output()
        .unwrap();
    assert!(kept.status.success(), "{text}");
    assert!(String::from_utf8_lossy(&kept.stdout).contains("\"level\": \"iop\""));
}

#[test]
fn an_unwritable_save_path_is_refused_before_the_first_question() {
    let mut t = Tty::plain_80x24(&["screen", "--save", "/nonexistent/folder/x.yaml"]);
    assert_eq!(t.finish(), 73);
    let text = t.text();
    assert!(!text.contains("Question 1"), "{text}");
    assert!(
        text.contains("cannot write `/nonexistent/folder/x.yaml`"),
        "{text}"
    );
}

#[test]
fn plain_mode_through_a_pipe() {
    // The person themselves, 22 answers (10 hours at the 16th), then
    // Enter at the review.
    let mut input = String::from("1\n");
    for n in 1..=22 {
        input.push_str(if n == 16 { "10\n" } else { "1\n" });
    }
    input.push('\n');
    carelevel()
        .args(["screen", "--plain", "--format", "json"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains("Question 1 of 22"))
        .stderr(predicate::str::contains("  1. Under 12\n"))
        .stderr(predicate::str::contains(
            "  5. Thoughts of killing myself on most days, or very strong ones\n  6. I'm not sure\n  7. Prefer not to say\n",
        ))
        .stderr(predicate::str::contains("Your answers"))
        .stderr(predicate::str::contains("Hours a week for treatment: 10\n"))
        .stderr(predicate::str::contains("\x1b").not())
        .stdout(predicate::str::starts_with("{\n  \"crisis\": false"))
        .stdout(predicate::str::contains("\"level\": \"outpatient\""));
}

#[test]
fn plain_crisis_choice_is_numbered_and_explains_a_wrong_entry() {
    // An adult; thoughts now and then, long-standing; not sure whether
    // they might act; then a wrong entry, then 2: stop and see the result.
    carelevel()
        .args(["screen", "--plain", "--format", "json"])
        .write_stdin("1\n3\n4\n1\n2\nc\n2\n")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "  1. Continue with the questions\n  2. Stop here and see the result\nAnswer [1-2]: ",
        ))
        .stderr(predicate::str::contains(
            "Please type a number from 1 to 2.",
        ))
        .stdout(predicate::str::starts_with("{\n  \"crisis\": true,"))
        .stdout(predicate::str::contains("\"complete\": false"));
}

#[test]
fn plain_input_ending_after_a_crisis_answer_still_gives_the_crisis_and_the_result() {
    for format in ["text", "json"] {
        let out = carelevel()
            .args(["screen", "--plain", "--format", format])
            .write_stdin("1\n3\n4\n1\n2\n")
            .assert()
            .code(65)
            // Kind words, not an error, and what to do: the help below.
            .stderr(predicate::str::contains(
                "\nThe input ended before every question was answered; nothing was saved\n",
            ))
            .stderr(predicate::str::contains(
                "Thank you for answering what you could. Your answers suggest that someone may not be safe right now, so please reach out now: the help is just below.\n\n!! CRISIS: PLEASE GET HELP NOW !!",
            ))
            .stderr(predicate::str::contains("error:").not())
            .get_output()
            .clone();
        let stdout = String::from_utf8(out.stdout).unwrap();
        match format {
            "text" => {
                assert!(
                    stdout.starts_with("!! CRISIS: PLEASE GET HELP NOW !!\n"),
                    "{stdout}"
                );
                assert!(
                    stdout.contains("Based only on the answers given"),
                    "{stdout}"
                );
                assert!(
                    stdout.contains("Recommended level of care: Inpatient"),
                    "{stdout}"
                );
            }
            _ => {
                let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
                assert_eq!(v["crisis"], true);
                assert_eq!(v["complete"], false);
                assert_eq!(v["level"], "inpatient");
            }
        }
    }
    // In Spanish too.
    carelevel()
        .args(["--lang", "es", "screen", "--plain"])
        .write_stdin("1\n3\n4\n1\n2\n")
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "Gracias por responder lo que pudo.",
        ))
        .stderr(predicate::str::contains("!! CRISIS: PIDA AYUDA AHORA !!"))
        .stderr(predicate::str::contains("error:").not());
    // Without a crisis, an early end still gives no result at all.
    carelevel()
        .args(["screen", "--plain"])
        .write_stdin("1\n1\n1\n")
        .assert()
        .code(65)
        .stdout("");
}

#[test]
fn plain_mode_asks_only_what_a_partial_file_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let partial = dir.path().join("partial.yaml");
    std::fs::write(
        &partial,
        "answers:\n  age_group: adult\n  self_harm_thoughts: none\n  recent_attempt: \"no\"\n  harm_others: none\n",
    )
    .unwrap();
    let mut input = String::new();
    for n in 5..=22 {
        input.push_str(if n == 16 { "10\n" } else { "1\n" });
    }
    input.push('\n');
    carelevel()
        .args(["screen", "--plain", "--compare", "--answers"])
        .arg(&partial)
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains("Question 5 of 22"))
        .stderr(predicate::str::contains("Question 1 of").not())
        .stdout(predicate::str::contains("Standard outpatient"))
        .stdout(predicate::str::contains("The levels of care side by side"))
        .stdout(predicate::str::contains("(recommended)"));
}

#[test]
fn plain_input_ending_early_keeps_what_was_saved_and_says_how_to_resume() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("p.yaml");
    carelevel()
        .args(["screen", "--plain", "--save"])
        .arg(&save)
        .write_stdin("1\n1\n1\n1\n3\n")
        .assert()
        .code(65)
        .stdout("")
        .stderr(predicate::str::contains(
            "the input ended before every question was answered",
        ))
        .stderr(predicate::str::contains(format!(
            "resume with `carelevel screen --plain --save {}`",
            save.display()
        )));
    let text = std::fs::read_to_string(&save).unwrap();
    assert!(text.contains("harm_others: thoughts"), "{text}");
    // The file's own header says to go on the same way.
    assert!(
        text.contains(
            "# Go on answering (only what is missing is asked): carelevel screen --plain --save THIS_FILE\n"
        ),
        "{text}"
    );
}

#[test]
fn stopping_a_resume_before_a_new_answer_still_points_to_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("p.yaml");
    std::fs::write(
        &save,
        "answers:\n  age_group: teen\n  self_harm_thoughts: none\n",
    )
    .unwrap();
    carelevel()
        .args(["screen", "--plain", "--save"])
        .arg(&save)
        .write_stdin("")
        .assert()
        .code(65)
        .stderr(predicate::str::contains("Resuming from"))
        .stderr(predicate::function(|err: &str| {
            err.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains("2 answers loaded, continuing with question 3 of 22")
        }))
        .stderr(predicate::str::contains("saved in"))
        .stderr(predicate::str::contains("resume with"));
    let fresh = dir.path().join("fresh.yaml");
    carelevel()
        .args(["screen", "--plain", "--save"])
        .arg(&fresh)
        .write_stdin("")
        .assert()
        .code(65)
        .stderr(predicate::str::contains("no answers were saved"));
    assert!(!fresh.exists(), "nothing to save, nothing written");
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
fn ctrl_c_in_plain_mode_on_a_terminal_after_a_crisis_shows_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("p.yaml");
    let mut t = Tty::plain_80x24(&["screen", "--plain", "--save", save.to_str().unwrap()]);
    t.expect("Answer [1-2]: ");
    t.p.send_line("1").unwrap(); // the person themselves
    t.expect("Answer [");
    t.p.send_line("3").unwrap(); // an adult
    t.expect("Answer [");
    t.p.send_line("4").unwrap(); // thoughts of suicide now and then
    t.expect("Answer [");
    t.p.send_line("2").unwrap(); // new or worse
    t.expect("Answer [");
    t.p.send_line("3").unwrap(); // a plan: yes
    t.expect("Answer [1-2]: ");
    t.p.send_line("1").unwrap();
    t.expect("Question 5 of 25");
    t.expect("Answer [");
    t.send("\x03");
    assert_eq!(t.finish(), 130);
    let text = t.text();
    let tail = &text[text.find("Question 5 of 25").unwrap()..];
    let stop = tail
        .find("Stopped with Ctrl-C; your answers so far are saved in")
        .expect(tail);
    assert!(
        tail[stop..].contains("!! CRISIS: PLEASE GET HELP NOW !!"),
        "the crisis comes again, last: {tail}"
    );
    let text = std::fs::read_to_string(&save).unwrap();
    assert!(text.contains("self_harm_plan: \"yes\""), "{text}");
}

#[test]
fn the_guided_flow_about_someone_else() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("about.yaml");
    let mut t = Tty::plain_80x24(&[
        "screen",
        "--about-someone",
        "--save",
        save.to_str().unwrap(),
    ]);
    t.expect("You are answering about someone else.");
    t.expect("Question 1 of 22");
    t.expect("How old is the person you are answering about?");
    t.menu();
    t.send(ADULT);
    t.expect("Question 2 of 22");
    t.expect("has the person said or shown that they wish they were dead");
    t.expect("No, not that I know of");
    t.menu();
    t.send(ENTER);
    answer_calm_rest(&mut t, 3);
    t.expect("Your answers");
    t.menu();
    t.send(ENTER);
    t.expect("What next?");
    t.menu();
    let screen = t.screen();
    assert!(
        screen.contains("Answered by someone else, about the person."),
        "{screen}"
    );
    t.send(&format!("{DOWN}{DOWN}{ENTER}"));
    assert_eq!(t.finish(), 0);
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(saved.contains("respondent: other"), "{saved}");
}

/// A relative who does not know: "I don't know" comes after the scale and
/// before "Prefer not to say", and the result says what not knowing means.
#[test]
fn a_relative_who_does_not_know_says_so_and_is_told_what_it_means() {
    let mut t = Tty::plain_80x24(&["screen", "--about-someone"]);
    t.answer(1, ADULT);
    t.expect("Question 2 of 22");
    t.expect("? What does this mean?");
    t.menu();
    let screen = t.screen();
    let unknown = screen
        .find("I don't know")
        .unwrap_or_else(|| panic!("{screen}"));
    let declined = screen.find("Prefer not to say").expect("the option");
    let often = screen
        .find("Thoughts of killing themselves on most days")
        .unwrap();
    assert!(often < unknown && unknown < declined, "{screen}");
    t.send(&format!("{DOWN}{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}")); // I don't know
    t.answer(3, &format!("{DOWN}{DOWN}{DOWN}{ENTER}")); // plan: I don't know
    t.answer(4, &format!("{DOWN}{DOWN}{ENTER}")); // means: I don't know
                                                  // No "new or worse" follow-up for thoughts nobody knows of: 24 in all.
    for n in 5..=24 {
        let keys = if n == 18 { "10\r" } else { ENTER };
        t.answer(n, keys);
    }
    t.expect("Your answers");
    t.menu();
    t.send(ENTER);
    t.expect("What next?");
    t.menu();
    let said = t.text();
    let flat = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Recommended level of care: Intensive outpatient program"),
        "{flat}"
    );
    assert!(
        flat.contains("You did not know the answer to"),
        "the reason names the unknown answers: {flat}"
    );
    assert!(
        !flat.contains("CRISIS"),
        "not knowing is not a crisis: {flat}"
    );
    t.send(&format!("{DOWN}{DOWN}{ENTER}")); // Finish
    assert_eq!(t.finish(), 0);
}

/// The pid of the one child of process `parent` (Linux).
fn child_of(parent: u32) -> u32 {
    for _ in 0..100 {
        let path = format!("/proc/{parent}/task/{parent}/children");
        if let Some(pid) = std::fs::read_to_string(&path)
            .ok()
            .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        {
            return pid.parse().unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("no child of {parent}");
}

fn kill(signal: &str, pid: u32) {
    let ok = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok, "kill {signal} {pid}");
}

#[test]
fn sigterm_in_a_full_screen_prompt_gives_the_terminal_back_and_says_where_the_answers_are() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("p.yaml");
    let bin = assert_cmd::cargo::cargo_bin("carelevel");
    // A shell runs carelevel, then shows its exit code and the terminal's
    // settings as carelevel left them.
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("stty rows 24 cols 80 echo; echo \"shell=$$;\"; \"$0\" \"$@\"; echo \"exit=$?\"; stty -a")
        .arg(bin)
        .args(["screen", "--save", save.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .env("PATH", crate::path_with_carelevel())
        .env("TERM", "xterm");
    let mut p = spawn_command(cmd, Some(20_000)).unwrap();
    p.exp_string("shell=").unwrap();
    let shell: u32 = p.exp_string(";").unwrap().trim().parse().unwrap();
    let mut t = Tty {
        p,
        rows: 24,
        cols: 80,
        seen: String::new(),
    };
    t.who(ENTER);
    t.answer(1, ENTER);
    t.expect("Question 2 of ");
    t.expect("Your answer");
    t.menu();
    kill("-TERM", child_of(shell));
    t.expect("exit=143");
    let rest = t.p.exp_eof().unwrap();
    t.seen.push_str(&rest);
    let text = t.text();
    let after = &text[text
        .find("Stopped by a request to end")
        .unwrap_or_else(|| panic!("{text:?}"))..];
    let flat = after.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            "Stopped by a request to end (SIGTERM); your answers so far are saved in `{}`",
            save.display()
        )),
        "{flat}"
    );
    assert!(
        flat.contains("help: resume with `carelevel screen --save"),
        "{flat}"
    );
    // The cursor, hidden by the menu, is shown again; keys echo as before.
    let hidden = text.rfind("\x1b[?25l").expect("the menu hides the cursor");
    assert!(
        text[hidden..].contains("\x1b[?25h"),
        "{:?}",
        &text[hidden..]
    );
    let stty = &text[text.find("exit=143").unwrap()..];
    assert!(
        stty.contains(" icanon") && stty.contains(" echo "),
        "{stty}"
    );
    assert!(
        !stty.contains("-icanon") && !stty.contains("-echo "),
        "{stty}"
    );
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(saved.contains("age_group: child"), "{saved}");
}

#[test]
fn sighup_while_plain_mode_waits_ends_with_129_and_keeps_the_answers() {
    use std::io::{BufRead, BufReader, Write};
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("p.yaml");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("carelevel"))
        .args(["screen", "--plain", "--save", save.to_str().unwrap()])
        .env("PATH", crate::path_with_carelevel())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "1\n1").unwrap(); // the person themselves; under 12
    stdin.flush().unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("Question 2 of") {
        let mut line = String::new();
        assert!(err.read_line(&mut line).unwrap() > 0, "{seen}");
        seen.push_str(&line);
    }
    kill("-HUP", child.id());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut err, &mut rest).unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    assert_eq!(status.code(), Some(129), "{rest}");
    assert!(
        rest.contains(
            "Stopped because the terminal closed (SIGHUP); your answers so far are saved in"
        ),
        "{rest}"
    );
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(saved.contains("age_group: child"), "{saved}");
}

/// The whole guided questionnaire in Spanish, in a real terminal: the
/// introduction, every question and its menu, the crisis message (911 for
/// immediate danger first, as in English, then 988's key for Spanish),
/// stopping there, the short result, the full report and finishing.
#[test]
fn the_guided_questionnaire_in_spanish_from_start_to_result() {
    let mut t = Tty::spawn(24, 80, &["--lang", "es", "screen"], &[("NO_COLOR", "1")]);
    t.expect("Evaluación del nivel de atención en salud mental");
    t.who_in("¿Quién responde estas preguntas?", ENTER);
    t.expect("✔ Su respuesta: Respondo sobre mí");
    t.expect("Use las flechas y Enter para responder");
    t.expect("Pregunta 1 de ");
    t.expect("Su respuesta");
    t.menu();
    assert!(t.screen().contains("¿Qué edad tiene?"), "{}", t.screen());
    t.send(ADULT);
    t.expect("Pregunta 2 de ");
    t.expect("Su respuesta");
    t.menu();
    let screen = t.screen();
    assert!(
        screen.contains("¿ha deseado estar muerto o muerta"),
        "{screen}"
    );
    assert!(screen.contains("? ¿Qué significa esto?"), "{screen}");
    t.send(&format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}")); // most days
    t.expect("✔ Su respuesta: Pensamientos de quitarme la vida la mayoría");
    t.expect("Pregunta 3 de ");
    t.expect("Su respuesta");
    t.menu();
    t.send(&format!("{DOWN}{ENTER}")); // new or worse
    t.expect("Pregunta 4 de ");
    t.expect("Su respuesta");
    t.menu();
    t.send(&format!("{DOWN}{DOWN}{ENTER}")); // a plan: yes
    t.expect("CRISIS: PIDA AYUDA AHORA");
    t.expect("Parar aquí y ver el resultado");
    t.menu();
    let screen = t.screen();
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    let emergency = flat.find("llame al 911").expect("the emergency number");
    let at = flat
        .find("marque 2 para hablar en español")
        .expect("988's Spanish line");
    assert!(emergency < at, "911 first, as in English: {screen}");
    t.send(&format!("{DOWN}{ENTER}")); // stop and see the result
    t.expect("¿Qué desea hacer ahora?");
    t.menu();
    // The short result opens and closes with the crisis: its middle may
    // have scrolled by, so read all that was written.
    let said = t.text();
    assert!(
        said.contains("Nivel de atención recomendado: Hospitalización"),
        "{said}"
    );
    assert!(said.contains("Motivo principal: "), "{said}");
    t.send(ENTER); // the full report
    t.expect("Qué significa en la práctica");
    t.expect("¿Qué desea hacer ahora?");
    t.menu();
    t.send(&format!("{DOWN}{ENTER}")); // finish
    assert_eq!(t.finish(), 0);
    let screen = t.screen();
    assert!(
        screen.contains("CRISIS: PIDA AYUDA AHORA"),
        "the crisis last: {screen}"
    );
    assert!(!screen.contains("Your answer"), "no English left: {screen}");
}

/// Ctrl-C in Spanish: the offer to keep the answers, then the stop, in
/// the language of the run.
#[test]
fn stopping_with_ctrl_c_is_said_in_spanish() {
    let mut t = Tty::spawn(24, 80, &["--lang", "es", "screen"], &[("NO_COLOR", "1")]);
    t.who_in("¿Quién responde estas preguntas?", ENTER);
    t.expect("Pregunta 1 de ");
    t.expect("Su respuesta");
    t.menu();
    t.send(ENTER);
    t.expect("Pregunta 2 de ");
    t.expect("Su respuesta");
    t.menu();
    t.send("\x03");
    t.expect("Su respuesta no está guardada.");
    t.expect("Nombre del archivo");
    t.menu();
    t.send("\x03"); // stop without saving
    assert_eq!(t.finish(), 130);
    let said = t.text();
    let flat = said.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Se detuvo con Ctrl-C; no se guardó nada"),
        "{said}"
    );
    assert!(
        flat.contains("sugerencia: para conservar sus respuestas a medida que avanza, empiece con `carelevel screen --lang es --save ARCHIVO`"),
        "{said}"
    );
    assert!(!said.contains("help:"), "{said}");
}

/// A mother answering about her son, in Spanish, in a real terminal: who
/// is answering comes first, and every question after is worded for her.
#[test]
fn a_parent_says_so_at_the_first_step_and_is_asked_about_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("hijo.yaml");
    let mut t = Tty::spawn(
        24,
        80,
        &["--lang", "es", "screen", "--save", save.to_str().unwrap()],
        &[("NO_COLOR", "1")],
    );
    t.expect("Evaluación del nivel de atención en salud mental");
    t.expect("¿Quién responde estas preguntas?");
    t.expect("mi madre");
    t.menu();
    let screen = t.screen();
    assert!(screen.contains("Respondo sobre mí"), "{screen}");
    assert!(
        screen.contains("Respondo sobre otra persona, por ejemplo mi hijo o hija"),
        "{screen}"
    );
    t.send(&format!("{DOWN}{ENTER}"));
    t.expect("Usted está respondiendo acerca de otra persona.");
    t.expect("Pregunta 1 de 22");
    t.expect("65 años o más");
    t.menu();
    assert!(
        t.screen()
            .contains("¿Qué edad tiene la persona por la que responde?"),
        "{}",
        t.screen()
    );
    t.send(&format!("{DOWN}{ENTER}")); // 12 to 17
    t.expect("Pregunta 2 de ");
    t.expect("Su respuesta");
    t.menu();
    t.send("\x03");
    assert_eq!(t.finish(), 130);
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(saved.contains("respondent: other"), "{saved}");
    assert!(saved.contains("age_group: teen"), "{saved}");
}

/// `--plain` asks who is answering first too, in both languages, and reads
/// every answer back in words.
#[test]
fn plain_asks_who_is_answering_and_reads_each_answer_back() {
    let out = carelevel()
        .args(["screen", "--plain"])
        .write_stdin("2\n2\n")
        .assert()
        .code(65)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("Mental-health level-of-care screening\n=====================================\n\nWho is answering these questions?\n  1. I am answering about myself\n  2. I am answering about someone else, such as my child, partner or parent\n"),
        "{err}"
    );
    let about = err
        .find("You are answering about someone else.")
        .expect(&err);
    let age = err
        .find("How old is the person you are answering about?")
        .expect(&err);
    assert!(about < age, "{err}");
    assert!(
        err.contains("Answer [1-4, ? = help]: 2\nYour answer: 12 to 17\n"),
        "{err}"
    );
    let out = carelevel()
        .args(["--lang", "es", "screen", "--plain"])
        .write_stdin("3\n1\n")
        .assert()
        .code(65)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("¿Quién responde estas preguntas?\n"), "{err}");
    assert!(
        err.contains("Respuesta [1-2]: 3\nEscriba un número del 1 al 2.\n"),
        "{err}"
    );
    assert!(
        err.contains("Respuesta [1-2]: 1\nSu respuesta: Respondo sobre mí\n"),
        "{err}"
    );
    assert!(!err.contains("acerca de otra persona"), "{err}");
}

/// Ctrl-C in `--plain` on a terminal, without `--save`: the answers, a
/// crisis answer among them, may be kept before stopping, as in the
/// full-screen mode; a second Ctrl-C stops without keeping them.
#[test]
fn ctrl_c_in_plain_mode_offers_to_keep_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let kept = dir.path().join("kept.yaml");
    // Typed answers echo, as on a person's terminal.
    let mut t = Tty::spawn_stty(24, 80, "echo", &["screen", "--plain"], &[("NO_COLOR", "1")]);
    t.expect("Answer [1-2]: ");
    t.p.send_line("1").unwrap(); // the person themselves
    t.expect("Answer [");
    t.expect("]: ");
    t.p.send_line("3").unwrap(); // an adult
    t.expect("Answer [");
    t.expect("]: ");
    t.p.send_line("4").unwrap(); // thoughts of suicide now and then
    t.expect("Answer [");
    t.expect("]: ");
    t.p.send_line("2").unwrap(); // new or worse
    t.expect("Answer [");
    t.expect("]: ");
    t.p.send_line("3").unwrap(); // a plan: yes
    t.expect("Answer [1-2]: ");
    t.p.send_line("1").unwrap(); // go on
    t.expect("Question 5 of ");
    t.expect("Answer [");
    t.menu();
    t.send("\x03");
    t.expect("Your 4 answers are not saved. To keep them, type a file name");
    t.expect("[Enter = my-answers.yaml]: ");
    t.menu();
    t.p.send_line(kept.to_str().unwrap()).unwrap();
    assert_eq!(t.finish(), 130);
    let text = t.text();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            "Stopped with Ctrl-C; your answers so far are saved in `{}`",
            kept.display()
        )),
        "{flat}"
    );
    let tail = &flat[flat.find("Stopped with Ctrl-C").unwrap()..];
    assert!(
        tail.contains("!! CRISIS: PLEASE GET HELP NOW !!"),
        "the crisis comes again, last: {tail}"
    );
    // Written for the terminal's 80 columns: no line runs past the edge.
    for line in text.split(['\r', '\n']) {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    let saved = std::fs::read_to_string(&kept).unwrap();
    assert!(saved.contains("self_harm_plan: \"yes\""), "{saved}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&kept).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // Twice: stop without keeping them.
    let mut t = Tty::spawn(24, 80, &["--lang", "es", "screen", "--plain"], &[]);
    t.expect("Respuesta [1-2]: ");
    t.p.send_line("1").unwrap();
    t.expect("Respuesta [");
    t.p.send_line("3").unwrap();
    t.expect("Pregunta 2 de ");
    t.expect("Respuesta [");
    t.menu();
    t.send("\x03");
    t.expect("Su respuesta no está guardada. Para conservarla, escriba un nombre de archivo");
    t.expect("]: ");
    t.menu();
    t.send("\x03");
    assert_eq!(t.finish(), 130);
    assert!(
        t.text().contains("Se detuvo con Ctrl-C; no se guardó nada"),
        "{}",
        t.text()
    );
}

/// Before `cargo install`, the commands shown name the binary as it can be
/// run, not a `carelevel` that is not on `PATH`.
#[test]
fn hints_name_the_binary_when_carelevel_is_not_on_path() {
    let bin = assert_cmd::cargo::cargo_bin("carelevel");
    let elsewhere = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(&bin)
        .args(["screen", "--plain", "--lang", "es"])
        .current_dir(elsewhere.path())
        .env("PATH", "/usr/bin:/bin")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    let err = String::from_utf8(out.stderr).unwrap();
    let bin = bin.canonicalize().unwrap();
    assert!(
        err.contains(&format!(
            "empiece con `{} screen --plain --lang es --save ARCHIVO`",
            bin.display()
        )),
        "{err}"
    );
    // From the project folder, the path as typed there.
    let out = std::process::Command::new(&bin)
        .args(["screen", "--plain"])
        .current_dir(bin.parent().unwrap().parent().unwrap())
        .env("PATH", "/usr/bin:/bin")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    let profile = bin.parent().unwrap().file_name().unwrap().to_str().unwrap();
    assert!(
        err.contains(&format!(
            "start with `{profile}/carelevel screen --plain --save FILE`"
        )),
        "{err}"
    );
}

/// `--plain` wraps its text to the width at word boundaries, in both
/// languages: long questions and answers hang under their first word.
#[test]
fn plain_text_is_wrapped_at_words_in_both_languages() {
    for lang in ["en", "es"] {
        let mut input = String::from("1\n");
        for n in 1..=22 {
            input.push_str(if n == 16 { "10\n" } else { "1\n" });
        }
        input.push('\n');
        let out = carelevel()
            .args(["--lang", lang, "screen", "--plain", "--format", "json"])
            .write_stdin(input)
            .assert()
            .success()
            .get_output()
            .clone();
        let err = String::from_utf8(out.stderr).unwrap();
        for line in err.lines() {
            assert!(line.chars().count() <= 80, "{lang}: {line:?}");
        }
        // A numbered answer too long for one line goes on under its words.
        let start = if lang == "en" {
            "  4. Without planning to hurt anyone,"
        } else {
            "  4. Sin planear hacerle daño a nadie,"
        };
        let long = err
            .lines()
            .position(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("{lang}: a long fourth answer:\n{err}"));
        let next = err.lines().nth(long + 1).unwrap();
        assert!(
            next.starts_with("     ") && !next.starts_with("      "),
            "{lang}: {next:?}"
        );
    }
}

/// At 80×24, when the result is a crisis, the level, the main reason, the
/// next step, the whole crisis block and the menu are on screen together:
/// in both languages, for the person and for someone answering about them.
#[test]
fn the_short_crisis_result_fits_80_by_24_in_both_languages_and_both_readers() {
    for (lang, who, level, reason, step, menu, heading, last) in [
        (
            "es",
            ENTER,
            "Nivel de atención recomendado: Hospitalización",
            "Motivo principal: La seguridad es lo primero",
            "Próximo paso: Pida ayuda ahora",
            "¿Qué desea hacer ahora?",
            "CRISIS: PIDA AYUDA AHORA",
            "llame al número local de emergencias",
        ),
        (
            "es",
            "\x1b[B\r",
            "Nivel de atención recomendado: Hospitalización",
            "Motivo principal: La seguridad es lo primero",
            "Próximo paso: Pida ayuda para la persona ahora",
            "¿Qué desea hacer ahora?",
            "CRISIS: PIDA AYUDA AHORA",
            "llame al número local de emergencias",
        ),
        (
            "en",
            "\x1b[B\r",
            "Recommended level of care: Inpatient / residential",
            "Main reason: Safety comes first",
            "Next step: Get help for the person now",
            "What next?",
            "CRISIS: PLEASE GET HELP NOW",
            "call your local emergency number",
        ),
    ] {
        let mut t = Tty::spawn(24, 80, &["--lang", lang, "screen"], &[("NO_COLOR", "1")]);
        t.expect(if lang == "es" {
            "¿Quién responde"
        } else {
            "Who is answering"
        });
        t.menu();
        t.send(who);
        let n = if lang == "es" { "Pregunta" } else { "Question" };
        for (k, keys) in [
            (1, ADULT.to_owned()),
            (2, format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}")),
            (3, format!("{DOWN}{ENTER}")),
            (4, format!("{DOWN}{DOWN}{ENTER}")),
        ] {
            t.expect(
                &format!("{n} {k} de ").replace(" de ", if lang == "es" { " de " } else { " of " }),
            );
            t.expect("? ");
            t.menu();
            t.send(&keys);
        }
        t.expect(heading);
        t.menu();
        t.send(&format!("{DOWN}{ENTER}")); // stop and see the result
        t.expect(menu);
        t.expect(if lang == "es" { "Terminar" } else { "Finish" });
        t.menu();
        let screen = t.screen();
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in [level, reason, step, heading, last, menu] {
            assert!(
                flat.contains(line),
                "{lang}: {line:?} is not on screen:\n{screen}"
            );
        }
        t.send("\x1b[B\x1b[B\r"); // finish
        assert_eq!(t.finish(), 0);
    }
}

/// Spanish is whole in `--plain`: the yes-or-no keys are `s`/`sí` and `n`,
/// the question to replace saved answers is asked in Spanish, and the
/// answer is read back.
#[test]
fn plain_yes_and_no_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("guardadas.yaml");
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::copy(examples.join("iop.yaml"), &save).unwrap();
    let out = carelevel()
        .args([
            "--lang", "es", "screen", "--plain", "--format", "json", "--save",
        ])
        .arg(&save)
        .arg("--answers")
        .arg(examples.join("outpatient.yaml"))
        .write_stdin("quizás\nsí\n")
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    let flat = err.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("ya contiene 24 respuestas. ¿Reemplazarlas por las respuestas de"),
        "{err}"
    );
    assert!(
        flat.contains("[s/N]: quizás Escriba s (sí) o n (no)."),
        "{err}"
    );
    assert!(flat.contains("[s/N]: sí Su respuesta: Sí"), "{err}");
    assert!(!err.contains("y/N") && !err.contains("Please"), "{err}");
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(
        saved.starts_with("# Respuestas de carelevel (reglas `default`"),
        "the saved file's header is in Spanish too: {saved}"
    );
    assert!(
        saved.contains("carelevel screen --plain --lang es --save ESTE_ARCHIVO"),
        "{saved}"
    );
}

/// The review in the full-screen mode lists the answers and never pages
/// them (the terminal library's paging is English only): changing one is
/// a choice and a number, in the language of the run.
#[test]
fn the_review_lists_answers_and_changes_one_by_number_in_spanish() {
    let mut t = Tty::spawn(
        24,
        80,
        &["--lang", "es", "screen", "--format", "json"],
        &[("NO_COLOR", "1")],
    );
    t.who_in("¿Quién responde estas preguntas?", ENTER);
    for n in 1..=22 {
        t.expect(&format!("Pregunta {n} de 22"));
        t.expect("Su respuesta");
        t.menu();
        t.send(match n {
            1 => ADULT,
            16 => "10\r",
            _ => ENTER,
        });
    }
    t.expect("Sus respuestas");
    t.expect("Cambiar una respuesta");
    t.menu();
    let screen = t.screen();
    assert!(screen.contains("22. "), "{screen}");
    assert!(!t.text().contains("[Page"), "{screen}");
    t.send(&format!("{DOWN}{ENTER}")); // change an answer
    t.expect("Número de la respuesta que quiere cambiar (del 1 al 22");
    t.menu();
    t.send("99\r");
    t.expect("Escriba un número del 1 al 22.");
    t.send("\x15"); // clear the line
    t.send("1\r");
    t.expect("Pregunta 1 de 22");
    t.expect("Su respuesta");
    t.menu();
    t.send(ENTER); // still an adult (the current answer is the default)
    t.expect("Sus respuestas");
    t.expect("Cambiar una respuesta");
    t.menu();
    t.send(ENTER); // the answers are right
    t.expect("\"level\"");
    assert_eq!(t.finish(), 0);
    assert!(!t.text().contains("[Page"));
}
