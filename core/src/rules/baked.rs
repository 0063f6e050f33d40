//! The built-in rules in a form that loads without YAML. `build.rs` checks
//! `rules/default.yaml` with the same validator as any rule file (an
//! invalid file fails the build) and bakes it; start-up then only reads
//! the baked bytes. The test cases stay out: only `check` needs them, and
//! it reads the YAML.

use serde::{Deserialize, Serialize};

use super::model::{RuleFile, Variant};
use super::text::Respondent;
use super::Rules;
use crate::source::Source;

/// The rules worded for one respondent, every text reduced to that wording.
#[derive(Serialize, Deserialize)]
struct Baked {
    /// SHA-256 of the YAML text, as a result names it.
    sha256: String,
    respondent: Respondent,
    file: RuleFile,
}

/// Check `text` as a rule file named `name` and bake it, once for each
/// respondent it is worded for, or say why not (the same message
/// `carelevel check` would give).
pub fn bake(name: &str, text: &str) -> Result<Vec<(Respondent, Vec<u8>)>, String> {
    let rules = Rules::parse(name, text).map_err(|e| e.to_string())?;
    let mut file = rules.file;
    file.tests.clear();
    file.respondents
        .clone()
        .into_iter()
        .map(|respondent| {
            let mut worded = file.clone();
            worded.select(&Variant {
                respondent,
                lang: None,
            });
            worded.keep_shown();
            let baked = Baked {
                sha256: rules.sha256.clone(),
                respondent,
                file: worded,
            };
            // By position: field names would cost start-up time to match.
            super::model::writing_all(|| rmp_serde::to_vec(&baked))
                .map(|bytes| (respondent, bytes))
                .map_err(|e| e.to_string())
        })
        .collect()
}

impl Rules {
    /// Rules baked by [`bake`] from `text`, named `name`: worded already
    /// for one respondent ([`Rules::worded_for`]).
    ///
    /// # Panics
    /// When `bytes` were not made by [`bake`] from this version's model:
    /// the build makes them, so this would be a build fault.
    pub fn from_baked(name: &str, text: &'static str, bytes: &[u8]) -> Rules {
        let baked: Baked =
            rmp_serde::from_slice(bytes).expect("the built-in rules are baked by build.rs");
        let mut rules = Rules::index(baked.file, Source::trusted(name, text), baked.sha256);
        rules.worded_for = Some(baked.respondent);
        rules
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: &str = include_str!("../../../rules/default.yaml");

    #[test]
    fn baked_rules_are_the_parsed_rules_worded_for_each_respondent() {
        let parsed = Rules::builtin().unwrap();
        let baked_all = bake(super::super::BUILTIN_NAME, DEFAULT).unwrap();
        assert_eq!(baked_all.len(), 2);
        for (respondent, bytes) in baked_all {
            let baked = Rules::from_baked(super::super::BUILTIN_NAME, DEFAULT, &bytes);
            assert_eq!(baked.worded_for, Some(respondent));
            assert_eq!(baked.sha256, parsed.sha256);
            assert!(baked.file.tests.is_empty());
            let mut expected = parsed.file.clone();
            expected.tests.clear();
            expected.select(&Variant {
                respondent,
                lang: None,
            });
            expected.keep_shown();
            assert_eq!(
                serde_json::to_value(&baked.file).unwrap(),
                serde_json::to_value(&expected).unwrap()
            );
        }
        let (_, bytes) = &bake(super::super::BUILTIN_NAME, DEFAULT).unwrap()[0];
        let baked = Rules::from_baked(super::super::BUILTIN_NAME, DEFAULT, bytes);
        // A place in the text is still found when an error needs one.
        assert_eq!(
            baked.source.key("questions[0].id").unwrap().line,
            parsed.source.key("questions[0].id").unwrap().line
        );
    }

    #[test]
    fn an_invalid_rule_file_is_not_baked_and_says_why() {
        let broken = DEFAULT.replacen("floor: inpatient", "floor: inpatent", 1);
        let e = bake("rules/default.yaml", &broken).unwrap_err();
        assert!(e.contains("unknown level `inpatent`"), "{e}");
        assert!(e.contains("rules/default.yaml:"), "{e}");
    }
}
