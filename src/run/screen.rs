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

/// Everything checked before the first question: the rules, the language,
/// a clinician's decision, the answers given and the `--save` file.
struct Prepared {
    rules: Rules,
    lang: String,
    decision: Option<report::Decision>,
    given: Option<(String, AnswerDoc)>,
    existing: Option<Existing>,
}

/// Who answers, the rules worded for them, and how to go on.
struct Begun {
    rules: Rules,
    start: Start,
    respondent: Respondent,
    way: crate::resume::Way,
    /// The resumed file has comments of its own, which saving drops.
    comments: bool,
    /// The run started with answers (resumed or given).
    had_answers: bool,
}

/// The answers as the questions left them, and an error to end with.
struct Answered {
    ended: ask::Ended,
    /// The run ends with this error, after any result a crisis calls for.
    early: Option<Error>,
    /// The person answered in the guided questionnaire.
    guided: bool,
}

pub(super) fn screen(mut s: Screen, io: &mut Io) -> Result<u8, Error> {
    let prepared = prepare(&s, io)?;
    let lang = prepared.lang.clone();
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
            plain = plain_prompter(&mut **input, &mut **err, &lang, ttys);
            Some(&mut plain)
        }
        None if ttys.interactive() => {
            terminal = Terminal::new(s.prompt_color).speaking(&lang);
            Some(&mut terminal)
        }
        None => None,
    };
    let decision = prepared.decision.clone();
    let mut begun = begin(prepared, &mut s, prompter.as_deref_mut())?;
    // Built before any question: a rule file with nothing to compare fails now.
    let comparison = if s.compare {
        Some(compare::comparison(&begun.rules, None)?)
    } else {
        None
    };
    let id = begun.start.doc.id.clone();
    let subject = begun.start.doc.subject.clone();
    let Answered {
        ended,
        early,
        guided,
    } = answer(&mut begun, &s, prompter.as_deref_mut())?;
    let rules = &begun.rules;
    let outcome = engine::evaluate(rules, &ended.answers);
    let early = ending(&begun, &s, &ended, early, outcome.crisis)?;
    let mut r = result(rules, &s, &ended, &outcome, id, decision)?;
    r.respondent = begun.respondent;
    r.comparison = comparison.map(|c| c.recommend(&r.level));
    let mut delivery = delivery(&s, rules, &ended.answers, &r, ttys);
    delivery.subject = subject.as_ref();
    // The short first screen is for a person who just answered in the
    // full-screen questionnaire and reads the result on the terminal.
    delivery.end_screen = guided && !s.plain && early.is_none();
    // After an early end, the error comes last, then the crisis again.
    delivery.remind = early.is_none();
    let pending = end::deliver(&delivery, &mut **out, prompter)?;
    after_delivery(&mut **err, &s, &r, rules, &outcome.ignored, pending);
    // The run is over and the process ends next: freeing the rules string
    // by string would cost more than a whole scripted screening.
    std::mem::forget(begun);
    match early {
        Some(e) => Err(e),
        None => Ok(crate::error::exit::OK),
    }
}

/// Where and how the result goes: a short first screen and a reminder of
/// the crisis are set by the caller.
fn delivery<'a>(
    s: &'a Screen,
    rules: &'a Rules,
    answers: &'a Answers,
    r: &'a report::Report,
    ttys: super::Ttys,
) -> Delivery<'a> {
    Delivery {
        rules,
        answers,
        subject: None,
        report: r,
        format: s.format,
        view: report::View {
            look: s.look,
            details: s.details,
        },
        output: s.output.as_deref(),
        ttys,
        end_screen: false,
        remind: true,
        rows: ttys
            .stdout
            .then(|| console::Term::stdout().size_checked())
            .flatten()
            .map(|(rows, _cols)| usize::from(rows)),
        keep: [s.save.as_deref(), answers_path(s)]
            .into_iter()
            .flatten()
            .map(Path::to_path_buf)
            .collect(),
    }
}

/// The inputs and every up-front check, before the first question.
fn prepare(s: &Screen, io: &mut Io) -> Result<Prepared, Error> {
    usage_conflicts(s)?;
    let rules = load_rules(&s.rules, io.input)?;
    super::warn_if_cases_fail(&rules, &s.rules, io.err);
    let lang = super::language(&rules, s.lang.as_deref(), io.err);
    crate::interrupt::speaking(&lang);
    let decision = decision_of(&rules, s)?;
    let given = match &s.answers {
        Some(input) => {
            let (name, text) = read_input(input, io.input)?;
            let doc = crate::read::parse(&rules, &name, &text)
                .map_err(|e| batch_hint(e, input, &name, &text))?;
            Some((name, doc))
        }
        None => None,
    };
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
    Ok(Prepared {
        rules,
        lang,
        decision,
        given,
        existing,
    })
}

