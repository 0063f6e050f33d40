//! `carelevel screen`: the answers given, the save file to resume from, the
//! guided questionnaire for whatever is missing, and the result.

use std::path::{Path, PathBuf};

use crate::answers::{AnswerDoc, Answers};
use crate::ask::{self, plain::Plain, terminal::Terminal, Finish, Prompter};
use crate::engine;
use crate::error::{Error, Problem, Progress};
use crate::input::read_input;
use crate::report::{self, compare};
use crate::rules::Rules;
use crate::save::{self, same_file, Existing};
use crate::settings::{Input, Respondent, RulesSource, SaveFormat, Screen};

use super::end::{self, Delivery};
use super::{load_rules, Io};

/// Where the answers start from.
struct Start {
    doc: AnswerDoc,
    /// The answers came from the `--save` file: this run resumes it.
    resuming: bool,
    /// The file they came from, for messages (empty when none).
    name: String,
}

pub(super) fn screen(mut s: Screen, io: &mut Io) -> Result<u8, Error> {
    usage_conflicts(&s)?;
    let mut rules = load_rules(&s.rules, io.input)?;
    super::warn_if_cases_fail(&rules, &s.rules, io.err);
    let lang = super::language(&rules, s.lang.as_deref(), io.err);
    crate::interrupt::speaking(&lang);
    let decision = decision_of(&rules, &s)?;
    let given = match &s.answers {
        Some(input) => {
            let (name, text) = read_input(input, io.input)?;
            let doc = crate::read::parse(&rules, &name, &text)
                .map_err(|e| batch_hint(e, input, &name, &text))?;
            Some((name, doc))
        }
        None => None,
    };
    // Everything that could stop the run is checked before the first question.
    let existing = match &s.save {
        Some(path) => Some(save::inspect(&rules, path)?),
        None => None,
    };
    if let Some(path) = &s.output {
        save::may_replace(&rules, path, s.overwrite, "--output")?;
        save::check_writable(path)?;
    }
    if let Some(path) = &s.save {
        save::check_writable(path)?;
    }

    let Io {
        input,
        out,
        err,
        ttys,
        prompter: injected,
    } = io;
    let ttys = *ttys;
    let mut plain;
    let mut terminal;
    let mut prompter: Option<&mut dyn Prompter> = match injected {
        Some(p) => Some(&mut **p),
        None if s.plain => {
            // The terminal's width, else 80 columns.
            let columns = ttys
                .stderr
                .then(|| console::Term::stderr().size_checked())
                .flatten()
                .map_or(80, |(_rows, cols)| usize::from(cols).min(100));
            plain = Plain::new(&mut **input, &mut **err)
                .speaking(&lang)
                .interruptible(ttys.stdin)
                .width(columns);
            Some(&mut plain)
        }
        None if ttys.interactive() => {
            terminal = Terminal::new(s.prompt_color).speaking(&lang);
            Some(&mut terminal)
        }
        None => None,
    };

    let comments = matches!(existing, Some(Existing::Answers { comments: true, .. }));
    // A QuestionnaireResponse resumed stays one.
    if matches!(existing, Some(Existing::Answers { fhir: true, .. })) && !s.overwrite {
        s.save_format = SaveFormat::Fhir;
    }
    let start = resolve(&rules, &s, &lang, given, existing, prompter.as_deref_mut())?;
    let respondent = match prompter.as_deref_mut() {
        Some(p) if asks_who(&rules, &s, &start) => who_answers(&rules, &s, &lang, p)?,
        _ => respondent(&s, &start)?,
    };
    super::word_for(&mut rules, respondent, &lang)?;
    let rules = rules;
    // How to go on the same way, for every message that says so.
    let way = way_of(&rules, &s, &lang, respondent);
    crate::interrupt::going_on(way.clone());
    // Built before any question: a rule file with nothing to compare fails now.
    let comparison = if s.compare {
        Some(compare::comparison(&rules, None)?)
    } else {
        None
    };
    let had_answers = start.doc.answers.iter().next().is_some();
    let complete = engine::evaluate(&rules, &start.doc.answers)
        .missing
        .is_empty();
    // A complete answer file is scored at once; a resumed one is reviewed.
    let guided = prompter.is_some() && (!complete || (start.resuming && s.answers.is_none()));
    let id = start.doc.id.clone();
    let subject = start.doc.subject.clone();
    let notice = (start.resuming && comments).then(|| {
        format!(
            "{} has comments of its own. Saving keeps its answers and its id, but not those comments.",
            start.name
        )
    });
    // A partial answer file and nobody to ask: an error, after the crisis
    // message and the partial result if a crisis answer is among them.
    let mut early = None;
    let ended = if guided {
        let settings = ask::Settings {
            save: s.save.as_deref(),
            resuming: start.resuming,
            notice: notice.as_deref(),
            id: id.as_deref(),
            respondent,
            save_format: s.save_format,
            way: Some(&way),
        };
        let p = prompter.as_deref_mut().expect("a prompter when guided");
        ask::run(&rules, start.doc.answers, p, settings).map_err(|e| match e {
            ask::FlowError::Save(e) => e,
            ask::FlowError::Io(source) => Error::Input {
                path: PathBuf::from(if s.plain { "<stdin>" } else { "<terminal>" }),
                source,
            },
        })?
    } else if complete {
        if let Some(path) = &s.save {
            let text = save::saved_answers(
                &rules,
                &start.doc.answers,
                id.as_deref(),
                respondent,
                path,
                s.save_format,
                &way,
            );
            save::write_private(path, text.as_bytes())?;
        }
        ask::Ended {
            answers: start.doc.answers,
            finish: Finish::Complete,
            saved: s.save.is_some(),
            saved_to: None,
        }
    } else if s.answers.is_some() || start.resuming {
        early = Some(missing(&rules, &start.name, &start.doc.answers, &s, &way));
        ask::Ended {
            answers: start.doc.answers,
            finish: Finish::InputEnded,
            saved: false,
            saved_to: None,
        }
    } else {
        return Err(no_terminal(&s));
    };

    let outcome = engine::evaluate(&rules, &ended.answers);
    let crisis = outcome.crisis.then(|| {
        (
            rules.file.crisis.message.trim_end().to_owned(),
            rules.lang.clone(),
        )
    });
    // Said only when the run ends early: worked out then.
    let progress = || match (&s.save, &ended.saved_to) {
        (_, Some(path)) => Progress::Saved {
            path: path.clone(),
            resume: way.resume_path(path),
        },
        (None, None) => Progress::NotSaving {
            start: way.start(&crate::words::of(&rules.lang).get("file-placeholder")),
        },
        (Some(path), None) if ended.saved || (start.resuming && had_answers) => Progress::Saved {
            path: path.clone(),
            resume: way.resume_path(path),
        },
        (Some(path), None) => Progress::NothingSaved(path.clone()),
    };
    if early.is_none() {
        early = match ended.finish {
            Finish::InputEnded => Some(Error::Incomplete {
                progress: progress(),
            }),
            Finish::Interrupted => Some(Error::Interrupted {
                progress: progress(),
            }),
            Finish::Complete | Finish::StoppedAtCrisis => None,
        };
    }
    let early = early.map(|e| e.after_crisis(crisis));
    // An early end still shows a crisis, with the result of the answers
    // given; without one, a partial result could only mislead.
    let early = match (early, outcome.crisis) {
        (Some(e), false) => return Err(e),
        (early, _) => early,
    };
    let mut r = report::build(&rules, &ended.answers, &outcome, id);
    r.decision = decision.map(|mut d| {
        d.recommended.clone_from(&r.level);
        d.recommended_name.clone_from(&r.level_name);
        d
    });
    if r.decision
        .as_ref()
        .is_some_and(|d| d.chosen == d.recommended)
    {
        return Err(Error::Usage(
            Problem::new(format!(
                "`--override {}` names the recommended level; an override records a different decision",
                r.level
            ))
            .help("leave out `--override` and `--reason` to keep the recommendation"),
        ));
    }
    if s.timestamp {
        r.timestamp = Some(report::now_utc());
    }
    r.complete = ended.finish == Finish::Complete;
    r.respondent = respondent;
    r.comparison = comparison.map(|c| c.recommend(&r.level));
    if !outcome.ignored.is_empty() {
        r.notes
            .insert(0, report::ignored_note(&rules, &outcome.ignored));
    }
    if ended.finish == Finish::StoppedAtCrisis {
        r.notes.insert(
            0,
            report::NoteOut {
                id: "stopped_early".into(),
                text: crate::words::of(&rules.lang).get("stopped-early-note"),
            },
        );
    }
    let delivery = Delivery {
        rules: &rules,
        answers: &ended.answers,
        subject: subject.as_ref(),
        report: &r,
        format: s.format,
        view: report::View {
            look: s.look,
            details: s.details,
        },
        output: s.output.as_deref(),
        ttys,
        // The short first screen is for a person who just answered in the
        // full-screen questionnaire and reads the result on the terminal.
        end_screen: guided && !s.plain && early.is_none(),
        // After an early end, the error comes last, then the crisis again.
        remind: early.is_none(),
        rows: ttys
            .stdout
            .then(|| console::Term::stdout().size_checked())
            .flatten()
            .map(|(rows, _cols)| usize::from(rows)),
        keep: [s.save.as_deref(), answers_path(&s)]
            .into_iter()
            .flatten()
            .map(Path::to_path_buf)
            .collect(),
    };
    let pending = end::deliver(&delivery, &mut **out, prompter)?;
    // Standard error is free again: the report came first, so a crisis
    // message on a shared terminal comes before any warning.
    if pending.crisis_reminder {
        let width = s.look.width.clamp(40, 80);
        let block = report::crisis_block(
            &r.lang,
            r.crisis_message.as_deref().unwrap_or_default(),
            width,
            s.prompt_color,
        );
        let _ = write!(err, "\n{block}");
    }
    if !outcome.ignored.is_empty() {
        let _ = writeln!(
            err,
            "warning: ignored answers to questions that were not asked (their conditions do not hold): {}",
            question_ids(&rules, outcome.ignored.iter().copied())
        );
    }
    // The run is over and the process ends next: freeing the rules string
    // by string would cost more than a whole scripted screening.
    std::mem::forget(rules);
    match early {
        Some(e) => Err(e),
        None => Ok(crate::error::exit::OK),
    }
}

