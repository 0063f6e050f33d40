//! `carelevel batch`: this thread reads chunks of records and writes the
//! results in input order; worker threads score the chunks. At most a few
//! chunks per worker are in flight, so memory stays the same whatever the
//! size of the input.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender};
use std::sync::Mutex;
use std::time::Instant;

use crate::batch::{self, Chunk, Done, Job, Lines, Raw, Record, Side, Tally, Target};
use crate::error::{exit, Error, Problem, Progress, Signal};
use crate::rules::model::Respondent;
use crate::rules::Rules;
use crate::save::{self, Streamed};
use crate::settings::{Batch, BatchFormat, Input, RecordFormat, RulesSource, SummaryFormat};

use super::{load_rules, Io};

/// Records per chunk, and bytes: a chunk is handed to a worker when either
/// is reached.
const CHUNK_RECORDS: usize = 256;
const CHUNK_BYTES: usize = 1 << 20;
/// Chunks in flight per worker (read and not yet written).
const IN_FLIGHT: usize = 4;

pub(super) fn batch(b: Batch, io: &mut Io) -> Result<u8, Error> {
    let started = Instant::now();
    usage(&b)?;
    let (rules, old, other) = load_all(&b, io)?;
    let csv = is_csv(&b);
    let (name, mut file, size) = open_input(&b.input)?;
    let reader: &mut dyn BufRead = match &mut file {
        Some(f) => f,
        None => &mut *io.input,
    };
    let mut lines = Lines::new(reader);
    let read_error = |source| Error::Input {
        path: name.clone().into(),
        source,
    };
    let (new_columns, old_columns) = if csv {
        header(&mut lines, &rules, old.as_ref(), &name, &read_error)?
    } else {
        (Vec::new(), Vec::new())
    };
    let mut sink = open_sink(&b, &rules, old.is_some(), &mut *io.out)?;
    let names = batch::write::Names::new(&rules);
    let columns = (new_columns, old_columns);
    let job = job(
        &b,
        &name,
        &rules,
        old.as_ref(),
        other.as_ref(),
        &names,
        columns,
    );
    let mut tally = Tally::new(&rules, old.as_ref());
    let bar = b.progress.then(|| progress_bar(size));
    let ended = score_all(
        &job,
        &b,
        &mut lines,
        csv,
        &mut sink,
        &mut tally,
        bar.as_ref(),
        &read_error,
    );
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let ended = ended?;
    if let Some(signal) = ended.signal {
        drop(sink);
        return Err(stopped(signal, &b, ended.written));
    }
    if ended.closed {
        // The reader of standard output went away (`| head`): its choice.
        return Ok(exit::OK);
    }
    let seconds = started.elapsed().as_secs_f64();
    if b.summary == SummaryFormat::Json && b.output.is_none() {
        sink.write(batch::tally::json(&tally, &rules, old.as_ref(), seconds).as_bytes())?;
    }
    match sink {
        Sink::File(f) => f.finish()?,
        Sink::Out(out) => flush(out)?,
    }
    summary(&b, io, &tally, &rules, old.as_ref(), seconds)?;
    Ok(if tally.counts.failed > 0 {
        exit::DATA
    } else {
        exit::OK
    })
}

/// How every record is scored and written.
fn job<'r>(
    b: &Batch,
    name: &str,
    rules: &'r Rules,
    old: Option<&'r Rules>,
    other: Option<&'r Rules>,
    names: &'r batch::write::Names,
    (new_columns, old_columns): (Vec<batch::Column>, Vec<batch::Column>),
) -> Job<'r> {
    Job {
        name: name.to_owned(),
        new: Side {
            rules,
            columns: new_columns,
        },
        target: Target {
            rules,
            other,
            names,
        },
        old: old.map(|o| Side {
            rules: o,
            columns: old_columns,
        }),
        format: b.format,
        full: b.full,
        when: crate::report::now_utc(),
        changed_only: b.changed_only,
        fail_fast: b.fail_fast,
    }
}

/// The rules, the baseline's, and the rules worded for someone answering
/// about the person (for whole results), each loaded once.
fn load_all(b: &Batch, io: &mut Io) -> Result<(Rules, Option<Rules>, Option<Rules>), Error> {
    let mut rules = load_rules(&b.rules, io.input)?;
    super::warn_if_cases_fail(&rules, &b.rules, io.err);
    let old = match &b.baseline {
        Some(source) => {
            let old = load_rules(source, io.input)?;
            super::warn_if_cases_fail(&old, source, io.err);
            Some(old)
        }
        None => None,
    };
    let lang = super::language(&rules, b.lang.as_deref(), io.err);
    super::word_for(&mut rules, Respondent::Myself, &lang)?;
    let whole = b.full || b.format == BatchFormat::Fhir;
    let other = if whole && rules.file.respondents.contains(&Respondent::Other) {
        let mut other = rules.clone();
        super::word_for(&mut other, Respondent::Other, &lang)?;
        Some(other)
    } else {
        None
    };
    Ok((rules, old, other))
}

