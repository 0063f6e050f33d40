//! Checks the built-in rules, `rules/default.yaml`, with the same validator
//! as `carelevel check` (an invalid file fails the build with its message),
//! and bakes them, once for each respondent, into a form that loads at
//! start-up without YAML parsing.

fn main() {
    const PATH: &str = "rules/default.yaml";
    println!("cargo::rerun-if-changed={PATH}");
    let text = std::fs::read_to_string(PATH).unwrap_or_else(|e| panic!("cannot read {PATH}: {e}"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    match carelevel_core::rules::baked::bake(PATH, &text) {
        Ok(baked) => {
            for respondent in ["self", "other"] {
                let bytes = baked
                    .iter()
                    .find(|(r, _)| r.key() == respondent)
                    .map_or(&[][..], |(_, b)| b.as_slice());
                std::fs::write(out.join(format!("default_rules.{respondent}.baked")), bytes)
                    .unwrap_or_else(|e| panic!("cannot write the baked rules: {e}"));
            }
        }
        Err(message) => {
            eprintln!("{PATH} is not a valid rule file:\nerror: {message}");
            std::process::exit(1);
        }
    }
}