use std::io::Write as _;

/// Who answers: `--about-someone`, else what the answer file says, else the
/// person. Answers by the person and by someone else never mix in one file.
fn respondent(s: &Screen, start: &Start) -> Result<Respondent, Error> {
    match (s.respondent, start.doc.respondent) {
        (Some(Respondent::Other), Some(Respondent::Myself)) => Err(Error::Usage(
            Problem::new(format!(
                "`{}` was answered by the person themselves; `--about-someone` would mix in answers about them from someone else",
                start.name
            ))
            .help("leave out `--about-someone` to go on as the person, or give someone else's answers a file of their own"),
        )),
        (Some(r), _) | (None, Some(r)) => Ok(r),
        (None, None) => Ok(Respondent::Myself),
    }
}

/// An answer file that does not read may be a file of many records, for
/// `batch`: say so, in place of the answer file's own fix.
fn batch_hint(e: Error, input: &Input, name: &str, text: &str) -> Error {
    let Some(kind) = batch_like(name, text) else {
        return e;
    };
    let Error::Answers(mut problems) = e else {
        return e;
    };
    let file = match input {
        Input::File(path) => crate::resume::shell_word(&path.display().to_string()),
        Input::Stdin => "-".to_owned(),
    };
    if let Some(first) = problems.first_mut() {
        first.help = Some(format!(
            "this looks like a file of many records ({kind}), and an answer file holds one person's answers: `{} batch {file}` scores every record",
            crate::resume::program()
        ));
    }
    Error::Answers(problems)
}

