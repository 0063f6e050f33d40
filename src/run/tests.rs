//! `screen` driven in-process through the scripted prompter: what the
//! person is asked, what reaches standard output, and what files hold.

use std::path::{Path, PathBuf};

use super::*;
use crate::answers::Answer;
use crate::ask::scripted::{Scripted, Step};
use crate::ask::{AfterResult, CrisisChoice, Reply, ReviewChoice};
use crate::error::exit;
use crate::rules::model::Respondent;
use crate::settings::{ReportFormat, Screen};

const IOP: &str = include_str!("../../examples/iop.yaml");

struct Run {
    result: Result<u8, Error>,
    out: String,
    err: String,
    shown: Vec<String>,
    intro: String,
}

fn settings() -> Screen {
    Screen {
        rules: RulesSource::Builtin,
        answers: None,
        format: ReportFormat::Text,
        save: None,
        save_format: Default::default(),
        output: None,
        overwrite: false,
        plain: false,
        compare: false,
        details: false,
        respondent: None,
        look: Default::default(),
        prompt_color: false,
        decision: None,
        timestamp: false,
        lang: None,
    }
}

/// Run `screen` with `steps` played by the scripted prompter; standard
/// output is a terminal when `stdout_tty`.
fn screen(s: Screen, steps: Vec<Step>, stdout_tty: bool) -> Run {
    let mut p = Scripted::new(steps);
    let (mut input, mut out, mut err) = (&b""[..], Vec::new(), Vec::new());
    let result = {
        let mut io = Io {
            input: &mut input,
            out: &mut out,
            err: &mut err,
            ttys: Ttys {
                stdin: true,
                stdout: stdout_tty,
                stderr: true,
            },
            prompter: Some(&mut p),
        };
        run(Task::Screen(s), &mut io)
    };
    assert_eq!(
        p.remaining(),
        0,
        "the script was played to the end: {:#?}",
        p.shown
    );
    Run {
        result,
        out: String::from_utf8(out).unwrap(),
        err: String::from_utf8(err).unwrap(),
        shown: p.shown,
        intro: p.intro,
    }
}

/// An answer file in `dir` with every answer of `examples/iop.yaml` but
/// the last (readiness), so that one question is asked.
fn nearly_done(dir: &Path) -> PathBuf {
    let path = dir.join("nearly.yaml");
    std::fs::write(&path, IOP.replace("  readiness: unsure\n", "")).unwrap();
    path
}

fn code(c: &str) -> Reply {
    Reply::Answer(Answer::Code(c.into()))
}

fn last_question_then(after: Vec<Step>) -> Vec<Step> {
    let mut steps = vec![
        Step::Reply("readiness", code("ready")),
        Step::Review(ReviewChoice::Submit),
    ];
    steps.extend(after);
    steps
}

#[test]
fn on_a_terminal_the_short_result_comes_first_then_the_full_report() {
    let dir = tempfile::tempdir().unwrap();
    let s = Screen {
        answers: Some(Input::File(nearly_done(dir.path()))),
        ..settings()
    };
    let r = screen(
        s,
        last_question_then(vec![
            Step::After(AfterResult::FullReport),
            Step::After(AfterResult::Finish),
        ]),
        true,
    );
    assert_eq!(r.result.unwrap(), exit::OK);
    let full = r
        .out
        .find("Why this level")
        .expect("the full report follows");
    let short = &r.out[..full];
    // Screening aid first, then the level, the reason and the next step
    // together, the part that stays on screen above the menu.
    assert!(short.starts_with("This is a screening aid"), "{short}");
    let level = short
        .find("\n\nRecommended level of care: Intensive outpatient program")
        .expect(short);
    assert!(short[level..].contains("Main reason: "), "{short}");
    assert!(
        short.contains("Main reason: Regular outpatient care has already been tried"),
        "{short}"
    );
    assert!(short.contains("Next step: "), "{short}");
    let rules = Rules::builtin().unwrap();
    assert!(r.out.ends_with(&format!(
        "Rules: default {} (sha256 {}); carelevel {}\n",
        rules.file.version,
        &rules.sha256[..12],
        env!("CARGO_PKG_VERSION")
    )));
    // After the full report, it can still be saved.
    let n = r.shown.len();
    assert_eq!(
        r.shown[n - 2..],
        ["after (can show) (can save)", "after (can save)"]
    );
}

