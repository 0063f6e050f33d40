//! From ratings to a level: bands, floor rules, declined and unknown
//! answers; then notes.

use crate::answers::{Answers, NONE};
use crate::rules::model::Basis;
use crate::rules::Rules;

use super::score::Rating;
use super::{test, Facts, NoteRef};

pub struct Placed {
    pub level: usize,
    pub band_level: usize,
    pub score: u32,
    pub crisis: bool,
}

/// Where the answers' lists go: the rules that fired, the questions
/// declined and the safety questions not known (cleared first).
pub struct Lists<'a> {
    pub fired: &'a mut Vec<usize>,
    pub declined: &'a mut Vec<usize>,
    pub unknown: &'a mut Vec<usize>,
}

/// The final level is the highest of the band's level, every fired floor,
/// the declined floor when any answer declined, and the unknown floor when
/// a safety question was answered "I don't know".
pub fn place(rules: &Rules, answers: &Answers, ratings: &[Rating], lists: Lists<'_>) -> Placed {
    let f = &rules.file;
    let score = match f.placement.basis {
        Basis::Max => ratings
            .iter()
            .map(|r| u32::from(r.rating))
            .max()
            .unwrap_or(0),
        Basis::Sum => ratings.iter().map(|r| u32::from(r.rating)).sum(),
    };
    let rank = |id: &str| rules.level_rank(id).unwrap_or(0);
    let band_level = f
        .placement
        .bands
        .iter()
        .find(|b| (b.from..=b.to).contains(&score))
        .map_or(0, |b| rank(&b.level));
    let mut level = band_level;
    let mut crisis = false;
    lists.fired.clear();
    let facts = Facts::rated(answers, Some(ratings));
    for (i, rule) in f.placement.rules.iter().enumerate() {
        if test(rules, rules.compiled.rules[i], &facts) {
            lists.fired.push(i);
            level = level.max(rank(&rule.floor));
            crisis |= rule.crisis;
        }
    }
    off_scale(rules, answers, lists.declined, lists.unknown);
    for (section, answers) in [(&f.declined, &lists.declined), (&f.unknown, &lists.unknown)] {
        if let (Some(d), false) = (section, answers.is_empty()) {
            level = level.max(rank(&d.floor));
        }
    }
    Placed {
        level,
        band_level,
        score,
        crisis,
    }
}

/// The questions answered "prefer not to say", and the safety questions
/// answered "I don't know": by the option's bit when its reader knew it.
fn off_scale(
    rules: &Rules,
    answers: &Answers,
    declined: &mut Vec<usize>,
    unknown: &mut Vec<usize>,
) {
    let (f, c) = (&rules.file, &rules.compiled);
    declined.clear();
    unknown.clear();
    for (q, &mark) in answers.marks().iter().enumerate() {
        let (declines, not_known) = match mark {
            NONE => continue,
            o if o < 64 => {
                if (c.declining[q] | c.not_known[q]) >> o & 1 == 0 {
                    continue;
                }
                (c.declining[q] >> o & 1 != 0, c.not_known[q] >> o & 1 != 0)
            }
            _ => {
                let options = &f.questions[q].options;
                answers
                    .chosen(rules, q)
                    .map(|o| &options[o])
                    .fold((false, false), |(d, u), o| {
                        (d || o.declining(), u || o.not_known())
                    })
            }
        };
        if declines {
            declined.push(q);
        }
        if not_known && f.questions[q].safety {
            unknown.push(q);
        }
    }
}