/// Whether `text` (named `name`) looks like `batch` input: CSV or JSON Lines.
fn batch_like(name: &str, text: &str) -> Option<&'static str> {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("csv") => return Some("CSV"),
        Some("jsonl" | "ndjson") => return Some("JSON Lines"),
        _ => {}
    }
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let (first, second) = (lines.next()?, lines.next()?);
    if first.starts_with('{') && second.starts_with('{') {
        return Some("JSON Lines");
    }
    let commas = first.matches(',').count();
    if commas >= 2 && !first.contains(": ") && second.matches(',').count() == commas {
        return Some("CSV");
    }
    None
}

/// How this run was started, for the commands that say how to go on.
fn way_of(rules: &Rules, s: &Screen, lang: &str, respondent: Respondent) -> crate::resume::Way {
    crate::resume::Way {
        rules: rules.source.name.clone(),
        plain: s.plain,
        lang: (lang != rules.file.language).then(|| lang.to_owned()),
        about_someone: respondent == Respondent::Other,
    }
}

/// Whether the guided questionnaire starts by asking who is answering:
/// nothing has said so (`--about-someone`, or a file of answers given or
/// resumed), and the rules are worded for someone else too.
fn asks_who(rules: &Rules, s: &Screen, start: &Start) -> bool {
    s.respondent.is_none()
        && s.answers.is_none()
        && !start.resuming
        && start.doc.respondent.is_none()
        && start.doc.answers.iter().next().is_none()
        && rules.file.respondents.contains(&Respondent::Myself)
        && rules.file.respondents.contains(&Respondent::Other)
}

