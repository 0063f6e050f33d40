//! One test per validation rule: each breaks the minimal valid file in one
//! way and asserts the message, its line and the fix.

use crate::error::{Error, Problem};
use crate::rules::Rules;

const MINIMAL: &str = include_str!("../../../../tests/fixtures/minimal.yaml");

/// Replace `from` (which must occur) with `to` and collect the problems.
fn broken(from: &str, to: &str) -> (String, Vec<Problem>) {
    broken_in(MINIMAL, from, to)
}

/// [`broken`], starting from the rule file `base`.
fn broken_in(base: &str, from: &str, to: &str) -> (String, Vec<Problem>) {
    assert!(base.contains(from), "fixture lacks {from:?}");
    let text = base.replacen(from, to, 1);
    match Rules::parse("r.yaml", &text) {
        Err(Error::Rules(p)) => (text, p),
        Ok(_) => panic!("expected a problem after replacing {from:?} with {to:?}"),
        Err(e) => panic!("unexpected error {e}"),
    }
}

/// Line (1-based) where `needle` first occurs at or after line `after`.
fn line_of(text: &str, needle: &str, after: usize) -> usize {
    text.lines()
        .enumerate()
        .skip(after.saturating_sub(1))
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("no line with {needle:?}"))
}

/// The problem whose message is `message`, checked to be on `line`.
fn expect<'a>(problems: &'a [Problem], message: &str, line: usize) -> &'a Problem {
    let p = problems
        .iter()
        .find(|p| p.message == message)
        .unwrap_or_else(|| panic!("no problem {message:?} in {problems:#?}"));
    let loc = p.location.as_ref().expect("a location");
    assert_eq!((loc.file.as_str(), loc.line), ("r.yaml", line), "{p}");
    p
}

fn help(p: &Problem) -> &str {
    p.help.as_deref().unwrap_or_default()
}

