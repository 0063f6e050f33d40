//! Choosing the language: `--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG`,
//! else the rule file's default, with a warning when the rules do not
//! offer the language asked for; the language recorded in every result.

use crate::{carelevel, fixture, stdout_of};

/// `carelevel` with no locale of its own.
fn bare() -> assert_cmd::Command {
    let mut cmd = carelevel();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    cmd
}

fn level_name(cmd: &mut assert_cmd::Command) -> String {
    let out = stdout_of(cmd.args(["screen", "--answers", "examples/iop.yaml", "-f", "json"]));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    format!(
        "{} {}",
        json["lang"].as_str().unwrap(),
        json["level_name"].as_str().unwrap()
    )
}

#[test]
fn the_locale_chooses_the_language_and_the_flag_overrides_it() {
    let english = "en Intensive outpatient program";
    let spanish = "es Programa intensivo ambulatorio";
    assert_eq!(level_name(&mut bare()), english);
    assert_eq!(level_name(bare().env("LANG", "es_MX.UTF-8")), spanish);
    assert_eq!(
        level_name(
            bare()
                .env("LANG", "en_US.UTF-8")
                .env("LC_MESSAGES", "es_ES.UTF-8")
        ),
        spanish
    );
    assert_eq!(
        level_name(
            bare()
                .env("LANG", "en_US.UTF-8")
                .env("LC_ALL", "es_US.UTF-8")
        ),
        spanish
    );
    assert_eq!(
        level_name(bare().env("LC_ALL", "es_US.UTF-8").args(["--lang", "en"])),
        english
    );
    assert_eq!(level_name(bare().args(["--lang", "es"])), spanish);
    assert_eq!(level_name(bare().env("LANG", "C.UTF-8")), english);
}

#[test]
fn a_language_not_offered_falls_back_with_one_warning() {
    let out = bare()
        .env("LANG", "fr_FR.UTF-8")
        .args(["screen", "--answers", "examples/iop.yaml", "-f", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("warning:").count(), 1, "one warning: {err}");
    assert!(
        err.contains("the rules offer no `fr` texts (`en`, `es`); using `en`"),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["lang"], "en");
    // A rule file in one language: the same warning for Spanish.
    let out = bare()
        .args(["--lang", "es", "compare", "--rules"])
        .arg(fixture("minimal.yaml"))
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("the rules offer no `es` texts (`en`); using `en`"),
        "{err}"
    );
}

#[test]
fn every_command_speaks_the_rules_in_the_language_chosen() {
    let es = |args: &[&str]| stdout_of(bare().args(["--lang", "es"]).args(args));
    let table = es(&["compare", "-f", "markdown"]);
    assert!(table.contains("Programa intensivo ambulatorio"), "{table}");
    assert!(table.contains("Sesiones por semana"), "{table}");
    let template = es(&["template"]);
    assert!(template.contains("¿"), "{template}");
    // Codes stay as they are: an answer file works in any language.
    assert!(template.contains("self_harm_thoughts:"), "{template}");
    let questions: serde_json::Value = serde_json::from_str(&es(&["questions"])).unwrap();
    assert_eq!(questions[1]["id"], "self_harm_thoughts");
    assert!(
        questions[1]["prompt"]
            .as_str()
            .unwrap()
            .contains("En el último mes"),
        "{questions}"
    );
    let fhir: serde_json::Value = serde_json::from_str(&es(&[
        "screen",
        "--answers",
        "examples/crisis.json",
        "-f",
        "fhir",
    ]))
    .unwrap();
    let observation = &fhir["entry"][0]["resource"];
    assert_eq!(observation["language"], "es");
    assert!(observation["note"][0]["text"]
        .as_str()
        .unwrap()
        .contains("marque 2 para hablar en español"));
    // The same answers in either language give the same level.
    let en: serde_json::Value = serde_json::from_str(&stdout_of(bare().args([
        "screen",
        "--answers",
        "examples/crisis.json",
        "-f",
        "json",
    ])))
    .unwrap();
    assert_eq!(
        observation["valueCodeableConcept"]["coding"][0]["code"],
        en["level"]
    );
}

#[test]
fn check_fails_on_a_missing_translation_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rules.yaml");
    let text = std::fs::read_to_string(fixture("minimal-es.yaml"))
        .unwrap()
        .replacen("      es: Riesgo\n", "", 1);
    std::fs::write(&path, &text).unwrap();
    let out = bare().arg("check").arg(&path).output().unwrap();
    assert_ne!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    // At `name:`, the line before `en: Risk`.
    let line = text.lines().position(|l| l.contains("en: Risk")).unwrap();
    assert!(
        err.contains("`dimensions[0].name` has no `es` text"),
        "{err}"
    );
    assert!(err.contains(&format!("rules.yaml:{line}:")), "{err}");

    // The same text in both languages: a warning, and the check passes.
    let text = std::fs::read_to_string(fixture("minimal-es.yaml"))
        .unwrap()
        .replacen(
            "es: Una ayuda de detección, no un diagnóstico.",
            "es: A screening aid, not a diagnosis.",
            1,
        );
    std::fs::write(&path, &text).unwrap();
    let out = bare().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("warning: `disclaimer` reads the same in `es` as in `en`"),
        "{err}"
    );
}

/// Snapshot `text` as `name` with the rule file's hash masked, as the
/// English report snapshots do.
fn snapshot(name: &str, text: &str) {
    insta::with_settings!({filters => vec![
        (r"[0-9a-f]{64}", "[sha256]"),
        (r"sha256 [0-9a-f]{12}\)", "sha256 [short])"),
    ]}, {
        insta::assert_snapshot!(name, text);
    });
}

/// Standard output of `carelevel --lang es ARGS`, with no locale.
fn spanish(args: &[&str]) -> String {
    stdout_of(bare().args(["--lang", "es"]).args(args))
}

#[test]
fn the_spanish_text_report() {
    snapshot(
        "es_text_report_iop",
        &spanish(&["screen", "--answers", "examples/iop.yaml"]),
    );
}

#[test]
fn the_spanish_crisis_report_opens_and_closes_with_the_crisis() {
    let out = spanish(&["screen", "--answers", "examples/crisis.json"]);
    assert!(out.starts_with("!! CRISIS: PIDA AYUDA AHORA !!\n"), "{out}");
    // As in English: 911 first for immediate danger, then 988 with the
    // key for Spanish and the word for Spanish texting.
    let first_bullet = out.lines().nth(3).unwrap();
    assert!(
        first_bullet.contains("Si hay peligro inmediato"),
        "911 for immediate danger comes first: {out}"
    );
    let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let emergency = flat.find("llame al 911").unwrap();
    let spanish_line = flat
        .find("marque 2 para hablar en español (o 1 si es veterano o veterana), o envíe AYUDA")
        .expect("988's Spanish line");
    assert!(emergency < spanish_line, "{out}");
    snapshot("es_text_report_crisis", &out);
    let markdown = spanish(&[
        "screen",
        "--answers",
        "examples/crisis.json",
        "-f",
        "markdown",
    ]);
    assert!(
        markdown.starts_with("> **Crisis: pida ayuda ahora.**"),
        "{markdown}"
    );
}

#[test]
fn the_spanish_comparison_table_and_template() {
    insta::assert_snapshot!(
        "es_compare_table",
        spanish(&["compare", "--width", "100", "--ascii"])
    );
    insta::assert_snapshot!("es_template", spanish(&["template"]));
}
