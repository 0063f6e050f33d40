//! Evaluating conditions against answers.

use crate::answers::{Answer, Answers};
use crate::rules::model::{Condition, Question, Scalar};
use crate::rules::Rules;

/// Does `c` hold? A comparison on an unanswered (or unasked) question is false.
pub fn holds(rules: &Rules, c: &Condition, answers: &Answers) -> bool {
    if let Some(list) = &c.all {
        return list.iter().all(|s| holds(rules, s, answers));
    }
    if let Some(list) = &c.any {
        return list.iter().any(|s| holds(rules, s, answers));
    }
    if let Some(s) = &c.not {
        return !holds(rules, s, answers);
    }
    let Some(index) = c.answer.as_deref().and_then(|id| rules.question_index(id)) else {
        return false;
    };
    let Some(answer) = answers.get(index) else {
        return false;
    };
    let q = &rules.file.questions[index];
    if let Some(v) = &c.is {
        return equals(answer, v);
    }
    if let Some(vs) = &c.in_ {
        return vs.iter().any(|v| equals(answer, v));
    }
    if let Some(v) = &c.at_least {
        return rank(q, answer)
            .zip(rank_of(q, v))
            .is_some_and(|(a, b)| a >= b);
    }
    if let Some(v) = &c.at_most {
        return rank(q, answer)
            .zip(rank_of(q, v))
            .is_some_and(|(a, b)| a <= b);
    }
    false
}

fn equals(answer: &Answer, v: &Scalar) -> bool {
    match (answer, v) {
        (Answer::Code(a), Scalar::Code(b)) => a == b,
        (Answer::Codes(list), Scalar::Code(b)) => list.contains(b),
        (Answer::Int(a), Scalar::Int(b)) => a == b,
        _ => false,
    }
}

/// Position on the question's scale: option index, or the number itself.
/// A declining option has no place on the scale: it is neither more nor less
/// severe than anything, so `at_least` and `at_most` never hold for it.
fn rank(q: &Question, answer: &Answer) -> Option<i64> {
    match answer {
        Answer::Code(c) => q
            .option(c)
            .filter(|(_, o)| !o.declines)
            .map(|(i, _)| i as i64),
        Answer::Int(n) => Some(*n),
        Answer::Codes(_) => None,
    }
}

fn rank_of(q: &Question, v: &Scalar) -> Option<i64> {
    match v {
        Scalar::Code(c) => q.option(c).map(|(i, _)| i as i64),
        Scalar::Int(n) => Some(*n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::model::Condition;

    #[test]
    fn a_declined_answer_is_never_at_least_or_at_most_anything() {
        let rules =
            Rules::parse("m.yaml", include_str!("../../tests/fixtures/minimal.yaml")).unwrap();
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
