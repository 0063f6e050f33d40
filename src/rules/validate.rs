//! Every check a rule file must pass, one function per rule.
//!
//! Each check returns problems pointing at file:line:column with a fix.
//! The engine relies on these: after `check` passes, every id it looks up exists.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::load::Rules;
use super::model::{Basis, Condition, Question, QuestionKind, RuleFile, Scalar, MAX_RATING};
use crate::error::Problem;
use crate::source::{join, Source};
use crate::suggest;

/// The only schema this version reads.
pub const SCHEMA: &str = "carelevel/v1";

/// Run every check.
pub fn check(rules: &Rules) -> Vec<Problem> {
    let f = &rules.file;
    let s = &rules.source;
    let mut out = Vec::new();
    out.extend(schema_is_known(f, s));
    out.extend(texts_are_not_empty(f, s));
    out.extend(ids_are_well_formed(f, s));
    out.extend(ids_are_unique(f, s));
    out.extend(there_is_something_to_ask(f, s));
    out.extend(options_fit_their_question(f, s));
    out.extend(ratings_name_known_dimensions(f, s));
    out.extend(conditions_are_sound(f, s));
    out.extend(questions_depend_only_on_earlier_ones(f, s));
    out.extend(bands_cover_every_score(f, s));
    out.extend(rules_and_notes_name_known_levels(f, s));
    out.extend(crisis_rules_reach_the_top_level(f, s));
    out.extend(every_level_is_reachable(f, s));
    out.extend(declining_is_safe(f, s));
    out.extend(comparison_is_complete(f, s));
    out.extend(tests_are_sound(rules));
    out
}

fn schema_is_known(f: &RuleFile, s: &Source) -> Vec<Problem> {
    if f.schema == SCHEMA {
        return vec![];
    }
    vec![Problem::new(format!("unknown schema `{}`", f.schema))
        .at(s.value("schema"))
        .help(format!(
            "this version of carelevel reads `schema: {SCHEMA}`"
        ))]
}

