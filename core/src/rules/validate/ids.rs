//! Ids: well formed and unique.

use std::collections::HashMap;

use super::super::model::RuleFile;
use crate::error::Problem;
use crate::source::Source;

/// Every id in the file, with its path, grouped by what it names.
pub(super) fn all_ids(f: &RuleFile) -> Vec<(&'static str, String, &str)> {
    let mut ids = vec![("rule file", "id".to_owned(), f.id.as_str())];
    ids.extend(
        f.levels
            .iter()
            .enumerate()
            .map(|(i, l)| ("level", format!("levels[{i}].id"), l.id.as_str())),
    );
    ids.extend(
        f.dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| ("dimension", format!("dimensions[{i}].id"), d.id.as_str())),
    );
    ids.extend(
        f.attributes
            .iter()
            .enumerate()
            .map(|(i, a)| ("attribute", format!("attributes[{i}].id"), a.id.as_str())),
    );
    for (i, q) in f.questions.iter().enumerate() {
        ids.push(("question", format!("questions[{i}].id"), q.id.as_str()));
        ids.extend(q.options.iter().enumerate().map(|(j, o)| {
            (
                "option",
                format!("questions[{i}].options[{j}].code"),
                o.code.as_str(),
            )
        }));
    }
    ids.extend(
        f.placement
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| ("rule", format!("placement.rules[{i}].id"), r.id.as_str())),
    );
    ids.extend(
        f.notes
            .iter()
            .enumerate()
            .map(|(i, n)| ("note", format!("notes[{i}].id"), n.id.as_str())),
    );
    if let Some(d) = &f.declined {
        ids.push(("note", "declined.note".into(), d.note.as_str()));
    }
    if let Some(d) = &f.unknown {
        ids.push(("note", "unknown.note".into(), d.note.as_str()));
    }
    ids
}

pub(super) fn ids_are_well_formed(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let ok = |id: &str| {
        id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    };
    all_ids(f)
        .into_iter()
        .filter(|(_, _, id)| !ok(id))
        .map(|(kind, path, id)| {
            Problem::new(format!("{kind} id `{id}` is not a valid id"))
                .at(s.value(&path))
                .help("start with a lowercase letter; use only a-z, 0-9, `_` and `-`")
        })
        .collect()
}

pub(super) fn ids_are_unique(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    // Option codes are unique per question; notes share one namespace with the
    // declined and unknown notes.
    let mut seen: HashMap<(String, &str), String> = HashMap::new();
    for (kind, path, id) in all_ids(f) {
        let scope = if kind == "option" {
            path.split(".options").next().unwrap_or_default().to_owned()
        } else {
            kind.to_owned()
        };
        match seen.get(&(scope.clone(), id)) {
            Some(first) => {
                let line = s.value(first).map_or(0, |l| l.line);
                out.push(
                    Problem::new(format!("duplicate {kind} id `{id}`"))
                        .at(s.value(&path))
                        .help(format!(
                            "it is already used at line {line}; ids must be unique"
                        )),
                );
            }
            None => {
                seen.insert((scope, id), path);
            }
        }
    }
    let mut names = HashMap::new();
    for (i, t) in f.tests.iter().enumerate() {
        let path = format!("tests[{i}].name");
        if let Some(first) = names.insert(t.name.as_str(), path.clone()) {
            let line = s.value(&first).map_or(0, |l| l.line);
            out.push(
                Problem::new(format!("duplicate test name `{}`", t.name))
                    .at(s.value(&path))
                    .help(format!(
                        "a test of that name is at line {line}; names must be unique"
                    )),
            );
        }
    }
    out
}
