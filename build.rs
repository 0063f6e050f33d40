//! Checks the built-in rules, `rules/default.yaml`, with the same validator
//! as `carelevel check` (an invalid file fails the build with its message),
//! and bakes them, once for each respondent and language, into a form that
//! loads at start-up without YAML parsing. `baked.rs` in `OUT_DIR` lists
//! them for `src/builtin.rs`.

use std::fmt::Write as _;

fn main() {
    const PATH: &str = "rules/default.yaml";
    println!("cargo::rerun-if-changed={PATH}");
    let text = std::fs::read_to_string(PATH).unwrap_or_else(|e| panic!("cannot read {PATH}: {e}"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    match carelevel_core::rules::baked::bake(PATH, &text) {
        Ok(baked) => {
            std::fs::write(out.join("default_rules.texts"), &baked.texts)
                .unwrap_or_else(|e| panic!("cannot write the baked rules' texts: {e}"));
            let mut index = String::from(
                "/// The texts every baked variant refers to.\n\
                 const BAKED_TEXTS: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/default_rules.texts\"));\n\
                 /// The baked built-in rules: (respondent, language, bytes).\n\
                 const BAKED: &[(&str, &str, &[u8])] = &[\n",
            );
            for (variant, bytes) in baked.variants {
                let lang = variant.lang.expect("baked rules have a language");
                let name = format!("default_rules.{}.{lang}.baked", variant.respondent.key());
                std::fs::write(out.join(&name), bytes)
                    .unwrap_or_else(|e| panic!("cannot write the baked rules: {e}"));
                let _ = writeln!(
                    index,
                    "    ({:?}, {lang:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}\"))),",
                    variant.respondent.key()
                );
            }
            index.push_str("];\n");
            std::fs::write(out.join("baked.rs"), index)
                .unwrap_or_else(|e| panic!("cannot write the baked rules' index: {e}"));
        }
        Err(message) => {
            eprintln!("{PATH} is not a valid rule file:\nerror: {message}");
            std::process::exit(1);
        }
    }
}
