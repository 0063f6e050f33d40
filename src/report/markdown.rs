//! The Markdown report, for documents and tickets.

use super::{compare, rating_shown, text, why, Report, View};
use crate::words::{self, text as t};

use super::escape::cell;

/// Render a report as Markdown: crisis first, then the same story as the
/// text report; the details for clinicians with `view.details`.
pub fn render(r: &Report, view: View) -> String {
    let w = words::of(&r.lang);
    let mut out = String::new();
    if let Some(msg) = &r.crisis_message {
        out.push_str(&format!("> **{}**\n>\n", w.get("md-crisis-heading")));
        for line in msg.lines() {
            out.push_str(&format!("> {line}\n").replace("> \n", ">\n"));
        }
        out.push('\n');
    }
    level_section(&mut out, r, w);
    why_section(&mut out, r);
    answers_section(&mut out, r, w);
    lists_section(&mut out, r, w);
    out.push_str(&format!("---\n\n*{}*\n\n", inline(&r.disclaimer)));
    if view.details {
        details(&mut out, r);
    } else {
        out.push_str(&format!(
            "{}\n",
            w.with(
                "rules-line",
                &[
                    ("id", t(&format!("`{}`", r.rules.id))),
                    ("version", t(&r.rules.version)),
                    ("sha", t(&format!("`{}`", r.rules.sha256))),
                    ("made-by", t(&r.made_by())),
                ],
            )
        ));
    }
    out
}

/// The level as the heading, the record, who answered, what the level
/// means, the next step and a clinician's decision.
fn level_section(out: &mut String, r: &Report, w: &words::Words) {
    out.push_str(&format!(
        "# {}\n\n",
        w.with("recommended-level", &[("level", t(&r.level_name))])
    ));
    if let Some(id) = &r.id {
        let id = format!("`{}`", id.replace('`', "'"));
        out.push_str(&format!("{}\n\n", w.with("record", &[("id", t(&id))])));
    }
    if r.respondent == crate::rules::model::Respondent::Other {
        out.push_str(&format!("*{}*\n\n", w.get("answered-by-other")));
    }
    out.push_str(&format!("{}\n\n", r.level_summary));
    if !r.complete {
        out.push_str(&format!("*{}*\n\n", w.get("partial-result")));
    }
    if let Some(step) = &r.next_step {
        out.push_str(&format!("**{}:** {step}\n\n", w.get("md-next-step")));
    }
    if let Some(d) = &r.decision {
        out.push_str(&format!(
            "**{}:** {} **{}:** {} {}\n\n",
            w.get("md-decision"),
            w.with(
                "md-decision-text",
                &[
                    ("chosen", t(&d.chosen_name)),
                    ("recommended", t(&d.recommended_name)),
                ],
            ),
            w.get("md-reason"),
            cell(&super::text::with_stop(&d.reason)),
            w.get("md-unchanged"),
        ));
    }
}

/// What the answers show: each area's rating and the answers behind it.
fn answers_section(out: &mut String, r: &Report, w: &words::Words) {
    out.push_str(&format!(
        "## {}\n\n| {} | {} | {} |\n|---|---|---|\n",
        w.get("answers-show-heading"),
        w.get("md-area"),
        w.get("md-concern"),
        w.get("md-answers-behind")
    ));
    for d in &r.explanation.dimensions {
        let drivers = d
            .drivers
            .iter()
            .map(|dr| cell(&format!("{}: {}", dr.title, dr.label)))
            .collect::<Vec<_>>()
            .join("; ");
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            cell(&d.name),
            rating_shown(w, d),
            drivers
        ));
    }
    out.push('\n');
}

/// What the level means in practice, the notes, and the comparison.
fn lists_section(out: &mut String, r: &Report, w: &words::Words) {
    if !r.in_practice.is_empty() {
        out.push_str(&format!("## {}\n\n", w.get("in-practice-heading")));
        for a in &r.in_practice {
            out.push_str(&format!(
                "- **{}:** {}\n",
                inline(&a.name),
                inline(&a.value)
            ));
        }
        out.push('\n');
    }
    if !r.notes.is_empty() {
        out.push_str(&format!("## {}\n\n", w.get("notes-heading")));
        for n in &r.notes {
            out.push_str(&format!("- {}\n", inline(&n.text)));
        }
        out.push('\n');
    }
    if let Some(c) = &r.comparison {
        out.push_str(&format!("## {}\n\n", w.get("comparison-heading")));
        out.push_str(&compare::markdown(c));
        out.push('\n');
    }
}

