//! The rule file: its model, loading it, and checking it.

pub mod baked;
pub mod compiled;
mod fnv;
mod indexed;
pub mod model;
pub mod schema;
pub mod text;
mod validate;
mod yaml_error;

pub use indexed::{Rules, BUILTIN_NAME, BUILTIN_TEXT};
pub(crate) use validate::check;
pub use validate::warnings;
pub use yaml_error::{from_yaml_error, plain_words, Syntax, RULES_HELP};
