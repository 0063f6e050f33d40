//! `carelevel check`: run a rule file's own test cases, and probe it for
//! answers that would lower the level by getting worse.

use std::collections::BTreeSet;

use crate::answers::{Answer, Answers};
use crate::engine::{evaluate, Outcome};
use crate::report;
use crate::rules::model::{QuestionKind, Respondent, TestCase, Variant};
use crate::rules::Rules;

/// What happened to one test case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    pub name: String,
    /// One line per expectation that did not hold; empty when it passed.
    pub failures: Vec<String>,
}

/// A more severe answer that gave a less intensive level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Where the answers came from: a test case, or a generated set.
    pub origin: String,
    pub question: String,
    pub from: String,
    pub to: String,
    pub level_before: String,
    pub level_after: String,
}

/// Everything `check` found.
#[derive(Debug, Clone)]
pub struct CheckReport {
    pub cases: Vec<CaseResult>,
    pub violations: Vec<Violation>,
    /// Answer sets the monotonicity probe tried.
    pub probed: usize,
    /// One-step changes tried, and how many there were in all: fewer are
    /// tried, a fair sample of each set's, when the file is very large.
    pub changes: usize,
    pub possible_changes: usize,
}

impl CheckReport {
    pub fn passed(&self) -> bool {
        self.violations.is_empty() && self.cases.iter().all(|c| c.failures.is_empty())
    }
}

/// Generated answer sets the probe tries besides the test cases.
pub const PROBE_SETS: usize = 300;

/// The fewest generated sets, however large the rule file.
const MIN_PROBE_SETS: usize = 10;

/// Work the probe may spend, in units of [`eval_cost`]: about a second
/// and a half on an ordinary machine, whatever the size of the file.
const PROBE_BUDGET: usize = 20_000_000;

/// Rough cost of one evaluation, which walks every question, option, rule
/// and note once.
fn eval_cost(rules: &Rules) -> usize {
    let f = &rules.file;
    let options: usize = f.questions.iter().map(|q| q.options.len()).sum();
    (f.questions.len() + options + f.placement.rules.len() + f.notes.len()).max(1)
}

/// One-step changes in one answer set, at most: one per option.
fn steps_per_set(rules: &Rules) -> usize {
    rules
        .file
        .questions
        .iter()
        .map(|q| q.options.len().max(1))
        .sum::<usize>()
        .max(1)
}

/// Evaluations the probe may run on `rules` within `budget`.
fn probe_evaluations(rules: &Rules, budget: usize) -> usize {
    (budget / eval_cost(rules)).max(MIN_PROBE_SETS)
}

/// How many sets to generate for `rules`: [`PROBE_SETS`], fewer for rule
/// files so large that each set costs much.
pub fn probe_sets(rules: &Rules) -> usize {
    generated_sets(rules, PROBE_BUDGET)
}

fn generated_sets(rules: &Rules, budget: usize) -> usize {
    (probe_evaluations(rules, budget) / steps_per_set(rules)).clamp(MIN_PROBE_SETS, PROBE_SETS)
}

/// The rule file's own test cases that fail, of how many: what `screen`
/// and `batch` warn about when given rules whose cases do not pass.
pub fn failing_cases(rules: &Rules) -> (usize, usize) {
    let cases: Vec<CaseResult> = run_cases(rules).into_iter().map(|(c, _)| c).collect();
    let failing = cases.iter().filter(|c| !c.failures.is_empty()).count();
    (failing, cases.len())
}

/// Run every test case and the monotonicity probe.
pub fn run(rules: &Rules) -> CheckReport {
    run_within(rules, PROBE_BUDGET)
}

