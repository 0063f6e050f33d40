//! Reading a rule file into a checked, ready-to-use [`Rules`].

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::model::{Question, RuleFile};
use super::validate;
use crate::error::{Error, Location, Problem};
use crate::source::{Pos, Source};
use crate::suggest;

/// How the built-in rules are named in messages.
pub const BUILTIN_NAME: &str = "<built-in rules/default.yaml>";

const BUILTIN_TEXT: &str = include_str!("../../rules/default.yaml");

/// A rule file that passed every check, with lookups the engine needs.
#[derive(Debug, Clone)]
pub struct Rules {
    pub file: RuleFile,
    pub source: Source,
    /// Hex SHA-256 of the file's bytes, so a result names exactly the rules it used.
    pub sha256: String,
    questions: HashMap<String, usize>,
    levels: HashMap<String, usize>,
}

impl Rules {
    /// The rules compiled into the binary.
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
        let text = crate::source::normalize(text);
        let text = text.as_ref();
        let source = Source::new(name, text);
        if let Some(p) = source.unreadable() {
            return Err(Error::Rules(vec![p]));
        }
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
                let p = from_yaml_error(&source, &e);
                // A duplicate key is already reported where it stands.
                if problems.is_empty() || !p.message.contains("duplicate field") {
                    problems.push(p);
                }
                return Err(Error::Rules(problems));
            }
        };
        let rules = Rules::index(file, source, sha256);
        problems.extend(validate::check(&rules));
        if problems.is_empty() {
            Ok(rules)
        } else {
            problems.sort_by_key(|p| p.location.as_ref().map(|l| (l.line, l.column)));
            Err(Error::Rules(problems))
        }
    }

    fn index(file: RuleFile, source: Source, sha256: String) -> Rules {
        let questions = ids(file.questions.iter().map(|q| q.id.as_str()));
        let levels = ids(file.levels.iter().map(|l| l.id.as_str()));
        Rules {
            file,
            source,
            sha256,
            questions,
            levels,
        }
    }

    /// Index of question `id` in asking order.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.get(id).copied()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|i| &self.file.questions[i])
    }

    /// Rank of level `id`, 0 = least intensive.
    pub fn level_rank(&self, id: &str) -> Option<usize> {
        self.levels.get(id).copied()
    }
}

/// First index wins, so duplicate ids (reported by validation) do not shift lookups.
fn ids<'a>(items: impl Iterator<Item = &'a str>) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (i, id) in items.enumerate() {
        map.entry(id.to_owned()).or_insert(i);
    }
    map
}

/// Turn a YAML parse or shape error into a problem at its place, with a fix.
pub fn from_yaml_error(source: &Source, e: &serde_yaml::Error) -> Problem {
    let full = e.to_string();
    let message = match full.find(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full.clone(),
    };
    let location = e.location().map(|l| {
        source.location(Pos {
            line: l.line(),
            column: l.column(),
        })
    });
    if message.contains("more than one document") {
        return Problem::new("the file holds more than one YAML document")
            .at(second_document(source))
            .help("keep one document: remove this `---` line and what follows, or split the file");
    }
    if is_blank(&source.text) {
        return Problem::new("the file is empty")
            .at(location)
            .help("write one YAML mapping; see the format in the README");
    }
    let message = plain_words(&message);
    let help = yaml_help(&message);
    let problem = Problem::new(message).at(location);
    match help {
        Some(h) => problem.help(h),
        None => problem,
    }
}

/// Nothing but blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---")
}

/// Where the second YAML document starts: the first `---` after content.
fn second_document(source: &Source) -> Option<Location> {
    let mut seen_content = false;
    for (i, line) in source.text.lines().enumerate() {
        let t = line.trim_end();
        if t == "---" || t.starts_with("--- ") {
            if seen_content {
                return Some(source.location(Pos {
                    line: i + 1,
                    column: 1,
                }));
            }
        } else if !t.trim_start().is_empty() && !t.trim_start().starts_with('#') {
            seen_content = true;
        }
    }
    None
}

