//! The built-in rules in a form that loads without YAML. `build.rs` checks
//! `rules/default.yaml` with the same validator as any rule file (an
//! invalid file fails the build) and bakes it; start-up then only reads
//! the baked bytes. The test cases stay out: only `check` needs them, and
//! it reads the YAML.

use serde::{Deserialize, Serialize};

use super::model::{RuleFile, Variant};
use super::text::{Respondent, TextTable};
use super::Rules;
use crate::source::Source;

/// The rules worded for one respondent in one language, every text
/// reduced to that wording.
#[derive(Serialize, Deserialize)]
struct Baked {
    /// SHA-256 of the YAML text, as a result names it.
    sha256: String,
    respondent: Respondent,
    lang: String,
    file: RuleFile,
}

/// The built-in rules baked: one form for each respondent and language,
/// and the one table of texts they all refer to.
#[derive(Debug)]
pub struct BakedRules {
    pub variants: Vec<(Variant, Vec<u8>)>,
    /// Every text of every variant, each once (see [`TextTable`]).
    pub texts: String,
}

/// Check `text` as a rule file named `name` and bake it, once for each
/// respondent and language it is worded for (`lang` is always set), or say
/// why not (the same message `carelevel check` would give).
pub fn bake(name: &str, text: &str) -> Result<BakedRules, String> {
    let rules = Rules::parse(name, text).map_err(|e| e.to_string())?;
    let (variants, texts) = TextTable::collect(|| bake_variants(rules));
    Ok(BakedRules {
        variants: variants?,
        texts,
    })
}

fn bake_variants(rules: Rules) -> Result<Vec<(Variant, Vec<u8>)>, String> {
    let mut file = rules.file;
    file.tests.clear();
    let mut out = Vec::new();
    for lang in file.offered_languages() {
        for &respondent in &file.respondents {
            let variant = Variant {
                respondent,
                lang: Some(lang.to_owned()),
            };
            let mut worded = file.clone();
            worded.select(&variant);
            worded.keep_shown();
            let baked = Baked {
                sha256: rules.sha256.clone(),
                respondent,
                lang: lang.to_owned(),
                file: worded,
            };
            // By position: field names would cost start-up time to match.
            let bytes = super::model::writing_all(|| rmp_serde::to_vec(&baked))
                .map_err(|e| e.to_string())?;
            out.push((variant, bytes));
        }
    }
    Ok(out)
}

impl Rules {
    /// Rules baked by [`bake`] from `text`, named `name`: worded already
    /// for one respondent ([`Rules::worded_for`]). `bytes` are one
    /// variant's and `texts` the table of texts they refer to, which the
    /// rules borrow.
    ///
    /// # Panics
    /// When `bytes` and `texts` were not made by one [`bake`] of this
    /// version's model: the build makes them, so this would be a build
    /// fault.
    pub fn from_baked(name: &str, text: &'static str, bytes: &[u8], texts: &'static str) -> Rules {
        let baked: Baked = TextTable::reading(texts, || rmp_serde::from_slice(bytes))
            .expect("the built-in rules are baked by build.rs");
        let mut rules = Rules::index(baked.file, Source::trusted(name, text), baked.sha256);
        rules.lang.clone_from(&baked.lang);
        rules.worded_for = Some(Variant {
            respondent: baked.respondent,
            lang: Some(baked.lang),
        });
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
        let texts: &'static str = Box::leak(baked_all.texts.into_boxed_str());
        let mut expected_variants = Vec::new();
        for lang in parsed.file.offered_languages() {
            for &respondent in &parsed.file.respondents {
                expected_variants.push(Variant {
                    respondent,
                    lang: Some(lang.to_owned()),
                });
            }
        }
        assert_eq!(
            baked_all
                .variants
                .iter()
                .map(|(v, _)| v.clone())
                .collect::<Vec<_>>(),
            expected_variants
        );
        for (variant, bytes) in &baked_all.variants {
            let baked = Rules::from_baked(super::super::BUILTIN_NAME, DEFAULT, bytes, texts);
            assert_eq!(baked.worded_for.as_ref(), Some(variant));
            assert_eq!(baked.sha256, parsed.sha256);
            assert!(baked.file.tests.is_empty());
            let mut expected = parsed.file.clone();
            expected.tests.clear();
            expected.select(variant);
            expected.keep_shown();
            assert_eq!(
                serde_json::to_value(&baked.file).unwrap(),
                serde_json::to_value(&expected).unwrap()
            );
        }
        let (_, bytes) = &baked_all.variants[0];
        let baked = Rules::from_baked(super::super::BUILTIN_NAME, DEFAULT, bytes, texts);
        // A place in the text is still found when an error needs one.
        assert_eq!(
            baked.source.key("questions[0].id").unwrap().line,
            parsed.source.key("questions[0].id").unwrap().line
        );
    }

    #[test]
    fn no_text_of_the_built_in_rules_reads_as_a_boolean_in_yaml_1_1() {
        // `es: No` is the text "No" to carelevel (YAML 1.2) but `false` to
        // PyYAML and other YAML 1.1 readers: every such word is quoted.
        const WORDS: [&str; 8] = ["yes", "no", "on", "off", "y", "n", "true", "false"];
        const FLAGS: [&str; 5] = ["safety", "declines", "unknown", "crisis", "required"];
        for (i, line) in DEFAULT.lines().enumerate() {
            let body = line.trim_start().trim_start_matches("- ");
            let Some((key, value)) = body.split_once(": ") else {
                continue;
            };
            let value = value.trim();
            if !FLAGS.contains(&key) && WORDS.iter().any(|w| w.eq_ignore_ascii_case(value)) {
                panic!(
                    "line {}: `{}` reads as a boolean in YAML 1.1: quote it",
                    i + 1,
                    line.trim()
                );
            }
        }
    }

    #[test]
    fn an_invalid_rule_file_is_not_baked_and_says_why() {
        let broken = DEFAULT.replacen("floor: inpatient", "floor: inpatent", 1);
        let e = bake("rules/default.yaml", &broken).unwrap_err();
        assert!(e.contains("unknown level `inpatent`"), "{e}");
        assert!(e.contains("rules/default.yaml:"), "{e}");
    }
}
