//! Evaluating conditions against answers.

use crate::answers::{Answer, Answers, NONE, OTHER};
use crate::rules::compiled::{Leaf, Test, TestId};
use crate::rules::model::{Condition, Question, Scalar};
use crate::rules::Rules;

use super::score::Rating;

/// What conditions are tested against: the answers, and the dimension
/// ratings once they are known (placement rules and notes).
#[derive(Clone, Copy)]
pub struct Facts<'a> {
    pub answers: &'a Answers,
    pub ratings: Option<&'a [Rating]>,
    /// The answers' [marks](Answers::marks), or (deciding what is asked)
    /// those of the questions asked so far, with [`NONE`] elsewhere: only
    /// a question marked answered here counts.
    marks: &'a [u8],
}

impl<'a> Facts<'a> {
    /// The answers alone, all of them.
    pub fn answers(answers: &'a Answers) -> Facts<'a> {
        Facts::rated(answers, None)
    }

    /// All the answers, and the ratings when they are known.
    pub fn rated(answers: &'a Answers, ratings: Option<&'a [Rating]>) -> Facts<'a> {
        Facts {
            answers,
            ratings,
            marks: answers.marks(),
        }
    }

    /// Only the answers of the questions `marks` shows answered: a copy of
    /// the answers' marks with [`NONE`] for a question not (yet) asked.
    pub fn seeing(self, marks: &'a [u8]) -> Facts<'a> {
        Facts { marks, ..self }
    }

    /// The answer to question `q`, if it counts.
    #[inline]
    pub fn answer(&self, q: usize) -> Option<&'a Answer> {
        match self.marks.get(q) {
            Some(&NONE) | None => None,
            Some(_) => self.answers.get(q),
        }
    }

    /// The option index of a one-code answer to `q` that counts, when its
    /// reader knew it.
    #[inline]
    fn option(&self, q: usize) -> Option<usize> {
        match self.marks.get(q) {
            Some(&o) if o < OTHER => Some(usize::from(o)),
            _ => None,
        }
    }
}

/// Does `c` hold over the answers alone? A comparison on an unanswered (or
/// unasked) question is false, and so is one on a rating.
pub fn holds(rules: &Rules, c: &Condition, answers: &Answers) -> bool {
    holds_in(rules, c, Facts::answers(answers))
}

/// Does `c` hold over `facts`?
pub fn holds_in(rules: &Rules, c: &Condition, facts: Facts<'_>) -> bool {
    if let Some(list) = &c.all {
        return list.iter().all(|s| holds_in(rules, s, facts));
    }
    if let Some(list) = &c.any {
        return list.iter().any(|s| holds_in(rules, s, facts));
    }
    if let Some(s) = &c.not {
        return !holds_in(rules, s, facts);
    }
    if let Some(list) = &c.of {
        let need = match &c.at_least {
            Some(Scalar::Int(n)) => usize::try_from(*n).unwrap_or(usize::MAX),
            _ => usize::MAX,
        };
        return list
            .iter()
            .filter(|s| holds_in(rules, s, facts))
            .take(need)
            .count()
            >= need;
    }
    if let Some(dim) = &c.dimension {
        let Some(rating) = rating_of(rules, c, dim, facts) else {
            return false;
        };
        let rating = i64::from(rating);
        return match (&c.at_least, &c.at_most) {
            (Some(Scalar::Int(n)), _) => rating >= *n,
            (_, Some(Scalar::Int(n))) => rating <= *n,
            _ => false,
        };
    }
    let index = match c.target.get() {
        Some(i) if c.answer.is_some() => Some(i),
        _ => c.answer.as_deref().and_then(|id| rules.question_index(id)),
    };
    let Some(index) = index else {
        return false;
    };
    let Some(answer) = facts.answer(index) else {
        return false;
    };
    let q = &rules.file.questions[index];
    // The answer's option, when its reader knew it (the compiled tests
    // decide by it; here it only places the answer on the scale).
    let option = facts.option(index);
    if let Some(v) = &c.is {
        return equals(answer, v);
    }
    if let Some(vs) = &c.in_ {
        return vs.iter().any(|v| equals(answer, v));
    }
    // The threshold's place on the scale, found once when the rules were indexed.
    let threshold = |v: &Scalar| c.target.rank().or_else(|| rank_of(q, v));
    let place = || match option {
        Some(o) => (!q.options[o].off_scale()).then_some(o as i64),
        None => rank(q, answer),
    };
    if let Some(v) = &c.at_least {
        return place().zip(threshold(v)).is_some_and(|(a, b)| a >= b);
    }
    if let Some(v) = &c.at_most {
        return place().zip(threshold(v)).is_some_and(|(a, b)| a <= b);
    }
    false
}

