//! "Did you mean …?" for mistyped ids.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    // `IOP` for `iop`: a difference of case alone is always a typo.
    if let Some(c) = candidates.iter().find(|c| c.eq_ignore_ascii_case(word)) {
        return Some(c);
    }
    // Short words allow one edit: `a` is not a typo of `id`.
    let len = word.chars().count();
    let limit = if len < 4 { 1 } else { (len / 3).max(2) };
    candidates
        .into_iter()
        // Words of very different lengths are never close: skip the work.
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .map(|c| (distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A help text: the likely intended id, or the full list of valid ones.
pub fn help<'a>(
    word: &str,
    what: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    match closest(word, candidates.clone()) {
        Some(c) => format!("did you mean `{c}`?"),
        None => format!("valid {what}: {}", backticked(candidates)),
    }
}

/// Like [`help`], but always lists the valid ids, after any suggestion.
pub fn help_with_list<'a>(
    word: &str,
    what: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> String {
    let list = format!("valid {what}: {}", backticked(candidates.clone()));
    match closest(word, candidates) {
        Some(c) => format!("did you mean `{c}`? {list}"),
        None => list,
    }
}

/// The most items a list in a message names.
const LIST_CAP: usize = 40;

/// `a`, `b`, `c` (and "… and N more" past [`LIST_CAP`] items)
pub fn backticked<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.into_iter().collect();
    let mut out = items
        .iter()
        .take(LIST_CAP)
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > LIST_CAP {
        out.push_str(&format!(", … and {} more", items.len() - LIST_CAP));
    }
    out
}

/// Edits between two words, a swap of neighbors counting as one
/// (`thougths` → `thoughts`): the optimal string alignment distance.
fn distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typo_finds_the_intended_id() {
        assert_eq!(
            closest("self_harm_pln", ["self_harm_plan", "recent_attempt"]),
            Some("self_harm_plan")
        );
    }

    #[test]
    fn unrelated_word_gives_the_list() {
        assert_eq!(
            help("zzz", "levels", ["outpatient", "iop"]),
            "valid levels: `outpatient`, `iop`"
        );
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "ab"), 2);
        assert_eq!(distance("thougths", "thoughts"), 1);
        assert_eq!(distance("pasive", "passive"), 1);
    }

    #[test]
    fn a_swapped_pair_of_letters_is_one_typo() {
        // Levenshtein counts this as 2 edits, past the 1 a short word allows.
        assert_eq!(closest("ipo", ["iop", "outpatient"]), Some("iop"));
    }

    #[test]
    fn long_lists_are_cut() {
        let ids: Vec<String> = (0..100).map(|i| format!("n{i}")).collect();
        let text = backticked(ids.iter().map(String::as_str));
        assert!(text.starts_with("`n0`, `n1`"));
        assert!(text.ends_with("`n39`, … and 60 more"), "{text}");
    }
}
