//! Running a task: the one place that reads inputs and writes results.
//! Errors go back to `main`, which prints them and picks the exit code.

mod batch;
mod end;
mod screen;

use std::io::{BufRead, IsTerminal, Write};

use crate::ask::Prompter;
use crate::error::{exit, Error, Problem};
use crate::input::read_input;
use crate::report::compare;
use crate::rules::model::{Respondent, Variant};
use crate::rules::Rules;
use crate::settings::{
    Compare, CompareFormat, Input, QuestionsFormat, RulesSource, Task, TextFormat,
};
use crate::{check, questions, template};

/// Which of the standard streams are terminals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ttys {
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

impl Ttys {
    /// The streams of this process.
    pub fn detect() -> Self {
        Ttys {
            stdin: std::io::stdin().is_terminal(),
            stdout: std::io::stdout().is_terminal(),
            stderr: std::io::stderr().is_terminal(),
        }
    }

    /// The guided questionnaire can run: keys come from standard input and
    /// prompts go to standard error.
    pub fn interactive(self) -> bool {
        self.stdin && self.stderr
    }
}

/// Where a task reads and writes: standard input, results to `out`,
/// prompts and warnings to `err`.
pub struct Io<'a> {
    pub input: &'a mut dyn BufRead,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub ttys: Ttys,
    /// Asks the guided questions instead of the terminal or `--plain`
    /// prompter: for programs that drive the flow, and for tests.
    pub prompter: Option<&'a mut dyn Prompter>,
}

/// Run `task`; the exit code on success (`check` may return 1).
pub fn run(task: Task, io: &mut Io) -> Result<u8, Error> {
    match task {
        Task::Screen(s) => screen::screen(s, io),
        Task::Template {
            rules,
            format,
            output,
            overwrite,
            respondent,
            lang,
        } => template(&rules, format, output, overwrite, respondent, lang, io),
        Task::Questions {
            rules,
            format,
            respondent,
            lang,
        } => question_list(rules, format, respondent.unwrap_or_default(), lang, io),
        Task::Compare(c) => compare_levels(c, io),
        Task::Batch(b) => batch::batch(b, io),
        Task::Completions { shell } => write(io.out, &crate::cli::completion_script(shell)),
        Task::Man { command, dir } => man(command.as_deref(), dir.as_deref(), io),
        Task::Rules => write(io.out, crate::rules::BUILTIN_TEXT),
        Task::Generate {
            rules,
            count,
            seed,
            format,
        } => generate(&rules, count, seed, format, io),
        Task::Schema => write(io.out, &crate::rules::schema::json()),
        Task::Check { rules } => check_rules(rules, io),
    }
}

/// `carelevel template`: a blank answer file, to standard output or an
/// owner-only file.
fn template(
    rules: &RulesSource,
    format: TextFormat,
    output: Option<std::path::PathBuf>,
    overwrite: bool,
    respondent: Option<Respondent>,
    lang: Option<String>,
    io: &mut Io,
) -> Result<u8, Error> {
    let respondent = respondent.unwrap_or_default();
    let rules = load_for(rules, io, respondent, lang.as_deref())?;
    let text = match format {
        TextFormat::Yaml => template::yaml(&rules, respondent),
        TextFormat::Json => template::json(&rules, respondent),
    };
    match output {
        // It is about to hold health data: owner-only from the start.
        Some(path) => {
            crate::save::may_replace(&rules, &path, overwrite, "--output")?;
            crate::save::write_private(&path, text.as_bytes())?;
            Ok(exit::OK)
        }
        None => write(io.out, &text),
    }
}

