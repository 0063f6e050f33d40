//! The plain-text report: crisis first, then the level, why, what the
//! answers show, what the level means, notes; the crisis again at the end.

use unicode_width::UnicodeWidthStr;

use super::compare;
use super::wrap::{wrap, wrap_strict};
use super::{crisis, rating_shown, why, Report, View};
use crate::rules::model::Respondent;
use crate::words::{self, text as t};

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

/// Render a report for a terminal or a text file. It speaks to the person;
/// ids, codes and the rating arithmetic are in the details section, shown
/// with `view.details`. A crisis block opens the report and, so that it is
/// still on screen when the person finishes reading, closes it too.
pub fn render(r: &Report, view: View) -> String {
    let look = view.look;
    let width = look.width.clamp(MIN_WIDTH, WIDTH);
    let w = words::of(&r.lang);
    let mut out = String::new();
    let crisis = r
        .crisis_message
        .as_deref()
        .map(|msg| crisis::block(&r.lang, msg, width, look.color));
    if let Some(block) = &crisis {
        out.push_str(block);
        out.push('\n');
    }
    if let Some(id) = &r.id {
        out.push_str(&format!(
            "{}\n",
            wrap(&w.with("record", &[("id", t(id))]), width, 0, "  ")
        ));
    }
    if r.respondent == Respondent::Other {
        out.push_str(&format!(
            "{}\n",
            wrap(&w.get("answered-by-other"), width, 0, "  ")
        ));
    }
    heading(&mut out, r, width);
    if let Some(d) = &r.decision {
        let said = w.with(
            "clinicians-decision",
            &[
                ("chosen", t(&d.chosen_name)),
                ("recommended", t(&d.recommended_name)),
                ("reason", t(&with_stop(&d.reason))),
            ],
        );
        out.push_str(&format!("\n{}\n", wrap(&said, width, 0, "  ")));
    }
    why(&mut out, r, width);
    answers_show(&mut out, r, width);
    in_practice(&mut out, r, width);
    if !r.notes.is_empty() {
        out.push_str(&format!("\n{}\n", w.get("notes-heading")));
        for n in &r.notes {
            out.push_str(&format!("  - {}\n", wrap(&n.text, width, 4, "    ")));
        }
    }
    if let Some(c) = &r.comparison {
        out.push_str(&format!("\n{}\n", w.get("comparison-heading")));
        out.push_str(&compare::table(c, look));
    }
    out.push_str(&format!("\n{}\n", wrap(&r.disclaimer, width, 0, "")));
    if view.details {
        details(&mut out, r, width);
    } else {
        let rules = w.with(
            "rules-line",
            &[
                ("id", t(&r.rules.id)),
                ("version", t(&r.rules.version)),
                ("sha", t(&r.rules.sha256[..12.min(r.rules.sha256.len())])),
                ("made-by", t(&r.made_by())),
            ],
        );
        out.push_str(&format!("{}\n", wrap(&rules, width, 0, "  ")));
    }
    if let Some(block) = &crisis {
        out.push('\n');
        out.push_str(block);
    }
    out
}

/// The first line of the details: the level and the bands' verdict, ids
/// quoted with `quote`.
pub(super) fn details_level(w: &words::Words, r: &Report, quote: &str) -> String {
    let e = &r.explanation;
    w.with(
        "details-level",
        &[
            ("level", t(&format!("{quote}{}{quote}", r.level))),
            (
                "basis",
                t(&w.get(if e.basis == "sum" {
                    "details-basis-sum"
                } else {
                    "details-basis-max"
                })),
            ),
            ("score", words::number(e.score as usize)),
            ("band", t(&format!("{quote}{}{quote}", e.band_level))),
        ],
    )
}

