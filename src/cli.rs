//! Command-line arguments (clap types only). [`Cli::into_task`] turns them
//! into plain [`Task`] settings; nothing else sees clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::compare::MIN_WIDTH;
use crate::rules::model::Respondent;
use crate::settings::{
    Batch, BatchFormat, Compare, CompareFormat, Input, Look, QuestionsFormat, RecordFormat,
    ReportFormat, RulesSource, SaveFormat, Screen, Shell, SummaryFormat, Task, TextFormat,
};

/// Screen for a mental-health level of care (outpatient, intensive outpatient
/// or inpatient) against a YAML rule file, and explain the recommendation.
///
/// A screening aid, not a diagnosis: a licensed professional decides.
/// If you are in danger now, call or text 988 (US) or call 911.
#[derive(Debug, Parser)]
#[command(name = "carelevel", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of the texts, e.g. `es` (when the rule file offers it); without it, the
    /// locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`), else the rule file's default
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score answers and recommend a level of care, with the reasons
    ///
    /// Without `--answers`, in a terminal, this starts the guided questionnaire: one question
    /// at a time, with help, going back and a review, then a short result with the full
    /// report one choice away. With `--answers FILE` it scores the file straight away (the
    /// guided questionnaire asks only what the file leaves unanswered).
    ///
    /// To save the answers as you go and resume later, use one command both times:
    /// `carelevel screen --save FILE`.
    Screen {
        #[command(flatten)]
        rules: RulesArg,
        /// Answer file (YAML or JSON); `-` reads standard input
        #[arg(long, short, value_name = "FILE")]
        answers: Option<PathBuf>,
        /// Output format
        #[arg(long, short, value_enum, ignore_case = true, default_value_t = ScreenFormat::Text)]
        format: ScreenFormat,
        /// Save the answers to FILE after every answer (owner-only, 0600). If FILE already
        /// holds answers, go on from them: run the same command again to resume
        #[arg(long, value_name = "FILE")]
        save: Option<PathBuf>,
        /// What `--save` writes: an answer file, or a FHIR QuestionnaireResponse (`fhir`,
        /// for a FILE named `*.json`); either is read back to resume
        #[arg(long, value_enum, ignore_case = true, value_name = "FORMAT", requires = "save", default_value_t = SaveFormatArg::Answers)]
        save_format: SaveFormatArg,
        /// Write the result to FILE (owner-only, 0600, replaced atomically) instead of
        /// standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Start afresh over the answers in the `--save` file instead of resuming, or
        /// replace an existing file named by `--output` (a file of answers never)
        #[arg(long)]
        overwrite: bool,
        /// Plain line-by-line questions (numbered options, typed answers, no cursor movement
        /// or color), read from standard input
        #[arg(long)]
        plain: bool,
        /// Add the levels of care side by side, the recommended one marked
        #[arg(long)]
        compare: bool,
        /// Add a section for clinicians to the text or Markdown report: ids, codes,
        /// ratings and the rules that fired
        #[arg(long)]
        details: bool,
        /// Record a clinician's decision for another level (a level id, e.g. `inpatient`),
        /// with `--reason`; the recommendation and its reasons stay as they are
        #[arg(long = "override", value_name = "LEVEL", requires = "reason")]
        override_level: Option<String>,
        /// Why the clinician chose the `--override` level
        #[arg(long, value_name = "TEXT", requires = "override_level")]
        reason: Option<String>,
        /// Record when the result was made (UTC); without it, the same answers give the
        /// same output, byte for byte
        #[arg(long)]
        timestamp: bool,
        #[command(flatten)]
        who: RespondentArg,
        #[command(flatten)]
        table: TableArgs,
    },
    /// Show the levels of care side by side
    Compare {
        #[command(flatten)]
        rules: RulesArg,
        /// Only these levels (ids, comma-separated), e.g. `outpatient,iop`
        #[arg(long, short, value_name = "IDS", value_delimiter = ',')]
        levels: Option<Vec<String>>,
        /// Output format
        #[arg(long, short, value_enum, ignore_case = true, default_value_t = CompareOutput::Table)]
        format: CompareOutput,
        #[command(flatten)]
        who: RespondentArg,
        #[command(flatten)]
        table: TableArgs,
    },
    /// Print a blank answer file with every question and its allowed answers
    Template {
        #[command(flatten)]
        rules: RulesArg,
        /// Output format (YAML has the allowed answers as comments)
        #[arg(long, short, value_enum, ignore_case = true, default_value_t = DataFormat::Yaml)]
        format: DataFormat,
        /// Write the blank file to FILE (owner-only, 0600: it will hold health data)
        /// instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it already exists (never needed for a new file)
        #[arg(long)]
        overwrite: bool,
        #[command(flatten)]
        who: RespondentArg,
    },
    /// Print the questions, in asking order, for other programs
    Questions {
        #[command(flatten)]
        rules: RulesArg,
        /// Output format (`fhir`: an HL7 FHIR R4 Questionnaire)
        #[arg(long, short, value_enum, ignore_case = true, default_value_t = QuestionsArg::Json)]
        format: QuestionsArg,
        #[command(flatten)]
        who: RespondentArg,
    },
    /// Validate a rule file and run its test cases (the built-in rules when no file is given)
    ///
    /// To start a clinic's own rules from the built-in ones: `carelevel rules > clinic.yaml`,
    /// edit the copy, then `carelevel check clinic.yaml` and `carelevel screen --rules
    /// clinic.yaml`.
    Check {
        /// The rule file to check; `-` reads standard input
        #[arg(value_name = "RULES_FILE")]
        rules: Option<PathBuf>,
    },
    /// Print the built-in rule file (YAML, with its comments and test cases): the starting
    /// copy of a clinic's own rules
    ///
    /// `carelevel rules > clinic.yaml` writes it; `carelevel schema > schema.json` beside it
    /// lets editors check the copy as you type.
    Rules,
    /// Write realistic random answer sets, for trying `batch`, demonstrations and training
    ///
    /// Each set answers the questions its own answers make apply, as the guided questionnaire
    /// would: most mildly, some severely (crisis answers among them), a few declining or at
    /// the ends of a number's range. The same seed gives the same sets. They are invented,
    /// not anyone's health data.
    Generate {
        #[command(flatten)]
        rules: RulesArg,
        /// How many answer sets
        #[arg(long, short = 'n', value_name = "N", default_value_t = 1000)]
        count: u64,
        /// Seed of the random numbers (the same seed gives the same sets)
        #[arg(long, value_name = "N", default_value_t = 1)]
        seed: u64,
        /// Output format: JSON Lines (one answer file per line) or CSV (a header row)
        #[arg(long, short, value_enum, ignore_case = true, default_value_t = RecordsFormat::Jsonl)]
        format: RecordsFormat,
    },
    /// Score many records at once: JSON Lines or CSV in, one result per record out
    ///
    /// Each JSON line is an answer file as `screen --answers` reads it
    /// (`{"id": ..., "answers": {...}}`); a CSV file has a header row with an optional `id`
    /// column and one column per question id (an empty cell is not answered, several codes
    /// are separated by `;`). Results come out in input order. A record that cannot be scored
    /// becomes an error record and the run goes on; the exit code is then 65.
    ///
    /// With `--baseline OLD.yaml`, every record is also scored under the old rules, to show
    /// what a rule change does to the people already screened.
    Batch {
        #[command(flatten)]
        rules: RulesArg,
        /// The records: a file, or `-` for standard input
        #[arg(value_name = "INPUT")]
        input: PathBuf,
        /// The input's format [default: from the file name (`.csv` is CSV), else jsonl]
        #[arg(long, short, value_enum, ignore_case = true, value_name = "FORMAT")]
        input_format: Option<RecordsFormat>,
        /// Output format
        #[arg(long, short, value_enum, ignore_case = true, default_value_t = BatchOutput::Jsonl)]
        format: BatchOutput,
        /// Each record's whole `screen --format json` result, on one line (JSON Lines only)
        #[arg(long)]
        full: bool,
        /// Write the records to FILE (owner-only, 0600, replaced only when complete) instead
        /// of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace an existing file named by `--output` (never a file of answers)
        #[arg(long)]
        overwrite: bool,
        /// Stop at the first record that cannot be scored (after writing its error record)
        #[arg(long)]
        fail_fast: bool,
        /// Also score every record under these older rules: adds `baseline_level` to each
        /// record and the old → new table to the summary
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// With `--baseline`: write only the records whose level or crisis flag changed (and
        /// records that cannot be scored)
        #[arg(long, requires = "baseline")]
        changed_only: bool,
        /// The summary at the end: words on standard error, one JSON object on standard
        /// output after the records, or none
        #[arg(long, value_enum, ignore_case = true, value_name = "HOW", default_value_t = SummaryArg::Text)]
        summary: SummaryArg,
        /// Worker threads [default: one per core]
        #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
        threads: Option<u16>,
        /// Progress bar and bar chart on standard error: `auto` when it is a terminal
        #[arg(long, value_enum, ignore_case = true, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
        progress: ColorChoice,
    },
    /// Print a shell completion script (docs/install.md says where to put it)
    ///
    /// For bash: `carelevel completions bash > ~/.local/share/bash-completion/completions/carelevel`
    Completions {
        /// The shell
        #[arg(value_enum, ignore_case = true)]
        shell: ShellArg,
    },
    /// Print a manual page (roff): the program's, or a command's, e.g. `carelevel man screen
    /// | man -l -`
    Man {
        /// The command whose page to print (the program's own page when left out)
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
        /// Write every page (carelevel.1, carelevel-screen.1, ...) into this folder instead
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        dir: Option<PathBuf>,
    },
    /// Print the JSON Schema of rule files (the same as `rules/schema.json`), for editors
    Schema,
}

