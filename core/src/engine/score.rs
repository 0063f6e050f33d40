//! Which questions are asked, and the dimension ratings the answers give.

use crate::answers::{Answer, Answers, NONE, OTHER};
use crate::rules::Rules;

use super::{test, Facts};

/// An answer that set a dimension's rating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Driver {
    pub question: usize,
    /// Index of the chosen option.
    pub option: usize,
}

/// A dimension's rating and the answers that gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    pub dimension: usize,
    pub rating: u8,
    /// Empty when the rating is 0.
    pub drivers: Vec<Driver>,
}

/// The questions asked, in order. A question is asked when its `when` holds
/// over the answers to questions asked before it, so dropping one answer
/// cascades to everything that depended on it.
pub fn asked(rules: &Rules, answers: &Answers) -> Vec<usize> {
    asked_marks(rules, answers).0
}

/// The questions asked, in order, and the answers' marks as deciding them
/// saw them: [`NONE`] for a question not asked.
pub(super) fn asked_marks(rules: &Rules, answers: &Answers) -> (Vec<usize>, Vec<u8>) {
    let n = rules.file.questions.len();
    let all = answers.marks();
    let mut marks = vec![NONE; n];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let facts = Facts::answers(answers).seeing(&marks);
        if rules.compiled.questions[i].is_none_or(|t| test(rules, t, &facts)) {
            out.push(i);
            marks[i] = all[i];
        }
    }
    (out, marks)
}

/// Only the answers of asked questions.
pub fn effective(rules: &Rules, answers: &Answers, asked: &[usize]) -> Answers {
    let mut out = Answers::empty(rules);
    for &q in asked {
        match (answers.get(q), answers.option(q)) {
            (Some(Answer::Code(c)), Some(o)) => out.set_option(q, c.clone(), o),
            (a, _) => out.set(q, a.cloned()),
        }
    }
    out
}

pub use crate::answers::options_of as chosen;

/// Each dimension's rating: the highest any answer gives it.
pub fn rate(rules: &Rules, answers: &Answers) -> Vec<Rating> {
    let mut ratings: Vec<Rating> = (0..rules.file.dimensions.len())
        .map(|dimension| Rating {
            dimension,
            rating: 0,
            drivers: vec![],
        })
        .collect();
    let mut add = |question: usize, option: usize| {
        for &(r, value) in rules.rates(question, option) {
            let slot = &mut ratings[r];
            let driver = Driver { question, option };
            if value > slot.rating {
                slot.rating = value;
                slot.drivers.clear();
                slot.drivers.push(driver);
            } else if value == slot.rating && value > 0 {
                slot.drivers.push(driver);
            }
        }
    };
    for (q, &mark) in answers.marks().iter().enumerate() {
        match mark {
            NONE => {}
            OTHER.. => answers.chosen(rules, q).for_each(|o| add(q, o)),
            option => add(q, usize::from(option)),
        }
    }
    ratings
}
