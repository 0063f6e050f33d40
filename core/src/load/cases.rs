//! The test cases shipped in the file.

use crate::error::Problem;
use crate::rules::Rules;
use crate::source::join;
use crate::suggest;

pub(super) fn tests_are_sound(rules: &Rules) -> Vec<Problem> {
    let f = &rules.file;
    let s = &rules.source;
    let mut out = Vec::new();
    let levels: Vec<&str> = f.levels.iter().map(|l| l.id.as_str()).collect();
    let rule_ids: Vec<&str> = f.placement.rules.iter().map(|r| r.id.as_str()).collect();
    let mut note_ids: Vec<&str> = f.notes.iter().map(|n| n.id.as_str()).collect();
    note_ids.extend(f.declined.iter().chain(&f.unknown).map(|d| d.note.as_str()));
    let offered = f.offered_languages();
    let dims: Vec<&str> = f.dimensions.iter().map(|d| d.id.as_str()).collect();
    for (i, t) in f.tests.iter().enumerate() {
        let path = format!("tests[{i}]");
        if let Err(problems) = crate::read::read_map(rules, &t.answers, s, &join(&path, "answers"))
        {
            out.extend(problems);
        }
        if let Some(lang) = t.lang.as_deref().filter(|l| !offered.contains(l)) {
            out.push(
                Problem::new(format!(
                    "test `{}` is in language `{lang}`, which the file does not offer",
                    t.name
                ))
                .at(s.value(&format!("{path}.lang")))
                .help(format!(
                    "use one of {}, or add `{lang}` to `languages:`",
                    suggest::backticked(offered.iter().copied())
                )),
            );
        }
        let e = &t.expect;
        let mut refs: Vec<(String, &str, &str, &[&str])> = Vec::new();
        if let Some(l) = &e.level {
            refs.push((format!("{path}.expect.level"), l, "level", &levels));
        }
        for (j, r) in e.fired.iter().flatten().enumerate() {
            refs.push((format!("{path}.expect.fired[{j}]"), r, "rule", &rule_ids));
        }
        for (j, n) in e.notes.iter().flatten().enumerate() {
            refs.push((format!("{path}.expect.notes[{j}]"), n, "note", &note_ids));
        }
        for d in e.dimensions.iter().flat_map(|m| m.keys()) {
            refs.push((
                format!("{path}.expect.dimensions.{d}"),
                d,
                "dimension",
                &dims,
            ));
        }
        for (p, id, kind, valid) in refs {
            if !valid.contains(&id) {
                out.push(
                    Problem::new(format!("test `{}` expects unknown {kind} `{id}`", t.name))
                        .at(s.value(&p))
                        .help(suggest::help(
                            id,
                            &format!("{kind}s"),
                            valid.iter().copied(),
                        )),
                );
            }
        }
    }
    out
}
