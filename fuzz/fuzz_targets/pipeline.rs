//! Rules and answers together: the input is a rule file, a line holding
//! only `%%`, then an answer file. Load → evaluate → every report.
#![no_main]

use carelevel::rules::Rules;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (rules_text, answers_text) = text.split_once("\n%%\n").unwrap_or((text, ""));
    let Ok(rules) = Rules::parse("fuzz.yaml", rules_text) else {
        return;
    };
    if let Ok(doc) = carelevel::read::parse(&rules, "fuzz.yaml", answers_text) {
        common::score_everything(&rules, &doc);
    }
});

mod common {
    include!("common.rs");
}