/// `Ratings: risk 1 (q = code); ...`, ids quoted with `quote`.
pub(super) fn details_ratings(w: &words::Words, r: &Report, quote: &str) -> String {
    let q = |s: &str| format!("{quote}{s}{quote}");
    let ratings: Vec<String> = r
        .explanation
        .dimensions
        .iter()
        .map(|d| {
            let why: Vec<String> = d
                .drivers
                .iter()
                .map(|dr| format!("{} = {}", q(&dr.question), q(&dr.answer)))
                .collect();
            if why.is_empty() {
                format!("{} {}", q(&d.id), d.rating)
            } else {
                format!("{} {} ({})", q(&d.id), d.rating, why.join(", "))
            }
        })
        .collect();
    w.with("details-ratings", &[("list", t(&ratings.join("; ")))])
}

/// `, crisis` after a crisis rule's floor, in the words' language.
pub(super) fn crisis_mark(w: &words::Words, crisis: bool) -> String {
    if crisis {
        w.get("details-crisis-mark")
    } else {
        String::new()
    }
}

/// `text` ending in a full stop (or other end mark).
pub(super) fn with_stop(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['.', '!', '?']) {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}

/// The level, what it is, and the next step.
pub(super) fn heading(out: &mut String, r: &Report, width: usize) {
    let w = words::of(&r.lang);
    let heading = w.with("recommended-level", &[("level", t(&r.level_name))]);
    out.push_str(&format!("{}\n", wrap(&heading, width, 0, "  ")));
    out.push_str(&format!("  {}\n", wrap(&r.level_summary, width, 2, "  ")));
    if !r.complete {
        let partial = w.get("partial-result");
        out.push_str(&format!("  {}\n", wrap(&partial, width, 2, "  ")));
    }
    if let Some(step) = &r.next_step {
        out.push_str(&format!(
            "  {}\n",
            wrap(&w.with("next-step", &[("step", t(step))]), width, 2, "  ")
        ));
    }
}

/// What decided the level, then what else counted, each with the answers.
fn why(out: &mut String, r: &Report, width: usize) {
    let words = words::of(&r.lang);
    let w = why::explain(r);
    out.push_str(&format!("\n{}\n", words.get("why-heading")));
    if !w.deciding.is_empty() {
        let lead = words.with("why-lead", &[("count", words::number(w.deciding.len()))]);
        out.push_str(&format!("  {lead}\n"));
        for reason in &w.deciding {
            bullet(out, r, reason, width);
        }
    }
    out.push_str(&format!("  {}\n", wrap(&w.ratings, width, 2, "  ")));
    if !w.also.is_empty() {
        out.push_str(&format!("  {}\n", words.get("also-counted")));
        for reason in &w.also {
            bullet(out, r, reason, width);
        }
    }
}

fn bullet(out: &mut String, r: &Report, reason: &why::Reason<'_>, width: usize) {
    let words = words::of(&r.lang);
    let mut text = reason.text.clone();
    if let Some(level) = reason.alone {
        text.push(' ');
        text.push_str(&words.with("on-its-own", &[("level", t(level))]));
    }
    out.push_str(&format!("  - {}\n", wrap(&text, width, 4, "    ")));
    match reason.answers {
        [] => {}
        [one] => out.push_str(&format!(
            "    {}\n",
            wrap(
                &format!(
                    "{} {}",
                    why::answers_heading(words, reason.answers),
                    why::cited(one)
                ),
                width,
                4,
                "      "
            )
        )),
        many => {
            out.push_str(&format!("    {}\n", why::answers_heading(words, many)));
            for a in many {
                out.push_str(&format!(
                    "      {}\n",
                    wrap(&why::cited(a), width, 6, "        ")
                ));
            }
        }
    }
}

