//! Reading answers: an answer file (YAML or JSON), the fast paths for the
//! common shapes ([`quick`]) and a FHIR QuestionnaireResponse
//! ([`response`]), each checked against the rules. Every reader produces
//! [`crate::answers`] values and shares one validator, [`read_map`], so
//! scripted answers, the embedded test cases and pre-filled guided answers
//! are checked alike.

pub mod quick;
pub mod response;

use indexmap::IndexMap;
use serde::Deserialize;
use serde_yaml::Value;

use crate::answers::{Answer, AnswerDoc, Answers};
use crate::error::{Error, Problem};
use crate::rules::model::{Question, QuestionKind, Respondent};
use crate::rules::{from_yaml_error, Rules};
use crate::source::{join, Source};
use crate::suggest;

/// An answer file: `answers:` plus an optional record `id`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerFile {
    #[serde(default)]
    id: Option<Value>,
    /// Who answered: `self` (the default) or `other`.
    #[serde(default)]
    respondent: Option<Value>,
    #[serde(default)]
    answers: IndexMap<String, Value>,
}

/// Parse an answer file (YAML, or JSON when it starts with `{`) and check
/// every answer against `rules`. Every problem found is reported at once.
///
/// A plainly valid file of the usual shape is read directly
/// ([`crate::quick`]); anything else goes through [`parse_full`], which
/// gives each problem with its place.
pub fn parse(rules: &Rules, name: &str, text: &str) -> Result<AnswerDoc, Error> {
    match crate::read::quick::parse(rules, text)
        .or_else(|| crate::read::response::quick(rules, text))
    {
        Some(doc) => Ok(doc),
        None => parse_full(rules, name, text),
    }
}

/// [`parse`], always with the full reader: positions, duplicate keys,
/// every check.
pub fn parse_full(rules: &Rules, name: &str, text: &str) -> Result<AnswerDoc, Error> {
    let source = Source::read(name, text).map_err(|p| Error::Answers(vec![p]))?;
    let text: &str = &source.text;
    let mut problems: Vec<Problem> = source
        .duplicates()
        .iter()
        .map(|d| {
            let what = if d.path.starts_with("answers.") {
                format!("`{}` is answered twice", d.key)
            } else {
                format!("duplicate key `{}`", d.key)
            };
            Problem::new(what)
                .at(Some(source.location(d.again)))
                .help(format!("keep one; the other is at line {}", d.first.line))
        })
        .collect();
    if let Some(resource) = fhir_resource(text) {
        // A FHIR resource: a QuestionnaireResponse, or a Bundle holding one.
        return match crate::read::response::read(rules, &source, &resource) {
            Ok(doc) if problems.is_empty() => Ok(doc),
            Ok(_) => Err(Error::Answers(problems)),
            Err(more) => {
                problems.extend(more);
                problems.sort_by_key(|p| {
                    p.location
                        .as_ref()
                        .map_or((usize::MAX, 0), |l| (l.line, l.column))
                });
                Err(Error::Answers(problems))
            }
        };
    }
    let parsed: Result<AnswerFile, Problem> = if text.trim_start().starts_with('[') {
        // serde would read an array as the fields in order: refuse it.
        Err(Problem::new(
            "expected an answer file (an object with an `answers` object inside), found an array",
        )
        .at(source.value(""))
        .help(JSON_HELP))
    } else if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| json_problem(&source, &e))
    } else {
        serde_yaml::from_str(text).map_err(|e| {
            let general = match crate::rules::Syntax::of(name, text) {
                crate::rules::Syntax::Json => JSON_HELP,
                crate::rules::Syntax::Yaml => YAML_HELP,
            };
            let mut problem = from_yaml_error(&source, &e, general);
            problem.message = problem.message.replace(
                "struct AnswerFile",
                "an answer file (a map with `answers:`)",
            );
            match number_help(rules, &problem.message)
                .or_else(|| outside_answers(rules, &problem.message))
            {
                Some(help) => problem.help(help),
                None => problem,
            }
        })
    };
    let file = match parsed {
        // A duplicate key is already reported where it stands.
        Err(p) if p.message.contains("duplicate field") && !problems.is_empty() => None,
        Err(p) => {
            problems.push(p);
            None
        }
        Ok(file) => Some(file),
    };
    let Some(file) = file else {
        return Err(Error::Answers(problems));
    };
    let answers = match read_map(rules, &file.answers, &source, "answers") {
        Ok(a) => a,
        Err(more) => {
            problems.extend(more);
            Answers::empty(rules)
        }
    };
    let id =
        match file.id.map(record_id).transpose() {
            Ok(id) => id,
            Err(message) => {
                problems.push(Problem::new(message).at(source.value("id")).help(
                    "give a record number or short name on one line, e.g. `id: intake-0042`",
                ));
                None
            }
        };
    let respondent = match file.respondent {
        None | Some(Value::Null) => None,
        Some(v) => match v.as_str().and_then(Respondent::from_key) {
            Some(r) => Some(r),
            None => {
                problems.push(
                    Problem::new(format!(
                        "`respondent` is `{}`, but it is `self` or `other`",
                        serde_json::to_string(&v).unwrap_or_default()
                    ))
                    .at(source.value("respondent"))
                    .help("write `respondent: other` when someone answered about the person, or leave it out"),
                );
                None
            }
        },
    };
    if !problems.is_empty() {
        // In file order; problems only counted (no place) come last.
        problems.sort_by_key(|p| {
            p.location
                .as_ref()
                .map_or((usize::MAX, 0), |l| (l.line, l.column))
        });
        return Err(Error::Answers(problems));
    }
    Ok(AnswerDoc {
        id,
        respondent,
        subject: None,
        answers,
    })
}

