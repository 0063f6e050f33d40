//! Which language a run speaks: `--lang`, else the locale (`LC_ALL`,
//! `LC_MESSAGES`, then `LANG`), else the rule file's default language.

/// The language code a locale or `--lang` value names: `es_MX.UTF-8` →
/// `es`, `pt-BR` → `pt`. `None` for `C`, `POSIX` and anything that is no
/// language.
pub fn code(value: &str) -> Option<String> {
    let base = value.split(['.', '@']).next()?;
    let primary = base.split(['_', '-']).next()?.to_ascii_lowercase();
    let letters =
        (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
    (letters && primary != "c").then_some(primary)
}

/// The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES`
/// and `LANG` that is set and not empty, read by `env`.
pub fn from_locale(env: impl Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|var| env(var).filter(|v| !v.is_empty()))
        .and_then(|v| code(&v))
}

/// The language to use among `offered` (the rule file's, its default
/// first) when `asked` is asked for, and a warning when it is not offered.
pub fn choose(asked: Option<&str>, offered: &[&str]) -> (String, Option<String>) {
    let default = offered.first().copied().unwrap_or("en");
    let Some(asked) = asked else {
        return (default.to_owned(), None);
    };
    let wanted = code(asked).unwrap_or_else(|| asked.to_ascii_lowercase());
    if let Some(l) = offered.iter().find(|l| l.eq_ignore_ascii_case(&wanted)) {
        return ((*l).to_owned(), None);
    }
    let warning = format!(
        "the rules offer no `{wanted}` texts ({}); using `{default}`",
        crate::suggest::backticked(offered.iter().copied())
    );
    (default.to_owned(), Some(warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_their_language() {
        assert_eq!(code("es_MX.UTF-8").as_deref(), Some("es"));
        assert_eq!(code("es").as_deref(), Some("es"));
        assert_eq!(code("pt-BR").as_deref(), Some("pt"));
        assert_eq!(code("de_DE@euro").as_deref(), Some("de"));
        assert_eq!(code("C.UTF-8"), None);
        assert_eq!(code("POSIX"), None);
        assert_eq!(code(""), None);
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang() {
        let env = |set: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                set.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            from_locale(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "es_MX.UTF-8")])).as_deref(),
            Some("es")
        );
        assert_eq!(
            from_locale(env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "es_ES")])).as_deref(),
            Some("es")
        );
        assert_eq!(
            from_locale(env(&[("LC_ALL", ""), ("LANG", "es_AR.UTF-8")])).as_deref(),
            Some("es")
        );
        assert_eq!(from_locale(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(from_locale(env(&[])), None);
    }

    #[test]
    fn a_language_not_offered_falls_back_with_a_warning() {
        assert_eq!(
            choose(Some("es_MX.UTF-8"), &["en", "es"]),
            ("es".into(), None)
        );
        assert_eq!(choose(None, &["en", "es"]), ("en".into(), None));
        let (lang, warning) = choose(Some("fr"), &["en", "es"]);
        assert_eq!(lang, "en");
        assert_eq!(
            warning.as_deref(),
            Some("the rules offer no `fr` texts (`en`, `es`); using `en`")
        );
    }
}