/// Run the rule file's own test cases, each with the answers it gave.
fn run_cases(rules: &Rules) -> Vec<(CaseResult, Answers)> {
    let mut worded: Vec<(Variant, Rules)> = Vec::new();
    rules
        .file
        .tests
        .iter()
        .map(|t| {
            let answers = crate::read::read_map(rules, &t.answers, &rules.source, "")
                .expect("test answers are checked when the rules load");
            // A case names who answers and in which language: it is run
            // with the texts worded so, which must not change its result.
            let variant = Variant {
                respondent: t.respondent.unwrap_or(Respondent::Myself),
                lang: Some(
                    t.lang
                        .clone()
                        .unwrap_or_else(|| rules.file.language.clone()),
                ),
            };
            let at = match worded.iter().position(|(v, _)| *v == variant) {
                Some(i) => i,
                None => {
                    let mut r = rules.clone();
                    r.file.select(&variant);
                    r.lang = variant.lang.clone().unwrap_or_default();
                    worded.push((variant, r));
                    worded.len() - 1
                }
            };
            let these = &worded[at].1;
            let failures = compare(these, t, &answers, &evaluate(these, &answers));
            let result = CaseResult {
                name: t.name.clone(),
                failures,
            };
            (result, answers)
        })
        .collect()
}

fn run_within(rules: &Rules, budget: usize) -> CheckReport {
    let mut sets: Vec<(String, Answers)> = Vec::new();
    let mut cases = Vec::new();
    for (case, answers) in run_cases(rules) {
        sets.push((format!("test `{}`", case.name), answers));
        cases.push(case);
    }
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for i in 0..generated_sets(rules, budget) {
        sets.push((
            format!("generated set #{}", i + 1),
            random_answers(rules, &mut rng),
        ));
    }
    let probed = sets.len();
    // Each set may try its share of the evaluations the budget allows.
    let share = (probe_evaluations(rules, budget) / probed.max(1)).max(1);
    let (mut changes, mut possible_changes) = (0, 0);
    let mut violations = Vec::new();
    for (origin, a) in &sets {
        let p = probe(rules, origin, a, share, &mut rng);
        changes += p.tried;
        possible_changes += p.possible;
        violations.extend(p.violations);
    }
    CheckReport {
        cases,
        violations,
        probed,
        changes,
        possible_changes,
    }
}

fn compare(rules: &Rules, t: &TestCase, answers: &Answers, o: &Outcome) -> Vec<String> {
    let f = &rules.file;
    let mut r = report::build(rules, answers, o, None);
    r.respondent = t.respondent.unwrap_or(Respondent::Myself);
    let mut out = Vec::new();
    // Every note and reason has its words in the case's wording.
    let empty = r
        .notes
        .iter()
        .filter(|n| n.text.trim().is_empty())
        .map(|n| n.id.as_str())
        .chain(
            r.explanation
                .rules
                .iter()
                .filter(|x| x.reason.trim().is_empty())
                .map(|x| x.id.as_str()),
        )
        .collect::<Vec<_>>();
    if !empty.is_empty() {
        out.push(format!(
            "words:  no text in `{}` for {}",
            r.lang,
            empty.join(", ")
        ));
    }
    if !o.missing.is_empty() {
        let ids: Vec<&str> = o
            .missing
            .iter()
            .map(|&q| f.questions[q].id.as_str())
            .collect();
        out.push(format!(
            "answers: missing required answers to {}",
            ids.join(", ")
        ));
    }
    if let Some(level) = &t.expect.level {
        if level != &r.level {
            out.push(format!("level:  expected `{level}`, got `{}`", r.level));
        }
    }
    if let Some(crisis) = t.expect.crisis {
        if crisis != r.crisis {
            out.push(format!("crisis: expected {crisis}, got {}", r.crisis));
        }
    }
    let notes: Vec<String> = r.notes.iter().map(|n| n.id.clone()).collect();
    for (what, want, got) in [
        ("fired", &t.expect.fired, &r.fired),
        ("notes", &t.expect.notes, &notes),
    ] {
        if let Some(want) = want {
            let want: BTreeSet<&String> = want.iter().collect();
            let got: BTreeSet<&String> = got.iter().collect();
            if want != got {
                let missing: Vec<&str> = want.difference(&got).map(|s| s.as_str()).collect();
                let extra: Vec<&str> = got.difference(&want).map(|s| s.as_str()).collect();
                let mut line = format!("{what}:  ");
                if !missing.is_empty() {
                    line.push_str(&format!("expected but absent [{}]", missing.join(", ")));
                }
                if !extra.is_empty() {
                    if !missing.is_empty() {
                        line.push_str("; ");
                    }
                    line.push_str(&format!("present but not expected [{}]", extra.join(", ")));
                }
                out.push(line);
            }
        }
    }
    for (dim, want) in t.expect.dimensions.iter().flatten() {
        let got = r.dimensions.get(dim).copied().unwrap_or(0);
        if got != *want {
            out.push(format!("dimensions.{dim}: expected {want}, got {got}"));
        }
    }
    out
}

