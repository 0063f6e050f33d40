use predicates::prelude::*;

use crate::{carelevel, fixture, stdout_of};

fn compare(args: &[&str]) -> String {
    stdout_of(carelevel().arg("compare").args(args))
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

fn example(name: &str) -> String {
    format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_column_per_level_least_intensive_first_and_a_row_per_attribute() {
    let out = compare(&[]);
    let header = out.lines().nth(1).unwrap();
    let (o, i, p) = (
        header.find("Standard").unwrap(),
        header.find("Intensive").unwrap(),
        header.find("Inpatient").unwrap(),
    );
    assert!(o < i && i < p, "{header}");
    for row in [
        "Where you live",
        "Sessions a week",
        "Hours a week",
        "Length of a",
        "Typical length",
        "Round-the-clock",
        "Therapies and",
        "Who it suits",
        "What it asks",
        "Relative cost",
    ] {
        assert!(out.contains(row), "no row {row:?}");
    }
}

#[test]
fn columns_sets_the_width_and_no_line_exceeds_it() {
    for width in ["60", "100", "160"] {
        let out = stdout_of(carelevel().env("COLUMNS", width).arg("compare"));
        let w: usize = width.parse().unwrap();
        assert!(
            widest(&out) <= w,
            "COLUMNS={width}: {}\n{out}",
            widest(&out)
        );
        assert!(widest(&out) >= w - 10, "uses the room it has");
    }
    let out = compare(&["--width", "72"]);
    assert!(widest(&out) <= 72);
}

#[test]
fn without_a_terminal_or_columns_the_table_is_80_wide() {
    let out = stdout_of(carelevel().env_remove("COLUMNS").arg("compare"));
    assert!(widest(&out) <= 80 && widest(&out) > 70, "{}", widest(&out));
}

#[test]
fn no_colour_off_a_terminal_and_none_with_no_color() {
    assert!(!compare(&[]).contains('\x1b'), "not a terminal: no colour");
    assert!(compare(&["--color", "always"]).contains('\x1b'));
    let out = stdout_of(
        carelevel()
            .env("NO_COLOR", "1")
            .args(["compare", "--color", "always"]),
    );
    assert!(!out.contains('\x1b'), "NO_COLOR wins");
}

#[test]
fn ascii_borders() {
    let out = compare(&["--ascii"]);
    assert!(out.starts_with("+---"), "{out}");
    assert!(!out.contains(['│', '─', '┌', '╞']));
    assert!(compare(&[]).starts_with('┌'));
}

#[test]
fn a_subset_of_levels() {
    let out = compare(&["--levels", "outpatient,iop"]);
    assert!(out.contains("Standard") && out.contains("Intensive"));
    assert!(!out.contains("Inpatient /"), "{out}");
}

#[test]
fn an_unknown_level_is_a_usage_error_listing_the_valid_ids() {
    carelevel()
        .args(["compare", "--levels", "outpatient,inpatent"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "unknown level `inpatent` in `--levels`",
        ))
        .stderr(predicate::str::contains("did you mean `inpatient`?"))
        .stderr(predicate::str::contains("`outpatient`, `iop`, `inpatient`"));
    carelevel()
        .args(["compare", "--levels", ","])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`--levels` names no level"));
}

#[test]
fn csv_round_trips_through_a_csv_reader() {
    let text = compare(&["--format", "csv"]);
    let json: serde_json::Value = serde_json::from_str(&compare(&["--format", "json"])).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        ["attribute", "name", "outpatient", "iop", "inpatient"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let attributes = json["attributes"].as_array().unwrap();
    assert_eq!(rows.len(), attributes.len());
    for (row, attribute) in rows.iter().zip(attributes) {
        let id = attribute["id"].as_str().unwrap();
        assert_eq!(&row[0], id);
        assert_eq!(&row[1], attribute["name"].as_str().unwrap());
        for (col, level) in json["levels"].as_array().unwrap().iter().enumerate() {
            assert_eq!(
                &row[col + 2],
                level["compare"][id].as_str().unwrap(),
                "{id}"
            );
        }
    }
    assert!(
        rows.iter().any(|r| r.iter().any(|f| f.contains(','))),
        "quoting was exercised"
    );
}

#[test]
fn markdown_is_a_table() {
    let out = compare(&["--format", "markdown", "--levels", "iop"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "| | Intensive outpatient program |");
    assert_eq!(lines[1], "|---|---|");
    assert!(lines[2..]
        .iter()
        .all(|l| l.starts_with("| **") && l.ends_with(" |")));
}

#[test]
fn a_clinic_that_edits_its_rules_edits_its_table() {
    let out = stdout_of(carelevel().args([
        "compare",
        "--rules",
        fixture("minimal.yaml").to_str().unwrap(),
        "--format",
        "csv",
    ]));
    assert_eq!(
        out,
        "attribute,name,low,high\r\nsetting,Setting,Home,Facility\r\n"
    );
}

#[test]
fn screen_compare_marks_the_recommended_column_in_words() {
    let out =
        stdout_of(carelevel().args(["screen", "--answers", &example("iop.yaml"), "--compare"]));
    let table = &out[out
        .find("The levels of care side by side")
        .expect("a comparison")..];
    assert_eq!(table.matches("(recommended)").count(), 1);
    let header: Vec<&str> = table.lines().take(6).collect();
    let mark = header.iter().find(|l| l.contains("(recommended)")).unwrap();
    let intensive = header.iter().find(|l| l.contains("Intensive")).unwrap();
    assert_eq!(
        mark.find("(recommended)")
            .map(|i| mark[..i].chars().count()),
        intensive
            .find("Intensive")
            .map(|i| intensive[..i].chars().count()),
        "the mark sits under the IOP column:\n{}",
        header.join("\n")
    );
    assert!(
        out.trim_end().lines().last().unwrap().starts_with("Rules:"),
        "the disclaimer and rules still close the report"
    );
}

#[test]
fn screen_compare_keeps_the_crisis_message_first() {
    for format in ["text", "markdown", "json", "yaml"] {
        let out = stdout_of(carelevel().args([
            "screen",
            "--answers",
            &example("crisis.json"),
            "--compare",
            "--format",
            format,
        ]));
        let crisis = out.find("988").expect("crisis resources");
        let comparison = out
            .find("side by side")
            .or_else(|| out.find("comparison"))
            .expect("a comparison");
        assert!(crisis < comparison, "{format}");
    }
}

#[test]
fn screen_compare_in_markdown_and_json() {
    let md = stdout_of(carelevel().args([
        "screen",
        "--answers",
        &example("outpatient.yaml"),
        "--compare",
        "--format",
        "markdown",
    ]));
    assert!(md.contains("## The levels of care side by side\n\n| | **Standard outpatient** (recommended) | Intensive"));
    let json: serde_json::Value = serde_json::from_str(&stdout_of(carelevel().args([
        "screen",
        "--answers",
        &example("outpatient.yaml"),
        "--compare",
        "--format",
        "json",
    ])))
    .unwrap();
    let levels = json["comparison"]["levels"].as_array().unwrap();
    let marked: Vec<&str> = levels
        .iter()
        .filter(|l| l["recommended"] == true)
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(marked, [json["level"].as_str().unwrap()]);
    let without: serde_json::Value = serde_json::from_str(&stdout_of(carelevel().args([
        "screen",
        "--answers",
        &example("outpatient.yaml"),
        "--format",
        "json",
    ])))
    .unwrap();
    assert!(without.get("comparison").is_none(), "only when asked for");
}

/// On a real terminal: box-drawing borders and colour, unless `NO_COLOR`.
#[test]
fn on_a_terminal_the_table_is_drawn_in_colour() {
    use rexpect::session::spawn_command;
    for (no_color, coloured) in [(None, true), (Some("1"), false)] {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("carelevel"));
        cmd.args(["screen", "--answers", &example("iop.yaml"), "--compare"])
            .env("TERM", "xterm")
            .env("COLUMNS", "90")
            .env_remove("NO_COLOR");
        if let Some(v) = no_color {
            cmd.env("NO_COLOR", v);
        }
        let mut p = spawn_command(cmd, Some(15_000)).expect("spawn in a pty");
        // rexpect hands back one char per byte: decode the UTF-8 again.
        let bytes: Vec<u8> = p.exp_eof().unwrap().chars().map(|c| c as u8).collect();
        let out = String::from_utf8(bytes).unwrap();
        assert!(out.contains('┌') && out.contains("(recommended)"), "{out}");
        assert_eq!(
            out.contains("\x1b["),
            coloured,
            "NO_COLOR={no_color:?}\n{out}"
        );
    }
}

#[test]
fn the_ascii_header_rule_has_joints_where_columns_meet() {
    let out = stdout_of(carelevel().args(["compare", "--ascii", "--width", "80"]));
    let rule = out
        .lines()
        .find(|l| l.starts_with("+="))
        .expect("a header rule");
    assert_eq!(rule.matches('+').count(), 5, "{rule}");
}
