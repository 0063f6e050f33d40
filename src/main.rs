use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use carelevel::cli::Cli;
use carelevel::run::{interactive, run, Io};

fn main() -> ExitCode {
    let task = Cli::parse().into_task();
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
