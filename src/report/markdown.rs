//! The Markdown report, for documents and tickets.

use super::{compare, Report};

/// Escape text for a Markdown table cell.
pub fn cell(text: &str) -> String {
    text.trim()
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

/// Render a report as Markdown.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    if let Some(msg) = &r.crisis_message {
        out.push_str("> **Crisis: please get help now.**\n>\n");
        for line in msg.lines() {
            out.push_str(&format!("> {line}\n").replace("> \n", ">\n"));
        }
        out.push('\n');
    }
    out.push_str(&format!(
        "# Recommended level of care: {}\n\n",
        r.level_name
    ));
    if let Some(id) = &r.id {
        out.push_str(&format!("Record: `{id}`\n\n"));
    }
    out.push_str(&format!("{}\n\n", r.level_summary));
    if !r.in_practice.is_empty() {
        out.push_str("## What it means in practice\n\n| | |\n|---|---|\n");
        for a in &r.in_practice {
            out.push_str(&format!("| {} | {} |\n", cell(&a.name), cell(&a.value)));
        }
        out.push('\n');
    }
    let e = &r.explanation;
    out.push_str(&format!(
        "## Why\n\nRatings run from 0 (no concern) to 4 (most severe). The {} rating is **{}**, which the bands place at `{}`.\n\n",
        if e.basis == "sum" { "sum of the" } else { "highest" },
        e.score,
        e.band_level
    ));
    out.push_str("| Dimension | Rating | Answers behind it |\n|---|---:|---|\n");
    for d in &e.dimensions {
        let drivers = d
            .drivers
            .iter()
            .map(|dr| format!("`{}`: {}", dr.question, cell(&dr.label)))
            .collect::<Vec<_>>()
            .join("; ");
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            cell(&d.name),
            d.rating,
            drivers
        ));
    }
    out.push('\n');
    if e.rules.is_empty() {
        out.push_str("No placement rule fired.\n\n");
    } else {
        out.push_str("### Rules that fired\n\n");
        for rule in &e.rules {
            out.push_str(&format!(
                "- **{}** (at least `{}`{}): {}\n",
                rule.id,
                rule.floor,
                if rule.crisis { ", crisis" } else { "" },
                rule.reason.trim()
            ));
        }
        out.push('\n');
    }
    if let Some(floor) = &e.declined_floor {
        out.push_str(&format!(
            "Preferred not to say: {}. A declined answer means safety could not be assessed, so the level is at least `{floor}`.\n\n",
            e.declined
                .iter()
                .map(|q| format!("`{q}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !r.notes.is_empty() {
        out.push_str("## Notes\n\n");
        for n in &r.notes {
            out.push_str(&format!("- {}\n", n.text.trim().replace('\n', " ")));
        }
        out.push('\n');
    }
    if let Some(c) = &r.comparison {
        out.push_str("## The levels of care side by side\n\n");
        out.push_str(&compare::markdown(c));
        out.push('\n');
    }
    out.push_str(&format!(
        "---\n\n*{}*\n\n",
        r.disclaimer.trim().replace('\n', " ")
    ));
    out.push_str(&format!(
        "Rules: `{}` {} (sha256 `{}`)\n",
        r.rules.id, r.rules.version, r.rules.sha256
    ));
    out
}
