//! `carelevel batch`: records in, results out, in order, with error records,
//! summaries and the effect of a rule change.

use std::path::Path;

use crate::{carelevel, fixture, stdout_of};

fn records(name: &str) -> std::path::PathBuf {
    fixture("batch").join(name)
}

/// Exit code, stdout and stderr.
fn run(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let out = cmd.output().expect("runs");
    (
        out.status.code().expect("an exit code"),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The seconds and rate in a summary change from run to run.
fn steady(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.ends_with("records/s") {
                "<time>, <rate> records/s"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `n` generated records, as `carelevel generate` writes them.
fn generated(n: usize, seed: u64, csv: bool) -> String {
    use carelevel::generate;
    let rules = carelevel::builtin::rules();
    let mut r = generate::Random::new(seed);
    let mut out = String::new();
    if csv {
        out.push_str(&generate::csv_header(&rules));
        out.push('\n');
    }
    for i in 0..n {
        let answers = generate::person(&rules, &mut r);
        let id = format!("r{i}");
        out.push_str(&if csv {
            generate::csv_row(&rules, &answers, &id)
        } else {
            generate::json_line(&rules, &answers, &id)
        });
        out.push('\n');
    }
    out
}

#[test]
fn json_lines_in_and_out() {
    // Run beside the file, so that messages name it the same on any machine.
    let (code, out, err) = run(carelevel().current_dir(fixture("batch")).args([
        "batch",
        "--summary",
        "text",
        "records.jsonl",
    ]));
    assert_eq!(code, 65, "one record has a wrong code: {err}");
    insta::assert_snapshot!("batch_jsonl_out", out);
    insta::assert_snapshot!("batch_jsonl_summary", steady(&err));
    let lines = json_lines(&out);
    // A blank line is skipped but counted: line numbers are the file's.
    let at: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
    assert_eq!(at, [1, 2, 4, 5, 6]);
    // A record missing answers is an error, never a lower level, and still
    // says that it holds a crisis answer.
    assert_eq!(lines[4]["crisis"], true);
    assert!(lines[4]["level"].is_null());
    assert!(lines[4]["error"].as_str().unwrap().contains("no answer to"));
    // The crisis comes first in the summary.
    assert!(
        err.starts_with("CRISIS: 2 records have a crisis answer"),
        "{err}"
    );
}

#[test]
fn csv_in_and_out_with_quoted_commas_and_line_breaks_in_ids() {
    let (code, out, err) = run(carelevel().current_dir(fixture("batch")).args([
        "batch",
        "--format",
        "csv",
        "--summary",
        "none",
        "records.csv",
    ]));
    assert_eq!(code, 65, "{err}");
    assert_eq!(err, "", "no summary asked for");
    insta::assert_snapshot!("batch_csv_out", out);
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let error = rows
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "error")
        .unwrap();
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(
        ids,
        ["plain", "Smith, \"Jo\"", "two\nlines", "bad", "after"]
    );
    let lines: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(
        lines,
        ["2", "3", "4", "6", "7"],
        "a quoted line break spans two lines"
    );
    assert_eq!(&rows[2][2], "true");
    assert!(rows[3][error].contains("records.csv:6:"), "{:?}", &rows[3]);
    assert_eq!(&rows[4][3], "iop", "the record after the bad one is scored");
}

#[test]
fn csv_in_gives_the_same_results_as_json_lines() {
    let (_, from_csv, _) = run(carelevel()
        .args(["batch", "-i", "csv", "-", "--summary", "none"])
        .write_stdin(generated(300, 4, true)));
    let (_, from_json, _) = run(carelevel()
        .args(["batch", "-", "--summary", "none"])
        .write_stdin(generated(300, 4, false)));
    let strip = |text: &str| -> Vec<serde_json::Value> {
        json_lines(text)
            .into_iter()
            .map(|mut v| {
                v.as_object_mut().unwrap().remove("line");
                v
            })
            .collect()
    };
    assert_eq!(strip(&from_csv), strip(&from_json));
}

#[test]
fn output_keeps_input_order_on_several_threads() {
    let input = generated(3000, 9, false);
    let (code, one, _) = run(carelevel()
        .args(["batch", "-", "-j", "1", "--summary", "none"])
        .write_stdin(input.clone()));
    assert_eq!(code, 0);
    let (code, many, _) = run(carelevel()
        .args(["batch", "-", "-j", "4", "--summary", "none"])
        .write_stdin(input));
    assert_eq!(code, 0);
    assert_eq!(one, many, "the same bytes whatever the number of threads");
    let ids: Vec<String> = json_lines(&many)
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (0..3000).map(|i| format!("r{i}")).collect();
    assert_eq!(ids, expected);
}

fn with_error_at(n: usize, bad: usize) -> String {
    let mut lines: Vec<String> = generated(n, 2, false).lines().map(str::to_owned).collect();
    lines[bad] = lines[bad].replacen("\"answers\":{", "\"answers\":{\"no_such_question\":1,", 1);
    lines.join("\n") + "\n"
}

#[test]
fn a_bad_record_in_the_middle_becomes_an_error_record_and_the_run_goes_on() {
    let (code, out, err) = run(carelevel()
        .args(["batch", "-", "-j", "2"])
        .write_stdin(with_error_at(1000, 600)));
    assert_eq!(code, 65);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1000);
    let bad = &lines[600];
    assert_eq!(bad["line"], 601);
    assert_eq!(bad["id"], "r600");
    let message = bad["error"].as_str().unwrap();
    assert!(
        message.contains("unknown question `no_such_question`"),
        "{message}"
    );
    assert!(
        message.contains("<stdin>:601:"),
        "the place, as screen gives it: {message}"
    );
    assert_eq!(bad["problems"][0]["line"], 601);
    assert!(lines[601]["level"].is_string(), "the next record is scored");
    assert!(
        err.contains("1,000 records read: 999 scored, 1 could not be scored"),
        "{err}"
    );
}

#[test]
fn fail_fast_stops_at_the_first_bad_record() {
    let (code, out, _) = run(carelevel()
        .args(["batch", "-", "--fail-fast", "-j", "2", "--summary", "none"])
        .write_stdin(with_error_at(2000, 700)));
    assert_eq!(code, 65);
    let lines = json_lines(&out);
    assert_eq!(
        lines.len(),
        701,
        "the records before it, and its error record"
    );
    assert!(lines[700]["error"].is_string());
}

#[test]
fn stdin_is_read_when_the_input_is_a_dash() {
    let text = std::fs::read_to_string(records("records.jsonl")).unwrap();
    let (code, from_stdin, _) = run(carelevel()
        .args(["batch", "-", "--summary", "none"])
        .write_stdin(text));
    assert_eq!(code, 65);
    let (_, from_file, _) = run(carelevel()
        .args(["batch", "--summary", "none"])
        .arg(records("records.jsonl")));
    assert_eq!(json_lines(&from_stdin).len(), 5);
    assert_eq!(
        from_stdin,
        from_file.replace(&records("records.jsonl").display().to_string(), "<stdin>")
    );
}

#[test]
fn output_file_is_owner_only_and_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.jsonl");
    let (code, out, _) = run(carelevel()
        .args(["batch", "--summary", "json", "-o"])
        .arg(&path)
        .arg(records("records.jsonl")));
    assert_eq!(code, 65);
    let summary: serde_json::Value =
        serde_json::from_str(&out).expect("only the summary on stdout");
    assert_eq!(summary["summary"]["records"], 5);
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(json_lines(&written).len(), 5);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no temporary file left");
}

#[test]
fn summaries_of_chunks_add_up_to_the_whole() {
    let input = generated(900, 21, false);
    let summary = |text: String| -> serde_json::Value {
        let (_, out, _) = run(carelevel()
            .args(["batch", "-", "--summary", "json", "-o", "/dev/null"])
            .write_stdin(text));
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["summary"].clone()
    };
    let lines: Vec<&str> = input.lines().collect();
    let (a, b) = lines.split_at(400);
    let parts = [summary(a.join("\n")), summary(b.join("\n"))];
    let whole = summary(input.clone());
    for key in ["records", "scored", "failed", "crisis"] {
        let sum: u64 = parts.iter().map(|p| p[key].as_u64().unwrap()).sum();
        assert_eq!(sum, whole[key].as_u64().unwrap(), "{key}");
    }
    for level in ["outpatient", "iop", "inpatient"] {
        let sum: u64 = parts
            .iter()
            .map(|p| p["levels"][level].as_u64().unwrap())
            .sum();
        assert_eq!(sum, whole["levels"][level].as_u64().unwrap(), "{level}");
    }
}

/// The built-in rules with the outpatient band narrowed: a rating of 2
/// now points to the intensive outpatient program.
fn narrowed_rules(dir: &Path) -> std::path::PathBuf {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default.yaml"))
            .unwrap();
    let from =
        "    - level: outpatient\n      from: 0\n      to: 2\n    - level: iop\n      from: 3\n";
    assert!(text.contains(from));
    let changed = text
        .replace(from, "    - level: outpatient\n      from: 0\n      to: 1\n    - level: iop\n      from: 2\n")
        .replacen("version: 2.0.0", "version: 2.1.0", 1);
    let path = dir.join("narrowed.yaml");
    std::fs::write(&path, changed).unwrap();
    path
}

#[test]
fn a_rule_change_shows_who_moves_from_which_level_to_which() {
    let dir = tempfile::tempdir().unwrap();
    let new = narrowed_rules(dir.path());
    let baseline = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default.yaml");
    let input = generated(2000, 17, false);
    let (code, out, err) = run(carelevel()
        .args(["batch", "-", "--rules"])
        .arg(&new)
        .arg("--baseline")
        .arg(&baseline)
        .write_stdin(input.clone()));
    assert_eq!(code, 0, "{err}");
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2000);
    let moved = lines
        .iter()
        .filter(|l| l["baseline_level"] == "outpatient" && l["level"] == "iop")
        .count();
    assert!(moved > 0, "some records move up");
    assert!(
        lines
            .iter()
            .all(|l| !(l["baseline_level"] == "iop" && l["level"] == "outpatient")),
        "none move down"
    );
    assert!(err.contains("Baseline → new level"), "{err}");
    let row = err
        .lines()
        .find(|l| l.trim_start().starts_with("outpatient"))
        .expect("a row for outpatient");
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cells[2].replace(',', ""), moved.to_string(), "{row}");

    let (_, json, _) = run(carelevel()
        .args([
            "batch",
            "-",
            "-o",
            "/dev/null",
            "--summary",
            "json",
            "--rules",
        ])
        .arg(&new)
        .arg("--baseline")
        .arg(&baseline)
        .write_stdin(input.clone()));
    let summary: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        summary["summary"]["baseline"]["moved"]["outpatient"]["iop"],
        moved
    );
    assert_eq!(summary["summary"]["baseline"]["changed"], moved);

    let (_, changed, _) = run(carelevel()
        .args([
            "batch",
            "-",
            "--changed-only",
            "--summary",
            "none",
            "--rules",
        ])
        .arg(&new)
        .arg("--baseline")
        .arg(&baseline)
        .write_stdin(input));
    let changed = json_lines(&changed);
    assert_eq!(changed.len(), moved);
    assert!(changed.iter().all(|l| l["level"] != l["baseline_level"]));
}

