//! Conditions: their shape, what they refer to, and the order they read answers in.

use std::collections::{HashMap, HashSet};

use super::super::model::{Condition, Question, QuestionKind, RuleFile, Scalar, MAX_RATING};
use crate::error::Problem;
use crate::source::{join, Source};
use crate::suggest;

/// Every condition in the file, with its path and what it belongs to.
pub(super) fn conditions(f: &RuleFile) -> Vec<(String, String, &Condition)> {
    let mut all = Vec::new();
    for (i, q) in f.questions.iter().enumerate() {
        if let Some(c) = q.when.as_deref() {
            all.push((
                format!("questions[{i}].when"),
                format!("question `{}`", q.id),
                c,
            ));
        }
    }
    for (i, r) in f.placement.rules.iter().enumerate() {
        all.push((
            format!("placement.rules[{i}].when"),
            format!("rule `{}`", r.id),
            &r.when,
        ));
    }
    for (i, n) in f.notes.iter().enumerate() {
        if let Some(c) = n.when.as_deref() {
            all.push((format!("notes[{i}].when"), format!("note `{}`", n.id), c));
        }
    }
    all
}

pub(super) fn conditions_are_sound(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    for (path, owner, cond) in conditions(f) {
        condition_is_sound(f, s, cond, &path, &owner, &mut out);
    }
    out
}

pub(super) fn condition_is_sound(
    f: &RuleFile,
    s: &Source,
    c: &Condition,
    path: &str,
    owner: &str,
    out: &mut Vec<Problem>,
) {
    let forms: Vec<&str> = [
        ("all", c.all.is_some()),
        ("any", c.any.is_some()),
        ("not", c.not.is_some()),
        ("of", c.of.is_some()),
        ("answer", c.answer.is_some()),
        ("dimension", c.dimension.is_some()),
    ]
    .into_iter()
    .filter_map(|(n, on)| on.then_some(n))
    .collect();
    let tests: Vec<&str> = [
        ("is", c.is.is_some()),
        ("in", c.in_.is_some()),
        ("at_least", c.at_least.is_some()),
        ("at_most", c.at_most.is_some()),
    ]
    .into_iter()
    .filter_map(|(n, on)| on.then_some(n))
    .collect();
    if forms.len() != 1 {
        let message = if forms.is_empty() {
            format!("a condition in {owner} says nothing to test")
        } else {
            format!(
                "a condition in {owner} mixes {}",
                suggest::backticked(forms.iter().copied())
            )
        };
        out.push(Problem::new(message).at(s.value(path)).help(
            "give exactly one of `all: [...]`, `any: [...]`, `not: {...}`, `at_least: N` with `of: [...]`, `answer: <question id>` or `dimension: <dimension id>`; nest conditions to combine them",
        ));
        return;
    }
    match forms[0] {
        "of" => return count_is_sound(f, s, c, path, owner, &tests, out),
        "dimension" => return rating_is_sound(f, s, c, path, owner, &tests, out),
        _ => {}
    }
    if forms[0] != "answer" && !tests.is_empty() {
        out.push(
            Problem::new(format!("`{}` in {owner} needs `answer`", tests[0]))
                .at(s.key(&join(path, tests[0])))
                .help("write `answer: <question id>` beside it, or move it into its own condition"),
        );
    }
    for (key, list) in [("all", &c.all), ("any", &c.any)] {
        if let Some(list) = list {
            if list.is_empty() {
                out.push(
                    Problem::new(format!("`{key}` in {owner} is empty"))
                        .at(s.key(&join(path, key)))
                        .help("list at least one condition"),
                );
            }
            for (i, sub) in list.iter().enumerate() {
                condition_is_sound(f, s, sub, &format!("{path}.{key}[{i}]"), owner, out);
            }
        }
    }
    if let Some(sub) = &c.not {
        condition_is_sound(f, s, sub, &join(path, "not"), owner, out);
    }
    let Some(id) = &c.answer else { return };
    let Some(q) = f.questions.iter().find(|q| &q.id == id) else {
        out.push(
            Problem::new(format!("unknown question `{id}` in {owner}"))
                .cause(format!("unknown question `{id}`"))
                .at(s.value(&join(path, "answer")))
                .help(suggest::help(
                    id,
                    "question ids",
                    f.questions.iter().map(|q| q.id.as_str()),
                )),
        );
        return;
    };
    if tests.len() != 1 {
        out.push(
            Problem::new(format!(
                "the condition on `{id}` in {owner} needs exactly one test, found {}",
                tests.len()
            ))
            .at(s.key(&join(path, "answer")))
            .help("give one of `is`, `in`, `at_least` or `at_most`"),
        );
        return;
    }
    let test = tests[0];
    let values: Vec<(String, &Scalar)> = match (&c.is, &c.in_, &c.at_least, &c.at_most) {
        (Some(v), ..) | (_, _, Some(v), _) | (.., Some(v)) => vec![(join(path, test), v)],
        (_, Some(list), ..) => {
            if list.is_empty() {
                out.push(
                    Problem::new(format!("`in` on `{id}` in {owner} is empty"))
                        .at(s.key(&join(path, "in")))
                        .help("list the codes that make it true"),
                );
            }
            list.iter()
                .enumerate()
                .map(|(i, v)| (format!("{path}.in[{i}]"), v))
                .collect()
        }
        _ => vec![],
    };
    let ordered = matches!(test, "at_least" | "at_most");
    if q.kind == QuestionKind::Multi && ordered {
        out.push(
            Problem::new(format!(
                "`{test}` does not apply to multi question `{id}` in {owner}"
            ))
            .at(s.key(&join(path, test)))
            .help("use `is: <code>` (that code chosen) or `in: [...]` (any of them chosen)"),
        );
        return;
    }
    for (vpath, v) in values {
        if let Some(p) = value_fits(q, v, owner) {
            out.push(p.at(s.value(&vpath)));
        } else if let Some((_, o)) = q
            .option(&v.to_string())
            .filter(|(_, o)| ordered && o.off_scale())
        {
            let (what, said) = if o.declines {
                ("a declining option", "\"prefer not to say\"")
            } else {
                ("an \"I don't know\" option", "\"I don't know\"")
            };
            out.push(
                Problem::new(format!("`{test}: {v}` in {owner} compares with {what}"))
                    .at(s.value(&vpath))
                    .help(format!(
                        "{said} is not on the severity scale; test it with `is: {v}`"
                    )),
            );
        }
    }
}