/// Say serde's "invalid type: integer `-1`, expected u8" in the words of
/// the file: "expected a whole number from 0 to 255, found the number -1".
pub fn plain_words(message: &str) -> String {
    let (path, rest) = match message
        .find("invalid type: ")
        .or(message.find("invalid value: "))
    {
        Some(i) => (&message[..i], &message[i..]),
        None => return message.to_owned(),
    };
    let rest = rest
        .trim_start_matches("invalid type: ")
        .trim_start_matches("invalid value: ");
    let Some((found, expected)) = rest.split_once(", expected ") else {
        return message.to_owned();
    };
    if let Some(n) = found
        .strip_prefix("integer `")
        .and_then(|n| n.strip_suffix("` as u128").or(n.strip_suffix("` as i128")))
    {
        return format!("{path}the number {n} is too large");
    }
    let expected = if path.contains(".rate.") && expected == "u8" {
        "a rating from 0 (none) to 4 (most severe)".to_owned()
    } else {
        expected_words(expected)
    };
    format!("{path}expected {expected}, found {}", found_words(found))
}

fn expected_words(expected: &str) -> String {
    match expected {
        "u8" => "a whole number from 0 to 255".into(),
        "u16" => "a whole number from 0 to 65535".into(),
        "u32" => "a whole number from 0 to 4294967295".into(),
        "u64" | "usize" => "a whole number of 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" | "i64 integer" => "a whole number".into(),
        "a sequence" => "a list".into(),
        "a map" | "map" => "a mapping of `key: value` lines".into(),
        e if e.starts_with("struct ") => "a mapping of `key: value` lines".into(),
        e if e.starts_with("a sequence") => "a list".into(),
        e => e.to_owned(),
    }
}

fn found_words(found: &str) -> String {
    if let Some(n) = found.strip_prefix("integer ") {
        return format!("the number {}", n.trim_matches('`'));
    }
    if let Some(n) = found.strip_prefix("floating point ") {
        return format!("the number {}", n.trim_matches('`'));
    }
    match found {
        "sequence" => "a list".into(),
        "map" => "a mapping".into(),
        "unit value" => "nothing (an empty value)".into(),
        f => f.replace("string ", "the text "),
    }
}

fn yaml_help(message: &str) -> Option<String> {
    if let Some(rest) = message.split("unknown field `").nth(1) {
        let word = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest
            .split("expected ")
            .nth(1)
            .map(|e| e.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        return Some(match suggest::closest(word, expected.iter().copied()) {
            Some(c) => format!("did you mean `{c}`? unknown keys are not allowed"),
            None => "remove it, or check its spelling and indentation".into(),
        });
    }
    if message.contains("missing field") {
        return Some("add the field; see the rule file format in the README".into());
    }
    if message.contains("unknown variant") {
        return Some("use one of the values listed".into());
    }
    if message.contains(", found ") {
        return Some("change the value to that type; the README describes every field".into());
    }
    if message.contains("too large") {
        return Some("use a smaller number".into());
    }
    if message.contains("tab") {
        return Some("indent with spaces, not tabs".into());
    }
    Some("check the YAML syntax here and on the line before: indentation, a `:` after each key, and matching quotes and brackets".into())
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
            assert!(p.help.as_deref().unwrap().contains("README"));
        }
    }

    #[test]
    fn a_second_document_is_pointed_at() {
        let text = format!(
            "{}---\nid: other\n",
            include_str!("../../tests/fixtures/minimal.yaml")
        );
        let err = Rules::parse("r.yaml", &text).unwrap_err();
        let p = &err.problems()[0];
        assert_eq!(p.message, "the file holds more than one YAML document");
        let line = text.lines().position(|l| l == "---").unwrap() + 1;
        assert_eq!(p.location.as_ref().unwrap().line, line);
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
        assert_eq!(p.message, "title: expected a string, found a list");
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
