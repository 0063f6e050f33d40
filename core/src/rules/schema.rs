//! A JSON Schema of the rule file, generated from the types that read it,
//! for editors that check YAML as it is typed. It describes the shape (the
//! fields, their types, what is required); `carelevel check` checks the rest
//! (ids that must exist, scales, the test cases).

use super::model::RuleFile;

/// The schema, as pretty JSON with a final line end.
pub fn json() -> String {
    let mut schema = schemars::schema_for!(RuleFile);
    schema.insert(
        "title".into(),
        "carelevel rule file (schema: carelevel/v1)".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_schema_is_the_generated_one() {
        let committed = include_str!("../../../rules/schema.json");
        assert!(
            committed == json(),
            "rules/schema.json is stale: run `cargo run -- schema > rules/schema.json`"
        );
    }
}

/// The schema checked by an independent validator (the `jsonschema`
/// crate): the built-in rules pass; files of the wrong shape do not.
#[cfg(test)]
mod validation {
    use super::*;

    fn validator() -> jsonschema::Validator {
        let schema: serde_json::Value = serde_json::from_str(&json()).unwrap();
        jsonschema::validator_for(&schema).expect("a valid schema")
    }

    fn as_json(yaml: &str) -> serde_json::Value {
        serde_yaml::from_str(yaml).expect("YAML")
    }

    const DEFAULT: &str = include_str!("../../../rules/default.yaml");

    #[test]
    fn the_built_in_rules_and_the_minimal_fixture_pass() {
        let v = validator();
        for text in [
            DEFAULT,
            include_str!("../../../tests/fixtures/minimal.yaml"),
        ] {
            let doc = as_json(text);
            let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{errors:?}");
        }
    }

    #[test]
    fn files_of_the_wrong_shape_fail() {
        let v = validator();
        let broken = [
            // An unknown field at the top.
            DEFAULT.replacen("id: default\n", "id: default\nauthor: me\n", 1),
            // A question kind that does not exist.
            DEFAULT.replacen("type: choice", "type: slider", 1),
            // A rating that is not a number.
            DEFAULT.replacen("from: 0", "from: zero", 1),
            // The levels left out.
            {
                let start = DEFAULT.find("\nlevels:").unwrap();
                let end = DEFAULT[start + 1..].find("\ndimensions:").unwrap() + start + 1;
                format!("{}{}", &DEFAULT[..start], &DEFAULT[end..])
            },
            // A text that is neither a string nor a map of variants.
            {
                let start = DEFAULT.find("\ntitle:").unwrap();
                let end = DEFAULT[start + 1..].find("\ndisclaimer:").unwrap() + start + 1;
                format!("{}\ntitle: [a, b]{}", &DEFAULT[..start], &DEFAULT[end..])
            },
        ];
        for (i, text) in broken.iter().enumerate() {
            assert!(!v.is_valid(&as_json(text)), "broken file {i} passed");
        }
    }
}
