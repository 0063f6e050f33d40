use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use clap::Parser;

use carelevel::cli::{Cli, Terminal};
use carelevel::error::{Error, Progress};
use carelevel::interrupt;
use carelevel::run::{run, Io, Ttys};
use carelevel::settings::{RulesSource, Task};

fn main() -> ExitCode {
    let term = terminal();
    let task = Cli::parse().into_task(&term);
    on_interrupt(&task, !term.no_color);
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    let (mut input, mut out) = (stdin.lock(), stdout.lock());
    // Not locked for the whole run: the Ctrl-C handler writes to it too.
    let mut err = std::io::stderr();
    let mut io = Io {
        input: &mut input,
        out: &mut out,
        err: &mut err,
        ttys: Ttys::detect(),
        prompter: None,
    };
    match run(task, &mut io) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

/// What the table settings need from the environment.
fn terminal() -> Terminal {
    let stdout_tty = std::io::stdout().is_terminal();
    Terminal {
        stdout_tty,
        stderr_tty: std::io::stderr().is_terminal(),
        columns_env: std::env::var("COLUMNS").ok(),
        width: if stdout_tty {
            console::Term::stdout()
                .size_checked()
                .map(|(_rows, cols)| cols)
        } else {
            None
        },
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
    }
}

/// Ctrl-C outside a full-screen prompt (for example while `--plain` waits
/// for a line): give the cursor back, show the crisis message again if one
/// was shown, say where the answers are, exit 130. Inside a full-screen
/// prompt, the prompt itself returns and the flow ends the same way. Saved
/// files are written atomically, so stopping at any moment loses nothing
/// already saved.
fn on_interrupt(task: &Task, color_allowed: bool) {
    let (save, rules) = match task {
        Task::Screen(s) => (
            s.save.clone(),
            match &s.rules {
                RulesSource::Builtin => carelevel::rules::BUILTIN_NAME.to_owned(),
                RulesSource::Stdin => "<stdin>".to_owned(),
                RulesSource::File(p) => p.display().to_string(),
            },
        ),
        _ => (None, String::new()),
    };
    let _ = ctrlc::set_handler(move || {
        if interrupt::IN_PROMPT.load(Ordering::SeqCst) {
            return;
        }
        let progress = match &save {
            None => Progress::NotSaving,
            Some(p) if interrupt::saved() => Progress::Saved {
                path: p.clone(),
                resume: carelevel::save::resume_command(p, &rules),
            },
            Some(p) => Progress::NothingSaved(p.clone()),
        };
        let e = Error::Interrupted { progress };
        let mut err = std::io::stderr();
        let tty = err.is_terminal();
        if tty {
            let _ = write!(err, "\x1b[?25h");
        }
        if let Some(message) = interrupt::crisis() {
            let block = carelevel::report::crisis_block(message, 80, tty && color_allowed);
            let _ = write!(err, "\n{block}");
        }
        let _ = write!(err, "\nerror: {e}\n");
        std::process::exit(i32::from(e.exit_code()));
    });
}
