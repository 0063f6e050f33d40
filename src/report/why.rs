//! Why a level was recommended, in plain words for the person: what decided
//! it first, then what else counted. Shared by the text, Markdown and short
//! reports, so that they tell the same route.

use super::{rating_word, AnswerOut, Decider, Report, RuleOut};
use crate::rules::model::Respondent;
use crate::words::{self, text as t, Words};

/// One reason, with the person's own answers behind it.
pub struct Reason<'a> {
    pub text: String,
    pub answers: &'a [AnswerOut],
    /// For a reason below the final level: the level it alone calls for.
    pub alone: Option<&'a str>,
}

/// The explanation, in the order it is told.
pub struct Why<'a> {
    /// What set the level: reasons at that level (rules, a declined or
    /// unknown answer).
    pub deciding: Vec<Reason<'a>>,
    /// The ratings' own verdict, when they set the level; else how they
    /// would have placed the person without the deciding reasons.
    pub ratings: String,
    /// Rules that fired at lower levels.
    pub also: Vec<Reason<'a>>,
}

/// Tell why `r` recommends its level.
pub fn explain(r: &Report) -> Why<'_> {
    let w = words::of(&r.lang);
    let e = &r.explanation;
    let mut deciding = Vec::new();
    for d in &e.decided_by {
        match d {
            Decider::Rule { id } => {
                if let Some(rule) = e.rules.iter().find(|x| &x.id == id) {
                    deciding.push(rule_reason(rule, None));
                }
            }
            Decider::Declined | Decider::Unknown => deciding.push(Reason {
                text: {
                    let (id, answers) = match (d, r.respondent) {
                        (Decider::Declined, Respondent::Myself) => {
                            ("declined-self", &e.declined_answers)
                        }
                        (Decider::Declined, Respondent::Other) => {
                            ("declined-other", &e.declined_answers)
                        }
                        (_, Respondent::Myself) => ("unknown-self", &e.unknown_answers),
                        (_, Respondent::Other) => ("unknown-other", &e.unknown_answers),
                    };
                    let titles = quoted_titles(w, answers);
                    let said = w.with(id, &[("titles", t(&titles))]);
                    w.with("declined-floor", &[("declined", t(&said))])
                },
                answers: &[],
                alone: None,
            }),
            Decider::Ratings => {}
        }
    }
    let by_ratings = e.decided_by.contains(&Decider::Ratings);
    // A partial result speaks only of the answers given.
    let ratings = if deciding.is_empty() {
        ratings_sentence(w, r)
    } else if by_ratings {
        w.get(if r.complete {
            "ratings-agree-complete"
        } else {
            "ratings-agree-partial"
        })
    } else {
        w.with(
            if r.complete {
                "without-deciding-complete"
            } else {
                "without-deciding-partial"
            },
            &[
                ("count", words::number(deciding.len())),
                ("level", t(&e.without_deciding)),
            ],
        )
    };
    let also = e
        .rules
        .iter()
        .filter(|x| x.floor != r.level)
        .map(|x| rule_reason(x, Some(&x.floor_name)))
        .collect();
    Why {
        deciding,
        ratings,
        also,
    }
}

fn rule_reason<'a>(rule: &'a RuleOut, alone: Option<&'a str>) -> Reason<'a> {
    Reason {
        text: rule.reason.clone(),
        answers: &rule.answers,
        alone,
    }
}

/// What the ratings alone say, when nothing else set the level.
fn ratings_sentence(w: &Words, r: &Report) -> String {
    let e = &r.explanation;
    if e.basis == "sum" {
        return w.with("ratings-sum", &[("score", words::number(e.score as usize))]);
    }
    let top = e.dimensions.iter().map(|d| d.rating).max().unwrap_or(0);
    if top == 0 {
        return w.get("ratings-none");
    }
    let names: Vec<&str> = e
        .dimensions
        .iter()
        .filter(|d| d.rating == top)
        .map(|d| d.name.as_str())
        .collect();
    let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    let areas = listed(w, &names);
    let rating = rating_word(w, top);
    if e.band_is_lowest {
        // The lowest band: nothing calls for more.
        return w.with(
            "ratings-lowest",
            &[("rating", t(&rating)), ("areas", t(&areas))],
        );
    }
    w.with(
        "ratings-top",
        &[
            ("count", words::number(names.len())),
            ("areas", t(&areas)),
            ("rating", t(&rating)),
        ],
    )
}

/// `A, B and C`, in the words' language.
fn listed(w: &Words, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => w.with(
            "list-and",
            &[("init", t(&init.join(", "))), ("last", t(last))],
        ),
    }
}

/// `"A", "B" and "C"`: titles of answered questions, for sentences.
pub fn quoted_titles(w: &Words, answers: &[AnswerOut]) -> String {
    let titles: Vec<String> = answers
        .iter()
        .map(|a| w.with("quoted", &[("text", words::text(&a.title))]))
        .collect();
    if titles.is_empty() {
        return w.get("a-question");
    }
    listed(w, &titles)
}

/// `Your answer: Title: label`, or a heading for several.
pub fn answers_heading(w: &Words, answers: &[AnswerOut]) -> String {
    w.with("your-answers", &[("count", words::number(answers.len()))])
}

/// `Title: label`.
pub fn cited(a: &AnswerOut) -> String {
    format!("{}: {}", a.title, a.label)
}
