//! The engine: rules + answers → outcome. Pure; knows nothing of mental
//! health, terminals or files.

mod conditions;
mod place;
mod score;

pub use conditions::{because, holds, holds_in, test, Facts};
pub use score::{asked, chosen, effective, Driver, Rating};

use crate::answers::Answers;
use crate::rules::Rules;

/// A note shown beside the level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteRef {
    /// The rule file's `declined` note.
    Declined,
    /// The rule file's `unknown` note.
    Unknown,
    /// `notes[i]`.
    Note(usize),
}

/// Everything the engine concluded, by index into the rule file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The recommended level (index into `levels`).
    pub level: usize,
    /// The level the bands alone gave.
    pub band_level: usize,
    /// The score the bands were read at.
    pub score: u32,
    /// A crisis rule fired.
    pub crisis: bool,
    /// One rating per dimension, in file order.
    pub ratings: Vec<Rating>,
    /// Indices of the placement rules that fired.
    pub fired: Vec<usize>,
    /// Questions answered with a declining option.
    pub declined: Vec<usize>,
    /// Safety questions answered "I don't know".
    pub unknown: Vec<usize>,
    pub notes: Vec<NoteRef>,
    /// Questions asked, in order.
    pub asked: Vec<usize>,
    /// Required questions asked but not answered.
    pub missing: Vec<usize>,
    /// Questions answered but not asked (their answers were ignored).
    pub ignored: Vec<usize>,
}

/// For each rule that fired in `outcome` (same order), the questions whose
/// answers made it fire: what a report cites. Kept out of [`evaluate`],
/// which batch scoring and `check` call far more often than reports are made.
pub fn because_fired(rules: &Rules, answers: &Answers, outcome: &Outcome) -> Vec<Vec<usize>> {
    let effective = effective(rules, answers, &outcome.asked);
    let facts = Facts::rated(&effective, Some(&outcome.ratings));
    outcome
        .fired
        .iter()
        .map(|&r| because(rules, &rules.file.placement.rules[r].when, facts))
        .collect()
}

/// Score `answers` against `rules`. Missing answers are reported in
/// [`Outcome::missing`]; the caller decides whether that is an error.
pub fn evaluate(rules: &Rules, answers: &Answers) -> Outcome {
    let mut out = Outcome::default();
    evaluate_into(rules, answers, &mut out);
    out
}

/// [`evaluate`] into `out`, whatever it held, keeping the room of its
/// lists: what batch scoring calls for every record, with one outcome per
/// worker.
pub fn evaluate_into(rules: &Rules, answers: &Answers, out: &mut Outcome) {
    score::asked_into(rules, answers, &mut out.asked, &mut out.ignored);
    // Only the answers of asked questions count; most often that is all of them.
    let effective = if out.ignored.is_empty() {
        std::borrow::Cow::Borrowed(answers)
    } else {
        std::borrow::Cow::Owned(score::effective(rules, answers, &out.asked))
    };
    let effective: &Answers = &effective;
    score::rate_into(rules, effective, &mut out.ratings);
    let lists = place::Lists {
        fired: &mut out.fired,
        declined: &mut out.declined,
        unknown: &mut out.unknown,
    };
    let placed = place::place(rules, effective, &out.ratings, lists);
    place::notes(
        rules,
        Facts::rated(effective, Some(&out.ratings)),
        placed.level,
        !out.declined.is_empty(),
        !out.unknown.is_empty(),
        &mut out.notes,
    );
    out.missing.clear();
    out.missing.extend(
        out.asked
            .iter()
            .copied()
            .filter(|&q| rules.file.questions[q].required && effective.get(q).is_none()),
    );
    out.level = placed.level;
    out.band_level = placed.band_level;
    out.score = placed.score;
    out.crisis = placed.crisis;
}
