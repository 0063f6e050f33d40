//! Errors, their exit codes and how they read.
//!
//! Error values hold plain text; color, if any, is added by whoever prints them.

use std::fmt;
use std::path::PathBuf;

/// Exit codes, as documented in docs/exit-codes.md.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// `check`: at least one rule test case failed.
    pub const CHECK_FAILED: u8 = 1;
    /// Usage error (bad flags, or a terminal needed and none found).
    pub const USAGE: u8 = 2;
    /// Invalid answers or data.
    pub const DATA: u8 = 65;
    /// An input file is missing or unreadable.
    pub const NO_INPUT: u8 = 66;
    /// An output could not be written.
    pub const CANT_CREATE: u8 = 73;
    /// Invalid rule file.
    pub const CONFIG: u8 = 78;
    /// Interrupted (Ctrl-C).
    pub const INTERRUPTED: u8 = 130;
    /// The terminal closed (SIGHUP).
    pub const HANGUP: u8 = 129;
    /// Asked to stop (SIGTERM).
    pub const TERMINATED: u8 = 143;
}

/// A signal that stops a run, other than Ctrl-C.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGTERM: asked to stop, by a user or the system.
    Terminate,
    /// SIGHUP: the terminal closed.
    Hangup,
}

/// A place in a source file, 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it (`<built-in>` or `<stdin>` when there is none).
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// The text around the spot, for a caret under it.
    pub snippet: Option<Snippet>,
}

/// A window of a line around a spot: never the whole of a long line, so
/// that an error costs the same whatever the length of its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The shown text, with `...` where the line was cut.
    pub text: String,
    /// Where the caret goes: a character index into `text`.
    pub caret: usize,
}

/// Characters shown before the spot, and in all, of a long line.
const BEFORE: usize = 40;
const WINDOW: usize = 100;

impl Snippet {
    /// The part of `line` around 1-based character `column`.
    pub fn around(line: &str, column: usize) -> Snippet {
        Snippet::window(line, column, false)
    }

    /// The part of `line` around 1-based character `column`; `line` may
    /// be the tail of a longer line (`cut`), and is then shown cut. The cost
    /// grows with `column` and the window, never with the rest of the line.
    pub(crate) fn window(line: &str, column: usize, cut: bool) -> Snippet {
        // A spot past the end of the line (a missing value) shows at its end.
        let spot = column.saturating_sub(1);
        let mut before = std::collections::VecDeque::with_capacity(BEFORE + 1);
        let mut iter = line.char_indices().peekable();
        let mut walked = 0;
        while walked < spot {
            let Some((i, _)) = iter.next() else { break };
            if before.len() == BEFORE {
                before.pop_front();
            }
            before.push_back(i);
            walked += 1;
        }
        let here = iter.peek().map_or(line.len(), |&(i, _)| i);
        let from = before.front().copied().unwrap_or(here);
        let cut_start = cut || walked > before.len();
        let (mut to, mut after) = (here, 0);
        for (i, c) in iter {
            if after == WINDOW - before.len() {
                to = i;
                break;
            }
            after += 1;
            to = i + c.len_utf8();
        }
        let mut text = String::new();
        if cut_start {
            text.push_str("...");
        }
        text.push_str(&line[from..to]);
        if to < line.len() {
            text.push_str("...");
        }
        Snippet {
            caret: before.len() + if cut_start { 3 } else { 0 },
            text,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One thing wrong with an input: what, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    /// Problems with the same cause (a renamed id, say) are said once, with
    /// the other places listed.
    pub cause: Option<String>,
    /// Boxed: errors travel by value, and most have no place.
    pub location: Option<Box<Location>>,
    pub help: Option<String>,
}

impl Problem {
    pub fn new(message: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            cause: None,
            location: None,
            help: None,
        }
    }

    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location.map(Box::new);
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Group this problem with others of the same `cause`.
    pub fn cause(mut self, cause: impl Into<String>) -> Self {
        self.cause = Some(cause.into());
        self
    }
}

/// A character that may not appear in any text of a rule or answer file:
/// it could move the cursor, erase, recolour or reorder what a terminal
/// shows. Only a line break is allowed (and, between the values of the
/// raw file, a tab or a carriage return).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// `text` safe to print on a terminal: control characters (an escape
/// sequence in an answer code, say) become visible symbols, and
/// text-direction overrides a `?`, one character each, so carets stay
/// aligned. Line breaks stay.
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => c,
            '\t' => ' ',
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('?'),
            '\u{7f}' => '\u{2421}',
            c if is_unsafe(c) => '?',
            c => c,
        })
        .collect()
}

/// The longest line of a message or help said in full: longer ones (a
/// whole file read as one value, say) are cut, so that an error shows a
/// window of the input and never all of it.
pub const MAX_LINE: usize = 200;