/// `{at_least: N, of: [...]}`: N between 1 and the number listed.
fn count_is_sound(
    f: &RuleFile,
    s: &Source,
    c: &Condition,
    path: &str,
    owner: &str,
    tests: &[&str],
    out: &mut Vec<Problem>,
) {
    let list = c.of.as_deref().unwrap_or_default();
    for (i, sub) in list.iter().enumerate() {
        condition_is_sound(f, s, sub, &format!("{path}.of[{i}]"), owner, out);
    }
    let at = s.key(&join(path, "of"));
    if tests != ["at_least"] {
        out.push(
            Problem::new(format!("`of` in {owner} needs `at_least` alone: how many of the listed conditions must hold"))
                .at(at)
                .help("write e.g. `at_least: 2` beside `of: [...]`"),
        );
        return;
    }
    match &c.at_least {
        Some(Scalar::Int(n)) if (1..=list.len() as i64).contains(n) => {}
        Some(v) => out.push(
            Problem::new(format!(
                "`at_least: {v}` in {owner} asks for more than the {} conditions listed, or for none",
                list.len()
            ))
            .at(s.value(&join(path, "at_least")))
            .help(format!("give a whole number from 1 to {}", list.len().max(1))),
        ),
        None => {}
    }
}

/// `{dimension: id, at_least|at_most: rating}`: a known dimension, a rating
/// 0..=4, and only where ratings are known (placement rules and notes).
fn rating_is_sound(
    f: &RuleFile,
    s: &Source,
    c: &Condition,
    path: &str,
    owner: &str,
    tests: &[&str],
    out: &mut Vec<Problem>,
) {
    let id = c.dimension.as_deref().unwrap_or_default();
    if owner.starts_with("question ") {
        out.push(
            Problem::new(format!("{owner} is asked depending on the rating of `{id}`, which is known only once every question is answered"))
                .at(s.key(&join(path, "dimension")))
                .help("a question's `when` may only read answers; rate dimensions in placement rules and notes"),
        );
        return;
    }
    if !f.dimensions.iter().any(|d| d.id == id) {
        out.push(
            Problem::new(format!("unknown dimension `{id}` in {owner}"))
                .cause(format!("unknown dimension `{id}`"))
                .at(s.value(&join(path, "dimension")))
                .help(suggest::help(
                    id,
                    "dimensions",
                    f.dimensions.iter().map(|d| d.id.as_str()),
                )),
        );
    }
    let value = match (tests, &c.at_least, &c.at_most) {
        (["at_least"], Some(v), _) | (["at_most"], _, Some(v)) => v,
        _ => {
            out.push(
                Problem::new(format!(
                    "the condition on dimension `{id}` in {owner} needs `at_least` or `at_most`"
                ))
                .at(s.key(&join(path, "dimension")))
                .help("compare the rating with a number from 0 to 4, e.g. `at_least: 2`"),
            );
            return;
        }
    };
    if !matches!(value, Scalar::Int(n) if (0..=i64::from(MAX_RATING)).contains(n)) {
        out.push(
            Problem::new(format!("`{value}` is not a rating, in {owner}"))
                .at(s.value(&join(path, tests[0])))
                .help(format!(
                    "ratings go from 0 (no concern) to {MAX_RATING} (most severe)"
                )),
        );
    }
}

