//! Conditions compiled once, when the rules are indexed, into a flat list
//! of tests: what the engine walks for every record, with every name
//! already turned into an index and every threshold into a place on its
//! question's scale. The conditions themselves stay as written, for
//! messages and for citing the answers behind a rule.

use super::model::{AnswerOption, Code, Condition, Question, Scalar};

/// A test's place in [`Compiled::tests`].
pub type TestId = u32;

/// One test of a compiled condition.
#[derive(Debug, Clone)]
pub enum Test {
    All(Group),
    Any(Group),
    Not(TestId),
    /// At least `need` of these hold.
    Of {
        need: usize,
        of: Box<[TestId]>,
    },
    /// A dimension's rating against `at_least`, else `at_most`; false while
    /// the ratings are not known.
    Rating {
        dimension: usize,
        at_least: Option<i64>,
        at_most: Option<i64>,
    },
    /// The answer to `question` is one of `values`. When the reader knew
    /// the answer's option, `mask` (a bit per option among the first 64:
    /// those for which the test holds) decides instead.
    Is {
        question: usize,
        mask: u64,
        values: Box<[Scalar]>,
    },
    /// The answer's place on the scale is at least (or at most)
    /// `threshold`; by `mask`, as for `Is`, when its option is known.
    Scale {
        question: usize,
        mask: u64,
        threshold: Option<i64>,
        at_least: bool,
    },
    /// Holds for no answers (a condition that names nothing known).
    Never,
}

/// The tests an `all` or `any` holds: those on one answer apart, as
/// (question, mask) pairs read in a tight loop, then the others.
#[derive(Debug, Clone)]
pub struct Group {
    pub leaves: Box<[Leaf]>,
    pub rest: Box<[TestId]>,
}

/// A test on one answer within a [`Group`]: by `mask` when the answer's
/// option is known, else by test `test` itself.
#[derive(Debug, Clone, Copy)]
pub struct Leaf {
    pub mask: u64,
    pub question: u32,
    pub test: TestId,
}

/// Every condition of a rule file, compiled.
#[derive(Debug, Clone, Default)]
pub struct Compiled {
    pub tests: Vec<Test>,
    /// Each question's `when`, if it has one.
    pub questions: Vec<Option<TestId>>,
    /// Each placement rule's `when`.
    pub rules: Vec<TestId>,
    /// Each note's `when`, if it has one.
    pub notes: Vec<Option<TestId>>,
    /// Per question, each option's code as an answer holds it: copied into
    /// answers rather than made from the text each time.
    pub codes: Vec<Vec<Code>>,
    /// Per question, a bit for each of its first 64 options that declines
    /// to answer.
    pub declining: Vec<u64>,
    /// Per question, a bit for each of its first 64 options that is "I
    /// don't know" (and does not decline).
    pub not_known: Vec<u64>,
    /// Per test, one answer test that must hold for the test to hold (the
    /// first of an `all`, or the test itself), when there is one: most
    /// conditions that do not hold are refused by it without a walk.
    pub guards: Vec<Guard>,
}

/// An answer test a test cannot hold without: on `question`, by `mask` as
/// in [`Test::Is`]. `question == u32::MAX` when a test has none (kept in
/// place rather than as an `Option`, which measured slower to read).
#[derive(Debug, Clone, Copy)]
pub struct Guard {
    pub question: u32,
    pub mask: u64,
    /// The guard is the test itself (a test on one answer): when the
    /// answer's option is known, the guard decides.
    pub exact: bool,
}

impl Guard {
    const NONE: Guard = Guard {
        question: u32::MAX,
        mask: 0,
        exact: false,
    };
}

