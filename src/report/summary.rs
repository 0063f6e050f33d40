//! The short result a person sees first at the end of the guided
//! questionnaire: crisis resources if any, the level and what it means,
//! the main reason, the next step, and the disclaimer. The full report is
//! one choice away.

use super::wrap::wrap;
use super::{crisis, why, Report, View};
use crate::words::{self, text as t};

/// The short result, wrapped like the text report. A crisis block opens it
/// and closes it, so that it is on screen whatever the terminal's height.
///
/// `rows` is the height the short result may take at the bottom of the
/// screen (the terminal's, less the menu that follows), when known: the
/// level, the main reason, the next step and the closing crisis block must
/// fit in it together, so the disclaimer comes before the level, and what
/// the full report says anyway (what the level means, the answers behind
/// the reason) is left out when they would not fit.
pub fn render(r: &Report, view: View, rows: Option<usize>) -> String {
    let width = view.look.width.clamp(40, 80);
    let w = words::of(&r.lang);
    let crisis = r
        .crisis_message
        .as_deref()
        .map(|msg| crisis::block(&r.lang, msg, width, view.look.color));
    let mut top = String::new();
    if let Some(block) = &crisis {
        top.push_str(block);
        top.push('\n');
    }
    if r.respondent == crate::rules::model::Respondent::Other {
        top.push_str(&format!(
            "{}\n",
            wrap(&w.get("answered-by-other"), width, 0, "  ")
        ));
    }
    top.push_str(&format!("{}\n\n", wrap(&r.disclaimer, width, 0, "")));

    let partial = (!r.complete).then(|| wrap(&w.get("partial-result"), width, 2, "  "));
    let parts = Parts {
        r,
        w,
        width,
        crisis: crisis.as_deref(),
        partial: partial.as_deref(),
    };
    let lines = |s: &str| s.lines().count();
    let mut chosen = parts.bottom(Keep::ALL);
    let mut partial_above = false;
    if let Some(rows) = rows {
        for keep in Keep::LESS {
            if lines(&chosen) <= rows {
                break;
            }
            chosen = parts.bottom(keep);
            partial_above = !keep.partial;
        }
    }
    if let Some(p) = partial.as_deref().filter(|_| partial_above) {
        top.push_str(&format!("{}\n\n", p.trim_start()));
    }
    top.push_str(&chosen);
    top
}

/// What the bottom of the short result keeps, from the most to the least
/// that can go: what the level means, the answers behind the reason, the
/// note that the result is partial (else said above), and the blank lines.
#[derive(Clone, Copy)]
struct Keep {
    meaning: bool,
    cited: bool,
    partial: bool,
    spaced: bool,
}

impl Keep {
    const ALL: Keep = Keep {
        meaning: true,
        cited: true,
        partial: true,
        spaced: true,
    };
    /// Each step leaves out one more thing.
    const LESS: [Keep; 4] = [
        Keep {
            meaning: false,
            ..Keep::ALL
        },
        Keep {
            meaning: false,
            cited: false,
            ..Keep::ALL
        },
        Keep {
            meaning: false,
            cited: false,
            partial: false,
            spaced: true,
        },
        Keep {
            meaning: false,
            cited: false,
            partial: false,
            spaced: false,
        },
    ];
}

/// What the short result is made of.
struct Parts<'a> {
    r: &'a Report,
    w: &'a words::Words,
    width: usize,
    crisis: Option<&'a str>,
    partial: Option<&'a str>,
}

impl Parts<'_> {
    /// The level, the main reason, the next step and the crisis block.
    fn bottom(&self, keep: Keep) -> String {
        let (r, w, width) = (self.r, self.w, self.width);
        let gap = if keep.spaced { "\n" } else { "" };
        let mut out = String::new();
        let heading = w.with("recommended-level", &[("level", t(&r.level_name))]);
        out.push_str(&format!("{}\n", wrap(&heading, width, 0, "  ")));
        if keep.meaning {
            out.push_str(&format!("  {}\n", wrap(&r.level_summary, width, 2, "  ")));
        }
        if let Some(p) = self.partial.filter(|_| keep.partial) {
            out.push_str(&format!("  {p}\n"));
        }
        let reason = if keep.cited {
            main_reason(r)
        } else {
            main_reason_alone(r)
        };
        let reason = w.with("main-reason", &[("reason", t(&reason))]);
        out.push_str(&format!("{gap}{}\n", wrap(&reason, width, 0, "  ")));
        if let Some(step) = &r.next_step {
            let step = w.with("next-step", &[("step", t(step))]);
            out.push_str(&format!("{}\n", wrap(&step, width, 0, "  ")));
        }
        if let Some(block) = self.crisis {
            out.push_str(gap);
            out.push_str(block);
        }
        out
    }
}

/// The main reason without the answers behind it (the full report cites them).
fn main_reason_alone(r: &Report) -> String {
    let w = why::explain(r);
    match w.deciding.first() {
        Some(reason) => reason.text.clone(),
        None => w.ratings,
    }
}

/// The first thing that decided the level, with the answers behind it.
pub fn main_reason(r: &Report) -> String {
    let w = why::explain(r);
    match w.deciding.first() {
        Some(reason) if reason.answers.is_empty() => reason.text.clone(),
        Some(reason) => format!(
            "{} ({} {})",
            reason.text,
            why::answers_heading(words::of(&r.lang), reason.answers),
            reason
                .answers
                .iter()
                .map(why::cited)
                .collect::<Vec<_>>()
                .join("; ")
        ),
        None => w.ratings,
    }
}