pub(super) fn value_fits(q: &Question, v: &Scalar, owner: &str) -> Option<Problem> {
    match (q.kind, v) {
        (QuestionKind::Integer, Scalar::Int(n)) => {
            let (lo, hi) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
            (!(lo..=hi).contains(n)).then(|| {
                Problem::new(format!("{n} is outside the range of `{}` in {owner}", q.id))
                    .help(format!("`{}` takes {lo} to {hi}", q.id))
            })
        }
        (QuestionKind::Integer, Scalar::Code(c)) => Some(
            Problem::new(format!(
                "`{}` is an integer question, but {owner} compares it with `{c}`",
                q.id
            ))
            .help("compare it with a whole number"),
        ),
        (_, v) => {
            let code = v.to_string();
            q.option(&code).is_none().then(|| {
                Problem::new(format!(
                    "`{code}` is not an option of `{}` in {owner}",
                    q.id
                ))
                .help(suggest::help(
                    &code,
                    "codes",
                    q.options.iter().map(|o| o.code.as_str()),
                ))
            })
        }
    }
}

/// Question ids a condition reads.
pub fn referenced(c: &Condition, out: &mut Vec<String>) {
    if let Some(id) = &c.answer {
        out.push(id.as_str().to_owned());
    }
    for list in [&c.all, &c.any, &c.of].into_iter().flatten() {
        for sub in list {
            referenced(sub, out);
        }
    }
    if let Some(sub) = &c.not {
        referenced(sub, out);
    }
}

pub(super) fn questions_depend_only_on_earlier_ones(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let index: HashMap<&str, usize> = f
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let deps: Vec<Vec<usize>> = f
        .questions
        .iter()
        .map(|q| {
            let mut ids = Vec::new();
            if let Some(c) = &q.when {
                referenced(c, &mut ids);
            }
            ids.iter()
                .filter_map(|id| index.get(id.as_str()).copied())
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    let mut in_cycle = HashSet::new();
    for start in 0..deps.len() {
        if in_cycle.contains(&start) {
            continue;
        }
        if let Some(cycle) = find_cycle(&deps, start) {
            in_cycle.extend(cycle.iter().copied());
            let names: Vec<String> = cycle
                .iter()
                .chain(cycle.first())
                .map(|&i| format!("`{}`", f.questions[i].id))
                .collect();
            out.push(Problem::new(format!("questions depend on each other in a cycle: {}", names.join(" → ")))
                .at(s.key(&format!("questions[{start}].when")))
                .help("a question's `when` may only read answers to questions asked before it; remove one of these conditions"));
        }
    }
    for (i, ds) in deps.iter().enumerate() {
        if in_cycle.contains(&i) {
            continue;
        }
        for &d in ds {
            if d >= i {
                let (q, dep) = (&f.questions[i].id, &f.questions[d].id);
                out.push(
                    Problem::new(format!(
                        "question `{q}` depends on `{dep}`, which is asked after it"
                    ))
                    .at(s.key(&format!("questions[{i}].when")))
                    .help(format!(
                        "move `{dep}` above `{q}`: answers are read in asking order"
                    )),
                );
            }
        }
    }
    out
}

/// A cycle through `start`, if there is one, as question indices.
pub(super) fn find_cycle(deps: &[Vec<usize>], start: usize) -> Option<Vec<usize>> {
    fn walk(
        deps: &[Vec<usize>],
        node: usize,
        start: usize,
        path: &mut Vec<usize>,
        seen: &mut HashSet<usize>,
    ) -> bool {
        for &next in &deps[node] {
            if next == start {
                return true;
            }
            if seen.insert(next) {
                path.push(next);
                if walk(deps, next, start, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start];
    walk(deps, start, start, &mut path, &mut HashSet::new()).then_some(path)
}