impl Compiled {
    /// Compile conditions whose targets were resolved against `questions`.
    pub fn new<'a>(
        questions: &[Question],
        rules: impl Iterator<Item = &'a Condition>,
        notes: impl Iterator<Item = Option<&'a Condition>>,
    ) -> Compiled {
        let mut c = Compiled::default();
        let whens: Vec<Option<&Condition>> = questions.iter().map(|q| q.when.as_deref()).collect();
        c.questions = whens
            .into_iter()
            .map(|w| w.map(|w| c.add(w, questions)))
            .collect();
        c.rules = rules.map(|w| c.add(w, questions)).collect();
        c.notes = notes.map(|w| w.map(|w| c.add(w, questions))).collect();
        let each = |pick: fn(&AnswerOption) -> bool| -> Vec<u64> {
            questions
                .iter()
                .map(|q| options(q, |i, _| pick(&q.options[i])))
                .collect()
        };
        c.codes = questions
            .iter()
            .map(|q| {
                q.options
                    .iter()
                    .map(|o| Code::from(o.code.as_str()))
                    .collect()
            })
            .collect();
        c.declining = each(AnswerOption::declining);
        c.not_known = each(AnswerOption::not_known);
        c.guards = (0..c.tests.len()).map(|t| c.guard(t)).collect();
        c
    }

    fn guard(&self, t: usize) -> Guard {
        match &self.tests[t] {
            Test::All(g) => match (g.leaves.first(), g.rest.first()) {
                (Some(l), _) => Guard {
                    question: l.question,
                    mask: l.mask,
                    exact: false,
                },
                (None, Some(&x)) => Guard {
                    exact: false,
                    ..self.guard(x as usize)
                },
                // An empty `all` holds: no guard.
                (None, None) => Guard::NONE,
            },
            test => on_one_answer(test).map_or(Guard::NONE, |(question, mask)| Guard {
                question,
                mask,
                exact: true,
            }),
        }
    }

    /// Compile `cond` (and what it holds) and return its test: the same
    /// reading, field by field and in the same order of precedence, as
    /// the engine's evaluation of a condition as written.
    fn add(&mut self, cond: &Condition, questions: &[Question]) -> TestId {
        let list = |subs: &[Condition], s: &mut Compiled| -> Box<[TestId]> {
            subs.iter().map(|x| s.add(x, questions)).collect()
        };
        let group = |subs: &[Condition], s: &mut Compiled| -> Group {
            let mut leaves = Vec::with_capacity(subs.len());
            let mut rest = Vec::with_capacity(subs.len());
            for sub in subs {
                let t = s.add(sub, questions);
                match on_one_answer(&s.tests[t as usize]) {
                    Some((question, mask)) => leaves.push(Leaf {
                        mask,
                        question,
                        test: t,
                    }),
                    None => rest.push(t),
                }
            }
            Group {
                leaves: leaves.into(),
                rest: rest.into(),
            }
        };
        let test = if let Some(subs) = &cond.all {
            Test::All(group(subs, self))
        } else if let Some(subs) = &cond.any {
            Test::Any(group(subs, self))
        } else if let Some(inner) = &cond.not {
            Test::Not(self.add(inner, questions))
        } else if let Some(subs) = &cond.of {
            let need = match &cond.at_least {
                Some(Scalar::Int(n)) => usize::try_from(*n).unwrap_or(usize::MAX),
                _ => usize::MAX,
            };
            Test::Of {
                need,
                of: list(subs, self),
            }
        } else if cond.dimension.is_some() {
            let int = |v: &Option<Scalar>| match v {
                Some(Scalar::Int(n)) => Some(*n),
                _ => None,
            };
            match cond.target.get() {
                Some(dimension) => Test::Rating {
                    dimension,
                    at_least: int(&cond.at_least),
                    at_most: int(&cond.at_most),
                },
                None => Test::Never,
            }
        } else {
            answer_test(cond, questions)
        };
        self.tests.push(test);
        u32::try_from(self.tests.len() - 1).expect("fewer than 4 billion tests")
    }
}

/// The question and mask of a test on one answer.
fn on_one_answer(test: &Test) -> Option<(u32, u64)> {
    match test {
        Test::Is { question, mask, .. } | Test::Scale { question, mask, .. } => {
            Some((u32::try_from(*question).ok()?, *mask))
        }
        _ => None,
    }
}

/// The test of a condition on one answer.
fn answer_test(cond: &Condition, questions: &[Question]) -> Test {
    let Some(question) = cond.target.get().filter(|_| cond.answer.is_some()) else {
        return Test::Never;
    };
    if cond.is.is_some() || cond.in_.is_some() {
        let values: Box<[Scalar]> = match (&cond.is, &cond.in_) {
            (Some(v), _) => Box::new([v.clone()]),
            (None, Some(vs)) => vs.clone().into_boxed_slice(),
            (None, None) => Box::new([]),
        };
        let q = &questions[question];
        let mask = options(q, |_, code| {
            values
                .iter()
                .any(|v| matches!(v, Scalar::Code(c) if c == code))
        });
        return Test::Is {
            question,
            mask,
            values,
        };
    }
    let q = &questions[question];
    let threshold = |v: &Scalar| cond.target.rank().or_else(|| q.rank_of(v));
    let (threshold, at_least) = match (&cond.at_least, &cond.at_most) {
        (Some(v), _) => (threshold(v), true),
        (None, Some(v)) => (threshold(v), false),
        (None, None) => return Test::Never,
    };
    // An option off the scale (declining, "I don't know") never compares.
    let mask = options(q, |place, _| {
        let place = place as i64;
        !q.options[place as usize].off_scale()
            && threshold.is_some_and(|t| if at_least { place >= t } else { place <= t })
    });
    Test::Scale {
        question,
        mask,
        threshold,
        at_least,
    }
}

/// A bit for each of the first 64 options of `q` for which `holds` (given
/// the option's index and code) is true.
fn options(q: &Question, holds: impl Fn(usize, &str) -> bool) -> u64 {
    q.options
        .iter()
        .take(64)
        .enumerate()
        .filter(|(i, o)| holds(*i, &o.code))
        .fold(0, |mask, (i, _)| mask | 1 << i)
}
