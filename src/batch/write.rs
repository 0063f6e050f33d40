//! One output record per input record: compact JSON, the whole `screen`
//! result (`--full`), or a CSV row. The crisis flag comes before the level.

use std::io::Write;

use serde::Serialize;

use crate::engine::NoteRef;
use crate::error::Problem;
use crate::report;
use crate::rules::model::Respondent;
use crate::rules::Rules;

use super::score::{Scored, Verdict};

/// The rule files a run scores under, and how each is worded for reports.
pub struct Target<'r> {
    pub rules: &'r Rules,
    /// `--full`: the rules worded for someone answering about the person,
    /// when they offer it.
    pub other: Option<&'r Rules>,
    pub names: &'r Names,
}

/// The ids a compact record names, quoted for JSON once per run.
pub struct Names {
    levels: Vec<String>,
    /// `"dimension":`
    dimension_keys: Vec<String>,
    rules: Vec<String>,
    notes: Vec<String>,
    declined: Option<String>,
    unknown: Option<String>,
    ignored: String,
}

impl Names {
    pub fn new(rules: &Rules) -> Names {
        let q = |s: &str| serde_json::to_string(s).expect("a string serializes");
        let f = &rules.file;
        Names {
            levels: f.levels.iter().map(|l| q(&l.id)).collect(),
            dimension_keys: f.dimensions.iter().map(|d| q(&d.id) + ":").collect(),
            rules: f.placement.rules.iter().map(|r| q(&r.id)).collect(),
            notes: f.notes.iter().map(|n| q(&n.id)).collect(),
            declined: f.declined.as_ref().map(|d| q(&d.note)),
            unknown: f.unknown.as_ref().map(|d| q(&d.note)),
            ignored: q(report::IGNORED_NOTE),
        }
    }
}

/// A record's verdicts, under the new rules and the baseline.
pub struct Row<'a> {
    pub line: usize,
    pub new: &'a Verdict,
    pub old: Option<&'a Verdict>,
}

impl Row<'_> {
    /// The record's id: from whichever rule file could read it.
    fn id(&self) -> Option<&str> {
        let new = match self.new {
            Ok(s) => s.doc.id.as_deref(),
            Err(f) => f.id.as_deref(),
        };
        new.or(match self.old {
            Some(Ok(s)) => s.doc.id.as_deref(),
            Some(Err(f)) => f.id.as_deref(),
            None => None,
        })
    }
}

/// The ids of the notes `screen` would show, in its order.
pub fn note_ids<'r>(rules: &'r Rules, scored: &Scored) -> Vec<&'r str> {
    let f = &rules.file;
    let mut ids = Vec::with_capacity(scored.outcome.notes.len() + 1);
    if !scored.outcome.ignored.is_empty() {
        ids.push(report::IGNORED_NOTE);
    }
    for n in &scored.outcome.notes {
        match n {
            NoteRef::Declined => ids.extend(f.declined.as_ref().map(|d| d.note.as_str())),
            NoteRef::Unknown => ids.extend(f.unknown.as_ref().map(|d| d.note.as_str())),
            NoteRef::Note(i) => ids.push(f.notes[*i].id.as_str()),
        }
    }
    ids
}

#[derive(Serialize)]
struct ProblemOut<'a> {
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

fn problems_out(problems: &[Problem]) -> Vec<ProblemOut<'_>> {
    problems
        .iter()
        .map(|p| ProblemOut {
            message: &p.message,
            line: p.location.as_ref().map(|l| l.line),
            column: p.location.as_ref().map(|l| l.column),
            help: p.help.as_deref(),
        })
        .collect()
}

/// What the baseline said of a record, flattened into it.
#[derive(Serialize, Default)]
struct Baseline<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_crisis: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_level: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_error: Option<String>,
}

fn baseline<'a>(old: Option<(&'a Rules, &'a Verdict)>) -> Baseline<'a> {
    match old {
        None => Baseline::default(),
        Some((rules, Ok(s))) => Baseline {
            baseline_crisis: Some(s.outcome.crisis),
            baseline_level: Some(&rules.file.levels[s.outcome.level].id),
            baseline_error: None,
        },
        Some((_, Err(f))) => Baseline {
            baseline_crisis: f.crisis.then_some(true),
            baseline_level: None,
            baseline_error: Some(f.message()),
        },
    }
}

