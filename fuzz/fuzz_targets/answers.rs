//! Any text as an answer file for the built-in rules: never a panic; one
//! that reads is scored and rendered in every format, crisis first.
#![no_main]

use std::sync::LazyLock;

use carelevel::rules::Rules;
use libfuzzer_sys::fuzz_target;

static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::builtin().expect("built-in rules"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rules = &*RULES;
    for name in ["fuzz.yaml", "fuzz.json"] {
        match carelevel::read::parse(rules, name, text) {
            Ok(doc) => carelevel_fuzz_common::score_everything(rules, &doc),
            Err(e) => {
                assert!(!e.to_string().is_empty());
            }
        }
    }
});

mod carelevel_fuzz_common {
    include!("common.rs");
}