/// `carelevel questions`: the question list, as JSON, YAML or a FHIR
/// Questionnaire.
fn question_list(
    rules: RulesSource,
    format: QuestionsFormat,
    respondent: Respondent,
    lang: Option<String>,
    io: &mut Io,
) -> Result<u8, Error> {
    // FHIR carries every language's texts: the built-in rules with all
    // their variants, not one baked wording.
    let rules = match (&format, &rules) {
        (QuestionsFormat::Fhir, RulesSource::Builtin) => {
            let mut rules = Rules::builtin()?;
            let lang = language(&rules, lang.as_deref(), io.err);
            word_for(&mut rules, respondent, &lang)?;
            rules
        }
        _ => load_for(&rules, io, respondent, lang.as_deref())?,
    };
    write(
        io.out,
        &match format {
            QuestionsFormat::Yaml => questions::yaml(&rules),
            QuestionsFormat::Json => questions::json(&rules),
            QuestionsFormat::Fhir => crate::fhir::questionnaire(&rules, respondent),
        },
    )
}

/// `carelevel generate`: random answer sets; a closed pipe ends it well.
fn generate(
    rules: &RulesSource,
    count: u64,
    seed: u64,
    format: crate::settings::RecordFormat,
    io: &mut Io,
) -> Result<u8, Error> {
    let rules = load_rules(rules, io.input)?;
    crate::generate::write(&rules, count, seed, format, io.out)
        .map(|()| exit::OK)
        .or_else(|source| match source.kind() {
            std::io::ErrorKind::BrokenPipe => Ok(exit::OK),
            _ => Err(Error::Output {
                what: "standard output".into(),
                source,
            }),
        })
}

/// `carelevel check`: the warnings first, on standard error, then every
/// test case and the probe.
fn check_rules(rules: RulesSource, io: &mut Io) -> Result<u8, Error> {
    // The built-in rules with their test cases, from the YAML.
    let rules = match rules {
        RulesSource::Builtin => Rules::builtin()?,
        other => load_rules(&other, io.input)?,
    };
    // Allowed but likely slips (a text not translated) go first.
    for w in crate::rules::warnings(&rules) {
        let _ = writeln!(io.err, "warning: {w}");
    }
    let result = check::run(&rules);
    write(io.out, &check::render(&rules, &result))?;
    Ok(if result.passed() {
        exit::OK
    } else {
        exit::CHECK_FAILED
    })
}

/// `carelevel man [COMMAND]`, or every page into `dir`.
fn man(command: Option<&str>, dir: Option<&std::path::Path>, io: &mut Io) -> Result<u8, Error> {
    let Some(dir) = dir else {
        let Some(page) = crate::cli::man_page(command) else {
            let name = command.unwrap_or_default();
            let commands = crate::cli::man_commands();
            return Err(Error::Usage(
                Problem::new(format!(
                    "there is no command `{}`",
                    crate::error::visible(name)
                ))
                .help(crate::suggest::help(
                    name,
                    "commands",
                    commands.iter().map(String::as_str),
                )),
            ));
        };
        return write(io.out, &page);
    };
    let pages = std::iter::once((None, "carelevel.1".to_owned())).chain(
        crate::cli::man_commands()
            .into_iter()
            .map(|c| (Some(c.clone()), format!("carelevel-{c}.1"))),
    );
    for (command, file) in pages {
        let page = crate::cli::man_page(command.as_deref()).expect("a command of the program");
        let path = dir.join(&file);
        std::fs::write(&path, page).map_err(|source| Error::Output {
            what: format!("`{}`", path.display()),
            source,
        })?;
        let _ = writeln!(io.err, "{}", path.display());
    }
    Ok(exit::OK)
}

fn compare_levels(c: Compare, io: &mut Io) -> Result<u8, Error> {
    let rules = load_for(
        &c.rules,
        io,
        c.respondent.unwrap_or_default(),
        c.lang.as_deref(),
    )?;
    let table = compare::comparison(&rules, c.levels.as_deref())?;
    write(
        io.out,
        &match c.format {
            CompareFormat::Table => compare::table(&table, c.look),
            CompareFormat::Markdown => compare::markdown(&table),
            CompareFormat::Csv => compare::csv(&table),
            CompareFormat::Json => compare::json(&table),
        },
    )
}

