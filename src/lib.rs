pub mod error;
pub mod source;
pub mod rules { pub mod model; }
