//! Command-line arguments (clap types only). [`Cli::into_task`] turns them
//! into plain [`Task`] settings; nothing else sees clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::settings::{Input, ReportFormat, RulesSource, Screen, Task, TextFormat};

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
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score answers and recommend a level of care, with the reasons
    Screen {
        #[command(flatten)]
        rules: RulesArg,
        /// Answer file (YAML or JSON); `-` reads standard input
        #[arg(long, short, value_name = "FILE")]
        answers: Option<PathBuf>,
        /// Output format
        #[arg(long, short, value_enum, default_value_t = ScreenFormat::Text)]
        format: ScreenFormat,
        /// Save the answers to FILE after every answer (owner-only, 0600); resume with `--answers FILE`
        #[arg(long, value_name = "FILE")]
        save: Option<PathBuf>,
        /// Plain line-by-line questions (numbered options, typed answers, no cursor movement
        /// or colour), read from standard input
        #[arg(long)]
        plain: bool,
    },
    /// Print a blank answer file with every question and its allowed answers
    Template {
        #[command(flatten)]
        rules: RulesArg,
        /// Output format (YAML has the allowed answers as comments)
        #[arg(long, short, value_enum, default_value_t = DataFormat::Yaml)]
        format: DataFormat,
    },
    /// Print the questions, in asking order, for other programs
    Questions {
        #[command(flatten)]
        rules: RulesArg,
        /// Output format
        #[arg(long, short, value_enum, default_value_t = DataFormat::Json)]
        format: DataFormat,
    },
    /// Validate a rule file and run its test cases (the built-in rules when no file is given)
    Check {
        /// The rule file to check
        #[arg(value_name = "RULES_FILE")]
        rules: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct RulesArg {
    /// Rule file to use instead of the built-in rules
    #[arg(long, short, value_name = "FILE")]
    rules: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ScreenFormat {
    Text,
    Json,
    Yaml,
    Markdown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DataFormat {
    Yaml,
    Json,
}

fn rules(path: Option<PathBuf>) -> RulesSource {
    path.map_or(RulesSource::Builtin, RulesSource::File)
}

fn data(f: DataFormat) -> TextFormat {
    match f {
        DataFormat::Yaml => TextFormat::Yaml,
        DataFormat::Json => TextFormat::Json,
    }
}

impl Cli {
    /// The plain settings for the engine-facing code.
    pub fn into_task(self) -> Task {
        match self.command {
            Command::Screen {
                rules: r,
                answers,
                format,
                save,
                plain,
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
                },
                save,
                plain,
            }),
            Command::Template { rules: r, format } => Task::Template {
                rules: rules(r.rules),
                format: data(format),
            },
            Command::Questions { rules: r, format } => Task::Questions {
                rules: rules(r.rules),
                format: data(format),
            },
            Command::Check { rules: r } => Task::Check { rules: rules(r) },
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

    #[test]
    fn dash_means_stdin() {
        let cli = Cli::parse_from(["carelevel", "screen", "--answers", "-"]);
        match cli.into_task() {
            Task::Screen(s) => assert_eq!(s.answers, Some(Input::Stdin)),
            other => panic!("{other:?}"),
        }
    }
}