/// Whether the records are CSV: as `--input-format` says, else by name.
fn is_csv(b: &Batch) -> bool {
    match b.input_format {
        Some(f) => f == RecordFormat::Csv,
        None => {
            matches!(&b.input, Input::File(p) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")))
        }
    }
}

/// The input's name for messages, the file (none for standard input) and
/// its size when known (for the progress bar).
type Opened = (String, Option<BufReader<File>>, Option<u64>);

fn open_input(input: &Input) -> Result<Opened, Error> {
    let path = match input {
        Input::Stdin => return Ok(("<stdin>".to_owned(), None, None)),
        Input::File(path) => path,
    };
    let fail = |source| Error::Input {
        path: path.clone(),
        source,
    };
    let f = File::open(path).map_err(fail)?;
    let meta = f.metadata().map_err(fail)?;
    if meta.is_dir() {
        return Err(fail(std::io::Error::other(
            "it is a folder; give the file of records",
        )));
    }
    let size = meta.is_file().then_some(meta.len());
    Ok((
        path.display().to_string(),
        Some(BufReader::with_capacity(1 << 18, f)),
        size,
    ))
}

/// A CSV header names the columns for every record that follows, under
/// the new rules and the baseline's.
fn header<R: BufRead>(
    lines: &mut Lines<R>,
    rules: &Rules,
    old: Option<&Rules>,
    name: &str,
    read_error: &dyn Fn(std::io::Error) -> Error,
) -> Result<(Vec<batch::Column>, Vec<batch::Column>), Error> {
    match lines.next_csv().map_err(read_error)? {
        None => Ok((Vec::new(), Vec::new())),
        Some(Record {
            raw: Raw::Csv(fields),
            ..
        }) => {
            let new = batch::header(rules, name, &fields).map_err(Error::Answers)?;
            let old = old.map_or_else(Vec::new, |old| batch::score::columns(old, name, &fields).0);
            Ok((new, old))
        }
        Some(record) => {
            let failure = batch::score::score(
                &Side {
                    rules,
                    columns: Vec::new(),
                },
                name,
                &record,
                "",
            )
            .expect_err("a header that is not a row cannot be scored");
            Err(Error::Answers(failure.problems))
        }
    }
}

/// Where the records go (an `--output` file never replaces one that holds
/// something without `--overwrite`), with the CSV header written.
fn open_sink<'a>(
    b: &Batch,
    rules: &Rules,
    baseline: bool,
    out: &'a mut dyn Write,
) -> Result<Sink<'a>, Error> {
    let mut sink = match &b.output {
        Some(path) => {
            if !save::is_stream(path) {
                save::may_replace(rules, path, b.overwrite, "--output")?;
            }
            Sink::File(Streamed::create(path)?)
        }
        None => Sink::Out(out),
    };
    if b.format == BatchFormat::Csv {
        sink.write(batch::write::csv_header(rules, baseline).as_bytes())?;
    }
    Ok(sink)
}

/// Score every record on every core: this thread reads and writes, the
/// workers score.
#[allow(clippy::too_many_arguments)]
fn score_all<R: BufRead>(
    job: &Job,
    b: &Batch,
    lines: &mut Lines<R>,
    csv: bool,
    sink: &mut Sink,
    tally: &mut Tally,
    bar: Option<&indicatif::ProgressBar>,
    read_error: &dyn Fn(std::io::Error) -> Error,
) -> Result<Ended, Error> {
    let workers = b.threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let (work_tx, work_rx) = sync_channel::<(u64, Chunk)>(workers * 2);
    let (done_tx, done_rx) = channel::<(u64, Done)>();
    let work_rx = Mutex::new(work_rx);
    let cancel = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let (work_rx, done_tx, cancel) = (&work_rx, done_tx.clone(), &cancel);
            scope.spawn(move || work(work_rx, done_tx, job, cancel));
        }
        drop(done_tx);
        let ended = drive(
            Drive {
                lines,
                csv,
                workers,
                work_tx,
                done_rx: &done_rx,
                sink,
                tally,
                bar,
            },
            read_error,
        );
        cancel.store(true, Ordering::SeqCst);
        ended
    })
}

