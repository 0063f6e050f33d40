//! The guided flow driven by a scripted prompter over the default rules.

use super::*;
use crate::answers::Answer;
use crate::ask::scripted::{Scripted, Step};
use crate::ask::{CrisisChoice, Reply, ReviewChoice};

fn rules() -> Rules {
    Rules::builtin().unwrap()
}

fn code(c: &str) -> Reply {
    Reply::Answer(Answer::Code(c.into()))
}

/// Answers for every question of the default rules after the first few,
/// giving a calm outpatient picture.
fn calm_rest() -> Vec<Step> {
    vec![
        Step::Reply("harm_others", code("none")),
        Step::Reply("supervision_24_7", code("no")),
        Step::Reply("reality_contact", code("none")),
        Step::Reply("high_energy", code("no")),
        Step::Reply("others_worried", code("no")),
        Step::Reply("stopped_meds", code("no")),
        Step::Reply("self_care", code("managing")),
        Step::Reply("physical_health", code("no")),
        Step::Reply("substance_use", code("none")),
        Step::Reply("daily_use", code("no")),
        Step::Reply("daily_functioning", code("managing")),
        Step::Reply("support_frequency", code("weekly")),
        Step::Reply("hours_available", Reply::Answer(Answer::Int(4))),
        Step::Reply("home_safety", code("safe")),
        Step::Reply("housing", code("stable")),
        Step::Reply("outpatient_history", code("never")),
        Step::Reply("recent_discharge", code("no")),
        Step::Reply("can_attend", code("yes")),
        Step::Reply("readiness", code("ready")),
    ]
}

/// The age, then the answer to the thoughts question: how every run starts.
fn start(thoughts: &str) -> Vec<Step> {
    vec![
        Step::Reply("age_group", code("adult")),
        Step::Reply("self_harm_thoughts", code(thoughts)),
    ]
}

/// `calm_rest` after "no thoughts": the recent-attempt question comes first.
fn after_none() -> Vec<Step> {
    let mut steps = vec![Step::Reply("recent_attempt", code("no"))];
    steps.extend(calm_rest());
    steps
}

fn play(
    rules: &Rules,
    prefilled: Answers,
    steps: Vec<Step>,
) -> (Result<Ended, FlowError>, Scripted) {
    let mut p = Scripted::new(steps);
    let r = run(rules, prefilled, &mut p, Settings::default());
    (r, p)
}

fn id(rules: &Rules, q: &str) -> usize {
    rules.question_index(q).unwrap()
}

#[test]
fn forward_through_every_question_to_review_and_submit() {
    let r = rules();
    let mut steps = start("none");
    steps.extend(after_none());
    steps.push(Step::Review(ReviewChoice::Submit));
    let (res, p) = play(&r, Answers::empty(&r), steps);
    let Ended {
        answers, finish, ..
    } = res.unwrap();
    assert_eq!(finish, Finish::Complete);
    assert_eq!(p.remaining(), 0);
    assert_eq!(p.shown[0], "intro");
    assert_eq!(p.shown[1], "ask age_group 1/22");
    assert_eq!(p.shown[2], "ask self_harm_thoughts 2/22");
    assert_eq!(p.shown[22], "ask readiness 22/22");
    assert!(engine::evaluate(&r, &answers).missing.is_empty());
}

#[test]
fn follow_ups_appear_and_progress_grows() {
    let r = rules();
    let mut steps = start("sometimes");
    steps.extend([
        Step::Reply("thoughts_change", code("long_standing")),
        Step::Reply("self_harm_plan", code("no")),
        Step::Reply("means_at_hand", code("no")),
        Step::Reply("recent_attempt", code("no")),
    ]);
    steps.extend(calm_rest());
    steps.push(Step::Review(ReviewChoice::Submit));
    let (res, p) = play(&r, Answers::empty(&r), steps);
    res.unwrap();
    assert_eq!(p.shown[3], "ask thoughts_change 3/25");
    assert_eq!(p.shown[4], "ask self_harm_plan 4/25");
    assert_eq!(p.shown[5], "ask means_at_hand 5/25");
    assert_eq!(
        p.shown.last().unwrap().split(',').count(),
        25,
        "review lists every asked question"
    );
}

