//! Properties of the built-in rules over generated complete answer sets.

use carelevel::answers::{Answer, Answers};
use carelevel::engine::{evaluate, holds};
use carelevel::report;
use carelevel::rules::model::{QuestionKind, Respondent, Variant};
use carelevel::rules::Rules;
use proptest::prelude::*;
use std::sync::LazyLock;

static RULES: LazyLock<Rules> =
    LazyLock::new(|| Rules::builtin().expect("built-in rules are valid"));

/// The same rules, worded for someone answering about the person.
static ABOUT: LazyLock<Rules> = LazyLock::new(|| {
    let mut r = Rules::builtin().expect("built-in rules are valid");
    r.file.select(&Variant {
        respondent: Respondent::Other,
        lang: None,
    });
    r
});

/// The same rules in Spanish, for the person and for someone else.
static SPANISH: LazyLock<[Rules; 2]> = LazyLock::new(|| {
    Respondent::ALL.map(|respondent| {
        let mut r = Rules::builtin().expect("built-in rules are valid");
        r.file.select(&Variant {
            respondent,
            lang: Some("es".into()),
        });
        r.lang = "es".into();
        r
    })
});

fn rules() -> &'static Rules {
    &RULES
}

/// One raw pick per question: an option index (or bit set for `multi`), or a number.
fn picks() -> impl Strategy<Value = Vec<u64>> {
    let n = rules().file.questions.len();
    prop::collection::vec(any::<u64>(), n)
}

