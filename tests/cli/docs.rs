//! The README cannot drift from the tool: every block in it (and in any
//! `docs/*.md`) is of a known kind, and the test suite runs it.
//!
//! - ```` ```console ````: `$ COMMAND` lines, each followed by what it
//!   prints (standard output and standard error, as a terminal shows them
//!   both) and, when it is not 0, its exit code on a line `? CODE`. The
//!   commands run in order, through `sh`, in one sandbox folder that holds
//!   the files the README names (see [`sandbox`]), with the `carelevel`
//!   under test first on `PATH`, no terminal, no locale and 80 columns. A
//!   line `...` stands for any number of lines, and `[..]` within a line
//!   for any text (times, checksums, versions).
//! - ```` ```sh ````: commands to type. Every `carelevel` command in them
//!   is parsed by the tool's own command-line parser, so a flag renamed or
//!   removed fails the tests until the README follows.
//! - ```` ```yaml ````, ```` ```json ````, ```` ```text ````: files and
//!   layouts, not commands or output.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fenced block of a Markdown file.
struct Block {
    /// `README.md:123`, for messages.
    at: String,
    info: String,
    body: String,
}

/// The documents whose blocks are checked.
fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![root.join("README.md")];
    if let Ok(dir) = std::fs::read_dir(root.join("docs")) {
        let mut more: Vec<PathBuf> = dir
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        more.sort();
        docs.extend(more);
    }
    docs
}

fn blocks(path: &Path) -> Vec<Block> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    for (i, line) in text.lines().enumerate() {
        match &mut open {
            None => {
                if let Some(info) = line.trim_start().strip_prefix("```") {
                    open = Some((i + 1, info.trim().to_owned(), String::new()));
                }
            }
            Some((start, info, body)) => {
                if line.trim_start() == "```" {
                    out.push(Block {
                        at: format!("{name}:{start}"),
                        info: std::mem::take(info),
                        body: std::mem::take(body),
                    });
                    open = None;
                } else {
                    // Blocks inside lists are indented: keep the text as written
                    // relative to the fence.
                    body.push_str(line);
                    body.push('\n');
                }
            }
        }
    }
    assert!(open.is_none(), "{name}: a block is never closed");
    out
}

fn all_blocks() -> Vec<Block> {
    documents().iter().flat_map(|d| blocks(d)).collect()
}

#[test]
fn every_block_says_what_it_is() {
    for b in all_blocks() {
        assert!(
            ["console", "sh", "yaml", "json", "text"].contains(&b.info.as_str()),
            "{}: a block of kind `{}`: say `console` (commands and what they print, run by the tests), `sh` (commands, parsed by the tests), or `yaml`, `json`, `text` (files and layouts)",
            b.at,
            b.info
        );
    }
}

/// One command of a console block and what it must print.
struct Step {
    at: String,
    command: String,
    expected: Vec<String>,
    code: i32,
}

fn steps(b: &Block) -> Vec<Step> {
    let mut out: Vec<Step> = Vec::new();
    let indent = b
        .body
        .lines()
        .find(|l| !l.trim().is_empty())
        .map_or(0, |l| l.len() - l.trim_start().len());
    for line in b.body.lines() {
        let line = line.get(indent..).unwrap_or(line.trim_start());
        if let Some(command) = line.strip_prefix("$ ") {
            out.push(Step {
                at: b.at.clone(),
                command: command.to_owned(),
                expected: Vec::new(),
                code: 0,
            });
            continue;
        }
        let step = out
            .last_mut()
            .unwrap_or_else(|| panic!("{}: output before any `$ ` command", b.at));
        // A command continued on the next line.
        if step.command.ends_with('\\') && step.expected.is_empty() {
            step.command.pop();
            step.command.push_str(line.trim_start());
            continue;
        }
        match line.strip_prefix("? ") {
            Some(code) => step.code = code.trim().parse().expect("an exit code"),
            None => step.expected.push(line.to_owned()),
        }
    }
    for s in &mut out {
        while s.expected.last().is_some_and(|l| l.trim().is_empty()) {
            s.expected.pop();
        }
    }
    out
}

/// Whether `actual` matches `expected`, where `[..]` stands for any text.
fn line_matches(expected: &str, actual: &str) -> bool {
    let (expected, actual) = (expected.trim_end(), actual.trim_end());
    let parts: Vec<&str> = expected.split("[..]").collect();
    if parts.len() == 1 {
        return expected == actual;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !actual.starts_with(first) || actual.len() < first.len() + last.len() {
        return false;
    }
    if !actual.ends_with(last) {
        return false;
    }
    let mut rest = &actual[first.len()..actual.len() - last.len()];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(i) => rest = &rest[i + part.len()..],
            None => return false,
        }
    }
    true
}

