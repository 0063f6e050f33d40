//! The schema and the texts people read.

use std::collections::HashMap;

use unicode_width::UnicodeWidthStr;

use super::super::model::{Respondent, RuleFile};
use super::super::text::Tree;
use super::SCHEMA;
use crate::error::Problem;
use crate::source::Source;

/// The longest a question's `title` may be, in columns: it shares a line
/// with the answer on the review screen.
pub const MAX_TITLE: usize = 40;

pub(super) fn schema_is_known(f: &RuleFile, s: &Source) -> Vec<Problem> {
    if f.schema == SCHEMA {
        return vec![];
    }
    vec![Problem::new(format!("unknown schema `{}`", f.schema))
        .at(s.value("schema"))
        .help(format!(
            "this version of carelevel reads `schema: {SCHEMA}`"
        ))]
}

pub(super) fn texts_are_not_empty(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut texts: Vec<(String, &str)> = vec![("version".into(), &f.version)];
    for (path, t) in f.texts() {
        // A dimension's description is optional.
        if path.ends_with(".description") {
            continue;
        }
        for (keys, leaf) in t.leaves() {
            let mut at = path.clone();
            for k in keys {
                at = crate::source::join(&at, k);
            }
            texts.push((at, leaf));
        }
    }
    for (i, t) in f.tests.iter().enumerate() {
        texts.push((format!("tests[{i}].name"), &t.name));
    }
    texts
        .into_iter()
        .filter(|(_, t)| t.trim().is_empty())
        .map(|(path, _)| {
            let field = path
                .rsplit('.')
                .find(|p| Respondent::from_key(p).is_none())
                .unwrap_or(&path)
                .to_owned();
            Problem::new(format!("`{path}` is empty"))
                .at(s.key(&path))
                .help(format!("write the {field}; people read it"))
        })
        .collect()
}

/// The variants of a text come from one axis a level (respondents, for
/// now), the file offers them, and none is missing.
pub(super) fn variants_are_complete(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    let offered = &f.respondents;
    if !offered.contains(&Respondent::Myself) {
        out.push(
            Problem::new("`respondents` leaves out `self`, the person answering for themselves")
                .at(s.key("respondents"))
                .help("write `respondents: [self]`, or `[self, other]` when the texts have wording for someone answering about the person"),
        );
    }
    for (path, text) in f.texts() {
        walk(text.tree(), &path, false, offered, s, &mut out);
    }
    out
}

fn walk(
    tree: &Tree,
    path: &str,
    by_respondent: bool,
    offered: &[Respondent],
    s: &Source,
    out: &mut Vec<Problem>,
) {
    let Tree::Variants(map) = tree else {
        return;
    };
    let unknown: Vec<&String> = map
        .keys()
        .filter(|k| Respondent::from_key(k).is_none())
        .collect();
    if let Some(k) = unknown.first() {
        out.push(
            Problem::new(format!("`{k}` is not a kind of variant in `{path}`"))
                .at(s.key(&crate::source::join(path, k)))
                .help("a text is a string, or a map of variants by who answers: `self` (the person) and `other` (someone answering about them)"),
        );
        return;
    }
    if by_respondent {
        out.push(
            Problem::new(format!("`{path}` varies by who answers twice"))
                .at(s.key(path))
                .help("give each respondent's text once: `{self: ..., other: ...}`"),
        );
        return;
    }
    for r in Respondent::ALL {
        let here = map.contains_key(r.key());
        if here && !offered.contains(&r) {
            out.push(
                Problem::new(format!(
                    "`{path}` has `{}` wording, but the file does not offer that respondent",
                    r.key()
                ))
                .at(s.key(&crate::source::join(path, r.key())))
                .help("add `respondents: [self, other]` at the top of the file"),
            );
        } else if !here && offered.contains(&r) {
            out.push(
                Problem::new(format!("`{path}` has no `{}` variant", r.key()))
                    .at(s.key(path))
                    .help(format!(
                        "every text with variants needs one for each respondent the file offers: add `{}: ...`",
                        r.key()
                    )),
            );
        }
    }
    for (k, sub) in map {
        walk(sub, &crate::source::join(path, k), true, offered, s, out);
    }
}

/// A question's short title names it on the review screen, in reports and
/// in messages: one short line, and no two alike.
pub(super) fn titles_are_short_and_distinct(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (i, q) in f.questions.iter().enumerate() {
        let base = format!("questions[{i}].title");
        for (keys, leaf) in q.title.leaves() {
            let path = keys
                .iter()
                .fold(base.clone(), |p, k| crate::source::join(&p, k));
            let leaf = leaf.trim();
            if leaf.contains('\n') {
                out.push(
                    Problem::new(format!("the title of `{}` spans several lines", q.id))
                        .at(s.value(&path))
                        .help("write the title on one line; the `prompt` holds the full question"),
                );
            } else if leaf.width() > MAX_TITLE {
                out.push(
                    Problem::new(format!(
                        "the title of `{}` is {} columns wide, more than {MAX_TITLE}",
                        q.id,
                        leaf.width()
                    ))
                    .at(s.value(&path))
                    .help("name the question in a few words, e.g. `title: Home situation`; the `prompt` holds the full question"),
                );
            }
        }
        let title = q.title.trim();
        if title.is_empty() {
            continue; // said by `texts_are_not_empty`
        }
        let key = title.to_lowercase();
        match seen.get(&key) {
            Some(first) => out.push(
                Problem::new(format!(
                    "`{}` has the same title as `{first}`: \"{title}\"",
                    q.id
                ))
                .at(s.value(&base))
                .help("give every question its own title, so that the review screen and reports tell them apart"),
            ),
            None => {
                seen.insert(key, &q.id);
            }
        }
    }
    out
}