/// The longest line of a help said in full: helps are carelevel's own
/// words (a question's answers, listed), so they may be longer.
pub const MAX_HELP_LINE: usize = 1_000;

/// `text` with every line cut to [`MAX_LINE`] characters, `…` marking a cut.
pub fn bounded(text: &str) -> String {
    bounded_to(text, MAX_LINE)
}

fn bounded_to(text: &str, max: usize) -> String {
    text.split('\n')
        .map(|line| match line.char_indices().nth(max - 1) {
            Some((cut, _)) if line.chars().count() > max => format!("{}…", &line[..cut]),
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", visible(&bounded(&self.message)))?;
        if let Some(loc) = &self.location {
            write!(f, "\n  --> {}", visible(&loc.to_string()))?;
            if let Some(snippet) = &loc.snippet {
                let gutter = loc.line.to_string().len();
                let pad = " ".repeat(gutter);
                let shown = visible(&snippet.text);
                let caret = snippet.caret.min(shown.chars().count());
                write!(f, "\n {pad} |\n {} | {shown}", loc.line)?;
                write!(f, "\n {pad} | {}^", " ".repeat(caret))?;
            }
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", visible(&bounded_to(help, MAX_HELP_LINE)))?;
        }
        Ok(())
    }
}

/// Everything that can stop a command, each with its exit code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Usage(Problem),
    #[error("cannot read `{}`: {source}{}", path.display(), io_help(source))]
    Input {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {what}: {source}{}", write_help(source, what))]
    Output {
        what: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", list("answers", .0))]
    Answers(Vec<Problem>),
    #[error("{}", list("rule file", .0))]
    Rules(Vec<Problem>),
    /// Going on would replace answers or a file that is not an answer file.
    #[error("{0}")]
    WouldOverwrite(Problem),
    /// Ctrl-C: a choice, not a failure; `main` says it without `error:`.
    #[error("stopped with Ctrl-C; {progress}")]
    Interrupted { progress: Progress },
    /// SIGTERM or SIGHUP: said like Ctrl-C, with its own exit code.
    #[error("{}; {progress}", match signal {
        Signal::Terminate => "stopped by a request to end (SIGTERM)",
        Signal::Hangup => "stopped because the terminal closed (SIGHUP)",
    })]
    Signalled { signal: Signal, progress: Progress },
    #[error("the input ended before every question was answered; {progress}")]
    Incomplete { progress: Progress },
    /// `error`, after a crisis answer: the crisis message is shown again
    /// after the error, so that it is the last thing on screen.
    #[error("{error}")]
    AfterCrisis {
        error: Box<Error>,
        message: String,
        /// The message's language, for the heading around it.
        lang: String,
    },
}

/// Where the answers so far are after the questionnaire ended early, and
/// how to go on: carried in the error, so its message says only what is true.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// No `--save` was given; `start` is the command that would have kept
    /// the answers as they were given.
    NotSaving { start: String },
    /// The answers so far are in `path`; `resume` is the command to go on.
    Saved { path: PathBuf, resume: String },
    /// `--save` was given, but this run wrote nothing there.
    NothingSaved(PathBuf),
    /// `batch`: the records written before the stop, to standard output
    /// (`None`) or not at all to an `--output` file.
    Records {
        output: Option<PathBuf>,
        written: u64,
    },
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Progress::Saved { path, resume } => write!(
                f,
                "your answers so far are saved in `{}`\n  help: resume with `{resume}`",
                path.display()
            ),
            Progress::NothingSaved(path) => {
                write!(f, "no answers were saved to `{}` in this run", path.display())
            }
            Progress::Records {
                output: Some(path),
                ..
            } => write!(
                f,
                "`{}` was not written (nothing was half-written)\n  help: run the same command again to score every record",
                path.display()
            ),
            Progress::Records {
                output: None,
                written,
            } => write!(
                f,
                "the records before the stop were written ({written} {})",
                if *written == 1 { "record" } else { "records" }
            ),
            Progress::NotSaving { start } => write!(
                f,
                "nothing was saved\n  help: to keep your answers as you go, start with `{start}`"
            ),
        }
    }
}

/// What to do when a write failed; the file, if it was one, is as it
/// was: files are written to a temporary file first, then renamed.
fn write_help(e: &std::io::Error, what: &str) -> String {
    use std::io::ErrorKind;
    let kept = if what.starts_with('`') {
        format!("; {what} is unchanged (nothing was half-written)")
    } else {
        String::new()
    };
    match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
            format!("\n  help: the disk is full (or over quota): free some space and run the same command again{kept}")
        }
        ErrorKind::ReadOnlyFilesystem => {
            format!("\n  help: that disk is read-only: write somewhere else{kept}")
        }
        _ => {
            let base = io_help(e);
            if base.is_empty() && !kept.is_empty() {
                format!("\n  help: check the folder and the disk, then run the same command again{kept}")
            } else {
                format!("{base}{kept}")
            }
        }
    }
}

