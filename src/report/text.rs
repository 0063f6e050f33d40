//! The plain-text report: crisis first, then the level, why, and notes.

use unicode_width::UnicodeWidthStr;

use super::compare::{self, Look};
use super::wrap::wrap;
use super::Report;

/// `text` followed by spaces up to `width` display columns.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// The widest the report wraps to; narrower when the table's width is.
const WIDTH: usize = 80;

/// The narrowest: the report's aligned columns need room.
const MIN_WIDTH: usize = 40;

/// Values set beside their names need at least this many columns to read
/// well; with less, they go on the lines below.
const MIN_VALUE_WIDTH: usize = 24;

/// Render a report for a terminal or a text file.
pub fn render(r: &Report, look: Look) -> String {
    let width = look.width.clamp(MIN_WIDTH, WIDTH);
    let mut out = String::new();
    if let Some(msg) = &r.crisis_message {
        out.push_str("!! CRISIS: PLEASE GET HELP NOW !!\n");
        out.push_str(&format!("   {}\n\n", wrap(msg, width, 3, "   ")));
    }
    if let Some(id) = &r.id {
        out.push_str(&format!("Record: {id}\n"));
    }
    let heading = format!("Recommended level of care: {} ({})", r.level_name, r.level);
    out.push_str(&format!("{}\n", wrap(&heading, width, 0, "  ")));
    out.push_str(&format!("  {}\n", wrap(&r.level_summary, width, 2, "  ")));

    if !r.in_practice.is_empty() {
        out.push_str("\nWhat it means in practice\n");
        let name_w = r
            .in_practice
            .iter()
            .map(|a| a.name.width())
            .max()
            .unwrap_or(0)
            + 1;
        // Side by side when the values keep room to read; else stacked.
        let side_by_side = name_w + 3 + MIN_VALUE_WIDTH <= width;
        for a in &r.in_practice {
            let label = format!("{}:", a.name);
            if side_by_side {
                out.push_str(&format!(
                    "  {} {}\n",
                    pad(&label, name_w),
                    wrap(&a.value, width, name_w + 3, &" ".repeat(name_w + 3))
                ));
            } else {
                out.push_str(&format!(
                    "  {label}\n    {}\n",
                    wrap(&a.value, width, 4, "    ")
                ));
            }
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
    out.push_str(&format!("  {}\n", wrap(&lead, width, 2, "  ")));
    let name_w = e
        .dimensions
        .iter()
        .map(|d| d.name.width())
        .max()
        .unwrap_or(0);
    for d in &e.dimensions {
        let drivers = d
            .drivers
            .iter()
            .map(|dr| format!("{}: {}", dr.question, dr.label))
            .collect::<Vec<_>>()
            .join("; ");
        let line = format!("  {}  {}", pad(&d.name, name_w), d.rating);
        let lead = name_w + 7;
        if drivers.is_empty() {
            out.push_str(&format!("{line}\n"));
        } else if lead + 3 + MIN_VALUE_WIDTH <= width {
            out.push_str(&format!(
                "{line}  {}\n",
                wrap(&format!("<- {drivers}"), width, lead, &" ".repeat(lead + 3))
            ));
        } else {
            // Narrow: the answers go on the lines below the rating.
            out.push_str(&format!(
                "{line}\n    {}\n",
                wrap(&format!("<- {drivers}"), width, 4, "       ")
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
            out.push_str(&format!(
                "    {}\n",
                wrap(&format!("{head}{}", rule.reason), width, 4, "    ")
            ));
        }
    }
    if let Some(floor) = &e.declined_floor {
        let line = format!(
            "Preferred not to say: {}. A declined answer means safety could not be assessed, so the level is at least `{floor}`.",
            e.declined.join(", ")
        );
        out.push_str(&format!("  {}\n", wrap(&line, width, 2, "  ")));
    }

    if !r.notes.is_empty() {
        out.push_str("\nNotes\n");
        for n in &r.notes {
            out.push_str(&format!("  - {}\n", wrap(&n.text, width, 4, "    ")));
        }
    }

    if let Some(c) = &r.comparison {
        out.push_str("\nThe levels of care side by side\n");
        out.push_str(&compare::table(c, look));
    }

    out.push_str(&format!("\n{}\n", wrap(&r.disclaimer, width, 0, "")));
    let rules = format!(
        "Rules: {} {} (sha256 {})",
        r.rules.id,
        r.rules.version,
        &r.rules.sha256[..12.min(r.rules.sha256.len())]
    );
    out.push_str(&format!("{}\n", wrap(&rules, width, 0, "  ")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Rules;

    fn report(example: &str) -> Report {
        let rules = Rules::builtin().unwrap();
        let doc = crate::answers::parse(&rules, "e", example).unwrap();
        let outcome = crate::engine::evaluate(&rules, &doc.answers);
        let mut r = super::super::build(&rules, &outcome, doc.id);
        r.comparison = Some(
            compare::comparison(&rules, None)
                .unwrap()
                .recommend(&r.level),
        );
        r
    }

    #[test]
    fn no_line_is_wider_than_the_width_from_40_columns_up() {
        for example in [
            include_str!("../../examples/iop.yaml"),
            include_str!("../../examples/crisis.json"),
            include_str!("../../examples/outpatient.yaml"),
        ] {
            let r = report(example);
            for width in 40..=120 {
                let text = render(
                    &r,
                    Look {
                        width,
                        ..Look::default()
                    },
                );
                let widest = text.lines().map(UnicodeWidthStr::width).max().unwrap();
                assert!(widest <= width, "width {width}: {widest}\n{text}");
                assert!(text.contains("screening aid, not a diagnosis"));
            }
        }
    }

    #[test]
    fn narrow_reports_stack_names_above_values() {
        let r = report(include_str!("../../examples/iop.yaml"));
        let text = render(
            &r,
            Look {
                width: 40,
                ..Look::default()
            },
        );
        assert!(
            text.contains("  Sessions a week:\n    3 to 5 days\n"),
            "{text}"
        );
    }

    #[test]
    fn wide_names_are_padded_by_display_width() {
        let text = include_str!("../../tests/fixtures/minimal.yaml")
            .replace(
                "    name: Setting\n",
                "    name: 治療を受ける場所\n  - id: cost\n    name: Cost\n",
            )
            .replace(
                "      setting: Home\n",
                "      setting: Home\n      cost: Low\n",
            )
            .replace(
                "      setting: Facility\n",
                "      setting: Facility\n      cost: High\n",
            );
        let rules = Rules::parse("r.yaml", &text).unwrap();
        let doc =
            crate::answers::parse(&rules, "a", "answers: {danger: \"no\", hours: 5}").unwrap();
        let outcome = crate::engine::evaluate(&rules, &doc.answers);
        let r = super::super::build(&rules, &outcome, None);
        let out = render(&r, Look::default());
        let wide = out.lines().find(|l| l.contains("治療")).unwrap();
        let cost = out.lines().find(|l| l.contains("Cost:")).unwrap();
        // Eight wide characters take 16 columns: the values line up.
        assert_eq!(wide, "  治療を受ける場所: Home", "{out}");
        assert_eq!(cost, "  Cost:             Low", "{out}");
    }
}
