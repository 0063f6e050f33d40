//! Delivering a result: to standard output or `--output`, or, at the end of
//! the full-screen questionnaire, as a short first screen with the full
//! report one choice away. A crisis is on screen when the person finishes.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::answers::Answers;
use crate::ask::{AfterResult, Prompter};
use crate::error::{exit, Error};
use crate::report::{self, Report, View};
use crate::rules::Rules;
use crate::save::{self, same_file, Existing};
use crate::settings::ReportFormat;

use super::{write, Ttys};

/// A result and where it goes.
pub(super) struct Delivery<'a> {
    pub rules: &'a Rules,
    /// The answers the report rests on (for FHIR, which carries them).
    pub answers: &'a Answers,
    /// Whom the answers are about, as a FHIR response given named them.
    pub subject: Option<&'a serde_json::Value>,
    pub report: &'a Report,
    pub format: ReportFormat,
    pub view: View,
    pub output: Option<&'a Path>,
    pub ttys: Ttys,
    /// The person just answered in the full-screen questionnaire: show the
    /// short result first when the report would land on their terminal.
    pub end_screen: bool,
    /// Files a saved report must never replace (the answers).
    pub keep: Vec<PathBuf>,
    /// Show the crisis again at the end when the result did not land on the
    /// terminal (false when an error follows that shows it itself).
    pub remind: bool,
    /// The terminal's height, when the result lands on one: the short
    /// result fits what matters above the menu.
    pub rows: Option<usize>,
}

/// What is left to say on standard error once the prompter is done.
#[derive(Debug, Default)]
pub(super) struct Pending {
    /// Show the crisis block on standard error: the result went elsewhere
    /// and no prompter was there to show it.
    pub crisis_reminder: bool,
}

/// The report in `format`; color only for a terminal.
fn render(d: &Delivery, color: bool) -> String {
    let view = View {
        look: report::compare::Look {
            color,
            ..d.view.look
        },
        ..d.view
    };
    match d.format {
        ReportFormat::Text => report::text(d.report, view),
        ReportFormat::Markdown => report::markdown(d.report, view),
        ReportFormat::Json => report::json(d.report),
        ReportFormat::Yaml => report::yaml(d.report),
        ReportFormat::Fhir => crate::fhir::bundle(d.rules, d.answers, d.report, d.subject),
    }
}