#[test]
fn minimal_fixture_is_valid() {
    Rules::parse("r.yaml", MINIMAL).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn schema_must_be_known() {
    let (t, p) = broken("schema: carelevel/v1", "schema: carelevel/v9");
    let p = expect(
        &p,
        "unknown schema `carelevel/v9`",
        line_of(&t, "schema:", 1),
    );
    assert!(help(p).contains("carelevel/v1"));
}

#[test]
fn texts_must_not_be_empty() {
    let (t, p) = broken("prompt: Hours a week?", "prompt: \"\"");
    expect(
        &p,
        "`questions[2].prompt` is empty",
        line_of(&t, "prompt: \"\"", 1),
    );
    let (t, p) = broken("    name: Setting\n", "    name: \" \"\n");
    expect(
        &p,
        "`attributes[0].name` is empty",
        line_of(&t, "name: \" \"", 1),
    );
    let (t, p) = broken("  - name: safe", "  - name: \"\"");
    expect(
        &p,
        "`tests[0].name` is empty",
        line_of(&t, "- name: \"\"", 1),
    );
}

#[test]
fn ids_must_be_well_formed() {
    let (t, p) = broken("id: plan", "id: Plan Now");
    let p = expect(
        &p,
        "question id `Plan Now` is not a valid id",
        line_of(&t, "Plan Now", 1),
    );
    assert!(help(p).contains("lowercase"));
}

#[test]
fn titles_are_short_single_lines_and_distinct() {
    let (t, p) = broken("title: Plan\n", "title: \"A\\nB\"\n");
    let p = expect(
        &p,
        "the title of `plan` spans several lines",
        line_of(&t, "title: \"A", 1),
    );
    assert!(help(p).contains("one line"));
    let long = "x".repeat(41);
    let (t, p) = broken("title: Plan\n", &format!("title: {long}\n"));
    let p = expect(
        &p,
        "the title of `plan` is 41 columns wide, more than 40",
        line_of(&t, &long, 1),
    );
    assert!(help(p).contains("a few words"));
    let (t, p) = broken("title: Plan\n", "title: danger\n");
    expect(
        &p,
        "`plan` has the same title as `danger`: \"danger\"",
        line_of(&t, "title: danger", 1),
    );
    let (t, p) = broken("title: Plan\n", "title: \"\"\n");
    expect(
        &p,
        "`questions[1].title` is empty",
        line_of(&t, "title: \"\"", 1),
    );
}

#[test]
fn a_question_without_a_title_is_refused_with_its_place() {
    let (t, p) = broken("    title: Plan\n", "");
    let p = p
        .iter()
        .find(|p| p.message.contains("title"))
        .unwrap_or_else(|| panic!("{p:#?}"));
    let loc = p.location.as_ref().expect("a location");
    assert_eq!(loc.line, line_of(&t, "- id: plan", 1), "{p}");
}

#[test]
fn ids_must_be_unique() {
    let (t, p) = broken("id: plan", "id: danger");
    let p = expect(
        &p,
        "duplicate question id `danger`",
        line_of(&t, "- id: danger", 40),
    );
    assert_eq!(
        help(p),
        format!(
            "it is already used at line {}; ids must be unique",
            line_of(&t, "- id: danger", 1)
        )
    );
}

#[test]
fn option_codes_must_be_unique_within_a_question() {
    let (t, p) = broken("code: some", "code: none");
    expect(
        &p,
        "duplicate option id `none`",
        line_of(&t, "code: none", line_of(&t, "code: none", 1) + 1),
    );
}

#[test]
fn test_names_must_be_unique() {
    let (t, p) = broken(
        "tests:\n",
        "tests:\n  - name: safe\n    answers: {danger: \"no\", hours: 1}\n    expect: {level: low}\n",
    );
    expect(
        &p,
        "duplicate test name `safe`",
        line_of(&t, "- name: safe", line_of(&t, "- name: safe", 1) + 1),
    );
}

#[test]
fn lists_must_not_be_empty() {
    let (t, p) = broken(
        "dimensions:\n  - id: risk\n    name: Risk\n",
        "dimensions: []\n",
    );
    expect(
        &p,
        "`dimensions` is empty",
        line_of(&t, "dimensions: []", 1),
    );
}

#[test]
fn integer_questions_need_a_range() {
    let (t, p) = broken("    min: 0\n    max: 168\n", "");
    let p = expect(
        &p,
        "integer question `hours` needs `min` and `max`",
        line_of(&t, "id: hours", 1),
    );
    assert!(help(p).contains("min: 0"));
}

#[test]
fn integer_range_must_be_ordered() {
    let (t, p) = broken("min: 0", "min: 200");
    expect(
        &p,
        "question `hours` has `min` 200 above `max` 168",
        line_of(&t, "min: 200", 1),
    );
}

#[test]
fn choice_questions_need_two_options() {
    let (t, p) = broken(
        "      - code: some\n        label: Some\n        rate: {risk: 2}\n",
        "",
    );
    expect(
        &p,
        "choice question `plan` needs at least 2 options",
        line_of(&t, "options:", 45),
    );
}

#[test]
fn yes_no_questions_offer_yes_and_no() {
    let (t, p) = broken("code: \"yes\"", "code: \"maybe\"");
    expect(
        &p,
        "yes_no question `danger` must offer exactly the codes `yes` and `no`",
        line_of(&t, "options:", 30),
    );
}

#[test]
fn range_only_on_integer_questions() {
    let (t, p) = broken(
        "    when: {answer: danger, is: \"yes\"}\n    options:",
        "    max: 3\n    when: {answer: danger, is: \"yes\"}\n    options:",
    );
    expect(
        &p,
        "`max` only applies to integer questions, and `plan` is `choice`",
        line_of(&t, "max: 3", 1),
    );
}

#[test]
fn ratings_name_known_dimensions() {
    let (t, p) = broken("rate: {risk: 2}", "rate: {rsik: 2}");
    let p = expect(
        &p,
        "unknown dimension `rsik` in option `some` of `plan`",
        line_of(&t, "rsik", 1),
    );
    assert_eq!(help(p), "did you mean `risk`?");
}

#[test]
fn ratings_stay_within_range() {
    let (t, p) = broken("rate: {risk: 2}", "rate: {risk: 7}");
    expect(&p, "rating 7 is above 4", line_of(&t, "risk: 7", 1));
}

#[test]
fn conditions_name_known_questions() {
    let (t, p) = broken(
        "when: {answer: hours, at_most: 2}",
        "when: {answer: hour, at_most: 2}",
    );
    let p = expect(
        &p,
        "unknown question `hour` in note `few_hours`",
        line_of(&t, "answer: hour,", 1),
    );
    assert_eq!(help(p), "did you mean `hours`?");
}

#[test]
fn conditions_name_known_options() {
    let (t, p) = broken(
        "      when: {answer: danger, is: \"yes\"}",
        "      when: {answer: danger, is: \"yess\"}",
    );
    expect(
        &p,
        "`yess` is not an option of `danger` in rule `danger_now`",
        line_of(&t, "yess", 1),
    );
}

#[test]
fn conditions_have_one_form() {
    let (t, p) = broken("when: {answer: hours, at_most: 2}", "when: {}");
    expect(
        &p,
        "a condition in note `few_hours` says nothing to test",
        line_of(&t, "when: {}", 1),
    );
    let (t, p) = broken(
        "when: {answer: hours, at_most: 2}",
        "when: {answer: hours, at_most: 2, any: []}",
    );
    expect(
        &p,
        "a condition in note `few_hours` mixes `any`, `answer`",
        line_of(&t, "any: []", 1),
    );
}

#[test]
fn comparisons_need_an_answer() {
    let (t, p) = broken(
        "when: {answer: hours, at_most: 2}",
        "when: {all: [{answer: hours, at_most: 2}], is: x}",
    );
    expect(
        &p,
        "`is` in note `few_hours` needs `answer`",
        line_of(&t, "is: x", 1),
    );
}

#[test]
fn answer_conditions_have_exactly_one_test() {
    let (t, p) = broken(
        "when: {answer: hours, at_most: 2}",
        "when: {answer: hours, at_most: 2, at_least: 1}",
    );
    expect(
        &p,
        "the condition on `hours` in note `few_hours` needs exactly one test, found 2",
        line_of(&t, "at_least: 1", 1),
    );
}

#[test]
fn integer_conditions_compare_numbers_in_range() {
    let (t, p) = broken("at_most: 2", "at_most: lots");
    expect(
        &p,
        "`hours` is an integer question, but note `few_hours` compares it with `lots`",
        line_of(&t, "lots", 1),
    );
    let (t, p) = broken("at_most: 2", "at_most: 900");
    expect(
        &p,
        "900 is outside the range of `hours` in note `few_hours`",
        line_of(&t, "900", 1),
    );
}

#[test]
fn ordered_tests_do_not_apply_to_multi_questions() {
    let text = MINIMAL
        .replacen("    type: choice", "    type: multi", 1)
        .replacen(
            "when: {answer: hours, at_most: 2}",
            "when: {answer: plan, at_least: some}",
            1,
        );
    let p = match Rules::parse("r.yaml", &text) {
        Err(Error::Rules(p)) => p,
        other => panic!("{other:?}"),
    };
    expect(
        &p,
        "`at_least` does not apply to multi question `plan` in note `few_hours`",
        line_of(&text, "at_least: some", 1),
    );
}

#[test]
fn empty_lists_in_conditions_are_refused() {
    let (t, p) = broken("when: {answer: hours, at_most: 2}", "when: {any: []}");
    expect(
        &p,
        "`any` in note `few_hours` is empty",
        line_of(&t, "any: []", 1),
    );
}

#[test]
fn questions_depend_only_on_earlier_ones() {
    let (t, p) = broken(
        "    min: 0\n",
        "    min: 0\n    when: {answer: hours, at_least: 1}\n",
    );
    let p = expect(
        &p,
        "questions depend on each other in a cycle: `hours` → `hours`",
        line_of(&t, "when: {answer: hours, at_least: 1}", 1),
    );
    assert!(help(p).contains("asked before it"));
    let (t, p) = broken(
        "    prompt: Are you in danger?\n",
        "    prompt: Are you in danger?\n    when: {answer: hours, at_least: 1}\n",
    );
    expect(
        &p,
        "question `danger` depends on `hours`, which is asked after it",
        line_of(&t, "when: {answer: hours", 1),
    );
}

#[test]
fn cycles_between_questions_are_named() {
    let (t, p) = broken(
        "    prompt: Are you in danger?\n",
        "    prompt: Are you in danger?\n    when: {answer: plan, is: none}\n",
    );
    expect(
        &p,
        "questions depend on each other in a cycle: `danger` → `plan` → `danger`",
        line_of(&t, "when: {answer: plan", 1),
    );
}

#[test]
fn bands_have_no_gaps() {
    let (t, p) = broken("      to: 3\n", "      to: 2\n");
    let p = expect(
        &p,
        "no band covers scores 3 to 3",
        line_of(&t, "from: 4", 1),
    );
    assert_eq!(help(p), "start this band at 3, or add a band for the gap");
}

#[test]
fn bands_do_not_overlap() {
    let (t, p) = broken("from: 4", "from: 3");
    expect(
        &p,
        "band 3–4 overlaps the band before it, which ends at 3",
        line_of(&t, "from: 3", 1),
    );
}

#[test]
fn bands_reach_the_highest_score() {
    let (t, p) = broken(
        "      from: 4\n      to: 4\n",
        "      from: 4\n      to: 4\n    - level: high\n      from: 5\n      to: 6\n",
    );
    expect(
        &p,
        "bands reach score 6, but the highest possible score is 4",
        line_of(&t, "bands:", 1),
    );
    let (t, p) = broken(
        "      from: 4\n      to: 4\n",
        "      from: 4\n      to: 3\n",
    );
    expect(
        &p,
        "band `from: 4` is above `to: 3`",
        line_of(&t, "from: 4", 1),
    );
}

#[test]
fn bands_never_step_down() {
    let (t, p) = broken(
        "    - level: low\n      from: 0\n      to: 3\n    - level: high\n",
        "    - level: high\n      from: 0\n      to: 3\n    - level: low\n",
    );
    expect(
        &p,
        "band 4–4 gives `low`, a less intensive level than a lower band",
        line_of(&t, "- level: low", 1),
    );
}

#[test]
fn bands_name_known_levels() {
    let (t, p) = broken("    - level: low\n", "    - level: lowe\n");
    let p = expect(
        &p,
        "unknown level `lowe` in a band",
        line_of(&t, "level: lowe", 1),
    );
    assert_eq!(help(p), "did you mean `low`?");
}

#[test]
fn rules_name_known_levels() {
    let (t, p) = broken("      floor: high\n", "      floor: hihg\n");
    expect(
        &p,
        "unknown level `hihg` in rule `danger_now`",
        line_of(&t, "hihg", 1),
    );
}

#[test]
fn notes_name_known_levels() {
    let (t, p) = broken("levels: [low]", "levels: [medium]");
    expect(
        &p,
        "unknown level `medium` in note `few_hours`",
        line_of(&t, "medium", 1),
    );
}

#[test]
fn crisis_rules_floor_at_the_top_level() {
    let (t, p) = broken(
        "      floor: high\n      crisis: true",
        "      floor: low\n      crisis: true",
    );
    let p = expect(
        &p,
        "crisis rule `danger_now` sets floor `low`, below the most intensive level `high`",
        line_of(&t, "floor: low", 1),
    );
    assert_eq!(
        help(p),
        "a crisis must always lead to `high`: set `floor: high`"
    );
}

#[test]
fn every_level_is_reachable() {
    let text = MINIMAL
        .replacen(
            "      to: 3\n    - level: high\n      from: 4\n      to: 4\n",
            "      to: 4\n",
            1,
        )
        .replacen(
            "      floor: high\n      crisis: true\n",
            "      floor: low\n",
            1,
        )
        .replacen("  floor: high\n  note:", "  floor: low\n  note:", 1);
    let p = match Rules::parse("r.yaml", &text) {
        Err(Error::Rules(p)) => p,
        other => panic!("{other:?}"),
    };
    expect(
        &p,
        "level `high` can never be recommended",
        line_of(&text, "id: high", 1),
    );
}

#[test]
fn bands_beyond_any_answer_do_not_count_as_reachable() {
    let text = MINIMAL
        .replacen("rate: {risk: 4}", "rate: {risk: 3}", 1)
        .replacen(
            "      floor: high\n      crisis: true\n",
            "      floor: low\n",
            1,
        )
        .replacen("  floor: high\n  note:", "  floor: low\n  note:", 1);
    let p = match Rules::parse("r.yaml", &text) {
        Err(Error::Rules(p)) => p,
        other => panic!("{other:?}"),
    };
    let p = expect(
        &p,
        "level `high` can never be recommended",
        line_of(&text, "id: high", 1),
    );
    assert!(
        help(p).contains("a score the answers can give (0, 2, 3)"),
        "{}",
        help(p)
    );
}

#[test]
fn safety_questions_offer_to_decline() {
    let (t, p) = broken(
        "      - code: declined\n        label: Prefer not to say\n        declines: true\n",
        "",
    );
    let p = expect(
        &p,
        "safety question `danger` offers no \"prefer not to say\" option",
        line_of(&t, "safety: true", 1),
    );
    assert!(help(p).contains("declines: true"));
}

#[test]
fn declining_is_never_the_least_severe_answer() {
    let (t, p) = broken(
        "      - code: \"no\"\n        label: \"No\"\n      - code: declined\n        label: Prefer not to say\n        declines: true\n",
        "      - code: declined\n        label: Prefer not to say\n        declines: true\n      - code: \"no\"\n        label: \"No\"\n",
    );
    expect(
        &p,
        "the declining option of `danger` is listed first, as the least severe answer",
        line_of(&t, "declines: true", 1),
    );
}

#[test]
fn one_declining_option_per_question() {
    let (t, p) = broken(
        "        label: \"Yes\"\n",
        "        label: \"Yes\"\n        declines: true\n",
    );
    expect(
        &p,
        "question `danger` has 2 declining options",
        line_of(&t, "declines: true", line_of(&t, "label: \"Yes\"", 1)),
    );
}

#[test]
fn declining_needs_a_declined_section() {
    let (t, p) = broken(
        "declined:\n  floor: high\n  note: not_assessed\n  text: Safety could not be assessed.\n",
        "",
    );
    let p = expect(
        &p,
        "an option declines to answer, but the file has no `declined` section",
        line_of(&t, "declines: true", 1),
    );
    assert!(help(p).contains("declined: {floor"));
}

#[test]
fn declining_never_gives_the_lowest_level() {
    let (t, p) = broken("  floor: high\n  note:", "  floor: low\n  note:");
    let p = expect(
        &p,
        "`declined.floor` is `low`, the least intensive level",
        line_of(&t, "floor: low", 1),
    );
    assert!(help(p).contains("never give the lowest level"));
}

#[test]
fn every_level_has_every_attribute() {
    let (t, p) = broken("      setting: Facility\n", "      settting: Facility\n");
    expect(
        &p,
        "level `high` compares `settting`, which is not an attribute",
        line_of(&t, "settting", 1),
    );
    let p = expect(
        &p,
        "level `high` has no value for attribute `setting`",
        line_of(&t, "compare:", line_of(&t, "id: high", 1)),
    );
    assert!(help(p).contains("\"—\""));
}

#[test]
fn a_comparison_value_is_never_empty() {
    let (t, p) = broken("      setting: Facility\n", "      setting: \"  \"\n");
    let p = expect(
        &p,
        "level `high` has an empty value for `setting`",
        line_of(&t, "setting: \"  \"", 1),
    );
    assert!(help(p).contains("\"—\""));
}

#[test]
fn test_answers_are_checked_like_answer_files() {
    let (t, p) = broken(
        "answers: {danger: \"no\", hours: 5}",
        "answers: {danger: \"nope\", hours: 5}",
    );
    let p = expect(
        &p,
        "`nope` is not an answer to `danger`",
        line_of(&t, "nope", 1),
    );
    assert!(help(p).contains("`declined` (Prefer not to say)"));
}

#[test]
fn test_expectations_name_known_things() {
    let (t, p) = broken(
        "expect: {level: low, crisis: false}",
        "expect: {level: low, crisis: false, fired: [danger_nwo]}",
    );
    let p = expect(
        &p,
        "test `safe` expects unknown rule `danger_nwo`",
        line_of(&t, "danger_nwo", 1),
    );
    assert_eq!(help(p), "did you mean `danger_now`?");
}

#[test]
fn all_problems_are_reported_at_once_in_file_order() {
    let text = MINIMAL
        .replacen("rate: {risk: 2}", "rate: {rsik: 2}", 1)
        .replacen("levels: [low]", "levels: [medium]", 1);
    let p = match Rules::parse("r.yaml", &text) {
        Err(Error::Rules(p)) => p,
        other => panic!("{other:?}"),
    };
    assert_eq!(p.len(), 2);
    assert!(p[0].location.as_ref().unwrap().line < p[1].location.as_ref().unwrap().line);
}

#[test]
fn integer_questions_have_no_options() {
    let (t, p) = broken(
        "    min: 0\n",
        "    options:\n      - {code: a, label: A}\n    min: 0\n",
    );
    let p = expect(
        &p,
        "integer question `hours` has options",
        line_of(&t, "options:", line_of(&t, "id: hours", 1)),
    );
    assert!(help(p).contains("choice"));
}

#[test]
fn in_lists_are_not_empty() {
    let (t, p) = broken(
        "when: {answer: hours, at_most: 2}",
        "when: {answer: plan, in: []}",
    );
    expect(
        &p,
        "`in` on `plan` in note `few_hours` is empty",
        line_of(&t, "in: []", 1),
    );
}

#[test]
fn missing_fields_are_named() {
    let (t, p) = broken("    prompt: Hours a week?\n", "");
    let p = p
        .iter()
        .find(|p| p.message.contains("missing field `prompt`"))
        .expect("missing field");
    assert!(p.location.as_ref().unwrap().line <= line_of(&t, "id: hours", 1) + 1);
}

#[test]
fn ordered_tests_do_not_compare_with_declining_options() {
    let (t, p) = broken(
        "      when: {answer: danger, is: \"yes\"}",
        "      when: {answer: danger, at_least: declined}",
    );
    let p = expect(
        &p,
        "`at_least: declined` in rule `danger_now` compares with a declining option",
        line_of(&t, "at_least: declined", 1),
    );
    assert!(help(p).contains("is: declined"));
}

#[test]
fn a_band_between_possible_scores_is_unreachable() {
    // Ratings are 0, 2 and 4 only: a level on score 3 alone can never be given.
    let text = MINIMAL
        .replacen("  - id: high\n", "  - id: mid\n    name: Mid\n    summary: Between.\n    compare:\n      setting: Day center\n  - id: high\n", 1)
        .replacen("      to: 3\n    - level: high\n", "      to: 2\n    - level: mid\n      from: 3\n      to: 3\n    - level: high\n", 1);
    let p = match Rules::parse("r.yaml", &text) {
        Err(Error::Rules(p)) => p,
        other => panic!("{other:?}"),
    };
    let p = expect(
        &p,
        "level `mid` can never be recommended",
        line_of(&text, "id: mid", 1),
    );
    assert!(help(p).contains("(0, 2, 4)"), "{}", help(p));
}

/// The minimal file offering the other respondent, with `prompt` of the
/// first question given for both.
fn with_other(prompt_other: &str) -> String {
    MINIMAL
        .replacen(
            "version: 0.1.0\n",
            "version: 0.1.0\nrespondents: [self, other]\n",
            1,
        )
        .replacen(
            "    prompt: Are you in danger?\n",
            &format!("    prompt:\n      self: Are you in danger?\n{prompt_other}"),
            1,
        )
}

#[test]
fn text_variants_by_respondent_are_read_and_chosen() {
    let text = with_other("      other: Is the person in danger?\n");
    let mut rules = Rules::parse("r.yaml", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        rules.file.questions[0].prompt.as_str(),
        "Are you in danger?"
    );
    rules.file.select(&crate::rules::model::Variant {
        respondent: crate::rules::model::Respondent::Other,
        lang: None,
    });
    assert_eq!(
        rules.file.questions[0].prompt.as_str(),
        "Is the person in danger?"
    );
    assert_eq!(
        rules.file.questions[1].prompt.as_str(),
        "Do you have a plan?",
        "plain texts stay"
    );
}

#[test]
fn a_missing_variant_is_an_error_at_its_text() {
    let text = with_other("");
    let p = match Rules::parse("r.yaml", &text) {
        Err(Error::Rules(p)) => p,
        other => panic!("{other:?}"),
    };
    let p = expect(
        &p,
        "`questions[0].prompt` has no `other` variant",
        line_of(&text, "    prompt:", 1),
    );
    assert!(help(p).contains("add `other: ...`"), "{p}");
}

#[test]
fn other_wording_needs_the_respondent_offered_and_known_keys() {
    let (t, p) = broken(
        "    prompt: Are you in danger?\n",
        "    prompt:\n      self: Are you in danger?\n      other: Is the person in danger?\n",
    );
    let p = expect(
        &p,
        "`questions[0].prompt` has `other` wording, but the file does not offer that respondent",
        line_of(&t, "      other:", 1),
    );
    assert!(help(p).contains("respondents: [self, other]"));
    let text = with_other("      others: Is the person in danger?\n");
    let p = match Rules::parse("r.yaml", &text) {
        Err(Error::Rules(p)) => p,
        other => panic!("{other:?}"),
    };
    expect(
        &p,
        "`others` is not a kind of variant in `questions[0].prompt`",
        line_of(&text, "others:", 1),
    );
}

#[test]
fn an_empty_variant_is_named_by_its_key() {
    let text = with_other("      other: \"\"\n");
    let p = match Rules::parse("r.yaml", &text) {
        Err(Error::Rules(p)) => p,
        other => panic!("{other:?}"),
    };
    expect(
        &p,
        "`questions[0].prompt.other` is empty",
        line_of(&text, "other: \"\"", 1),
    );
}

#[test]
fn rating_conditions_are_checked() {
    let (t, p) = broken(
        "      when: {answer: danger, is: \"yes\"}\n      floor: high",
        "      when: {dimension: riks, at_least: 2}\n      floor: high",
    );
    let p = expect(
        &p,
        "unknown dimension `riks` in rule `danger_now`",
        line_of(&t, "riks", 1),
    );
    assert!(help(p).contains("did you mean `risk`?"), "{p}");
    let (t, p) = broken(
        "      when: {answer: danger, is: \"yes\"}\n      floor: high",
        "      when: {dimension: risk, at_least: 5}\n      floor: high",
    );
    expect(
        &p,
        "`5` is not a rating, in rule `danger_now`",
        line_of(&t, "at_least: 5", 1),
    );
    let (t, p) = broken(
        "      when: {answer: danger, is: \"yes\"}\n      floor: high",
        "      when: {dimension: risk, is: 2}\n      floor: high",
    );
    expect(
        &p,
        "the condition on dimension `risk` in rule `danger_now` needs `at_least` or `at_most`",
        line_of(&t, "dimension: risk", 1),
    );
}

#[test]
fn a_question_cannot_wait_for_a_rating() {
    let (t, p) = broken(
        "    when: {answer: danger, is: \"yes\"}\n    options:",
        "    when: {dimension: risk, at_least: 2}\n    options:",
    );
    let p = expect(
        &p,
        "question `plan` is asked depending on the rating of `risk`, which is known only once every question is answered",
        line_of(&t, "dimension: risk", 1),
    );
    assert!(help(p).contains("placement rules and notes"));
}

#[test]
fn counting_conditions_need_a_count_that_can_be_met() {
    let of = "      when: {at_least: 3, of: [{answer: danger, is: \"yes\"}, {dimension: risk, at_least: 4}]}\n      floor: high";
    let (t, p) = broken(
        "      when: {answer: danger, is: \"yes\"}\n      floor: high",
        of,
    );
    let p = expect(
        &p,
        "`at_least: 3` in rule `danger_now` asks for more than the 2 conditions listed, or for none",
        line_of(&t, "at_least: 3", 1),
    );
    assert!(help(p).contains("from 1 to 2"));
    let (t, p) = broken(
        "      when: {answer: danger, is: \"yes\"}\n      floor: high",
        "      when: {of: [{answer: danger, is: \"yes\"}]}\n      floor: high",
    );
    expect(
        &p,
        "`of` in rule `danger_now` needs `at_least` alone: how many of the listed conditions must hold",
        line_of(&t, "of: [", 1),
    );
}

const BILINGUAL: &str = include_str!("../../../../tests/fixtures/minimal-es.yaml");

/// The bilingual minimal file with `from` replaced by `to`, and its problems.
fn broken_bilingual(from: &str, to: &str) -> (String, Vec<Problem>) {
    broken_in(BILINGUAL, from, to)
}

#[test]
fn a_file_in_two_languages_is_read_and_chosen() {
    let mut rules = Rules::parse("r.yaml", BILINGUAL).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rules.file.offered_languages(), ["en", "es"]);
    assert_eq!(
        rules.file.title.as_str(),
        "Minimal rules",
        "the default language"
    );
    rules.file.select(&crate::rules::model::Variant {
        respondent: crate::rules::model::Respondent::Myself,
        lang: Some("es".into()),
    });
    assert_eq!(rules.file.title.as_str(), "Reglas mínimas");
    assert_eq!(
        rules.file.questions[0].prompt.as_str(),
        "¿Está usted en peligro?"
    );
    // Ids and codes are never translated.
    assert_eq!(rules.file.questions[0].options[2].code, "yes");
}

