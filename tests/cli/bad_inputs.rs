//! Malformed and hostile inputs, through every command that reads them.
//!
//! `tests/fixtures/bad/` holds malformed rule files (`rules-*`) and answer
//! files (`answers-*`); `expected.tsv` gives each one's exit code and the
//! key words its message must hold. Very large inputs are generated here.
//! Every run must end with that exit code and message, without a panic,
//! within a bounded time, with a bounded message, and with nothing written
//! to standard output or to an `--output` file.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The longest an error message may be, in bytes.
const MAX_MESSAGE: usize = 8_000;
/// The longest a run may take (a debug build, on a slow machine).
const MAX_TIME: Duration = Duration::from_secs(20);

struct Case {
    file: PathBuf,
    code: i32,
    words: Vec<String>,
}

fn cases() -> Vec<Case> {
    let dir = crate::fixture("bad");
    let manifest = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    manifest
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let mut cols = line.split('\t');
            let (file, code, words) = (
                cols.next().unwrap(),
                cols.next().unwrap(),
                cols.next().unwrap(),
            );
            Case {
                file: dir.join(file),
                code: code.parse().unwrap(),
                words: words.split(" | ").map(str::to_owned).collect(),
            }
        })
        .collect()
}

struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
    took: Duration,
}

fn run(args: &[&str], stdin: Option<&Path>) -> Run {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("carelevel"));
    cmd.args(args).env("COLUMNS", "100").env("NO_COLOR", "1");
    cmd.stdin(match stdin {
        Some(path) => std::process::Stdio::from(std::fs::File::open(path).unwrap()),
        None => std::process::Stdio::null(),
    });
    let start = Instant::now();
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: start.elapsed(),
    }
}

/// What every run of a bad input must show.
fn check(what: &str, r: &Run, code: i32, words: &[String]) {
    assert!(
        !r.stderr.contains("panicked") && r.code != Some(101),
        "{what}: a panic\n{}",
        r.stderr
    );
    assert_eq!(r.code, Some(code), "{what}: exit code\n{}", r.stderr);
    for w in words {
        assert!(
            r.stderr.contains(w.as_str()),
            "{what}: no {w:?} in\n{}",
            r.stderr
        );
    }
    assert!(
        r.stderr.starts_with("error: "),
        "{what}: says what is wrong first\n{}",
        r.stderr
    );
    assert!(
        r.stderr.len() <= MAX_MESSAGE,
        "{what}: {} bytes of message",
        r.stderr.len()
    );
    assert!(r.took <= MAX_TIME, "{what}: took {:?}", r.took);
    assert!(r.stdout.is_empty(), "{what}: wrote to standard output");
    // Nothing from the file reaches the terminal raw.
    assert!(
        !r.stderr
            .chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{202A}'..='\u{202E}').contains(&c)),
        "{what}: a control character in the message {:?}",
        r.stderr
    );
}

#[test]
fn every_malformed_file_gets_its_message_from_every_command() {
    let cases = cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let example = crate::fixture("../../examples/iop.yaml");
    let example = example.to_str().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    for case in &cases {
        let name = case
            .file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let path = case.file.to_str().unwrap();
        let output = out_dir.path().join(format!("{name}.out"));
        let output = output.to_str().unwrap();
        let runs: Vec<(String, Run)> = if name.starts_with("rules-") {
            [
                vec!["check", path],
                vec!["screen", "-r", path, "-a", example],
                vec![
                    "screen", "-r", path, "-a", example, "-f", "json", "-o", output,
                ],
                vec!["template", "-r", path],
                vec!["questions", "-r", path],
                vec!["compare", "-r", path],
            ]
            .into_iter()
            .map(|args| (args.join(" "), run(&args, None)))
            .chain(std::iter::once((
                "check - (stdin)".to_owned(),
                run(&["check", "-"], Some(&case.file)),
            )))
            .collect()
        } else {
            [
                vec!["screen", "-a", path],
                vec!["screen", "-a", path, "-f", "json"],
                vec!["screen", "-a", path, "-f", "markdown", "-o", output],
                vec!["screen", "-a", path, "--compare"],
            ]
            .into_iter()
            .map(|args| (args.join(" "), run(&args, None)))
            .chain(std::iter::once((
                "screen -a - (stdin)".to_owned(),
                run(&["screen", "-a", "-"], Some(&case.file)),
            )))
            .collect()
        };
        for (args, r) in &runs {
            check(
                &format!("{name}: carelevel {args}"),
                r,
                case.code,
                &case.words,
            );
        }
        assert!(
            !Path::new(output).exists(),
            "{name}: an output file was written"
        );
    }
    // Nothing half-written was left in the output folder either.
    assert_eq!(std::fs::read_dir(out_dir.path()).unwrap().count(), 0);
}

