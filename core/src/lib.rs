//! carelevel's core: the rule file model and its validation, answer files,
//! and the engine that turns rules and answers into a level. No terminal,
//! no files written, no clinical knowledge: that is all in the rule file.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod answers;
pub mod engine;
pub mod error;
pub mod load;
pub mod read;
pub mod rules;
pub mod source;
pub mod suggest;

pub use read::{quick, response};
