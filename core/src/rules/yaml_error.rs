//! YAML errors said in the words of the file: where, what, and a fix.
//! serde's "invalid type: integer `-1`, expected u8" becomes "expected a
//! rating from 0 (none) to 4 (most severe), found the number -1".

use crate::error::{Location, Problem};
use crate::source::{Pos, Source};
use crate::suggest;

/// Turn a YAML parse or shape error into a problem at its place, with a
/// fix; `general` is the fix when nothing more specific applies.
pub fn from_yaml_error(source: &Source, e: &serde_yaml::Error, general: &str) -> Problem {
    let full = e.to_string();
    let message = match full.find(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full.clone(),
    };
    let location = e.location().map(|l| {
        source.location(Pos {
            line: l.line(),
            column: l.column(),
        })
    });
    if message.contains("more than one document") {
        return Problem::new("the file holds more than one YAML document")
            .at(second_document(source))
            .help("keep one document: remove this line and what follows, or split the file");
    }
    if is_blank(&source.text) {
        return Problem::new("the file is empty")
            .at(location)
            .help("write one YAML mapping; see the rule file format in docs/rules.md");
    }
    // A tab where indentation goes: YAML allows only spaces there.
    if let Some(l) = e.location() {
        let line = source.line(l.line()).unwrap_or("");
        let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
        if indent.contains('\t') && l.column() <= indent.chars().count() + 1 {
            return Problem::new("a tab is used to indent this line")
                .at(location)
                .help("indent with spaces, not tabs: YAML does not allow tabs for indentation");
        }
    }
    let message = plain_words(&message, Syntax::of(&source.name, &source.text));
    let help = yaml_help(&message).unwrap_or_else(|| general.to_owned());
    Problem::new(message).at(location).help(help)
}

/// The general fix for a rule file's syntax.
pub const RULES_HELP: &str = "check the YAML syntax here and on the line before: indentation, a `:` after each key, and matching quotes and brackets";

/// Nothing but blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|l| l.is_empty() || l.starts_with('#') || l == "---")
}

/// Where the second YAML document starts: the first `---` after content,
/// or the `...` that ends the first one.
fn second_document(source: &Source) -> Option<Location> {
    let mut seen_content = false;
    for (i, line) in source.text.lines().enumerate() {
        let t = line.trim_end();
        if t == "---" || t.starts_with("--- ") || t == "..." {
            if seen_content {
                return Some(source.location(Pos {
                    line: i + 1,
                    column: 1,
                }));
            }
        } else if !t.trim_start().is_empty() && !t.trim_start().starts_with('#') {
            seen_content = true;
        }
    }
    None
}

/// Which words a file's shapes go by: YAML has lists and mappings, JSON
/// arrays and objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Yaml,
    Json,
}

impl Syntax {
    /// JSON when the file is named `*.json` or opens with `{` or `[`,
    /// else YAML.
    pub fn of(name: &str, text: &str) -> Syntax {
        if name.ends_with(".json") || text.trim_start().starts_with(['{', '[']) {
            Syntax::Json
        } else {
            Syntax::Yaml
        }
    }

    fn list(self) -> &'static str {
        match self {
            Syntax::Yaml => "a list",
            Syntax::Json => "an array",
        }
    }

    fn map(self) -> &'static str {
        match self {
            Syntax::Yaml => "a mapping of `key: value` lines",
            Syntax::Json => "an object",
        }
    }
}

/// Say serde's "invalid type: integer `-1`, expected u8" in the words of
/// the file: "expected a whole number from 0 to 255, found the number -1".
pub fn plain_words(message: &str, syntax: Syntax) -> String {
    let (path, rest) = match message
        .find("invalid type: ")
        .or(message.find("invalid value: "))
    {
        Some(i) => (&message[..i], &message[i..]),
        None => return message.to_owned(),
    };
    let rest = rest
        .trim_start_matches("invalid type: ")
        .trim_start_matches("invalid value: ");
    // The found value may itself hold ", expected ": split at the last one.
    let Some((found, expected)) = rest.rsplit_once(", expected ") else {
        return message.to_owned();
    };
    if let Some(n) = found
        .strip_prefix("integer `")
        .and_then(|n| n.strip_suffix("` as u128").or(n.strip_suffix("` as i128")))
    {
        return format!("{path}the number {n} is out of range");
    }
    let expected = if path.contains(".rate.") && expected == "u8" {
        "a rating from 0 (none) to 4 (most severe)".to_owned()
    } else {
        expected_words(expected, syntax)
    };
    format!(
        "{path}expected {expected}, found {}",
        found_words(found, syntax)
    )
}

fn expected_words(expected: &str, syntax: Syntax) -> String {
    match expected {
        "u8" => "a whole number from 0 to 255".into(),
        "u16" => "a whole number from 0 to 65535".into(),
        "u32" => "a whole number from 0 to 4294967295".into(),
        "u64" | "usize" => "a whole number of 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" | "i64 integer" => "a whole number".into(),
        "a map" | "map" => syntax.map().into(),
        e if e.starts_with("struct ") => syntax.map().into(),
        e if e.starts_with("a sequence") => syntax.list().into(),
        e => e.to_owned(),
    }
}

fn found_words(found: &str, syntax: Syntax) -> String {
    if let Some(n) = found.strip_prefix("integer ") {
        return format!("the number {}", n.trim_matches('`'));
    }
    if let Some(n) = found.strip_prefix("floating point ") {
        return format!("the number {}", n.trim_matches('`'));
    }
    match found {
        "sequence" => syntax.list().into(),
        "map" => match syntax {
            Syntax::Yaml => "a mapping".into(),
            Syntax::Json => "an object".into(),
        },
        "unit value" => "nothing (an empty value)".into(),
        f => match f.strip_prefix("string ") {
            Some(text) => format!("the text {}", window(text)),
            None => f.to_owned(),
        },
    }
}

/// The most characters of a found text that an error quotes.
const QUOTED: usize = 60;

/// A quoted text (`"..."`) cut to [`QUOTED`] characters, `…` marking the
/// cut, and to its first line.
fn window(quoted: &str) -> String {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or(quoted);
    let first = inner.lines().next().unwrap_or_default();
    let cut = first.chars().count() > QUOTED || first.len() < inner.len();
    let shown: String = first.chars().take(QUOTED).collect();
    if cut {
        format!("\"{}…\"", shown.trim_end())
    } else {
        format!("\"{shown}\"")
    }
}

fn yaml_help(message: &str) -> Option<String> {
    if let Some(rest) = message.split("unknown field `").nth(1) {
        let word = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest
            .split("expected ")
            .nth(1)
            .map(|e| e.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        return Some(match suggest::closest(word, expected.iter().copied()) {
            Some(c) => format!("did you mean `{c}`? unknown keys are not allowed"),
            None => "remove it, or check its spelling and indentation".into(),
        });
    }
    if message.contains("missing field") {
        return Some("add the field; see the rule file format in docs/rules.md".into());
    }
    if message.contains("unknown variant") {
        return Some("use one of the values listed".into());
    }
    if message.contains("too large") || message.contains("out of range") {
        return Some("use a whole number of a sensible size".into());
    }
    None
}
