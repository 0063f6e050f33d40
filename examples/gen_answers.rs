//! Realistic random answer sets for `carelevel batch`, for any rule file.
//!
//! ```text
//! cargo run --release --example gen_answers -- --count 1000000 --seed 7 > answers.jsonl
//! cargo run --release --example gen_answers -- --count 1000 --format csv > answers.csv
//! ```
//!
//! What the records hold is described in `src/generate.rs`.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use clap::{Parser, ValueEnum};

use carelevel::answers::Answer;
use carelevel::generate::{person, Random};
use carelevel::rules::Rules;

#[derive(Parser)]
#[command(about = "Write random, valid answer sets for carelevel batch")]
struct Args {
    /// How many records
    #[arg(long, default_value_t = 1000)]
    count: u64,
    /// Seed of the random numbers (the same seed gives the same records)
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Rule file to answer (the built-in rules when not given)
    #[arg(long)]
    rules: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Jsonl,
    Csv,
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let rules = match &args.rules {
        Some(path) => {
            let text = std::fs::read_to_string(path)?;
            Rules::parse(&path.display().to_string(), &text)?
        }
        None => carelevel::builtin::rules(),
    };
    let mut r = Random::new(args.seed);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let qs = &rules.file.questions;
    if args.format == Format::Csv {
        let header: Vec<String> = std::iter::once("id".to_owned())
            .chain(qs.iter().map(|q| csv_cell(&q.id)))
            .collect();
        writeln!(out, "{}", header.join(","))?;
    }
    for n in 1..=args.count {
        let answers = person(&rules, &mut r);
        let id = format!("gen-{n:07}");
        let written = match args.format {
            Format::Jsonl => {
                let map: serde_json::Map<String, serde_json::Value> = answers
                    .iter()
                    .map(|(q, a)| {
                        (
                            qs[q].id.clone(),
                            serde_json::to_value(a).expect("an answer"),
                        )
                    })
                    .collect();
                serde_json::to_writer(&mut out, &serde_json::json!({ "id": id, "answers": map }))?;
                writeln!(out)
            }
            Format::Csv => {
                let cells: Vec<String> = std::iter::once(id)
                    .chain((0..qs.len()).map(|q| match answers.get(q) {
                        None => String::new(),
                        Some(Answer::Code(c)) => csv_cell(c),
                        Some(Answer::Codes(cs)) => csv_cell(&cs.join(";")),
                        Some(Answer::Int(n)) => n.to_string(),
                    }))
                    .collect();
                writeln!(out, "{}", cells.join(","))
            }
        };
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            other => other?,
        }
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