#[test]
fn back_returns_to_the_previous_question_with_its_answer() {
    let r = rules();
    let mut steps = start("none");
    steps.extend([
        Step::Reply("recent_attempt", Reply::Back),
        Step::Reply("self_harm_thoughts", code("none")),
    ]);
    steps.extend(after_none());
    steps.push(Step::Review(ReviewChoice::Submit));
    let (res, p) = play(&r, Answers::empty(&r), steps);
    res.unwrap();
    assert_eq!(
        &p.shown[2..5],
        [
            "ask self_harm_thoughts 2/22",
            "ask recent_attempt 3/22",
            "ask self_harm_thoughts 2/22"
        ]
    );
}

#[test]
fn back_at_the_first_question_says_so() {
    let r = rules();
    let mut steps = vec![
        Step::Reply("age_group", Reply::Back),
        Step::Reply("age_group", code("adult")),
        Step::Reply("self_harm_thoughts", code("none")),
    ];
    steps.extend(after_none());
    steps.push(Step::Review(ReviewChoice::Submit));
    let (res, p) = play(&r, Answers::empty(&r), steps);
    res.unwrap();
    assert!(p.shown[2].starts_with("notice This is the first question"));
}

#[test]
fn changing_an_answer_drops_follow_ups_that_no_longer_apply() {
    let r = rules();
    let mut steps = start("sometimes");
    steps.extend([
        Step::Reply("thoughts_change", code("long_standing")),
        Step::Reply("self_harm_plan", code("no")),
        Step::Reply("means_at_hand", Reply::Back),
        Step::Reply("self_harm_plan", Reply::Back),
        Step::Reply("thoughts_change", Reply::Back),
        Step::Reply("self_harm_thoughts", code("none")),
    ]);
    // Stepping forward after going back: the next question keeps its place.
    steps.extend(after_none());
    steps.push(Step::Review(ReviewChoice::Submit));
    let (res, p) = play(&r, Answers::empty(&r), steps);
    let answers = res.unwrap().answers;
    let notice = p
        .shown
        .iter()
        .find(|s| s.starts_with("notice"))
        .expect("a notice");
    assert!(
        notice.contains(
            "Your answers to these questions were removed, as they no longer apply after this change: \"New or worse thoughts of dying\"; \"A plan or intent to act\""
        ),
        "{notice}"
    );
    assert_eq!(answers.get(id(&r, "thoughts_change")), None);
    assert_eq!(answers.get(id(&r, "self_harm_plan")), None);
    assert!(p.shown.contains(&"ask recent_attempt 3/22".to_string()));
    assert!(p.shown.contains(&"ask harm_others 4/22".to_string()));
}

#[test]
fn review_can_edit_any_answer_and_new_follow_ups_are_asked() {
    let r = rules();
    let mut steps = start("none");
    steps.extend(after_none());
    steps.push(Step::Review(ReviewChoice::Edit(id(
        &r,
        "self_harm_thoughts",
    ))));
    steps.push(Step::Reply("self_harm_thoughts", code("passive")));
    steps.push(Step::Reply("thoughts_change", code("long_standing")));
    steps.push(Step::Reply("self_harm_plan", code("no")));
    steps.push(Step::Review(ReviewChoice::Submit));
    let (res, p) = play(&r, Answers::empty(&r), steps);
    let Ended {
        answers, finish, ..
    } = res.unwrap();
    assert_eq!(finish, Finish::Complete);
    assert_eq!(
        answers.get(id(&r, "self_harm_thoughts")),
        Some(&Answer::Code("passive".into()))
    );
    assert_eq!(
        answers.get(id(&r, "self_harm_plan")),
        Some(&Answer::Code("no".into()))
    );
    assert!(
        p.shown.contains(&"ask self_harm_plan 4/24".to_string()),
        "{:#?}",
        p.shown
    );
    assert_eq!(p.remaining(), 0);
}