/// Does compiled test `t` hold over `facts`? The same answer as
/// [`holds_in`] gives for the condition it was compiled from, without a
/// name looked up or a field of the condition read.
#[inline]
pub fn test(rules: &Rules, t: TestId, facts: &Facts<'_>) -> bool {
    child(rules, t, facts)
}

/// What test `t`'s guard alone decides: false when the guard's question
/// is unanswered or its known option is not in the mask; true when the
/// option is in it and the guard is the test itself; `None` when the test
/// must be walked.
#[inline(always)]
fn by_guard(rules: &Rules, t: TestId, facts: &Facts<'_>) -> Option<bool> {
    let guard = rules.compiled.guards.get(t as usize)?;
    match facts.marks.get(guard.question as usize) {
        Some(&o) if o < 64 => match guard.mask >> o & 1 != 0 {
            false => Some(false),
            true => guard.exact.then_some(true),
        },
        Some(&NONE) => Some(false),
        // Another answer, which the test itself decides; or no guard
        // (`question` past the answers: not [`by_mask`]'s "no answer").
        _ => None,
    }
}

/// Whether test `t` may hold, by its guard alone.
#[cfg(test)]
fn may_hold(rules: &Rules, t: TestId, facts: &Facts<'_>) -> bool {
    by_guard(rules, t, facts) != Some(false)
}

/// A test that holds others: its children are looked at in place when
/// they are answers or ratings (most are, and most of those are decided
/// by their guard), a call deeper only when they hold others too.
fn node(rules: &Rules, n: &Test, facts: &Facts<'_>) -> bool {
    match n {
        // The order of the tests in a group does not change what it
        // gives: the tests on one answer come first, in a tight loop.
        Test::All(g) => {
            g.leaves.iter().all(|l| leaf(rules, l, facts))
                && g.rest.iter().all(|&x| child(rules, x, facts))
        }
        Test::Any(g) => {
            g.leaves.iter().any(|l| leaf(rules, l, facts))
                || g.rest.iter().any(|&x| child(rules, x, facts))
        }
        Test::Not(x) => !child(rules, *x, facts),
        Test::Of { need, of } => {
            of.iter()
                .filter(|&&x| child(rules, x, facts))
                .take(*need)
                .count()
                >= *need
        }
        leaf => leaf_holds(rules, leaf, facts),
    }
}

#[inline(always)]
fn child(rules: &Rules, t: TestId, facts: &Facts<'_>) -> bool {
    // Most tests are decided by their guard: a test on one known answer
    // always, an `all` whose first test fails.
    if let Some(verdict) = by_guard(rules, t, facts) {
        return verdict;
    }
    let n = &rules.compiled.tests[t as usize];
    match n {
        Test::All(_) | Test::Any(_) | Test::Not(_) | Test::Of { .. } => node(rules, n, facts),
        leaf => leaf_holds(rules, leaf, facts),
    }
}

/// A test on one answer within a group: by its mask when the option is
/// known, else by the test itself.
#[inline(always)]
fn leaf(rules: &Rules, l: &Leaf, facts: &Facts<'_>) -> bool {
    by_mask(l.question as usize, l.mask, facts)
        .unwrap_or_else(|| leaf_holds(rules, &rules.compiled.tests[l.test as usize], facts))
}

/// A test on one answer or one rating.
#[inline(always)]
fn leaf_holds(rules: &Rules, n: &Test, facts: &Facts<'_>) -> bool {
    match n {
        Test::Rating {
            dimension,
            at_least,
            at_most,
        } => {
            let Some(r) = facts.ratings.and_then(|rs| rs.get(*dimension)) else {
                return false;
            };
            let rating = i64::from(r.rating);
            match (at_least, at_most) {
                (Some(n), _) => rating >= *n,
                (_, Some(n)) => rating <= *n,
                _ => false,
            }
        }
        Test::Is {
            question,
            mask,
            values,
        } => {
            let answer = match known(*question, *mask, facts) {
                Err(verdict) => return verdict,
                Ok(answer) => answer,
            };
            values.iter().any(|v| equals(answer, v))
        }
        Test::Scale {
            question,
            mask,
            threshold,
            at_least,
        } => {
            let answer = match known(*question, *mask, facts) {
                Err(verdict) => return verdict,
                Ok(answer) => answer,
            };
            let q = &rules.file.questions[*question];
            match (rank(q, answer), threshold) {
                (Some(a), Some(b)) if *at_least => a >= *b,
                (Some(a), Some(b)) => a <= *b,
                _ => false,
            }
        }
        _ => false,
    }
}

