//! The comparison of levels: every level has every attribute.

use super::super::model::RuleFile;
use crate::error::Problem;
use crate::source::Source;
use crate::suggest;

pub(super) fn comparison_is_complete(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let attrs: Vec<&str> = f.attributes.iter().map(|a| a.id.as_str()).collect();
    let mut out = Vec::new();
    for (i, l) in f.levels.iter().enumerate() {
        for key in l.compare.keys() {
            if !attrs.contains(&key.as_str()) {
                out.push(
                    Problem::new(format!(
                        "level `{}` compares `{key}`, which is not an attribute",
                        l.id
                    ))
                    .at(s.key(&format!("levels[{i}].compare.{key}")))
                    .help(if attrs.is_empty() {
                        format!("declare it under `attributes:` as `{{id: {key}, name: ...}}`")
                    } else {
                        suggest::help(key, "attributes", attrs.iter().copied())
                    }),
                );
            }
        }
        for (key, value) in &l.compare {
            if value.trim().is_empty() {
                out.push(
                    Problem::new(format!("level `{}` has an empty value for `{key}`", l.id))
                        .at(s.value(&format!("levels[{i}].compare.{key}")))
                        .help("write what the level offers, or \"—\" if it does not apply"),
                );
            }
        }
        for a in &attrs {
            if !l.compare.contains_key(*a) {
                out.push(
                    Problem::new(format!("level `{}` has no value for attribute `{a}`", l.id))
                        .at(s
                            .key(&format!("levels[{i}].compare"))
                            .or_else(|| s.value(&format!("levels[{i}].id"))))
                        .help(format!(
                            "add `{a}: ...` under its `compare` (write \"—\" if it does not apply)"
                        )),
                );
            }
        }
    }
    out
}