struct Probed {
    violations: Vec<Violation>,
    tried: usize,
    possible: usize,
}

/// Try the one-step-more-severe changes of `answers` (all of them, or a
/// random `limit` of them); report any that lowers the level.
fn probe(
    rules: &Rules,
    origin: &str,
    answers: &Answers,
    limit: usize,
    rng: &mut XorShift,
) -> Probed {
    let f = &rules.file;
    let base = evaluate(rules, answers);
    let mut changes: Vec<(usize, String, Answer)> = base
        .asked
        .iter()
        .filter_map(|&qi| answers.get(qi).map(|current| (qi, current)))
        .flat_map(|(qi, current)| {
            more_severe(rules, qi, current)
                .into_iter()
                .map(move |(to, changed)| (qi, to, changed))
        })
        .collect();
    let possible = changes.len();
    if possible > limit {
        // A partial Fisher-Yates shuffle: the first `limit` are a fair sample.
        for i in 0..limit {
            let j = i + rng.below(possible - i);
            changes.swap(i, j);
        }
        changes.truncate(limit);
        changes.sort_by_key(|(qi, ..)| *qi);
    }
    let mut violations = Vec::new();
    let mut a = answers.clone();
    for (qi, to, changed) in changes.iter().cloned() {
        let current = answers.get(qi).cloned();
        a.set(qi, Some(changed));
        let after = evaluate(rules, &a);
        a.set(qi, current.clone());
        if after.level < base.level {
            violations.push(Violation {
                origin: origin.to_owned(),
                question: f.questions[qi].id.to_string(),
                from: current.as_ref().map(describe).unwrap_or_default(),
                to,
                level_before: f.levels[base.level].id.to_string(),
                level_after: f.levels[after.level].id.to_string(),
            });
        }
    }
    Probed {
        violations,
        tried: changes.len(),
        possible,
    }
}

/// The answers one step more severe than `current`.
fn more_severe(rules: &Rules, qi: usize, current: &Answer) -> Vec<(String, Answer)> {
    let q = &rules.file.questions[qi];
    match current {
        // A declining option is off the severity scale: step over it.
        Answer::Code(c) => q
            .option(c)
            .filter(|(_, o)| !o.off_scale())
            .and_then(|(i, _)| q.options[i + 1..].iter().find(|o| !o.off_scale()))
            .map(|o| (o.code.to_string(), Answer::Code(o.code.as_str().into())))
            .into_iter()
            .collect(),
        Answer::Codes(cs)
            if !cs
                .iter()
                .any(|c| q.option(c).is_some_and(|(_, o)| o.off_scale())) =>
        {
            q.options
                .iter()
                .filter(|o| !o.off_scale() && !cs.iter().any(|c| *c == o.code))
                .map(|o| {
                    let mut more = cs.clone();
                    more.push(o.code.as_str().into());
                    more.sort_by_key(|c| q.option(c).map(|(i, _)| i));
                    (format!("[{}]", more.join(", ")), Answer::Codes(more))
                })
                .collect()
        }
        _ => vec![],
    }
}

