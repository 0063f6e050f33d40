//! Writing files that hold health data: owner-only (0600), atomically
//! (a temporary file in the same folder, then a rename), never half-written.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::Path;

use indexmap::IndexMap;
use serde::Serialize;

use crate::answers::{Answer, AnswerDoc, Answers};
use crate::error::{Error, Problem};
use crate::resume::Way;
use crate::rules::model::Respondent;
use crate::rules::Rules;

/// What a path given to `--save` (or `--output`) holds already.
#[derive(Debug)]
pub enum Existing {
    /// Nothing: the file will be created.
    Nothing,
    /// An empty file, or one of blank lines and comments.
    Empty,
    /// An answer file these rules read (possibly with no answers yet);
    /// `comments` when it holds comments other than the ones carelevel
    /// writes, which saving does not keep; `fhir` when it is a FHIR
    /// QuestionnaireResponse (saving again keeps it one).
    Answers {
        doc: AnswerDoc,
        comments: bool,
        fhir: bool,
    },
    /// A file that is not an answer file for these rules: why not.
    Other(Error),
}

/// Look at what `path` holds, without changing it. A path that is not a
/// regular file (a folder, device, pipe or link) is an error now, before
/// any question is asked.
pub fn inspect(rules: &Rules, path: &Path) -> Result<Existing, Error> {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return Ok(Existing::Nothing);
    };
    if !meta.file_type().is_file() {
        return Err(not_a_file(path));
    }
    let name = path.display().to_string();
    let text = match crate::input::read_input(
        &crate::settings::Input::File(path.into()),
        &mut std::io::empty(),
    ) {
        Ok((_, text)) => text,
        Err(e) => return Ok(Existing::Other(e)),
    };
    let blank = text
        .lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#'));
    if blank {
        return Ok(Existing::Empty);
    }
    Ok(match crate::read::parse(rules, &name, &text) {
        Ok(doc) => {
            let fhir = text.trim_start().starts_with('{') && text.contains("\"resourceType\"");
            Existing::Answers {
                doc,
                comments: !fhir && text.lines().any(|l| is_foreign_comment(l.trim())),
                fhir,
            }
        }
        Err(e) => Existing::Other(e),
    })
}

/// A comment line, or a value with a comment after it, that carelevel did
/// not write itself (its header lines are written again on every save).
fn is_foreign_comment(line: &str) -> bool {
    if line.starts_with('#') {
        return !our_header_starts().iter().any(|o| line.starts_with(o));
    }
    line.contains(" #")
}

/// How the header lines that carelevel writes begin, in every language it
/// speaks (and as earlier versions wrote them).
fn our_header_starts() -> &'static [String] {
    static STARTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        const MARK: &str = "\u{1}";
        let mut starts: Vec<String> = ["# Resume or re-score", "# Once every question is answered"]
            .map(str::to_owned)
            .to_vec();
        for lang in crate::words::languages() {
            let w = crate::words::of(lang);
            let args = [
                ("id", crate::words::text(MARK)),
                ("version", crate::words::text(MARK)),
                ("command", crate::words::text(MARK)),
            ];
            for key in ["saved-header", "saved-go-on", "saved-result"] {
                let line = w.with(key, &args);
                let start = line.split(MARK).next().unwrap_or_default();
                starts.push(format!("# {start}"));
            }
        }
        starts
    })
}

fn not_a_file(path: &Path) -> Error {
    Error::Output {
        what: format!("`{}`", path.display()),
        source: std::io::Error::other(
            "it is not a regular file (a folder, device, pipe or link); give a path to a file",
        ),
    }
}

/// Check that `path` can be written, before anything is asked: a regular
/// file or nothing there, in a folder where a file can be created.
pub fn check_writable(path: &Path) -> Result<(), Error> {
    if fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file()) {
        return Err(not_a_file(path));
    }
    let tmp = temp_path(path);
    match create_private(&tmp) {
        Ok(_) => {
            let _ = fs::remove_file(&tmp);
            Ok(())
        }
        Err(source) => Err(Error::Output {
            what: format!("`{}`", path.display()),
            source,
        }),
    }
}

/// A new file at `path` that only its owner can read, failing if anything
/// is there already.
fn create_private(path: &Path) -> std::io::Result<fs::File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// The temporary file a write to `path` goes through: in the same folder,
/// so that the final rename is atomic.
fn temp_path(path: &Path) -> std::path::PathBuf {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.join(format!(".{name}.{}.tmp", std::process::id()))
}

