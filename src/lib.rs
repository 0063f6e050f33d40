//! carelevel: screen answers against a YAML rule file and recommend a level
//! of mental-health care, with the reasons. A screening aid, not a diagnosis.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod answers;
pub mod ask;
pub mod check;
pub mod cli;
pub mod engine;
pub mod error;
pub mod input;
pub mod interrupt;
pub mod questions;
pub mod report;
pub mod rules;
pub mod run;
pub mod save;
pub mod settings;
pub mod source;
mod suggest;
pub mod template;
pub mod yaml_out;