/// What `mask` (the options for which a test on the answer to `question`
/// holds) alone says: whether the answer's option is in it when its reader
/// knew it, false when there is no answer; `None` when the answer must be
/// compared as written.
#[inline(always)]
fn by_mask(question: usize, mask: u64, facts: &Facts<'_>) -> Option<bool> {
    match facts.marks.get(question) {
        Some(&o) if o < 64 => Some(mask >> o & 1 != 0),
        Some(&NONE) | None => Some(false),
        Some(_) => None,
    }
}

/// The answer to `question` to compare as written, or (`Err`) the verdict
/// [`by_mask`] gives without it.
#[inline(always)]
fn known<'a>(question: usize, mask: u64, facts: &Facts<'a>) -> Result<&'a Answer, bool> {
    match by_mask(question, mask, facts) {
        Some(verdict) => Err(verdict),
        None => facts.answers.get(question).ok_or(false),
    }
}

/// The questions whose answers make `c` hold, in file order: for a rule
/// that fired, the person's own answers behind it. Empty when `c` does not
/// hold. Under `not`, the answers that kept the inner condition from holding.
pub fn because(rules: &Rules, c: &Condition, facts: Facts<'_>) -> Vec<usize> {
    let mut out = Vec::new();
    if holds_in(rules, c, facts) {
        collect(rules, c, facts, true, &mut out);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Push the answered questions behind `c`, which holds (`want`) or not. A
/// rating stands on the answers that set it.
fn collect(rules: &Rules, c: &Condition, facts: Facts<'_>, want: bool, out: &mut Vec<usize>) {
    if c.all.is_some() || c.any.is_some() || c.of.is_some() {
        for s in c.all.iter().chain(&c.any).chain(&c.of).flatten() {
            if holds_in(rules, s, facts) == want {
                collect(rules, s, facts, want, out);
            }
        }
        return;
    }
    if let Some(s) = &c.not {
        return collect(rules, s, facts, !want, out);
    }
    if let (Some(dim), Some(ratings)) = (&c.dimension, facts.ratings) {
        if let Some(r) = rules.dimension_index(dim).and_then(|i| ratings.get(i)) {
            out.extend(r.drivers.iter().map(|d| d.question));
        }
        return;
    }
    if let Some(q) = c.answer.as_deref().and_then(|id| rules.question_index(id)) {
        if facts.answer(q).is_some() {
            out.push(q);
        }
    }
}

/// A dimension's rating, when the ratings are known.
fn rating_of(rules: &Rules, c: &Condition, dim: &str, facts: Facts<'_>) -> Option<u8> {
    let i = c.target.get().or_else(|| rules.dimension_index(dim))?;
    facts.ratings?.get(i).map(|r| r.rating)
}

fn equals(answer: &Answer, v: &Scalar) -> bool {
    match (answer, v) {
        (Answer::Code(a), Scalar::Code(b)) => a == b,
        (Answer::Codes(list), Scalar::Code(b)) => list.iter().any(|c| c == b),
        (Answer::Int(a), Scalar::Int(b)) => a == b,
        _ => false,
    }
}

/// Position on the question's scale: option index, or the number itself.
/// A declining or "I don't know" option has no place on the scale: it is
/// neither more nor less severe than anything, so `at_least` and `at_most`
/// never hold for it.
fn rank(q: &Question, answer: &Answer) -> Option<i64> {
    match answer {
        Answer::Code(c) => q
            .option(c)
            .filter(|(_, o)| !o.off_scale())
            .map(|(i, _)| i as i64),
        Answer::Int(n) => Some(*n),
        Answer::Codes(_) => None,
    }
}

fn rank_of(q: &Question, v: &Scalar) -> Option<i64> {
    q.rank_of(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::model::Condition;

    fn facts(answers: &Answers) -> Facts<'_> {
        Facts::answers(answers)
    }

    fn default_answers(rules: &Rules, pairs: &[(&str, &str)]) -> Answers {
        let mut a = Answers::empty(rules);
        for (id, code) in pairs {
            a.set(
                rules.question_index(id).unwrap(),
                Some(Answer::Code((*code).into())),
            );
        }
        a
    }

    #[test]
    fn because_names_only_the_answers_that_made_a_rule_hold() {
        let rules = Rules::builtin().unwrap();
        let rule = |id: &str| {
            rules
                .file
                .placement
                .rules
                .iter()
                .find(|r| r.id == id)
                .unwrap()
                .when
                .clone()
        };
        let q = |id: &str| rules.question_index(id).unwrap();
        let a = default_answers(
            &rules,
            &[
                ("self_harm_thoughts", "often"),
                ("self_harm_plan", "yes"),
                ("recent_attempt", "no"),
                ("harm_others", "none"),
                ("voices_act", "no"),
            ],
        );
        // Of the four ways into a crisis, only the plan was reported.
        assert_eq!(
            because(&rules, &rule("imminent_danger"), facts(&a)),
            vec![q("self_harm_plan")]
        );
        let a = default_answers(
            &rules,
            &[
                ("home_safety", "unsafe"),
                ("support_frequency", "daily"),
                ("daily_functioning", "managing"),
                ("outpatient_history", "not_enough"),
                ("recent_discharge", "yes"),
            ],
        );
        // `all` needs the home; of its `any`, the one that held: the other
        // branch needs a moderate concern beside the support wanted.
        assert_eq!(
            because(&rules, &rule("no_safe_home"), facts(&a)),
            vec![q("home_safety"), q("recent_discharge")]
        );
        let a = default_answers(&rules, &[("home_safety", "safe")]);
        assert!(because(&rules, &rule("no_safe_home"), facts(&a)).is_empty());
    }

    #[test]
    fn a_rule_refused_by_its_guard_is_one_that_does_not_hold() {
        let rules = Rules::builtin().unwrap();
        let i = rules
            .file
            .placement
            .rules
            .iter()
            .position(|r| r.id == "no_safe_home")
            .unwrap();
        let t = rules.compiled.rules[i];
        let home = rules.question_index("home_safety").unwrap();
        let guard = rules.compiled.guards[t as usize];
        assert_eq!(guard.question as usize, home, "the first of its `all`");
        let with = |home_code: Option<&str>, known: bool| {
            let mut a = default_answers(&rules, &[("recent_discharge", "yes")]);
            if let Some(code) = home_code {
                let (o, _) = rules.file.questions[home].option(code).unwrap();
                if known {
                    a.set_option(home, code.into(), o);
                } else {
                    a.set(home, Some(Answer::Code(code.into())));
                }
            }
            let facts = facts(&a);
            let compiled = test(&rules, t, &facts);
            assert_eq!(
                compiled,
                holds_in(&rules, &rules.file.placement.rules[i].when, facts),
                "{home_code:?}, option known: {known}"
            );
            (may_hold(&rules, t, &facts), compiled)
        };
        // Refused: no answer, or a known option outside the mask.
        assert_eq!(with(None, true), (false, false));
        assert_eq!(with(Some("safe"), true), (false, false));
        // Let through, and decided by the test: an option in the mask, or
        // an answer whose option the reader did not note.
        assert_eq!(with(Some("unsafe"), true), (true, true));
        assert!(with(Some("unsafe"), false).1);
        assert!(!with(Some("safe"), false).1);
    }

    #[test]
    fn because_under_not_names_the_answer_that_kept_it_false() {
        let rules = Rules::parse(
            "m.yaml",
            include_str!("../../../tests/fixtures/minimal.yaml"),
        )
        .unwrap();
        let mut a = Answers::empty(&rules);
        a.set(0, Some(Answer::Code("no".into())));
        let cond: Condition = serde_yaml::from_str("{not: {answer: danger, is: \"yes\"}}").unwrap();
        assert_eq!(because(&rules, &cond, facts(&a)), vec![0]);
    }

    #[test]
    fn a_declined_answer_is_never_at_least_or_at_most_anything() {
        let rules = Rules::parse(
            "m.yaml",
            include_str!("../../../tests/fixtures/minimal.yaml"),
        )
        .unwrap();
        let mut a = Answers::empty(&rules);
        a.set(0, Some(Answer::Code("declined".into())));
        let cond = |test: &str, code: &str| -> Condition {
            serde_yaml::from_str(&format!("{{answer: danger, {test}: \"{code}\"}}")).unwrap()
        };
        assert!(!holds(&rules, &cond("at_least", "no"), &a));
        assert!(!holds(&rules, &cond("at_most", "yes"), &a));
        assert!(holds(&rules, &cond("is", "declined"), &a));
        a.set(0, Some(Answer::Code("yes".into())));
        assert!(holds(&rules, &cond("at_least", "no"), &a));
    }
}
