use super::*;

fn builtin() -> Rules {
    Rules::builtin().unwrap()
}

fn all(recommended: Option<&str>) -> Comparison {
    let c = comparison(&builtin(), None).unwrap();
    match recommended {
        Some(id) => c.recommend(id),
        None => c,
    }
}

fn look(width: usize, ascii: bool) -> Look {
    Look {
        width,
        ascii,
        color: false,
    }
}

/// Display width of a line: every char counts one (borders and the text
/// of the default rules are all single-width).
fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn table_at_60_utf8() {
    insta::assert_snapshot!(table(&all(None), look(60, false)));
}

#[test]
fn table_at_100_ascii() {
    insta::assert_snapshot!(table(&all(None), look(100, true)));
}

#[test]
fn table_at_160_utf8() {
    insta::assert_snapshot!(table(&all(None), look(160, false)));
}

#[test]
fn table_at_100_utf8_marks_the_recommended_level_in_words() {
    let out = table(&all(Some("iop")), look(100, false));
    insta::assert_snapshot!(out);
    assert_eq!(out.matches("(recommended)").count(), 1);
}

#[test]
fn no_line_is_wider_than_asked() {
    let c = all(Some("inpatient"));
    for width in MIN_WIDTH..=220 {
        for ascii in [false, true] {
            let out = table(&c, look(width, ascii));
            assert!(
                widest(&out) <= width,
                "width {width}, ascii {ascii}: a line of {}\n{out}",
                widest(&out)
            );
        }
    }
}

#[test]
fn every_value_of_every_level_appears() {
    let rules = builtin();
    let out = table(&all(None), look(160, false));
    let words: String = out.split_whitespace().collect::<Vec<_>>().join(" ");
    for level in &rules.file.levels {
        for value in level.compare.values() {
            // Wrapped cells split values across lines; check the first word run.
            let first = value.split_whitespace().next().unwrap();
            assert!(words.contains(first), "{first:?} missing");
        }
    }
}

#[test]
fn narrow_widths_get_a_list_that_fits() {
    let out = table(&all(Some("outpatient")), look(40, false));
    assert!(widest(&out) <= 40, "{out}");
    assert!(!out.contains('│'), "a list, not a table:\n{out}");
    assert!(
        out.starts_with(
            "Where you live and are treated\n  Standard outpatient (recommended):\n    At home;"
        ),
        "{out}"
    );
}

/// A comparison of two levels with the given values for one attribute.
fn custom(low: &str, high: &str) -> Comparison {
    let text = include_str!("../../../tests/fixtures/minimal.yaml")
        .replace("      setting: Home\n", &format!("      setting: {low}\n"))
        .replace(
            "      setting: Facility\n",
            &format!("      setting: {high}\n"),
        );
    let rules = Rules::parse("r.yaml", &text).unwrap();
    comparison(&rules, None).unwrap().recommend("high")
}

#[test]
fn long_words_and_wide_characters_still_fit() {
    let c = custom(
        "https://example.org/a/very/long/address/that/does/not/break/anywhere",
        "入院治療は二十四時間体制の見守りと医療を受けられる施設での滞在です",
    );
    for width in MIN_WIDTH..=120 {
        for ascii in [false, true] {
            let out = table(&c, look(width, ascii));
            let widest = out
                .lines()
                .map(unicode_width::UnicodeWidthStr::width)
                .max()
                .unwrap();
            assert!(widest <= width, "width {width}: {widest}\n{out}");
        }
    }
}

#[test]
fn every_line_of_a_value_stays_under_its_level_in_a_list() {
    let c = custom(
        "|-\n        - first item\n\n        - second item",
        "Facility",
    );
    let out = table(&c, look(30, false));
    assert_eq!(
        out,
        "Setting\n  Low:\n    - first item\n\n    - second item\n  High (recommended):\n    Facility\n"
    );
}

#[test]
fn the_recommended_mark_is_never_split() {
    let c = all(Some("iop"));
    for width in 53..=120 {
        let out = table(&c, look(width, false));
        assert!(out.contains("(recommended)"), "width {width}:\n{out}");
    }
}

#[test]
fn no_attributes_is_a_rule_file_error() {
    let text = include_str!("../../../tests/fixtures/minimal.yaml")
        .replace("attributes:\n  - id: setting\n    name: Setting\n", "")
        .replace("    compare:\n      setting: Home\n", "")
        .replace("    compare:\n      setting: Facility\n", "");
    let rules = Rules::parse("r.yaml", &text).unwrap();
    let err = comparison(&rules, None).unwrap_err();
    assert_eq!(err.exit_code(), 78);
    assert!(
        err.to_string().contains("no attributes to compare"),
        "{err}"
    );
}

#[test]
fn ascii_has_no_box_drawing() {
    let out = table(&all(None), look(100, true));
    assert!(
        out.is_ascii() || out.chars().all(|c| c.is_ascii() || c == '—'),
        "{out}"
    );
    assert!(!out.contains('│') && !out.contains('─'));
}

#[test]
fn colour_only_when_asked() {
    let plain = table(&all(Some("iop")), look(100, false));
    assert!(!plain.contains('\x1b'));
    let colored = table(
        &all(Some("iop")),
        Look {
            color: true,
            ..look(100, false)
        },
    );
    assert!(colored.contains('\x1b'));
}

#[test]
fn a_subset_keeps_the_rule_file_order() {
    let wanted = ["inpatient".to_owned(), "outpatient".to_owned()];
    let c = comparison(&builtin(), Some(&wanted)).unwrap();
    let ids: Vec<&str> = c.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["outpatient", "inpatient"]);
}

#[test]
fn an_unknown_level_lists_the_valid_ones() {
    let wanted = ["iopp".to_owned()];
    let err = comparison(&builtin(), Some(&wanted)).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    let text = err.to_string();
    assert!(
        text.contains("unknown level `iopp` in `--levels`"),
        "{text}"
    );
    assert!(text.contains("did you mean `iop`?"), "{text}");
    assert!(text.contains("`outpatient`, `iop`, `inpatient`"), "{text}");
}

#[test]
fn markdown_table() {
    insta::assert_snapshot!(markdown(&all(Some("iop"))));
}

#[test]
fn csv_table() {
    insta::assert_snapshot!(csv(&all(None)));
}

#[test]
fn csv_quotes_what_needs_quoting() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a, b"), "\"a, b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
}

#[test]
fn json_reads_back() {
    let c = all(Some("iop"));
    let v: serde_json::Value = serde_json::from_str(&json(&c)).unwrap();
    assert_eq!(v["levels"][1]["id"], "iop");
    assert_eq!(v["levels"][1]["recommended"], true);
    assert!(v["levels"][1]["summary"]
        .as_str()
        .unwrap()
        .contains("several hours a day"));
    assert!(v["levels"][0].get("recommended").is_none());
    assert_eq!(v["attributes"][0]["id"], "setting");
    assert_eq!(
        v["levels"][2]["compare"]["supervision"],
        c.levels[2].compare["supervision"]
    );
}
