//! Integration tests of the `carelevel` binary, one module per command.

mod audit;
mod bad_inputs;
mod batch;
mod check;
mod compare;
mod completions;
mod docs;
mod errors;
mod fhir;
mod files;
mod guided;
mod lang;
mod questions;
mod screen;
mod template;

use assert_cmd::Command;
use std::path::PathBuf;

/// The binary, with a clean environment for stable output (no locale: the
/// rules' default language).
pub fn carelevel() -> Command {
    let mut cmd = Command::cargo_bin("carelevel").expect("binary built");
    cmd.env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("COLUMNS", "100")
        .env("PATH", path_with_carelevel());
    cmd
}

/// `PATH` with the binary under test first, as after `cargo install`: the
/// commands it shows then say `carelevel`.
pub fn path_with_carelevel() -> std::ffi::OsString {
    let bin = assert_cmd::cargo::cargo_bin("carelevel");
    let dir = bin.parent().expect("a folder").to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(dir).chain(std::env::split_paths(&rest))).expect("a PATH")
}

/// Path of a file under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Standard output of a successful run.
pub fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "exit {:?}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}