/// A fix for the common reasons a file cannot be read or written.
fn io_help(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => {
            "\n  help: check the name and the folder; a path is relative to where you run carelevel"
        }
        ErrorKind::PermissionDenied => "\n  help: check the permissions of the file and its folder",
        ErrorKind::IsADirectory => "\n  help: give the path of a file, not of a folder",
        _ => "",
    }
}

/// The most problems said in full; the rest are counted.
pub const MAX_SHOWN: usize = 20;

/// The most other places listed for a problem said once for all of them.
const MAX_PLACES: usize = 12;

fn list(what: &str, problems: &[Problem]) -> String {
    let mut out = String::new();
    let shown = grouped(problems);
    for (i, p) in shown.iter().take(MAX_SHOWN).enumerate() {
        if i > 0 {
            out.push_str("\nerror: ");
        }
        out.push_str(&p.to_string());
    }
    if shown.len() > MAX_SHOWN {
        out.push_str(&format!(
            "\nerror: ... and {} more problems not shown\n  help: fix the ones above, then run again to see the rest",
            shown.len() - MAX_SHOWN
        ));
    }
    if problems.len() > 1 {
        out.push_str(&format!(
            "\n\nfound {} problems in the {what}",
            problems.len()
        ));
    }
    out
}

/// Problems of one cause said once, at the first place, with the other
/// places listed in its help.
fn grouped(problems: &[Problem]) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    let mut first: std::collections::HashMap<&str, (usize, Vec<usize>)> =
        std::collections::HashMap::new();
    for p in problems {
        match p.cause.as_deref() {
            Some(cause) => match first.get_mut(cause) {
                Some((_, lines)) => lines.push(p.location.as_ref().map_or(0, |l| l.line)),
                None => {
                    first.insert(cause, (out.len(), Vec::new()));
                    out.push(p.clone());
                }
            },
            None => out.push(p.clone()),
        }
    }
    for (cause, (index, lines)) in first {
        if lines.is_empty() {
            continue;
        }
        let mut places = lines.clone();
        places.retain(|&l| l > 0);
        places.dedup();
        let mut shown: Vec<String> = places
            .iter()
            .take(MAX_PLACES)
            .map(|l| l.to_string())
            .collect();
        if places.len() > MAX_PLACES {
            shown.push("...".into());
        }
        let p = &mut out[index];
        let also = format!(
            "the same ({cause}) in {} more place{}{}",
            lines.len(),
            if lines.len() > 1 { "s" } else { "" },
            if shown.is_empty() {
                String::new()
            } else {
                format!(
                    ", at line{} {}",
                    if shown.len() > 1 { "s" } else { "" },
                    shown.join(", ")
                )
            }
        );
        p.help = Some(match p.help.take() {
            Some(h) => format!("{h}\n  help: {also}"),
            None => also,
        });
    }
    out
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => exit::USAGE,
            Error::Input { .. } => exit::NO_INPUT,
            Error::Output { .. } | Error::WouldOverwrite(_) => exit::CANT_CREATE,
            Error::Answers(_) => exit::DATA,
            Error::Rules(_) => exit::CONFIG,
            Error::Interrupted { .. } => exit::INTERRUPTED,
            Error::Signalled {
                signal: Signal::Terminate,
                ..
            } => exit::TERMINATED,
            Error::Signalled {
                signal: Signal::Hangup,
                ..
            } => exit::HANGUP,
            Error::Incomplete { .. } => exit::DATA,
            Error::AfterCrisis { error, .. } => error.exit_code(),
        }
    }

    /// The crisis message to show after this error, and its language, if
    /// a crisis answer was given.
    pub fn crisis(&self) -> Option<(&str, &str)> {
        match self {
            Error::AfterCrisis { message, lang, .. } => Some((message, lang)),
            _ => None,
        }
    }

    /// This error, followed by the crisis message (and its language) when
    /// there is one.
    pub fn after_crisis(self, crisis: Option<(String, String)>) -> Error {
        match crisis {
            Some((message, lang)) => Error::AfterCrisis {
                error: Box::new(self),
                message,
                lang,
            },
            None => self,
        }
    }

    /// The guided questionnaire's input ended before the last question.
    pub fn is_input_end(&self) -> bool {
        match self {
            Error::Incomplete { .. } => true,
            Error::AfterCrisis { error, .. } => error.is_input_end(),
            _ => false,
        }
    }

    /// Ctrl-C, SIGTERM or SIGHUP: a stop the person (or the system) asked
    /// for, said as what it is rather than as an error.
    pub fn is_interruption(&self) -> bool {
        match self {
            Error::Interrupted { .. } | Error::Signalled { .. } => true,
            Error::AfterCrisis { error, .. } => error.is_interruption(),
            _ => false,
        }
    }

    /// The problems behind an answers or rules error (empty for the others).
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Answers(p) | Error::Rules(p) => p,
            Error::AfterCrisis { error, .. } => error.problems(),
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_says_what_to_do_and_that_the_file_is_unchanged() {
        let e = Error::Output {
            what: "`answers.yaml`".into(),
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        };
        let text = e.to_string();
        assert!(text.starts_with("cannot write `answers.yaml`:"), "{text}");
        assert!(
            text.ends_with("help: the disk is full (or over quota): free some space and run the same command again; `answers.yaml` is unchanged (nothing was half-written)"),
            "{text}"
        );
        assert_eq!(e.exit_code(), exit::CANT_CREATE);
    }

    #[test]
    fn many_problems_are_capped_and_one_cause_is_said_once() {
        let at = |line| {
            Some(Location {
                file: "r.yaml".into(),
                line,
                column: 1,
                snippet: None,
            })
        };
        let mut problems: Vec<Problem> = (1..=40)
            .map(|l| {
                Problem::new("unknown question `x` in rule `r`")
                    .at(at(l))
                    .cause("unknown question `x`")
            })
            .collect();
        problems.extend((100..150).map(|l| Problem::new(format!("problem {l}")).at(at(l))));
        let text = Error::Rules(problems).to_string();
        assert_eq!(
            text.matches("unknown question `x` in rule").count(),
            1,
            "{text}"
        );
        assert!(
            text.contains("the same (unknown question `x`) in 39 more places, at lines 2, 3,"),
            "{text}"
        );
        assert_eq!(
            text.matches("error: problem").count(),
            MAX_SHOWN - 1,
            "{text}"
        );
        assert!(
            text.contains("... and 31 more problems not shown"),
            "{text}"
        );
        assert!(
            text.ends_with("found 90 problems in the rule file"),
            "{text}"
        );
        assert!(text.lines().count() < 80, "{text}");
    }

    #[test]
    fn a_snippet_is_a_bounded_window_whatever_the_line() {
        let line = "x".repeat(1_000_000);
        let s = Snippet::around(&line, 500_000);
        assert!(s.text.len() < 120, "{}", s.text.len());
        assert_eq!(s.caret, BEFORE + 3);
        let short = Snippet::around("abc", 2);
        assert_eq!((short.text.as_str(), short.caret), ("abc", 1));
        let end = Snippet::around("abc", 9);
        assert_eq!((end.text.as_str(), end.caret), ("abc", 3));
        let wide = Snippet::around("ééé", 3);
        assert_eq!(wide.caret, 2, "characters, not bytes");
    }

    #[test]
    fn problem_shows_location_snippet_caret_and_help() {
        let p = Problem::new("unknown level `iopp`")
            .at(Some(Location {
                file: "r.yaml".into(),
                line: 12,
                column: 10,
                snippet: Some(Snippet::around("  floor: iopp", 10)),
            }))
            .help("use one of `outpatient`, `iop`");
        let text = p.to_string();
        assert_eq!(
            text,
            "unknown level `iopp`\n  --> r.yaml:12:10\n    |\n 12 |   floor: iopp\n    |          ^\n  help: use one of `outpatient`, `iop`"
        );
    }

    #[test]
    fn control_characters_are_shown_not_sent_to_the_terminal() {
        let p = Problem::new("`\u{1b}[2J` is not an answer")
            .at(Some(Location {
                file: "a.yaml".into(),
                line: 2,
                column: 16,
                snippet: Some(Snippet::around("  harm_others: \u{1b}[2J", 16)),
            }))
            .help("not \u{7}this");
        let text = p.to_string();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        assert!(text.starts_with("`␛[2J` is not an answer"));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[3].find('␛'),
            lines[4].find('^'),
            "the caret still lines up"
        );
        assert!(text.ends_with("help: not ␇this"));
    }

    #[test]
    fn long_lines_are_shown_around_the_spot() {
        let line = format!("{}X{}", "a".repeat(200), "b".repeat(200));
        let p = Problem::new("here").at(Some(Location {
            file: "f".into(),
            line: 1,
            column: 201,
            snippet: Some(Snippet::around(&line, 201)),
        }));
        let text = p.to_string();
        let shown = text.lines().nth(3).unwrap();
        let caret = text.lines().nth(4).unwrap();
        assert_eq!(shown.find('X'), caret.find('^'));
        assert!(shown.len() < 120 && shown.ends_with("..."));
    }

    #[test]
    fn several_problems_are_counted() {
        let e = Error::Rules(vec![Problem::new("a"), Problem::new("b")]);
        let text = e.to_string();
        assert!(text.starts_with("a\nerror: b"));
        assert!(text.ends_with("found 2 problems in the rule file"));
        assert_eq!(e.exit_code(), 78);
    }
}
