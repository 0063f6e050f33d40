//! The schema and the texts people read.

use std::collections::HashMap;

use unicode_width::UnicodeWidthStr;

use super::super::model::{Respondent, RuleFile};
use super::super::text::Tree;
use super::SCHEMA;
use crate::error::Problem;
use crate::source::Source;

/// The longest a question's `title` may be, in columns: it shares a line
/// with the answer on the review screen.
pub const MAX_TITLE: usize = 40;

pub(super) fn schema_is_known(f: &RuleFile, s: &Source) -> Vec<Problem> {
    if f.schema == SCHEMA {
        return vec![];
    }
    vec![Problem::new(format!("unknown schema `{}`", f.schema))
        .at(s.value("schema"))
        .help(format!(
            "this version of carelevel reads `schema: {SCHEMA}`"
        ))]
}

pub(super) fn texts_are_not_empty(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut texts: Vec<(String, &str)> = vec![("version".into(), &f.version)];
    for (path, t) in f.texts() {
        // A dimension's description is optional.
        if path.ends_with(".description") {
            continue;
        }
        for (keys, leaf) in t.leaves() {
            let mut at = path.clone();
            for k in keys {
                at = crate::source::join(&at, k);
            }
            texts.push((at, leaf));
        }
    }
    for (i, t) in f.tests.iter().enumerate() {
        texts.push((format!("tests[{i}].name"), &t.name));
    }
    texts
        .into_iter()
        .filter(|(_, t)| t.trim().is_empty())
        .map(|(path, _)| {
            let langs = f.offered_languages();
            let field = path
                .rsplit('.')
                .find(|p| Respondent::from_key(p).is_none() && !langs.contains(p))
                .unwrap_or(&path)
                .to_owned();
            Problem::new(format!("`{path}` is empty"))
                .at(s.key(&path))
                .help(format!("write the {field}; people read it"))
        })
        .collect()
}

/// The variants of a text come from one axis a level (who answers, or
/// the language), the file offers them, and none is missing: with several
/// languages, every text is written in each.
pub(super) fn variants_are_complete(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    let offered = &f.respondents;
    if !offered.contains(&Respondent::Myself) {
        out.push(
            Problem::new("`respondents` leaves out `self`, the person answering for themselves")
                .at(s.key("respondents"))
                .help("write `respondents: [self]`, or `[self, other]` when the texts have wording for someone answering about the person"),
        );
    }
    out.extend(languages_are_sound(f, s));
    let langs = f.offered_languages();
    for (path, text) in f.texts() {
        walk(
            text.tree(),
            &path,
            Seen::default(),
            offered,
            &langs,
            s,
            &mut out,
        );
    }
    out
}

/// A language code: two or three lowercase letters, and optional subtags
/// (`es`, `pt-BR`).
fn is_language(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn languages_are_sound(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    let help = "a language is a code such as `en` or `es` (or `pt-BR`)";
    if !is_language(&f.language) {
        out.push(
            Problem::new(format!("`{}` is not a language code", f.language))
                .at(s.value("language"))
                .help(help),
        );
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, l) in f.languages.iter().enumerate() {
        let at = s.value(&format!("languages[{i}]"));
        if !is_language(l) {
            out.push(
                Problem::new(format!("`{l}` is not a language code"))
                    .at(at)
                    .help(help),
            );
        } else if seen.contains(&l.as_str()) {
            out.push(
                Problem::new(format!("`languages` names `{l}` twice"))
                    .at(at)
                    .help("name each language once"),
            );
        }
        seen.push(l);
    }
    if !f.languages.is_empty() && !seen.contains(&f.language.as_str()) {
        out.push(
            Problem::new(format!(
                "`languages` leaves out `{}`, the file's default `language`",
                f.language
            ))
            .at(s.key("languages"))
            .help(format!("add `{}` to `languages`", f.language)),
        );
    }
    out
}

/// The axes a text's variants took on the way down.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    respondent: bool,
    language: bool,
}

