//! `carelevel questions`: the question list for other programs.

use serde::Serialize;

use crate::rules::model::{Condition, Question};
use crate::rules::Rules;

/// One question as other programs see it.
#[derive(Debug, Serialize)]
pub struct QuestionOut<'a> {
    pub id: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// A short name for lists and messages.
    pub title: &'a str,
    pub prompt: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    pub required: bool,
    pub safety: bool,
    /// Least to most severe.
    pub options: Vec<OptionOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<&'a Condition>,
}

#[derive(Debug, Serialize)]
pub struct OptionOut<'a> {
    pub code: &'a str,
    pub label: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub declines: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unknown: bool,
}

/// The questions in asking order.
pub fn list(rules: &Rules) -> Vec<QuestionOut<'_>> {
    rules.file.questions.iter().map(out).collect()
}

fn out(q: &Question) -> QuestionOut<'_> {
    QuestionOut {
        id: &q.id,
        kind: q.kind.as_str(),
        title: q.title.trim(),
        prompt: q.prompt.trim_end(),
        help: q.help.as_deref().map(str::trim_end),
        required: q.required,
        safety: q.safety,
        options: q
            .options
            .iter()
            .map(|o| OptionOut {
                code: &o.code,
                label: &o.label,
                declines: o.declines,
                unknown: o.unknown,
            })
            .collect(),
        min: q.min,
        max: q.max,
        unit: q.unit.as_deref(),
        when: q.when.as_deref(),
    }
}

/// Pretty JSON array with a trailing newline.
pub fn json(rules: &Rules) -> String {
    let mut s = serde_json::to_string_pretty(&list(rules)).expect("questions always serialize");
    s.push('\n');
    s
}

/// The same list as YAML.
pub fn yaml(rules: &Rules) -> String {
    crate::yaml_out::to_string(&list(rules))
}
