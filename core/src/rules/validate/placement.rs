//! Placement: bands, floor rules, and whether every level can be reached.

use std::collections::{BTreeSet, HashSet};

use super::super::model::{Band, Basis, RuleFile, MAX_RATING};
use crate::error::Problem;
use crate::source::{join, Source};
use crate::suggest;

/// Highest score the bands must cover.
pub fn max_score(f: &RuleFile) -> u32 {
    match f.placement.basis {
        Basis::Max => u32::from(MAX_RATING),
        Basis::Sum => u32::from(MAX_RATING) * f.dimensions.len() as u32,
    }
}

pub(super) fn bands_cover_every_score(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let levels: Vec<&str> = f.levels.iter().map(|l| l.id.as_str()).collect();
    let top = max_score(f);
    let mut out = Vec::new();
    let mut bands: Vec<(usize, &Band)> = f.placement.bands.iter().enumerate().collect();
    for (i, b) in &bands {
        let path = format!("placement.bands[{i}]");
        if !levels.contains(&b.level.as_str()) {
            out.push(
                Problem::new(format!("unknown level `{}` in a band", b.level))
                    .at(s.value(&join(&path, "level")))
                    .help(suggest::help(&b.level, "levels", levels.iter().copied())),
            );
        }
        if b.from > b.to {
            out.push(
                Problem::new(format!("band `from: {}` is above `to: {}`", b.from, b.to))
                    .at(s.value(&join(&path, "from")))
                    .help("swap them"),
            );
        }
    }
    bands.sort_by_key(|(_, b)| (b.from, b.to));
    let mut next = 0u32;
    let mut last_rank = 0usize;
    for (i, b) in &bands {
        let path = format!("placement.bands[{i}]");
        if b.from > next {
            out.push(
                Problem::new(format!("no band covers scores {next} to {}", b.from - 1))
                    .at(s.value(&join(&path, "from")))
                    .help(format!(
                        "start this band at {next}, or add a band for the gap"
                    )),
            );
        } else if b.from < next {
            out.push(
                Problem::new(format!(
                    "band {}–{} overlaps the band before it, which ends at {}",
                    b.from,
                    b.to,
                    next - 1
                ))
                .at(s.value(&join(&path, "from")))
                .help(format!("start this band at {next}")),
            );
        }
        if let Some(rank) = levels.iter().position(|l| *l == b.level) {
            if rank < last_rank {
                out.push(Problem::new(format!("band {}–{} gives `{}`, a less intensive level than a lower band", b.from, b.to, b.level))
                    .at(s.value(&join(&path, "level")))
                    .help("a higher score must never give a lower level: order bands from least to most intensive"));
            }
            last_rank = last_rank.max(rank);
        }
        next = next.max(b.to.saturating_add(1));
    }
    if !bands.is_empty() && next <= top {
        out.push(
            Problem::new(format!("no band covers scores {next} to {top}"))
                .at(s.key("placement.bands"))
                .help(format!(
                    "the last band must end at {top}, the highest possible score"
                )),
        );
    } else if next > top + 1 {
        out.push(
            Problem::new(format!(
                "bands reach score {}, but the highest possible score is {top}",
                next - 1
            ))
            .at(s.key("placement.bands"))
            .help(format!("end the last band at {top}")),
        );
    }
    out
}

pub(super) fn rules_and_notes_name_known_levels(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let levels: Vec<&str> = f.levels.iter().map(|l| l.id.as_str()).collect();
    let mut refs: Vec<(String, &str, String)> = Vec::new();
    for (i, r) in f.placement.rules.iter().enumerate() {
        refs.push((
            format!("placement.rules[{i}].floor"),
            &r.floor,
            format!("rule `{}`", r.id),
        ));
    }
    for (i, n) in f.notes.iter().enumerate() {
        for (j, l) in n.levels.iter().enumerate() {
            refs.push((
                format!("notes[{i}].levels[{j}]"),
                l,
                format!("note `{}`", n.id),
            ));
        }
    }
    if let Some(d) = &f.declined {
        refs.push(("declined.floor".into(), &d.floor, "`declined`".into()));
    }
    if let Some(d) = &f.unknown {
        refs.push(("unknown.floor".into(), &d.floor, "`unknown`".into()));
    }
    refs.into_iter()
        .filter(|(_, l, _)| !levels.contains(l))
        .map(|(path, l, owner)| {
            Problem::new(format!("unknown level `{l}` in {owner}"))
                .cause(format!("unknown level `{l}`"))
                .at(s.value(&path))
                .help(suggest::help(l, "levels", levels.iter().copied()))
        })
        .collect()
}

pub(super) fn crisis_rules_reach_the_top_level(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let Some(top) = f.levels.last() else {
        return vec![];
    };
    f.placement
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.crisis && r.floor != top.id && f.levels.iter().any(|l| l.id == r.floor))
        .map(|(i, r)| {
            Problem::new(format!(
                "crisis rule `{}` sets floor `{}`, below the most intensive level `{}`",
                r.id, r.floor, top.id
            ))
            .at(s.value(&format!("placement.rules[{i}].floor")))
            .help(format!(
                "a crisis must always lead to `{}`: set `floor: {}`",
                top.id, top.id
            ))
        })
        .collect()
}

pub(super) fn every_level_is_reachable(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let scores = achievable_scores(f);
    let mut reached: HashSet<&str> = f
        .placement
        .bands
        .iter()
        .filter(|b| b.from <= b.to && scores.range(b.from..=b.to).next().is_some())
        .map(|b| b.level.as_str())
        .collect();
    reached.extend(f.placement.rules.iter().map(|r| r.floor.as_str()));
    reached.extend(
        f.declined
            .iter()
            .chain(&f.unknown)
            .map(|d| d.floor.as_str()),
    );
    let possible = scores
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    f.levels
        .iter()
        .enumerate()
        .filter(|(_, l)| !reached.contains(l.id.as_str()))
        .map(|(i, l)| {
            Problem::new(format!("level `{}` can never be recommended", l.id))
                .at(s.value(&format!("levels[{i}].id")))
                .help(format!(
                    "give it a band that covers a score the answers can give ({possible}), or a floor rule, or remove it"
                ))
        })
        .collect()
}

/// Every score the answers could possibly give (a superset: each
/// dimension's rating is 0 or a rating some option gives it).
pub(super) fn achievable_scores(f: &RuleFile) -> BTreeSet<u32> {
    let per_dimension: Vec<BTreeSet<u32>> = f
        .dimensions
        .iter()
        .map(|d| {
            let mut values = BTreeSet::from([0]);
            for o in f.questions.iter().flat_map(|q| &q.options) {
                if let Some(&r) = o.rate.get(&d.id) {
                    values.insert(u32::from(r.min(MAX_RATING)));
                }
            }
            values
        })
        .collect();
    match f.placement.basis {
        Basis::Max => per_dimension.into_iter().flatten().chain([0]).collect(),
        Basis::Sum => per_dimension
            .iter()
            .fold(BTreeSet::from([0]), |sums, values| {
                sums.iter()
                    .flat_map(|s| values.iter().map(move |v| s + v))
                    .collect()
            }),
    }
}
