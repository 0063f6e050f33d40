//! Counting a run: records, levels, crisis answers, and the old → new
//! table of a rule change. Tallies of chunks add up, so a worker counts its
//! own chunk and the writer adds them; a reader adds the JSON summaries of
//! runs over parts of an input the same way.

use serde::Serialize;

use crate::rules::Rules;

use super::score::Verdict;

/// What one rule file made of the records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub scored: u64,
    pub failed: u64,
    /// Records with a crisis answer (scored, or failed with one among the
    /// answers that could be read).
    pub crisis: u64,
    /// Scored records by level index.
    pub levels: Vec<u64>,
}

impl Counts {
    fn new(levels: usize) -> Self {
        Counts {
            levels: vec![0; levels],
            ..Counts::default()
        }
    }

    fn count(&mut self, v: &Verdict) {
        match v {
            Ok(s) => {
                self.scored += 1;
                self.levels[s.outcome.level] += 1;
                self.crisis += u64::from(s.outcome.crisis);
            }
            Err(f) => {
                self.failed += 1;
                self.crisis += u64::from(f.crisis);
            }
        }
    }

    fn add(&mut self, other: &Counts) {
        self.scored += other.scored;
        self.failed += other.failed;
        self.crisis += other.crisis;
        for (a, b) in self.levels.iter_mut().zip(&other.levels) {
            *a += b;
        }
    }
}

/// The baseline's counts and how records moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub counts: Counts,
    /// `moved[old][new]`: records scored under both, by old and new level.
    pub moved: Vec<Vec<u64>>,
    /// Crisis under the new rules only.
    pub became_crisis: u64,
    /// Crisis under the old rules only.
    pub no_longer_crisis: u64,
    /// Scored under both, with another level or crisis flag.
    pub changed: u64,
}

/// Everything counted in a run, or a part of one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub read: u64,
    pub counts: Counts,
    pub baseline: Option<Change>,
}

impl Tally {
    pub fn new(rules: &Rules, baseline: Option<&Rules>) -> Self {
        let levels = rules.file.levels.len();
        Tally {
            read: 0,
            counts: Counts::new(levels),
            baseline: baseline.map(|old| Change {
                counts: Counts::new(old.file.levels.len()),
                moved: vec![vec![0; levels]; old.file.levels.len()],
                ..Change::default()
            }),
        }
    }

    /// Count one record; whether it changed under the baseline.
    pub fn count(&mut self, new: &Verdict, old: Option<&Verdict>) -> bool {
        self.read += 1;
        self.counts.count(new);
        let (Some(change), Some(old)) = (&mut self.baseline, old) else {
            return false;
        };
        change.counts.count(old);
        match (old, new) {
            (Ok(o), Ok(n)) => {
                change.moved[o.outcome.level][n.outcome.level] += 1;
                match (o.outcome.crisis, n.outcome.crisis) {
                    (false, true) => change.became_crisis += 1,
                    (true, false) => change.no_longer_crisis += 1,
                    _ => {}
                }
                let changed =
                    o.outcome.level != n.outcome.level || o.outcome.crisis != n.outcome.crisis;
                change.changed += u64::from(changed);
                changed
            }
            // One rule file could score it and the other could not.
            (Ok(_), Err(_)) | (Err(_), Ok(_)) => true,
            (Err(_), Err(_)) => false,
        }
    }

    pub fn add(&mut self, other: &Tally) {
        self.read += other.read;
        self.counts.add(&other.counts);
        if let (Some(a), Some(b)) = (&mut self.baseline, &other.baseline) {
            a.counts.add(&b.counts);
            for (ra, rb) in a.moved.iter_mut().zip(&b.moved) {
                for (x, y) in ra.iter_mut().zip(rb) {
                    *x += y;
                }
            }
            a.became_crisis += b.became_crisis;
            a.no_longer_crisis += b.no_longer_crisis;
            a.changed += b.changed;
        }
    }
}

