//! Writing files that hold health data: owner-only (0600), atomically
//! (a temporary file in the same folder, then a rename), never half-written.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use indexmap::IndexMap;
use serde::Serialize;

use crate::answers::{Answer, Answers};
use crate::error::Error;
use crate::rules::Rules;

/// Set once this process has saved a file: an interruption then says where
/// the answers are (and only then).
static WROTE: AtomicBool = AtomicBool::new(false);

/// Whether [`write_private`] has written a file in this process.
pub fn wrote() -> bool {
    WROTE.load(Ordering::SeqCst)
}

/// Resuming from `path` itself (`--answers F --save F`): the answers so far
/// are already there, so an interruption before the next save may say so.
pub fn resuming_from(path: &Path) {
    if fs::metadata(path).is_ok_and(|m| m.is_file()) {
        WROTE.store(true, Ordering::SeqCst);
    }
}

/// Replace `path` with `bytes`, or leave it untouched on failure. Only a
/// regular file is replaced: a folder, device, pipe or symbolic link at
/// `path` is refused rather than swapped for a file.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |source| Error::Output {
        what: format!("`{}`", path.display()),
        source,
    };
    if let Ok(meta) = fs::symlink_metadata(path) {
        if !meta.file_type().is_file() {
            return Err(fail(std::io::Error::other(
                "it is not a regular file (a folder, device, pipe or link); give a path to a file",
            )));
        }
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let result = options.open(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = result.and_then(|()| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(fail(e));
    }
    WROTE.store(true, Ordering::SeqCst);
    Ok(())
}

/// An answer file holding `answers` (and the record `id`, if any),
/// readable by `screen --answers`.
pub fn answer_file(rules: &Rules, answers: &Answers, id: Option<&str>) -> String {
    #[derive(Serialize)]
    struct AnswerFile<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
        answers: IndexMap<&'a str, &'a Answer>,
    }
    let file = AnswerFile {
        id,
        answers: answers
            .iter()
            .map(|(q, a)| (rules.file.questions[q].id.as_str(), a))
            .collect(),
    };
    format!(
        "# carelevel answers (rules `{}` {}). These are health data: keep this file private.\n\
         # Resume or re-score with: carelevel screen --answers THIS_FILE\n{}",
        rules.file.id,
        rules.file.version,
        crate::yaml_out::to_string(&file)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_owner_only_and_replaces_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        write_private(&path, b"one").unwrap();
        write_private(&path, b"two").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn only_a_regular_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_private(dir.path(), b"x").unwrap_err();
        assert_eq!(err.exit_code(), 73);
        assert!(err.to_string().contains("not a regular file"), "{err}");
        #[cfg(unix)]
        {
            let target = dir.path().join("target.yaml");
            fs::write(&target, "keep").unwrap();
            let link = dir.path().join("link.yaml");
            std::os::unix::fs::symlink(&target, &link).unwrap();
            assert!(write_private(&link, b"x").is_err());
            assert_eq!(fs::read_to_string(&target).unwrap(), "keep");
            assert!(fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink());
        }
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-dir").join("a.yaml");
        let err = write_private(&path, b"x").unwrap_err();
        assert_eq!(err.exit_code(), 73);
        assert!(err.to_string().contains("a.yaml"));
    }

    #[test]
    fn saved_answers_read_back_the_same() {
        let rules = Rules::builtin().unwrap();
        let doc = crate::answers::parse(&rules, "iop.yaml", include_str!("../examples/iop.yaml"))
            .unwrap();
        let text = answer_file(&rules, &doc.answers, doc.id.as_deref());
        let back = crate::answers::parse(&rules, "saved.yaml", &text).unwrap();
        assert_eq!(back.answers, doc.answers);
        assert_eq!(back.id, doc.id, "the record id is kept");
        // `no` stays a string for YAML 1.1 readers too.
        assert!(text.contains("  recent_attempt: \"no\"\n"), "{text}");
    }
}