fn texts_are_not_empty(f: &RuleFile, s: &Source) -> Vec<Problem> {
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

/// Every id in the file, with its path, grouped by what it names.
fn all_ids(f: &RuleFile) -> Vec<(&'static str, String, &str)> {
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
    ids
}

fn ids_are_well_formed(f: &RuleFile, s: &Source) -> Vec<Problem> {
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

fn ids_are_unique(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    // Option codes are unique per question; notes share one namespace with the declined note.
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

fn there_is_something_to_ask(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    for (list, len, what) in [
        ("levels", f.levels.len(), "a level"),
        ("dimensions", f.dimensions.len(), "a dimension"),
        ("questions", f.questions.len(), "a question"),
        ("placement.bands", f.placement.bands.len(), "a band"),
    ] {
        if len == 0 {
            out.push(
                Problem::new(format!("`{list}` is empty"))
                    .at(s.key(list))
                    .help(format!("add at least {what}")),
            );
        }
    }
    out
}

fn options_fit_their_question(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, q) in f.questions.iter().enumerate() {
        let at = |field: &str| s.key(&format!("questions[{i}].{field}"));
        let kind = q.kind.as_str();
        match q.kind {
            QuestionKind::Integer => {
                if !q.options.is_empty() {
                    out.push(
                        Problem::new(format!("integer question `{}` has options", q.id))
                            .at(at("options"))
                            .help("remove `options`, or make it a `choice` question"),
                    );
                }
                match (q.min, q.max) {
                    (Some(lo), Some(hi)) if lo > hi => out.push(
                        Problem::new(format!(
                            "question `{}` has `min` {lo} above `max` {hi}",
                            q.id
                        ))
                        .at(at("min"))
                        .help("swap them"),
                    ),
                    (Some(_), Some(_)) => {}
                    _ => out.push(
                        Problem::new(format!("integer question `{}` needs `min` and `max`", q.id))
                            .at(at("id"))
                            .help("add the allowed range, e.g. `min: 0` and `max: 168`"),
                    ),
                }
            }
            _ => {
                if q.min.is_some() || q.max.is_some() || q.unit.is_some() {
                    let field = if q.min.is_some() {
                        "min"
                    } else if q.max.is_some() {
                        "max"
                    } else {
                        "unit"
                    };
                    out.push(
                        Problem::new(format!(
                            "`{field}` only applies to integer questions, and `{}` is `{kind}`",
                            q.id
                        ))
                        .at(at(field))
                        .help(format!("remove `{field}`")),
                    );
                }
                let plain = q.options.iter().filter(|o| !o.declines).count();
                let least = if q.kind == QuestionKind::Multi { 1 } else { 2 };
                if plain < least {
                    out.push(
                        Problem::new(format!(
                            "{kind} question `{}` needs at least {least} options",
                            q.id
                        ))
                        .at(at(if q.options.is_empty() {
                            "id"
                        } else {
                            "options"
                        }))
                        .help("list the options under `options`, least severe first"),
                    );
                }
                if q.kind == QuestionKind::YesNo {
                    let codes: HashSet<&str> = q
                        .options
                        .iter()
                        .filter(|o| !o.declines)
                        .map(|o| o.code.as_str())
                        .collect();
                    if codes != HashSet::from(["yes", "no"]) {
                        out.push(Problem::new(format!("yes_no question `{}` must offer exactly the codes `yes` and `no`", q.id))
                            .at(at("options"))
                            .help("use codes `no` and `yes` (plus, optionally, one option with `declines: true`), or make it a `choice` question"));
                    }
                }
            }
        }
    }
    out
}

fn ratings_name_known_dimensions(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let dims: Vec<&str> = f.dimensions.iter().map(|d| d.id.as_str()).collect();
    let mut out = Vec::new();
    for (i, q) in f.questions.iter().enumerate() {
        for (j, o) in q.options.iter().enumerate() {
            for (dim, rating) in &o.rate {
                let path = format!("questions[{i}].options[{j}].rate.{dim}");
                if !dims.contains(&dim.as_str()) {
                    out.push(
                        Problem::new(format!(
                            "unknown dimension `{dim}` in option `{}` of `{}`",
                            o.code, q.id
                        ))
                        .at(s.key(&path))
                        .help(suggest::help(
                            dim,
                            "dimensions",
                            dims.iter().copied(),
                        )),
                    );
                }
                if *rating > MAX_RATING {
                    out.push(
                        Problem::new(format!("rating {rating} is above {MAX_RATING}"))
                            .at(s.value(&path))
                            .help(format!(
                                "ratings go from 0 (none) to {MAX_RATING} (most severe)"
                            )),
                    );
                }
            }
        }
    }
    out
}

/// Every condition in the file, with its path and what it belongs to.
fn conditions(f: &RuleFile) -> Vec<(String, String, &Condition)> {
    let mut all = Vec::new();
    for (i, q) in f.questions.iter().enumerate() {
        if let Some(c) = &q.when {
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
        if let Some(c) = &n.when {
            all.push((format!("notes[{i}].when"), format!("note `{}`", n.id), c));
        }
    }
    all
}

fn conditions_are_sound(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    for (path, owner, cond) in conditions(f) {
        condition_is_sound(f, s, cond, &path, &owner, &mut out);
    }
    out
}

fn condition_is_sound(
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
        ("answer", c.answer.is_some()),
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
            "give exactly one of `all: [...]`, `any: [...]`, `not: {...}` or `answer: <question id>`; nest conditions to combine them",
        ));
        return;
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
        } else if ordered && q.option(&v.to_string()).is_some_and(|(_, o)| o.declines) {
            out.push(
                Problem::new(format!(
                    "`{test}: {v}` in {owner} compares with a declining option"
                ))
                .at(s.value(&vpath))
                .help(format!(
                    "\"prefer not to say\" is not on the severity scale; test it with `is: {v}`"
                )),
            );
        }
    }
}

fn value_fits(q: &Question, v: &Scalar, owner: &str) -> Option<Problem> {
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
        out.push(id.clone());
    }
    for list in [&c.all, &c.any].into_iter().flatten() {
        for sub in list {
            referenced(sub, out);
        }
    }
    if let Some(sub) = &c.not {
        referenced(sub, out);
    }
}