/// Text on one line (a list item or emphasis), line breaks folded.
fn inline(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn why_section(out: &mut String, r: &Report) {
    let words = words::of(&r.lang);
    let w = why::explain(r);
    out.push_str(&format!("## {}\n\n", words.get("why-heading")));
    if !w.deciding.is_empty() {
        out.push_str(&format!(
            "{}\n\n",
            words.with("why-lead", &[("count", words::number(w.deciding.len()))])
        ));
        for reason in &w.deciding {
            bullet(out, words, reason);
        }
        out.push('\n');
    }
    out.push_str(&format!("{}\n\n", w.ratings));
    if !w.also.is_empty() {
        out.push_str(&format!("{}\n\n", words.get("also-counted")));
        for reason in &w.also {
            bullet(out, words, reason);
        }
        out.push('\n');
    }
}

fn bullet(out: &mut String, words: &words::Words, reason: &why::Reason<'_>) {
    let mut text = inline(&reason.text);
    if let Some(level) = reason.alone {
        text.push(' ');
        text.push_str(&words.with("on-its-own", &[("level", t(level))]));
    }
    out.push_str(&format!("- {text}\n"));
    for a in reason.answers {
        out.push_str(&format!(
            "  - {} {}\n",
            why::answers_heading(words, std::slice::from_ref(a)),
            inline(&why::cited(a))
        ));
    }
}

fn details(out: &mut String, r: &Report) {
    let e = &r.explanation;
    let w = words::of(&r.lang);
    out.push_str(&format!("## {}\n\n", w.get("details-heading")));
    out.push_str(&format!("- {}\n", text::details_level(w, r, "`")));
    out.push_str(&format!("- {}\n", text::details_ratings(w, r, "`")));
    for x in &e.rules {
        let because: Vec<String> = x
            .answers
            .iter()
            .map(|a| format!("`{}` = `{}`", a.question, text::answer_code(&a.answer)))
            .collect();
        out.push_str(&format!(
            "- {}\n",
            w.with(
                "details-md-rule",
                &[
                    ("id", t(&format!("`{}`", x.id))),
                    ("floor", t(&format!("`{}`", x.floor))),
                    ("crisis", t(&text::crisis_mark(w, x.crisis))),
                    ("because", t(&because.join(", "))),
                ],
            )
        ));
    }
    if e.rules.is_empty() {
        out.push_str(&format!("- {}\n", w.get("details-md-no-rule")));
    }
    for (id, list, floor) in [
        ("details-declined", &e.declined, &e.declined_floor),
        ("details-unknown", &e.unknown, &e.unknown_floor),
    ] {
        if let Some(floor) = floor {
            let ids: Vec<String> = list.iter().map(|q| format!("`{q}`")).collect();
            out.push_str(&format!(
                "- {}\n",
                w.with(
                    id,
                    &[
                        ("list", t(&ids.join(", "))),
                        ("floor", t(&format!("`{floor}`"))),
                    ],
                )
            ));
        }
    }
    if !r.ignored_answers.is_empty() {
        let ids: Vec<String> = r.ignored_answers.iter().map(|q| format!("`{q}`")).collect();
        out.push_str(&format!(
            "- {}\n",
            w.with("details-ignored", &[("list", t(&ids.join(", ")))])
        ));
    }
    if !r.notes.is_empty() {
        let ids: Vec<String> = r.notes.iter().map(|n| format!("`{}`", n.id)).collect();
        out.push_str(&format!(
            "- {}\n",
            w.with("details-notes", &[("list", t(&ids.join(", ")))])
        ));
    }
    out.push_str(&format!(
        "- {}\n- {}\n",
        w.with(
            "details-rules",
            &[
                ("id", t(&format!("`{}`", r.rules.id))),
                ("version", t(&r.rules.version)),
                ("sha", t(&format!("`{}`", r.rules.sha256))),
            ],
        ),
        w.with("details-made-by", &[("who", t(&r.made_by()))])
    ));
}
