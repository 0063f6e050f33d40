//! Questions and their options, ratings and declining options.

use std::collections::HashSet;

use super::super::model::{AnswerOption, Declined, Question, QuestionKind, RuleFile, MAX_RATING};
use crate::error::Problem;
use crate::source::Source;
use crate::suggest;

pub(super) fn there_is_something_to_ask(f: &RuleFile, s: &Source) -> Vec<Problem> {
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

pub(super) fn options_fit_their_question(f: &RuleFile, s: &Source) -> Vec<Problem> {
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
                let plain = q.options.iter().filter(|o| !o.off_scale()).count();
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
                        .filter(|o| !o.off_scale())
                        .map(|o| o.code.as_str())
                        .collect();
                    if codes != HashSet::from(["yes", "no"]) {
                        out.push(Problem::new(format!("yes_no question `{}` must offer exactly the codes `yes` and `no`", q.id))
                            .at(at("options"))
                            .help("use codes `no` and `yes` (plus, optionally, one option with `unknown: true` and one with `declines: true`), or make it a `choice` question"));
                    }
                }
            }
        }
    }
    out
}

pub(super) fn ratings_name_known_dimensions(f: &RuleFile, s: &Source) -> Vec<Problem> {
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
                        .cause(format!("unknown dimension `{dim}`"))
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

/// An answer off the severity scale: "prefer not to say" (`declines`) or
/// "I don't know" (`unknown`). Each kind is checked the same way: one at
/// most per question, never first, a section saying what it means, and a
/// floor above the lowest level.
struct OffScale {
    /// The option's flag, and the section of the file that gives it meaning.
    field: &'static str,
    section: &'static str,
    /// "declining option", "\"I don't know\" option".
    option: &'static str,
    /// What it is, said as a doing: "declining", "not knowing".
    doing: &'static str,
    /// Such an answer to a safety question.
    answer: &'static str,
    pick: fn(&AnswerOption) -> bool,
}

const DECLINING: OffScale = OffScale {
    field: "declines",
    section: "declined",
    option: "declining option",
    doing: "declining",
    answer: "a declined safety answer",
    pick: |o| o.declines,
};

const UNKNOWN: OffScale = OffScale {
    field: "unknown",
    section: "unknown",
    option: "\"I don't know\" option",
    doing: "not knowing",
    answer: "a safety answer nobody knows",
    pick: |o| o.unknown,
};

impl OffScale {
    /// The options of `q` of this kind, by index.
    fn in_question(&self, q: &Question) -> Vec<usize> {
        q.options
            .iter()
            .enumerate()
            .filter(|(_, o)| (self.pick)(o))
            .map(|(j, _)| j)
            .collect()
    }

    /// One at most per question, and never listed first.
    fn one_and_never_first(&self, f: &RuleFile, s: &Source) -> Vec<Problem> {
        let mut out = Vec::new();
        for (i, q) in f.questions.iter().enumerate() {
            let found = self.in_question(q);
            let at = |j: usize| s.key(&format!("questions[{i}].options[{j}].{}", self.field));
            if found.len() > 1 {
                out.push(
                    Problem::new(format!(
                        "question `{}` has {} {}s",
                        q.id,
                        found.len(),
                        self.option
                    ))
                    .at(at(found[1]))
                    .help(format!("keep one option with `{}: true`", self.field)),
                );
            }
            if found.first() == Some(&0) {
                out.push(
                    Problem::new(format!(
                        "the {} of `{}` is listed first, as the least severe answer",
                        self.option, q.id
                    ))
                    .at(at(0))
                    .help(format!(
                        "{} never counts as the least severe answer: move it after the least severe option",
                        self.doing
                    )),
                );
            }
        }
        out
    }

    /// The section's floor is never the least intensive level.
    fn floor_is_above_the_lowest(
        &self,
        f: &RuleFile,
        s: &Source,
        section: Option<&Declined>,
    ) -> Option<Problem> {
        let d = section?;
        (f.levels.len() > 1 && f.levels[0].id == d.floor).then(|| {
            Problem::new(format!(
                "`{}.floor` is `{}`, the least intensive level",
                self.section, d.floor
            ))
            .at(s.value(&format!("{}.floor", self.section)))
            .help(format!(
                "{} must never give the lowest level: choose a more intensive one",
                self.answer
            ))
        })
    }
}

pub(super) fn declining_is_safe(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = DECLINING.one_and_never_first(f, s);
    let mut any_declining = None;
    for (i, q) in f.questions.iter().enumerate() {
        let declining = DECLINING.in_question(q);
        if let Some(&j) = declining.first() {
            any_declining.get_or_insert(format!("questions[{i}].options[{j}].declines"));
        }
        if q.safety && declining.is_empty() {
            out.push(Problem::new(format!("safety question `{}` offers no \"prefer not to say\" option", q.id))
                .at(s.key(&format!("questions[{i}].safety")))
                .help("add an option with `declines: true`, e.g. `{code: declined, label: Prefer not to say, declines: true}`"));
        }
    }
    if let (None, Some(path)) = (&f.declined, any_declining) {
        out.push(Problem::new("an option declines to answer, but the file has no `declined` section")
            .at(s.key(&path))
            .help("add `declined: {floor: <level>, note: <id>, text: ...}` saying what a declined answer means"));
    }
    out.extend(DECLINING.floor_is_above_the_lowest(f, s, f.declined.as_ref()));
    out.extend(unknown_is_safe(f, s));
    out
}

/// "I don't know" options: never also declining; on a safety question, the
/// `unknown` section says what they mean.
fn unknown_is_safe(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = UNKNOWN.one_and_never_first(f, s);
    let mut on_safety = None;
    for (i, q) in f.questions.iter().enumerate() {
        for j in UNKNOWN.in_question(q) {
            if q.options[j].declines {
                out.push(
                    Problem::new(format!(
                        "option `{}` of `{}` is both \"I don't know\" and \"prefer not to say\"",
                        q.options[j].code, q.id
                    ))
                    .at(s.key(&format!("questions[{i}].options[{j}].unknown")))
                    .help(
                        "not knowing and declining are different answers: give each its own option",
                    ),
                );
            }
            if q.safety {
                on_safety.get_or_insert(format!("questions[{i}].options[{j}].unknown"));
            }
        }
    }
    if let (None, Some(path)) = (&f.unknown, on_safety) {
        out.push(
            Problem::new("a safety question offers \"I don't know\", but the file has no `unknown` section")
                .at(s.key(&path))
                .help("add `unknown: {floor: <level>, note: <id>, text: ...}` saying what not knowing a safety answer means"),
        );
    }
    out.extend(UNKNOWN.floor_is_above_the_lowest(f, s, f.unknown.as_ref()));
    out
}