#[test]
fn a_question_only_one_rule_file_asks_is_reported_per_record() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.yaml");
    let text = std::fs::read_to_string(fixture("minimal.yaml")).unwrap();
    std::fs::write(&old, &text).unwrap();
    let (code, out, err) = run(carelevel()
        .args(["batch", "-", "--summary", "text", "--baseline"])
        .arg(&old)
        .write_stdin(generated(5, 1, false)));
    assert_eq!(code, 0, "the new rules score every record: {err}");
    for l in json_lines(&out) {
        assert!(l["level"].is_string());
        assert!(
            l["baseline_error"]
                .as_str()
                .unwrap()
                .contains("unknown question"),
            "{l}"
        );
    }
    assert!(err.contains("5 could not be scored"), "{err}");
}

#[test]
fn usage_errors_are_said_before_anything_is_read() {
    for args in [
        &["batch", "-", "--full", "--format", "csv"][..],
        &["batch", "-", "--format", "csv", "--summary", "json"][..],
        &["batch", "-", "--rules", "-"][..],
    ] {
        let (code, out, err) = run(carelevel().args(args).write_stdin("{}\n"));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(out, "");
        assert!(err.contains("help:"), "{err}");
    }
    let (code, _, err) = run(carelevel().args(["batch", "--changed-only", "-"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--baseline"), "{err}");
}

#[test]
fn a_csv_header_with_an_unknown_column_stops_the_run_with_its_place() {
    let input = "id,self_harm_thougts,housing\n1,none,stable\n";
    let (code, out, err) = run(carelevel()
        .args(["batch", "-i", "csv", "-"])
        .write_stdin(input));
    assert_eq!(code, 65);
    assert_eq!(out, "");
    assert!(
        err.contains("column `self_harm_thougts` is not a question"),
        "{err}"
    );
    assert!(err.contains("<stdin>:1:4"), "{err}");
    assert!(err.contains("did you mean `self_harm_thoughts`?"), "{err}");
}

#[test]
fn closing_the_reader_early_is_not_an_error() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("carelevel"))
        .args(["batch", "-", "--summary", "none"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let input = generated(20000, 3, false);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 100];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let status = child.wait().unwrap();
    writer.join().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn on_a_terminal_the_summary_is_a_bar_chart_and_elsewhere_plain_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, generated(3000, 5, false)).unwrap();
    let out = dir.path().join("out.jsonl");
    // Standard error is the terminal; the records go to a file.
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("stty rows 24 cols 100 && exec \"$0\" batch \"$1\" --output \"$2\"")
        .arg(assert_cmd::cargo::cargo_bin("carelevel"))
        .arg(&input)
        .arg(&out)
        .env("TERM", "xterm")
        .env_remove("NO_COLOR");
    let mut p = rexpect::session::spawn_command(cmd, Some(20_000)).expect("a pty");
    let shown = p.exp_string("records/s").expect("the summary");
    p.exp_eof().expect("the end");
    // The terminal's bytes, read back as UTF-8.
    let shown =
        String::from_utf8_lossy(&shown.chars().map(|c| c as u8).collect::<Vec<u8>>()).into_owned();
    assert!(
        shown.contains("left)"),
        "a progress bar while it runs: {shown}"
    );
    assert!(shown.contains("█"), "bars on a terminal: {shown}");
    assert!(shown.contains("3,000 records read"), "{shown}");
    assert_eq!(
        json_lines(&std::fs::read_to_string(&out).unwrap()).len(),
        3000
    );

    let (_, _, err) = run(carelevel()
        .args(["batch", "-", "-o", "/dev/null"])
        .write_stdin(generated(300, 5, false)));
    assert!(!err.contains('█') && !err.contains('\x1b'), "{err}");
    assert!(err.contains("300 records read"), "{err}");
}

#[test]
fn generate_writes_records_that_batch_scores() {
    let jsonl = stdout_of(crate::carelevel().args(["generate", "-n", "40", "--seed", "3"]));
    assert_eq!(jsonl.lines().count(), 40);
    assert!(jsonl.starts_with("{\"id\":\"gen-0000001\""), "{jsonl}");
    assert_eq!(
        jsonl,
        stdout_of(crate::carelevel().args(["generate", "-n", "40", "--seed", "3"])),
        "the same seed gives the same records"
    );
    assert_eq!(jsonl, generated_ids(40, 3), "the library's own generator");
    let (code, out, _) = run(crate::carelevel()
        .args(["batch", "-", "--summary", "none"])
        .write_stdin(jsonl));
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 40);
    let csv = stdout_of(crate::carelevel().args(["generate", "-n", "5", "-f", "csv"]));
    assert!(csv.starts_with("id,age_group,"), "{csv}");
    let (code, _, _) = run(crate::carelevel()
        .args(["batch", "-", "-i", "csv", "--summary", "none"])
        .write_stdin(csv));
    assert_eq!(code, 0);
    crate::carelevel()
        .args(["generate", "--rules", "/no/such/rules.yaml"])
        .assert()
        .code(66)
        .stderr(predicates::str::contains(
            "cannot read `/no/such/rules.yaml`",
        ));
}

