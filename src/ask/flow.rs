//! The guided questionnaire as a state machine: which question comes next,
//! going back, dropping answers that no longer apply, review and edit,
//! crisis first, and saving after every answer.

use std::collections::HashSet;
use std::path::Path;

use crate::answers::Answers;
use crate::engine;
use crate::error::Error;
use crate::rules::Rules;
use crate::save;

use super::prompter::{Ask, CrisisChoice, PromptError, Prompter, Reply, ReviewChoice, ReviewItem};

/// How the flow runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Settings<'a> {
    /// Save the answers here after every answer.
    pub save: Option<&'a Path>,
    /// The record id to keep in the saved file.
    pub id: Option<&'a str>,
}

/// How the flow ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finish {
    /// Every asked question answered and the review submitted.
    Complete,
    /// The person chose to stop after the crisis message.
    StoppedAtCrisis,
}

/// Why the flow stopped without finishing.
#[derive(Debug)]
pub enum FlowError {
    Prompt(PromptError),
    /// Progress could not be saved.
    Save(Error),
}

impl From<PromptError> for FlowError {
    fn from(e: PromptError) -> Self {
        FlowError::Prompt(e)
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
}

/// Ask every question that `prefilled` leaves unanswered, then review.
/// Returns the final answers and how the flow ended.
pub fn run(
    rules: &Rules,
    prefilled: Answers,
    prompter: &mut dyn Prompter,
    settings: Settings<'_>,
) -> Result<(Answers, Finish), FlowError> {
    let mut flow = Flow {
        rules,
        answers: prefilled,
        skipped: HashSet::new(),
        settings,
        stepping: false,
        crisis_shown: false,
    };
    flow.run(prompter)
}

impl Flow<'_> {
    fn run(&mut self, p: &mut dyn Prompter) -> Result<(Answers, Finish), FlowError> {
        let f = &self.rules.file;
        let saving = match self.settings.save {
            Some(path) => format!(
                "Your answers are saved to {} after each one.",
                path.display()
            ),
            None => "Your answers are not saved as you go; use --save FILE to keep them.".into(),
        };
        p.intro(&f.title, &format!("{}\n\n{saving}", f.disclaimer.trim()))?;
        // Pre-filled answers may already call for the crisis message.
        if self.crisis(p)? == CrisisChoice::Stop {
            return Ok((self.answers.clone(), Finish::StoppedAtCrisis));
        }
        let mut state = self.next_unanswered();
        loop {
            state = match state {
                State::Asking(q) => match self.ask(p, q)? {
                    Some(next) => next,
                    None => return Ok((self.answers.clone(), Finish::StoppedAtCrisis)),
                },
                State::Review => {
                    self.stepping = false;
                    match p.review(&self.review_items())? {
                        ReviewChoice::Submit => {
                            return Ok((self.answers.clone(), Finish::Complete))
                        }
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
    fn ask(&mut self, p: &mut dyn Prompter, q: usize) -> Result<Option<State>, FlowError> {
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
                p.notice("This is the first question; there is nothing before it.")?;
                return Ok(Some(State::Asking(q)));
            }
            Reply::Skip if question.required => {
                p.notice("This question needs an answer.")?;
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
    fn drop_unasked(&mut self, p: &mut dyn Prompter) -> Result<(), FlowError> {
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
        let names: Vec<String> = gone
            .iter()
            .map(|&q| format!("\"{}\"", one_line(&self.rules.file.questions[q].prompt)))
            .collect();
        let text = if let [one] = names.as_slice() {
            format!("Your answer to {one} was removed: that question no longer applies after this change.")
        } else {
            format!(
                "Your answers to these questions were removed, as they no longer apply after this change: {}",
                names.join("; ")
            )
        };
        p.notice(&text)?;
        Ok(())
    }

    fn save(&self) -> Result<(), FlowError> {
        if let Some(path) = self.settings.save {
            save::write_private(
                path,
                save::answer_file(self.rules, &self.answers, self.settings.id).as_bytes(),
            )
            .map_err(FlowError::Save)?;
        }
        Ok(())
    }

    /// Show the crisis message the moment a crisis rule fires.
    fn crisis(&mut self, p: &mut dyn Prompter) -> Result<CrisisChoice, FlowError> {
        let crisis = engine::evaluate(self.rules, &self.answers).crisis;
        if !crisis {
            self.crisis_shown = false;
            return Ok(CrisisChoice::Continue);
        }
        if self.crisis_shown {
            return Ok(CrisisChoice::Continue);
        }
        self.crisis_shown = true;
        Ok(p.crisis(self.rules.file.crisis.message.trim_end())?)
    }

    fn review_items(&self) -> Vec<ReviewItem> {
        self.asked()
            .into_iter()
            .map(|q| ReviewItem {
                question: q,
                prompt: one_line(&self.rules.file.questions[q].prompt),
                answer: match self.answers.get(q) {
                    Some(a) => crate::answers::describe(&self.rules.file.questions[q], a),
                    None => "(skipped)".into(),
                },
            })
            .collect()
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
