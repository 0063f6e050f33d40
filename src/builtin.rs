//! The built-in rules as carelevel starts with them: baked by `build.rs`
//! from `rules/default.yaml` (checked there by the same validator as any
//! rule file), once for each respondent and language, so that start-up
//! reads no YAML.

use crate::rules::model::Variant;
use crate::rules::{Rules, BUILTIN_NAME, BUILTIN_TEXT};

include!(concat!(env!("OUT_DIR"), "/baked.rs"));

/// The built-in rules worded for the person in their default language,
/// without their test cases (`check` reads those from the YAML: see
/// [`Rules::builtin`]).
pub fn rules() -> Rules {
    rules_for(&Variant::default())
}

/// The built-in rules worded for `v` (its language, or the default one
/// when `v.lang` is `None` or not offered).
pub fn rules_for(v: &Variant) -> Rules {
    let respondent = v.respondent.key();
    let lang = v.lang.as_deref();
    let bytes = BAKED
        .iter()
        .find(|(r, l, _)| *r == respondent && Some(*l) == lang)
        // The first language baked is the default one.
        .or_else(|| BAKED.iter().find(|(r, _, _)| *r == respondent))
        .map_or(BAKED[0].2, |(_, _, b)| b);
    Rules::from_baked(BUILTIN_NAME, BUILTIN_TEXT, bytes, BAKED_TEXTS)
}

/// The languages the built-in rules offer, the default one first.
pub fn languages() -> Vec<&'static str> {
    let mut out: Vec<&str> = Vec::new();
    for (_, l, _) in BAKED {
        if !out.contains(l) {
            out.push(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::model::Respondent;

    #[test]
    fn the_baked_rules_are_the_built_in_rules_for_each_respondent_and_language() {
        let parsed = Rules::builtin().unwrap();
        assert_eq!(
            languages(),
            parsed.file.offered_languages(),
            "every language is baked"
        );
        for lang in languages() {
            for respondent in [Respondent::Myself, Respondent::Other] {
                let v = Variant {
                    respondent,
                    lang: Some(lang.to_owned()),
                };
                let baked = rules_for(&v);
                let mut parsed = parsed.clone();
                parsed.file.select(&v);
                assert_eq!(baked.sha256, parsed.sha256);
                assert_eq!(baked.worded_for.as_ref(), Some(&v));
                let shown = |r: &Rules| {
                    r.file
                        .questions
                        .iter()
                        .map(|q| q.prompt.as_str().to_owned())
                        .collect::<Vec<_>>()
                };
                assert_eq!(shown(&baked), shown(&parsed));
                assert_eq!(
                    baked.file.crisis.message.as_str(),
                    parsed.file.crisis.message.as_str()
                );
            }
        }
    }
}