/// The line-by-line prompter on standard input and error, as wide as the
/// terminal (else 80 columns).
fn plain_prompter<'a>(
    input: &'a mut dyn std::io::BufRead,
    err: &'a mut dyn std::io::Write,
    lang: &str,
    ttys: super::Ttys,
) -> Plain<&'a mut dyn std::io::BufRead, &'a mut dyn std::io::Write> {
    let columns = ttys
        .stderr
        .then(|| console::Term::stderr().size_checked())
        .flatten()
        .map_or(80, |(_rows, cols)| usize::from(cols).min(100));
    Plain::new(input, err)
        .speaking(lang)
        .interruptible(ttys.stdin)
        .width(columns)
}

/// Where the answers start, who answers (asked first when nothing says),
/// and the rules worded for them.
fn begin(
    p: Prepared,
    s: &mut Screen,
    mut prompter: Option<&mut (dyn Prompter + '_)>,
) -> Result<Begun, Error> {
    let Prepared {
        mut rules,
        lang,
        given,
        existing,
        ..
    } = p;
    let comments = matches!(existing, Some(Existing::Answers { comments: true, .. }));
    // A QuestionnaireResponse resumed stays one.
    if matches!(existing, Some(Existing::Answers { fhir: true, .. })) && !s.overwrite {
        s.save_format = SaveFormat::Fhir;
    }
    let start = resolve(&rules, s, &lang, given, existing, prompter.as_deref_mut())?;
    let respondent = match prompter {
        Some(p) if asks_who(&rules, s, &start) => who_answers(&rules, s, &lang, p)?,
        _ => respondent(s, &start)?,
    };
    super::word_for(&mut rules, respondent, &lang)?;
    // How to go on the same way, for every message that says so.
    let way = way_of(&rules, s, &lang, respondent);
    crate::interrupt::going_on(way.clone());
    let had_answers = start.doc.answers.iter().next().is_some();
    Ok(Begun {
        had_answers,
        rules,
        start,
        respondent,
        way,
        comments,
    })
}

/// Ask what is missing, or take a complete file whole, or leave a partial
/// one partial (an error follows, after any crisis result).
fn answer(
    b: &mut Begun,
    s: &Screen,
    prompter: Option<&mut (dyn Prompter + '_)>,
) -> Result<Answered, Error> {
    let answers = std::mem::replace(&mut b.start.doc.answers, Answers::empty(&b.rules));
    let (rules, start) = (&b.rules, &b.start);
    let complete = engine::evaluate(rules, &answers).missing.is_empty();
    // A complete answer file is scored at once; a resumed one is reviewed.
    let guided = prompter.is_some() && (!complete || (start.resuming && s.answers.is_none()));
    let ended = |answers, finish, saved| ask::Ended {
        answers,
        finish,
        saved,
        saved_to: None,
    };
    if guided {
        let notice = (start.resuming && b.comments).then(|| {
            format!(
                "{} has comments of its own. Saving keeps its answers and its id, but not those comments.",
                start.name
            )
        });
        let settings = ask::Settings {
            save: s.save.as_deref(),
            resuming: start.resuming,
            notice: notice.as_deref(),
            id: start.doc.id.as_deref(),
            respondent: b.respondent,
            save_format: s.save_format,
            way: Some(&b.way),
        };
        let p = prompter.expect("a prompter when guided");
        let ended = ask::run(rules, answers, p, settings).map_err(|e| match e {
            ask::FlowError::Save(e) => e,
            ask::FlowError::Io(source) => Error::Input {
                path: PathBuf::from(if s.plain { "<stdin>" } else { "<terminal>" }),
                source,
            },
        })?;
        return Ok(Answered {
            ended,
            early: None,
            guided,
        });
    }
    if complete {
        if let Some(path) = &s.save {
            let text = save::saved_answers(
                rules,
                &answers,
                start.doc.id.as_deref(),
                b.respondent,
                path,
                s.save_format,
                &b.way,
            );
            save::write_private(path, text.as_bytes())?;
        }
        return Ok(Answered {
            ended: ended(answers, Finish::Complete, s.save.is_some()),
            early: None,
            guided,
        });
    }
    // A partial answer file and nobody to ask: an error, after the crisis
    // message and the partial result if a crisis answer is among them.
    if s.answers.is_some() || start.resuming {
        let early = missing(rules, &start.name, &answers, s, &b.way);
        return Ok(Answered {
            ended: ended(answers, Finish::InputEnded, false),
            early: Some(early),
            guided,
        });
    }
    Err(no_terminal(s))
}

/// The error the run ends with, if it ended early: said after the result
/// when a crisis answer was given, and instead of it when not (a partial
/// result could only mislead).
fn ending(
    b: &Begun,
    s: &Screen,
    ended: &ask::Ended,
    early: Option<Error>,
    crisis: bool,
) -> Result<Option<Error>, Error> {
    let (rules, way) = (&b.rules, &b.way);
    let had_answers = b.had_answers;
    // Said only when the run ends early: worked out then.
    let progress = || match (&s.save, &ended.saved_to) {
        (_, Some(path)) => Progress::Saved {
            path: path.clone(),
            resume: way.resume_path(path),
        },
        (None, None) => Progress::NotSaving {
            start: way.start(&crate::words::of(&rules.lang).get("file-placeholder")),
        },
        (Some(path), None) if ended.saved || (b.start.resuming && had_answers) => Progress::Saved {
            path: path.clone(),
            resume: way.resume_path(path),
        },
        (Some(path), None) => Progress::NothingSaved(path.clone()),
    };
    let early = match (early, ended.finish) {
        (Some(e), _) => Some(e),
        (None, Finish::InputEnded) => Some(Error::Incomplete {
            progress: progress(),
        }),
        (None, Finish::Interrupted) => Some(Error::Interrupted {
            progress: progress(),
        }),
        (None, Finish::Complete | Finish::StoppedAtCrisis) => None,
    };
    let message = crisis.then(|| {
        (
            rules.file.crisis.message.trim_end().to_owned(),
            rules.lang.clone(),
        )
    });
    match early.map(|e| e.after_crisis(message)) {
        Some(e) if !crisis => Err(e),
        early => Ok(early),
    }
}

/// The report of the answers, with the clinician's decision, the time,
/// and the notes that the tool adds (answers ignored, stopped early).
fn result(
    rules: &Rules,
    s: &Screen,
    ended: &ask::Ended,
    outcome: &engine::Outcome,
    id: Option<String>,
    decision: Option<report::Decision>,
) -> Result<report::Report, Error> {
    let mut r = report::build(rules, &ended.answers, outcome, id);
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
    if !outcome.ignored.is_empty() {
        r.notes
            .insert(0, report::ignored_note(rules, &outcome.ignored));
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
    Ok(r)
}

/// Standard error is free again once the report is out: the crisis again
/// when the result went elsewhere, then any warning.
fn after_delivery(
    err: &mut dyn std::io::Write,
    s: &Screen,
    r: &report::Report,
    rules: &Rules,
    ignored: &[usize],
    pending: end::Pending,
) {
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
    if !ignored.is_empty() {
        let _ = writeln!(
            err,
            "warning: ignored answers to questions that were not asked (their conditions do not hold): {}",
            question_ids(rules, ignored.iter().copied())
        );
    }
}

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
        chosen: chosen.id.to_string(),
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
            if n == 0
                || s.overwrite
                || may_replace_answers(rules, s, lang, &shown, n, &given, prompter)?
            {
                return Ok(fresh(given));
            }
            Err(Error::WouldOverwrite(
                Problem::new(format!(
                    "`{shown}` already holds {n} {}, so carelevel will not replace them",
                    plural(n, "answer", "answers")
                ))
                .help(format!(
                    "to go on from those answers, run `{}` without `--answers`; to replace them, add `--overwrite`; or give `--save` another file name",
                    way_of(rules, s, lang, Respondent::Myself).resume(&shown)
                )),
            ))
        }
        Existing::Other(_) if s.overwrite => Ok(fresh(given)),
        Existing::Other(why) => Err(not_ours(path, &shown, &why)),
    }
}