/// Turn picks into a complete answer set: every question answered.
fn answers(rules: &Rules, picks: &[u64]) -> Answers {
    let mut a = Answers::empty(rules);
    for (i, (q, &p)) in rules.file.questions.iter().zip(picks).enumerate() {
        let answer = match q.kind {
            QuestionKind::Integer => {
                let (lo, hi) = (q.min.unwrap(), q.max.unwrap());
                Answer::Int(lo + (p % (hi - lo + 1) as u64) as i64)
            }
            QuestionKind::Multi => {
                let plain: Vec<_> = q.options.iter().filter(|o| !o.off_scale()).collect();
                Answer::Codes(
                    plain
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| p >> j & 1 == 1)
                        .map(|(_, o)| o.code.as_str().into())
                        .collect(),
                )
            }
            _ => Answer::Code(
                q.options[(p % q.options.len() as u64) as usize]
                    .code
                    .as_str()
                    .into(),
            ),
        };
        a.set(i, Some(answer));
    }
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Who answers changes the words, never the result: the same level,
    /// crisis flag, ratings, rules and notes.
    #[test]
    fn the_respondent_changes_words_not_results(p in picks()) {
        let a = answers(rules(), &p);
        let (mine, theirs) = (evaluate(rules(), &a), evaluate(&ABOUT, &a));
        prop_assert_eq!(&mine, &theirs);
        let r = report::build(&ABOUT, &a, &theirs, None);
        if theirs.crisis {
            let text = report::text(&r, Default::default());
            prop_assert!(text.starts_with("!! CRISIS"));
            prop_assert!(text.contains("the person, or someone near them"), "{}", text);
        }
    }

    /// The language changes the words, never the result: the same level,
    /// crisis flag, ratings, rules and notes, in every language and for
    /// either respondent; a crisis opens the Spanish report too.
    #[test]
    fn the_language_changes_words_not_results(p in picks()) {
        let a = answers(rules(), &p);
        let english = evaluate(rules(), &a);
        for spanish in SPANISH.iter() {
            let o = evaluate(spanish, &a);
            prop_assert_eq!(&english, &o);
            let r = report::build(spanish, &a, &o, None);
            prop_assert_eq!(r.lang.as_str(), "es");
            let en = report::build(rules(), &a, &english, None);
            prop_assert_eq!(&r.level, &en.level);
            prop_assert_eq!(&r.dimensions, &en.dimensions);
            prop_assert_eq!(&r.fired, &en.fired);
            if o.crisis {
                let text = report::text(&r, Default::default());
                prop_assert!(text.starts_with("!! CRISIS"));
                let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
                prop_assert!(flat.contains("marque 2 para hablar en español"), "{}", text);
            }
        }
    }

    /// Every complete valid answer set gives exactly one known level, with nothing missing.
    #[test]
    fn totality(p in picks()) {
        let rules = rules();
        let o = evaluate(rules, &answers(rules, &p));
        prop_assert!(o.level < rules.file.levels.len());
        prop_assert!(o.missing.is_empty());
        let a = answers(rules, &p);
        let r = report::build(rules, &a, &o, None);
        prop_assert_eq!(&r.level, &rules.file.levels[o.level].id);
        // Something always decides the level, and every rule that fired
        // names the person's own answers behind it.
        prop_assert!(!r.explanation.decided_by.is_empty());
        for rule in &r.explanation.rules {
            prop_assert!(!rule.answers.is_empty(), "rule `{}` names no answer", rule.id);
        }
    }

    /// The same answers give byte-identical JSON, even with the rules loaded again.
    #[test]
    fn determinism(p in picks()) {
        let r1 = rules();
        let r2 = Rules::builtin().unwrap();
        let a = answers(r1, &p);
        let j1 = report::json(&report::build(r1, &a, &evaluate(r1, &a), None));
        let j2 = report::json(&report::build(&r2, &a, &evaluate(&r2, &a), None));
        prop_assert_eq!(j1, j2);
    }

    /// Moving any one answer to a more severe option never lowers the level.
    #[test]
    fn monotonicity(p in picks(), which in any::<prop::sample::Index>(), step in 1usize..4) {
        let rules = rules();
        let a = answers(rules, &p);
        let qi = which.index(rules.file.questions.len());
        let q = &rules.file.questions[qi];
        let worse = match a.get(qi) {
            // "Prefer not to say" and "I don't know" are off the severity
            // scale: never step to or from them.
            Some(Answer::Code(c)) => {
                let (i, o) = q.option(c).unwrap();
                if o.off_scale() {
                    return Ok(());
                }
                let scale: Vec<_> = q.options[i..].iter().filter(|o| !o.off_scale()).collect();
                Answer::Code(scale[step.min(scale.len() - 1)].code.as_str().into())
            }
            Some(Answer::Codes(cs)) => {
                let mut more = cs.clone();
                if let Some(o) = q.options.iter().find(|o| !o.off_scale() && !cs.iter().any(|c| *c == o.code)) {
                    more.push(o.code.as_str().into());
                }
                more.sort_by_key(|c| q.option(c).map(|(i, _)| i));
                Answer::Codes(more)
            }
            _ => return Ok(()),
        };
        let before = evaluate(rules, &a).level;
        let mut b = a.clone();
        b.set(qi, Some(worse));
        let after = evaluate(rules, &b).level;
        prop_assert!(after >= before, "`{}` made more severe lowered level {} -> {}", q.id, before, after);
    }

    /// Not knowing, or declining, the answer to an asked safety question
    /// never gives the lowest level, and its note is shown first.
    #[test]
    fn not_knowing_or_declining_safety_is_never_the_lowest_level(p in picks()) {
        let rules = rules();
        let a = answers(rules, &p);
        let o = evaluate(rules, &a);
        let off_scale = |pick: fn(&carelevel::rules::model::AnswerOption) -> bool| {
            o.asked.iter().any(|&q| {
                let question = &rules.file.questions[q];
                question.safety
                    && matches!(a.get(q), Some(Answer::Code(c))
                        if question.option(c).is_some_and(|(_, opt)| pick(opt)))
            })
        };
        let unknown = off_scale(|opt| opt.unknown);
        let declined = off_scale(|opt| opt.declines);
        if unknown || declined {
            prop_assert!(o.level > 0, "{:?}", o);
        }
        prop_assert_eq!(unknown, !o.unknown.is_empty());
        if declined {
            prop_assert_eq!(o.notes.first(), Some(&carelevel::engine::NoteRef::Declined));
        } else if unknown {
            prop_assert_eq!(o.notes.first(), Some(&carelevel::engine::NoteRef::Unknown));
        }
    }

    /// The conditions as the engine compiles them hold exactly when the
    /// conditions as written hold, whether the answers' options are known.
    #[test]
    fn compiled_conditions_agree_with_the_conditions_as_written(p in picks()) {
        let r = rules();
        // Answers with their options known (as the fast readers give
        // them) and without (as a hand-built set): both paths of a test.
        let plain = answers(r, &p);
        let mut indexed = Answers::empty(r);
        for (q, a) in plain.iter() {
            match a {
                Answer::Code(c) => {
                    let o = r.file.questions[q].option(c).unwrap().0;
                    indexed.set_option(q, c.clone(), o);
                }
                other => indexed.set(q, Some(other.clone())),
            }
        }
        for a in [&plain, &indexed] {
            let outcome = evaluate(r, a);
            // Seeing all the answers, and only those of the questions asked.
            let seen: Vec<u8> = a.marks().iter().enumerate()
                .map(|(q, &m)| if outcome.asked.contains(&q) { m } else { carelevel::answers::NONE })
                .collect();
            let all = carelevel::engine::Facts::rated(a, Some(&outcome.ratings));
            for facts in [all, all.seeing(&seen)] {
                let f = &r.file;
                let pairs = f.questions.iter().map(|q| q.when.as_deref()).zip(r.compiled.questions.iter().copied())
                    .chain(f.placement.rules.iter().map(|x| Some(&x.when)).zip(r.compiled.rules.iter().map(|&t| Some(t))))
                    .chain(f.notes.iter().map(|n| n.when.as_deref()).zip(r.compiled.notes.iter().copied()));
                for (cond, t) in pairs {
                    prop_assert_eq!(cond.is_some(), t.is_some());
                    if let (Some(c), Some(t)) = (cond, t) {
                        prop_assert_eq!(
                            carelevel::engine::holds_in(r, c, facts),
                            carelevel::engine::test(r, t, &facts),
                            "{:?}", c
                        );
                    }
                }
            }
        }
    }

    /// Whenever a crisis rule's condition holds, the result is the top level with `crisis: true`.
    #[test]
    fn crisis_means_inpatient(p in picks()) {
        let rules = rules();
        let a = answers(rules, &p);
        let o = evaluate(rules, &a);
        // Conditions see only the answers of questions that were asked.
        let mut asked = Answers::empty(rules);
        for &q in &o.asked {
            asked.set(q, a.get(q).cloned());
        }
        let crisis_holds = rules.file.placement.rules.iter().any(|r| r.crisis && holds(rules, &r.when, &asked));
        prop_assert_eq!(o.crisis, crisis_holds);
        if crisis_holds {
            prop_assert_eq!(rules.file.levels[o.level].id.as_str(), "inpatient");
            let r = report::build(rules, &a, &o, None);
            prop_assert!(r.crisis_message.is_some());
            // First in every format; last too in the text and short reports,
            // so that it is on screen when the person finishes.
            for text in [report::text(&r, Default::default()), report::summary(&r, Default::default(), None)] {
                prop_assert!(text.starts_with("!! CRISIS"));
                let tail = text.lines().rev().take(12).collect::<Vec<_>>().join("\n");
                prop_assert!(tail.contains("!! CRISIS") && tail.contains("988"), "{}", text);
            }
            prop_assert!(report::markdown(&r, Default::default()).starts_with("> **Crisis"));
            let json = report::json(&r);
            prop_assert!(json.starts_with("{\n  \"crisis\": true,\n  \"crisis_message\""), "{}", json);
            prop_assert!(report::yaml(&r).starts_with("crisis: true\ncrisis_message:"));
        }
    }
}

/// The crisis path is reachable at all (the properties above are not vacuous).
#[test]
fn a_plan_to_act_is_a_crisis() {
    let rules = rules();
    let mut a = answers(rules, &vec![0; rules.file.questions.len()]);
    let set = |a: &mut Answers, id: &str, code: &str| {
        a.set(
            rules.question_index(id).unwrap(),
            Some(Answer::Code(code.into())),
        )
    };
    set(&mut a, "self_harm_thoughts", "often");
    set(&mut a, "self_harm_plan", "yes");
    let o = evaluate(rules, &a);
    assert!(o.crisis);
    assert_eq!(rules.file.levels[o.level].id, "inpatient");
}