#[test]
fn every_offered_language_needs_every_text() {
    let (t, p) = broken_bilingual("  es: Reglas mínimas\n", "");
    let p = expect(&p, "`title` has no `es` text", line_of(&t, "title:", 1));
    assert!(help(p).contains("add `es: ...`"), "{}", help(p));

    let (t, p) = broken_bilingual(
        "disclaimer:\n  en: A screening aid, not a diagnosis.\n  es: Una ayuda de detección, no un diagnóstico.\n",
        "disclaimer: A screening aid, not a diagnosis.\n",
    );
    expect(
        &p,
        "`disclaimer` is written in one language, but the file offers `en`, `es`",
        line_of(&t, "disclaimer:", 1),
    );
}

#[test]
fn language_variants_are_offered_and_not_mixed() {
    let (t, p) = broken_bilingual(
        "  es: Reglas mínimas\n",
        "  es: Reglas mínimas\n  fr: Règles\n",
    );
    let p = expect(
        &p,
        "`fr` is not a kind of variant in `title`",
        line_of(&t, "fr: Règles", 1),
    );
    assert!(help(p).contains("add it to `languages:`"), "{}", help(p));

    let (t, p) = broken_bilingual("  es: Reglas mínimas\n", "  self: Reglas mínimas\n");
    expect(
        &p,
        "`title` mixes variants by who answers and by language",
        line_of(&t, "title:", 1),
    );

    let (t, p) = broken_bilingual("languages: [en, es]", "languages: [es]");
    expect(
        &p,
        "`languages` leaves out `en`, the file's default `language`",
        line_of(&t, "languages: [", 1),
    );

    let (t, p) = broken_bilingual("languages: [en, es]", "languages: [en, Spanish]");
    expect(
        &p,
        "`Spanish` is not a language code",
        line_of(&t, "languages: [", 1),
    );
}

