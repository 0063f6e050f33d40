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
        } => {
            let rules = load_for(&rules, io.input, respondent.unwrap_or_default())?;
            let text = match format {
                TextFormat::Yaml => template::yaml(&rules, respondent.unwrap_or_default()),
                TextFormat::Json => template::json(&rules, respondent.unwrap_or_default()),
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
        Task::Questions {
            rules,
            format,
            respondent,
        } => {
            let rules = load_for(&rules, io.input, respondent.unwrap_or_default())?;
            write(
                io.out,
                &match format {
                    QuestionsFormat::Yaml => questions::yaml(&rules),
                    QuestionsFormat::Json => questions::json(&rules),
                    QuestionsFormat::Fhir => crate::fhir::questionnaire(&rules),
                },
            )
        }
        Task::Compare(c) => compare_levels(c, io),
        Task::Batch(b) => batch::batch(b, io),
        Task::Completions { shell } => write(io.out, &crate::cli::completion_script(shell)),
        Task::Man => write(io.out, &crate::cli::man_page()),
        Task::Schema => write(io.out, &crate::rules::schema::json()),
        Task::Check { rules } => {
            // The built-in rules with their test cases, from the YAML.
            let rules = match rules {
                RulesSource::Builtin => Rules::builtin()?,
                other => load_rules(&other, io.input)?,
            };
            let result = check::run(&rules);
            write(io.out, &check::render(&rules, &result))?;
            Ok(if result.passed() {
                exit::OK
            } else {
                exit::CHECK_FAILED
            })
        }
    }
}

fn compare_levels(c: Compare, io: &mut Io) -> Result<u8, Error> {
    let rules = load_for(&c.rules, io.input, c.respondent.unwrap_or_default())?;
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

/// Load the chosen rules, worded for `respondent`.
fn load_for(
    source: &RulesSource,
    stdin: &mut dyn BufRead,
    respondent: Respondent,
) -> Result<Rules, Error> {
    let mut rules = load_rules(source, stdin)?;
    word_for(&mut rules, respondent)?;
    Ok(rules)
}

/// Choose every text's wording for `respondent`, if the rules offer it.
pub(super) fn word_for(rules: &mut Rules, respondent: Respondent) -> Result<(), Error> {
    if !rules.file.respondents.contains(&respondent) {
        return Err(Error::Usage(
            Problem::new(format!(
                "the rules `{}` have no wording for someone answering about the person",
                rules.file.id
            ))
            .help("answer as the person, without `--about-someone`, or use rules that offer `respondents: [self, other]`"),
        ));
    }
    match rules.worded_for {
        // Baked rules keep one wording: the other is baked apart.
        Some(worded) if worded == respondent => {}
        Some(_) => *rules = crate::builtin::rules_for(respondent),
        None => rules.file.select(&Variant {
            respondent,
            lang: None,
        }),
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

#[cfg(test)]
mod tests;