fn walk(
    tree: &Tree,
    path: &str,
    seen: Seen,
    offered: &[Respondent],
    langs: &[&str],
    s: &Source,
    out: &mut Vec<Problem>,
) {
    let map = match tree {
        Tree::Leaf(text) => {
            // An empty text is an optional one left out (or said by
            // `texts_are_not_empty`).
            if langs.len() > 1 && !seen.language && !text.is_empty() {
                out.push(
                    Problem::new(format!(
                        "`{path}` is written in one language, but the file offers {}",
                        crate::suggest::backticked(langs.iter().copied())
                    ))
                    .at(s.value(path).or_else(|| s.key(path)))
                    .help(format!(
                        "write it in each: `{}` on lines of their own under it",
                        langs
                            .iter()
                            .map(|l| format!("{l}: ..."))
                            .collect::<Vec<_>>()
                            .join("`, `")
                    )),
                );
            }
            return;
        }
        Tree::Variants(map) => map,
    };
    let is_respondent = |k: &str| Respondent::from_key(k).is_some();
    let is_lang = |k: &str| langs.contains(&k);
    if let Some(k) = map.keys().find(|k| !is_respondent(k) && !is_lang(k)) {
        let help = if is_language(k) {
            format!("`{k}` looks like a language: add it to `languages:` at the top of the file (now {})", crate::suggest::backticked(langs.iter().copied()))
        } else {
            format!(
                "a text is a string, or a map of variants by who answers (`self`, `other`) or by language ({})",
                crate::suggest::backticked(langs.iter().copied())
            )
        };
        out.push(
            Problem::new(format!("`{k}` is not a kind of variant in `{path}`"))
                .at(s.key(&crate::source::join(path, k)))
                .help(help),
        );
        return;
    }
    let by_respondent = map.keys().all(|k| is_respondent(k));
    if !by_respondent && !map.keys().all(|k| is_lang(k)) {
        out.push(
            Problem::new(format!(
                "`{path}` mixes variants by who answers and by language"
            ))
            .at(s.key(path))
            .help("vary by one a level, e.g. `en: {self: ..., other: ...}`, then `es: ...`"),
        );
        return;
    }
    let next = if by_respondent {
        if seen.respondent {
            out.push(
                Problem::new(format!("`{path}` varies by who answers twice"))
                    .at(s.key(path))
                    .help("give each respondent's text once: `{self: ..., other: ...}`"),
            );
            return;
        }
        for r in Respondent::ALL {
            let here = map.contains_key(r.key());
            if here && !offered.contains(&r) {
                out.push(
                    Problem::new(format!(
                        "`{path}` has `{}` wording, but the file does not offer that respondent",
                        r.key()
                    ))
                    .at(s.key(&crate::source::join(path, r.key())))
                    .help("add `respondents: [self, other]` at the top of the file"),
                );
            } else if !here && offered.contains(&r) {
                out.push(
                    Problem::new(format!("`{path}` has no `{}` variant", r.key()))
                        .at(s.key(path))
                        .help(format!(
                            "every text with variants needs one for each respondent the file offers: add `{}: ...`",
                            r.key()
                        )),
                );
            }
        }
        Seen {
            respondent: true,
            ..seen
        }
    } else {
        if seen.language {
            out.push(
                Problem::new(format!("`{path}` varies by language twice"))
                    .at(s.key(path))
                    .help("give each language's text once: `{en: ..., es: ...}`"),
            );
            return;
        }
        for l in langs.iter().filter(|l| !map.contains_key(**l)) {
            out.push(
                Problem::new(format!("`{path}` has no `{l}` text"))
                    .at(s.key(path))
                    .help(format!(
                        "the file offers {}: add `{l}: ...` with the text in that language",
                        crate::suggest::backticked(langs.iter().copied())
                    )),
            );
        }
        Seen {
            language: true,
            ..seen
        }
    };
    for (k, sub) in map.iter() {
        walk(
            sub,
            &crate::source::join(path, k),
            next,
            offered,
            langs,
            s,
            out,
        );
    }
}

/// Texts that read the same in another language as in the default one:
/// likely not translated yet. One-word texts (`No`, `IOP`) often are the
/// same, and are left alone.
pub(super) fn untranslated(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let langs = f.offered_languages();
    let mut out = Vec::new();
    for (path, text) in f.texts() {
        if !text.varies() {
            continue;
        }
        for lang in langs.iter().skip(1) {
            let same = f.respondents.iter().any(|&respondent| {
                let v = |l: &str| super::super::model::Variant {
                    respondent,
                    lang: Some(l.to_owned()),
                };
                let there = text.get(&v(lang), Some(&f.language));
                there.split_whitespace().nth(1).is_some()
                    && there == text.get(&v(&f.language), Some(&f.language))
            });
            if same {
                out.push(
                    Problem::new(format!(
                        "`{path}` reads the same in `{lang}` as in `{}`; is it translated?",
                        f.language
                    ))
                    .at(s.key(&path))
                    .help(format!("write the `{lang}` text in that language")),
                );
            }
        }
    }
    out
}

/// A question's short title names it on the review screen, in reports and
/// in messages: one short line, and no two alike.
pub(super) fn titles_are_short_and_distinct(f: &RuleFile, s: &Source) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (i, q) in f.questions.iter().enumerate() {
        let base = format!("questions[{i}].title");
        for (keys, leaf) in q.title.leaves() {
            let path = keys
                .iter()
                .fold(base.clone(), |p, k| crate::source::join(&p, k));
            let leaf = leaf.trim();
            if leaf.contains('\n') {
                out.push(
                    Problem::new(format!("the title of `{}` spans several lines", q.id))
                        .at(s.value(&path))
                        .help("write the title on one line; the `prompt` holds the full question"),
                );
            } else if leaf.width() > MAX_TITLE {
                out.push(
                    Problem::new(format!(
                        "the title of `{}` is {} columns wide, more than {MAX_TITLE}",
                        q.id,
                        leaf.width()
                    ))
                    .at(s.value(&path))
                    .help("name the question in a few words, e.g. `title: Home situation`; the `prompt` holds the full question"),
                );
            }
        }
        let title = q.title.trim();
        if title.is_empty() {
            continue; // said by `texts_are_not_empty`
        }
        let key = title.to_lowercase();
        match seen.get(&key) {
            Some(first) => out.push(
                Problem::new(format!(
                    "`{}` has the same title as `{first}`: \"{title}\"",
                    q.id
                ))
                .at(s.value(&base))
                .help("give every question its own title, so that the review screen and reports tell them apart"),
            ),
            None => {
                seen.insert(key, &q.id);
            }
        }
    }
    out
}
