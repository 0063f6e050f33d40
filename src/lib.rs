//! carelevel: screen answers against a YAML rule file and recommend a level
//! of mental-health care, with the reasons. A screening aid, not a diagnosis.
//!
//! The rule model, its validation and the engine live in `carelevel-core`
//! (`core/`), so that the build can validate the built-in rules with the
//! same code; they are re-exported here under their usual names.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub use carelevel_core::{answers, engine, error, quick, read, response, rules, source, suggest};

pub mod alloc;
pub mod ask;
pub mod batch;
pub mod builtin;
pub mod check;
pub mod cli;
pub mod fhir;
pub mod generate;
pub mod input;
pub mod interrupt;
pub mod lang;
pub mod questions;
pub mod report;
pub mod resume;
pub mod run;
pub mod save;
pub mod settings;
pub mod template;
pub mod words;
pub mod yaml_out;
