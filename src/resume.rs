//! How to go on: the commands that messages, save files and templates show
//! to resume a guided run or score a file, repeating how it was started
//! (rules, mode, language) and naming the program as it can be run.

use std::path::Path;

use crate::rules::model::Respondent;
use crate::rules::{Rules, BUILTIN_NAME};

/// `path` quoted for a shell when it needs it, for commands in messages.
pub fn shell_word(path: &str) -> String {
    let plain = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./+,:@%=".contains(c));
    if plain {
        path.to_owned()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

static PROGRAM: std::sync::OnceLock<String> = std::sync::OnceLock::new();
static FIND_PROGRAM: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Name the program in commands shown to the person as they can run it:
/// `carelevel` when that is what `PATH` finds, else this binary's path
/// (before `cargo install`, `target/release/carelevel`). `main` asks for
/// it; it is worked out only when a command is shown.
pub fn name_program_as_run() {
    FIND_PROGRAM.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The program's name in commands shown to the person.
pub fn program() -> &'static str {
    if !FIND_PROGRAM.load(std::sync::atomic::Ordering::Relaxed) {
        return "carelevel";
    }
    PROGRAM.get_or_init(program_as_run).as_str()
}

fn program_as_run() -> String {
    let Ok(exe) = std::env::current_exe() else {
        return "carelevel".into();
    };
    let exe = exe.canonicalize().unwrap_or(exe);
    let on_path = std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|dir| dir.join("carelevel"))
            .find(|c| c.is_file())
    });
    if on_path.and_then(|p| p.canonicalize().ok()).as_ref() == Some(&exe) {
        return "carelevel".into();
    }
    let shown = std::env::current_dir()
        .ok()
        .and_then(|dir| exe.strip_prefix(dir).ok().map(Path::to_path_buf))
        .filter(|rel| rel.components().count() > 1)
        .unwrap_or(exe);
    shell_word(&shown.display().to_string())
}

/// How a guided run was started: what a command that says how to go on
/// must repeat, so that the next run asks the same way (in the same mode,
/// language and rules).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Way {
    /// The rule file as given ([`BUILTIN_NAME`] for the built-in rules,
    /// `<stdin>` for standard input).
    pub rules: String,
    /// `--plain`.
    pub plain: bool,
    /// The language asked for, when it is not the rules' own default.
    pub lang: Option<String>,
    /// The answers are about someone else: said again only when starting
    /// afresh, as an answer file records who answers.
    pub about_someone: bool,
}

impl Default for Way {
    fn default() -> Self {
        Way {
            rules: BUILTIN_NAME.to_owned(),
            plain: false,
            lang: None,
            about_someone: false,
        }
    }
}

impl Way {
    /// The way of a run with `rules` (worded in the language of the run).
    pub fn of(rules: &Rules, plain: bool, respondent: Respondent) -> Way {
        Way {
            rules: rules.source.name.clone(),
            plain,
            lang: (rules.lang != rules.file.language).then(|| rules.lang.clone()),
            about_someone: respondent == Respondent::Other,
        }
    }

    fn flags(&self) -> String {
        let mut flags = String::new();
        match self.rules.as_str() {
            BUILTIN_NAME => {}
            "<stdin>" => flags.push_str(" --rules RULES_FILE"),
            name => flags.push_str(&format!(" --rules {}", shell_word(name))),
        }
        if self.plain {
            flags.push_str(" --plain");
        }
        if let Some(lang) = &self.lang {
            flags.push_str(&format!(" --lang {}", shell_word(lang)));
        }
        flags
    }

    /// The one command that resumes a guided run saved in `file` (a path,
    /// or a placeholder such as `THIS_FILE`): `--save` on an existing
    /// answer file picks up where it left off.
    pub fn resume(&self, file: &str) -> String {
        format!(
            "{} screen{} --save {}",
            program(),
            self.flags(),
            shell_word(file)
        )
    }

    /// [`Way::resume`] for a path.
    pub fn resume_path(&self, path: &Path) -> String {
        self.resume(&path.display().to_string())
    }

    /// The command that starts a guided run saving to `file` (a
    /// placeholder such as `FILE`), asked the same way.
    pub fn start(&self, file: &str) -> String {
        let about = if self.about_someone {
            " --about-someone"
        } else {
            ""
        };
        format!("{} screen{}{about} --save {file}", program(), self.flags())
    }

    /// The command that scores a finished answer `file`.
    pub fn result(&self, file: &str) -> String {
        let rules = match self.rules.as_str() {
            BUILTIN_NAME => String::new(),
            "<stdin>" => " --rules RULES_FILE".to_owned(),
            name => format!(" --rules {}", shell_word(name)),
        };
        let lang = self
            .lang
            .as_deref()
            .map(|l| format!(" --lang {}", shell_word(l)))
            .unwrap_or_default();
        format!("{} screen{rules}{lang} --answers {file}", program())
    }
}
