//! What a result records for an audit: the rules, the tool, a clinician's
//! override with its reason, and the time only when asked.

use crate::{carelevel, stdout_of};

const IOP: &str = "examples/iop.yaml";

fn screen(args: &[&str]) -> String {
    stdout_of(carelevel().args(["screen", "--answers", IOP]).args(args))
}

const OVERRIDE: [&str; 4] = [
    "--override",
    "inpatient",
    "--reason",
    "lives alone;  no one to check in daily",
];

#[test]
fn an_override_is_recorded_in_every_format_beside_an_unchanged_recommendation() {
    let plain = screen(&["-f", "json"]);
    let json: serde_json::Value =
        serde_json::from_str(&screen(&[&["-f", "json"][..], &OVERRIDE].concat())).unwrap();
    let d = &json["override"];
    assert_eq!(d["recommended"], "iop");
    assert_eq!(d["chosen"], "inpatient");
    assert_eq!(d["chosen_name"], "Inpatient / residential");
    assert_eq!(d["reason"], "lives alone; no one to check in daily");
    // Everything else is the recommendation as it was.
    let mut without: serde_json::Value = json.clone();
    without.as_object_mut().unwrap().remove("override");
    assert_eq!(
        without,
        serde_json::from_str::<serde_json::Value>(&plain).unwrap()
    );

    let yaml = screen(&[&["-f", "yaml"][..], &OVERRIDE].concat());
    assert!(yaml.contains("override:\n  recommended: iop\n  recommended_name: \"Intensive outpatient program\"\n  chosen: inpatient\n"), "{yaml}");
    assert!(yaml.contains("level: iop\n"), "{yaml}");
    for format in ["text", "markdown"] {
        let out = screen(&[&["-f", format][..], &OVERRIDE].concat());
        let said = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(said.contains("Clinician's decision:"), "{format}: {out}");
        assert!(
            said.contains(
                "Inpatient / residential, instead of the recommended Intensive outpatient program"
            ),
            "{format}: {said}"
        );
        assert!(
            said.contains("lives alone; no one to check in daily."),
            "{format}: {said}"
        );
        assert!(
            said.contains("Recommended level of care: Intensive outpatient program"),
            "{format}"
        );
    }
}

#[test]
fn an_override_needs_another_level_of_the_rules_and_a_reason() {
    for (args, words) in [
        (&["--override", "inpatient"][..], "--reason"),
        (&["--reason", "x"][..], "--override"),
        (
            &["--override", "inpatent", "--reason", "x"][..],
            "did you mean `inpatient`?",
        ),
        (
            &["--override", "iop", "--reason", "x"][..],
            "names the recommended level",
        ),
        (
            &["--override", "inpatient", "--reason", "   "][..],
            "needs a reason in words",
        ),
    ] {
        let out = carelevel()
            .args(["screen", "--answers", IOP])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(words), "{args:?}: {err}");
    }
}

#[test]
fn results_are_the_same_bytes_unless_a_timestamp_is_asked_for() {
    for format in ["text", "json", "markdown", "yaml"] {
        assert_eq!(screen(&["-f", format]), screen(&["-f", format]), "{format}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&screen(&["-f", "json", "--timestamp"])).unwrap();
    let t = json["timestamp"].as_str().expect("a timestamp");
    assert!(
        t.len() == 20 && t.ends_with('Z') && t.as_bytes()[10] == b'T',
        "{t}"
    );
    assert_eq!(json["tool"]["name"], "carelevel");
    assert_eq!(json["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(
        serde_json::from_str::<serde_json::Value>(&screen(&["-f", "json"])).unwrap()["timestamp"]
            .is_null()
    );
}
