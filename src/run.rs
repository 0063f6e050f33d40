//! Running a task: the one place that reads inputs and writes results.
//! Errors go back to `main`, which prints them and picks the exit code.

use std::io::{BufRead, IsTerminal, Read, Write};

use crate::error::{exit, Error, Problem};
use crate::report::compare;
use crate::rules::Rules;
use crate::settings::{
    Compare, CompareFormat, Input, ReportFormat, RulesSource, Screen, Task, TextFormat,
};
use crate::{answers, ask, check, engine, questions, report, save, template};

/// Where a task reads and writes: standard input, results to `out`,
/// prompts and warnings to `err`.
pub struct Io<'a> {
    pub input: &'a mut dyn BufRead,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// Whether stdin and stderr are terminals (the guided flow needs both).
    pub interactive: bool,
}

/// Run `task`; the exit code on success (`check` may return 1).
pub fn run(task: Task, io: &mut Io) -> Result<u8, Error> {
    match task {
        Task::Screen(s) => screen(s, io),
        Task::Template { rules, format } => {
            let rules = load_rules(&rules, io.input)?;
            write(
                io,
                &match format {
                    TextFormat::Yaml => template::yaml(&rules),
                    TextFormat::Json => template::json(&rules),
                },
            )
        }
        Task::Questions { rules, format } => {
            let rules = load_rules(&rules, io.input)?;
            write(
                io,
                &match format {
                    TextFormat::Yaml => questions::yaml(&rules),
                    TextFormat::Json => questions::json(&rules),
                },
            )
        }
        Task::Compare(c) => compare_levels(c, io),
        Task::Check { rules } => {
            let rules = load_rules(&rules, io.input)?;
            let result = check::run(&rules);
            write(io, &check::render(&rules, &result))?;
            Ok(if result.passed() {
                exit::OK
            } else {
                exit::CHECK_FAILED
            })
        }
    }
}

fn compare_levels(c: Compare, io: &mut Io) -> Result<u8, Error> {
    let rules = load_rules(&c.rules, io.input)?;
    let table = compare::comparison(&rules, c.levels.as_deref())?;
    write(
        io,
        &match c.format {
            CompareFormat::Table => compare::table(&table, c.look),
            CompareFormat::Markdown => compare::markdown(&table),
            CompareFormat::Csv => compare::csv(&table),
            CompareFormat::Json => compare::json(&table),
        },
    )
}

fn screen(s: Screen, io: &mut Io) -> Result<u8, Error> {
    if s.rules == RulesSource::Stdin && (s.plain || s.answers == Some(Input::Stdin)) {
        return Err(Error::Usage(
            Problem::new("standard input can hold the rules or the answers, not both")
                .help("give the rule file by name: `--rules FILE`"),
        ));
    }
    let rules = load_rules(&s.rules, io.input)?;
    // Built before any question: a rule file with nothing to compare fails now.
    let comparison = if s.compare {
        Some(compare::comparison(&rules, None)?)
    } else {
        None
    };
    if s.plain && s.answers == Some(Input::Stdin) {
        return Err(Error::Usage(
            Problem::new("`--plain` reads the answers you type on standard input, so it cannot also read `--answers -`")
                .help("give the answer file by name: `--answers FILE`"),
        ));
    }
    let (name, doc) = match &s.answers {
        Some(input) => {
            let (name, text) = read_input(input, io.input)?;
            let doc = answers::parse(&rules, &name, &text)?;
            (name, doc)
        }
        None => (
            String::new(),
            answers::AnswerDoc {
                id: None,
                answers: answers::Answers::empty(&rules),
            },
        ),
    };
    if let (Some(Input::File(from)), Some(to)) = (&s.answers, &s.save) {
        if from == to {
            save::resuming_from(to);
        }
    }
    let complete = s.answers.is_some() && engine::evaluate(&rules, &doc.answers).missing.is_empty();
    let (final_answers, finish) = if complete {
        if let Some(path) = &s.save {
            let text = save::answer_file(&rules, &doc.answers, doc.id.as_deref());
            save::write_private(path, text.as_bytes())?;
        }
        (doc.answers, ask::Finish::Complete)
    } else if s.plain || io.interactive {
        guided(&rules, doc.answers, doc.id.as_deref(), &s, io)?
    } else if s.answers.is_some() {
        return Err(missing(&rules, &name, &doc.answers));
    } else {
        return Err(Error::Usage(
            Problem::new("no terminal to ask the questions on: give the answers with `--answers FILE` (or `--answers -` for standard input), or use `--plain`")
                .help("`carelevel template > answers.yaml` writes a blank answer file to fill in"),
        ));
    };
    let outcome = engine::evaluate(&rules, &final_answers);
    let mut r = report::build(&rules, &final_answers, &outcome, doc.id);
    r.comparison = comparison.map(|c| c.recommend(&r.level));
    if !outcome.ignored.is_empty() {
        r.notes.insert(0, ignored_note(&rules, &outcome.ignored));
    }
    if finish == ask::Finish::StoppedAtCrisis {
        r.notes.insert(0, report::NoteOut {
            id: "stopped_early".into(),
            text: "The questionnaire was stopped after the crisis message. Questions not answered were not scored; the level shown is already the most intensive one.".into(),
        });
    }
    // The report first: when both streams share a terminal, a crisis
    // message must come before any warning.
    let code = write(
        io,
        &match s.format {
            ReportFormat::Text => report::text(&r, report::View { look: s.look, details: false }),
            ReportFormat::Markdown => report::markdown(&r, report::View::default()),
            ReportFormat::Json => report::json(&r),
            ReportFormat::Yaml => report::yaml(&r),
        },
    )?;
    if !outcome.ignored.is_empty() {
        let _ = writeln!(
            io.err,
            "warning: ignored answers to questions that were not asked (their conditions do not hold): {}",
            question_ids(&rules, outcome.ignored.iter().copied())
        );
    }
    Ok(code)
}

