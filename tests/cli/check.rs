use predicates::prelude::*;

use crate::{carelevel, fixture, stdout_of};

#[test]
fn builtin_rules_pass_their_own_tests() {
    let out = crate::stdout_of(carelevel().arg("check"));
    assert!(out.starts_with("rules: default "), "{out}");
    assert!(!out.contains("FAIL"), "{out}");
    assert!(out.contains("ok    monotonicity"), "{out}");
    let last = out.lines().last().unwrap();
    let passed: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(passed >= 21, "at least 20 cases and the probe: {last}");
    assert!(last.ends_with(" passed, 0 failed"));
}

#[test]
fn the_shipped_file_checks_like_the_builtin() {
    carelevel()
        .args(["check", "rules/default.yaml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .assert()
        .success()
        .stdout(
            predicate::str::starts_with("rules: default ")
                .and(predicate::str::contains("(rules/default.yaml)")),
        );
}

#[test]
fn rules_from_standard_input() {
    let text = std::fs::read_to_string(fixture("minimal.yaml")).unwrap();
    carelevel()
        .args(["check", "-"])
        .write_stdin(text.clone())
        .assert()
        .success()
        .stdout(predicate::str::contains("(<stdin>)"));
    carelevel()
        .args(["check", "-"])
        .write_stdin(text.replace("title: Minimal rules\n", "title: [x]\n"))
        .assert()
        .code(78)
        .stderr(predicate::str::contains("--> <stdin>:5:"));
    carelevel()
        .args(["screen", "--rules", "-", "--answers", "-"])
        .write_stdin(text)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not both"));
}

#[test]
fn failing_case_exits_1_with_a_diff() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.yaml");
    let text = std::fs::read_to_string(fixture("minimal.yaml"))
        .unwrap()
        .replace(
            "expect: {level: low, crisis: false}",
            "expect: {level: high}",
        );
    std::fs::write(&path, text).unwrap();
    carelevel()
        .arg("check")
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "FAIL  safe\n        level:  expected `high`, got `low`",
        ))
        .stdout(predicate::str::ends_with("1 passed, 1 failed\n"));
}

#[test]
fn invalid_rule_file_exits_78_with_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.yaml");
    let text = std::fs::read_to_string(fixture("minimal.yaml"))
        .unwrap()
        .replace(
            "      floor: high\n      crisis",
            "      floor: hihg\n      crisis",
        );
    std::fs::write(&path, &text).unwrap();
    let line = text.lines().position(|l| l.contains("hihg")).unwrap() + 1;
    carelevel()
        .arg("check")
        .arg(&path)
        .assert()
        .code(78)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: unknown level `hihg` in rule `danger_now`",
        ))
        .stderr(predicate::str::contains(format!("r.yaml:{line}:14")))
        .stderr(predicate::str::contains("help: did you mean `high`?"));
}

#[test]
fn missing_rule_file_exits_66() {
    carelevel()
        .args(["check", "no/such/rules.yaml"])
        .assert()
        .code(66)
        .stderr(predicate::str::contains("cannot read `no/such/rules.yaml`"));
}

#[test]
fn not_yaml_at_all_is_a_rule_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.yaml");
    std::fs::write(&path, "\u{0}\u{1}binary: [\n").unwrap();
    carelevel()
        .arg("check")
        .arg(&path)
        .assert()
        .code(78)
        .stderr(predicate::str::starts_with("error: "))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn the_built_in_rules_are_a_starting_copy_that_checks() {
    let text = stdout_of(carelevel().arg("rules"));
    assert_eq!(text, carelevel::rules::BUILTIN_TEXT);
    carelevel()
        .args(["check", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicates::str::contains("0 failed"));
    let help = stdout_of(carelevel().args(["check", "--help"]));
    assert!(help.contains("carelevel rules > clinic.yaml"), "{help}");
}

#[test]
fn rules_whose_own_cases_fail_are_used_with_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.yaml");
    let good = std::fs::read_to_string(fixture("minimal.yaml")).unwrap();
    let bad = good.replace(
        "expect: {level: low, crisis: false}",
        "expect: {level: high}",
    );
    assert_ne!(good, bad);
    std::fs::write(&path, &bad).unwrap();
    let answers = "answers:\n  danger: \"no\"\n  hours: 3\n";
    let warning = format!(
        "warning: the one test case in the rules `mini` ({}) fails; `carelevel check {}` shows which\n",
        path.display(),
        path.display()
    );
    // screen still gives its result, and says once that the cases fail.
    let out = carelevel()
        .args(["screen", "--answers", "-", "--format", "json", "--rules"])
        .arg(&path)
        .write_stdin(answers)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
    assert!(err.contains(&warning), "{err}");
    // batch says it once for the rules and once for a failing baseline.
    let records = "{\"answers\":{\"danger\":\"no\",\"hours\":3}}\n";
    let out = carelevel()
        .args(["batch", "--summary", "none", "--rules"])
        .arg(&path)
        .arg("--baseline")
        .arg(&path)
        .arg("-")
        .write_stdin(records)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches(&warning).count(), 2, "{err}");
    // Rules whose cases pass, and the built-in rules, say nothing.
    std::fs::write(&path, &good).unwrap();
    carelevel()
        .args(["screen", "--answers", "-", "--format", "json", "--rules"])
        .arg(&path)
        .write_stdin(answers)
        .assert()
        .success()
        .stderr("");
    carelevel()
        .args(["check", "-"])
        .write_stdin(bad)
        .assert()
        .code(1)
        .stderr("");
}

#[test]
fn the_shipped_schema_is_the_one_the_tool_prints() {
    let printed = stdout_of(carelevel().arg("schema"));
    let shipped: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let printed: serde_json::Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(
        shipped, printed,
        "rules/schema.json is stale: run `carelevel schema > rules/schema.json`"
    );
}
