//! Reading a whole input (a rule or answer file, or standard input) as text.

use std::io::{BufRead, Read};

use crate::error::Error;
use crate::settings::Input;

/// The largest input read: rule and answer files are small text files, and
/// a mistaken `/dev/urandom` should not fill the memory.
pub const MAX_INPUT: u64 = 64 << 20;

/// Read a whole input as UTF-8 text, with the name to use in messages.
pub fn read_input(input: &Input, stdin: &mut dyn BufRead) -> Result<(String, String), Error> {
    let path = match input {
        Input::Stdin => std::path::PathBuf::from("<stdin>"),
        Input::File(path) => path.clone(),
    };
    let fail = |source| Error::Input {
        path: path.clone(),
        source,
    };
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => stdin.take(MAX_INPUT + 1).read_to_end(&mut bytes),
        Input::File(p) => {
            std::fs::File::open(p).and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut bytes))
        }
    }
    .map_err(fail)?;
    // Size first: a cut in the middle of a character is not the problem.
    if bytes.len() as u64 > MAX_INPUT {
        return Err(fail(std::io::Error::other(
            "it is larger than 64 MiB, far more than a rule or answer file needs",
        )));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        fail(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "it is not UTF-8 text; save it as UTF-8",
        ))
    })?;
    Ok((path.display().to_string(), text))
}
