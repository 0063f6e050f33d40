//! Reading a rule file into a checked, ready-to-use [`Rules`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Ids by name. Ids are short and come from the rule file, so a fast
/// non-keyed hash (FNV-1a) serves better than the default SipHash.
type Ids = HashMap<String, usize, BuildHasherDefault<Fnv>>;

#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

use sha2::{Digest, Sha256};

use super::model::{Condition, Question, RuleFile, Scalar};
use super::validate;
use super::yaml_error::from_yaml_error;
use crate::error::{Error, Problem};
use crate::source::Source;

/// How the built-in rules are named in messages.
pub const BUILTIN_NAME: &str = "<built-in rules/default.yaml>";

/// The text of the built-in rules.
pub const BUILTIN_TEXT: &str = include_str!("../../../rules/default.yaml");

/// A rule file that passed every check, with lookups the engine needs.
#[derive(Debug, Clone)]
pub struct Rules {
    pub file: RuleFile,
    pub source: Source,
    /// Hex SHA-256 of the file's bytes, so a result names exactly the rules it used.
    pub sha256: String,
    /// The respondent and language every text is worded for, when only
    /// that wording is kept (the baked built-in rules); `None` when the
    /// texts keep all their variants.
    pub worded_for: Option<super::text::Variant>,
    /// The language the texts in use are in (the file's default language
    /// until another is selected).
    pub lang: String,
    questions: Ids,
    levels: Ids,
    dimensions: Ids,
    /// For each question and option, the ratings it gives, by dimension index.
    rates: Vec<Vec<Vec<(usize, u8)>>>,
    /// For each note, the ranks of the levels it is shown at (any when empty).
    note_levels: Vec<Vec<usize>>,
}

impl Rules {
    /// The rules compiled into the binary, read from their YAML, with their
    /// test cases (`carelevel` itself starts from the baked form instead:
    /// see [`super::baked`]).
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
                let mut p = from_yaml_error(&source, &e, super::yaml_error::RULES_HELP);
                if p.message.starts_with("expected ") && p.message.contains(", found ") {
                    // The whole file has the wrong shape.
                    p.help = Some("a rule file is one mapping that starts with `schema: carelevel/v1`; see the rule file format in the README".into());
                } else if p.message.contains(", found ")
                    && p.help.as_deref() == Some(super::yaml_error::RULES_HELP)
                {
                    p.help = Some(
                        "change the value to that type; the README describes every field".into(),
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
        problems.extend(validate::check(&rules));
        if problems.is_empty() {
            Ok(rules)
        } else {
            problems.sort_by_key(|p| p.location.as_ref().map(|l| (l.line, l.column)));
            Err(Error::Rules(problems))
        }
    }

    pub(super) fn index(mut file: RuleFile, source: Source, sha256: String) -> Rules {
        let questions = ids(file.questions.iter().map(|q| q.id.as_str()));
        let levels = ids(file.levels.iter().map(|l| l.id.as_str()));
        let dimensions = ids(file.dimensions.iter().map(|d| d.id.as_str()));
        // A question's own condition is taken out while it is resolved
        // against the questions (whose scales give `at_least` its rank).
        for i in 0..file.questions.len() {
            if let Some(mut c) = file.questions[i].when.take() {
                resolve(&mut c, &file.questions, &questions, &dimensions);
                file.questions[i].when = Some(c);
            }
        }
        let conditions = file
            .placement
            .rules
            .iter_mut()
            .map(|r| &mut r.when)
            .chain(file.notes.iter_mut().filter_map(|n| n.when.as_mut()));
        for c in conditions {
            resolve(c, &file.questions, &questions, &dimensions);
        }
        let rates = file
            .questions
            .iter()
            .map(|q| {
                q.options
                    .iter()
                    .map(|o| {
                        o.rate
                            .iter()
                            .filter_map(|(dim, &v)| dimensions.get(dim).map(|&d| (d, v)))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let note_levels = file
            .notes
            .iter()
            .map(|n| {
                n.levels
                    .iter()
                    .filter_map(|l| levels.get(l.as_str()).copied())
                    .collect()
            })
            .collect();
        Rules {
            lang: file.language.clone(),
            file,
            source,
            sha256,
            worded_for: None,
            note_levels,
            questions,
            levels,
            dimensions,
            rates,
        }
    }

    /// Whether note `note` is shown beside the level of rank `level`.
    pub fn note_at(&self, note: usize, level: usize) -> bool {
        self.note_levels
            .get(note)
            .is_none_or(|l| l.is_empty() || l.contains(&level))
    }

    /// Index of dimension `id`, which is also its place in the ratings.
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.get(id).copied()
    }

    /// The ratings option `option` of question `question` gives, as
    /// (dimension index, rating).
    pub fn rates(&self, question: usize, option: usize) -> &[(usize, u8)] {
        self.rates
            .get(question)
            .and_then(|q| q.get(option))
            .map_or(&[], Vec::as_slice)
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

/// Fill in the index each condition in `c` names.
fn resolve(c: &mut Condition, all: &[Question], questions: &Ids, dimensions: &Ids) {
    let (named, rank, codes) = match (&c.answer, &c.dimension) {
        (Some(q), _) => {
            let index = questions.get(q.as_str()).copied();
            let threshold = c.at_least.as_ref().or(c.at_most.as_ref());
            let rank = index
                .zip(threshold)
                .and_then(|(i, v)| crate::engine::rank_of(&all[i], v));
            let listed: Vec<&Scalar> = c.is.iter().chain(c.in_.iter().flatten()).collect();
            // A code that is no option of the question matches no answer.
            let codes = index
                .filter(|&i| all[i].options.len() <= 64 && !listed.is_empty())
                .map(|i| {
                    listed
                        .iter()
                        .filter_map(|v| match v {
                            Scalar::Code(code) => all[i].option(code).map(|(o, _)| 1u64 << o),
                            Scalar::Int(_) => None,
                        })
                        .fold(0, |mask, bit| mask | bit)
                });
            (index, rank, codes)
        }
        (None, Some(d)) => (dimensions.get(d.as_str()).copied(), None, None),
        (None, None) => (None, None, None),
    };
    c.target.set(named, rank, codes);
    let inner = c
        .all
        .iter_mut()
        .chain(&mut c.any)
        .chain(&mut c.of)
        .flatten();
    for s in inner.chain(c.not.as_deref_mut()) {
        resolve(s, all, questions, dimensions);
    }
}

/// First index wins, so duplicate ids (reported by validation) do not shift lookups.
fn ids<'a>(items: impl Iterator<Item = &'a str>) -> Ids {
    let mut map = Ids::default();
    for (i, id) in items.enumerate() {
        map.entry(id.to_owned()).or_insert(i);
    }
    map
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
        let text = include_str!("../../../tests/fixtures/minimal.yaml").replace(
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
        for marker in ["---", "..."] {
            let text = format!(
                "{}{marker}\nid: other\n",
                include_str!("../../../tests/fixtures/minimal.yaml")
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
        let minimal = include_str!("../../../tests/fixtures/minimal.yaml");
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
