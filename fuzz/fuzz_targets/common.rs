// Shared by the targets: score a document and render every format,
// checking the promises every format makes.

use carelevel::answers::AnswerDoc;
use carelevel::engine::evaluate;
use carelevel::report;
use carelevel::rules::Rules;

pub fn score_everything(rules: &Rules, doc: &AnswerDoc) {
    let outcome = evaluate(rules, &doc.answers);
    let r = report::build(rules, &doc.answers, &outcome, doc.id.clone());
    let text = report::text(&r, Default::default());
    let markdown = report::markdown(&r, Default::default());
    let summary = report::summary(&r, Default::default(), None);
    let json = report::json(&r);
    let yaml = report::yaml(&r);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    let _ = yaml;
    let fhir = carelevel::fhir::bundle(rules, &doc.answers, &r, None);
    let bundle: serde_json::Value = serde_json::from_str(&fhir).expect("the Bundle is JSON");
    if outcome.crisis {
        // The crisis comes first in every format.
        let first = &bundle["entry"][0]["resource"];
        assert_eq!(first["resourceType"], "Observation");
        assert_eq!(
            first["note"][0]["text"].as_str(),
            r.crisis_message.as_deref(),
            "{fhir}"
        );
        let heading = "!! CRISIS";
        assert!(text.starts_with(heading), "{text}");
        assert!(summary.contains(heading), "{summary}");
        assert!(markdown.starts_with("> **Crisis"), "{markdown}");
        assert!(json.trim_start().starts_with("{\n  \"crisis\": true"), "{json}");
    }
    // A more severe level never comes with a crisis below the top.
    if outcome.crisis {
        assert_eq!(outcome.level, rules.file.levels.len() - 1);
    }
}
