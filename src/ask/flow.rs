//! The guided questionnaire as a state machine: which question comes next,
//! going back, dropping answers that no longer apply, review and edit,
//! crisis first, and saving after every answer.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::answers::Answers;
use crate::engine;
use crate::error::Error;
use crate::rules::model::Respondent;
use crate::rules::Rules;
use crate::save;
use crate::words;

use super::prompter::{Ask, CrisisChoice, PromptError, Prompter, Reply, ReviewChoice, ReviewItem};

/// How the flow runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings<'a> {
    /// Save the answers here after every answer.
    pub save: Option<&'a Path>,
    /// The pre-filled answers were read from the `save` file itself:
    /// the person is resuming.
    pub resuming: bool,
    /// Said right after the introduction (about the file being resumed).
    pub notice: Option<&'a str>,
    /// Who answers: written to the saved file, and said in the introduction.
    pub respondent: Respondent,
    /// The record id to keep in the saved file.
    pub id: Option<&'a str>,
    /// What the `save` file holds.
    pub save_format: crate::settings::SaveFormat,
    /// How the run was started, for the commands that say how to go on
    /// (the built-in rules, full-screen, when `None`).
    pub way: Option<&'a crate::resume::Way>,
}

/// How the flow ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    /// Every asked question answered and the review submitted.
    Complete,
    /// The person chose to stop after the crisis message.
    StoppedAtCrisis,
    /// The input ended (Ctrl-D, the end of a pipe) before the end.
    InputEnded,
    /// Ctrl-C at a prompt.
    Interrupted,
}

/// The answers when the flow ended, and how it ended.
#[derive(Debug, Clone)]
pub struct Ended {
    pub answers: Answers,
    pub finish: Finish,
    /// This run wrote the answers to the `save` file at least once.
    pub saved: bool,
    /// Stopped without `save`, the person chose to keep the answers here.
    pub saved_to: Option<PathBuf>,
}

/// Why the flow could not go on at all.
#[derive(Debug)]
pub enum FlowError {
    /// The terminal or standard input failed.
    Io(std::io::Error),
    /// Progress could not be saved.
    Save(Error),
}

/// A prompt's failure, as the flow sees it: the end of the run, or an error.
enum Stop {
    Ended(Finish),
    Failed(FlowError),
}

impl From<PromptError> for Stop {
    fn from(e: PromptError) -> Self {
        match e {
            PromptError::Interrupted => Stop::Ended(Finish::Interrupted),
            PromptError::Closed => Stop::Ended(Finish::InputEnded),
            PromptError::Io(e) => Stop::Failed(FlowError::Io(e)),
        }
    }
}

impl From<FlowError> for Stop {
    fn from(e: FlowError) -> Self {
        Stop::Failed(e)
    }
}

enum State {
    Asking(usize),
    Review,
}

struct Flow<'a> {
    rules: &'a Rules,
    answers: Answers,
    skipped: HashSet<usize>,
    settings: Settings<'a>,
    /// The person went back: walk forward one question at a time.
    stepping: bool,
    crisis_shown: bool,
    saved: bool,
}

/// Ask every question that `prefilled` leaves unanswered, then review.
/// Returns the answers and how the flow ended: an interruption or the end
/// of the input is an ending too, with the answers given so far.
pub fn run(
    rules: &Rules,
    prefilled: Answers,
    prompter: &mut dyn Prompter,
    settings: Settings<'_>,
) -> Result<Ended, FlowError> {
    let mut flow = Flow {
        rules,
        answers: prefilled,
        skipped: HashSet::new(),
        settings,
        stepping: false,
        crisis_shown: false,
        saved: false,
    };
    let finish = match flow.run(prompter) {
        Ok(finish) | Err(Stop::Ended(finish)) => finish,
        Err(Stop::Failed(e)) => return Err(e),
    };
    let saved_to = if finish == Finish::Interrupted {
        flow.keep_before_stopping(prompter)
    } else {
        None
    };
    Ok(Ended {
        answers: flow.answers,
        finish,
        saved: flow.saved,
        saved_to,
    })
}