#[test]
fn finishing_at_the_short_result_prints_nothing_more() {
    let dir = tempfile::tempdir().unwrap();
    let s = Screen {
        answers: Some(Input::File(nearly_done(dir.path()))),
        ..settings()
    };
    let r = screen(
        s,
        last_question_then(vec![Step::After(AfterResult::Finish)]),
        true,
    );
    assert_eq!(r.result.unwrap(), exit::OK);
    assert!(!r.out.contains("Why this level"), "{}", r.out);
    assert!(
        r.out.contains("screening aid, not a diagnosis"),
        "the disclaimer is in the short result"
    );
}

#[test]
fn a_crisis_saved_and_finished_ends_with_the_crisis_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.txt");
    let steps = vec![
        Step::Who(Respondent::Myself),
        Step::Reply("age_group", code("adult")),
        Step::Reply("self_harm_thoughts", code("often")),
        Step::Reply("thoughts_change", code("new_or_worse")),
        Step::Reply("self_harm_plan", code("yes")),
        Step::Crisis(CrisisChoice::Stop),
        Step::After(AfterResult::Save),
        Step::FileName(Some(report.display().to_string())),
        Step::After(AfterResult::Finish),
    ];
    let r = screen(settings(), steps, true);
    assert_eq!(r.result.unwrap(), exit::OK);
    assert!(
        r.out.starts_with("!! CRISIS: PLEASE GET HELP NOW !!\n"),
        "{}",
        r.out
    );
    assert!(
        r.out
            .trim_end()
            .ends_with("call your local emergency number."),
        "{}",
        r.out
    );
    // The save and its notice came after the short result's crisis block:
    // the crisis is shown once more, last.
    let tail: Vec<&str> = r.shown.iter().rev().take(3).map(String::as_str).collect();
    assert_eq!(tail[0], "crisis reminder", "{:#?}", r.shown);
    assert_eq!(
        tail[1], "after (can show)",
        "Save is offered once: {:#?}",
        r.shown
    );
    assert!(r
        .shown
        .iter()
        .any(|s| s.starts_with("notice The full report is saved in")));
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.starts_with("!! CRISIS: PLEASE GET HELP NOW !!\n"));
    assert!(
        text.contains("Why this level"),
        "the full report, not the short one"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn a_report_never_replaces_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("progress.yaml");
    let mut steps = vec![
        Step::Who(Respondent::Myself),
        Step::Reply("age_group", code("adult")),
        Step::Reply("self_harm_thoughts", code("often")),
        Step::Reply("thoughts_change", code("new_or_worse")),
        Step::Reply("self_harm_plan", code("yes")),
        Step::Crisis(CrisisChoice::Stop),
        Step::After(AfterResult::Save),
        Step::FileName(Some(save.display().to_string())),
    ];
    steps.push(Step::After(AfterResult::Finish));
    let s = Screen {
        save: Some(save.clone()),
        ..settings()
    };
    let r = screen(s, steps, true);
    assert_eq!(r.result.unwrap(), exit::OK);
    assert!(
        r.shown
            .iter()
            .any(|s| s.starts_with("notice Not saved:") && s.contains("holds the answers")),
        "{:#?}",
        r.shown
    );
    let kept = std::fs::read_to_string(&save).unwrap();
    assert!(kept.contains("self_harm_plan: \"yes\""), "{kept}");
}

#[test]
fn without_a_terminal_for_the_result_the_crisis_is_shown_last_by_the_prompter() {
    let steps = vec![
        Step::Who(Respondent::Myself),
        Step::Reply("age_group", code("adult")),
        Step::Reply("self_harm_thoughts", code("often")),
        Step::Reply("thoughts_change", code("new_or_worse")),
        Step::Reply("self_harm_plan", code("yes")),
        Step::Crisis(CrisisChoice::Stop),
    ];
    let s = Screen {
        format: ReportFormat::Json,
        ..settings()
    };
    let r = screen(s, steps, false);
    assert_eq!(r.result.unwrap(), exit::OK);
    assert!(r.out.starts_with("{\n  \"crisis\": true,"));
    assert_eq!(r.shown.last().unwrap(), "crisis reminder");
}

