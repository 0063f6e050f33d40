//! YAML that every reader reads the same way.
//!
//! A YAML 1.1 reader (PyYAML, many older tools) takes a bare `no`, `yes`,
//! `on` or `off` as a boolean, so a plain emitter turns the answer code `no`
//! into `false` for half of its readers. Here a string stays bare only when
//! it is an identifier that no YAML version reads as anything else; every
//! other string is double-quoted (JSON escapes are valid YAML).

use serde::Serialize;
use serde_json::Value;

/// `value` as block-style YAML, ending with a newline.
pub fn to_string<T: Serialize>(value: &T) -> String {
    let value = serde_json::to_value(value).expect("the output types always serialize");
    let mut out = String::new();
    match &value {
        Value::Object(m) if !m.is_empty() => map(m, 0, &mut out),
        Value::Array(a) if !a.is_empty() => seq(a, 0, &mut out),
        other => {
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
    out
}

fn map(m: &serde_json::Map<String, Value>, indent: usize, out: &mut String) {
    for (k, v) in m {
        out.push_str(&" ".repeat(indent));
        out.push_str(&string(k));
        out.push(':');
        nested(v, indent, out);
    }
}

fn seq(a: &[Value], indent: usize, out: &mut String) {
    for v in a {
        out.push_str(&" ".repeat(indent));
        out.push('-');
        match v {
            Value::Object(m) if !m.is_empty() => {
                // The first key sits on the dash's line.
                let mut inner = String::new();
                map(m, indent + 2, &mut inner);
                out.push(' ');
                out.push_str(&inner[indent + 2..]);
            }
            Value::Array(inner) if !inner.is_empty() => {
                out.push('\n');
                seq(inner, indent + 2, out);
            }
            other => {
                out.push(' ');
                out.push_str(&scalar(other));
                out.push('\n');
            }
        }
    }
}

/// The value after `key:`: on the same line if it is a scalar.
fn nested(v: &Value, indent: usize, out: &mut String) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            map(m, indent + 2, out);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            seq(a, indent, out);
        }
        other => {
            out.push(' ');
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string(s),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

/// Words YAML 1.1 or 1.2 read as booleans or null when bare.
const RESERVED: &[&str] = &[
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf",
];

fn string(s: &str) -> String {
    let identifier = s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if identifier && !RESERVED.contains(&s.to_ascii_lowercase().as_str()) {
        s.to_owned()
    } else {
        quoted(s)
    }
}

/// A double-quoted YAML scalar. Every character a YAML reader refuses,
/// or folds into a space (NEL, the Unicode line and paragraph separators),
/// is written as an escape.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\u{0}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{feff}'
            | '\u{fffe}'
            | '\u{ffff}' => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn words_a_yaml_1_1_reader_takes_for_booleans_are_quoted() {
        let out = to_string(&json!({"a": "no", "b": "Yes", "c": "off", "d": "none", "e": "N"}));
        assert_eq!(
            out,
            "a: \"no\"\nb: \"Yes\"\nc: \"off\"\nd: none\ne: \"N\"\n"
        );
    }

    #[test]
    fn sentences_numbers_and_specials_are_quoted() {
        let out =
            to_string(&json!({"t": "At home: you visit", "n": "10", "e": "", "q": "say \"hi\"\n"}));
        assert_eq!(
            out,
            "t: \"At home: you visit\"\n\"n\": \"10\"\ne: \"\"\nq: \"say \\\"hi\\\"\\n\"\n"
        );
    }

    #[test]
    fn characters_readers_refuse_or_fold_are_escaped() {
        let tricky = "a\u{7f}b\u{85}c\u{2028}d\u{feff}e\u{ffff}f\u{1b}g\th";
        let value = json!({ tricky: tricky });
        let out = to_string(&value);
        assert!(out.is_ascii(), "{out}");
        let back: Value = serde_yaml::from_str(&out).unwrap();
        assert_eq!(back, value, "{out}");
    }

    #[test]
    fn nesting_reads_back_to_the_same_value() {
        let value = json!({
            "level": "iop",
            "crisis": false,
            "count": 3,
            "empty": [],
            "none": {},
            "list": [{"id": "a", "codes": ["no", "yes"], "deep": {"x": 1}}, "plain", ["n", 2]],
            "map": {"inner": {"k": null}},
        });
        let out = to_string(&value);
        let back: Value = serde_yaml::from_str(&out).unwrap();
        assert_eq!(back, value, "{out}");
    }
}
