//! Benchmarks of what a run does, on divan: `cargo bench`.
//!
//! Loading the rules (the baked built-in rules every command starts from,
//! and a YAML rule file as `--rules` reads it), reading an answer file,
//! evaluating, each result format (FHIR included), a FHIR
//! QuestionnaireResponse as answers, the comparison, and batch scoring per
//! record (a chunk of generated records through the same code as
//! `carelevel batch`, divided by the records in it).

use std::hint::black_box;

use divan::counter::ItemsCount;
use divan::Bencher;

use carelevel::answers::AnswerDoc;
use carelevel::batch::{self, Chunk, Job, Lines, Side, Target};
use carelevel::engine::evaluate;
use carelevel::report::{self, compare};
use carelevel::rules::Rules;
use carelevel::settings::BatchFormat;

const IOP: &str = include_str!("../examples/iop.yaml");

fn main() {
    divan::main();
}

fn rules() -> Rules {
    carelevel::builtin::rules()
}

fn doc(rules: &Rules) -> AnswerDoc {
    carelevel::read::parse(rules, "iop.yaml", IOP).expect("example answers")
}

#[divan::bench]
fn load_builtin_rules() -> Rules {
    carelevel::builtin::rules()
}

#[divan::bench]
fn load_rule_file_from_yaml() -> Rules {
    Rules::builtin().expect("built-in rules")
}

#[divan::bench]
fn parse_answer_file(b: Bencher) {
    let rules = rules();
    b.bench(|| carelevel::read::parse(&rules, "iop.yaml", black_box(IOP)).unwrap());
}

#[divan::bench]
fn evaluate_one_answer_set(b: Bencher) {
    let rules = rules();
    let doc = doc(&rules);
    b.bench(|| evaluate(&rules, black_box(&doc.answers)));
}

#[divan::bench]
fn parse_fhir_response(b: Bencher) {
    let rules = rules();
    let doc = doc(&rules);
    let text =
        carelevel::fhir::response_file(&rules, &doc.answers, doc.id.as_deref(), Default::default());
    b.bench(|| carelevel::read::parse(&rules, "iop.json", black_box(&text)).unwrap());
}

#[divan::bench(args = ["json", "yaml", "text", "markdown", "short", "fhir"])]
fn evaluate_and_render(b: Bencher, format: &str) {
    let rules = rules();
    let doc = doc(&rules);
    b.bench(|| {
        let o = evaluate(&rules, black_box(&doc.answers));
        let r = report::build(&rules, &doc.answers, &o, None);
        match format {
            "json" => report::json(&r),
            "yaml" => report::yaml(&r),
            "text" => report::text(&r, Default::default()),
            "markdown" => report::markdown(&r, Default::default()),
            "fhir" => carelevel::fhir::bundle(&rules, &doc.answers, &r, None),
            _ => report::summary(&r, Default::default(), None),
        }
    });
}

#[divan::bench(args = ["table", "markdown", "csv", "json"])]
fn comparison(b: Bencher, format: &str) {
    let rules = rules();
    let look = compare::Look {
        width: 100,
        ..Default::default()
    };
    b.bench(|| {
        let c = compare::comparison(&rules, None).unwrap().recommend("iop");
        match format {
            "table" => compare::table(&c, look),
            "markdown" => compare::markdown(&c),
            "csv" => compare::csv(&c),
            _ => compare::json(&c),
        }
    });
}

/// `n` generated JSON lines.
fn generated(rules: &Rules, n: usize) -> String {
    let mut r = carelevel::generate::Random::new(7);
    (0..n)
        .map(|i| {
            let answers = carelevel::generate::person(rules, &mut r);
            carelevel::generate::json_line(rules, &answers, &format!("r{i}")) + "\n"
        })
        .collect()
}

/// Batch scoring of one chunk of 256 generated records, per record.
#[divan::bench(args = ["jsonl", "jsonl --full", "csv", "fhir"])]
fn batch_per_record(b: Bencher, how: &str) {
    let rules = rules();
    let names = batch::write::Names::new(&rules);
    let text = generated(&rules, 256);
    let mut lines = Lines::new(text.as_bytes());
    let mut chunk = Chunk::default();
    while let Some(r) = lines.next_json(&mut chunk.text).unwrap() {
        chunk.records.push(r);
    }
    let job = Job {
        name: "bench.jsonl".into(),
        new: Side {
            rules: &rules,
            columns: Vec::new(),
        },
        target: Target {
            rules: &rules,
            other: None,
            names: &names,
        },
        old: None,
        format: match how {
            "csv" => BatchFormat::Csv,
            "fhir" => BatchFormat::Fhir,
            _ => BatchFormat::Jsonl,
        },
        full: how.ends_with("--full"),
        when: "2026-01-01T00:00:00Z".into(),
        changed_only: false,
        fail_fast: false,
    };
    b.counter(ItemsCount::new(chunk.records.len()))
        .bench(|| job.process(black_box(&chunk)));
}

#[divan::bench(sample_count = 20)]
fn check_builtin_rules(b: Bencher) {
    let rules = Rules::builtin().expect("built-in rules");
    b.bench(|| carelevel::check::run(&rules));
}
