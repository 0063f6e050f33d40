//! Reading a rule file into checked, ready-to-use [`Rules`]: its YAML
//! parsed with every problem placed, its structure checked
//! ([`crate::rules`]'s validator), then its own test cases read as answers
//! ([`cases`]). This room sits above the rules and the answer readers.

mod cases;

use sha2::{Digest, Sha256};

use crate::error::{Error, Problem};
use crate::rules::model::RuleFile;
use crate::rules::{from_yaml_error, Rules, BUILTIN_NAME, BUILTIN_TEXT};
use crate::source::Source;

impl Rules {
    /// The rules compiled into the binary, read from their YAML, with their
    /// test cases (`carelevel` itself starts from the baked form instead:
    /// see [`crate::rules::baked`]).
    pub fn builtin() -> Result<Rules, Error> {
        Rules::parse(BUILTIN_NAME, BUILTIN_TEXT)
    }

    /// Parse and check `text`; `name` is used in messages.
    pub fn parse(name: &str, text: &str) -> Result<Rules, Error> {
        // The hash is of the bytes as given; parsing skips a byte-order mark.
        let sha256 = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let source = Source::read(name, text).map_err(|p| Error::Rules(vec![p]))?;
        let text: &str = &source.text;
        let mut problems: Vec<Problem> = source
            .duplicates()
            .iter()
            .map(|d| {
                Problem::new(format!("duplicate key `{}`", d.key))
                    .at(Some(source.location(d.again)))
                    .help(format!(
                        "`{}` is already set at line {}; keep one of them",
                        d.path, d.first.line
                    ))
            })
            .collect();
        let file: RuleFile = match serde_yaml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                let mut p = from_yaml_error(&source, &e, crate::rules::RULES_HELP);
                if p.message.starts_with("expected ") && p.message.contains(", found ") {
                    // The whole file has the wrong shape.
                    p.help = Some("a rule file is one mapping that starts with `schema: carelevel/v1`; see the rule file format in docs/rules.md".into());
                } else if p.message.contains(", found ")
                    && p.help.as_deref() == Some(crate::rules::RULES_HELP)
                {
                    p.help = Some(
                        "change the value to that type; docs/rules.md describes every field".into(),
                    );
                }
                // A duplicate key is already reported where it stands.
                if problems.is_empty() || !p.message.contains("duplicate field") {
                    problems.push(p);
                }
                return Err(Error::Rules(problems));
            }
        };
        let rules = Rules::index(file, source, sha256);
        problems.extend(crate::rules::check(&rules));
        problems.extend(cases::tests_are_sound(&rules));
        if problems.is_empty() {
            Ok(rules)
        } else {
            problems.sort_by_key(|p| p.location.as_ref().map(|l| (l.line, l.column)));
            Err(Error::Rules(problems))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_load_and_check() {
        let rules = Rules::builtin().unwrap_or_else(|e| panic!("built-in rules invalid:\n{e}"));
        assert_eq!(rules.file.id, "default");
        assert_eq!(rules.sha256.len(), 64);
    }

    #[test]
    fn unknown_field_points_at_it_and_suggests() {
        let text = "schema: carelevel/v1\nid: x\nversoin: 1\n";
        let err = Rules::parse("r.yaml", text).unwrap_err();
        let p = &err.problems()[0];
        assert!(p.message.contains("unknown field `versoin`"), "{p}");
        assert_eq!(p.location.as_ref().unwrap().line, 3);
        assert_eq!(
            p.help.as_deref(),
            Some("did you mean `version`? unknown keys are not allowed")
        );
        assert_eq!(err.exit_code(), 78);
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = Rules::parse("r.yaml", "schema: [oops\n").unwrap_err();
        let loc = err.problems()[0].location.clone().unwrap();
        assert_eq!(loc.file, "r.yaml");
        assert!(loc.line >= 1);
    }

    #[test]
    fn duplicate_key_is_an_error_with_both_lines() {
        let text = include_str!("../../tests/fixtures/minimal.yaml").replace(
            "title: Minimal rules\n",
            "title: Minimal rules\ntitle: Again\n",
        );
        let err = Rules::parse("r.yaml", &text).unwrap_err();
        assert_eq!(err.problems().len(), 1, "reported once: {err}");
        let p = &err.problems()[0];
        assert_eq!(p.message, "duplicate key `title`");
        assert_eq!(p.location.as_ref().unwrap().line, 6);
        assert!(p.help.as_deref().unwrap().contains("line 5"));
    }

    #[test]
    fn an_empty_or_comment_only_file_is_called_empty() {
        for text in ["", "# nothing yet\n", "\n\n---\n"] {
            let err = Rules::parse("r.yaml", text).unwrap_err();
            let p = &err.problems()[0];
            assert_eq!(p.message, "the file is empty", "{text:?}");
            assert!(p.help.as_deref().unwrap().contains("docs/rules.md"));
        }
    }

    #[test]
    fn a_second_document_is_pointed_at() {
        for marker in ["---", "..."] {
            let text = format!(
                "{}{marker}\nid: other\n",
                include_str!("../../tests/fixtures/minimal.yaml")
            );
            let err = Rules::parse("r.yaml", &text).unwrap_err();
            let p = &err.problems()[0];
            assert_eq!(p.message, "the file holds more than one YAML document");
            let line = text.lines().position(|l| l == marker).unwrap() + 1;
            assert_eq!(p.location.as_ref().unwrap().line, line, "{marker}");
        }
    }

    #[test]
    fn type_errors_are_said_in_plain_words() {
        let minimal = include_str!("../../tests/fixtures/minimal.yaml");
        let negative = minimal.replacen("rate: {risk: 2}", "rate: {risk: -1}", 1);
        assert_ne!(negative, minimal, "fixture changed");
        let err = Rules::parse("r.yaml", &negative).unwrap_err();
        let p = &err.problems()[0];
        assert!(
            p.message.ends_with(
                "expected a rating from 0 (none) to 4 (most severe), found the number -1"
            ),
            "{p}"
        );
        assert!(!p.message.contains("u8"));
        assert!(p.help.is_some());

        let listed = minimal.replacen("title: Minimal rules", "title: [Minimal]", 1);
        let err = Rules::parse("r.yaml", &listed).unwrap_err();
        let p = &err.problems()[0];
        assert_eq!(
            p.message,
            "title: expected a text, or a map of its variants (`self`/`other`, or languages), found a list"
        );
        assert_eq!(p.location.as_ref().unwrap().line, 5);
    }

    #[test]
    fn deep_nesting_is_refused_at_once() {
        let depth = 30_000;
        let text = format!("a: {}1{}\n", "{b: ".repeat(depth), "}".repeat(depth));
        let err = Rules::parse("r.yaml", &text).unwrap_err();
        let p = &err.problems()[0];
        assert_eq!(p.message, "the file nests too deeply");
        assert_eq!(p.location.as_ref().unwrap().line, 1);
        assert_eq!(err.exit_code(), 78);
    }
}