impl Flow<'_> {
    /// What the introduction says about saving (and resuming).
    fn saving(&self) -> String {
        let w = self.words();
        let Some(path) = self.settings.save else {
            let start = self.way().start(&w.get("flow-keep-default"));
            return w.with("flow-not-saving", &[("command", words::text(&start))]);
        };
        let path = path.display().to_string();
        if !self.settings.resuming {
            return w.with("flow-saving", &[("path", words::text(&path))]);
        }
        let asked = self.asked();
        let given = asked
            .iter()
            .filter(|&&q| self.answers.get(q).is_some())
            .count();
        match asked.iter().position(|&q| self.answers.get(q).is_none()) {
            Some(k) => w.with(
                "flow-resuming",
                &[
                    ("path", words::text(&path)),
                    ("given", words::number(given)),
                    ("number", words::number(k + 1)),
                    ("total", words::number(asked.len())),
                ],
            ),
            None => w.with(
                "flow-resuming-all",
                &[
                    ("path", words::text(&path)),
                    ("given", words::number(given)),
                ],
            ),
        }
    }

    /// Ctrl-C with answers given and nowhere to keep them: offer to save
    /// them before stopping. Another Ctrl-C (or no name) stops without.
    fn keep_before_stopping(&self, p: &mut dyn Prompter) -> Option<PathBuf> {
        let given = self.answers.iter().count();
        if self.settings.save.is_some() || given == 0 {
            return None;
        }
        let w = self.words();
        let prompt = w.with("flow-keep", &[("given", words::number(given))]);
        let name = p.file_name(&prompt, &w.get("flow-keep-default")).ok()??;
        let path = PathBuf::from(name);
        if path.exists() {
            let _ = p.notice(&w.with(
                "flow-keep-exists",
                &[("path", words::text(&path.display().to_string()))],
            ));
            return None;
        }
        let text = save::answer_file(
            self.rules,
            &self.answers,
            self.settings.id,
            self.settings.respondent,
            &path,
            &self.way(),
        );
        match save::write_private(&path, text.as_bytes()) {
            Ok(()) => Some(path),
            Err(e) => {
                let _ = p.notice(&w.with("not-saved", &[("why", words::text(&e.to_string()))]));
                None
            }
        }
    }

    /// How the run was started.
    fn way(&self) -> crate::resume::Way {
        self.settings.way.cloned().unwrap_or_default()
    }

    /// The program's words in the language of the rules in use.
    fn words(&self) -> &'static words::Words {
        words::of(&self.rules.lang)
    }

    fn run(&mut self, p: &mut dyn Prompter) -> Result<Finish, Stop> {
        let f = &self.rules.file;
        let who = match self.settings.respondent {
            Respondent::Myself => String::new(),
            Respondent::Other => format!("{}\n\n", self.words().get("flow-about-someone")),
        };
        p.intro(
            &f.title,
            &format!("{}\n\n{who}{}", f.disclaimer.trim(), self.saving()),
        )?;
        if let Some(notice) = self.settings.notice {
            p.notice(notice)?;
        }
        if self.settings.resuming {
            crate::interrupt::answers_saved();
        }
        // Pre-filled answers may already call for the crisis message.
        if self.crisis(p)? == CrisisChoice::Stop {
            return Ok(Finish::StoppedAtCrisis);
        }
        let mut state = self.next_unanswered();
        loop {
            state = match state {
                State::Asking(q) => match self.ask(p, q)? {
                    Some(next) => next,
                    None => return Ok(Finish::StoppedAtCrisis),
                },
                State::Review => {
                    self.stepping = false;
                    // The input ending at the review (a pipe that gave every
                    // answer) confirms them: nothing is left to ask.
                    let choice = match p.review(&self.review_items()) {
                        Err(PromptError::Closed) => ReviewChoice::Submit,
                        other => other?,
                    };
                    match choice {
                        ReviewChoice::Submit => return Ok(Finish::Complete),
                        ReviewChoice::Edit(q) if self.asked().contains(&q) => State::Asking(q),
                        ReviewChoice::Edit(_) => State::Review,
                        ReviewChoice::Back => match self.asked().last() {
                            Some(&q) => State::Asking(q),
                            None => State::Review,
                        },
                    }
                }
            };
        }
    }

    fn asked(&self) -> Vec<usize> {
        engine::asked(self.rules, &self.answers)
    }

    /// Ask `q`; the next state, or `None` when the person stops at a crisis.
    fn ask(&mut self, p: &mut dyn Prompter, q: usize) -> Result<Option<State>, Stop> {
        let asked = self.asked();
        let Some(k) = asked.iter().position(|&a| a == q) else {
            return Ok(Some(self.next_unanswered()));
        };
        let question = &self.rules.file.questions[q];
        let reply = p.ask(Ask {
            question,
            number: k + 1,
            total: asked.len(),
            current: self.answers.get(q),
            can_go_back: k > 0,
        })?;
        match reply {
            Reply::Back if k > 0 => {
                self.stepping = true;
                return Ok(Some(State::Asking(asked[k - 1])));
            }
            Reply::Back => {
                p.notice(&self.words().get("first-question"))?;
                return Ok(Some(State::Asking(q)));
            }
            Reply::Skip if question.required => {
                p.notice(&self.words().get("needs-answer"))?;
                return Ok(Some(State::Asking(q)));
            }
            Reply::Skip => {
                self.answers.set(q, None);
                self.skipped.insert(q);
            }
            Reply::Answer(a) => {
                self.answers.set(q, Some(a));
                self.skipped.remove(&q);
            }
        }
        self.drop_unasked(p)?;
        self.save()?;
        if self.crisis(p)? == CrisisChoice::Stop {
            return Ok(None);
        }
        Ok(Some(self.after(q)))
    }

    /// Where to go after answering `q`.
    fn after(&self, q: usize) -> State {
        if self.stepping {
            let asked = self.asked();
            if let Some(&next) = asked.iter().skip_while(|&&a| a != q).nth(1) {
                return State::Asking(next);
            }
        }
        self.next_unanswered()
    }

    /// The first asked question with no answer, else the review.
    fn next_unanswered(&self) -> State {
        self.asked()
            .into_iter()
            .find(|&q| self.answers.get(q).is_none() && !self.skipped.contains(&q))
            .map_or(State::Review, State::Asking)
    }

    /// Forget answers to questions that are no longer asked, and say so.
    fn drop_unasked(&mut self, p: &mut dyn Prompter) -> Result<(), Stop> {
        let asked: HashSet<usize> = self.asked().into_iter().collect();
        let gone: Vec<usize> = self
            .answers
            .iter()
            .map(|(q, _)| q)
            .filter(|q| !asked.contains(q))
            .collect();
        if gone.is_empty() {
            return Ok(());
        }
        for &q in &gone {
            self.answers.set(q, None);
        }
        let w = self.words();
        let names: Vec<String> = gone
            .iter()
            .map(|&q| {
                let title = self.rules.file.questions[q].title.trim();
                w.with("quoted", &[("text", words::text(title))])
            })
            .collect();
        let text = if let [one] = names.as_slice() {
            w.with("flow-removed-one", &[("title", words::text(one))])
        } else {
            w.with(
                "flow-removed-many",
                &[("titles", words::text(&names.join("; ")))],
            )
        };
        p.notice(&text)?;
        Ok(())
    }

    fn save(&mut self) -> Result<(), FlowError> {
        if let Some(path) = self.settings.save {
            save::write_private(
                path,
                save::saved_answers(
                    self.rules,
                    &self.answers,
                    self.settings.id,
                    self.settings.respondent,
                    path,
                    self.settings.save_format,
                    &self.way(),
                )
                .as_bytes(),
            )
            .map_err(FlowError::Save)?;
            self.saved = true;
            crate::interrupt::answers_saved();
        }
        Ok(())
    }

    /// Show the crisis message the moment a crisis rule fires.
    fn crisis(&mut self, p: &mut dyn Prompter) -> Result<CrisisChoice, Stop> {
        let crisis = engine::evaluate(self.rules, &self.answers).crisis;
        if !crisis {
            self.crisis_shown = false;
            return Ok(CrisisChoice::Continue);
        }
        if self.crisis_shown {
            return Ok(CrisisChoice::Continue);
        }
        self.crisis_shown = true;
        let message = self.rules.file.crisis.message.trim_end();
        crate::interrupt::crisis_shown(message, &self.rules.lang);
        Ok(p.crisis(message)?)
    }

    fn review_items(&self) -> Vec<ReviewItem> {
        self.asked()
            .into_iter()
            .map(|q| ReviewItem {
                question: q,
                title: self.rules.file.questions[q].title.trim().to_owned(),
                answer: match self.answers.get(q) {
                    Some(a) => crate::answers::describe(&self.rules.file.questions[q], a),
                    None => self.words().get("skipped"),
                },
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
