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

    let lines = |s: &str| s.lines().count();
    let partial = (!r.complete).then(|| wrap(&w.get("partial-result"), width, 2, "  "));
    // What goes at the bottom, from the most to the least: what the level
    // means, the answers behind the reason, the note that the result is
    // partial (else said above), and the blank lines between the parts.
    let bottom = |meaning: bool, cited: bool, partial_here: bool, spaced: bool| {
        let gap = if spaced { "\n" } else { "" };
        let mut out = String::new();
        let heading = w.with("recommended-level", &[("level", t(&r.level_name))]);
        out.push_str(&format!("{}\n", wrap(&heading, width, 0, "  ")));
        if meaning {
            out.push_str(&format!("  {}\n", wrap(&r.level_summary, width, 2, "  ")));
        }
        if let Some(p) = partial.as_deref().filter(|_| partial_here) {
            out.push_str(&format!("  {p}\n"));
        }
        let reason = if cited {
            main_reason(r)
        } else {
            main_reason_alone(r)
        };
        out.push_str(&format!(
            "{gap}{}\n",
            wrap(
                &w.with("main-reason", &[("reason", t(&reason))]),
                width,
                0,
                "  "
            )
        ));
        if let Some(step) = &r.next_step {
            out.push_str(&format!(
                "{}\n",
                wrap(&w.with("next-step", &[("step", t(step))]), width, 0, "  ")
            ));
        }
        if let Some(block) = &crisis {
            out.push_str(gap);
            out.push_str(block);
        }
        out
    };
    let mut chosen = bottom(true, true, true, true);
    let mut partial_above = false;
    if let Some(rows) = rows {
        for (meaning, cited, partial_here, spaced) in [
            (false, true, true, true),
            (false, false, true, true),
            (false, false, false, true),
            (false, false, false, false),
        ] {
            if lines(&chosen) <= rows {
                break;
            }
            chosen = bottom(meaning, cited, partial_here, spaced);
            partial_above = !partial_here;
        }
    }
    if let Some(p) = partial.as_deref().filter(|_| partial_above) {
        top.push_str(&format!("{}\n\n", p.trim_start()));
    }
    top.push_str(&chosen);
    top
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