/// A JSON Lines record, with its line end.
pub fn jsonl(out: &mut Vec<u8>, row: &Row, new: &Target, old: Option<&Rules>, full: bool) {
    if let (Ok(s), false) = (row.new, full) {
        compact(out, row, s, new, old);
        return;
    }
    #[derive(Serialize)]
    struct Full<'a> {
        line: usize,
        #[serde(flatten)]
        report: &'a report::Report,
        #[serde(flatten)]
        baseline: Baseline<'a>,
    }
    #[derive(Serialize)]
    struct Failed<'a> {
        id: Option<&'a str>,
        line: usize,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        crisis: bool,
        error: String,
        problems: Vec<ProblemOut<'a>>,
        #[serde(flatten)]
        baseline: Baseline<'a>,
    }
    let id = row.id();
    let base = baseline(old.zip(row.old));
    let written = match row.new {
        Ok(s) if full => {
            let report = full_report(new, s);
            serde_json::to_writer(
                &mut *out,
                &Full {
                    line: row.line,
                    report: &report,
                    baseline: base,
                },
            )
        }
        Ok(_) => unreachable!("compact records are written above"),
        Err(f) => serde_json::to_writer(
            &mut *out,
            &Failed {
                id,
                line: row.line,
                crisis: f.crisis,
                error: f.message(),
                problems: problems_out(&f.problems),
                baseline: base,
            },
        ),
    };
    written.expect("a record always serializes");
    out.push(b'\n');
}

/// A scored record in the compact form: written by hand from ids quoted
/// once per run, as this is the bulk of a batch run's output.
fn compact(out: &mut Vec<u8>, row: &Row, s: &Scored, new: &Target, old: Option<&Rules>) {
    let names = new.names;
    let o = &s.outcome;
    out.extend_from_slice(b"{\"id\":");
    match row.id() {
        Some(id) => serde_json::to_writer(&mut *out, id).expect("a string serializes"),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"line\":");
    push_number(out, row.line);
    out.extend_from_slice(if o.crisis {
        b",\"crisis\":true,\"level\":"
    } else {
        b",\"crisis\":false,\"level\":"
    });
    out.extend_from_slice(names.levels[o.level].as_bytes());
    out.extend_from_slice(b",\"dimensions\":{");
    for (i, r) in o.ratings.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(names.dimension_keys[i].as_bytes());
        push_number(out, usize::from(r.rating));
    }
    out.extend_from_slice(b"},\"fired\":[");
    for (i, &r) in o.fired.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(names.rules[r].as_bytes());
    }
    out.extend_from_slice(b"],\"notes\":[");
    let ignored = (!o.ignored.is_empty()).then_some(&names.ignored);
    let notes = o.notes.iter().filter_map(|n| match n {
        NoteRef::Declined => names.declined.as_ref(),
        NoteRef::Unknown => names.unknown.as_ref(),
        NoteRef::Note(i) => Some(&names.notes[*i]),
    });
    for (i, n) in ignored.into_iter().chain(notes).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(n.as_bytes());
    }
    out.push(b']');
    if let (Some(old), Some(v)) = (old, row.old) {
        let b = baseline(Some((old, v)));
        if let Some(c) = b.baseline_crisis {
            let _ = write!(out, ",\"baseline_crisis\":{c}");
        }
        if let Some(l) = b.baseline_level {
            out.extend_from_slice(b",\"baseline_level\":");
            serde_json::to_writer(&mut *out, l).expect("a string serializes");
        }
        if let Some(e) = b.baseline_error {
            out.extend_from_slice(b",\"baseline_error\":");
            serde_json::to_writer(&mut *out, &e).expect("a string serializes");
        }
    }
    out.extend_from_slice(b"}\n");
}

