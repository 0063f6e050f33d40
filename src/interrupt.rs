//! What the Ctrl-C handler needs to know. A signal handler cannot be handed
//! values, so this is the one place with process-wide state: a few flags,
//! set as the guided flow goes, read only by the handler in `main`.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// True while a full-screen prompt reads keys. Ctrl-C then arrives as a key
/// and the prompt returns `Interrupted`, so the handler must let it be.
pub static IN_PROMPT: AtomicBool = AtomicBool::new(false);

/// True while `--plain` waits for a line typed on a terminal. Ctrl-C then
/// only marks [`ctrl_c`], and the waiting prompt returns `Interrupted`, so
/// that the questionnaire can offer to keep the answers, as the full-screen
/// prompts do.
pub static PLAIN_WAITING: AtomicBool = AtomicBool::new(false);

static CTRL_C: AtomicBool = AtomicBool::new(false);

/// Ctrl-C was pressed while `--plain` waited ([`PLAIN_WAITING`]).
pub fn ctrl_c() {
    CTRL_C.store(true, Ordering::SeqCst);
}

/// Whether Ctrl-C was pressed since the last call.
pub fn take_ctrl_c() -> bool {
    CTRL_C.swap(false, Ordering::SeqCst)
}

static SAVED: AtomicBool = AtomicBool::new(false);
static CRISIS: OnceLock<(String, String)> = OnceLock::new();

static STOP: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

/// Set (to the signal's number) by the signal itself, at once, when
/// SIGTERM or SIGHUP arrives; `main` registers it.
pub fn stop_flag() -> Arc<AtomicUsize> {
    Arc::clone(STOP.get_or_init(|| Arc::new(AtomicUsize::new(0))))
}

/// SIGTERM or SIGHUP arrived: the signal thread in `main` is ending the
/// run. A prompt that the signal interrupted must not go on (it would ask
/// again, or say "Ctrl-C"), so the caller waits here for the exit.
pub fn hold_if_stopping() {
    if STOP.get().is_some_and(|f| f.load(Ordering::SeqCst) != 0) {
        loop {
            std::thread::park();
        }
    }
}

static SAVING: AtomicBool = AtomicBool::new(false);

/// A file is being written: a signal waits until it is done.
pub struct Saving;

impl Saving {
    pub fn start() -> Saving {
        SAVING.store(true, Ordering::SeqCst);
        Saving
    }
}

impl Drop for Saving {
    fn drop(&mut self) {
        SAVING.store(false, Ordering::SeqCst);
    }
}

/// Wait (a few seconds at most) for a file being written to be complete.
pub fn wait_for_save() {
    for _ in 0..300 {
        if !SAVING.load(Ordering::SeqCst) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

/// The answers so far are in the `--save` file (written, or resumed from).
pub fn answers_saved() {
    SAVED.store(true, Ordering::SeqCst);
}

/// Whether [`answers_saved`] was called.
pub fn saved() -> bool {
    SAVED.load(Ordering::SeqCst)
}

static LANG: OnceLock<String> = OnceLock::new();

/// The language the run speaks, for what is said when it stops.
pub fn speaking(lang: &str) {
    let _ = LANG.set(lang.to_owned());
}

/// The language set by [`speaking`], else English.
pub fn lang() -> &'static str {
    LANG.get().map_or("en", String::as_str)
}

/// A crisis message (in the language `lang`) was shown: an interruption
/// must show it again.
pub fn crisis_shown(message: &str, lang: &str) {
    let _ = CRISIS.set((message.to_owned(), lang.to_owned()));
}

/// The crisis message shown in this run and its language, if any.
pub fn crisis() -> Option<(&'static str, &'static str)> {
    CRISIS.get().map(|(m, l)| (m.as_str(), l.as_str()))
}

/// The signal that asked this run to stop, if one did: `batch` looks
/// between chunks of records, and stops cleanly.
pub fn stop_signal() -> Option<usize> {
    STOP.get()
        .map(|f| f.load(Ordering::SeqCst))
        .filter(|&s| s != 0)
}

static WAY: OnceLock<crate::resume::Way> = OnceLock::new();

/// How the guided run was started: a stop says how to go on the same way.
pub fn going_on(way: crate::resume::Way) {
    let _ = WAY.set(way);
}

/// The way set by [`going_on`], if the run got that far.
pub fn way() -> Option<&'static crate::resume::Way> {
    WAY.get()
}
