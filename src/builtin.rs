//! The built-in rules as carelevel starts with them: baked by `build.rs`
//! from `rules/default.yaml` (checked there by the same validator as any
//! rule file), once for each respondent, so that start-up reads no YAML.

use crate::rules::model::Respondent;
use crate::rules::{Rules, BUILTIN_NAME, BUILTIN_TEXT};

const FOR_SELF: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default_rules.self.baked"));
const FOR_OTHER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default_rules.other.baked"));

/// The built-in rules worded for the person, without their test cases
/// (`check` reads those from the YAML: see [`Rules::builtin`]).
pub fn rules() -> Rules {
    rules_for(Respondent::Myself)
}

/// The built-in rules worded for `respondent`.
pub fn rules_for(respondent: Respondent) -> Rules {
    let bytes = match respondent {
        Respondent::Myself => FOR_SELF,
        Respondent::Other => FOR_OTHER,
    };
    Rules::from_baked(BUILTIN_NAME, BUILTIN_TEXT, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::model::Variant;

    #[test]
    fn the_baked_rules_are_the_built_in_rules_for_each_respondent() {
        for respondent in [Respondent::Myself, Respondent::Other] {
            let baked = rules_for(respondent);
            let mut parsed = Rules::builtin().unwrap();
            parsed.file.select(&Variant {
                respondent,
                lang: None,
            });
            assert_eq!(baked.sha256, parsed.sha256);
            assert_eq!(baked.worded_for, Some(respondent));
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