/// Remove the temporary files that earlier runs writing to `path` left
/// behind when they were killed mid-write (they hold answers). A file of
/// a process still running is left alone: it may be writing now.
fn remove_stale_temp_files(path: &Path) {
    let Some(dir) = temp_path(path).parent().map(Path::to_path_buf) else {
        return;
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(&dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let pid = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok());
        let Some(pid) = pid else { continue };
        let ours = entry.file_type().is_ok_and(|t| t.is_file());
        if ours && pid != std::process::id() && !is_running(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether two paths name the same file (the same path, or, when both
/// exist, the same file by another name).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Whether process `pid` still exists (on Linux, where `/proc` says so;
/// elsewhere, assume it does and keep its file).
fn is_running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// An output file (`flag`) never replaces a file that holds something,
/// least of all answers, unless `--overwrite` says so.
pub fn may_replace(rules: &Rules, path: &Path, overwrite: bool, flag: &str) -> Result<(), Error> {
    let held = match inspect(rules, path)? {
        Existing::Nothing => return Ok(()),
        Existing::Empty if overwrite => return Ok(()),
        Existing::Answers { doc, .. } if doc.answers.iter().next().is_some() => {
            let n = doc.answers.iter().count();
            // Answers are never replaced by a result or a blank file, even
            // with `--overwrite`: removing them is the person's own step.
            let help = format!(
                "give `{flag}` another file name (to keep answering in it, use `{}`)",
                Way::of(rules, false, Respondent::Myself).resume_path(path)
            );
            return Err(Error::WouldOverwrite(
                Problem::new(format!(
                    "`{}` holds {n} {}, so carelevel will not replace it",
                    path.display(),
                    if n == 1 { "answer" } else { "answers" }
                ))
                .help(help),
            ));
        }
        _ if overwrite => return Ok(()),
        Existing::Empty => return Ok(()),
        _ => "already exists",
    };
    Err(Error::WouldOverwrite(
        Problem::new(format!(
            "`{}` {held}, so carelevel will not replace it",
            path.display()
        ))
        .help(format!(
            "give `{flag}` a new file name, or add `--overwrite` to replace it"
        )),
    ))
}

/// The refusal to replace `path`, which holds something that is not ours to lose.
pub fn would_overwrite(path: &Path, what: &str, flag: &str) -> Error {
    Error::WouldOverwrite(
        Problem::new(format!(
            "`{}` {what}, so carelevel will not replace it",
            path.display()
        ))
        .help(format!(
            "choose another file name, or add `{flag}` to replace it"
        )),
    )
}

/// Replace `path` with `bytes`, or leave it untouched on failure. Only a
/// regular file is replaced: a folder, device, pipe or symbolic link at
/// `path` is refused rather than swapped for a file.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let fail = |source| Error::Output {
        what: format!("`{}`", path.display()),
        source,
    };
    if fs::symlink_metadata(path).is_ok_and(|m| !m.file_type().is_file()) {
        return Err(not_a_file(path));
    }
    let _saving = crate::interrupt::Saving::start();
    remove_stale_temp_files(path);
    let tmp = temp_path(path);
    let result = create_private(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    if let Err(e) = result.and_then(|()| fs::rename(&tmp, path)) {
        let _ = fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

/// A file written as a stream and put in place only when complete: the
/// bytes go to an owner-only temporary file beside it, renamed over `path`
/// by [`Streamed::finish`]. Dropped before that, the temporary file is
/// removed and `path` is as it was.
/// Whether `path` is a device or a named pipe (`/dev/null`, a FIFO): written
/// to as it is, never replaced.
pub fn is_stream(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        fs::symlink_metadata(path)
            .is_ok_and(|m| m.file_type().is_char_device() || m.file_type().is_fifo())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// A device or a pipe (`/dev/null`, a named pipe) is written straight to:
/// it cannot be replaced, and holds nothing to keep.
pub struct Streamed {
    path: std::path::PathBuf,
    /// `None` for a device or a pipe.
    tmp: Option<std::path::PathBuf>,
    file: Option<std::io::BufWriter<fs::File>>,
}

impl Streamed {
    pub fn create(path: &Path) -> Result<Streamed, Error> {
        let fail = |source| Error::Output {
            what: format!("`{}`", path.display()),
            source,
        };
        if let Ok(m) = fs::symlink_metadata(path) {
            #[cfg(unix)]
            {
                use std::os::unix::fs::FileTypeExt;
                let t = m.file_type();
                if t.is_char_device() || t.is_fifo() {
                    let file = OpenOptions::new().write(true).open(path).map_err(fail)?;
                    return Ok(Streamed {
                        path: path.to_path_buf(),
                        tmp: None,
                        file: Some(std::io::BufWriter::with_capacity(1 << 16, file)),
                    });
                }
            }
            if !m.file_type().is_file() {
                return Err(not_a_file(path));
            }
        }
        remove_stale_temp_files(path);
        let tmp = temp_path(path);
        let file = create_private(&tmp).map_err(fail)?;
        Ok(Streamed {
            path: path.to_path_buf(),
            tmp: Some(tmp),
            file: Some(std::io::BufWriter::with_capacity(1 << 16, file)),
        })
    }

    /// The error for a failed write, naming the file the user gave.
    pub fn error(&self, source: std::io::Error) -> Error {
        Error::Output {
            what: format!("`{}`", self.path.display()),
            source,
        }
    }

    /// Flush, sync and rename into place.
    pub fn finish(mut self) -> Result<(), Error> {
        let file = self.file.take().expect("finished once");
        let _saving = crate::interrupt::Saving::start();
        let file = file
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error);
        let result = match &self.tmp {
            Some(tmp) => file
                .and_then(|f| f.sync_all())
                .and_then(|()| fs::rename(tmp, &self.path)),
            None => file.map(drop),
        };
        result.map_err(|e| self.error(e))
    }
}

impl Write for Streamed {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.as_mut().expect("not finished").write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().expect("not finished").flush()
    }
}

impl Drop for Streamed {
    fn drop(&mut self) {
        // Not finished: nothing half-written is left behind.
        if let (Some(tmp), Some(_)) = (&self.tmp, &self.file) {
            let _ = fs::remove_file(tmp);
        }
    }
}

/// The `--save` file holding `answers`, in `format`: an answer file, or a
/// FHIR QuestionnaireResponse (read back alike).
pub fn saved_answers(
    rules: &Rules,
    answers: &Answers,
    id: Option<&str>,
    respondent: Respondent,
    path: &Path,
    format: crate::settings::SaveFormat,
    way: &Way,
) -> String {
    match format {
        crate::settings::SaveFormat::Answers => {
            answer_file(rules, answers, id, respondent, path, way)
        }
        crate::settings::SaveFormat::Fhir => {
            crate::fhir::response_file(rules, answers, id, respondent)
        }
    }
}

/// An answer file holding `answers` (and the record `id`, if any),
/// readable by `screen --answers`.
/// JSON for a file named `*.json` (JSON tools keep working on it), else
/// YAML with a header, in the language of the run, that says how to go
/// on `way`.
pub fn answer_file(
    rules: &Rules,
    answers: &Answers,
    id: Option<&str>,
    respondent: Respondent,
    path: &Path,
    way: &Way,
) -> String {
    #[derive(Serialize)]
    struct AnswerFile<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
        /// Always written: answers by the person and by someone else never mix.
        respondent: Respondent,
        answers: IndexMap<&'a str, &'a Answer>,
    }
    let file = AnswerFile {
        id,
        respondent,
        answers: answers
            .iter()
            .map(|(q, a)| (rules.file.questions[q].id.as_str(), a))
            .collect(),
    };
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if json {
        let mut text = serde_json::to_string_pretty(&file).expect("answers always serialize");
        text.push('\n');
        return text;
    }
    let w = crate::words::of(&rules.lang);
    let t = crate::words::text;
    let this = w.get("this-file");
    let mut text = String::new();
    for line in [
        w.with(
            "saved-header",
            &[
                ("id", t(&rules.file.id)),
                ("version", t(&rules.file.version)),
            ],
        ),
        w.with("saved-go-on", &[("command", t(&way.resume(&this)))]),
        w.with("saved-result", &[("command", t(&way.result(&this)))]),
    ] {
        text.push_str(&format!("# {line}\n"));
    }
    text.push_str(&crate::yaml_out::to_string(&file));
    text
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
        let doc =
            crate::read::parse(&rules, "iop.yaml", include_str!("../examples/iop.yaml")).unwrap();
        let text = answer_file(
            &rules,
            &doc.answers,
            doc.id.as_deref(),
            Respondent::Myself,
            Path::new("a.yaml"),
            &Way::default(),
        );
        let back = crate::read::parse(&rules, "saved.yaml", &text).unwrap();
        assert_eq!(back.answers, doc.answers);
        assert_eq!(back.id, doc.id, "the record id is kept");
        // `no` stays a string for YAML 1.1 readers too.
        assert!(text.contains("  recent_attempt: \"no\"\n"), "{text}");
    }

    #[test]
    fn a_json_answer_file_is_saved_as_json_and_reads_back() {
        let rules = Rules::builtin().unwrap();
        let doc =
            crate::read::parse(&rules, "iop.yaml", include_str!("../examples/iop.yaml")).unwrap();
        let text = answer_file(
            &rules,
            &doc.answers,
            doc.id.as_deref(),
            Respondent::Other,
            Path::new("a.JSON"),
            &Way::default(),
        );
        let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(v["answers"]["recent_attempt"], "no");
        let back = crate::read::parse(&rules, "a.json", &text).unwrap();
        assert_eq!(back.answers, doc.answers);
    }

    #[test]
    fn comments_of_the_person_are_told_apart_from_ours() {
        let rules = Rules::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let ours = dir.path().join("ours.yaml");
        let doc =
            crate::read::parse(&rules, "iop.yaml", include_str!("../examples/iop.yaml")).unwrap();
        fs::write(
            &ours,
            answer_file(
                &rules,
                &doc.answers,
                None,
                Respondent::Myself,
                &ours,
                &Way::default(),
            ),
        )
        .unwrap();
        assert!(matches!(
            inspect(&rules, &ours).unwrap(),
            Existing::Answers {
                comments: false,
                ..
            }
        ));
        let theirs = dir.path().join("theirs.yaml");
        fs::write(
            &theirs,
            "# client J.D.\nanswers:\n  recent_attempt: \"no\"  # confirmed\n",
        )
        .unwrap();
        assert!(matches!(
            inspect(&rules, &theirs).unwrap(),
            Existing::Answers { comments: true, .. }
        ));
    }
}
