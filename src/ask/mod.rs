//! The guided questionnaire: a state machine ([`flow`]) behind a
//! [`Prompter`], with a full-screen terminal prompter and a plain
//! line-by-line one.

pub mod flow;
pub mod plain;
pub mod prompter;
pub mod scripted;
pub mod terminal;

pub use flow::{run, Ended, Finish, FlowError, Settings};
pub use prompter::{
    AfterResult, Ask, CrisisChoice, PromptError, Prompter, Reply, ReviewChoice, ReviewItem,
};