#[test]
fn output_writes_the_result_to_a_private_file_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let result = dir.path().join("result.json");
    let s = Screen {
        answers: Some(Input::File(nearly_done(dir.path()))),
        output: Some(result.clone()),
        format: ReportFormat::Json,
        ..settings()
    };
    let r = screen(s, last_question_then(vec![]), true);
    assert_eq!(r.result.unwrap(), exit::OK);
    assert_eq!(r.out, "", "the result went to the file");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&result).unwrap()).unwrap();
    assert_eq!(v["level"], "iop");
    assert!(r
        .shown
        .last()
        .unwrap()
        .starts_with("notice The result is saved in"));
}

#[test]
fn replacing_saved_answers_asks_first_and_no_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("kept.yaml");
    std::fs::write(&save, IOP).unwrap();
    let other = dir.path().join("other.yaml");
    std::fs::write(&other, "answers:\n  self_harm_thoughts: none\n").unwrap();
    let s = Screen {
        answers: Some(Input::File(other.clone())),
        save: Some(save.clone()),
        ..settings()
    };
    let r = screen(s.clone(), vec![Step::Confirm(false)], true);
    let e = r.result.unwrap_err();
    assert_eq!(e.exit_code(), exit::CANT_CREATE);
    assert!(e.to_string().contains("already holds 24 answers"), "{e}");
    assert!(
        r.shown[0].starts_with("confirm `")
            && r.shown[0].contains("already holds 24 answers. Replace them with the answers in"),
        "{:#?}",
        r.shown
    );
    assert_eq!(std::fs::read_to_string(&save).unwrap(), IOP, "untouched");

    let r = screen(s, vec![Step::Confirm(true), Step::Interrupt], true);
    let e = r.result.unwrap_err();
    assert_eq!(e.exit_code(), exit::INTERRUPTED);
    // Nothing was answered in this run yet, so the old file still stands.
    assert_eq!(std::fs::read_to_string(&save).unwrap(), IOP);
}

#[test]
fn save_on_a_file_with_answers_resumes_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("progress.yaml");
    std::fs::write(
        &save,
        "answers:\n  age_group: adult\n  self_harm_thoughts: none\n  recent_attempt: \"no\"\n",
    )
    .unwrap();
    let s = Screen {
        save: Some(save.clone()),
        ..settings()
    };
    let r = screen(s, vec![Step::Interrupt], true);
    let e = r.result.unwrap_err();
    assert_eq!(r.shown[1], "ask harm_others 4/22");
    assert!(r.intro.contains("Resuming from"), "{}", r.intro);
    let message = e.to_string();
    assert!(
        message.contains(&format!(
            "resume with `carelevel screen --save {}`",
            save.display()
        )),
        "{message}"
    );
    assert!(r.err.is_empty());
}

#[test]
fn a_guided_run_saves_a_fhir_response_in_progress_and_resumes_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("progress.json");
    let s = Screen {
        save: Some(save.clone()),
        save_format: crate::settings::SaveFormat::Fhir,
        ..settings()
    };
    // Two answers, then Ctrl-C: the response is saved as it stood.
    let run = screen(
        s.clone(),
        vec![
            Step::Who(Respondent::Myself),
            Step::Reply("age_group", code("adult")),
            Step::Reply("self_harm_thoughts", code("none")),
            Step::Interrupt,
        ],
        true,
    );
    assert_eq!(run.result.unwrap_err().exit_code(), 130);
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&save).unwrap()).unwrap();
    assert_eq!(saved["resourceType"], "QuestionnaireResponse");
    assert_eq!(saved["status"], "in-progress");
    let links: Vec<&str> = saved["item"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["linkId"].as_str().unwrap())
        .collect();
    assert_eq!(links, ["age_group", "self_harm_thoughts"]);
    assert_eq!(
        saved["item"][1]["answer"][0]["valueCoding"]["system"],
        "urn:carelevel:default:self_harm_thoughts"
    );

    // Resumed (even without --save-format), it goes on at the next
    // question and stays a response.
    let s = Screen {
        save_format: Default::default(),
        ..s
    };
    let run = screen(
        s,
        vec![Step::Reply("recent_attempt", code("no")), Step::Interrupt],
        true,
    );
    assert!(run.result.is_err());
    assert!(
        run.intro.contains("2 answers loaded"),
        "resumed from the response: {}",
        run.intro
    );
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&save).unwrap()).unwrap();
    assert_eq!(saved["resourceType"], "QuestionnaireResponse");
    assert_eq!(saved["item"].as_array().unwrap().len(), 3);
}