/// Each dimension's rating in words, with the answers that set it.
fn answers_show(out: &mut String, r: &Report, width: usize) {
    let e = &r.explanation;
    let w = words::of(&r.lang);
    out.push_str(&format!("\n{}\n", w.get("answers-show-heading")));
    let name_w = e
        .dimensions
        .iter()
        .map(|d| d.name.width())
        .max()
        .unwrap_or(0);
    let word_w = e
        .dimensions
        .iter()
        .map(|d| rating_shown(w, d).width())
        .max()
        .unwrap_or(0);
    let lead = 2 + name_w + 2 + word_w + 2;
    let side_by_side = lead + MIN_VALUE_WIDTH <= width;
    // Too narrow even for a name and its rating in columns: one per line.
    let columns = 2 + name_w + 2 + word_w <= width;
    for d in &e.dimensions {
        let line = if columns {
            format!(
                "  {}  {}",
                pad(&d.name, name_w),
                pad(&rating_shown(w, d), word_w)
            )
        } else {
            format!(
                "  {}",
                wrap(
                    &format!("{}: {}", d.name, rating_shown(w, d)),
                    width,
                    2,
                    "    "
                )
            )
        };
        let drivers = d
            .drivers
            .iter()
            .map(|dr| format!("{}: {}", dr.title, dr.label))
            .collect::<Vec<_>>()
            .join("; ");
        if drivers.is_empty() {
            out.push_str(&format!("{}\n", line.trim_end()));
        } else if side_by_side {
            out.push_str(&format!(
                "{line}  {}\n",
                wrap(&drivers, width, lead, &" ".repeat(lead))
            ));
        } else {
            out.push_str(&format!(
                "{}\n    {}\n",
                line.trim_end(),
                wrap(&drivers, width, 4, "    ")
            ));
        }
    }
}