/// Ask who is answering, in the language of the run. Stopping here, with
/// nothing answered yet, saves nothing.
fn who_answers(
    rules: &Rules,
    s: &Screen,
    lang: &str,
    p: &mut dyn Prompter,
) -> Result<Respondent, Error> {
    let w = crate::words::of(lang);
    let (me, other) = (w.get("who-myself"), w.get("who-other"));
    // The title in the language of the run, as the introduction shows it.
    let mut worded = rules.clone();
    super::word_for(&mut worded, Respondent::Myself, lang)?;
    let title = worded.file.title.trim();
    let progress = || match &s.save {
        Some(path) => Progress::NothingSaved(path.clone()),
        None => Progress::NotSaving {
            start: way_of(rules, s, lang, Respondent::Myself).start(&w.get("file-placeholder")),
        },
    };
    p.who_answers(title, &w.get("who-question"), [&me, &other])
        .map_err(|e| match e {
            ask::PromptError::Interrupted => Error::Interrupted {
                progress: progress(),
            },
            ask::PromptError::Closed => Error::Incomplete {
                progress: progress(),
            },
            ask::PromptError::Io(source) => Error::Input {
                path: PathBuf::from(if s.plain { "<stdin>" } else { "<terminal>" }),
                source,
            },
        })
}

/// `--override LEVEL --reason TEXT`, checked before any question: a level
/// of these rules and a reason in words. Whether it differs from the
/// recommendation is known only at the end ([`report::Decision`] then
/// says both).
fn decision_of(rules: &Rules, s: &Screen) -> Result<Option<report::Decision>, Error> {
    let Some((level, reason)) = &s.decision else {
        return Ok(None);
    };
    let levels = &rules.file.levels;
    let Some(chosen) = levels.iter().find(|l| l.id == *level) else {
        let ids = levels.iter().map(|l| l.id.as_str());
        let help = match crate::suggest::closest(level, ids.clone()) {
            Some(c) => format!(
                "did you mean `{c}`? The levels are {}",
                crate::suggest::backticked(ids)
            ),
            None => format!("the levels are {}", crate::suggest::backticked(ids)),
        };
        return Err(Error::Usage(
            Problem::new(format!(
                "`--override {}` names no level of the rules `{}`",
                crate::error::visible(level),
                rules.file.id
            ))
            .help(help),
        ));
    };
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.is_empty() || reason.chars().any(crate::source::is_unsafe) {
        return Err(Error::Usage(
            Problem::new("`--override` needs a reason in words")
                .help("say why, e.g. `--reason \"lives alone, no one to check in daily\"`"),
        ));
    }
    Ok(Some(report::Decision {
        recommended: String::new(),
        recommended_name: String::new(),
        chosen: chosen.id.clone(),
        chosen_name: chosen.name.to_string().trim().to_owned(),
        reason,
    }))
}

/// Flags that cannot work together, said before anything is read.
fn usage_conflicts(s: &Screen) -> Result<(), Error> {
    if s.rules == RulesSource::Stdin && (s.plain || s.answers == Some(Input::Stdin)) {
        return Err(Error::Usage(
            Problem::new("standard input can hold the rules or the answers, not both")
                .help("give the rule file by name: `--rules FILE`"),
        ));
    }
    if s.plain && s.answers == Some(Input::Stdin) {
        return Err(Error::Usage(
            Problem::new("`--plain` reads the answers you type on standard input, so it cannot also read `--answers -`")
                .help("give the answer file by name: `--answers FILE`"),
        ));
    }
    if let (Some(path), SaveFormat::Fhir) = (&s.save, s.save_format) {
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if !json {
            return Err(Error::Usage(
                Problem::new(format!(
                    "`--save-format fhir` writes JSON, but `{}` does not end in `.json`",
                    path.display()
                ))
                .help("name the save file `*.json`, e.g. `--save answers.json`"),
            ));
        }
    }
    let Some(output) = &s.output else {
        return Ok(());
    };
    let rules = match &s.rules {
        RulesSource::File(p) => Some(p.as_path()),
        _ => None,
    };
    for (flag, path) in [
        ("--save", s.save.as_deref()),
        ("--answers", answers_path(s)),
        ("--rules", rules),
    ] {
        if path.is_some_and(|p| same_file(p, output)) {
            return Err(Error::Usage(
                Problem::new(format!(
                    "`--output` and `{flag}` name the same file, `{}`",
                    output.display()
                ))
                .help("the result needs a file of its own: give `--output` another name"),
            ));
        }
    }
    Ok(())
}

