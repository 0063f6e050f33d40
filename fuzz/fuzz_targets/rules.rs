//! Any text as a rule file: never a panic; a rule file that loads gives a
//! template, a question list and a comparison, and its template reads back.
#![no_main]

use carelevel::report::compare;
use carelevel::rules::model::Respondent;
use carelevel::rules::Rules;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rules = match Rules::parse("fuzz.yaml", text) {
        Ok(rules) => rules,
        Err(e) => {
            // Every refusal says something, with an exit code for it.
            assert!(!e.to_string().is_empty());
            let _ = e.exit_code();
            return;
        }
    };
    for respondent in [Respondent::Myself, Respondent::Other] {
        let template = carelevel::template::yaml(&rules, respondent);
        if let Err(e) = carelevel::read::parse(&rules, "template.yaml", &template) {
            panic!("the template does not read back: {e}\n{template}");
        }
        let json = carelevel::template::json(&rules, respondent);
        if let Err(e) = carelevel::read::parse(&rules, "template.json", &json) {
            panic!("the JSON template does not read back: {e}\n{json}");
        }
    }
    let _ = carelevel::questions::json(&rules);
    let _ = carelevel::questions::yaml(&rules);
    if let Ok(c) = compare::comparison(&rules, None) {
        let _ = compare::table(&c, Default::default());
        let _ = compare::csv(&c);
        let _ = compare::json(&c);
        let _ = compare::markdown(&c);
    }
});
