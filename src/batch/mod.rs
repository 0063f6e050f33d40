//! `carelevel batch`: records in, one result per record out. This module
//! reads, scores, counts and renders; `run::batch` moves the bytes and
//! spreads chunks of records over the cores.

pub mod read;
pub mod score;
pub mod tally;
pub mod write;

use crate::engine::Outcome;
use crate::rules::Rules;
use crate::settings::BatchFormat;

pub use read::{Chunk, Field, Lines, Raw, Record};
pub use score::{Column, Side};
pub use tally::Tally;
pub use write::Target;

/// How every record of a run is scored and written.
pub struct Job<'r> {
    /// The input's name, for messages.
    pub name: String,
    pub new: Side<'r>,
    /// `--full`: the wordings of the new rules.
    pub target: Target<'r>,
    pub old: Option<Side<'r>>,
    pub format: BatchFormat,
    pub full: bool,
    /// When the run started: the date of every FHIR resource it writes.
    pub when: String,
    pub changed_only: bool,
    pub fail_fast: bool,
}

/// A chunk of records, scored and rendered.
#[derive(Debug, Default)]
pub struct Done {
    pub bytes: Vec<u8>,
    pub tally: Tally,
    /// `--fail-fast` and a record failed: it is the last one in `bytes`.
    pub stop: bool,
}

impl Job<'_> {
    /// Score and render `records`, in order.
    pub fn process(&self, chunk: &Chunk) -> Done {
        let records = &chunk.records;
        let old_rules = self.old.as_ref().map(|s| s.rules);
        let mut done = Done {
            bytes: Vec::with_capacity(records.len() * 512),
            tally: Tally::new(self.new.rules, old_rules),
            stop: false,
        };
        // One outcome for each side, filled record after record: its
        // lists keep their room instead of being allocated every time.
        let (mut spare_new, mut spare_old) = (Outcome::default(), Outcome::default());
        for record in records {
            let new = score::score_into(
                &self.new,
                &self.name,
                record,
                &chunk.text,
                std::mem::take(&mut spare_new),
            );
            let old = self.old.as_ref().map(|side| {
                score::score_into(
                    side,
                    &self.name,
                    record,
                    &chunk.text,
                    std::mem::take(&mut spare_old),
                )
            });
            let changed = done.tally.count(&new, old.as_ref());
            let row = write::Row {
                line: record.line,
                new: &new,
                old: old.as_ref(),
            };
            // An error record is never left out.
            if !self.changed_only || changed || new.is_err() {
                match self.format {
                    BatchFormat::Jsonl => {
                        write::jsonl(&mut done.bytes, &row, &self.target, old_rules, self.full)
                    }
                    BatchFormat::Csv => {
                        write::csv(&mut done.bytes, &row, self.new.rules, old_rules)
                    }
                    BatchFormat::Fhir => {
                        write::fhir(&mut done.bytes, &row, &self.target, &self.when)
                    }
                }
            }
            if self.fail_fast && new.is_err() {
                done.stop = true;
                break;
            }
            if let Ok(scored) = new {
                spare_new = scored.outcome;
            }
            if let Some(Ok(scored)) = old {
                spare_old = scored.outcome;
            }
        }
        done
    }
}

/// The columns of a CSV header under `rules`, or what is wrong with it.
pub fn header(
    rules: &Rules,
    name: &str,
    fields: &[Field],
) -> Result<Vec<Column>, Vec<crate::error::Problem>> {
    let (columns, problems) = score::columns(rules, name, fields);
    if problems.is_empty() {
        Ok(columns)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests;
