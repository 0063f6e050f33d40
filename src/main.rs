use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use clap::Parser;

use carelevel::cli::{Cli, Terminal};
use carelevel::error::{Error, Progress, Signal};
use carelevel::interrupt;
use carelevel::run::{run, Io, Ttys};
use carelevel::settings::{RulesSource, Task};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// A bump arena for a short run, then the system allocator (see `alloc.rs`).
#[global_allocator]
static ALLOCATOR: carelevel::alloc::Arena = carelevel::alloc::Arena;

fn main() -> ExitCode {
    let term = terminal();
    let task = Cli::parse().into_task(&term);
    if matches!(task, Task::Batch(_)) {
        carelevel::alloc::turn_off_arena();
    }
    // Color on standard error, as `--color`, `NO_COLOR` and `--plain` say.
    let color = match &task {
        Task::Screen(s) => s.prompt_color,
        _ => false,
    };
    carelevel::resume::name_program_as_run();
    on_interrupt(&task, color);
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
            say_error(&mut err, &e, color);
            ExitCode::from(e.exit_code())
        }
    }
}

/// Print an error; a stop with Ctrl-C is said as what it is, not as an
/// error, and a crisis shown before comes last again.
fn say_error(err: &mut std::io::Stderr, e: &Error, color: bool) {
    // Paths and texts from files never reach the terminal raw.
    let words = carelevel::words::of(interrupt::lang());
    let stopped = carelevel::words::stopped(words, e);
    let said = stopped.clone().unwrap_or_else(|| e.to_string());
    let mut text = carelevel::error::visible(&said);
    // The questionnaire ended early (its input ended, or it was stopped)
    // after a crisis answer: not an error to the person, who is thanked and
    // pointed to the help that follows.
    let kindly = e.crisis().is_some() && (e.is_input_end() || e.is_interruption());
    if kindly {
        text = format!("{text}\n{}", words.get("ended-after-crisis"));
    }
    let sentence = e.is_interruption() || kindly;
    // What is said when the questionnaire stops is for the person at the
    // terminal: wrapped to its width at words, like the questions were.
    if stopped.is_some() && err.is_terminal() {
        let columns = console::Term::stderr()
            .size_checked()
            .map_or(80, |(_rows, cols)| usize::from(cols).clamp(40, 100));
        // After "error: " unless it is said as a sentence.
        let lead = if sentence { 0 } else { 7 };
        text = carelevel::report::wrap_text_from(&text, columns, lead, "");
    }
    let _ = match e {
        _ if sentence => {
            let mut chars = text.chars();
            let first: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            writeln!(err, "\n{first}{}", chars.as_str())
        }
        _ => writeln!(err, "error: {text}"),
    };
    if let Some((message, lang)) = e.crisis() {
        let block = carelevel::report::crisis_block(lang, message, 80, color);
        let _ = write!(err, "\n{block}");
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
        lang: carelevel::lang::from_locale(|k| std::env::var(k).ok()),
    }
}

/// Ctrl-C outside a full-screen prompt (for example while `--plain` waits
/// for a line), and SIGTERM or SIGHUP at any time: give the terminal back
/// as it was (cursor shown, keys echoed), show the crisis message again if
/// one was shown, say where the answers are, and exit 130, 143 or 129.
/// Inside a full-screen prompt Ctrl-C arrives as a key instead, and the
/// flow ends the same way. A save under way is let finish first, so a stop
/// never leaves a half-written file behind.
fn on_interrupt(task: &Task, color_allowed: bool) {
    let (save, rules, plain, about_someone) = match task {
        // Scoring an answer file with nobody to ask: nothing to restore or
        // say on a signal, which then ends the run as usual (an `--output`
        // file is written whole or not at all).
        Task::Screen(s)
            if s.answers.is_some()
                && !s.plain
                && s.save.is_none()
                && !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) =>
        {
            return
        }
        Task::Screen(s) => (
            s.save.clone(),
            match &s.rules {
                RulesSource::Builtin => carelevel::rules::BUILTIN_NAME.to_owned(),
                RulesSource::Stdin => "<stdin>".to_owned(),
                RulesSource::File(p) => p.display().to_string(),
            },
            s.plain,
            s.respondent == Some(carelevel::rules::model::Respondent::Other),
        ),
        // A batch run stops between chunks of records, so that an `--output`
        // file is never left half-written.
        Task::Batch(_) => {
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                let _ = signal_hook::flag::register_usize(
                    signal,
                    interrupt::stop_flag(),
                    signal as usize,
                );
            }
            return;
        }
        // Other commands ask nothing: a signal ends them as usual.
        _ => return,
    };
    let terminal = tty::State::remember();
    for signal in [SIGTERM, SIGHUP] {
        let _ = signal_hook::flag::register_usize(signal, interrupt::stop_flag(), signal as usize);
    }
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGINT && interrupt::IN_PROMPT.load(Ordering::SeqCst) {
                continue;
            }
            if signal == SIGINT && interrupt::PLAIN_WAITING.load(Ordering::SeqCst) {
                interrupt::ctrl_c();
                continue;
            }
            interrupt::wait_for_save();
            let way = interrupt::way()
                .cloned()
                .unwrap_or_else(|| carelevel::resume::Way {
                    rules: rules.clone(),
                    plain,
                    lang: None,
                    about_someone,
                });
            let progress = match &save {
                None => Progress::NotSaving {
                    start: way
                        .start(&carelevel::words::of(interrupt::lang()).get("file-placeholder")),
                },
                Some(p) if interrupt::saved() => Progress::Saved {
                    path: p.clone(),
                    resume: way.resume_path(p),
                },
                Some(p) => Progress::NothingSaved(p.clone()),
            };
            let e = match signal {
                SIGTERM => Error::Signalled {
                    signal: Signal::Terminate,
                    progress,
                },
                SIGHUP => Error::Signalled {
                    signal: Signal::Hangup,
                    progress,
                },
                _ => Error::Interrupted { progress },
            }
            .after_crisis(interrupt::crisis().map(|(m, l)| (m.to_owned(), l.to_owned())));
            if let Some(t) = &terminal {
                t.restore();
            }
            let mut err = std::io::stderr();
            if err.is_terminal() {
                let _ = write!(err, "\x1b[?25h");
            }
            say_error(&mut err, &e, color_allowed);
            std::process::exit(i32::from(e.exit_code()));
        }
    });
}

/// The terminal's settings at start, to put back when a signal stops a
/// run in the middle of a prompt that had turned echo off.
mod tty {
    use nix::sys::termios::{tcgetattr, tcsetattr, SetArg, Termios};

    pub struct State {
        tty: std::fs::File,
        settings: Termios,
    }

    impl State {
        pub fn remember() -> Option<State> {
            let tty = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/tty")
                .ok()?;
            let settings = tcgetattr(&tty).ok()?;
            Some(State { tty, settings })
        }

        pub fn restore(&self) {
            let _ = tcsetattr(&self.tty, SetArg::TCSANOW, &self.settings);
        }
    }
}
