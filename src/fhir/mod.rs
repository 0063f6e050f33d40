//! HL7 FHIR R4 for electronic health records and form engines: the
//! questions as a `Questionnaire` (`questions --format fhir`), answers as a
//! `QuestionnaireResponse` (`--save-format fhir`), and a result as a
//! `Bundle` of the response and an `Observation` (`screen --format fhir`).
//! Reading a response back is in [`crate::response`].

mod bundle;
mod questionnaire;
mod response;

pub use bundle::{bundle, bundle_value};
pub use questionnaire::questionnaire;
pub use response::{response, response_file};

const SDC: &str = "http://hl7.org/fhir/uv/sdc/StructureDefinition";
const CORE: &str = "http://hl7.org/fhir/StructureDefinition";

/// `value` as pretty JSON with a final line end.
fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON always serializes");
    text.push('\n');
    text
}

/// A UUID (RFC 9562 version 8, name-based with SHA-256) for `name`: the
/// same content gets the same `urn:uuid:` in a Bundle, and nothing random
/// is needed.
fn uuid(name: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let mut b: [u8; 16] = Sha256::digest(name)[..16]
        .try_into()
        .expect("16 bytes of 32");
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Text for XHTML: `&`, `<`, `>` and `"` escaped.
fn xhtml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_are_version_8_and_differ_by_name() {
        let a = uuid(b"one");
        assert_eq!(a, uuid(b"one"));
        assert_ne!(a, uuid(b"two"));
        let hex = a.strip_prefix("urn:uuid:").unwrap();
        assert_eq!(hex.len(), 36);
        assert_eq!(&hex[14..15], "8", "{hex}");
        assert!(matches!(&hex[19..20], "8" | "9" | "a" | "b"), "{hex}");
    }

    #[test]
    fn a_response_reads_back_as_the_answers_it_holds() {
        use crate::generate::{person, Random};
        use crate::rules::model::Respondent;
        let rules = crate::builtin::rules();
        let mut r = Random::new(31);
        for k in 0..500 {
            let answers = person(&rules, &mut r);
            let respondent = if k % 4 == 0 {
                Respondent::Other
            } else {
                Respondent::Myself
            };
            let id = format!("r{k}");
            let text = response_file(&rules, &answers, Some(&id), respondent);
            let doc = crate::read::parse(&rules, "r.json", &text)
                .unwrap_or_else(|e| panic!("{k}: {e}\n{text}"));
            // The quick reader took it, and read it as the full one does.
            let quick = crate::response::quick(&rules, &text).expect("a plain response");
            let full = crate::read::parse_full(&rules, "r.json", &text).unwrap();
            assert_eq!((&quick.answers, &quick.id), (&full.answers, &full.id));
            assert_eq!(quick.respondent, full.respondent);
            // Answers to questions that were not asked are left out.
            let mut asked = answers.clone();
            for q in crate::engine::evaluate(&rules, &answers).ignored {
                asked.set(q, None);
            }
            assert_eq!(doc.answers, asked, "{k}");
            assert_eq!(doc.id.as_deref(), Some(id.as_str()));
            assert_eq!(doc.respondent, Some(respondent));
            let status = if crate::engine::evaluate(&rules, &answers).missing.is_empty() {
                "\"status\": \"completed\""
            } else {
                "\"status\": \"in-progress\""
            };
            assert!(text.contains(status), "{k}");
        }
    }

    #[test]
    fn xhtml_escapes_markup() {
        assert_eq!(
            xhtml("a < b & \"c\" >"),
            "a &lt; b &amp; &quot;c&quot; &gt;"
        );
    }
}
