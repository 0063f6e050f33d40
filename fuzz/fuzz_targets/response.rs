//! Any text as a FHIR QuestionnaireResponse (or Bundle) for the built-in
//! rules: never a panic; one that reads is scored and rendered in every
//! format, and writing it as a response again reads back the same answers.
#![no_main]

use std::sync::LazyLock;

use carelevel::rules::model::Respondent;
use carelevel::rules::Rules;
use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::builtin().expect("built-in rules"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rules = &*RULES;
    match carelevel::read::parse(rules, "fuzz.json", text) {
        Ok(doc) => {
            carelevel_fuzz_common::score_everything(rules, &doc);
            let respondent = doc.respondent.unwrap_or(Respondent::Myself);
            let again = carelevel::fhir::response_file(rules, &doc.answers, doc.id.as_deref(), respondent);
            let back = carelevel::read::parse(rules, "again.json", &again)
                .unwrap_or_else(|e| panic!("our own response does not read back: {e}\n{again}"));
            let mut asked = doc.answers.clone();
            for q in carelevel::engine::evaluate(rules, &doc.answers).ignored {
                asked.set(q, None);
            }
            assert_eq!(back.answers, asked);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});

mod carelevel_fuzz_common {
    include!("common.rs");
}