/// The recommended level's comparison attributes.
fn in_practice(out: &mut String, r: &Report, width: usize) {
    if r.in_practice.is_empty() {
        return;
    }
    out.push_str(&format!(
        "\n{}\n",
        words::of(&r.lang).get("in-practice-heading")
    ));
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

/// Ids, codes, ratings and rules, for clinicians and audits.
fn details(out: &mut String, r: &Report, width: usize) {
    let e = &r.explanation;
    let w = words::of(&r.lang);
    let mut lines = vec![details_level(w, r, "`"), details_ratings(w, r, "")];
    if e.rules.is_empty() {
        lines.push(w.get("details-rules-none"));
    } else {
        let fired: Vec<String> = e
            .rules
            .iter()
            .map(|x| {
                let because: Vec<String> = x
                    .answers
                    .iter()
                    .map(|a| format!("{} = {}", a.question, answer_code(&a.answer)))
                    .collect();
                w.with(
                    "details-rule",
                    &[
                        ("id", t(&format!("`{}`", x.id))),
                        ("floor", t(&format!("`{}`", x.floor))),
                        ("crisis", t(&crisis_mark(w, x.crisis))),
                        ("because", t(&because.join(", "))),
                    ],
                )
            })
            .collect();
        lines.push(w.with("details-rules-fired", &[("list", t(&fired.join("; ")))]));
    }
    for (id, list, floor) in [
        ("details-declined", &e.declined, &e.declined_floor),
        ("details-unknown", &e.unknown, &e.unknown_floor),
    ] {
        if let Some(floor) = floor {
            lines.push(w.with(
                id,
                &[
                    ("list", t(&list.join(", "))),
                    ("floor", t(&format!("`{floor}`"))),
                ],
            ));
        }
    }
    if !r.ignored_answers.is_empty() {
        lines.push(w.with(
            "details-ignored",
            &[("list", t(&r.ignored_answers.join(", ")))],
        ));
    }
    let notes: Vec<&str> = r.notes.iter().map(|n| n.id.as_str()).collect();
    if !notes.is_empty() {
        lines.push(w.with("details-notes", &[("list", t(&notes.join(", ")))]));
    }
    lines.push(w.with(
        "details-rules",
        &[
            ("id", t(&format!("`{}`", r.rules.id))),
            ("version", t(&r.rules.version)),
            ("sha", t(&r.rules.sha256)),
        ],
    ));
    lines.push(w.with("details-made-by", &[("who", t(&r.made_by()))]));
    out.push_str(&format!("\n{}\n", w.get("details-heading")));
    for l in lines {
        // Cut a word longer than a line (the hash) rather than overflow.
        out.push_str(&format!("  {}\n", wrap_strict(&l, width, 2, "    ")));
    }
}

/// An answer as an answer file writes it: `code`, `a, b` or `12`.
pub(super) fn answer_code(a: &crate::answers::Answer) -> String {
    match a {
        crate::answers::Answer::Code(c) => c.to_string(),
        crate::answers::Answer::Codes(cs) => format!("[{}]", cs.join(", ")),
        crate::answers::Answer::Int(n) => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::compare::Look;
    use crate::rules::Rules;

    fn report_of(rules: &Rules, example: &str) -> Report {
        let doc = crate::read::parse(rules, "e", example).unwrap();
        let outcome = crate::engine::evaluate(rules, &doc.answers);
        super::super::build(rules, &doc.answers, &outcome, doc.id)
    }

    fn report(example: &str) -> Report {
        let rules = Rules::builtin().unwrap();
        let mut r = report_of(&rules, example);
        r.comparison = Some(
            compare::comparison(&rules, None)
                .unwrap()
                .recommend(&r.level),
        );
        r
    }

    /// Whitespace folded, so that expectations do not depend on wrapping.
    fn flat(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn at(width: usize) -> View {
        View {
            look: Look {
                width,
                ..Look::default()
            },
            details: false,
        }
    }

    const CALM: &str = "answers: {age_group: adult, self_harm_thoughts: none, recent_attempt: \"no\", harm_others: none, supervision_24_7: \"no\", reality_contact: none, high_energy: \"no\", others_worried: \"no\", stopped_meds: \"no\", self_care: managing, physical_health: \"no\", substance_use: none, daily_use: \"no\", daily_functioning: managing, support_frequency: weekly, hours_available: 10, home_safety: safe, housing: stable, outpatient_history: never, recent_discharge: \"no\", can_attend: \"yes\", readiness: ready}";

    #[test]
    fn no_line_is_wider_than_the_width_from_40_columns_up() {
        for example in [
            include_str!("../../examples/iop.yaml"),
            include_str!("../../examples/crisis.json"),
            include_str!("../../examples/outpatient.yaml"),
        ] {
            let r = report(example);
            for width in 40..=120 {
                for details in [false, true] {
                    let text = render(
                        &r,
                        View {
                            details,
                            ..at(width)
                        },
                    );
                    let widest = text.lines().map(UnicodeWidthStr::width).max().unwrap();
                    assert!(widest <= width, "width {width}: {widest}\n{text}");
                    assert!(text.contains("screening aid, not a diagnosis"));
                }
            }
        }
    }

    #[test]
    fn narrow_reports_stack_names_above_values() {
        let r = report(include_str!("../../examples/iop.yaml"));
        let text = render(&r, at(40));
        assert!(
            text.contains("  Sessions a week:\n    3 to 5 days\n"),
            "{text}"
        );
    }

    #[test]
    fn a_crisis_opens_and_closes_the_report_and_is_styled_on_a_terminal() {
        let r = report(include_str!("../../examples/crisis.json"));
        let text = render(&r, at(80));
        assert!(text.starts_with("!! CRISIS: PLEASE GET HELP NOW !!\n"));
        let block = crisis::block("en", r.crisis_message.as_deref().unwrap(), 80, false);
        assert!(text.ends_with(&block), "{text}");
        let last: Vec<&str> = text.lines().rev().collect();
        assert!(last[0].contains("local emergency number"), "{text}");
        assert!(!text.contains('\x1b'), "no color unless asked");
        let color = View {
            look: Look {
                color: true,
                ..Look::default()
            },
            details: false,
        };
        let text = render(&r, color);
        assert!(text.starts_with("\x1b[1;31m!! CRISIS"), "{text:?}");
        assert_eq!(text.matches("\x1b[1;31m!! CRISIS").count(), 2);
    }

    #[test]
    fn a_result_without_a_crisis_has_no_crisis_block() {
        let text = render(&report(include_str!("../../examples/iop.yaml")), at(80));
        assert!(!text.contains("CRISIS"));
    }

    #[test]
    fn why_leads_with_what_raised_the_level_and_names_the_answers() {
        let rules = Rules::builtin().unwrap();
        let unsafe_home = CALM
            .replace("home_safety: safe", "home_safety: unsafe")
            .replace(
                "support_frequency: weekly",
                "support_frequency: several_a_week",
            )
            .replace(
                "daily_functioning: managing",
                "daily_functioning: hard_most_days",
            );
        let r = report_of(&rules, &unsafe_home);
        assert_eq!(r.level, "inpatient");
        let text = render(&r, at(80));
        let why = &text
            [text.find("Why this level").unwrap()..text.find("What your answers show").unwrap()];
        assert!(why.starts_with("Why this level\n  This is what calls for this level:\n  - An intensive outpatient program sends people home between sessions"), "{why}");
        assert!(why.contains("    Your answers:\n      Keeping up with daily life: Most days it is hard to keep up, and some\n        things are being dropped\n      How often help is needed: Several times a week\n      Safety from someone at home or close: No, someone I live with hurts,\n        threatens or controls me\n"), "{why}");
        assert!(
            flat(why).contains(
                "Without this, your answers overall would point to: Intensive outpatient program."
            ),
            "the route: the bands alone gave IOP; {why}"
        );
    }

    #[test]
    fn the_crisis_reason_names_only_what_the_person_reported() {
        let r = report(include_str!("../../examples/crisis.json"));
        let text = render(&r, at(100));
        assert!(
            text.contains("Your answer: A plan or intent to act: Yes"),
            "{text}"
        );
        for other in ["tried to end", "hurt someone", "day and night to stay safe"] {
            assert!(!text.contains(other), "{other} was not reported: {text}");
        }
    }

    #[test]
    fn the_text_report_speaks_plainly_and_details_keep_the_ids() {
        let r = report(include_str!("../../examples/iop.yaml"));
        let plain = render(&r, at(80));
        for jargon in [
            "`",
            "band",
            "placement",
            "rule fired",
            "(iop)",
            "support_frequency",
        ] {
            assert!(!plain.contains(jargon), "{jargon:?} in:\n{plain}");
        }
        let detailed = render(
            &r,
            View {
                details: true,
                ..at(80)
            },
        );
        let details = flat(&detailed[detailed.find("Details for clinicians").unwrap()..]);
        assert!(
            details.contains("Level: `iop`. Bands: the highest of the ratings is 2"),
            "{details}"
        );
        assert!(
            details.contains("support_need 2 (support_frequency = several_a_week)"),
            "{details}"
        );
        assert!(
            details.contains(
                "`daily_support` (floor `iop`) because daily_functioning = hard_most_days, support_frequency = several_a_week"
            ),
            "{details}"
        );
    }

    #[test]
    fn a_level_set_by_the_ratings_alone_says_so() {
        let rules = Rules::builtin().unwrap();
        let r = report_of(&rules, CALM);
        let text = render(&r, at(80));
        assert!(
            flat(&text).contains("Why this level Your answers show mild concerns at most (Support needed), and nothing that calls for more than this level of care."),
            "{text}"
        );
        assert!(!text.contains("Also counted"));
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
        let r = report_of(&rules, "answers: {danger: \"no\", hours: 5}");
        let out = render(&r, at(80));
        let wide = out.lines().find(|l| l.contains("治療")).unwrap();
        let cost = out.lines().find(|l| l.contains("Cost:")).unwrap();
        // Eight wide characters take 16 columns: the values line up.
        assert_eq!(wide, "  治療を受ける場所: Home", "{out}");
        assert_eq!(cost, "  Cost:             Low", "{out}");
    }
}