#[test]
fn inputs_that_grow_are_answered_quickly_and_briefly() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: String| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let answers = |keys: &str| format!("answers: {{{keys}}}\n");
    let cases: Vec<(&str, PathBuf, i32, &[&str])> = vec![
        (
            "50,000 unknown questions on one line",
            write(
                "unknown.yaml",
                answers(
                    &(0..50_000)
                        .map(|i| format!("q{i}: x, "))
                        .collect::<String>(),
                ),
            ),
            65,
            &[
                "unknown question `q0`",
                "in 49999 more places",
                "found 50000 problems",
            ],
        ),
        (
            "30,000 duplicate answers on one line",
            write("dup.yaml", answers(&"harm_others: none, ".repeat(30_000))),
            65,
            &["`harm_others` is answered twice", "more problems not shown"],
        ),
        (
            "a list of 300,000 numbers",
            write("list.yaml", format!("[{}]\n", vec!["1"; 300_000].join(","))),
            65,
            &["more than 250,000 comma-separated values"],
        ),
        (
            "600,000 lines of a list",
            write("lines.yaml", "- 1\n".repeat(600_000)),
            65,
            &["more than 500,000 values"],
        ),
        (
            "a 5 MB line of text",
            write(
                "long.yaml",
                format!(
                    "answers:\n  colour: \"{}\"\n  shade: x\n",
                    "a".repeat(5_000_000)
                ),
            ),
            65,
            &["unknown question `colour`"],
        ),
    ];
    for (what, path, code, words) in cases.into_iter().chain(batch_inputs(dir.path())) {
        let words: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
        let r = run(&["screen", "-a", path.to_str().unwrap()], None);
        check(what, &r, code, &words);
        // The same text as a rule file.
        let r = run(&["check", path.to_str().unwrap()], None);
        assert!(
            matches!(r.code, Some(78)),
            "{what} as rules: {:?}\n{}",
            r.code,
            r.stderr
        );
        assert!(
            r.stderr.len() <= MAX_MESSAGE && r.took <= MAX_TIME,
            "{what} as rules"
        );
    }
}

/// The records `batch` reads, given to `screen --answers` by mistake: the
/// error quotes a window of them, never the file, and names `batch`.
fn batch_inputs(dir: &Path) -> Vec<(&'static str, PathBuf, i32, &'static [&'static str])> {
    let generated = |n: &str, format: &str, name: &str| {
        let r = run(&["generate", "-n", n, "-f", format], None);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let path = dir.join(name);
        std::fs::write(&path, &r.stdout).unwrap();
        path
    };
    let csv = generated("5000", "csv", "records.csv");
    let jsonl = generated("300", "jsonl", "records.jsonl");
    // The same records without a telling name.
    let unnamed = dir.join("records.txt");
    std::fs::copy(&csv, &unnamed).unwrap();
    vec![
        ("5,000 CSV records", csv, 65, &["CSV", "carelevel batch"]),
        (
            "300 JSON Lines records",
            jsonl,
            65,
            &["JSON Lines", "carelevel batch"],
        ),
        (
            "5,000 CSV records named .txt",
            unnamed,
            65,
            &["CSV", "carelevel batch"],
        ),
    ]
}

/// What docs/exit-codes.md promises of every error: at most this many bytes.
const DOCUMENTED_BOUND: usize = 2_000;

#[test]
fn records_given_as_an_answer_file_get_a_short_error_that_names_batch() {
    let dir = tempfile::tempdir().unwrap();
    for (what, path, code, words) in batch_inputs(dir.path()) {
        let size = std::fs::metadata(&path).unwrap().len();
        for r in [
            run(&["screen", "-a", path.to_str().unwrap()], None),
            run(&["screen", "-a", "-"], Some(&path)),
        ] {
            let words: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
            check(what, &r, code, &words);
            assert!(
                r.stderr.len() <= DOCUMENTED_BOUND,
                "{what} ({size} bytes): {} bytes of message\n{}",
                r.stderr.len(),
                r.stderr
            );
            assert!(
                r.stderr.lines().all(|l| l.chars().count() <= 210),
                "{}",
                r.stderr
            );
        }
    }
}