/// The error a signal ends the run with, saying what was written.
fn stopped(signal: usize, b: &Batch, written: u64) -> Error {
    let progress = Progress::Records {
        output: b.output.clone(),
        written,
    };
    match signal {
        s if s == signal_hook::consts::SIGTERM as usize => Error::Signalled {
            signal: Signal::Terminate,
            progress,
        },
        s if s == signal_hook::consts::SIGHUP as usize => Error::Signalled {
            signal: Signal::Hangup,
            progress,
        },
        _ => Error::Interrupted { progress },
    }
}

/// The summary: words on standard error, or JSON on standard output when
/// the records went to a file.
fn summary(
    b: &Batch,
    io: &mut Io,
    tally: &Tally,
    rules: &Rules,
    old: Option<&Rules>,
    seconds: f64,
) -> Result<(), Error> {
    match b.summary {
        SummaryFormat::Text => {
            let width = io
                .ttys
                .stderr
                .then(|| console::Term::stderr().size_checked())
                .flatten()
                .map(|(_rows, cols)| usize::from(cols));
            let layout = batch::tally::Layout {
                bars: b.chart,
                width,
                format: b.format,
            };
            let text = batch::tally::text(tally, rules, old, seconds, layout);
            let _ = io.err.write_all(crate::error::visible(&text).as_bytes());
        }
        SummaryFormat::Json if b.output.is_some() => {
            let json = batch::tally::json(tally, rules, old, seconds);
            super::write(io.out, &json)?;
        }
        SummaryFormat::Json | SummaryFormat::None => {}
    }
    Ok(())
}

/// Flags that cannot work together, said before anything is read.
fn usage(b: &Batch) -> Result<(), Error> {
    let refuse = |message: &str, help: &str| Err(Error::Usage(Problem::new(message).help(help)));
    if b.full && b.format != BatchFormat::Jsonl {
        return refuse(
            "`--full` writes whole `screen --format json` results, which only JSON Lines holds",
            "leave out `--format`, or leave out `--full` (`--format fhir` writes whole results of its own)",
        );
    }
    if b.summary == SummaryFormat::Json && b.format != BatchFormat::Jsonl && b.output.is_none() {
        let (what, rows) = match b.format {
            BatchFormat::Csv => ("CSV rows", "rows"),
            _ => ("FHIR resources", "resources"),
        };
        return refuse(
            &format!("`--summary json` would be written after the {what}, on the same standard output"),
            &format!("write the {rows} to a file with `--output FILE`; the summary then goes to standard output alone"),
        );
    }
    let stdin_rules = [Some(&b.rules), b.baseline.as_ref()]
        .into_iter()
        .flatten()
        .filter(|r| **r == RulesSource::Stdin)
        .count();
    if stdin_rules + usize::from(b.input == Input::Stdin) > 1 {
        return refuse(
            "standard input can hold the records or one rule file, not more",
            "give the rule files by name: `--rules FILE`, `--baseline FILE`",
        );
    }
    if let Some(output) = &b.output {
        let named = |r: &RulesSource| match r {
            RulesSource::File(p) => Some(p.clone()),
            _ => None,
        };
        let input = match &b.input {
            Input::File(p) => Some(p.clone()),
            Input::Stdin => None,
        };
        for (flag, path) in [
            ("INPUT", input),
            ("--rules", named(&b.rules)),
            ("--baseline", b.baseline.as_ref().and_then(named)),
        ] {
            if path.is_some_and(|p| save::same_file(&p, output)) {
                return refuse(
                    &format!(
                        "`--output` and {flag} name the same file, `{}`",
                        output.display()
                    ),
                    "the records need a file of their own: give `--output` another name",
                );
            }
        }
    }
    Ok(())
}

/// Where the records go.
enum Sink<'a> {
    Out(&'a mut dyn Write),
    File(Streamed),
}

impl Sink<'_> {
    /// Write `bytes`; `Ok(false)` when standard output was closed.
    fn write(&mut self, bytes: &[u8]) -> Result<bool, Error> {
        match self {
            Sink::File(f) => match f.write_all(bytes) {
                Ok(()) => Ok(true),
                Err(e) => Err(f.error(e)),
            },
            Sink::Out(out) => match out.write_all(bytes) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
                Err(source) => Err(Error::Output {
                    what: "standard output".into(),
                    source,
                }),
            },
        }
    }
}

