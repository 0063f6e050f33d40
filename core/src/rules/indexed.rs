//! A rule file that passed every check, indexed for the engine: [`Rules`].
//! Reading and checking one is [`crate::load`]'s job.

use std::collections::HashMap;

use super::fnv::Fnv;

/// Ids by name (see [`Fnv`]). A name borrowed from the baked rules is
/// copied as a reference.
type Ids = HashMap<Name, usize, Fnv>;

use super::model::{Condition, Name, Question, RuleFile};
use crate::source::Source;

/// How the built-in rules are named in messages.
pub const BUILTIN_NAME: &str = "<built-in rules/default.yaml>";

/// The text of the built-in rules.
pub const BUILTIN_TEXT: &str = include_str!("../../../rules/default.yaml");

/// A rule file that passed every check, with lookups the engine needs.
#[derive(Debug, Clone)]
pub struct Rules {
    pub file: RuleFile,
    pub source: Source,
    /// Hex SHA-256 of the file's bytes, so a result names exactly the rules it used.
    pub sha256: String,
    /// The respondent and language every text is worded for, when only
    /// that wording is kept (the baked built-in rules); `None` when the
    /// texts keep all their variants.
    pub worded_for: Option<super::text::Variant>,
    /// The language the texts in use are in (the file's default language
    /// until another is selected).
    pub lang: String,
    questions: Ids,
    levels: Ids,
    dimensions: Ids,
    /// For each question and option, the ratings it gives, by dimension index.
    rates: Vec<Vec<Vec<(usize, u8)>>>,
    /// For each note, the ranks of the levels it is shown at (any when empty).
    note_levels: Vec<Vec<usize>>,
    /// Every condition, compiled for the engine.
    pub compiled: super::compiled::Compiled,
}

impl Rules {
    /// Index a rule file (checked or about to be) for the engine.
    pub(crate) fn index(mut file: RuleFile, source: Source, sha256: String) -> Rules {
        let questions = ids(file.questions.iter().map(|q| &q.id));
        let levels = ids(file.levels.iter().map(|l| &l.id));
        let dimensions = ids(file.dimensions.iter().map(|d| &d.id));
        // A question's own condition is taken out while it is resolved
        // against the questions (whose scales give `at_least` its rank).
        for i in 0..file.questions.len() {
            if let Some(mut c) = file.questions[i].when.take() {
                resolve(&mut c, &file.questions, &questions, &dimensions);
                file.questions[i].when = Some(c);
            }
        }
        let conditions = file
            .placement
            .rules
            .iter_mut()
            .map(|r| &mut r.when)
            .chain(file.notes.iter_mut().filter_map(|n| n.when.as_deref_mut()));
        for c in conditions {
            resolve(c, &file.questions, &questions, &dimensions);
        }
        let rates = file
            .questions
            .iter()
            .map(|q| {
                q.options
                    .iter()
                    .map(|o| {
                        o.rate
                            .iter()
                            .filter_map(|(dim, &v)| dimensions.get(dim.as_str()).map(|&d| (d, v)))
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let note_levels = file
            .notes
            .iter()
            .map(|n| {
                n.levels
                    .iter()
                    .filter_map(|l| levels.get(l.as_str()).copied())
                    .collect()
            })
            .collect();
        let compiled = super::compiled::Compiled::new(
            &file.questions,
            file.placement.rules.iter().map(|r| &r.when),
            file.notes.iter().map(|n| n.when.as_deref()),
        );
        Rules {
            compiled,
            lang: file.language.clone(),
            file,
            source,
            sha256,
            worded_for: None,
            note_levels,
            questions,
            levels,
            dimensions,
            rates,
        }
    }

    /// Whether note `note` is shown beside the level of rank `level`.
    pub fn note_at(&self, note: usize, level: usize) -> bool {
        self.note_levels
            .get(note)
            .is_none_or(|l| l.is_empty() || l.contains(&level))
    }

    /// Index of dimension `id`, which is also its place in the ratings.
    pub fn dimension_index(&self, id: &str) -> Option<usize> {
        self.dimensions.get(id).copied()
    }

    /// The ratings option `option` of question `question` gives, as
    /// (dimension index, rating).
    pub fn rates(&self, question: usize, option: usize) -> &[(usize, u8)] {
        self.rates
            .get(question)
            .and_then(|q| q.get(option))
            .map_or(&[], Vec::as_slice)
    }

    /// Index of question `id` in asking order.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.get(id).copied()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|i| &self.file.questions[i])
    }

    /// Rank of level `id`, 0 = least intensive.
    pub fn level_rank(&self, id: &str) -> Option<usize> {
        self.levels.get(id).copied()
    }
}

/// Fill in the index each condition in `c` names.
fn resolve(c: &mut Condition, all: &[Question], questions: &Ids, dimensions: &Ids) {
    let (named, rank) = match (&c.answer, &c.dimension) {
        (Some(q), _) => {
            let index = questions.get(q.as_str()).copied();
            let threshold = c.at_least.as_ref().or(c.at_most.as_ref());
            let rank = index.zip(threshold).and_then(|(i, v)| all[i].rank_of(v));
            (index, rank)
        }
        (None, Some(d)) => (dimensions.get(d.as_str()).copied(), None),
        (None, None) => (None, None),
    };
    c.target.set(named, rank);
    let inner = c
        .all
        .iter_mut()
        .chain(&mut c.any)
        .chain(&mut c.of)
        .flatten();
    for s in inner.chain(c.not.as_deref_mut()) {
        resolve(s, all, questions, dimensions);
    }
}

/// First index wins, so duplicate ids (reported by validation) do not shift lookups.
fn ids<'a>(items: impl Iterator<Item = &'a Name>) -> Ids {
    let mut map = Ids::default();
    for (i, id) in items.enumerate() {
        map.entry(id.clone()).or_insert(i);
    }
    map
}