#[test]
fn the_guided_flow_speaks_the_language_of_the_run() {
    let s = Screen {
        lang: Some("es".into()),
        ..settings()
    };
    let run = screen(
        s,
        vec![
            Step::Who(Respondent::Other),
            Step::Reply("age_group", Reply::Back),
            Step::Interrupt,
        ],
        true,
    );
    assert!(run.result.is_err());
    assert_eq!(run.shown[0], "who ¿Quién responde estas preguntas?");
    assert!(
        run.intro
            .contains("Usted está respondiendo acerca de otra persona"),
        "{}",
        run.intro
    );
    assert!(
        run.intro
            .contains("Sus respuestas no se guardan a medida que avanza"),
        "{}",
        run.intro
    );
    assert!(
        run.shown
            .iter()
            .any(|s| s == "notice Esta es la primera pregunta; no hay ninguna antes."),
        "{:#?}",
        run.shown
    );
}

#[test]
fn who_answers_is_asked_first_and_recorded_in_the_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("progress.yaml");
    let s = Screen {
        save: Some(save.clone()),
        ..settings()
    };
    let run = screen(
        s.clone(),
        vec![
            Step::Who(Respondent::Other),
            Step::Reply("age_group", code("teen")),
            Step::Interrupt,
        ],
        true,
    );
    assert_eq!(run.result.unwrap_err().exit_code(), exit::INTERRUPTED);
    assert_eq!(
        run.shown[..3],
        [
            "who Who is answering these questions?",
            "intro",
            "ask age_group 1/22"
        ]
    );
    assert!(
        run.intro.contains("You are answering about someone else"),
        "{}",
        run.intro
    );
    let saved = std::fs::read_to_string(&save).unwrap();
    assert!(saved.contains("respondent: other\n"), "{saved}");
    // Resumed, the file says who answers: the question is not asked again.
    let run = screen(s, vec![Step::Interrupt], true);
    assert!(run.result.is_err());
    assert_eq!(run.shown[..2], ["intro", "ask self_harm_thoughts 2/22"]);
    assert!(run.intro.contains("You are answering about someone else"));
}

#[test]
fn who_answers_is_not_asked_when_something_already_says() {
    // --about-someone says so.
    let s = Screen {
        respondent: Some(Respondent::Other),
        ..settings()
    };
    let run = screen(s, vec![Step::Interrupt], true);
    assert!(run.result.is_err());
    assert_eq!(run.shown[..2], ["intro", "ask age_group 1/22"]);
    // An answer file with answers in it: its answers are the person's own
    // unless it says otherwise.
    let dir = tempfile::tempdir().unwrap();
    let s = Screen {
        answers: Some(Input::File(nearly_done(dir.path()))),
        ..settings()
    };
    let run = screen(s, vec![Step::Interrupt, Step::FileName(None)], true);
    assert!(run.result.is_err());
    assert_eq!(run.shown[..2], ["intro", "ask readiness 24/24"]);
}

#[test]
fn stopping_at_who_answers_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().join("progress.yaml");
    let s = Screen {
        save: Some(save.clone()),
        ..settings()
    };
    let run = screen(s.clone(), vec![Step::Interrupt], true);
    let e = run.result.unwrap_err();
    assert_eq!(e.exit_code(), exit::INTERRUPTED);
    assert!(!save.exists());
    let run = screen(s, vec![Step::Close], true);
    let e = run.result.unwrap_err();
    assert_eq!(e.exit_code(), exit::DATA);
    assert!(!save.exists());
}