/// What `generate` writes, from the library, for the same seed.
fn generated_ids(n: u64, seed: u64) -> String {
    let rules = carelevel::builtin::rules();
    let mut out = Vec::new();
    carelevel::generate::write(
        &rules,
        n,
        seed,
        carelevel::settings::RecordFormat::Jsonl,
        &mut out,
    )
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// `--format fhir`: FHIR R4 NDJSON, a Bundle per record in input order (the
/// record's id carried), an OperationOutcome for a record that cannot be
/// scored; `tests/fhir/validate.py` checks the resources with an
/// independent FHIR library.
#[test]
fn fhir_ndjson_has_a_bundle_per_record() {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let input = std::fs::read_to_string(examples.join("crisis.json"))
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        + "\n{\"id\": \"broken\", \"answers\": {\"age_group\": \"ancient\"}}\n";
    let out = carelevel()
        .args(["batch", "-", "--format", "fhir", "--summary", "none"])
        .write_stdin(input)
        .assert()
        .code(65)
        .get_output()
        .clone();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0]["resourceType"], "Bundle");
    let observation = &lines[0]["entry"][0]["resource"];
    assert_eq!(observation["resourceType"], "Observation");
    assert_eq!(
        observation["valueCodeableConcept"]["coding"][0]["code"],
        "inpatient"
    );
    assert_eq!(observation["interpretation"][0]["coding"][0]["code"], "AA");
    assert_eq!(lines[1]["resourceType"], "OperationOutcome");
    let said = lines[1]["issue"][0]["diagnostics"].as_str().unwrap();
    assert!(said.starts_with("record `broken` (line 2): "), "{said}");

    // Whole results in JSON Lines only; a JSON summary needs the resources
    // in a file of their own.
    carelevel()
        .args(["batch", "-", "--format", "fhir", "--full"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("only JSON Lines holds"));
    carelevel()
        .args(["batch", "-", "--format", "fhir", "--summary", "json"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("after the FHIR resources"));
}

/// At 80 columns the summary fits: no line is wider than the terminal, the
/// crisis line wraps at words, both rule sets are named under
/// `--baseline`, and the crisis is said in the words of the output's
/// format. With the records on the same terminal (or `--summary none`),
/// no progress bar is drawn, so none is left between them.
#[test]
fn the_summary_fits_80_columns_and_names_both_rule_sets() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, generated(2000, 7, false)).unwrap();
    let rules = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/default.yaml");
    let screen_of = |script: &str, args: &[&std::ffi::OsStr]| {
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c")
            .arg(format!("stty rows 24 cols 80 && {script}"))
            .arg(assert_cmd::cargo::cargo_bin("carelevel"))
            .args(args)
            .env("TERM", "xterm")
            .env("NO_COLOR", "1")
            .env("PATH", crate::path_with_carelevel());
        let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).expect("a pty");
        let shown = p.exp_eof().expect("the end");
        String::from_utf8_lossy(&shown.chars().map(|c| c as u8).collect::<Vec<u8>>()).into_owned()
    };
    let out = dir.path().join("out.csv");
    let shown = screen_of(
        "exec \"$0\" batch \"$1\" --format csv --output \"$2\" --baseline \"$3\"",
        &[input.as_os_str(), out.as_os_str(), rules.as_os_str()],
    );
    // What the terminal shows: lines between line ends, without the
    // progress bar's escape sequences (which take no columns).
    let seen = shown.replace("\x1b[2K", "");
    for line in seen.split(['\r', '\n']) {
        assert!(line.chars().count() <= 80, "{line:?} in\n{shown}");
    }
    let flat = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("CRISIS: ") && flat.contains("(`true` in the crisis column in the output)"),
        "{shown}"
    );
    assert!(!shown.contains("\"crisis\": true"), "{shown}");
    assert!(
        flat.contains("Rules: `default` 3.1.0 (built in); baseline: `default` 3.1.0 ("),
        "{shown}"
    );
    assert!(shown.contains('█'), "a bar chart on a terminal: {shown}");

    // The records on the terminal itself, and `--summary none`: no bar.
    for args in [["--format", "csv"], ["--summary", "none"]] {
        let shown = screen_of(
            "exec \"$0\" batch \"$1\" \"$2\" \"$3\"",
            &[input.as_os_str(), args[0].as_ref(), args[1].as_ref()],
        );
        assert!(!shown.contains("left)"), "a progress bar with {args:?}");
        assert!(
            !shown.contains("records/s") || args[0] == "--format",
            "{args:?}"
        );
    }
}
