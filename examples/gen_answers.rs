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

use carelevel::generate::{self, Random};
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
    if args.format == Format::Csv {
        writeln!(out, "{}", generate::csv_header(&rules))?;
    }
    for n in 1..=args.count {
        let answers = generate::person(&rules, &mut r);
        let id = format!("gen-{n:07}");
        let line = match args.format {
            Format::Jsonl => generate::json_line(&rules, &answers, &id),
            Format::Csv => generate::csv_row(&rules, &answers, &id),
        };
        match writeln!(out, "{line}") {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            other => other?,
        }
    }
    match out.flush() {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