/// The completion script for `shell`.
pub fn completion_script(shell: Shell) -> String {
    use clap::CommandFactory;
    use clap_complete::Shell as S;
    let shell = match shell {
        Shell::Bash => S::Bash,
        Shell::Zsh => S::Zsh,
        Shell::Fish => S::Fish,
        Shell::PowerShell => S::PowerShell,
        Shell::Elvish => S::Elvish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "carelevel", &mut out);
    String::from_utf8(out).expect("completion scripts are text")
}

/// The names of the commands that have a manual page of their own.
pub fn man_commands() -> Vec<String> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .filter(|n| n != "help")
        .collect()
}

/// The manual page of the program (`None`) or of one of its commands, in
/// roff; `None` for a command that does not exist.
pub fn man_page(command: Option<&str>) -> Option<String> {
    use clap::CommandFactory;
    let mut top = Cli::command().disable_help_subcommand(true);
    top.build();
    let page = match command {
        None => top,
        Some(name) => {
            let sub = top.find_subcommand(name)?.clone();
            sub.display_name(format!("carelevel-{name}"))
                .bin_name(format!("carelevel {name}"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .expect("writing to memory cannot fail");
    Some(code_as_bold(
        &String::from_utf8(out).expect("a manual page is text"),
    ))
}

/// `code` in help texts, as roff draws code: in bold, without the backticks.
fn code_as_bold(roff: &str) -> String {
    roff.lines()
        .map(|line| {
            let ticks = line.matches('`').count();
            if line.starts_with('.') || ticks < 2 || ticks % 2 != 0 {
                return line.to_owned();
            }
            let mut out = String::with_capacity(line.len() + 16);
            let mut open = false;
            for part in line.split('`') {
                out.push_str(part);
                out.push_str(if open { "\\fR" } else { "\\fB" });
                open = !open;
            }
            // The split adds one marker too many at the end.
            let end = if open { "\\fB" } else { "\\fR" };
            out.truncate(out.len() - end.len());
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// A shell with completions.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
    #[value(name = "powershell")]
    PowerShell,
    Elvish,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum BatchOutput {
    /// JSON Lines: one result per line
    Jsonl,
    /// CSV with a header row
    Csv,
    /// FHIR R4 NDJSON: one Bundle per line (an Observation and the QuestionnaireResponse), an
    /// OperationOutcome for a record that cannot be scored
    Fhir,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RecordsFormat {
    /// JSON Lines: one object per line
    Jsonl,
    /// CSV with a header row
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SummaryArg {
    /// Words on standard error
    Text,
    /// One JSON object on standard output, after the records
    Json,
    /// No summary
    None,
}

fn records(f: RecordsFormat) -> RecordFormat {
    match f {
        RecordsFormat::Jsonl => RecordFormat::Jsonl,
        RecordsFormat::Csv => RecordFormat::Csv,
    }
}

#[derive(Debug, clap::Args)]
pub struct RulesArg {
    /// Rule file to use instead of the built-in rules; `-` reads standard input
    #[arg(long, short, value_name = "FILE")]
    rules: Option<PathBuf>,
}

/// Who answers.
#[derive(Debug, clap::Args)]
pub struct RespondentArg {
    /// Answer about someone else (a relative, a client): questions and reports speak of
    /// "the person" (the rule file must offer it: `respondents: [self, other]`)
    #[arg(long)]
    about_someone: bool,
}

impl RespondentArg {
    fn respondent(&self) -> Option<Respondent> {
        self.about_someone.then_some(Respondent::Other)
    }
}

/// How the comparison table is drawn.
#[derive(Debug, clap::Args)]
pub struct TableArgs {
    /// Width in columns, at least 20: the comparison table's (a list instead when too narrow)
    /// and, for `screen`, the text report's, up to 80
    /// [default: `COLUMNS`, else the terminal's width, else 80]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(MIN_WIDTH as i64..))]
    width: Option<u16>,
    /// ASCII borders instead of box-drawing characters
    #[arg(long)]
    ascii: bool,
    /// When to use color (the table, the crisis message, the prompts): `auto` on a
    /// terminal only; never when `NO_COLOR` is set
    #[arg(long, value_enum, ignore_case = true, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CompareOutput {
    /// A table drawn for the terminal
    Table,
    /// A Markdown table, for documents
    Markdown,
    /// CSV: a row per attribute, a column per level id
    Csv,
    /// One JSON object: `attributes` and `levels` with their `compare` values
    Json,
}

/// What the table settings depend on outside the arguments; read by `main`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terminal {
    /// Standard output is a terminal.
    pub stdout_tty: bool,
    /// Standard error is a terminal (where the questions are asked).
    pub stderr_tty: bool,
    /// The `COLUMNS` environment variable, if set.
    pub columns_env: Option<String>,
    /// The terminal's width, if standard output is one.
    pub width: Option<u16>,
    /// `NO_COLOR` is set to a non-empty value.
    pub no_color: bool,
    /// The language the locale asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub lang: Option<String>,
}

impl TableArgs {
    /// Whether to color a stream that is (or is not) a terminal.
    fn color(&self, term: &Terminal, tty: bool) -> bool {
        // `NO_COLOR` wins even over `--color always`.
        !term.no_color
            && match self.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => tty,
            }
    }

    fn look(&self, term: &Terminal) -> Look {
        let width = self
            .width
            .map(usize::from)
            .or_else(|| {
                term.columns_env
                    .as_deref()
                    .and_then(|c| c.trim().parse::<usize>().ok())
                    .filter(|&c| c > 0)
            })
            .or(term.width.map(usize::from))
            .unwrap_or(80)
            .max(MIN_WIDTH);
        Look {
            width,
            ascii: self.ascii,
            color: self.color(term, term.stdout_tty),
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ScreenFormat {
    Text,
    Json,
    Yaml,
    Markdown,
    /// An HL7 FHIR R4 Bundle: the result as an Observation, and the QuestionnaireResponse
    Fhir,
}

/// How `--save` writes the answers.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SaveFormatArg {
    /// carelevel's answer file (YAML, or JSON for a `.json` name)
    Answers,
    /// An HL7 FHIR R4 QuestionnaireResponse (the file name must end in `.json`)
    Fhir,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum QuestionsArg {
    Json,
    Yaml,
    /// An HL7 FHIR R4 Questionnaire
    Fhir,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DataFormat {
    Yaml,
    Json,
}

fn rules(path: Option<PathBuf>) -> RulesSource {
    match path {
        None => RulesSource::Builtin,
        Some(p) if p.as_os_str() == "-" => RulesSource::Stdin,
        Some(p) => RulesSource::File(p),
    }
}

fn data(f: DataFormat) -> TextFormat {
    match f {
        DataFormat::Yaml => TextFormat::Yaml,
        DataFormat::Json => TextFormat::Json,
    }
}

impl Cli {
    /// The plain settings for the engine-facing code; `term` fills in what
    /// the arguments leave to the environment.
    pub fn into_task(self, term: &Terminal) -> Task {
        let lang = self.lang.or_else(|| term.lang.clone());
        match self.command {
            Command::Screen {
                rules: r,
                answers,
                format,
                save,
                save_format,
                output,
                overwrite,
                plain,
                compare,
                details,
                override_level,
                reason,
                timestamp,
                who,
                table,
            } => Task::Screen(Screen {
                rules: rules(r.rules),
                answers: answers.map(|p| {
                    if p.as_os_str() == "-" {
                        Input::Stdin
                    } else {
                        Input::File(p)
                    }
                }),
                format: match format {
                    ScreenFormat::Text => ReportFormat::Text,
                    ScreenFormat::Json => ReportFormat::Json,
                    ScreenFormat::Yaml => ReportFormat::Yaml,
                    ScreenFormat::Markdown => ReportFormat::Markdown,
                    ScreenFormat::Fhir => ReportFormat::Fhir,
                },
                save,
                save_format: match save_format {
                    SaveFormatArg::Answers => SaveFormat::Answers,
                    SaveFormatArg::Fhir => SaveFormat::Fhir,
                },
                output,
                overwrite,
                plain,
                compare,
                details,
                respondent: who.respondent(),
                look: table.look(term),
                prompt_color: !plain && table.color(term, term.stderr_tty),
                decision: override_level.zip(reason),
                timestamp,
                lang,
            }),
            Command::Compare {
                rules: r,
                levels,
                format,
                who,
                table,
            } => Task::Compare(Compare {
                rules: rules(r.rules),
                lang,
                respondent: who.respondent(),
                levels: levels.map(|l| {
                    l.iter()
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect()
                }),
                format: match format {
                    CompareOutput::Table => CompareFormat::Table,
                    CompareOutput::Markdown => CompareFormat::Markdown,
                    CompareOutput::Csv => CompareFormat::Csv,
                    CompareOutput::Json => CompareFormat::Json,
                },
                look: table.look(term),
            }),
            Command::Template {
                rules: r,
                format,
                output,
                overwrite,
                who,
            } => Task::Template {
                rules: rules(r.rules),
                format: data(format),
                output,
                overwrite,
                respondent: who.respondent(),
                lang,
            },
            Command::Questions {
                rules: r,
                format,
                who,
            } => Task::Questions {
                rules: rules(r.rules),
                format: match format {
                    QuestionsArg::Json => QuestionsFormat::Json,
                    QuestionsArg::Yaml => QuestionsFormat::Yaml,
                    QuestionsArg::Fhir => QuestionsFormat::Fhir,
                },
                respondent: who.respondent(),
                lang,
            },
            Command::Check { rules: r } => Task::Check { rules: rules(r) },
            Command::Batch {
                rules: r,
                input,
                input_format,
                format,
                full,
                output,
                overwrite,
                fail_fast,
                baseline,
                changed_only,
                summary,
                threads,
                progress,
            } => {
                let to_file = output.is_some();
                Task::Batch(Batch {
                    rules: rules(r.rules),
                    lang,
                    baseline: baseline.map(|p| rules(Some(p))),
                    input: if input.as_os_str() == "-" {
                        Input::Stdin
                    } else {
                        Input::File(input)
                    },
                    input_format: input_format.map(records),
                    format: match format {
                        BatchOutput::Jsonl => BatchFormat::Jsonl,
                        BatchOutput::Csv => BatchFormat::Csv,
                        BatchOutput::Fhir => BatchFormat::Fhir,
                    },
                    full,
                    output,
                    overwrite,
                    fail_fast,
                    changed_only,
                    summary: match summary {
                        SummaryArg::Text => SummaryFormat::Text,
                        SummaryArg::Json => SummaryFormat::Json,
                        SummaryArg::None => SummaryFormat::None,
                    },
                    threads: threads.map(usize::from),
                    // On a terminal, unless the records or the summary share it
                    // (a bar redrawn between lines of output leaves pieces of
                    // itself behind), or nothing is to be said at all.
                    progress: match progress {
                        ColorChoice::Always => true,
                        ColorChoice::Never => false,
                        ColorChoice::Auto => {
                            term.stderr_tty
                                && (to_file || !term.stdout_tty)
                                && !matches!(summary, SummaryArg::None)
                        }
                    },
                    chart: match progress {
                        ColorChoice::Never => false,
                        ColorChoice::Always => true,
                        ColorChoice::Auto => term.stderr_tty,
                    },
                })
            }
            Command::Completions { shell } => Task::Completions {
                shell: match shell {
                    ShellArg::Bash => Shell::Bash,
                    ShellArg::Zsh => Shell::Zsh,
                    ShellArg::Fish => Shell::Fish,
                    ShellArg::PowerShell => Shell::PowerShell,
                    ShellArg::Elvish => Shell::Elvish,
                },
            },
            Command::Man { command, dir } => Task::Man { command, dir },
            Command::Rules => Task::Rules,
            Command::Generate {
                rules: r,
                count,
                seed,
                format,
            } => Task::Generate {
                rules: rules(r.rules),
                count,
                seed,
                format: records(format),
            },
            Command::Schema => Task::Schema,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    fn look(args: &[&str], term: &Terminal) -> Look {
        let argv = ["carelevel", "compare"].iter().chain(args);
        match Cli::parse_from(argv).into_task(term) {
            Task::Compare(c) => c.look,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn table_width_comes_from_the_flag_then_columns_then_the_terminal() {
        let tty = Terminal {
            stdout_tty: true,
            width: Some(120),
            ..Terminal::default()
        };
        assert_eq!(look(&[], &tty).width, 120);
        assert_eq!(look(&[], &Terminal::default()).width, 80, "not a terminal");
        let columns = Terminal {
            columns_env: Some("64".into()),
            ..tty.clone()
        };
        assert_eq!(look(&[], &columns).width, 64);
        assert_eq!(look(&["--width", "100"], &columns).width, 100);
        let junk = Terminal {
            columns_env: Some("wide".into()),
            ..Terminal::default()
        };
        assert_eq!(
            look(&[], &junk).width,
            80,
            "an unreadable COLUMNS is ignored"
        );
    }

    #[test]
    fn colour_only_on_a_terminal_and_never_with_no_color() {
        let tty = Terminal {
            stdout_tty: true,
            ..Terminal::default()
        };
        let no_color = Terminal {
            no_color: true,
            ..tty.clone()
        };
        assert!(look(&[], &tty).color);
        assert!(!look(&[], &Terminal::default()).color);
        assert!(!look(&["--color", "never"], &tty).color);
        assert!(look(&["--color", "always"], &Terminal::default()).color);
        assert!(!look(&[], &no_color).color);
        assert!(!look(&["--color", "always"], &no_color).color);
    }

    #[test]
    fn formats_are_accepted_in_any_case() {
        let cli = Cli::parse_from(["carelevel", "screen", "--format", "JSON"]);
        match cli.into_task(&Terminal::default()) {
            Task::Screen(s) => assert_eq!(s.format, ReportFormat::Json),
            other => panic!("{other:?}"),
        }
        assert!(Cli::try_parse_from(["carelevel", "compare", "-f", "Markdown"]).is_ok());
    }

    #[test]
    fn the_screen_help_says_how_the_guided_questionnaire_starts_and_resumes() {
        let help = Cli::command()
            .find_subcommand_mut("screen")
            .unwrap()
            .render_long_help()
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(help.contains("starts the guided questionnaire"), "{help}");
        assert!(help.contains("carelevel screen --save FILE"), "{help}");
    }

    #[test]
    fn dash_means_stdin() {
        let cli = Cli::parse_from(["carelevel", "screen", "--answers", "-"]);
        match cli.into_task(&Terminal::default()) {
            Task::Screen(s) => assert_eq!(s.answers, Some(Input::Stdin)),
            other => panic!("{other:?}"),
        }
    }
}
