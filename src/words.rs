//! The program's own words (headings, sentences around the rule file's
//! texts) in the language of a run, from Fluent catalogs (`i18n/*.ftl`)
//! compiled into the binary. A language without a catalog gets English;
//! the rule file's texts come from the rule file.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The catalogs, English first (the fallback).
const CATALOGS: [(&str, &str); 2] = [
    ("en", include_str!("../i18n/en.ftl")),
    ("es", include_str!("../i18n/es.ftl")),
];

/// The words of one language.
pub struct Words {
    bundle: FluentBundle<FluentResource>,
    /// The language code (`en`, `es`).
    pub lang: &'static str,
}

static LOADED: [OnceLock<Words>; CATALOGS.len()] = [OnceLock::new(), OnceLock::new()];

/// The languages the program's own words are written in.
pub fn languages() -> impl Iterator<Item = &'static str> {
    CATALOGS.iter().map(|(l, _)| *l)
}

/// The words for `lang` (a code such as `es`, or `es-MX`); English when
/// there is no catalog for it.
pub fn of(lang: &str) -> &'static Words {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    let i = CATALOGS
        .iter()
        .position(|(l, _)| l.eq_ignore_ascii_case(primary))
        .unwrap_or(0);
    LOADED[i].get_or_init(|| Words::load(CATALOGS[i].0, CATALOGS[i].1))
}

impl Words {
    fn load(lang: &'static str, ftl: &'static str) -> Words {
        let resource = FluentResource::try_new(ftl.to_owned())
            .unwrap_or_else(|(_, e)| panic!("i18n/{lang}.ftl does not parse: {e:?}"));
        let id: unic_langid::LanguageIdentifier =
            lang.parse().expect("catalog names are language codes");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around values: carelevel refuses
        // those characters in any text that reaches a terminal.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("i18n/{lang}.ftl: {e:?}"));
        Words { bundle, lang }
    }

    /// The message `id`.
    pub fn get(&self, id: &str) -> String {
        self.with(id, &[])
    }

    /// The message `id` with its `$variables`.
    pub fn with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            // A test checks that every catalog has every message.
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            fluent_args.set(*k, v.clone());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Whether the catalog has the message `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

/// What is said when a questionnaire stops early (Ctrl-C, a signal, the
/// end of the input), in the words' language: `None` for other errors.
pub fn stopped(w: &Words, e: &crate::error::Error) -> Option<String> {
    use crate::error::{Error, Progress, Signal};
    let (what, progress) = match e {
        Error::Interrupted { progress } => (w.get("stopped-ctrl-c"), progress),
        Error::Signalled {
            signal: Signal::Terminate,
            progress,
        } => (w.get("stopped-sigterm"), progress),
        Error::Signalled {
            signal: Signal::Hangup,
            progress,
        } => (w.get("stopped-sighup"), progress),
        Error::Incomplete { progress } => (w.get("input-ended"), progress),
        Error::AfterCrisis { error, .. } => return stopped(w, error),
        _ => return None,
    };
    let path = |p: &std::path::Path| text_owned(format!("`{}`", p.display()));
    let (said, help) = match progress {
        Progress::NotSaving { start } => (
            w.get("progress-not-saving"),
            Some(w.with(
                "progress-not-saving-help",
                &[("command", text_owned(start.clone()))],
            )),
        ),
        Progress::Saved { path: p, resume } => (
            w.with("progress-saved", &[("path", path(p))]),
            Some(w.with(
                "progress-saved-help",
                &[("resume", text_owned(format!("`{resume}`")))],
            )),
        ),
        Progress::NothingSaved(p) => (w.with("progress-nothing-saved", &[("path", path(p))]), None),
        Progress::Records { .. } => return None,
    };
    Some(match help {
        Some(h) => format!("{what}; {said}\n  {}: {h}", w.get("help-label")),
        None => format!("{what}; {said}"),
    })
}

fn text_owned(s: String) -> FluentValue<'static> {
    FluentValue::from(s)
}

/// A text value for [`Words::with`].
pub fn text(s: &str) -> FluentValue<'_> {
    FluentValue::from(s)
}

/// A number for [`Words::with`] (plural forms choose by it).
pub fn number(n: usize) -> FluentValue<'static> {
    FluentValue::from(n)
}

/// A whole number that may be negative, shown as it is.
pub fn number_i64(n: i64) -> FluentValue<'static> {
    FluentValue::from(n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The messages of a catalog, in order: (id, the text of its value
    /// and variants). A message starts at column 0; its other lines are
    /// indented.
    fn messages(ftl: &str) -> Vec<(&str, String)> {
        let mut out: Vec<(&str, String)> = Vec::new();
        for line in ftl.lines() {
            if line.starts_with(|c: char| c.is_ascii_lowercase()) {
                if let Some((id, rest)) = line.split_once(" =") {
                    out.push((id.trim(), rest.to_owned()));
                }
            } else if line.starts_with(' ') {
                if let Some(last) = out.last_mut() {
                    last.1.push('\n');
                    last.1.push_str(line);
                }
            }
        }
        out
    }

    /// The `$variables` a message uses.
    fn variables(text: &str) -> Vec<String> {
        let mut v: Vec<String> = text
            .split('$')
            .skip(1)
            .map(|s| {
                s.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                    .collect()
            })
            .collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn every_catalog_has_every_message_and_the_same_variables() {
        let english = messages(CATALOGS[0].1);
        assert!(english.len() > 20, "{english:?}");
        for (lang, ftl) in CATALOGS {
            let words = of(lang);
            let these = messages(ftl);
            let ids =
                |m: &[(&str, String)]| m.iter().map(|(id, _)| id.to_string()).collect::<Vec<_>>();
            assert_eq!(
                ids(&these),
                ids(&english),
                "{lang}: the same messages, in the same order"
            );
            for ((id, text), (_, en)) in these.iter().zip(&english) {
                assert!(words.has(id), "{lang} lacks {id}");
                assert_eq!(
                    variables(text),
                    variables(en),
                    "{lang} {id}: the same variables"
                );
            }
        }
    }

    #[test]
    fn words_carry_no_isolation_marks_and_fall_back_to_english() {
        let w = of("es");
        let said = w.with("record", &[("id", text("A-1"))]);
        assert!(said.contains("A-1"), "{said}");
        assert!(!said.chars().any(crate::source::is_unsafe), "{said:?}");
        assert_eq!(of("fr").lang, "en");
        assert_eq!(of("es-MX").lang, "es");
    }
}
