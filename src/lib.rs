//! carelevel: screen answers against a YAML rule file and recommend a level
//! of mental-health care, with the reasons. A screening aid, not a diagnosis.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod answers;
pub mod error;
pub mod rules;
pub mod source;
mod suggest;
pub mod engine;
pub mod report;
pub mod check;
pub mod questions;
pub mod template;
pub mod cli;
pub mod run;
pub mod settings;
