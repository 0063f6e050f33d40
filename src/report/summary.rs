//! The short result a person sees first at the end of the guided
//! questionnaire: crisis resources if any, the level and what it means,
//! the main reason, the next step, and the disclaimer. The full report is
//! one choice away.

use super::wrap::wrap;
use super::{crisis, why, Report, View};
use crate::words::{self, text as t};

/// The short result, wrapped like the text report. A crisis block opens it
/// and closes it, so that it is on screen whatever the terminal's height.
pub fn render(r: &Report, view: View) -> String {
    let width = view.look.width.clamp(40, 80);
    let w = words::of(&r.lang);
    let crisis = r
        .crisis_message
        .as_deref()
        .map(|msg| crisis::block(&r.lang, msg, width, view.look.color));
    let mut out = String::new();
    if let Some(block) = &crisis {
        out.push_str(block);
        out.push('\n');
    }
    if r.respondent == crate::rules::model::Respondent::Other {
        out.push_str(&format!(
            "{}\n",
            wrap(&w.get("answered-by-other"), width, 0, "  ")
        ));
    }
    let heading = w.with("recommended-level", &[("level", t(&r.level_name))]);
    out.push_str(&format!("{}\n", wrap(&heading, width, 0, "  ")));
    out.push_str(&format!("  {}\n", wrap(&r.level_summary, width, 2, "  ")));
    if !r.complete {
        out.push_str(&format!(
            "  {}\n",
            wrap(&w.get("partial-result"), width, 2, "  ")
        ));
    }
    out.push_str(&format!(
        "\n{}\n",
        wrap(
            &w.with("main-reason", &[("reason", t(&main_reason(r)))]),
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
    out.push_str(&format!("\n{}\n", wrap(&r.disclaimer, width, 0, "")));
    if let Some(block) = &crisis {
        out.push('\n');
        out.push_str(block);
    }
    out
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