/// Whether the lines `actual` match `expected`, where a line `...` stands
/// for any number of lines.
fn lines_match(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((e, rest)) if e.trim() == "..." => {
            (0..=actual.len()).any(|skip| lines_match(rest, &actual[skip..]))
        }
        Some((e, rest)) => {
            !actual.is_empty() && line_matches(e, actual[0]) && lines_match(rest, &actual[1..])
        }
    }
}

/// The folder the README's commands run in: the example answer files, the
/// shipped rules, and the files its commands name.
fn sandbox() -> tempfile::TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &str, to: &str| {
        let to = dir.path().join(to);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root.join(from), to).unwrap();
    };
    for f in [
        "examples/iop.yaml",
        "examples/outpatient.yaml",
        "examples/crisis.json",
    ] {
        copy(f, f);
    }
    copy("rules/default.yaml", "rules/default.yaml");
    copy("examples/iop.yaml", "answers.yaml");
    copy("examples/iop.yaml", "intake.yaml");
    let rules = std::fs::read_to_string(root.join("rules/default.yaml")).unwrap();
    // A clinic's copy in which one test case expects the wrong level.
    let case = rules
        .find("- name: a step-down from a psychiatric stay gives iop")
        .expect("the step-down case");
    let expect = case + rules[case..].find("level: iop").expect("its level");
    let mut clinic = rules.clone();
    clinic.replace_range(expect..expect + "level: iop".len(), "level: inpatient");
    std::fs::write(dir.path().join("clinic.yaml"), clinic).unwrap();
    // A copy with a question id mistyped in a rule.
    let typo = rules.replacen(
        "- {answer: self_harm_plan, in: [\"yes\", unsure]}",
        "- {answer: self_harm_pln, in: [\"yes\", unsure]}",
        1,
    );
    assert_ne!(typo, rules, "the rule the README's typo example names");
    std::fs::write(dir.path().join("clinic-typo.yaml"), typo).unwrap();
    // An edit to try with `--baseline`: the outpatient band narrowed.
    let bands = "    - level: outpatient\n      from: 0\n      to: 2\n    - level: iop\n      from: 3\n      to: 3\n";
    assert!(rules.contains(bands), "the default bands");
    let edited = rules
        .replacen(
            bands,
            "    - level: outpatient\n      from: 0\n      to: 1\n    - level: iop\n      from: 2\n      to: 3\n",
            1,
        )
        .replacen("id: default\nversion: ", "id: edited\nversion: ", 1);
    let edited = edited.replacen(
        &format!("version: {}", carelevel::builtin::rules().file.version),
        "version: 3.2.0",
        1,
    );
    std::fs::write(dir.path().join("edited.yaml"), edited).unwrap();
    // Records, as `generate` writes them.
    let generate = |args: &[&str], to: &str| {
        let out = crate::carelevel().args(args).output().unwrap();
        assert!(out.status.success());
        std::fs::write(dir.path().join(to), out.stdout).unwrap();
    };
    generate(&["generate", "-n", "2000", "--seed", "7"], "records.jsonl");
    generate(
        &["generate", "-n", "300", "--seed", "8", "-f", "csv"],
        "intake.csv",
    );
    dir
}