#[test]
fn a_text_the_same_in_both_languages_is_a_warning_not_an_error() {
    let text = BILINGUAL.replacen(
        "es: Una ayuda de detección, no un diagnóstico.",
        "es: A screening aid, not a diagnosis.",
        1,
    );
    let rules = Rules::parse("r.yaml", &text).unwrap_or_else(|e| panic!("{e}"));
    let w = crate::rules::warnings(&rules);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(
        w[0].message,
        "`disclaimer` reads the same in `es` as in `en`; is it translated?"
    );
    assert_eq!(
        w[0].location.as_ref().unwrap().line,
        line_of(&text, "disclaimer:", 1)
    );
    // One word the same in both ("Plan", "No") is no warning.
    assert!(crate::rules::warnings(&Rules::parse("r.yaml", BILINGUAL).unwrap()).is_empty());
}

/// The minimal file with an "I don't know" option on its safety question,
/// and the `unknown` section that option needs.
fn with_unknown() -> String {
    MINIMAL
        .replacen(
            "      - code: declined\n",
            "      - code: dont_know\n        label: I don't know\n        unknown: true\n      - code: declined\n",
            1,
        )
        .replacen(
            "attributes:\n",
            "unknown:\n  floor: high\n  note: not_known\n  text: Safety is not known.\nattributes:\n",
            1,
        )
}