/// Write a result to standard output.
fn write(out: &mut dyn Write, text: &str) -> Result<u8, Error> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(exit::OK),
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(exit::OK),
        Err(source) => Err(Error::Output {
            what: "standard output".into(),
            source,
        }),
    }
}

/// Load the chosen rules, worded for `respondent` in the language `lang`
/// asks for (a warning on standard error when they do not offer it).
fn load_for(
    source: &RulesSource,
    io: &mut Io,
    respondent: Respondent,
    lang: Option<&str>,
) -> Result<Rules, Error> {
    let mut rules = load_rules(source, io.input)?;
    let lang = language(&rules, lang, io.err);
    word_for(&mut rules, respondent, &lang)?;
    Ok(rules)
}

/// The language the rules will speak: the one asked for when they offer
/// it, else their default one, said once on `err`.
pub(super) fn language(rules: &Rules, asked: Option<&str>, err: &mut dyn Write) -> String {
    let (lang, warning) = crate::lang::choose(asked, &rules.file.offered_languages());
    if let Some(w) = warning {
        let _ = writeln!(err, "warning: {w}");
    }
    lang
}

/// Choose every text's wording for `respondent` in `lang` (a language the
/// rules offer), if the rules offer that respondent.
pub(super) fn word_for(rules: &mut Rules, respondent: Respondent, lang: &str) -> Result<(), Error> {
    if !rules.file.respondents.contains(&respondent) {
        return Err(Error::Usage(
            Problem::new(format!(
                "the rules `{}` have no wording for someone answering about the person",
                rules.file.id
            ))
            .help("answer as the person, without `--about-someone`, or use rules that offer `respondents: [self, other]`"),
        ));
    }
    let v = Variant {
        respondent,
        lang: Some(lang.to_owned()),
    };
    match &rules.worded_for {
        // Baked rules keep one wording: the others are baked apart.
        Some(worded) if *worded == v => {}
        Some(_) => *rules = crate::builtin::rules_for(&v),
        None => {
            rules.file.select(&v);
            rules.lang = lang.to_owned();
        }
    }
    Ok(())
}

/// Load the chosen rules.
pub fn load_rules(source: &RulesSource, stdin: &mut dyn BufRead) -> Result<Rules, Error> {
    let input = match source {
        RulesSource::Builtin => return Ok(crate::builtin::rules()),
        RulesSource::File(path) => Input::File(path.clone()),
        RulesSource::Stdin => Input::Stdin,
    };
    let (name, text) = read_input(&input, stdin)?;
    Rules::parse(&name, &text)
}

/// Say once on `err` when rules given by the user fail their own test
/// cases: their results may not be what the clinic meant. The built-in
/// rules are checked when they are built.
pub(super) fn warn_if_cases_fail(rules: &Rules, source: &RulesSource, err: &mut dyn Write) {
    let name = match source {
        RulesSource::Builtin => return,
        RulesSource::File(path) => path.display().to_string(),
        RulesSource::Stdin => "-".to_owned(),
    };
    let (failing, cases) = check::failing_cases(rules);
    if failing == 0 {
        return;
    }
    let which = if cases == 1 {
        "the one test case".to_owned()
    } else {
        format!("{failing} of the {cases} test cases")
    };
    let how = match source {
        RulesSource::Stdin => "`carelevel check` on the same file shows which".to_owned(),
        _ => format!(
            "`carelevel check {}` shows which",
            crate::resume::shell_word(&name)
        ),
    };
    let verb = if failing == 1 { "fails" } else { "fail" };
    let _ = writeln!(
        err,
        "warning: {which} in the rules `{}` ({}) {verb}; {how}",
        rules.file.id,
        if name == "-" { "<stdin>" } else { &name }
    );
}

#[cfg(test)]
mod tests;
