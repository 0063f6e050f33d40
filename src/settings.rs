//! Plain settings for each command, independent of how they were given.

use std::path::PathBuf;

pub use crate::report::compare::Look;
pub use crate::rules::model::Respondent;

/// Where the rules come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulesSource {
    /// `rules/default.yaml`, compiled in.
    Builtin,
    File(PathBuf),
    /// `-`: read from standard input.
    Stdin,
}

/// An input file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Json,
    Yaml,
    Markdown,
    /// An HL7 FHIR R4 `Bundle`: an `Observation` and the `QuestionnaireResponse`.
    Fhir,
}

/// What `--save` writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SaveFormat {
    /// carelevel's answer file: YAML, or JSON for a `.json` name.
    #[default]
    Answers,
    /// An HL7 FHIR R4 `QuestionnaireResponse` (JSON).
    Fhir,
}

/// How `questions` writes the question list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionsFormat {
    Json,
    Yaml,
    /// An HL7 FHIR R4 `Questionnaire`.
    Fhir,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    Yaml,
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub rules: RulesSource,
    pub answers: Option<Input>,
    pub format: ReportFormat,
    /// Save the answers here after every answer (guided mode) or once
    /// (scripted). An answer file already there is resumed from.
    pub save: Option<PathBuf>,
    /// What `save` holds.
    pub save_format: SaveFormat,
    /// Write the result here (owner-only, atomically) instead of standard output.
    pub output: Option<PathBuf>,
    /// Replace what `save` or `output` hold instead of resuming or refusing.
    pub overwrite: bool,
    /// Line-by-line prompts on standard input instead of the full-screen ones.
    pub plain: bool,
    /// Add the comparison of the levels to the result.
    pub compare: bool,
    /// Add the section for clinicians (ids, codes, ratings) to text and Markdown.
    pub details: bool,
    /// Who answers, when the command line says (`--about-someone`).
    pub respondent: Option<Respondent>,
    /// How the text report and the comparison table look on standard output.
    pub look: Look,
    /// Color in the prompts on standard error.
    pub prompt_color: bool,
    /// A clinician's decision: (level id, reason).
    pub decision: Option<(String, String)>,
    /// Record when the result was made.
    pub timestamp: bool,
    /// The language asked for (`--lang` or the locale), if any.
    pub lang: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareFormat {
    Table,
    Markdown,
    Csv,
    Json,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compare {
    pub rules: RulesSource,
    /// The language asked for (`--lang` or the locale), if any.
    pub lang: Option<String>,
    /// Level ids to show; all when `None`.
    pub levels: Option<Vec<String>>,
    /// Word the levels for someone answering about the person.
    pub respondent: Option<Respondent>,
    pub format: CompareFormat,
    pub look: Look,
}

/// One command to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Task {
    Screen(Screen),
    Template {
        rules: RulesSource,
        format: TextFormat,
        /// Write here (owner-only) instead of standard output.
        output: Option<PathBuf>,
        overwrite: bool,
        respondent: Option<Respondent>,
        lang: Option<String>,
    },
    Questions {
        rules: RulesSource,
        format: QuestionsFormat,
        respondent: Option<Respondent>,
        lang: Option<String>,
    },
    Check {
        rules: RulesSource,
    },
    Compare(Compare),
    Batch(Batch),
    /// Print a shell completion script.
    Completions {
        shell: Shell,
    },
    /// Print a manual page (roff): the program's, or a command's; or write
    /// them all into a folder.
    Man {
        command: Option<String>,
        dir: Option<PathBuf>,
    },
    /// Print the built-in rule file.
    Rules,
    /// Write random answer sets.
    Generate {
        rules: RulesSource,
        count: u64,
        seed: u64,
        format: RecordFormat,
    },
    /// Print the JSON Schema of rule files.
    Schema,
}

/// A shell that `completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    PowerShell,
    Elvish,
}

/// How batch records are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    /// JSON Lines: one object per record.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

/// How batch results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchFormat {
    /// JSON Lines: one object per record.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// FHIR R4 NDJSON: one Bundle per record (an OperationOutcome for a
    /// record that cannot be scored).
    Fhir,
}

/// What the batch summary looks like, and where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryFormat {
    /// Words on standard error (a bar chart on a terminal).
    Text,
    /// One JSON object on standard output, after the records.
    Json,
    /// None at all.
    None,
}

/// `carelevel batch`: score many records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub rules: RulesSource,
    /// The language asked for (`--lang` or the locale), if any: batch
    /// results record the language of their texts.
    pub lang: Option<String>,
    /// Score every record under these rules too, and compare.
    pub baseline: Option<RulesSource>,
    pub input: Input,
    /// The input's format; from the file name when `None`.
    pub input_format: Option<RecordFormat>,
    pub format: BatchFormat,
    /// The whole `screen --format json` result per record.
    pub full: bool,
    /// Write the records here (owner-only, atomically) instead of standard output.
    pub output: Option<PathBuf>,
    pub overwrite: bool,
    /// Stop at the first record that cannot be scored.
    pub fail_fast: bool,
    /// Only records whose level or crisis flag differs from the baseline's.
    pub changed_only: bool,
    pub summary: SummaryFormat,
    /// Worker threads; all cores when `None`.
    pub threads: Option<usize>,
    /// Draw a progress bar on standard error.
    pub progress: bool,
    /// Draw the summary's levels as a bar chart (standard error is a terminal).
    pub chart: bool,
}