fn describe(a: &Answer) -> String {
    match a {
        Answer::Code(c) => c.to_string(),
        Answer::Codes(cs) => format!("[{}]", cs.join(", ")),
        Answer::Int(n) => n.to_string(),
    }
}

/// A small deterministic generator, so `check` gives the same verdict every run.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// A complete answer set: every question answered, asked or not.
fn random_answers(rules: &Rules, rng: &mut XorShift) -> Answers {
    let mut a = Answers::empty(rules);
    for (i, q) in rules.file.questions.iter().enumerate() {
        let answer = match q.kind {
            QuestionKind::Integer => {
                let (lo, hi) = (q.min.unwrap_or(0), q.max.unwrap_or(0));
                // i128: a range may span the whole of i64.
                let span = (i128::from(hi) - i128::from(lo)).clamp(0, 10_000) as usize + 1;
                let value = i128::from(lo) + rng.below(span) as i128;
                Answer::Int(i64::try_from(value).unwrap_or(hi))
            }
            QuestionKind::Multi => {
                let codes = q
                    .options
                    .iter()
                    .filter(|o| !o.off_scale() && rng.below(2) == 0)
                    .map(|o| o.code.as_str().into())
                    .collect();
                Answer::Codes(codes)
            }
            _ => Answer::Code(q.options[rng.below(q.options.len())].code.as_str().into()),
        };
        a.set(i, Some(answer));
    }
    a
}

