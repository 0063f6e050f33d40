//! Benchmarks of the engine's hot paths: `cargo bench`.
//!
//! A small harness of our own (no extra dependencies): each case runs in
//! batches until about a second has passed, and the median time per run over
//! the batches is printed.

use std::hint::black_box;
use std::time::{Duration, Instant};

use carelevel::answers;
use carelevel::engine::evaluate;
use carelevel::report;
use carelevel::rules::Rules;

fn bench(name: &str, mut f: impl FnMut()) {
    // Find a batch size that takes about 10 ms.
    let mut batch = 1u32;
    loop {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        if t.elapsed() > Duration::from_millis(10) || batch >= 1 << 24 {
            break;
        }
        batch *= 2;
    }
    let mut per_run: Vec<f64> = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) || per_run.len() < 5 {
        let t = Instant::now();
        for _ in 0..batch {
            f();
        }
        per_run.push(t.elapsed().as_secs_f64() / f64::from(batch));
    }
    per_run.sort_by(f64::total_cmp);
    let median = per_run[per_run.len() / 2];
    let (value, unit) = if median < 1e-3 {
        (median * 1e6, "µs")
    } else {
        (median * 1e3, "ms")
    };
    println!(
        "{name:<42} {value:>9.2} {unit}/run   ({:.0} runs/s, {} samples)",
        1.0 / median,
        per_run.len()
    );
}

fn main() {
    let rules = Rules::builtin().expect("built-in rules");
    let text = include_str!("../examples/iop.yaml");
    let doc = answers::parse(&rules, "iop.yaml", text).expect("example answers");

    bench("load + validate built-in rules", || {
        black_box(Rules::builtin().unwrap());
    });
    bench("parse + check an answer file", || {
        black_box(answers::parse(&rules, "iop.yaml", black_box(text)).unwrap());
    });
    bench("evaluate one answer set", || {
        black_box(evaluate(&rules, black_box(&doc.answers)));
    });
    bench("evaluate + JSON report", || {
        let o = evaluate(&rules, &doc.answers);
        black_box(report::json(&report::build(&rules, &doc.answers, &o, None)));
    });
    bench("evaluate + text report", || {
        let o = evaluate(&rules, &doc.answers);
        black_box(report::text(
            &report::build(&rules, &doc.answers, &o, None),
            Default::default(),
        ));
    });
    bench("evaluate + short result (end of the guided flow)", || {
        let o = evaluate(&rules, &doc.answers);
        black_box(report::summary(
            &report::build(&rules, &doc.answers, &o, None),
            Default::default(),
        ));
    });
    let look = report::compare::Look {
        width: 100,
        ..Default::default()
    };
    bench("comparison table (3 levels, 100 columns)", || {
        let c = report::compare::comparison(&rules, None)
            .unwrap()
            .recommend("iop");
        black_box(report::compare::table(&c, look));
    });
    bench("comparison as CSV", || {
        let c = report::compare::comparison(&rules, None).unwrap();
        black_box(report::compare::csv(&c));
    });
    let check_name = format!(
        "check: {} cases + monotonicity probe",
        rules.file.tests.len()
    );
    bench(&check_name, || {
        black_box(carelevel::check::run(&rules));
    });
}