#[test]
fn crisis_message_comes_before_the_next_question_and_can_continue() {
    let r = rules();
    let mut steps = start("often");
    steps.extend([
        Step::Reply("thoughts_change", code("new_or_worse")),
        Step::Reply("self_harm_plan", code("yes")),
        Step::Crisis(CrisisChoice::Continue),
        Step::Reply("means_at_hand", code("no")),
        Step::Reply("recent_attempt", code("no")),
    ]);
    steps.extend(calm_rest());
    steps.push(Step::Review(ReviewChoice::Submit));
    let (res, p) = play(&r, Answers::empty(&r), steps);
    let Ended {
        answers, finish, ..
    } = res.unwrap();
    assert_eq!(finish, Finish::Complete);
    let at = p.shown.iter().position(|s| s == "crisis").unwrap();
    assert_eq!(p.shown[at - 1], "ask self_harm_plan 4/25");
    assert_eq!(p.shown[at + 1], "ask means_at_hand 5/25");
    assert_eq!(
        p.shown.iter().filter(|s| *s == "crisis").count(),
        1,
        "shown once, not after every answer"
    );
    assert!(engine::evaluate(&r, &answers).crisis);
}

#[test]
fn crisis_stop_ends_the_flow_at_once() {
    let r = rules();
    let mut steps = start("often");
    steps.extend([
        Step::Reply("thoughts_change", code("new_or_worse")),
        Step::Reply("self_harm_plan", code("yes")),
        Step::Crisis(CrisisChoice::Stop),
    ]);
    let (res, p) = play(&r, Answers::empty(&r), steps);
    let Ended {
        answers, finish, ..
    } = res.unwrap();
    assert_eq!(finish, Finish::StoppedAtCrisis);
    assert_eq!(p.remaining(), 0);
    let o = engine::evaluate(&r, &answers);
    assert!(o.crisis);
    assert_eq!(r.file.levels[o.level].id, "inpatient");
}

#[test]
fn crisis_is_shown_again_if_it_clears_and_returns() {
    let r = rules();
    let mut steps = start("often");
    steps.extend([
        Step::Reply("thoughts_change", code("long_standing")),
        Step::Reply("self_harm_plan", code("yes")),
        Step::Crisis(CrisisChoice::Continue),
        Step::Reply("means_at_hand", Reply::Back),
        Step::Reply("self_harm_plan", code("no")),
        Step::Reply("means_at_hand", code("no")),
        Step::Reply("recent_attempt", code("yes")),
        Step::Crisis(CrisisChoice::Continue),
    ]);
    steps.extend(calm_rest());
    steps.push(Step::Review(ReviewChoice::Submit));
    let (res, p) = play(&r, Answers::empty(&r), steps);
    res.unwrap();
    assert_eq!(p.shown.iter().filter(|s| *s == "crisis").count(), 2);
}

#[test]
fn prefilled_answers_are_not_asked_again() {
    let r = rules();
    let mut pre = Answers::empty(&r);
    pre.set(id(&r, "age_group"), Some(Answer::Code("adult".into())));
    pre.set(
        id(&r, "self_harm_thoughts"),
        Some(Answer::Code("none".into())),
    );
    pre.set(id(&r, "harm_others"), Some(Answer::Code("none".into())));
    pre.set(id(&r, "recent_attempt"), Some(Answer::Code("no".into())));
    let mut steps = calm_rest();
    steps.remove(0);
    steps.push(Step::Review(ReviewChoice::Submit));
    let (res, p) = play(&r, pre, steps);
    res.unwrap();
    assert_eq!(p.shown[1], "ask supervision_24_7 5/22");
}