/// The human-readable `check` output.
pub fn render(rules: &Rules, r: &CheckReport) -> String {
    let f = &rules.file;
    let mut out = format!("rules: {} {} ({})\n", f.id, f.version, rules.source.name);
    for c in &r.cases {
        if c.failures.is_empty() {
            out.push_str(&format!("ok    {}\n", c.name));
        } else {
            out.push_str(&format!("FAIL  {}\n", c.name));
            for line in &c.failures {
                out.push_str(&format!("        {line}\n"));
            }
        }
    }
    let sample = if r.changes < r.possible_changes {
        format!(
            "; a sample of {} of their {} one-step changes, as the file is large",
            r.changes, r.possible_changes
        )
    } else {
        String::new()
    };
    if r.violations.is_empty() {
        out.push_str(&format!(
            "ok    monotonicity: no more severe answer lowered the level ({} answer sets probed{sample})\n",
            r.probed
        ));
    } else {
        out.push_str(&format!(
            "FAIL  monotonicity: {} more severe answers lowered the level ({} answer sets probed{sample})\n",
            r.violations.len(),
            r.probed
        ));
        for v in r.violations.iter().take(10) {
            out.push_str(&format!(
                "        {}: `{}` {} -> {} lowers the level from `{}` to `{}`\n",
                v.origin, v.question, v.from, v.to, v.level_before, v.level_after
            ));
        }
        if r.violations.len() > 10 {
            out.push_str(&format!(
                "        ... and {} more\n",
                r.violations.len() - 10
            ));
        }
        out.push_str("        help: a rule that tests `is`/`in`/`not` on a less severe answer, or a follow-up that disappears as answers get worse, can cause this; prefer `at_least`\n");
    }
    let failed = r.cases.iter().filter(|c| !c.failures.is_empty()).count()
        + usize::from(!r.violations.is_empty());
    let passed = r.cases.len() + 1 - failed;
    out.push_str(&format!("\n{passed} passed, {failed} failed\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = include_str!("../tests/fixtures/minimal.yaml");

    #[test]
    fn the_widest_integer_range_does_not_overflow() {
        let text = MINIMAL.replace(
            "    min: 0\n    max: 168\n",
            "    min: -9223372036854775808\n    max: 9223372036854775807\n",
        );
        let rules = Rules::parse("m.yaml", &text).unwrap();
        assert!(run(&rules).passed());
    }

    #[test]
    fn minimal_rules_pass() {
        let rules = Rules::parse("m.yaml", MINIMAL).unwrap();
        let r = run(&rules);
        assert!(r.passed(), "{}", render(&rules, &r));
        assert!(render(&rules, &r).ends_with("2 passed, 0 failed\n"));
    }

    #[test]
    fn wrong_expectation_fails_with_a_diff() {
        let text = MINIMAL.replace(
            "expect: {level: low, crisis: false}",
            "expect: {level: high, crisis: true, fired: [danger_now]}",
        );
        let rules = Rules::parse("m.yaml", &text).unwrap();
        let r = run(&rules);
        assert!(!r.passed());
        let out = render(&rules, &r);
        assert!(out.contains("FAIL  safe\n"), "{out}");
        assert!(out.contains("level:  expected `high`, got `low`"), "{out}");
        assert!(out.contains("crisis: expected true, got false"), "{out}");
        assert!(
            out.contains("fired:  expected but absent [danger_now]"),
            "{out}"
        );
        assert!(out.ends_with("1 passed, 1 failed\n"), "{out}");
    }

    #[test]
    fn incomplete_test_answers_fail() {
        let text = MINIMAL.replace(
            "answers: {danger: \"no\", hours: 5}",
            "answers: {danger: \"no\"}",
        );
        let rules = Rules::parse("m.yaml", &text).unwrap();
        let out = render(&rules, &run(&rules));
        assert!(
            out.contains("answers: missing required answers to hours"),
            "{out}"
        );
    }

    #[test]
    fn a_rule_that_fires_only_on_a_milder_answer_breaks_monotonicity() {
        // `plan: none` (milder) lifts to `high`, `plan: some` (worse) does not.
        let text = MINIMAL.replace(
            "    - id: danger_now\n",
            "    - id: odd\n      when: {answer: hours, at_most: 168}\n      floor: low\n      reason: Always.\n    - id: mild_only\n      when: {answer: plan, is: none}\n      floor: high\n      reason: Odd.\n    - id: danger_now\n",
        )
        .replace("rate: {risk: 4}", "rate: {risk: 1}")
        .replace("      floor: high\n      crisis: true\n", "      floor: low\n");
        let rules = Rules::parse("m.yaml", &text).unwrap();
        let r = run(&rules);
        let v = r
            .violations
            .iter()
            .find(|v| v.question == "plan")
            .expect("a violation on `plan`");
        assert_eq!((v.from.as_str(), v.to.as_str()), ("none", "some"));
        assert_eq!(
            (v.level_before.as_str(), v.level_after.as_str()),
            ("high", "low")
        );
        assert!(render(&rules, &r).contains("FAIL  monotonicity"));
    }

    #[test]
    fn a_probe_over_budget_tries_a_sample_and_says_so() {
        let rules = Rules::builtin().unwrap();
        let full = run(&rules);
        assert_eq!(full.changes, full.possible_changes);
        assert!(!render(&rules, &full).contains("a sample of"));
        // Room for about one evaluation per answer set.
        let small = run_within(&rules, eval_cost(&rules) * MIN_PROBE_SETS);
        assert!(small.changes < small.possible_changes, "{small:?}");
        // Each set still tries at least one of its changes.
        assert!(small.changes >= small.probed / 2, "{small:?}");
        let text = render(&rules, &small);
        assert!(
            text.contains(&format!(
                "a sample of {} of their {} one-step changes, as the file is large",
                small.changes, small.possible_changes
            )),
            "{text}"
        );
    }

    #[test]
    fn large_rule_files_get_fewer_generated_sets() {
        let rules = Rules::builtin().unwrap();
        assert_eq!(probe_sets(&rules), PROBE_SETS);
        let mut big = Rules::builtin().unwrap();
        let q = big.file.questions[0].clone();
        big.file.questions = vec![q; 2_000];
        let n = probe_sets(&big);
        assert!((MIN_PROBE_SETS..PROBE_SETS).contains(&n), "{n}");
    }
}
