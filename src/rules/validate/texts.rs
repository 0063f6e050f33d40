//! The schema and the texts people read.

use super::super::model::RuleFile;
use super::SCHEMA;
use crate::error::Problem;
use crate::source::Source;

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
    }
    for (i, a) in f.attributes.iter().enumerate() {
        texts.push((format!("attributes[{i}].name"), &a.name));
    }
    for (i, d) in f.dimensions.iter().enumerate() {
        texts.push((format!("dimensions[{i}].name"), &d.name));
    }
    for (i, q) in f.questions.iter().enumerate() {
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
