//! A prompter that plays a fixed script and records what it was shown:
//! drives the guided flow from code and tests.

use std::collections::VecDeque;

use crate::rules::model::Respondent;

use super::prompter::{
    AfterResult, Ask, CrisisChoice, PromptError, Prompter, Reply, ReviewChoice, ReviewItem,
};

/// One scripted action, consumed in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Say who is answering, at the first step.
    Who(Respondent),
    /// Reply to the next question, which must have this id.
    Reply(&'static str, Reply),
    /// Choose on the next review screen.
    Review(ReviewChoice),
    /// Choose after the next crisis message.
    Crisis(CrisisChoice),
    /// Choose after the short result.
    After(AfterResult),
    /// Type this file name (`None`: give up).
    FileName(Option<String>),
    /// Answer the next yes-or-no question.
    Confirm(bool),
    /// Press Ctrl-C at the next prompt of any kind.
    Interrupt,
    /// End the input (Ctrl-D) at the next prompt of any kind.
    Close,
}

/// Plays `steps`; records every prompt in `shown`.
#[derive(Debug, Default)]
pub struct Scripted {
    steps: VecDeque<Step>,
    /// What the person saw, one line per prompt: `who ...`, `ask q 3/15`, `notice ...`,
    /// `crisis`, `review a,b,c`, `intro`, `after`, `file name ...`,
    /// `confirm ...`, `crisis reminder`.
    pub shown: Vec<String>,
    /// The introduction's text (the disclaimer, and how answers are saved).
    pub intro: String,
}

impl Scripted {
    pub fn new(steps: impl IntoIterator<Item = Step>) -> Self {
        Scripted {
            steps: steps.into_iter().collect(),
            ..Scripted::default()
        }
    }

    /// Steps not used; a finished script has none.
    pub fn remaining(&self) -> usize {
        self.steps.len()
    }

    fn next(&mut self, at: &str) -> Result<Step, PromptError> {
        match self.steps.pop_front() {
            Some(Step::Interrupt) => Err(PromptError::Interrupted),
            Some(Step::Close) => Err(PromptError::Closed),
            Some(step) => Ok(step),
            None => panic!("script ran out at {at}; shown so far: {:#?}", self.shown),
        }
    }
}

impl Prompter for Scripted {
    fn who_answers(
        &mut self,
        _title: &str,
        question: &str,
        _choices: [&str; 2],
    ) -> Result<Respondent, PromptError> {
        self.shown.push(format!("who {question}"));
        match self.next("who answers")? {
            Step::Who(r) => Ok(r),
            other => panic!(
                "at who answers the script has {other:?}; shown: {:#?}",
                self.shown
            ),
        }
    }

    fn intro(&mut self, _title: &str, text: &str) -> Result<(), PromptError> {
        self.shown.push("intro".into());
        self.intro = text.to_owned();
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

    fn after_result(&mut self, can_show: bool, can_save: bool) -> Result<AfterResult, PromptError> {
        self.shown.push(format!(
            "after{}{}",
            if can_show { " (can show)" } else { "" },
            if can_save { " (can save)" } else { "" }
        ));
        match self.next("after the result")? {
            Step::After(c) => Ok(c),
            other => panic!(
                "after the result the script has {other:?}; shown: {:#?}",
                self.shown
            ),
        }
    }

    fn file_name(&mut self, prompt: &str, default: &str) -> Result<Option<String>, PromptError> {
        self.shown.push(format!("file name {prompt} [{default}]"));
        match self.next("file name")? {
            Step::FileName(name) => Ok(name),
            other => panic!(
                "at a file name the script has {other:?}; shown: {:#?}",
                self.shown
            ),
        }
    }

    fn confirm(&mut self, question: &str, _default: bool) -> Result<bool, PromptError> {
        self.shown.push(format!("confirm {question}"));
        match self.next("confirm")? {
            Step::Confirm(yes) => Ok(yes),
            other => panic!(
                "at a question the script has {other:?}; shown: {:#?}",
                self.shown
            ),
        }
    }

    fn crisis_reminder(&mut self, _message: &str) -> Result<(), PromptError> {
        self.shown.push("crisis reminder".into());
        Ok(())
    }
}