/// Notes that apply at `level`; the declined note comes first, then the
/// note on safety answers that were not known.
pub fn notes(
    rules: &Rules,
    facts: Facts<'_>,
    level: usize,
    declined: bool,
    unknown: bool,
    out: &mut Vec<NoteRef>,
) {
    let f = &rules.file;
    out.clear();
    if declined && f.declined.is_some() {
        out.push(NoteRef::Declined);
    }
    if unknown && f.unknown.is_some() {
        out.push(NoteRef::Unknown);
    }
    for i in 0..f.notes.len() {
        let at_level = rules.note_at(i, level);
        if at_level && rules.compiled.notes[i].is_none_or(|t| test(rules, t, &facts)) {
            out.push(NoteRef::Note(i));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::answers::{Answer, Answers};
    use crate::engine::{evaluate, NoteRef};
    use crate::rules::Rules;

    fn mini() -> Rules {
        Rules::parse(
            "m.yaml",
            include_str!("../../../tests/fixtures/minimal.yaml"),
        )
        .unwrap()
    }

    fn answers(rules: &Rules, pairs: &[(&str, Answer)]) -> Answers {
        let mut a = Answers::empty(rules);
        for (id, v) in pairs {
            a.set(rules.question_index(id).unwrap(), Some(v.clone()));
        }
        a
    }

    fn code(c: &str) -> Answer {
        Answer::Code(c.into())
    }

    #[test]
    fn an_outcome_filled_again_is_the_outcome_of_its_last_answers() {
        let r = mini();
        let crisis = answers(
            &r,
            &[
                ("danger", code("yes")),
                ("plan", code("none")),
                ("hours", Answer::Int(5)),
            ],
        );
        let calm = answers(&r, &[("danger", code("no")), ("plan", code("some"))]);
        for (first, then) in [(&crisis, &calm), (&calm, &crisis)] {
            let mut o = evaluate(&r, first);
            crate::engine::evaluate_into(&r, then, &mut o);
            assert_eq!(o, evaluate(&r, then));
        }
    }

    #[test]
    fn crisis_rule_lifts_to_the_top_and_flags_crisis() {
        let r = mini();
        let o = evaluate(
            &r,
            &answers(
                &r,
                &[
                    ("danger", code("yes")),
                    ("plan", code("none")),
                    ("hours", Answer::Int(5)),
                ],
            ),
        );
        assert_eq!((o.level, o.crisis, o.fired.clone()), (1, true, vec![0]));
        assert_eq!(o.ratings[0].rating, 4);
        assert_eq!(o.ratings[0].drivers.len(), 1);
    }

    #[test]
    fn unasked_follow_up_is_ignored_and_cascades() {
        let r = mini();
        let o = evaluate(
            &r,
            &answers(
                &r,
                &[
                    ("danger", code("no")),
                    ("plan", code("some")),
                    ("hours", Answer::Int(5)),
                ],
            ),
        );
        assert_eq!(o.ignored, vec![1]);
        assert_eq!(o.ratings[0].rating, 0);
        assert_eq!(o.level, 0);
    }

    #[test]
    fn missing_required_answers_are_listed() {
        let r = mini();
        let o = evaluate(&r, &answers(&r, &[("danger", code("yes"))]));
        assert_eq!(o.missing, vec![1, 2]);
    }

    #[test]
    fn declining_sets_the_floor_and_adds_the_note_first() {
        let r = mini();
        let o = evaluate(
            &r,
            &answers(
                &r,
                &[("danger", code("declined")), ("hours", Answer::Int(1))],
            ),
        );
        assert_eq!(o.level, 1);
        assert!(!o.crisis);
        assert_eq!(o.declined, vec![0]);
        assert_eq!(o.notes.first(), Some(&NoteRef::Declined));
    }

    #[test]
    fn not_knowing_a_safety_answer_sets_its_own_floor_and_note() {
        let text = include_str!("../../../tests/fixtures/minimal.yaml")
            .replacen(
                "      - code: declined\n",
                "      - code: dont_know\n        label: I don't know\n        unknown: true\n      - code: declined\n",
                1,
            )
            .replacen(
                "attributes:\n",
                "unknown:\n  floor: high\n  note: not_known\n  text: Not known.\nattributes:\n",
                1,
            );
        let r = Rules::parse("m.yaml", &text).unwrap();
        let o = evaluate(
            &r,
            &answers(
                &r,
                &[("danger", code("dont_know")), ("hours", Answer::Int(1))],
            ),
        );
        assert_eq!((o.level, o.crisis), (1, false));
        assert_eq!(o.unknown, vec![0]);
        assert!(o.declined.is_empty());
        assert_eq!(o.notes.first(), Some(&NoteRef::Unknown));
        // Off the scale: not "at least" the least severe answer.
        let c: crate::rules::model::Condition =
            serde_yaml::from_str("{answer: danger, at_least: \"no\"}").unwrap();
        let a = answers(&r, &[("danger", code("dont_know"))]);
        assert!(!crate::engine::holds(&r, &c, &a));
    }

    #[test]
    fn notes_respect_their_levels() {
        let r = mini();
        let low = evaluate(
            &r,
            &answers(&r, &[("danger", code("no")), ("hours", Answer::Int(1))]),
        );
        assert_eq!(low.notes, vec![NoteRef::Note(0)]);
        let high = evaluate(
            &r,
            &answers(
                &r,
                &[
                    ("danger", code("yes")),
                    ("plan", code("none")),
                    ("hours", Answer::Int(1)),
                ],
            ),
        );
        assert!(high.notes.is_empty());
    }
}

#[cfg(test)]
mod counting {
    use crate::answers::{Answer, Answers};
    use crate::engine::{because_fired, evaluate};
    use crate::rules::Rules;

    /// The minimal rules, with the crisis rule replaced by one that needs
    /// two things at once: a rating of at least 2, and hours of at most 2.
    fn rules() -> Rules {
        let text = include_str!("../../../tests/fixtures/minimal.yaml").replace(
            "      when: {answer: danger, is: \"yes\"}\n      floor: high\n      crisis: true",
            "      when: {at_least: 2, of: [{dimension: risk, at_least: 2}, {answer: hours, at_most: 2}, {answer: danger, is: declined}]}\n      floor: high",
        );
        Rules::parse("m.yaml", &text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn answers(rules: &Rules, danger: &str, plan: Option<&str>, hours: i64) -> Answers {
        let mut a = Answers::empty(rules);
        a.set(0, Some(Answer::Code(danger.into())));
        a.set(1, plan.map(|p| Answer::Code(p.into())));
        a.set(2, Some(Answer::Int(hours)));
        a
    }

    #[test]
    fn at_least_n_of_counts_conditions_over_answers_and_ratings() {
        let r = rules();
        let one = answers(&r, "yes", Some("some"), 10);
        assert!(
            evaluate(&r, &one).fired.is_empty(),
            "a rating alone is one of two"
        );
        let two = answers(&r, "yes", Some("some"), 1);
        let o = evaluate(&r, &two);
        assert_eq!(o.fired, vec![0]);
        // The rating stands on the answers that set it.
        assert_eq!(because_fired(&r, &two, &o), vec![vec![0, 2]]);
    }
}