/// The summary as one JSON object (`--summary json`): counts that add up
/// across runs over parts of an input, and the time taken.
pub fn json(tally: &Tally, rules: &Rules, old: Option<&Rules>, seconds: f64) -> String {
    use indexmap::IndexMap;
    #[derive(Serialize)]
    struct CountsOut<'a> {
        scored: u64,
        failed: u64,
        crisis: u64,
        levels: IndexMap<&'a str, u64>,
    }
    #[derive(Serialize)]
    struct ChangeOut<'a> {
        rules: crate::report::RulesRef,
        #[serde(flatten)]
        counts: CountsOut<'a>,
        /// old level → new level → records.
        moved: IndexMap<&'a str, IndexMap<&'a str, u64>>,
        became_crisis: u64,
        no_longer_crisis: u64,
        changed: u64,
    }
    #[derive(Serialize)]
    struct Summary<'a> {
        records: u64,
        crisis: u64,
        scored: u64,
        failed: u64,
        levels: IndexMap<&'a str, u64>,
        rules: crate::report::RulesRef,
        #[serde(skip_serializing_if = "Option::is_none")]
        baseline: Option<ChangeOut<'a>>,
        seconds: f64,
        records_per_second: f64,
    }
    #[derive(Serialize)]
    struct Wrapper<'a> {
        summary: Summary<'a>,
    }
    fn levels<'a>(rules: &'a Rules, counts: &Counts) -> IndexMap<&'a str, u64> {
        rules
            .file
            .levels
            .iter()
            .map(|l| l.id.as_str())
            .zip(counts.levels.iter().copied())
            .collect()
    }
    fn rules_ref(r: &Rules) -> crate::report::RulesRef {
        crate::report::RulesRef {
            id: r.file.id.clone(),
            version: r.file.version.clone(),
            sha256: r.sha256.clone(),
        }
    }
    let baseline = match (&tally.baseline, old) {
        (Some(c), Some(old)) => Some(ChangeOut {
            rules: rules_ref(old),
            counts: CountsOut {
                scored: c.counts.scored,
                failed: c.counts.failed,
                crisis: c.counts.crisis,
                levels: levels(old, &c.counts),
            },
            moved: old
                .file
                .levels
                .iter()
                .zip(&c.moved)
                .map(|(o, row)| {
                    (
                        o.id.as_str(),
                        levels(
                            rules,
                            &Counts {
                                levels: row.clone(),
                                ..Counts::default()
                            },
                        ),
                    )
                })
                .collect(),
            became_crisis: c.became_crisis,
            no_longer_crisis: c.no_longer_crisis,
            changed: c.changed,
        }),
        _ => None,
    };
    let summary = Wrapper {
        summary: Summary {
            records: tally.read,
            crisis: tally.counts.crisis,
            scored: tally.counts.scored,
            failed: tally.counts.failed,
            levels: levels(rules, &tally.counts),
            rules: rules_ref(rules),
            baseline,
            seconds: (seconds * 1000.0).round() / 1000.0,
            records_per_second: rate(tally.read, seconds).round(),
        },
    };
    let mut s = serde_json::to_string(&summary).expect("a summary always serializes");
    s.push('\n');
    s
}

fn rate(records: u64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        records as f64 / seconds
    } else {
        0.0
    }
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    crate::source::thousands(usize::try_from(n).unwrap_or(usize::MAX))
}

/// How the summary in words is laid out.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// Draw the levels as a small horizontal bar chart (for a terminal).
    pub bars: bool,
    /// The terminal's width: every line fits it (prose wraps at words).
    pub width: Option<usize>,
    /// How the output marks a crisis and an error, in its format.
    pub format: crate::settings::BatchFormat,
}

/// The summary in words, for standard error.
pub fn text(
    tally: &Tally,
    rules: &Rules,
    old: Option<&Rules>,
    seconds: f64,
    layout: Layout,
) -> String {
    use crate::settings::BatchFormat;
    let width = layout.width.unwrap_or(usize::MAX).max(40);
    let say = |out: &mut String, line: String| {
        if width == usize::MAX {
            out.push_str(&line);
        } else {
            out.push_str(&crate::report::wrap_text_from(&line, width, 0, "  "));
        }
        out.push('\n');
    };
    let mut out = String::new();
    let c = &tally.counts;
    let (crisis_mark, error_mark) = match layout.format {
        BatchFormat::Jsonl => ("\"crisis\": true", "the records with \"error\""),
        BatchFormat::Csv => ("`true` in the crisis column", "the rows with an error"),
        BatchFormat::Fhir => (
            "an Observation interpreted `AA`, critical",
            "the OperationOutcome lines",
        ),
    };
    // A crisis comes first, whatever else the run found.
    if c.crisis > 0 {
        say(
            &mut out,
            format!(
                "CRISIS: {} {} a crisis answer ({crisis_mark} in the output). Reach {} today; the crisis message of the rules says where to turn.",
                thousands(c.crisis),
                if c.crisis == 1 { "record has" } else { "records have" },
                if c.crisis == 1 { "that person" } else { "each person" },
            ),
        );
    }
    let source = |r: &Rules| match r.source.name.as_str() {
        crate::rules::BUILTIN_NAME => "built in".to_owned(),
        name => name.to_owned(),
    };
    let named = |r: &Rules| format!("`{}` {} ({})", r.file.id, r.file.version, source(r));
    say(
        &mut out,
        match old {
            Some(old) => format!("Rules: {}; baseline: {}", named(rules), named(old)),
            None => format!("Rules: {}", named(rules)),
        },
    );
    say(
        &mut out,
        format!(
            "{} {} read: {} scored, {} could not be scored{}",
            thousands(tally.read),
            if tally.read == 1 { "record" } else { "records" },
            thousands(c.scored),
            thousands(c.failed),
            if c.failed > 0 {
                format!(" (see {error_mark})")
            } else {
                String::new()
            }
        ),
    );
    out.push_str(&chart(rules, &c.levels, c.scored, layout.bars, width));
    if let (Some(change), Some(old)) = (&tally.baseline, old) {
        out.push_str(&transitions(change, rules, old));
    }
    say(
        &mut out,
        format!(
            "{:.2} s, {} records/s",
            seconds,
            thousands(rate(tally.read, seconds).round() as u64)
        ),
    );
    out
}