/// `n` in decimal, without the formatting machinery.
fn push_number(out: &mut Vec<u8>, mut n: usize) {
    // Ratings: one digit.
    if n < 10 {
        out.push(b'0' + n as u8);
        return;
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// A FHIR R4 NDJSON line: the record's Bundle (as `screen --format fhir`
/// writes it, on one line), or an OperationOutcome when it could not be
/// scored, its crisis first when it holds a crisis answer.
pub fn fhir(out: &mut Vec<u8>, row: &Row, target: &Target, when: &str) {
    let value = match row.new {
        Ok(s) => {
            let report = full_report(target, s);
            let rules = wording(target, s);
            crate::fhir::bundle_value(rules, &s.doc.answers, &report, s.doc.subject.as_ref(), when)
        }
        Err(f) => {
            let record = match row.id() {
                Some(id) => format!("record `{id}` (line {})", row.line),
                None => format!("the record on line {}", row.line),
            };
            let mut issues = Vec::new();
            if f.crisis {
                let message = target.rules.file.crisis.message.trim_end();
                issues.push(serde_json::json!({
                    "severity": "error",
                    "code": "business-rule",
                    "diagnostics": format!("{record} holds a crisis answer: share the crisis resources now. {message}"),
                }));
            }
            for p in &f.problems {
                let mut issue = serde_json::json!({
                    "severity": "error",
                    "code": "invalid",
                    "diagnostics": format!("{record}: {}", crate::error::bounded(&crate::error::visible(&p.message))),
                });
                if let Some(l) = &p.location {
                    issue["location"] =
                        serde_json::json!([format!("Line[{}] Col[{}]", l.line, l.column)]);
                }
                issues.push(issue);
            }
            serde_json::json!({ "resourceType": "OperationOutcome", "issue": issues })
        }
    };
    serde_json::to_writer(&mut *out, &value).expect("a resource always serializes");
    out.push(b'\n');
}

/// The rules worded for who answered the record.
fn wording<'r>(target: &Target<'r>, s: &Scored) -> &'r Rules {
    match (s.doc.respondent.unwrap_or_default(), target.other) {
        (Respondent::Other, Some(other)) => other,
        _ => target.rules,
    }
}

/// The `screen --format json` result of a scored record.
fn full_report(target: &Target, s: &Scored) -> report::Report {
    let respondent = s.doc.respondent.unwrap_or_default();
    let rules = wording(target, s);
    let mut r = report::build(rules, &s.doc.answers, &s.outcome, s.doc.id.clone());
    r.respondent = respondent;
    if !s.outcome.ignored.is_empty() {
        r.notes
            .insert(0, report::ignored_note(rules, &s.outcome.ignored));
    }
    r
}

/// The CSV header: the same fields as the JSON Lines records.
pub fn csv_header(rules: &Rules, baseline: bool) -> String {
    let mut cells: Vec<&str> = vec!["id", "line", "crisis", "level"];
    cells.extend(rules.file.dimensions.iter().map(|d| d.id.as_str()));
    cells.extend(["fired", "notes", "error"]);
    if baseline {
        cells.extend(["baseline_crisis", "baseline_level", "baseline_error"]);
    }
    let mut line = cells
        .iter()
        .map(|c| csv_cell(c))
        .collect::<Vec<_>>()
        .join(",");
    line.push('\n');
    line
}

/// A CSV row, with its line end. Lists are joined with `;`.
pub fn csv(out: &mut Vec<u8>, row: &Row, rules: &Rules, old: Option<&Rules>) {
    let dims = rules.file.dimensions.len();
    let mut cells: Vec<String> = Vec::with_capacity(dims + 10);
    cells.push(row.id().unwrap_or_default().to_owned());
    cells.push(row.line.to_string());
    match row.new {
        Ok(s) => {
            cells.push(s.outcome.crisis.to_string());
            cells.push(rules.file.levels[s.outcome.level].id.to_string());
            cells.extend(s.outcome.ratings.iter().map(|r| r.rating.to_string()));
            cells.push(
                s.outcome
                    .fired
                    .iter()
                    .map(|&r| rules.file.placement.rules[r].id.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
            );
            cells.push(note_ids(rules, s).join(";"));
            cells.push(String::new());
        }
        Err(f) => {
            cells.push(if f.crisis {
                "true".into()
            } else {
                String::new()
            });
            cells.extend(std::iter::repeat_n(String::new(), dims + 3));
            cells.push(f.message());
        }
    }
    if let Some(old) = old {
        let b = baseline(row.old.map(|v| (old, v)));
        cells.push(b.baseline_crisis.map(|c| c.to_string()).unwrap_or_default());
        cells.push(b.baseline_level.unwrap_or_default().to_owned());
        cells.push(b.baseline_error.unwrap_or_default());
    }
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let _ = out.write_all(csv_cell(c).as_bytes());
    }
    out.push(b'\n');
}

/// A CSV field, quoted when it must be.
fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}
