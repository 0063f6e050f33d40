use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use clap::Parser;

use carelevel::ask::terminal::IN_PROMPT;
use carelevel::cli::{Cli, Terminal};
use carelevel::error::Error;
use carelevel::run::{interactive, run, Io};
use carelevel::settings::Task;

fn main() -> ExitCode {
    let task = Cli::parse().into_task(&terminal());
    on_interrupt(&task);
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    let (mut input, mut out) = (stdin.lock(), stdout.lock());
    // Not locked for the whole run: the Ctrl-C handler writes to it too.
    let mut err = std::io::stderr();
    let mut io = Io {
        input: &mut input,
        out: &mut out,
        err: &mut err,
        interactive: interactive(),
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

/// Ctrl-C outside a full-screen prompt: give the cursor back, say where the
/// answers are, exit 130. (Inside one, the prompt itself returns and the
/// flow ends the same way.) Saved files are written atomically, so stopping
/// at any moment loses nothing already saved.
fn on_interrupt(task: &Task) {
    let saved = match task {
        Task::Screen(s) => s.save.clone(),
        _ => None,
    };
    let _ = ctrlc::set_handler(move || {
        if IN_PROMPT.load(Ordering::SeqCst) {
            return;
        }
        let e = Error::Interrupted {
            saved: saved.clone(),
        };
        let mut err = std::io::stderr();
        if err.is_terminal() {
            let _ = write!(err, "\x1b[?25h");
        }
        let _ = write!(err, "\nerror: {e}\n");
        std::process::exit(i32::from(e.exit_code()));
    });
}
