//! Shell completions and the manual page.

use crate::{carelevel, stdout_of};

#[test]
fn bash_completes_a_command_name() {
    let script = stdout_of(carelevel().args(["completions", "bash"]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("carelevel.bash");
    std::fs::write(&path, script).unwrap();
    // What bash does on `carelevel sc<Tab>`.
    let complete = |line: &str| {
        let words: Vec<&str> = line.split(' ').collect();
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
                 _carelevel carelevel '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
                path.display(),
                words.join(" "),
                words.len() - 1,
                words[words.len() - 1],
                words[words.len() - 2],
            ))
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // `sc` is the start of `screen` and of `schema`.
    let words = complete("carelevel sc");
    assert_eq!(words.lines().collect::<Vec<_>>(), ["screen", "schema"]);
    assert_eq!(complete("carelevel scr").trim(), "screen");
    let flags = complete("carelevel batch --fa");
    assert_eq!(flags.trim(), "--fail-fast");
}

#[test]
fn every_shell_has_a_script() {
    for (shell, mark) in [
        ("bash", "complete -F _carelevel"),
        ("zsh", "#compdef carelevel"),
        ("fish", "complete -c carelevel"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[carelevel]"),
    ] {
        let script = stdout_of(carelevel().args(["completions", shell]));
        assert!(script.contains(mark), "{shell}: {script}");
        assert!(
            script.contains("screen") && script.contains("batch"),
            "{shell}"
        );
    }
    carelevel().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_manual_page_is_roff_naming_every_command() {
    let page = stdout_of(carelevel().arg("man"));
    assert!(page.contains(".TH carelevel 1"), "{page}");
    assert!(page.contains(".SH NAME"));
    for command in [
        "screen",
        "compare",
        "template",
        "questions",
        "check",
        "batch",
    ] {
        assert!(page.contains(command), "{command}");
    }
}

#[test]
fn every_command_has_its_own_manual_page_with_code_in_bold() {
    let page = stdout_of(carelevel().args(["man", "screen"]));
    assert!(page.contains(".TH carelevel-screen 1"), "{page}");
    assert!(
        page.contains("carelevel\\-screen \\- Score answers"),
        "{page}"
    );
    assert!(
        page.contains("\\fBcarelevel screen \\-\\-save FILE\\fR"),
        "code is bold, not in backticks: {page}"
    );
    assert!(!page.contains('`'), "no Markdown backticks left: {page}");
    // The program's page names pages that exist.
    let top = stdout_of(carelevel().arg("man"));
    for line in top.lines().filter(|l| l.starts_with("carelevel\\-")) {
        let name = line
            .trim_start_matches("carelevel\\-")
            .trim_end_matches("(1)");
        carelevel().args(["man", name]).assert().success();
    }
    assert!(!top.contains("carelevel\\-help(1)"), "no page for `help`");
    carelevel()
        .args(["man", "scren"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `screen`?"));
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    carelevel()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.contains(&"carelevel.1".to_owned()), "{names:?}");
    assert!(names.contains(&"carelevel-batch.1".to_owned()), "{names:?}");
    assert!(names.contains(&"carelevel-rules.1".to_owned()), "{names:?}");
    assert_eq!(
        names.len(),
        12,
        "the program and its 11 commands: {names:?}"
    );
}
