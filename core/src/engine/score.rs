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
    let (mut asked, mut ignored) = (Vec::new(), Vec::new());
    asked_into(rules, answers, &mut asked, &mut ignored);
    asked
}

/// The questions asked, in order, into `asked`, and into `ignored` the
/// questions answered but not asked.
pub(super) fn asked_into(
    rules: &Rules,
    answers: &Answers,
    asked: &mut Vec<usize>,
    ignored: &mut Vec<usize>,
) {
    let n = rules.file.questions.len();
    // The answers' marks as deciding what is asked sees them: [`NONE`] for
    // a question not (yet) asked. On the stack for any likely rule file.
    let mut small = [NONE; 256];
    let mut large = Vec::new();
    let marks: &mut [u8] = if n <= small.len() {
        &mut small[..n]
    } else {
        large.resize(n, NONE);
        &mut large
    };
    let all = answers.marks();
    asked.clear();
    for i in 0..n {
        let is_asked = rules.compiled.questions[i]
            .is_none_or(|t| test(rules, t, &Facts::answers(answers).seeing(marks)));
        if is_asked {
            asked.push(i);
            marks[i] = all[i];
        }
    }
    ignored.clear();
    ignored.extend(answers.iter().map(|(q, _)| q).filter(|&q| marks[q] == NONE));
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

/// Each dimension's rating, the highest any answer gives it, into
/// `ratings` (whose drivers' room is kept).
pub(super) fn rate_into(rules: &Rules, answers: &Answers, ratings: &mut Vec<Rating>) {
    let dimensions = rules.file.dimensions.len();
    ratings.truncate(dimensions);
    for (dimension, r) in ratings.iter_mut().enumerate() {
        r.dimension = dimension;
        r.rating = 0;
        r.drivers.clear();
    }
    for dimension in ratings.len()..dimensions {
        ratings.push(Rating {
            dimension,
            rating: 0,
            drivers: vec![],
        });
    }
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
}