fn answers_path(s: &Screen) -> Option<&Path> {
    match &s.answers {
        Some(Input::File(p)) => Some(p),
        _ => None,
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Decide where the answers start: the answer file, the `--save` file to
/// resume, or nothing. Never replaces answers in the `--save` file unless
/// the person agrees (a terminal) or says so (`--overwrite`).
fn resolve(
    rules: &Rules,
    s: &Screen,
    lang: &str,
    given: Option<(String, AnswerDoc)>,
    existing: Option<Existing>,
    prompter: Option<&mut (dyn Prompter + '_)>,
) -> Result<Start, Error> {
    let fresh = |given: Option<(String, AnswerDoc)>| match given {
        Some((name, doc)) => Start {
            doc,
            resuming: false,
            name,
        },
        None => Start {
            doc: AnswerDoc {
                id: None,
                respondent: None,
                subject: None,
                answers: Answers::empty(rules),
            },
            resuming: false,
            name: String::new(),
        },
    };
    let (Some(path), Some(existing)) = (&s.save, existing) else {
        return Ok(fresh(given));
    };
    let shown = path.display().to_string();
    if let RulesSource::File(rules_path) = &s.rules {
        if same_file(rules_path, path) {
            return Err(Error::WouldOverwrite(
                Problem::new(format!(
                    "`{shown}` is the rule file this run reads, so carelevel will not save answers over it"
                ))
                .help("give `--save` another file name"),
            ));
        }
    }
    let same_as_answers = answers_path(s).is_some_and(|a| same_file(a, path));
    match existing {
        Existing::Nothing | Existing::Empty => Ok(fresh(given)),
        Existing::Answers { doc: saved, .. }
            if same_as_answers || (given.is_none() && !s.overwrite) =>
        {
            Ok(Start {
                doc: saved,
                resuming: true,
                name: shown,
            })
        }
        Existing::Answers { doc: saved, .. } => {
            let n = saved.answers.iter().count();
            if n == 0 || s.overwrite {
                return Ok(fresh(given));
            }
            let held = format!("{n} {}", plural(n, "answer", "answers"));
            if let Some(p) = prompter {
                let from = given.as_ref().map_or("", |(name, _)| name.as_str());
                let question = crate::words::of(lang).with(
                    "replace-answers",
                    &[
                        ("path", crate::words::text(&shown)),
                        ("count", crate::words::number(n)),
                        ("from", crate::words::text(from)),
                    ],
                );
                let yes = p
                    .confirm(&question, false)
                    .map_err(|e| prompt_stop(e, rules, s))?;
                if yes {
                    return Ok(fresh(given));
                }
            }
            Err(Error::WouldOverwrite(
                Problem::new(format!(
                    "`{shown}` already holds {held}, so carelevel will not replace them"
                ))
                .help(format!(
                    "to go on from those answers, run `{}` without `--answers`; to replace them, add `--overwrite`; or give `--save` another file name",
                    way_of(rules, s, lang, Respondent::Myself).resume(&shown)
                )),
            ))
        }
        Existing::Other(_) if s.overwrite => Ok(fresh(given)),
        Existing::Other(_) if looks_like_rules(path) => Err(Error::WouldOverwrite(
            Problem::new(format!(
                "`{shown}` holds a rule file, not answers, so carelevel will not replace it"
            ))
            .help("give `--save` another file name, or add `--overwrite` to replace the rule file"),
        )),
        Existing::Other(why) => {
            // A file with answers in it but something wrong is fixed, not
            // discarded: say that first.
            let help = if matches!(why, Error::Answers(_)) {
                format!("fix that in `{shown}` and run the same command again, or give `--save` another file name; `--overwrite` would discard what it holds")
            } else {
                "give `--save` another file name, or add `--overwrite` to replace it".to_owned()
            };
            Err(Error::WouldOverwrite(
                Problem::new(format!(
                    "`{shown}` is not an answer file for these rules ({}), so carelevel will not replace it",
                    first_line(&why)
                ))
                .help(help),
            ))
        }
    }
}

/// Whether `path` starts like a rule file (`schema: carelevel/...`).
fn looks_like_rules(path: &Path) -> bool {
    use std::io::Read;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head));
    read.is_ok()
        && String::from_utf8_lossy(&head).lines().any(|l| {
            l.trim_start_matches('{')
                .trim()
                .trim_start_matches('"')
                .starts_with("schema")
        })
}

/// The first line of an error's message, for a mention inside another.
fn first_line(e: &Error) -> String {
    let text = match e.problems().first() {
        Some(p) => match &p.location {
            Some(loc) => format!("line {}: {}", loc.line, p.message),
            None => p.message.clone(),
        },
        None => e.to_string(),
    };
    text.lines().next().unwrap_or_default().to_owned()
}

/// A prompt that ended before the questionnaire began: nothing was saved.
fn prompt_stop(e: ask::PromptError, rules: &Rules, s: &Screen) -> Error {
    let progress = match &s.save {
        Some(p) => Progress::NothingSaved(p.clone()),
        None => Progress::NotSaving {
            start: way_of(rules, s, &rules.lang, Respondent::Myself).start("FILE"),
        },
    };
    match e {
        ask::PromptError::Interrupted => Error::Interrupted { progress },
        ask::PromptError::Closed => Error::Incomplete { progress },
        ask::PromptError::Io(source) => Error::Input {
            path: PathBuf::from("<terminal>"),
            source,
        },
    }
}

/// No terminal and no answers: say what works instead.
fn no_terminal(s: &Screen) -> Error {
    if s.rules == RulesSource::Stdin {
        return Error::Usage(
            Problem::new("the rules come from standard input, so the answers must come from a file: `--answers FILE`")
                .help("`carelevel template --rules - --output answers.yaml < RULES_FILE` writes a blank answer file to fill in"),
        );
    }
    Error::Usage(
        Problem::new("no terminal to ask the questions on: give the answers with `--answers FILE` (or `--answers -` for standard input), or use `--plain` to type them line by line")
            .help("`carelevel template --output answers.yaml` writes a blank answer file (owner-only) to fill in"),
    )
}

/// One error for an answer file that leaves required questions unanswered,
/// listing them all, with how to finish it.
fn missing(
    rules: &Rules,
    name: &str,
    answers: &Answers,
    s: &Screen,
    way: &crate::resume::Way,
) -> Error {
    let qs = &rules.file.questions;
    let missing = engine::evaluate(rules, answers).missing;
    let from_stdin = s.answers == Some(Input::Stdin);
    let guided = if from_stdin {
        String::new()
    } else {
        format!(
            "answer them one at a time in a terminal with `{}`, or ",
            way.resume(name)
        )
    };
    if answers.iter().next().is_none() {
        return Error::Answers(vec![Problem::new(format!("`{name}` holds no answers yet"))
            .help(format!(
                "fill it in: {guided}open it in a text editor and write an answer after each question (the comments from `carelevel template` list the allowed answers)"
            ))]);
    }
    let list: Vec<String> = missing
        .iter()
        .map(|&q| format!("  - `{}` ({})", qs[q].id, qs[q].title.trim()))
        .collect();
    Error::Answers(vec![Problem::new(format!(
        "`{name}` has no answer to {} {} that {}:\n{}",
        missing.len(),
        plural(missing.len(), "question", "questions"),
        plural(missing.len(), "needs one", "need one"),
        list.join("\n")
    ))
    .help(format!(
        "{guided}add them under `answers:` (`carelevel template` lists each question's allowed answers)"
    ))])
}

/// `a`, `b`: the ids of questions, for messages.
fn question_ids(rules: &Rules, questions: impl Iterator<Item = usize>) -> String {
    let qs = &rules.file.questions;
    crate::suggest::backticked(questions.map(|q| qs[q].id.as_str()))
}