/// Send the result where it belongs.
pub(super) fn deliver(
    d: &Delivery,
    out: &mut dyn Write,
    mut prompter: Option<&mut (dyn Prompter + '_)>,
) -> Result<Pending, Error> {
    // The text report ends with the crisis block: on a terminal, it is the
    // last thing on screen.
    let lands_on_screen = d.format == ReportFormat::Text && d.output.is_none() && d.ttys.stdout;
    if d.end_screen && lands_on_screen {
        if let Some(p) = prompter.as_deref_mut() {
            end_screen(d, out, p)?;
            return Ok(Pending::default());
        }
    }
    match d.output {
        Some(path) => save::write_private(path, render(d, false).as_bytes())?,
        None => {
            write(out, &render(d, d.view.look.color))?;
        }
    }
    let mut pending = Pending::default();
    // Only for a person at a terminal: a script has the crisis in the result.
    let reminder = d.remind && d.report.crisis && !lands_on_screen && d.ttys.stderr;
    match prompter {
        Some(p) => {
            // Said on the prompter's side only: a script reading standard
            // output gets the result and nothing else.
            if let Some(path) = d.output {
                let _ = p.notice(&crate::words::of(&d.report.lang).with(
                    "result-saved",
                    &[("path", crate::words::text(&path.display().to_string()))],
                ));
            }
            if reminder {
                let _ = p.crisis_reminder(d.report.crisis_message.as_deref().unwrap_or_default());
            }
        }
        None => pending.crisis_reminder = reminder,
    }
    Ok(pending)
}

/// The short result, then: the full report, save it, or finish.
fn end_screen(d: &Delivery, out: &mut dyn Write, p: &mut (dyn Prompter + '_)) -> Result<u8, Error> {
    let w = crate::words::of(&d.report.lang);
    // The menu below the short result: a blank line, its prompt, its three
    // choices and the line the cursor rests on, a line more for a choice
    // that wraps.
    let menu = 6 + usize::from(
        crate::report::wrap_text(&w.get("after-full-report"), width(d).saturating_sub(2))
            .lines()
            .count()
            > 1,
    );
    let rows = d.rows.map(|rows| rows.saturating_sub(menu));
    write(out, &report::summary(d.report, d.view, rows))?;
    // The short result ends with the crisis block, if any.
    let mut crisis_last = true;
    let (mut can_show, mut can_save) = (true, true);
    while can_show || can_save {
        let choice = match p.after_result(can_show, can_save) {
            Ok(choice) => choice,
            // Ctrl-C or the end of input here ends the run (the result is
            // shown), but the menu stays drawn below the crisis block.
            Err(_) => {
                crisis_last = false;
                break;
            }
        };
        match choice {
            AfterResult::FullReport => {
                let full = render(d, d.view.look.color);
                // The crisis block that opens the report is already right
                // above it, at the end of the short result.
                let top = d.report.crisis_message.as_deref().map(|m| {
                    format!(
                        "{}\n",
                        report::crisis_block(&d.report.lang, m, width(d), d.view.look.color)
                    )
                });
                let full = top
                    .as_deref()
                    .and_then(|t| full.strip_prefix(t))
                    .unwrap_or(&full);
                write(out, full)?;
                crisis_last = true;
                can_show = false;
            }
            AfterResult::Finish => break,
            AfterResult::Save => {
                crisis_last = false;
                match save_report(d, p) {
                    Ok(Some(path)) => {
                        can_save = false;
                        let shown = path.canonicalize().unwrap_or(path);
                        let _ = p.notice(&w.with(
                            "report-saved",
                            &[("path", crate::words::text(&shown.display().to_string()))],
                        ));
                    }
                    Ok(None) => {
                        let _ = p.notice(&w.get("not-saved-plain"));
                    }
                    Err(e) => {
                        let _ = p.notice(
                            &w.with("not-saved", &[("why", crate::words::text(&e.to_string()))]),
                        );
                    }
                }
            }
        }
    }
    if d.report.crisis && !crisis_last {
        let _ = p.crisis_reminder(d.report.crisis_message.as_deref().unwrap_or_default());
    }
    Ok(exit::OK)
}

/// The text report's width, as the renderers clamp it.
fn width(d: &Delivery) -> usize {
    d.view.look.width.clamp(40, 80)
}

/// Ask for a file name and save the full text report there; `None` when
/// the person changed their mind.
fn save_report(d: &Delivery, p: &mut (dyn Prompter + '_)) -> Result<Option<PathBuf>, Error> {
    let w = crate::words::of(&d.report.lang);
    let Ok(Some(name)) = p.file_name(&w.get("save-report-as"), &w.get("save-report-default"))
    else {
        return Ok(None);
    };
    let path = PathBuf::from(name);
    if d.keep.iter().any(|k| same_file(k, &path)) {
        return Err(Error::Usage(crate::error::Problem::new(format!(
            "`{}` holds the answers; choose another name for the report",
            path.display()
        ))));
    }
    match save::inspect(d.rules, &path)? {
        Existing::Nothing | Existing::Empty => {}
        Existing::Answers { doc, .. } if doc.answers.iter().next().is_some() => {
            return Err(Error::Usage(crate::error::Problem::new(format!(
                "`{}` holds answers; choose another name for the report",
                path.display()
            ))));
        }
        Existing::Answers { .. } | Existing::Other(_) => {
            let question = w.with(
                "replace-file",
                &[("path", crate::words::text(&path.display().to_string()))],
            );
            if !p.confirm(&question, false).unwrap_or(false) {
                return Ok(None);
            }
        }
    }
    let text = report::text(
        d.report,
        View {
            look: report::compare::Look {
                color: false,
                ..d.view.look
            },
            ..d.view
        },
    );
    save::write_private(&path, text.as_bytes())?;
    Ok(Some(path))
}