fn questions_depend_only_on_earlier_ones(f: &RuleFile, s: &Source) -> Vec<Problem> {
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
fn find_cycle(deps: &[Vec<usize>], start: usize) -> Option<Vec<usize>> {
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

/// Highest score the bands must cover.
pub fn max_score(f: &RuleFile) -> u32 {
    match f.placement.basis {
        Basis::Max => u32::from(MAX_RATING),
        Basis::Sum => u32::from(MAX_RATING) * f.dimensions.len() as u32,
    }
}

fn bands_cover_every_score(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let levels: Vec<&str> = f.levels.iter().map(|l| l.id.as_str()).collect();
    let top = max_score(f);
    let mut out = Vec::new();
    let mut bands: Vec<(usize, &super::model::Band)> =
        f.placement.bands.iter().enumerate().collect();
    for (i, b) in &bands {
        let path = format!("placement.bands[{i}]");
        if !levels.contains(&b.level.as_str()) {
            out.push(
                Problem::new(format!("unknown level `{}` in a band", b.level))
                    .at(s.value(&join(&path, "level")))
                    .help(suggest::help(&b.level, "levels", levels.iter().copied())),
            );
        }
        if b.from > b.to {
            out.push(
                Problem::new(format!("band `from: {}` is above `to: {}`", b.from, b.to))
                    .at(s.value(&join(&path, "from")))
                    .help("swap them"),
            );
        }
    }
    bands.sort_by_key(|(_, b)| (b.from, b.to));
    let mut next = 0u32;
    let mut last_rank = 0usize;
    for (i, b) in &bands {
        let path = format!("placement.bands[{i}]");
        if b.from > next {
            out.push(
                Problem::new(format!("no band covers scores {next} to {}", b.from - 1))
                    .at(s.value(&join(&path, "from")))
                    .help(format!(
                        "start this band at {next}, or add a band for the gap"
                    )),
            );
        } else if b.from < next {
            out.push(
                Problem::new(format!(
                    "band {}–{} overlaps the band before it, which ends at {}",
                    b.from,
                    b.to,
                    next - 1
                ))
                .at(s.value(&join(&path, "from")))
                .help(format!("start this band at {next}")),
            );
        }
        if let Some(rank) = levels.iter().position(|l| *l == b.level) {
            if rank < last_rank {
                out.push(Problem::new(format!("band {}–{} gives `{}`, a less intensive level than a lower band", b.from, b.to, b.level))
                    .at(s.value(&join(&path, "level")))
                    .help("a higher score must never give a lower level: order bands from least to most intensive"));
            }
            last_rank = last_rank.max(rank);
        }
        next = next.max(b.to.saturating_add(1));
    }
    if !bands.is_empty() && next <= top {
        out.push(
            Problem::new(format!("no band covers scores {next} to {top}"))
                .at(s.key("placement.bands"))
                .help(format!(
                    "the last band must end at {top}, the highest possible score"
                )),
        );
    } else if next > top + 1 {
        out.push(
            Problem::new(format!(
                "bands reach score {}, but the highest possible score is {top}",
                next - 1
            ))
            .at(s.key("placement.bands"))
            .help(format!("end the last band at {top}")),
        );
    }
    out
}

fn rules_and_notes_name_known_levels(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let levels: Vec<&str> = f.levels.iter().map(|l| l.id.as_str()).collect();
    let mut refs: Vec<(String, &str, String)> = Vec::new();
    for (i, r) in f.placement.rules.iter().enumerate() {
        refs.push((
            format!("placement.rules[{i}].floor"),
            &r.floor,
            format!("rule `{}`", r.id),
        ));
    }
    for (i, n) in f.notes.iter().enumerate() {
        for (j, l) in n.levels.iter().enumerate() {
            refs.push((
                format!("notes[{i}].levels[{j}]"),
                l,
                format!("note `{}`", n.id),
            ));
        }
    }
    if let Some(d) = &f.declined {
        refs.push(("declined.floor".into(), &d.floor, "`declined`".into()));
    }
    refs.into_iter()
        .filter(|(_, l, _)| !levels.contains(l))
        .map(|(path, l, owner)| {
            Problem::new(format!("unknown level `{l}` in {owner}"))
                .at(s.value(&path))
                .help(suggest::help(l, "levels", levels.iter().copied()))
        })
        .collect()
}

fn crisis_rules_reach_the_top_level(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let Some(top) = f.levels.last() else {
        return vec![];
    };
    f.placement
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.crisis && r.floor != top.id && f.levels.iter().any(|l| l.id == r.floor))
        .map(|(i, r)| {
            Problem::new(format!(
                "crisis rule `{}` sets floor `{}`, below the most intensive level `{}`",
                r.id, r.floor, top.id
            ))
            .at(s.value(&format!("placement.rules[{i}].floor")))
            .help(format!(
                "a crisis must always lead to `{}`: set `floor: {}`",
                top.id, top.id
            ))
        })
        .collect()
}

fn every_level_is_reachable(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let scores = achievable_scores(f);
    let mut reached: HashSet<&str> = f
        .placement
        .bands
        .iter()
        .filter(|b| b.from <= b.to && scores.range(b.from..=b.to).next().is_some())
        .map(|b| b.level.as_str())
        .collect();
    reached.extend(f.placement.rules.iter().map(|r| r.floor.as_str()));
    reached.extend(f.declined.iter().map(|d| d.floor.as_str()));
    let possible = scores
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    f.levels
        .iter()
        .enumerate()
        .filter(|(_, l)| !reached.contains(l.id.as_str()))
        .map(|(i, l)| {
            Problem::new(format!("level `{}` can never be recommended", l.id))
                .at(s.value(&format!("levels[{i}].id")))
                .help(format!(
                    "give it a band that covers a score the answers can give ({possible}), or a floor rule, or remove it"
                ))
        })
        .collect()
}

/// Every score the answers could possibly give (a superset: each
/// dimension's rating is 0 or a rating some option gives it).
fn achievable_scores(f: &RuleFile) -> BTreeSet<u32> {
    let per_dimension: Vec<BTreeSet<u32>> = f
        .dimensions
        .iter()
        .map(|d| {
            let mut values = BTreeSet::from([0]);
            for o in f.questions.iter().flat_map(|q| &q.options) {
                if let Some(&r) = o.rate.get(&d.id) {
                    values.insert(u32::from(r.min(MAX_RATING)));
                }
            }
            values
        })
        .collect();
    match f.placement.basis {
        Basis::Max => per_dimension.into_iter().flatten().chain([0]).collect(),
        Basis::Sum => per_dimension
            .iter()
            .fold(BTreeSet::from([0]), |sums, values| {
                sums.iter()
                    .flat_map(|s| values.iter().map(move |v| s + v))
                    .collect()
            }),
    }
}

fn declining_is_safe(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut any_declining = None;
    for (i, q) in f.questions.iter().enumerate() {
        let declining: Vec<usize> = q
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.declines)
            .map(|(j, _)| j)
            .collect();
        if let Some(&j) = declining.first() {
            any_declining.get_or_insert(format!("questions[{i}].options[{j}].declines"));
        }
        if q.safety && declining.is_empty() {
            out.push(Problem::new(format!("safety question `{}` offers no \"prefer not to say\" option", q.id))
                .at(s.key(&format!("questions[{i}].safety")))
                .help("add an option with `declines: true`, e.g. `{code: declined, label: Prefer not to say, declines: true}`"));
        }
        if declining.len() > 1 {
            out.push(
                Problem::new(format!(
                    "question `{}` has {} declining options",
                    q.id,
                    declining.len()
                ))
                .at(s.key(&format!(
                    "questions[{i}].options[{}].declines",
                    declining[1]
                )))
                .help("keep one option with `declines: true`"),
            );
        }
        if declining.first() == Some(&0) {
            out.push(Problem::new(format!("the declining option of `{}` is listed first, as the least severe answer", q.id))
                .at(s.key(&format!("questions[{i}].options[0].declines")))
                .help("declining never counts as the least severe answer: move it after the least severe option"));
        }
    }
    match (&f.declined, any_declining) {
        (None, Some(path)) => out.push(Problem::new("an option declines to answer, but the file has no `declined` section")
            .at(s.key(&path))
            .help("add `declined: {floor: <level>, note: <id>, text: ...}` saying what a declined answer means")),
        (Some(d), _) if f.levels.len() > 1 && f.levels[0].id == d.floor => out.push(
            Problem::new(format!("`declined.floor` is `{}`, the least intensive level", d.floor))
                .at(s.value("declined.floor"))
                .help("a declined safety answer must never give the lowest level: choose a more intensive one"),
        ),
        _ => {}
    }
    out
}

fn comparison_is_complete(f: &RuleFile, s: &Source) -> Vec<Problem> {
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

fn tests_are_sound(rules: &Rules) -> Vec<Problem> {
    let f = &rules.file;
    let s = &rules.source;
    let mut out = Vec::new();
    let levels: Vec<&str> = f.levels.iter().map(|l| l.id.as_str()).collect();
    let rule_ids: Vec<&str> = f.placement.rules.iter().map(|r| r.id.as_str()).collect();
    let mut note_ids: Vec<&str> = f.notes.iter().map(|n| n.id.as_str()).collect();
    note_ids.extend(f.declined.iter().map(|d| d.note.as_str()));
    let dims: Vec<&str> = f.dimensions.iter().map(|d| d.id.as_str()).collect();
    for (i, t) in f.tests.iter().enumerate() {
        let path = format!("tests[{i}]");
        if let Err(problems) =
            crate::answers::read_map(rules, &t.answers, s, &join(&path, "answers"))
        {
            out.extend(problems);
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

#[cfg(test)]
mod tests;
