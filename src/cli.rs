//! Command-line arguments (clap types only). [`Cli::into_task`] turns them
//! into plain [`Task`] settings; nothing else sees clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::compare::MIN_WIDTH;
use crate::settings::{
    Compare, CompareFormat, Input, Look, ReportFormat, RulesSource, Screen, Task, TextFormat,
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
        /// Add the levels of care side by side, the recommended one marked
        #[arg(long)]
        compare: bool,
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
        #[arg(long, short, value_enum, default_value_t = CompareOutput::Table)]
        format: CompareOutput,
        #[command(flatten)]
        table: TableArgs,
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
        /// The rule file to check; `-` reads standard input
        #[arg(value_name = "RULES_FILE")]
        rules: Option<PathBuf>,
    },
}

#[derive(Debug, clap::Args)]
pub struct RulesArg {
    /// Rule file to use instead of the built-in rules; `-` reads standard input
    #[arg(long, short, value_name = "FILE")]
    rules: Option<PathBuf>,
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
    /// When to colour the table: `auto` on a terminal only; never when `NO_COLOR` is set
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
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
    /// The `COLUMNS` environment variable, if set.
    pub columns_env: Option<String>,
    /// The terminal's width, if standard output is one.
    pub width: Option<u16>,
    /// `NO_COLOR` is set to a non-empty value.
    pub no_color: bool,
}

impl TableArgs {
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
        // `NO_COLOR` wins even over `--color always`.
        let color = !term.no_color
            && match self.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => term.stdout_tty,
            };
        Look {
            width,
            ascii: self.ascii,
            color,
        }
    }
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
        match self.command {
            Command::Screen {
                rules: r,
                answers,
                format,
                save,
                plain,
                compare,
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
                },
                save,
                plain,
                compare,
                look: table.look(term),
            }),
            Command::Compare {
                rules: r,
                levels,
                format,
                table,
            } => Task::Compare(Compare {
                rules: rules(r.rules),
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
    fn dash_means_stdin() {
        let cli = Cli::parse_from(["carelevel", "screen", "--answers", "-"]);
        match cli.into_task(&Terminal::default()) {
            Task::Screen(s) => assert_eq!(s.answers, Some(Input::Stdin)),
            other => panic!("{other:?}"),
        }
    }
}
