//! Every check a rule file must pass, one function per rule.
//!
//! Each check returns problems pointing at file:line:column with a fix.
//! The engine relies on these: after `check` passes, every id it looks up exists.

mod compare;
mod conditions;
mod ids;
mod placement;
mod questions;
mod texts;

use super::indexed::Rules;
use crate::error::Problem;
use compare::comparison_is_complete;
use conditions::{conditions_are_sound, questions_depend_only_on_earlier_ones};
use ids::{ids_are_unique, ids_are_well_formed};
use placement::{
    bands_cover_every_score, crisis_rules_reach_the_top_level, every_level_is_reachable,
    rules_and_notes_name_known_levels,
};
use questions::{
    declining_is_safe, options_fit_their_question, ratings_name_known_dimensions,
    there_is_something_to_ask,
};
use texts::{
    schema_is_known, texts_are_not_empty, titles_are_short_and_distinct, untranslated,
    variants_are_complete,
};

/// The only schema this version reads.
pub const SCHEMA: &str = "carelevel/v1";

/// Run every check.
pub fn check(rules: &Rules) -> Vec<Problem> {
    let f = &rules.file;
    let s = &rules.source;
    let mut out = Vec::new();
    out.extend(schema_is_known(f, s));
    out.extend(texts_are_not_empty(f, s));
    out.extend(variants_are_complete(f, s));
    out.extend(titles_are_short_and_distinct(f, s));
    out.extend(ids_are_well_formed(f, s));
    out.extend(ids_are_unique(f, s));
    out.extend(there_is_something_to_ask(f, s));
    out.extend(options_fit_their_question(f, s));
    out.extend(ratings_name_known_dimensions(f, s));
    out.extend(conditions_are_sound(f, s));
    out.extend(questions_depend_only_on_earlier_ones(f, s));
    out.extend(bands_cover_every_score(f, s));
    out.extend(rules_and_notes_name_known_levels(f, s));
    out.extend(crisis_rules_reach_the_top_level(f, s));
    out.extend(every_level_is_reachable(f, s));
    out.extend(declining_is_safe(f, s));
    out.extend(comparison_is_complete(f, s));
    out
}

/// What is allowed but likely a slip: said by `check`, never fatal.
pub fn warnings(rules: &Rules) -> Vec<Problem> {
    untranslated(&rules.file, &rules.source)
}

#[cfg(test)]
mod tests;
