//! The schema and the texts people read.

use std::collections::HashMap;

use unicode_width::UnicodeWidthStr;

use super::super::model::RuleFile;
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
    let mut texts: Vec<(String, &str)> = vec![
        ("title".into(), &f.title),
        ("disclaimer".into(), &f.disclaimer),
        ("crisis.message".into(), &f.crisis.message),
        ("version".into(), &f.version),
    ];
    for (i, l) in f.levels.iter().enumerate() {
        texts.push((format!("levels[{i}].name"), &l.name));
        texts.push((format!("levels[{i}].summary"), &l.summary));
        if let Some(step) = &l.next_step {
            texts.push((format!("levels[{i}].next_step"), step));
        }
    }
    for (i, a) in f.attributes.iter().enumerate() {
        texts.push((format!("attributes[{i}].name"), &a.name));
    }
    for (i, d) in f.dimensions.iter().enumerate() {
        texts.push((format!("dimensions[{i}].name"), &d.name));
    }
    for (i, q) in f.questions.iter().enumerate() {
        texts.push((format!("questions[{i}].title"), &q.title));
        texts.push((format!("questions[{i}].prompt"), &q.prompt));
        for (j, o) in q.options.iter().enumerate() {
            texts.push((format!("questions[{i}].options[{j}].label"), &o.label));
        }
    }
    for (i, r) in f.placement.rules.iter().enumerate() {
        texts.push((format!("placement.rules[{i}].reason"), &r.reason));
    }
    for (i, n) in f.notes.iter().enumerate() {
        texts.push((format!("notes[{i}].text"), &n.text));
    }
    if let Some(d) = &f.declined {
        texts.push(("declined.text".into(), &d.text));
    }
    for (i, t) in f.tests.iter().enumerate() {
        texts.push((format!("tests[{i}].name"), &t.name));
    }
    texts
        .into_iter()
        .filter(|(_, t)| t.trim().is_empty())
        .map(|(path, _)| {
            let field = path.rsplit('.').next().unwrap_or(&path).to_owned();
            Problem::new(format!("`{path}` is empty"))
                .at(s.key(&path))
                .help(format!("write the {field}; people read it"))
        })
        .collect()
}

/// A question's short title names it on the review screen, in reports and
/// in messages: one short line, and no two alike.
pub(super) fn titles_are_short_and_distinct(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (i, q) in f.questions.iter().enumerate() {
        let path = format!("questions[{i}].title");
        let title = q.title.trim();
        if title.is_empty() {
            continue; // said by `texts_are_not_empty`
        }
        if title.contains('\n') {
            out.push(
                Problem::new(format!("the title of `{}` spans several lines", q.id))
                    .at(s.value(&path))
                    .help("write the title on one line; the `prompt` holds the full question"),
            );
        } else if title.width() > MAX_TITLE {
            out.push(
                Problem::new(format!(
                    "the title of `{}` is {} columns wide, more than {MAX_TITLE}",
                    q.id,
                    title.width()
                ))
                .at(s.value(&path))
                .help("name the question in a few words, e.g. `title: Home situation`; the `prompt` holds the full question"),
            );
        }
        let key = title.to_lowercase();
        match seen.get(&key) {
            Some(first) => out.push(
                Problem::new(format!(
                    "`{}` has the same title as `{first}`: \"{title}\"",
                    q.id
                ))
                .at(s.value(&path))
                .help("give every question its own title, so that the review screen and reports tell them apart"),
            ),
            None => {
                seen.insert(key, &q.id);
            }
        }
    }
    out
}
