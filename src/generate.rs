//! Random, valid answer sets for any rule file: the input of benchmarks,
//! of tests that compare batch with `screen`, and of `carelevel generate`.
//!
//! Each set answers the questions its own earlier answers make apply
//! (following `when`), as the guided questionnaire would. Most sets answer
//! mildly; some severely (crisis answers among them); a few decline a
//! question, give the lowest or highest number a question takes, or leave
//! an optional question out. The same seed gives the same sets.

use std::io::Write;

use crate::answers::{Answer, Answers, Code};
use crate::engine;
use crate::rules::model::{Question, QuestionKind};
use crate::rules::Rules;
use crate::settings::RecordFormat;

/// SplitMix64: small, fast, and the same everywhere.
pub struct Random(u64);

impl Random {
    pub fn new(seed: u64) -> Random {
        Random(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// How severely one person answers: 0 = mildly, 1 = in between, 2 = severely.
fn pick_option(q: &Question, r: &mut Random, severity: usize) -> Option<usize> {
    let scale: Vec<usize> = (0..q.options.len())
        .filter(|&i| !q.options[i].off_scale())
        .collect();
    let declining: Vec<usize> = (0..q.options.len())
        .filter(|&i| q.options[i].off_scale())
        .collect();
    if !declining.is_empty() && r.chance(0.02) {
        return Some(declining[r.below(declining.len())]);
    }
    if scale.is_empty() {
        return None;
    }
    let n = scale.len();
    // Mild answers lean to the start of the scale, severe ones to its end.
    let i = match severity {
        0 if r.chance(0.93) => 0,
        0 => r.below(n).min(r.below(n)),
        1 if r.chance(0.6) => 0,
        1 => r.below(n).min(r.below(n)),
        _ => r.below(n).max(r.below(n)),
    };
    Some(scale[i])
}

fn answer(q: &Question, r: &mut Random, severity: usize) -> Option<Answer> {
    match q.kind {
        QuestionKind::YesNo | QuestionKind::Choice => {
            pick_option(q, r, severity).map(|i| Answer::Code(q.options[i].code.as_str().into()))
        }
        QuestionKind::Multi => {
            let mut codes: Vec<Code> = Vec::new();
            if let Some(i) = pick_option(q, r, severity) {
                if q.options[i].off_scale() {
                    return Some(Answer::Codes(vec![q.options[i].code.as_str().into()]));
                }
            }
            for o in q.options.iter().filter(|o| !o.off_scale()) {
                if r.chance(0.2 + 0.2 * severity as f64) {
                    codes.push(o.code.as_str().into());
                }
            }
            Some(Answer::Codes(codes))
        }
        QuestionKind::Integer => {
            let min = q.min.unwrap_or(0);
            let max = q.max.unwrap_or(min + 100);
            // The ends of the range now and then: edge cases for the rules.
            Some(Answer::Int(if r.chance(0.05) {
                min
            } else if r.chance(0.05) {
                max
            } else {
                let span = (max - min).clamp(0, 1 << 20) as usize;
                min + r.below(span + 1) as i64
            }))
        }
    }
}

/// One person's answers, asked in order, each question only when it applies.
pub fn person(rules: &Rules, r: &mut Random) -> Answers {
    let severity = match r.below(100) {
        0..=54 => 0,
        55..=94 => 1,
        _ => 2,
    };
    let mut answers = Answers::empty(rules);
    for (i, q) in rules.file.questions.iter().enumerate() {
        let applies = q
            .when
            .as_ref()
            .is_none_or(|c| engine::holds(rules, c, &answers));
        if !applies || (!q.required && r.chance(0.1)) {
            continue;
        }
        answers.set(i, answer(q, r, severity));
    }
    answers
}

/// `answers` as one JSON line (without its line end): batch input.
pub fn json_line(rules: &Rules, answers: &Answers, id: &str) -> String {
    let qs = &rules.file.questions;
    let map: serde_json::Map<String, serde_json::Value> = answers
        .iter()
        .map(|(q, a)| {
            let value = serde_json::to_value(a).expect("an answer always serializes");
            (qs[q].id.to_string(), value)
        })
        .collect();
    serde_json::json!({ "id": id, "answers": map }).to_string()
}

/// The CSV header for batch input: `id` and every question id.
pub fn csv_header(rules: &Rules) -> String {
    std::iter::once("id")
        .chain(rules.file.questions.iter().map(|q| q.id.as_str()))
        .map(csv_cell)
        .collect::<Vec<_>>()
        .join(",")
}

/// `answers` as one CSV row (without its line end), under [`csv_header`].
pub fn csv_row(rules: &Rules, answers: &Answers, id: &str) -> String {
    std::iter::once(csv_cell(id))
        .chain(
            (0..rules.file.questions.len()).map(|q| match answers.get(q) {
                None => String::new(),
                Some(Answer::Code(c)) => csv_cell(c),
                Some(Answer::Codes(cs)) => csv_cell(&cs.join(";")),
                Some(Answer::Int(n)) => n.to_string(),
            }),
        )
        .collect::<Vec<_>>()
        .join(",")
}

/// A CSV field, quoted when it must be.
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// `count` answer sets as `carelevel generate` writes them: JSON Lines, or
/// CSV under its header; ids `gen-0000001` and on.
pub fn write(
    rules: &Rules,
    count: u64,
    seed: u64,
    format: RecordFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    if format == RecordFormat::Csv {
        writeln!(out, "{}", csv_header(rules))?;
    }
    let mut r = Random::new(seed);
    for n in 1..=count {
        let answers = person(rules, &mut r);
        let id = format!("gen-{n:07}");
        let line = match format {
            RecordFormat::Csv => csv_row(rules, &answers, &id),
            RecordFormat::Jsonl => json_line(rules, &answers, &id),
        };
        writeln!(out, "{line}")?;
    }
    out.flush()
}
