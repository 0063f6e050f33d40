//! A prompter that plays a fixed script and records what it was shown:
//! drives the guided flow from code and tests.

use std::collections::VecDeque;

use super::prompter::{Ask, CrisisChoice, PromptError, Prompter, Reply, ReviewChoice, ReviewItem};

/// One scripted action, consumed in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Reply to the next question, which must have this id.
    Reply(&'static str, Reply),
    /// Choose on the next review screen.
    Review(ReviewChoice),
    /// Choose after the next crisis message.
    Crisis(CrisisChoice),
    /// Press Ctrl-C at the next prompt of any kind.
    Interrupt,
}

/// Plays `steps`; records every prompt in `shown`.
#[derive(Debug, Default)]
pub struct Scripted {
    steps: VecDeque<Step>,
    /// What the person saw, one line per prompt: `ask q 3/15`, `notice ...`,
    /// `crisis`, `review a,b,c`, `intro`.
    pub shown: Vec<String>,
}

impl Scripted {
    pub fn new(steps: impl IntoIterator<Item = Step>) -> Self {
        Scripted {
            steps: steps.into_iter().collect(),
            shown: Vec::new(),
        }
    }

    /// Steps not used; a finished script has none.
    pub fn remaining(&self) -> usize {
        self.steps.len()
    }

    fn next(&mut self, at: &str) -> Result<Step, PromptError> {
        match self.steps.pop_front() {
            Some(Step::Interrupt) => Err(PromptError::Interrupted),
            Some(step) => Ok(step),
            None => panic!("script ran out at {at}; shown so far: {:#?}", self.shown),
        }
    }
}

impl Prompter for Scripted {
    fn intro(&mut self, _title: &str, _text: &str) -> Result<(), PromptError> {
        self.shown.push("intro".into());
        Ok(())
    }

    fn ask(&mut self, ask: Ask<'_>) -> Result<Reply, PromptError> {
        let id = ask.question.id.as_str();
        self.shown
            .push(format!("ask {id} {}/{}", ask.number, ask.total));
        match self.next(id)? {
            Step::Reply(want, reply) if want == id => Ok(reply),
            other => panic!(
                "at question `{id}` the script has {other:?}; shown: {:#?}",
                self.shown
            ),
        }
    }

    fn notice(&mut self, text: &str) -> Result<(), PromptError> {
        self.shown.push(format!("notice {text}"));
        Ok(())
    }

    fn crisis(&mut self, _message: &str) -> Result<CrisisChoice, PromptError> {
        self.shown.push("crisis".into());
        match self.next("crisis")? {
            Step::Crisis(c) => Ok(c),
            other => panic!(
                "at the crisis message the script has {other:?}; shown: {:#?}",
                self.shown
            ),
        }
    }

    fn review(&mut self, items: &[ReviewItem]) -> Result<ReviewChoice, PromptError> {
        let ids: Vec<String> = items.iter().map(|i| i.question.to_string()).collect();
        self.shown.push(format!("review {}", ids.join(",")));
        match self.next("review")? {
            Step::Review(c) => Ok(c),
            other => panic!(
                "at the review the script has {other:?}; shown: {:#?}",
                self.shown
            ),
        }
    }
}
