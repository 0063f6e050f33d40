//! What the Ctrl-C handler needs to know. A signal handler cannot be handed
//! values, so this is the one place with process-wide state: a few flags,
//! set as the guided flow goes, read only by the handler in `main`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// True while a full-screen prompt reads keys. Ctrl-C then arrives as a key
/// and the prompt returns `Interrupted`, so the handler must let it be.
pub static IN_PROMPT: AtomicBool = AtomicBool::new(false);

static SAVED: AtomicBool = AtomicBool::new(false);
static CRISIS: OnceLock<String> = OnceLock::new();

/// The answers so far are in the `--save` file (written, or resumed from).
pub fn answers_saved() {
    SAVED.store(true, Ordering::SeqCst);
}

/// Whether [`answers_saved`] was called.
pub fn saved() -> bool {
    SAVED.load(Ordering::SeqCst)
}

/// A crisis message was shown: an interruption must show it again.
pub fn crisis_shown(message: &str) {
    let _ = CRISIS.set(message.to_owned());
}

/// The crisis message shown in this run, if any.
pub fn crisis() -> Option<&'static str> {
    CRISIS.get().map(String::as_str)
}
