//! The rule file: its model, loading it, and checking it.

mod load;
pub mod model;
mod validate;

pub use load::{from_yaml_error, plain_words, Rules, BUILTIN_NAME};
