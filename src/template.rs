//! `carelevel template`: a blank answer file to fill in.

use indexmap::IndexMap;

use crate::rules::model::{Condition, QuestionKind, Respondent};
use crate::rules::Rules;

/// Comment lines are wrapped to this width.
const WIDTH: usize = 80;

/// `text` as comment lines starting with `prefix` (which ends in `#` and a
/// space), wrapped to [`WIDTH`]; later lines of one entry hang by `hang`.
fn comment(prefix: &str, text: &str, hang: usize) -> String {
    let indent = format!("{prefix}{}", " ".repeat(hang));
    format!(
        "{prefix}{}\n",
        crate::report::wrap_text_from(text, WIDTH, prefix.len(), &indent)
    )
}

/// A commented YAML answer file: every question, blank, with its allowed
/// answers ("prefer not to say" last) and when it is asked.
///
/// A file for someone answering about the person says so
/// (`respondent: other`), so that its result is worded for them.
pub fn yaml(rules: &Rules, respondent: Respondent) -> String {
    let f = &rules.file;
    let w = crate::words::of(&rules.lang);
    let t = crate::words::text;
    let way = crate::resume::Way::of(rules, false, respondent);
    let this = w.get("this-file");
    let mut out = String::new();
    for line in [
        w.with("template-for", &[("title", t(&one_line(&f.title)))]),
        w.with(
            "template-rules",
            &[("id", t(&f.id)), ("version", t(&f.version))],
        ),
        w.get("template-fill-in"),
        w.with("template-result", &[("command", t(&way.result(&this)))]),
        w.with("template-guided", &[("command", t(&way.resume(&this)))]),
        w.get("template-follow-up"),
    ] {
        out.push_str(&comment("# ", &line, 2));
    }
    out.push_str("#\n");
    out.push_str(&comment("# ", &one_line(&f.disclaimer), 0));
    if respondent == Respondent::Other {
        out.push_str(&format!("# {}\n", w.get("template-other")));
        out.push_str("respondent: other\n");
    }
    out.push_str("answers:\n");
    for q in &f.questions {
        out.push('\n');
        out.push_str(&comment("  # ", &one_line(&q.title), 2));
        out.push_str(&comment("  #    ", &one_line(&q.prompt), 0));
        match q.kind {
            QuestionKind::YesNo | QuestionKind::Choice | QuestionKind::Multi => {
                out.push_str(&format!(
                    "  # {}\n",
                    w.get(if q.kind == QuestionKind::Multi {
                        "template-codes"
                    } else {
                        "template-code"
                    })
                ));
                let code_w = q.options.iter().map(|o| o.code.len()).max().unwrap_or(0);
                for (_, o) in q.shown_options() {
                    // The label in its own column, hanging under itself.
                    let prefix = format!("  #    {:code_w$}  ", o.code);
                    let indent = format!("  #    {}", " ".repeat(code_w + 2));
                    out.push_str(&format!(
                        "{prefix}{}\n",
                        crate::report::wrap_text_from(
                            &one_line(&o.label),
                            WIDTH,
                            prefix.chars().count(),
                            &indent
                        )
                    ));
                }
            }
            QuestionKind::Integer => {
                let unit = q
                    .unit
                    .as_ref()
                    .map(|u| format!(" ({})", one_line(u)))
                    .unwrap_or_default();
                let line = w.with(
                    "template-number",
                    &[
                        ("min", t(&q.min.unwrap_or(0).to_string())),
                        ("max", t(&q.max.unwrap_or(0).to_string())),
                        ("unit", t(&unit)),
                    ],
                );
                out.push_str(&comment("  # ", &line, 2));
            }
        }
        if let Some(c) = &q.when {
            out.push_str(&comment(
                "  # ",
                &w.with("template-asked-when", &[("condition", t(&describe(w, c)))]),
                2,
            ));
        }
        if !q.required {
            out.push_str(&format!("  # {}\n", w.get("template-optional")));
        }
        out.push_str(&format!("  {}:\n", q.id));
    }
    out
}

/// The same blank file as JSON (every answer `null`).
pub fn json(rules: &Rules, respondent: Respondent) -> String {
    let answers: IndexMap<&str, Option<()>> = rules
        .file
        .questions
        .iter()
        .map(|q| (q.id.as_str(), None))
        .collect();
    let mut doc = serde_json::Map::new();
    if respondent == Respondent::Other {
        doc.insert("respondent".into(), "other".into());
    }
    doc.insert(
        "answers".into(),
        serde_json::to_value(answers).expect("a template always serializes"),
    );
    let mut s = serde_json::to_string_pretty(&doc).expect("a template always serializes");
    s.push('\n');
    s
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A condition in words: `self_harm_thoughts is at least passive`.
pub fn describe(w: &crate::words::Words, c: &Condition) -> String {
    let t = crate::words::text;
    let join = |list: &Vec<Condition>, word: &str| {
        list.iter()
            .map(|s| describe(w, s))
            .collect::<Vec<_>>()
            .join(&format!(" {} ", w.get(word)))
    };
    if let Some(l) = &c.all {
        return format!("({})", join(l, "cond-and"));
    }
    if let Some(l) = &c.any {
        return format!("({})", join(l, "cond-or"));
    }
    if let Some(s) = &c.not {
        return w.with("cond-not", &[("condition", t(&describe(w, s)))]);
    }
    let id = format!("`{}`", c.answer.as_deref().unwrap_or("?"));
    let one = |key: &str, v: String| w.with(key, &[("id", t(&id)), ("value", t(&v))]);
    if let Some(v) = &c.is {
        return one("cond-is", format!("`{v}`"));
    }
    if let Some(vs) = &c.in_ {
        let codes: Vec<String> = vs.iter().map(|v| format!("`{v}`")).collect();
        return one("cond-in", codes.join(", "));
    }
    if let Some(v) = &c.at_least {
        return one("cond-at-least", format!("`{v}`"));
    }
    if let Some(v) = &c.at_most {
        return one("cond-at-most", format!("`{v}`"));
    }
    String::from("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_wrapped_at_80_columns_and_declining_comes_last() {
        let rules = Rules::builtin().unwrap();
        let out = yaml(&rules, Respondent::Myself);
        assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
        assert!(
            out.contains("# This is a screening aid, not a diagnosis"),
            "{out}"
        );
        let harm = &out[out.find("Hurting or threatening someone else").unwrap()..];
        let harm = &harm[..harm.find("harm_others:").unwrap()];
        assert!(
            harm.find("intent ").unwrap() < harm.find("declined ").unwrap(),
            "{harm}"
        );
        assert!(
            out.contains("  #    self_injury_repeated  More than once, I hurt myself on purpose, but I did\n  #                          not mean to die\n"),
            "a long label hangs under itself: {out}"
        );
        let doc: serde_yaml::Value = serde_yaml::from_str(&out).unwrap();
        assert_eq!(
            doc["answers"].as_mapping().unwrap().len(),
            rules.file.questions.len()
        );
    }

    #[test]
    fn multi_line_labels_stay_inside_comments() {
        let text = include_str!("../tests/fixtures/minimal.yaml").replace(
            "        label: None\n",
            "        label: |\n          None at all,\n          not even a little\n",
        );
        let rules = Rules::parse("m.yaml", &text).unwrap();
        let out = yaml(&rules, Respondent::Myself);
        let doc: serde_yaml::Value =
            serde_yaml::from_str(&out).expect("the template stays valid YAML");
        assert_eq!(doc["answers"].as_mapping().unwrap().len(), 3);
        assert!(
            out.contains("  #    none  None at all, not even a little\n"),
            "{out}"
        );
    }
}
