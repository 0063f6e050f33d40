//! `carelevel template`: a blank answer file to fill in.

use indexmap::IndexMap;

use crate::answers::allowed;
use crate::rules::model::{Condition, QuestionKind};
use crate::rules::Rules;

/// A commented YAML answer file: every question, blank, with its allowed answers.
pub fn yaml(rules: &Rules) -> String {
    let f = &rules.file;
    let mut out = format!(
        "# Answer file for \"{}\" (rules `{}` {}).\n\
         # Fill in the answers, then run: carelevel screen --answers THIS_FILE\n\
         # Leave a follow-up blank when its condition does not hold: it is not asked.\n\
         # {}\n",
        f.title,
        f.id,
        f.version,
        f.disclaimer
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    );
    out.push_str("answers:\n");
    for (i, q) in f.questions.iter().enumerate() {
        out.push_str(&format!("\n  # {}. {}\n", i + 1, one_line(&q.prompt)));
        let kind = match q.kind {
            QuestionKind::YesNo | QuestionKind::Choice => format!("one of: {}", allowed(q)),
            QuestionKind::Multi => format!("a list, any of: {}", allowed(q)),
            QuestionKind::Integer => format!(
                "a whole number from {} to {}{}",
                q.min.unwrap_or(0),
                q.max.unwrap_or(0),
                q.unit
                    .as_ref()
                    .map(|u| format!(" ({u})"))
                    .unwrap_or_default()
            ),
        };
        out.push_str(&format!("  # Answer: {}\n", one_line(&kind)));
        if let Some(c) = &q.when {
            out.push_str(&format!("  # Asked only when {}\n", describe(c)));
        }
        if !q.required {
            out.push_str("  # Optional.\n");
        }
        out.push_str(&format!("  {}:\n", q.id));
    }
    out
}

/// The same blank file as JSON (every answer `null`).
pub fn json(rules: &Rules) -> String {
    let answers: IndexMap<&str, Option<()>> = rules
        .file
        .questions
        .iter()
        .map(|q| (q.id.as_str(), None))
        .collect();
    let mut doc = IndexMap::new();
    doc.insert("answers", answers);
    let mut s = serde_json::to_string_pretty(&doc).expect("a template always serializes");
    s.push('\n');
    s
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A condition in words: `self_harm_thoughts is at least passive`.
pub fn describe(c: &Condition) -> String {
    let join = |list: &Vec<Condition>, word: &str| {
        list.iter()
            .map(describe)
            .collect::<Vec<_>>()
            .join(&format!(" {word} "))
    };
    if let Some(l) = &c.all {
        return format!("({})", join(l, "and"));
    }
    if let Some(l) = &c.any {
        return format!("({})", join(l, "or"));
    }
    if let Some(s) = &c.not {
        return format!("not {}", describe(s));
    }
    let id = c.answer.as_deref().unwrap_or("?");
    if let Some(v) = &c.is {
        return format!("`{id}` is `{v}`");
    }
    if let Some(vs) = &c.in_ {
        let codes: Vec<String> = vs.iter().map(|v| format!("`{v}`")).collect();
        return format!("`{id}` is one of {}", codes.join(", "));
    }
    if let Some(v) = &c.at_least {
        return format!("`{id}` is at least `{v}`");
    }
    if let Some(v) = &c.at_most {
        return format!("`{id}` is at most `{v}`");
    }
    String::from("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multi_line_labels_stay_inside_comments() {
        let text = include_str!("../tests/fixtures/minimal.yaml").replace(
            "        label: None\n",
            "        label: |\n          None at all,\n          not even a little\n",
        );
        let rules = Rules::parse("m.yaml", &text).unwrap();
        let out = yaml(&rules);
        let doc: serde_yaml::Value =
            serde_yaml::from_str(&out).expect("the template stays valid YAML");
        assert_eq!(doc["answers"].as_mapping().unwrap().len(), 3);
        assert!(
            out.contains("`none` (None at all, not even a little)"),
            "{out}"
        );
    }
}