#[test]
fn an_unknown_option_on_a_safety_question_is_valid_with_its_section() {
    Rules::parse("r.yaml", &with_unknown()).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn unknown_on_a_safety_question_needs_an_unknown_section() {
    let (t, p) = broken_in(
        &with_unknown(),
        "unknown:\n  floor: high\n  note: not_known\n  text: Safety is not known.\n",
        "",
    );
    let p = expect(
        &p,
        "a safety question offers \"I don't know\", but the file has no `unknown` section",
        line_of(&t, "unknown: true", 1),
    );
    assert!(help(p).contains("unknown: {floor"));
}

#[test]
fn not_knowing_never_gives_the_lowest_level() {
    let (t, p) = broken_in(
        &with_unknown(),
        "  floor: high\n  note: not_known",
        "  floor: low\n  note: not_known",
    );
    let p = expect(
        &p,
        "`unknown.floor` is `low`, the least intensive level",
        line_of(&t, "floor: low", 1),
    );
    assert!(help(p).contains("never give the lowest level"));
}

#[test]
fn an_option_is_not_both_unknown_and_declining() {
    let (t, p) = broken_in(
        &with_unknown(),
        "        label: Prefer not to say\n        declines: true\n",
        "        label: Prefer not to say\n        declines: true\n        unknown: true\n",
    );
    let p = expect(
        &p,
        "option `declined` of `danger` is both \"I don't know\" and \"prefer not to say\"",
        line_of(&t, "unknown: true", line_of(&t, "declines: true", 1)),
    );
    assert!(help(p).contains("its own option"));
}

#[test]
fn one_unknown_option_per_question_and_never_first() {
    let (t, p) = broken_in(
        &with_unknown(),
        "        label: \"Yes\"\n",
        "        label: \"Yes\"\n        unknown: true\n",
    );
    expect(
        &p,
        "question `danger` has 2 \"I don't know\" options",
        line_of(&t, "unknown: true", line_of(&t, "label: \"Yes\"", 1)),
    );
    let (t, p) = broken_in(
        &with_unknown(),
        "      - code: \"no\"\n        label: \"No\"\n",
        "      - code: \"no\"\n        label: \"No\"\n        unknown: true\n",
    );
    expect(
        &p,
        "the \"I don't know\" option of `danger` is listed first, as the least severe answer",
        line_of(&t, "unknown: true", 1),
    );
}

#[test]
fn ordered_tests_do_not_compare_with_unknown_options() {
    let (t, p) = broken_in(
        &with_unknown(),
        "      when: {answer: danger, is: \"yes\"}",
        "      when: {answer: danger, at_most: dont_know}",
    );
    let p = expect(
        &p,
        "`at_most: dont_know` in rule `danger_now` compares with an \"I don't know\" option",
        line_of(&t, "at_most: dont_know", 1),
    );
    assert!(help(p).contains("is: dont_know"));
}

#[test]
fn a_test_case_speaks_an_offered_language() {
    let (t, p) = broken("  - name: safe\n", "  - name: safe\n    lang: fr\n");
    let p = expect(
        &p,
        "test `safe` is in language `fr`, which the file does not offer",
        line_of(&t, "lang: fr", 1),
    );
    assert!(help(p).contains("`en`"), "{}", help(p));
}
