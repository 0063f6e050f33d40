//! The plain-text report: crisis first, then the level, why, and notes.

use super::compare::{self, Look};
use super::wrap::wrap;
use super::Report;

const WIDTH: usize = 80;

/// Render a report for a terminal or a text file.
pub fn render(r: &Report, look: Look) -> String {
    let mut out = String::new();
    if let Some(msg) = &r.crisis_message {
        out.push_str("!! CRISIS: PLEASE GET HELP NOW !!\n");
        out.push_str(&format!("   {}\n\n", wrap(msg, WIDTH, 3, "   ")));
    }
    if let Some(id) = &r.id {
        out.push_str(&format!("Record: {id}\n"));
    }
    out.push_str(&format!(
        "Recommended level of care: {} ({})\n",
        r.level_name, r.level
    ));
    out.push_str(&format!("  {}\n", wrap(&r.level_summary, WIDTH, 2, "  ")));

    if !r.in_practice.is_empty() {
        out.push_str("\nWhat it means in practice\n");
        let name_w = r
            .in_practice
            .iter()
            .map(|a| a.name.chars().count())
            .max()
            .unwrap_or(0)
            + 1;
        for a in &r.in_practice {
            let label = format!("{}:", a.name);
            out.push_str(&format!(
                "  {label:<name_w$} {}\n",
                wrap(&a.value, WIDTH, name_w + 3, &" ".repeat(name_w + 3))
            ));
        }
    }

    let e = &r.explanation;
    out.push_str("\nWhy\n");
    let lead = format!(
        "Ratings run from 0 (no concern) to 4 (most severe). The {} rating is {}, which the bands place at `{}`.",
        if e.basis == "sum" { "sum of the" } else { "highest" },
        e.score,
        e.band_level
    );
    out.push_str(&format!("  {}\n", wrap(&lead, WIDTH, 2, "  ")));
    let name_w = e
        .dimensions
        .iter()
        .map(|d| d.name.chars().count())
        .max()
        .unwrap_or(0);
    for d in &e.dimensions {
        let drivers = d
            .drivers
            .iter()
            .map(|dr| format!("{}: {}", dr.question, dr.label))
            .collect::<Vec<_>>()
            .join("; ");
        let line = format!("  {:<name_w$}  {}", d.name, d.rating);
        if drivers.is_empty() {
            out.push_str(&format!("{line}\n"));
        } else {
            let lead = name_w + 7;
            out.push_str(&format!(
                "{line}  {}\n",
                wrap(&format!("<- {drivers}"), WIDTH, lead, &" ".repeat(lead + 3))
            ));
        }
    }
    if e.rules.is_empty() {
        out.push_str("  No placement rule fired.\n");
    } else {
        out.push_str("  Rules that fired:\n");
        for rule in &e.rules {
            let head = format!(
                "- {} (at least `{}`{}): ",
                rule.id,
                rule.floor,
                if rule.crisis { ", crisis" } else { "" }
            );
            let lead = 4 + head.chars().count();
            out.push_str(&format!(
                "    {head}{}\n",
                wrap(&rule.reason, WIDTH, lead, "      ")
            ));
        }
    }
    if let Some(floor) = &e.declined_floor {
        let line = format!(
            "Preferred not to say: {}. A declined answer means safety could not be assessed, so the level is at least `{floor}`.",
            e.declined.join(", ")
        );
        out.push_str(&format!("  {}\n", wrap(&line, WIDTH, 2, "  ")));
    }

    if !r.notes.is_empty() {
        out.push_str("\nNotes\n");
        for n in &r.notes {
            out.push_str(&format!("  - {}\n", wrap(&n.text, WIDTH, 4, "    ")));
        }
    }

    if let Some(c) = &r.comparison {
        out.push_str("\nThe levels of care side by side\n");
        out.push_str(&compare::table(c, look));
    }

    out.push_str(&format!("\n{}\n", wrap(&r.disclaimer, WIDTH, 0, "")));
    out.push_str(&format!(
        "Rules: {} {} (sha256 {})\n",
        r.rules.id,
        r.rules.version,
        &r.rules.sha256[..12.min(r.rules.sha256.len())]
    ));
    out
}