/// A note in the result itself, not only a warning on standard error: an
/// ignored answer may be a safety concern entered by mistake.
fn ignored_note(rules: &Rules, ignored: &[usize]) -> report::NoteOut {
    let qs = &rules.file.questions;
    let mut text = format!(
        "Answers to questions that do not apply, given the other answers, were ignored: {}.",
        question_ids(rules, ignored.iter().copied())
    );
    let safety: Vec<usize> = ignored.iter().copied().filter(|&q| qs[q].safety).collect();
    if !safety.is_empty() {
        text.push_str(&format!(
            " {} {} a safety question: check the answers with the person, because a safety concern must not be lost.",
            question_ids(rules, safety.iter().copied()),
            if safety.len() == 1 { "is" } else { "are" }
        ));
    }
    report::NoteOut {
        id: "answers_ignored".into(),
        text,
    }
}

/// `a`, `b`: the ids of questions, for messages.
fn question_ids(rules: &Rules, questions: impl Iterator<Item = usize>) -> String {
    let qs = &rules.file.questions;
    crate::suggest::backticked(questions.map(|q| qs[q].id.as_str()))
}

/// Run the guided questionnaire for whatever `prefilled` leaves unanswered.
fn guided(
    rules: &Rules,
    prefilled: answers::Answers,
    id: Option<&str>,
    s: &Screen,
    io: &mut Io,
) -> Result<(answers::Answers, ask::Finish), Error> {
    let settings = ask::Settings {
        save: s.save.as_deref(),
        id,
    };
    let result = if s.plain {
        let mut p = ask::plain::Plain::new(&mut *io.input, &mut *io.err);
        ask::run(rules, prefilled, &mut p, settings)
    } else {
        let mut p = ask::terminal::Terminal::new();
        ask::run(rules, prefilled, &mut p, settings)
    };
    let saved = s.save.clone();
    result.map_err(|e| match e {
        ask::FlowError::Save(e) => e,
        ask::FlowError::Prompt(ask::PromptError::Interrupted) => Error::Interrupted { saved },
        ask::FlowError::Prompt(ask::PromptError::Closed) => Error::Incomplete { saved },
        ask::FlowError::Prompt(ask::PromptError::Io(source)) => Error::Input {
            path: if s.plain { "<stdin>" } else { "<terminal>" }.into(),
            source,
        },
    })
}

/// The error for an answer file that leaves required questions unanswered.
fn missing(rules: &Rules, name: &str, answers: &answers::Answers) -> Error {
    let qs = &rules.file.questions;
    if answers.iter().next().is_none() {
        let ids = question_ids(rules, engine::evaluate(rules, answers).missing.into_iter());
        return Error::Answers(vec![Problem::new(format!(
            "`{name}` holds no answers yet; these questions need one: {ids}"
        ))
        .help("`carelevel template > answers.yaml` writes a blank answer file with each question's allowed answers as comments")]);
    }
    let problems = engine::evaluate(rules, answers)
        .missing
        .iter()
        .map(|&q| {
            Problem::new(format!(
                "`{name}` has no answer to `{}` ({})",
                qs[q].id,
                qs[q]
                    .prompt
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            ))
            .help(format!(
                "add `{}: ...` under `answers:`; {}",
                qs[q].id,
                expected(rules, q)
            ))
        })
        .collect();
    Error::Answers(problems)
}