#[test]
fn prefilled_crisis_is_shown_before_any_question() {
    let r = rules();
    let mut pre = Answers::empty(&r);
    pre.set(id(&r, "harm_others"), Some(Answer::Code("intent".into())));
    let (res, p) = play(&r, pre, vec![Step::Crisis(CrisisChoice::Stop)]);
    assert_eq!(res.unwrap().finish, Finish::StoppedAtCrisis);
    assert_eq!(p.shown, ["intro", "crisis"]);
}

#[test]
fn save_after_each_answer_is_private_and_resumable() {
    let r = rules();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.yaml");
    let mut p = Scripted::new(vec![
        Step::Reply("age_group", code("adult")),
        Step::Reply("self_harm_thoughts", code("none")),
        Step::Reply("recent_attempt", code("no")),
        Step::Interrupt,
    ]);
    let ended = run(
        &r,
        Answers::empty(&r),
        &mut p,
        Settings {
            save: Some(&path),
            ..Settings::default()
        },
    )
    .unwrap();
    assert_eq!(ended.finish, Finish::Interrupted);
    assert!(ended.saved);
    assert_eq!(
        ended.answers.iter().count(),
        3,
        "the answers so far come back"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let saved = crate::read::parse(&r, "progress.yaml", &text)
        .unwrap()
        .answers;
    assert_eq!(saved.iter().count(), 3);
    assert_eq!(
        saved.get(id(&r, "recent_attempt")),
        Some(&Answer::Code("no".into()))
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    // Resuming from the saved file starts at the fourth question, and says so.
    let mut p = Scripted::new(vec![Step::Interrupt]);
    let ended = run(
        &r,
        saved,
        &mut p,
        Settings {
            save: Some(&path),
            resuming: true,
            ..Settings::default()
        },
    )
    .unwrap();
    assert_eq!(p.shown[1], "ask harm_others 4/22");
    assert!(
        p.intro.ends_with(&format!(
            "Resuming from {}: 3 answers loaded, continuing with question 4 of 22, the first one not answered yet. Your answers are saved there after each one.",
            path.display()
        )),
        "{}",
        p.intro
    );
    assert!(!ended.saved, "nothing new was saved");
}

#[test]
fn the_file_is_saved_after_every_single_answer() {
    let r = rules();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.yaml");
    let mut p = Scripted::new(vec![
        Step::Reply("age_group", code("teen")),
        Step::Interrupt,
    ]);
    let _ = run(
        &r,
        Answers::empty(&r),
        &mut p,
        Settings {
            save: Some(&path),
            ..Settings::default()
        },
    );
    let saved = crate::read::parse(&r, "p.yaml", &std::fs::read_to_string(&path).unwrap())
        .unwrap()
        .answers;
    assert_eq!(saved.iter().count(), 1);
}

#[test]
fn the_end_of_the_input_returns_the_answers_so_far() {
    let r = rules();
    let mut steps = start("often");
    steps.extend([
        Step::Reply("thoughts_change", code("new_or_worse")),
        Step::Reply("self_harm_plan", code("yes")),
        Step::Crisis(CrisisChoice::Continue),
        Step::Close,
    ]);
    let (res, _) = play(&r, Answers::empty(&r), steps);
    let ended = res.unwrap();
    assert_eq!(ended.finish, Finish::InputEnded);
    assert!(
        engine::evaluate(&r, &ended.answers).crisis,
        "the crisis answer is kept"
    );
}

#[test]
fn resuming_a_complete_file_goes_to_the_review() {
    let r = rules();
    let doc =
        crate::read::parse(&r, "iop.yaml", include_str!("../../../examples/iop.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("done.yaml");
    let mut p = Scripted::new(vec![Step::Review(ReviewChoice::Submit)]);
    let ended = run(
        &r,
        doc.answers,
        &mut p,
        Settings {
            save: Some(&path),
            resuming: true,
            ..Settings::default()
        },
    )
    .unwrap();
    assert_eq!(ended.finish, Finish::Complete);
    assert_eq!(p.shown[1].split(',').count(), 24, "{:?}", p.shown);
    assert!(p.intro.contains("all 24 answers are there"), "{}", p.intro);
}

#[test]
fn the_review_lists_short_titles() {
    let r = rules();
    let mut steps = start("none");
    steps.extend(after_none());
    steps.push(Step::Review(ReviewChoice::Submit));
    let mut p = Scripted::new(steps);
    let mut flow = Flow {
        rules: &r,
        answers: Answers::empty(&r),
        skipped: HashSet::new(),
        settings: Settings::default(),
        stepping: false,
        crisis_shown: false,
        saved: false,
    };
    flow.run(&mut p).ok().unwrap();
    let items = flow.review_items();
    assert_eq!(items[0].title, "Age");
    assert_eq!(items[0].answer, "18 to 64");
    assert_eq!(items[1].title, "Thoughts of dying or suicide");
    assert_eq!(items[1].answer, "No");
    let hours = items
        .iter()
        .find(|i| i.title == "Hours a week for treatment")
        .unwrap();
    assert_eq!(hours.answer, "4", "a number without a unit to get wrong");
    let titles: HashSet<&str> = items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles.len(), items.len(), "no two review lines start alike");
}

#[test]
fn ctrl_c_without_a_save_file_offers_to_keep_the_answers() {
    let r = rules();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.yaml");
    let mut p = Scripted::new(vec![
        Step::Reply("age_group", code("adult")),
        Step::Reply("self_harm_thoughts", code("none")),
        Step::Interrupt,
        Step::FileName(Some(path.display().to_string())),
    ]);
    let ended = run(&r, Answers::empty(&r), &mut p, Settings::default()).unwrap();
    assert_eq!(ended.finish, Finish::Interrupted);
    assert_eq!(ended.saved_to.as_deref(), Some(path.as_path()));
    assert!(
        p.shown
            .last()
            .unwrap()
            .starts_with("file name Your 2 answers are not saved."),
        "{:#?}",
        p.shown
    );
    let saved = crate::read::parse(&r, "kept.yaml", &std::fs::read_to_string(&path).unwrap())
        .unwrap()
        .answers;
    assert_eq!(saved.iter().count(), 2);

    // A second Ctrl-C stops without saving.
    let mut p = Scripted::new(vec![
        Step::Reply("age_group", code("adult")),
        Step::Interrupt,
        Step::Interrupt,
    ]);
    let ended = run(&r, Answers::empty(&r), &mut p, Settings::default()).unwrap();
    assert_eq!(ended.saved_to, None);
    // Nothing answered: nothing to offer.
    let mut p = Scripted::new(vec![Step::Interrupt]);
    run(&r, Answers::empty(&r), &mut p, Settings::default()).unwrap();
    assert_eq!(p.shown, ["intro", "ask age_group 1/22"]);
}

#[test]
fn the_input_ending_at_the_review_confirms_the_answers() {
    let r = rules();
    let mut steps = start("none");
    steps.extend(after_none());
    steps.push(Step::Close);
    let (res, _) = play(&r, Answers::empty(&r), steps);
    assert_eq!(res.unwrap().finish, Finish::Complete);
}

#[test]
fn not_knowing_the_thoughts_asks_about_a_plan_and_means_but_not_whether_they_are_new() {
    let r = rules();
    let mut steps = start("dont_know");
    steps.extend([
        Step::Reply("self_harm_plan", code("dont_know")),
        Step::Reply("means_at_hand", code("no")),
    ]);
    steps.extend(after_none());
    steps.push(Step::Review(ReviewChoice::Submit));
    let (res, p) = play(&r, Answers::empty(&r), steps);
    let answers = res.unwrap().answers;
    assert_eq!(p.shown[3], "ask self_harm_plan 3/24");
    assert!(!p.shown.iter().any(|s| s.contains("thoughts_change")));
    let o = engine::evaluate(&r, &answers);
    assert_eq!(r.file.levels[o.level].id, "iop", "never the lowest level");
    assert!(!o.crisis);
    assert_eq!(
        o.unknown,
        vec![id(&r, "self_harm_thoughts"), id(&r, "self_harm_plan")]
    );
}