/// Levels, most intensive first, with counts and shares; the bars as wide
/// as `width` allows (at most 30 columns; none below 5).
fn chart(rules: &Rules, levels: &[u64], scored: u64, bars: bool, width: usize) -> String {
    let names: Vec<&str> = rules.file.levels.iter().map(|l| l.name.trim()).collect();
    let name_width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    // "  name  " + bar + " " + count (9) + " (100.0%)" (9).
    let room = width.saturating_sub(name_width + 4 + 1 + 9 + 9);
    let bar_width = room.min(30) as u64;
    let bars = bars && bar_width >= 5;
    let most = levels.iter().copied().max().unwrap_or(0).max(1);
    let mut out = String::new();
    for (i, name) in names.iter().enumerate().rev() {
        let n = levels[i];
        let share = if scored > 0 {
            100.0 * n as f64 / scored as f64
        } else {
            0.0
        };
        let bar = if bars {
            let eighths = (n * bar_width * 8).div_ceil(most);
            let mut b = "█".repeat((eighths / 8) as usize);
            if eighths % 8 > 0 {
                b.push([' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][(eighths % 8) as usize]);
            }
            format!("{b:<width$} ", width = bar_width as usize)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "  {name:<name_width$}  {bar}{:>9} ({share:.1}%)\n",
            thousands(n)
        ));
    }
    out
}

/// The old → new table of a rule change.
fn transitions(change: &Change, rules: &Rules, old: &Rules) -> String {
    let new_ids: Vec<&str> = rules.file.levels.iter().map(|l| l.id.as_str()).collect();
    let old_ids: Vec<&str> = old.file.levels.iter().map(|l| l.id.as_str()).collect();
    let both: u64 = change.moved.iter().flatten().sum();
    let mut out = format!(
        "Under the baseline rules `{}` {}: {} scored, {} could not be scored\n",
        old.file.id,
        old.file.version,
        thousands(change.counts.scored),
        thousands(change.counts.failed),
    );
    out.push_str(&format!(
        "Baseline → new level, {} records scored under both ({} changed):\n",
        thousands(both),
        thousands(change.changed)
    ));
    let first = old_ids
        .iter()
        .map(|i| i.chars().count())
        .max()
        .unwrap_or(0)
        .max("baseline".len());
    let widths: Vec<usize> = new_ids
        .iter()
        .enumerate()
        .map(|(j, id)| {
            let widest = change
                .moved
                .iter()
                .map(|row| thousands(row[j]).len())
                .max()
                .unwrap_or(1);
            id.chars().count().max(widest)
        })
        .collect();
    out.push_str(&format!("  {:<first$}", "baseline"));
    for (id, w) in new_ids.iter().zip(&widths) {
        out.push_str(&format!("  {id:>w$}"));
    }
    out.push('\n');
    for (o, row) in old_ids.iter().zip(&change.moved) {
        out.push_str(&format!("  {o:<first$}"));
        for (n, w) in row.iter().zip(&widths) {
            out.push_str(&format!("  {:>w$}", thousands(*n)));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "Crisis: {} newly flagged, {} no longer flagged\n",
        thousands(change.became_crisis),
        thousands(change.no_longer_crisis)
    ));
    out
}
