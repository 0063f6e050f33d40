//! Any bytes as batch input, JSON Lines and CSV, through the whole command
//! in-process: never a panic; exit 0 or 65; one JSON object per line out,
//! each with its line, in input order; the summary adds up.
#![no_main]

use carelevel::cli::{Cli, Terminal};
use carelevel::run::{run, Io, Ttys};
use clap::Parser;
use libfuzzer_sys::fuzz_target;

fn batch(args: &[&str], input: &[u8]) -> (u8, Vec<u8>) {
    let argv = ["carelevel", "batch", "-"].iter().chain(args);
    let task = Cli::parse_from(argv).into_task(&Terminal::default());
    let (mut stdin, mut out, mut err) = (input, Vec::new(), Vec::new());
    let mut io = Io {
        input: &mut stdin,
        out: &mut out,
        err: &mut err,
        ttys: Ttys::default(),
        prompter: None,
    };
    let code = match run(task, &mut io) {
        Ok(code) => code,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            e.exit_code()
        }
    };
    (code, out)
}

fuzz_target!(|data: &[u8]| {
    let (code, out) = batch(&["--summary", "json", "-j", "2"], data);
    assert!(code == 0 || code == 65, "exit {code}");
    let text = String::from_utf8(out).expect("UTF-8 output");
    let mut lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let summary = lines.pop().expect("the summary comes last");
    let records = lines.len() as u64;
    assert_eq!(summary["summary"]["records"].as_u64(), Some(records));
    let mut last = 0;
    for l in &lines {
        let line = l["line"].as_u64().expect("a line number");
        assert!(line > last, "in input order");
        last = line;
        assert!(l["level"].is_string() != l["error"].is_string());
    }
    let (code, out) = batch(&["--input-format", "csv", "--format", "csv", "--summary", "none"], data);
    assert!(code == 0 || code == 65, "exit {code}");
    assert!(String::from_utf8(out).is_ok());
});