/// Whether the person, asked at a terminal, agrees to replace the `n`
/// answers in `shown` with those given.
fn may_replace_answers(
    rules: &Rules,
    s: &Screen,
    lang: &str,
    shown: &str,
    n: usize,
    given: &Option<(String, AnswerDoc)>,
    prompter: Option<&mut (dyn Prompter + '_)>,
) -> Result<bool, Error> {
    let Some(p) = prompter else {
        return Ok(false);
    };
    let from = given.as_ref().map_or("", |(name, _)| name.as_str());
    let question = crate::words::of(lang).with(
        "replace-answers",
        &[
            ("path", crate::words::text(shown)),
            ("count", crate::words::number(n)),
            ("from", crate::words::text(from)),
        ],
    );
    p.confirm(&question, false)
        .map_err(|e| prompt_stop(e, rules, s))
}

/// The refusal to save over a file that is not an answer file for these
/// rules (`why`): a rule file, or a file of answers with something wrong,
/// which is to be fixed rather than discarded.
fn not_ours(path: &Path, shown: &str, why: &Error) -> Error {
    if looks_like_rules(path) {
        return Error::WouldOverwrite(
            Problem::new(format!(
                "`{shown}` holds a rule file, not answers, so carelevel will not replace it"
            ))
            .help("give `--save` another file name, or add `--overwrite` to replace the rule file"),
        );
    }
    let help = if matches!(why, Error::Answers(_)) {
        format!("fix that in `{shown}` and run the same command again, or give `--save` another file name; `--overwrite` would discard what it holds")
    } else {
        "give `--save` another file name, or add `--overwrite` to replace it".to_owned()
    };
    Error::WouldOverwrite(
        Problem::new(format!(
            "`{shown}` is not an answer file for these rules ({}), so carelevel will not replace it",
            first_line(why)
        ))
        .help(help),
    )
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