fn expected(rules: &Rules, q: usize) -> String {
    let q = &rules.file.questions[q];
    if q.options.is_empty() {
        format!(
            "a whole number from {} to {}",
            q.min.unwrap_or(0),
            q.max.unwrap_or(0)
        )
    } else {
        format!("one of {}", answers::allowed(q))
    }
}

fn write(io: &mut Io, text: &str) -> Result<u8, Error> {
    match io
        .out
        .write_all(text.as_bytes())
        .and_then(|()| io.out.flush())
    {
        Ok(()) => Ok(exit::OK),
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(exit::OK),
        Err(source) => Err(Error::Output {
            what: "standard output".into(),
            source,
        }),
    }
}

/// Load the chosen rules.
pub fn load_rules(source: &RulesSource, stdin: &mut dyn BufRead) -> Result<Rules, Error> {
    let input = match source {
        RulesSource::Builtin => return Rules::builtin(),
        RulesSource::File(path) => Input::File(path.clone()),
        RulesSource::Stdin => Input::Stdin,
    };
    let (name, text) = read_input(&input, stdin)?;
    Rules::parse(&name, &text)
}

/// The largest input read: rule and answer files are small text files, and
/// a mistaken `/dev/urandom` should not fill the memory.
pub const MAX_INPUT: u64 = 64 << 20;

/// Read a whole input as UTF-8 text, with the name to use in messages.
pub fn read_input(input: &Input, stdin: &mut dyn BufRead) -> Result<(String, String), Error> {
    let path = match input {
        Input::Stdin => std::path::PathBuf::from("<stdin>"),
        Input::File(path) => path.clone(),
    };
    let fail = |source| Error::Input {
        path: path.clone(),
        source,
    };
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => stdin.take(MAX_INPUT + 1).read_to_end(&mut bytes),
        Input::File(p) => {
            std::fs::File::open(p).and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut bytes))
        }
    }
    .map_err(fail)?;
    // Size first: a cut in the middle of a character is not the problem.
    if bytes.len() as u64 > MAX_INPUT {
        return Err(fail(std::io::Error::other(
            "it is larger than 64 MiB, far more than a rule or answer file needs",
        )));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        fail(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "it is not UTF-8 text; save it as UTF-8",
        ))
    })?;
    Ok((path.display().to_string(), text))
}

/// Whether the guided questionnaire could run: stdin and stderr are terminals.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::RulesSource;

    fn screen(input: &str, s: Screen) -> (Result<u8, Error>, String, String) {
        let (mut inp, mut out, mut err) = (input.as_bytes(), Vec::new(), Vec::new());
        let mut io = Io {
            input: &mut inp,
            out: &mut out,
            err: &mut err,
            interactive: false,
        };
        let r = run(Task::Screen(s), &mut io);
        (
            r,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    fn settings(answers: Option<Input>, plain: bool) -> Screen {
        Screen {
            rules: RulesSource::Builtin,
            answers,
            format: ReportFormat::Json,
            save: None,
            plain,
            compare: false,
            look: Default::default(),
        }
    }

    #[test]
    fn answers_from_standard_input() {
        let text = include_str!("../examples/iop.yaml");
        let (r, out, _) = screen(text, settings(Some(Input::Stdin), false));
        assert_eq!(r.unwrap(), 0);
        assert!(out.contains("\"level\": \"iop\""));
    }

    #[test]
    fn plain_flow_reads_the_same_input() {
        let typed = "1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n10\n1\n1\n1\n1\n1\n\n";
        let (r, out, err) = screen(typed, settings(None, true));
        assert_eq!(r.unwrap(), 0, "{err}");
        assert!(out.contains("\"level\": \"outpatient\""), "{out}");
        assert!(err.contains("Question 16 of 16"));
    }

    #[test]
    fn stopping_at_the_crisis_gives_a_crisis_result_with_a_note() {
        let (r, out, err) = screen("4\n3\ns\n", settings(None, true));
        assert_eq!(r.unwrap(), 0, "{err}");
        assert!(err.contains("!! CRISIS: PLEASE GET HELP NOW !!"));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["crisis"], true);
        assert_eq!(v["level"], "inpatient");
        assert_eq!(v["notes"][0]["id"], "stopped_early");
    }

    #[test]
    fn no_terminal_and_no_answers_is_a_usage_error() {
        let (r, out, _) = screen("", settings(None, false));
        let e = r.unwrap_err();
        assert_eq!(e.exit_code(), exit::USAGE);
        assert!(e.to_string().contains("help: `carelevel template"));
        assert!(out.is_empty());
    }
}