/// The JSON object `text` holds, when it is a FHIR resource (it has a
/// `resourceType`); anything else is read as an answer file.
fn fhir_resource(text: &str) -> Option<serde_json::Value> {
    if !text.trim_start().starts_with('{') || !text.contains("\"resourceType\"") {
        return None;
    }
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    crate::read::response::is_resource(&value).then_some(value)
}

/// The record's `id` as text: a single line of printable characters.
fn record_id(value: Value) -> Result<String, String> {
    let text = match value {
        Value::String(s) => s,
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return Err("`id` must be a short text, not a list, a map or nothing".into()),
    };
    if text.chars().any(char::is_control) {
        return Err("`id` holds a line break or another control character".into());
    }
    Ok(text)
}

/// The general fix for an answer file in JSON.
const JSON_HELP: &str = "an answer file is an object with an `answers` object inside; `carelevel template --format json` prints one";

/// The general fix for an answer file in YAML.
const YAML_HELP: &str =
    "an answer file holds `answers:` with one `question_id: answer` per line; `carelevel template` prints one";

/// For a question answered outside `answers:`, where it belongs.
fn outside_answers(rules: &Rules, message: &str) -> Option<String> {
    let id = message.strip_prefix("unknown field `")?.split('`').next()?;
    rules.question(id).map(|_| {
        format!("answers go under `answers:`, indented, e.g. `answers:` then `  {id}: ...` on the next line; `carelevel template` prints a whole file")
    })
}

/// For a number too large to read, the range its question takes.
fn number_help(rules: &Rules, message: &str) -> Option<String> {
    if !message.contains("out of range") {
        return None;
    }
    let id = message
        .strip_prefix("answers.")
        .and_then(|rest| rest.split(':').next())?;
    let q = rules.question(id)?;
    Some(match (q.kind, q.min, q.max) {
        (QuestionKind::Integer, Some(min), Some(max)) => {
            format!("`{id}` takes a whole number from {min} to {max}")
        }
        _ => format!("`{id}` does not take a number this large"),
    })
}

/// A JSON syntax or shape error, at its character (not byte) column.
fn json_problem(source: &Source, e: &serde_json::Error) -> Problem {
    let line_text = source.line(e.line()).unwrap_or("");
    let byte = e.column().saturating_sub(1).min(line_text.len());
    let byte = (0..=byte)
        .rev()
        .find(|&b| line_text.is_char_boundary(b))
        .unwrap_or(0);
    let column = line_text[..byte].chars().count() + 1;
    let loc = source.location(crate::source::Pos {
        line: e.line().max(1),
        column,
    });
    let message = strip_position(&e.to_string()).replace("struct AnswerFile", "an answer file");
    let message = if e.is_data() {
        // Valid JSON of the wrong shape: say so in the words of the file.
        crate::rules::plain_words(&message, crate::rules::Syntax::Json)
    } else {
        format!("invalid JSON: {message}")
    };
    let help = if message.contains("number out of range") {
        "a number in an answer file is a whole number such as `12`; this one is far too large"
    } else {
        JSON_HELP
    };
    Problem::new(message).at(Some(loc)).help(help)
}