#[test]
fn console_blocks_print_what_they_show() {
    let dir = sandbox();
    let bin = assert_cmd::cargo::cargo_bin("carelevel");
    let mut failures = Vec::new();
    let mut ran = 0;
    for b in all_blocks().iter().filter(|b| b.info == "console") {
        for step in steps(b) {
            ran += 1;
            let out = Command::new("sh")
                .arg("-c")
                .arg(format!("exec 2>&1; {}", step.command))
                .current_dir(dir.path())
                .env("PATH", crate::path_with_carelevel())
                .env("COLUMNS", "80")
                .env("NO_COLOR", "1")
                .env_remove("LANG")
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .env("CARELEVEL_BIN", &bin)
                .stdin(std::process::Stdio::null())
                .output()
                .unwrap();
            let shown = String::from_utf8_lossy(&out.stdout).into_owned();
            let actual: Vec<&str> = shown.trim_end_matches('\n').lines().collect();
            let actual: Vec<&str> = if shown.is_empty() { Vec::new() } else { actual };
            let code = out.status.code().unwrap_or(-1);
            if code != step.code || !lines_match(&step.expected, &actual) {
                failures.push(format!(
                    "{}: `$ {}` exited {code} (the README says {}) and printed:\n{shown}\n--- the README shows:\n{}\n",
                    step.at,
                    step.command,
                    step.code,
                    step.expected.join("\n")
                ));
            }
        }
    }
    assert!(ran >= 10, "{ran} commands");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `line` split as `sh` would split a simple command: quotes and `\`.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut any = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                any = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    word.push(c);
                }
            }
            '"' => {
                any = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => word.extend(chars.next()),
                        c => word.push(c),
                    }
                }
            }
            '\\' => {
                any = true;
                word.extend(chars.next());
            }
            c if c.is_whitespace() => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                any = true;
                word.push(c);
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

/// The `carelevel` commands in a shell line: each pipeline stage and each
/// command after `;`, `&&` or `||` that runs `carelevel`, with its
/// redirections left out.
fn carelevel_commands(line: &str) -> Vec<Vec<String>> {
    let line = line.split(" #").next().unwrap_or(line);
    let mut out = Vec::new();
    for stage in line.split(['|', ';']).flat_map(|s| s.split("&&")) {
        let mut w = words(stage);
        // Leading variable settings (`LANG=es_MX.UTF-8 carelevel ...`).
        while w
            .first()
            .is_some_and(|x| x.contains('=') && !x.starts_with('-'))
        {
            w.remove(0);
        }
        if w.first().map(String::as_str) != Some("carelevel") {
            continue;
        }
        let mut args = Vec::new();
        let mut skip = false;
        for x in w {
            if skip {
                skip = false;
                continue;
            }
            if matches!(x.as_str(), ">" | "<" | ">>" | "2>") {
                skip = true;
                continue;
            }
            if x.starts_with('>') || x.starts_with('<') || x.starts_with("2>") {
                continue;
            }
            args.push(x);
        }
        out.push(args);
    }
    out
}

#[test]
fn sh_blocks_name_only_commands_and_flags_the_tool_has() {
    use clap::Parser;
    let mut checked = 0;
    for b in all_blocks().iter().filter(|b| b.info == "sh") {
        let joined = b.body.replace("\\\n", " ");
        for line in joined.lines() {
            let line = line.trim();
            if line.starts_with('#') {
                continue;
            }
            for args in carelevel_commands(line) {
                checked += 1;
                if let Err(e) = carelevel::cli::Cli::try_parse_from(&args) {
                    use clap::error::ErrorKind;
                    if !matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                        panic!("{}: `{}` does not parse:\n{e}", b.at, args.join(" "));
                    }
                }
            }
        }
    }
    assert!(checked >= 10, "{checked} commands");
}

#[test]
fn the_matching_rules_of_console_blocks() {
    let e = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    assert!(lines_match(&e(&["a", "...", "d"]), &["a", "b", "c", "d"]));
    assert!(lines_match(&e(&["a", "...", "d"]), &["a", "d"]));
    assert!(!lines_match(&e(&["a", "d"]), &["a", "b", "d"]));
    assert!(lines_match(
        &e(&["took [..] s, [..] records/s"]),
        &["took 0.2 s, 9 records/s"]
    ));
    assert!(!lines_match(&e(&["took [..] s"]), &["took 0.2 ms"]));
    assert_eq!(
        carelevel_commands("LANG=es carelevel --lang es compare > x.md | jq . # note"),
        vec![vec!["carelevel", "--lang", "es", "compare"]]
    );
    assert_eq!(words("a 'b c' \"d \\\" e\""), vec!["a", "b c", "d \" e"]);
}

/// A package named in the docs (`carelevel_0.2.0-1_amd64.deb`) is the one
/// `packaging/deb.sh` builds from this version.
#[test]
fn the_package_the_docs_name_is_this_version() {
    let want = format!("carelevel_{}-1_amd64.deb", env!("CARGO_PKG_VERSION"));
    let mut named = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        for (at, _) in text.match_indices("carelevel_") {
            let rest = &text[at..];
            let end = rest.find(".deb").map_or(0, |e| e + ".deb".len());
            // `carelevel_VERSION-1_amd64.deb` stands for any version.
            let name = &rest[..end];
            if end > 0 && !name.contains(char::is_whitespace) && !name.contains("VERSION") {
                named += 1;
                assert_eq!(&rest[..end], want, "{}", doc.display());
            }
        }
    }
    assert!(named > 0, "the README names the package it builds");
}
