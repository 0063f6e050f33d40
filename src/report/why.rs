//! Why a level was recommended, in plain words for the person: what decided
//! it first, then what else counted. Shared by the text, Markdown and short
//! reports, so that they tell the same route.

use super::{rating_word, AnswerOut, Decider, Report, RuleOut};
use crate::rules::model::Respondent;

/// One reason, with the person's own answers behind it.
pub struct Reason<'a> {
    pub text: String,
    pub answers: &'a [AnswerOut],
    /// For a reason below the final level: the level it alone calls for.
    pub alone: Option<&'a str>,
}

/// The explanation, in the order it is told.
pub struct Why<'a> {
    /// What set the level: reasons at that level (rules, a declined answer).
    pub deciding: Vec<Reason<'a>>,
    /// The ratings' own verdict, when they set the level; else how they
    /// would have placed the person without the deciding reasons.
    pub ratings: String,
    /// Rules that fired at lower levels.
    pub also: Vec<Reason<'a>>,
}

/// Tell why `r` recommends its level.
pub fn explain(r: &Report) -> Why<'_> {
    let e = &r.explanation;
    let mut deciding = Vec::new();
    for d in &e.decided_by {
        match d {
            Decider::Rule { id } => {
                if let Some(rule) = e.rules.iter().find(|x| &x.id == id) {
                    deciding.push(rule_reason(rule, None));
                }
            }
            Decider::Declined => deciding.push(Reason {
                text: format!(
                    "{} Because safety could not be checked, this screen suggests no less than this level.",
                    match r.respondent {
                        Respondent::Myself => format!(
                            "You preferred not to answer {}.",
                            quoted_titles(&e.declined_answers)
                        ),
                        Respondent::Other => format!(
                            "You did not know, or preferred not to say, the answer to {}.",
                            quoted_titles(&e.declined_answers)
                        ),
                    }
                ),
                answers: &[],
                alone: None,
            }),
            Decider::Ratings => {}
        }
    }
    let by_ratings = e.decided_by.contains(&Decider::Ratings);
    // A partial result speaks only of the answers given.
    let overall = if r.complete {
        "your answers overall"
    } else {
        "the answers given"
    };
    let ratings = if deciding.is_empty() {
        ratings_sentence(r)
    } else if by_ratings {
        format!("{} point to this level too.", capitalized(overall))
    } else {
        format!(
            "Without {}, {overall} would point to: {}.",
            if deciding.len() == 1 { "this" } else { "these" },
            e.without_deciding
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

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// What the ratings alone say, when nothing else set the level.
fn ratings_sentence(r: &Report) -> String {
    let e = &r.explanation;
    if e.basis == "sum" {
        return format!(
            "Your ratings add up to {}, and that total points to this level of care.",
            e.score
        );
    }
    let top = e.dimensions.iter().map(|d| d.rating).max().unwrap_or(0);
    if top == 0 {
        return "None of your answers points to a concern that needs more than this level of care."
            .to_owned();
    }
    let names: Vec<&str> = e
        .dimensions
        .iter()
        .filter(|d| d.rating == top)
        .map(|d| d.name.as_str())
        .collect();
    let areas = match names.as_slice() {
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => String::new(),
    };
    if e.band_is_lowest {
        // The lowest band: nothing calls for more.
        return format!(
            "Your answers show {} concerns at most ({areas}), and nothing that calls for more than this level of care.",
            rating_word(top)
        );
    }
    format!(
        "The most serious {} in your answers {} {areas}, rated {}, which points to this level of care.",
        if names.len() == 1 { "concern" } else { "concerns" },
        if names.len() == 1 { "is" } else { "are" },
        rating_word(top),
    )
}

/// `"A", "B" and "C"`: titles of answered questions, for sentences.
pub fn quoted_titles(answers: &[AnswerOut]) -> String {
    let titles: Vec<String> = answers.iter().map(|a| format!("\"{}\"", a.title)).collect();
    match titles.as_slice() {
        [] => "a question".to_owned(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `Your answer: Title: label`, or a heading for several.
pub fn answers_heading(answers: &[AnswerOut]) -> &'static str {
    if answers.len() == 1 {
        "Your answer:"
    } else {
        "Your answers:"
    }
}

/// `Title: label`.
pub fn cited(a: &AnswerOut) -> String {
    format!("{}: {}", a.title, a.label)
}