fn strip_position(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

/// Problems found in full, with place and help; later ones are only counted.
const DETAILED: usize = 4 * crate::error::MAX_SHOWN;

/// Check a map of `question id → value` (at `path` in `source`) against the rules.
pub fn read_map(
    rules: &Rules,
    map: &IndexMap<String, Value>,
    source: &Source,
    path: &str,
) -> Result<Answers, Vec<Problem>> {
    let mut answers = Answers::empty(rules);
    let mut problems = Vec::new();
    for (id, value) in map {
        let at = join(path, id);
        let Some(index) = rules.question_index(id) else {
            let problem = Problem::new(format!("unknown question `{id}`"));
            // Past the first few, a problem is only counted: where it is
            // and what was meant would never be shown.
            problems.push(if problems.len() < DETAILED {
                let ids = rules.file.questions.iter().map(|q| q.id.as_str());
                let problem = problem.at(source.key(&at));
                match suggest::closest(id, ids.clone()) {
                    Some(c) => problem.help(format!("did you mean `{c}`?")),
                    // Unknown ids with no likely meaning share one list.
                    None => problem
                        .cause("unknown question ids")
                        .help(format!("valid question ids: {}", suggest::backticked(ids))),
                }
            } else {
                problem.cause("unknown question ids")
            });
            continue;
        };
        match parse_value(&rules.file.questions[index], value) {
            Ok(a) => answers.set(index, a),
            Err((message, help)) => {
                problems.push(Problem::new(message).at(source.value(&at)).help(help))
            }
        }
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(problems)
    }
}

/// Check one value against a question; `null` means not answered.
pub fn parse_value(q: &Question, value: &Value) -> Result<Option<Answer>, (String, String)> {
    if value.is_null() {
        return Ok(None);
    }
    match q.kind {
        QuestionKind::YesNo | QuestionKind::Choice => {
            let code = code_of(value).ok_or_else(|| not_a_code(q, value))?;
            check_code(q, &code)?;
            Ok(Some(Answer::Code(code.into())))
        }
        QuestionKind::Multi => {
            let items: Vec<&Value> = match value {
                Value::Sequence(s) => s.iter().collect(),
                other => vec![other],
            };
            let mut codes: Vec<String> = Vec::new();
            for item in items {
                let code = code_of(item).ok_or_else(|| not_a_code(q, item))?;
                check_code(q, &code)?;
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            let declining = codes
                .iter()
                .filter(|c| q.option(c).is_some_and(|(_, o)| o.off_scale()))
                .count();
            if declining > 0 && codes.len() > 1 {
                return Err((
                    format!(
                        "`{}` mixes a \"prefer not to say\" or \"I don't know\" answer with others",
                        q.id
                    ),
                    "give either that code alone or the other codes".into(),
                ));
            }
            // Keep the rule file's order, so equal answers compare equal.
            codes.sort_by_key(|c| q.option(c).map(|(i, _)| i));
            Ok(Some(Answer::Codes(
                codes.into_iter().map(Into::into).collect(),
            )))
        }
        QuestionKind::Integer => {
            let (min, max) = (q.min.unwrap_or(i64::MIN), q.max.unwrap_or(i64::MAX));
            let range = format!("a whole number from {min} to {max}");
            match value.as_i64() {
                Some(n) if (min..=max).contains(&n) => Ok(Some(Answer::Int(n))),
                Some(n) => Err((
                    format!("{n} is out of range for `{}`", q.id),
                    format!("give {range}"),
                )),
                None => Err((
                    format!("`{}` needs {range}", q.id),
                    format!(
                        "write the number without quotes or units, e.g. `{}: {}`",
                        q.id,
                        min.max(0)
                    ),
                )),
            }
        }
    }
}

fn code_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(if *b { "yes" } else { "no" }.to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn check_code(q: &Question, code: &str) -> Result<(), (String, String)> {
    if q.option(code).is_some() {
        Ok(())
    } else {
        let list = format!("use one of: {}", allowed(q));
        let help = match suggest::closest(code, q.options.iter().map(|o| o.code.as_str())) {
            Some(c) => format!("did you mean `{c}`? {list}"),
            None => list,
        };
        Err((format!("`{code}` is not an answer to `{}`", q.id), help))
    }
}

fn not_a_code(q: &Question, value: &Value) -> (String, String) {
    // One line, whatever the value's shape: `["a","b"]`, `{"k":1}`.
    let shown = serde_json::to_string(value).unwrap_or_default();
    (
        format!("`{}` needs an option code, not `{shown}`", q.id),
        format!("use one of: {}", allowed(q)),
    )
}

/// `no` (No), `yes` (Yes), with a declining option last, as people see them.
pub fn allowed(q: &Question) -> String {
    q.shown_options()
        .map(|(_, o)| {
            let label = o.label.split_whitespace().collect::<Vec<_>>().join(" ");
            format!("`{}` ({label})", o.code)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Rules {
        Rules::builtin().expect("built-in rules")
    }

    fn problems(text: &str) -> Vec<Problem> {
        match parse(&rules(), "a.yaml", text) {
            Err(Error::Answers(p)) => p,
            other => panic!("expected answer problems, got {other:?}"),
        }
    }

    #[test]
    fn valid_json_of_the_wrong_shape_is_not_called_invalid() {
        let p = problems("{\"answers\": [1]}");
        assert_eq!(p[0].message, "expected an object, found an array");
        // The file's own text is quoted as it is, never reworded.
        let p = problems("{\"answers\": \"a list\"}");
        assert_eq!(
            p[0].message,
            "expected an object, found the text \"a list\""
        );
        assert_eq!(p[0].location.as_ref().unwrap().line, 1);
        let p = problems("{\"answers\": {}, }");
        assert_eq!(p[0].message, "invalid JSON: trailing comma");
    }

    #[test]
    fn a_mistyped_code_suggests_the_near_one_and_lists_all() {
        let p = problems("answers:\n  self_care: manging\n");
        let help = p[0].help.as_deref().unwrap();
        assert!(
            help.starts_with("did you mean `managing`? use one of: `managing`"),
            "{help}"
        );
    }

    #[test]
    fn a_list_where_a_code_belongs_is_shown_on_one_line() {
        let p = problems("answers:\n  self_care: [a, b]\n");
        assert_eq!(
            p[0].message,
            "`self_care` needs an option code, not `[\"a\",\"b\"]`"
        );
    }

    #[test]
    fn the_record_id_is_one_printable_line() {
        let p = problems("id: \"a\\nb\"\nanswers: {}\n");
        assert_eq!(
            p[0].message,
            "`id` holds a line break or another control character"
        );
        assert_eq!(p[0].location.as_ref().unwrap().line, 1);
        let p = problems("id: [1, 2]\nanswers: {}\n");
        assert!(
            p[0].message.starts_with("`id` must be a short text"),
            "{}",
            p[0]
        );
        let doc = parse(&rules(), "a.yaml", "id: 42\nanswers: {}\n").unwrap();
        assert_eq!(doc.id.as_deref(), Some("42"));
    }

    #[test]
    fn unknown_question_suggests_the_near_id() {
        let p = problems("answers:\n  self_harm_thoghts: none\n");
        assert_eq!(p[0].message, "unknown question `self_harm_thoghts`");
        assert_eq!(p[0].location.as_ref().unwrap().line, 2);
        assert_eq!(
            p[0].help.as_deref(),
            Some("did you mean `self_harm_thoughts`?")
        );
        let p = problems("answers:\n  colour: red\n");
        let help = p[0].help.as_deref().unwrap();
        assert!(
            help.starts_with("valid question ids: `age_group`, `self_harm_thoughts`, "),
            "{help}"
        );
    }

    #[test]
    fn a_flood_of_unknown_ids_is_one_message_and_cheap() {
        let keys: String = (0..50_000).map(|i| format!("q{i}: x, ")).collect();
        let text = format!("answers: {{{keys}}}\n");
        let start = std::time::Instant::now();
        let e = parse(&rules(), "a.yaml", &text).unwrap_err();
        let shown = e.to_string();
        assert!(start.elapsed() < std::time::Duration::from_secs(20));
        assert!(shown.len() < 4_000, "{} bytes", shown.len());
        assert_eq!(shown.matches("valid question ids").count(), 1, "{shown}");
        assert!(shown.contains("in 49999 more places, at line 1"), "{shown}");
        assert!(
            shown.ends_with("found 50000 problems in the answers"),
            "{shown}"
        );
        // Only the first few carry a place.
        let located = e.problems().iter().filter(|p| p.location.is_some()).count();
        assert_eq!(located, DETAILED);
    }

    #[test]
    fn bad_code_lists_the_allowed_codes() {
        let p = problems("answers:\n  recent_discharge: maybe\n");
        assert_eq!(
            p[0].message,
            "`maybe` is not an answer to `recent_discharge`"
        );
        let loc = p[0].location.as_ref().unwrap();
        assert_eq!((loc.line, loc.column), (2, 21));
        assert!(p[0].help.as_deref().unwrap().contains("`yes` (Yes)"));
    }

    #[test]
    fn integer_out_of_range_says_the_range() {
        let p = problems("answers:\n  hours_available: 500\n");
        assert_eq!(p[0].message, "500 is out of range for `hours_available`");
        assert_eq!(
            p[0].help.as_deref(),
            Some("give a whole number from 0 to 168")
        );
    }

    #[test]
    fn integer_as_text_is_refused() {
        let p = problems("answers:\n  hours_available: \"ten\"\n");
        assert!(p[0].message.contains("needs a whole number"));
    }

    #[test]
    fn json_booleans_count_as_yes_and_no() {
        let doc = parse(
            &rules(),
            "a.json",
            r#"{"id": 7, "answers": {"recent_discharge": true}}"#,
        )
        .unwrap();
        let q = rules().question_index("recent_discharge").unwrap();
        assert_eq!(doc.answers.get(q), Some(&Answer::Code("yes".into())));
        assert_eq!(doc.id.as_deref(), Some("7"));
    }

    #[test]
    fn broken_json_points_at_the_spot() {
        let p = match parse(&rules(), "a.json", "{\"answers\": {\"x\": }}") {
            Err(Error::Answers(p)) => p,
            other => panic!("{other:?}"),
        };
        assert!(p[0].message.starts_with("invalid JSON"));
        assert_eq!(p[0].location.as_ref().unwrap().line, 1);
    }

    #[test]
    fn null_means_not_answered() {
        let doc = parse(&rules(), "a.yaml", "answers:\n  recent_discharge:\n").unwrap();
        assert_eq!(doc.answers.iter().count(), 0);
    }

    #[test]
    fn answering_twice_is_an_error_in_yaml_and_json() {
        let p = problems("answers:\n  recent_discharge: \"no\"\n  recent_discharge: \"yes\"\n  readiness: sure\n");
        assert_eq!(p[0].message, "`recent_discharge` is answered twice");
        assert_eq!(p[0].location.as_ref().unwrap().line, 3);
        assert_eq!(p.len(), 2, "the other problems are reported too: {p:#?}");
        let p = problems(
            r#"{"answers": {"self_harm_thoughts": "none", "self_harm_thoughts": "often"}}"#,
        );
        assert_eq!(p[0].message, "`self_harm_thoughts` is answered twice");
        assert_eq!(p.len(), 1, "{p:#?}");
    }

    #[test]
    fn json_columns_count_characters() {
        let p = problems("{\"id\": \"ééééé\", \"answers\": {\"x\": }}");
        let loc = p[0].location.as_ref().unwrap();
        let snippet = loc.snippet.as_ref().unwrap();
        let line: Vec<char> = snippet.text.chars().collect();
        assert_eq!(line[snippet.caret], '}', "{}", p[0]);
    }

    #[test]
    fn unknown_top_level_key_is_refused() {
        let p = problems("answer:\n  recent_discharge: \"no\"\n");
        assert!(p[0].message.contains("unknown field `answer`"), "{}", p[0]);
    }
}

#[cfg(test)]
mod respondent {
    use super::*;

    #[test]
    fn an_answer_file_says_who_answered() {
        let rules = Rules::builtin().unwrap();
        let doc = parse(&rules, "a.yaml", "respondent: other\nanswers: {}\n").unwrap();
        assert_eq!(doc.respondent, Some(Respondent::Other));
        let doc = parse(&rules, "a.yaml", "answers: {}\n").unwrap();
        assert_eq!(doc.respondent, None);
        let e = parse(&rules, "a.yaml", "respondent: mother\nanswers: {}\n").unwrap_err();
        let p = &e.problems()[0];
        assert_eq!(
            p.message,
            "`respondent` is `\"mother\"`, but it is `self` or `other`"
        );
        assert_eq!(p.location.as_ref().unwrap().line, 1);
    }
}
