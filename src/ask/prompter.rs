//! What the guided flow needs from a user interface. The flow decides what
//! to ask; a prompter only shows things and returns what the person chose.

use crate::answers::Answer;
use crate::rules::model::{Question, Respondent};

/// One question to put to the person.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    pub question: &'a Question,
    /// 1-based position among the questions asked, given the answers so far.
    pub number: usize,
    pub total: usize,
    /// The answer given before, offered as the default.
    pub current: Option<&'a Answer>,
    /// Whether there is a question to go back to.
    pub can_go_back: bool,
}

/// What the person did at a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Answer(Answer),
    /// Return to the previous question.
    Back,
    /// Leave an optional question unanswered.
    Skip,
}

/// One line of the review screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    pub question: usize,
    /// The question's short title.
    pub title: String,
    /// The answer as the person saw it (option labels, or the number).
    pub answer: String,
}

/// What the person did on the review screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewChoice {
    Submit,
    /// Change the answer to this question (an index into the rule file).
    Edit(usize),
    Back,
}

/// What the person chose after seeing the crisis message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrisisChoice {
    Continue,
    Stop,
}

/// What the person chose after seeing the short result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterResult {
    /// Show the whole report.
    FullReport,
    /// Save the whole report to a file.
    Save,
    /// Done.
    Finish,
}

/// Why a prompt did not return an answer.
#[derive(Debug)]
pub enum PromptError {
    /// Ctrl-C.
    Interrupted,
    /// Input ended (Ctrl-D, or the end of a piped file).
    Closed,
    Io(std::io::Error),
}

impl From<std::io::Error> for PromptError {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::Interrupted => {
                crate::interrupt::hold_if_stopping();
                PromptError::Interrupted
            }
            std::io::ErrorKind::UnexpectedEof => PromptError::Closed,
            _ => PromptError::Io(e),
        }
    }
}

/// A user interface for the guided questionnaire.
pub trait Prompter {
    /// The first step, before the introduction: who is answering, the
    /// person or someone about them. Shows `title` as the heading, which
    /// the introduction then does not repeat; `choices` are the person's
    /// and someone else's answer, in that order.
    fn who_answers(
        &mut self,
        title: &str,
        question: &str,
        choices: [&str; 2],
    ) -> Result<Respondent, PromptError>;
    /// Show the introduction (title, disclaimer, keys).
    fn intro(&mut self, title: &str, text: &str) -> Result<(), PromptError>;
    /// Ask one question.
    fn ask(&mut self, ask: Ask<'_>) -> Result<Reply, PromptError>;
    /// Tell the person something (dropped answers, saved progress).
    fn notice(&mut self, text: &str) -> Result<(), PromptError>;
    /// Show the crisis message now, and ask whether to go on.
    fn crisis(&mut self, message: &str) -> Result<CrisisChoice, PromptError>;
    /// Show every answer and let the person submit or change one.
    fn review(&mut self, items: &[ReviewItem]) -> Result<ReviewChoice, PromptError>;
    /// After the short result: the full report (when `can_show`), saving
    /// it (when `can_save`), or done.
    fn after_result(&mut self, can_show: bool, can_save: bool) -> Result<AfterResult, PromptError>;
    /// Ask for a file name, offering `default`; `None` when the person
    /// gives up (an empty answer with no default, or Esc).
    fn file_name(&mut self, prompt: &str, default: &str) -> Result<Option<String>, PromptError>;
    /// A yes-or-no question; Enter gives `default`.
    fn confirm(&mut self, question: &str, default: bool) -> Result<bool, PromptError>;
    /// Show the crisis message again, asking nothing: the last thing on
    /// screen when the result itself went elsewhere.
    fn crisis_reminder(&mut self, message: &str) -> Result<(), PromptError>;
}