fn flush(out: &mut dyn Write) -> Result<(), Error> {
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Output {
            what: "standard output".into(),
            source: e,
        }),
        _ => Ok(()),
    }
}

/// A worker: score chunks until there are none, or the run is over.
fn work(
    work_rx: &Mutex<Receiver<(u64, Chunk)>>,
    done_tx: Sender<(u64, Done)>,
    job: &Job,
    cancel: &AtomicBool,
) {
    loop {
        let next = work_rx.lock().map(|rx| rx.recv());
        let Ok(Ok((seq, chunk))) = next else {
            return;
        };
        if cancel.load(Ordering::SeqCst) {
            return;
        }
        if done_tx.send((seq, job.process(&chunk))).is_err() {
            return;
        }
    }
}

struct Drive<'a, 'b, R: BufRead> {
    lines: &'a mut Lines<R>,
    csv: bool,
    workers: usize,
    work_tx: SyncSender<(u64, Chunk)>,
    done_rx: &'a Receiver<(u64, Done)>,
    sink: &'a mut Sink<'b>,
    tally: &'a mut Tally,
    bar: Option<&'a indicatif::ProgressBar>,
}

/// How the reading and writing ended.
#[derive(Debug, Default)]
struct Ended {
    written: u64,
    /// A signal asked to stop.
    signal: Option<usize>,
    /// Standard output was closed.
    closed: bool,
}

/// Read chunks and hand them out; write the results back in order.
fn drive<R: BufRead>(
    d: Drive<R>,
    read_error: &dyn Fn(std::io::Error) -> Error,
) -> Result<Ended, Error> {
    let Drive {
        lines,
        csv,
        workers,
        work_tx,
        done_rx,
        sink,
        tally,
        bar,
    } = d;
    let mut work_tx = Some(work_tx);
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let (mut sent, mut written) = (0u64, 0u64);
    let mut ended = Ended::default();
    loop {
        if let Some(signal) = crate::interrupt::stop_signal() {
            ended.signal = Some(signal);
            return Ok(ended);
        }
        // Keep every worker busy, within the bound on chunks in flight.
        while let Some(tx) = &work_tx {
            if sent - written >= (workers * IN_FLIGHT) as u64 {
                break;
            }
            let chunk = read_chunk(lines, csv).map_err(read_error)?;
            if chunk.records.is_empty() {
                work_tx = None;
                break;
            }
            tx.send((sent, chunk))
                .expect("workers run until the chunks end");
            sent += 1;
        }
        if written == sent {
            return Ok(ended);
        }
        let (seq, done) = done_rx.recv().expect("a worker answers every chunk");
        pending.insert(seq, done);
        while let Some(done) = pending.remove(&written) {
            written += 1;
            tally.add(&done.tally);
            ended.written = tally.read;
            if !sink.write(&done.bytes)? {
                ended.closed = true;
                return Ok(ended);
            }
            if let Some(bar) = bar {
                bar.set_position(lines.bytes);
                bar.set_message(format!("{} records", batch::tally::thousands(tally.read)));
            }
            if done.stop {
                return Ok(ended);
            }
        }
    }
}

/// The next records, up to a chunk's worth; empty at the end of input.
fn read_chunk<R: BufRead>(lines: &mut Lines<R>, csv: bool) -> std::io::Result<Chunk> {
    let mut chunk = Chunk {
        text: String::with_capacity(CHUNK_BYTES / 4),
        records: Vec::with_capacity(CHUNK_RECORDS),
    };
    let mut bytes = 0;
    while chunk.records.len() < CHUNK_RECORDS && bytes < CHUNK_BYTES {
        let record = if csv {
            lines.next_csv()?
        } else {
            lines.next_json(&mut chunk.text)?
        };
        let Some(record) = record else { break };
        bytes += match &record.raw {
            Raw::Json(range) => range.len(),
            Raw::Csv(f) => f.iter().map(|f| f.text.len() + 1).sum(),
            _ => 1,
        };
        chunk.records.push(record);
    }
    Ok(chunk)
}

/// A bar over the input's bytes when its size is known, else a counter.
fn progress_bar(size: Option<u64>) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let bar = match size {
        Some(size) => ProgressBar::new(size).with_style(
            ProgressStyle::with_template(
                "{bar:30} {percent:>3}%  {msg}  {elapsed} (about {eta} left)",
            )
            .expect("a valid template"),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {msg}  {elapsed}").expect("a valid template"),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.set_message("0 records");
    bar
}
