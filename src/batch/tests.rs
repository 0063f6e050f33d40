//! Batch against `screen`, in-process: the same answers give the same
//! result, and the fast path for JSON lines reads exactly what the full
//! answer-file reader reads.

use crate::cli::{Cli, Terminal};
use crate::generate::{person, Random};
use crate::rules::Rules;
use crate::run::{run, Io, Ttys};
use clap::Parser;

/// Run a command in-process with `stdin`; (exit code, stdout, stderr).
fn carelevel(args: &[&str], stdin: &[u8]) -> (u8, String, String) {
    let argv = std::iter::once("carelevel").chain(args.iter().copied());
    let task = Cli::parse_from(argv).into_task(&Terminal::default());
    let (mut input, mut out, mut err) = (stdin, Vec::new(), Vec::new());
    let code = {
        let mut io = Io {
            input: &mut input,
            out: &mut out,
            err: &mut err,
            ttys: Ttys::default(),
            prompter: None,
        };
        match run(task, &mut io) {
            Ok(code) => code,
            Err(e) => e.exit_code(),
        }
    };
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// `n` generated answer files, one JSON object each.
fn generated(rules: &Rules, n: usize, seed: u64) -> Vec<String> {
    let mut r = Random::new(seed);
    (0..n)
        .map(|i| crate::generate::json_line(rules, &person(rules, &mut r), &format!("g{i}")))
        .collect()
}

#[test]
fn batch_and_screen_agree_on_a_thousand_generated_answer_sets() {
    let rules = crate::builtin::rules();
    let sets = generated(&rules, 1000, 11);
    let input = sets.join("\n") + "\n";
    let (code, compact, _) = carelevel(
        &["batch", "-", "--summary", "none", "-j", "3"],
        input.as_bytes(),
    );
    assert_eq!(code, 0);
    let (code, full, _) = carelevel(
        &["batch", "-", "--full", "--summary", "none"],
        input.as_bytes(),
    );
    assert_eq!(code, 0);
    let compact: Vec<serde_json::Value> = compact
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let full: Vec<serde_json::Value> = full
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!((compact.len(), full.len()), (1000, 1000));
    let mut crises = 0;
    for (i, set) in sets.iter().enumerate() {
        let (code, screened, err) = carelevel(&["screen", "-a", "-", "-f", "json"], set.as_bytes());
        assert_eq!(code, 0, "{err}");
        let screened: serde_json::Value = serde_json::from_str(&screened).unwrap();
        // The whole `screen` result, plus the line.
        let mut whole = full[i].clone();
        assert_eq!(whole["line"], i + 1);
        whole.as_object_mut().unwrap().remove("line");
        assert_eq!(whole, screened, "record {i}: {set}");
        // The compact record says the same in brief.
        let c = &compact[i];
        assert_eq!(c["id"], screened["id"]);
        assert_eq!(c["line"], i + 1);
        for key in ["level", "crisis", "dimensions", "fired"] {
            assert_eq!(c[key], screened[key], "record {i}, {key}: {set}");
        }
        let notes: Vec<&serde_json::Value> = screened["notes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| &n["id"])
            .collect();
        assert_eq!(
            c["notes"].as_array().unwrap().iter().collect::<Vec<_>>(),
            notes,
            "record {i}"
        );
        crises += usize::from(c["crisis"] == true);
    }
    // The sample covers what matters: crises, and every level.
    assert!(crises > 10, "{crises} crises");
    for level in ["outpatient", "iop", "inpatient"] {
        assert!(compact.iter().any(|c| c["level"] == level), "{level}");
    }
}

/// Ways to spoil a valid JSON line, each of which the full reader either
/// refuses or reads to other answers.
fn spoiled(line: &str, k: usize) -> String {
    let swap = |from: &str, to: &str| line.replacen(from, to, 1);
    match k % 16 {
        0 => swap("\":\"", "\":\"x"),
        1 => swap("{\"self", "{\"selff"),
        2 => swap(
            "\"answers\":{",
            "\"answers\":{\"self_harm_thoughts\":\"none\",",
        ),
        3 => swap(":\"no\"", ":false"),
        4 => swap(":\"no\"", ":\"n\\u006f\""),
        5 => swap("\"id\"", "\"Id\""),
        6 => swap("\"id\":", "\"respondent\":\"other\",\"id\":"),
        7 => swap("\"id\":", "\"respondent\":\"someone\",\"id\":"),
        8 => swap("}}", "},\"extra\":1}"),
        9 => line.replace("\"hours_available\":", "\"hours_available\":1.5,\"x\":"),
        10 => swap("\"hours_available\":", "\"hours_available\":\"12\",\"y\":"),
        11 => swap("\"id\":\"", "\"id\":\"\u{202e}"),
        12 => swap("\"id\":\"", "\"id\":\"\t"),
        13 => swap(":\"", ":[\""),
        14 => swap("\"answers\":{", "\"answers\":null,\"z\":{"),
        _ => line[..line.len() / 2].to_owned(),
    }
}

#[test]
fn the_fast_path_reads_only_what_the_full_reader_reads_the_same_way() {
    let rules = crate::builtin::rules();
    let mut fast_used = 0;
    for (k, line) in generated(&rules, 400, 5).iter().enumerate() {
        for text in [line.clone(), spoiled(line, k), spoiled(line, k + 7)] {
            let slow = crate::read::parse_full(&rules, "t.jsonl", &text);
            if let Some(fast) = crate::quick::json(&rules, &text) {
                fast_used += 1;
                let slow = slow.unwrap_or_else(|e| panic!("fast read `{text}`, full reader: {e}"));
                assert_eq!(fast.answers, slow.answers, "{text}");
                assert_eq!(fast.id, slow.id, "{text}");
                assert_eq!(fast.respondent, slow.respondent, "{text}");
            }
        }
        // Every generated line is plain enough for the fast path.
        assert!(crate::quick::json(&rules, line).is_some(), "{line}");
    }
    assert!(fast_used >= 400);
}

/// Ways to spoil a valid YAML answer file, each of which the full reader
/// refuses or reads to other answers.
fn spoiled_yaml(text: &str, k: usize) -> String {
    let swap = |from: &str, to: &str| text.replacen(from, to, 1);
    match k % 18 {
        0 => swap(": \"no\"", ": no"),
        1 => swap(": \"no\"", ": false"),
        2 => swap(": \"no\"", ": 'no'"),
        3 => swap("answers:\n", "answers: null\n"),
        4 => swap("answers:\n  ", "answers:\n   "),
        5 => swap("answers:\n", "answers:\n  self_harm_thoughts: none\n"),
        6 => swap("\n  ", "\n\t"),
        7 => swap("answers:", "answers: # mine"),
        8 => swap("hours_available: ", "hours_available: 0"),
        9 => swap("hours_available: ", "hours_available: \"1"),
        10 => swap("respondent: self", "respondent: yes"),
        11 => swap("respondent: self", "respondent: other"),
        12 => swap("\n  ", "\n  ? "),
        13 => swap("answers:", "---\nanswers:"),
        14 => swap(": ", ":  "),
        15 => format!("id: 007\n{text}"),
        16 => swap("\n  ", "\n  - "),
        _ => text.replace('\n', "\r\n"),
    }
}

#[test]
fn the_quick_yaml_reader_reads_only_what_the_full_reader_reads_the_same_way() {
    let rules = crate::builtin::rules();
    let mut r = Random::new(23);
    let mut quick = 0;
    for k in 0..400 {
        let answers = person(&rules, &mut r);
        let respondent = if k % 3 == 0 {
            crate::rules::model::Respondent::Other
        } else {
            crate::rules::model::Respondent::Myself
        };
        let id = format!("y{k}");
        let text = crate::save::answer_file(
            &rules,
            &answers,
            Some(&id),
            respondent,
            std::path::Path::new("a.yaml"),
            &crate::resume::Way::default(),
        );
        assert!(
            crate::quick::yaml(&rules, &text).is_some(),
            "a saved answer file is read directly:\n{text}"
        );
        for text in [
            text.clone(),
            spoiled_yaml(&text, k),
            spoiled_yaml(&text, k + 9),
        ] {
            let full = crate::read::parse_full(&rules, "t.yaml", &text);
            if let Some(doc) = crate::quick::yaml(&rules, &text) {
                quick += 1;
                let full = full.unwrap_or_else(|e| panic!("quick read:\n{text}\nfull reader: {e}"));
                assert_eq!(doc.answers, full.answers, "{text}");
                assert_eq!(doc.id, full.id, "{text}");
                assert_eq!(doc.respondent, full.respondent, "{text}");
            }
        }
    }
    assert!(quick >= 400);
    // The template's blank file and the examples read the same way too.
    for text in [
        crate::template::yaml(&rules, crate::rules::model::Respondent::Myself),
        include_str!("../../examples/iop.yaml").to_owned(),
        include_str!("../../examples/outpatient.yaml").to_owned(),
    ] {
        let full = crate::read::parse_full(&rules, "t.yaml", &text).unwrap();
        let doc = crate::quick::yaml(&rules, &text).expect("read directly");
        assert_eq!((doc.answers, doc.id), (full.answers, full.id));
    }
}
