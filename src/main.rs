use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use clap::Parser;

use carelevel::ask::terminal::IN_PROMPT;
use carelevel::cli::Cli;
use carelevel::error::Error;
use carelevel::run::{interactive, run, Io};
use carelevel::settings::Task;

fn main() -> ExitCode {
    let task = Cli::parse().into_task();
    on_interrupt(&task);
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    let (mut out, mut err) = (stdout.lock(), stderr.lock());
    let mut io = Io {
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
