use crate::{carelevel, stdout_of};

#[test]
fn questions_json_has_the_contract_fields_in_asking_order() {
    let out = stdout_of(carelevel().args(["questions", "--format", "json"]));
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = list.as_array().unwrap();
    assert!((12..=30).contains(&list.len()), "{} questions", list.len());
    for q in list {
        for key in ["id", "type", "title", "prompt", "required", "options"] {
            assert!(q.get(key).is_some(), "{key} missing in {q}");
        }
        let kind = q["type"].as_str().unwrap();
        assert!(["yes_no", "choice", "multi", "integer"].contains(&kind));
        for o in q["options"].as_array().unwrap() {
            assert!(o["code"].is_string() && o["label"].is_string());
        }
    }
    assert_eq!(list[0]["id"], "age_group");
    assert_eq!(list[1]["id"], "self_harm_thoughts");
    // Least severe first: no thoughts at all; "I don't know" and "prefer
    // not to say" are flagged, after the scale.
    let options = list[1]["options"].as_array().unwrap();
    assert_eq!(options[0]["code"], "none");
    let flags: Vec<(&str, bool, bool)> = options
        .iter()
        .map(|o| {
            (
                o["code"].as_str().unwrap(),
                o.get("unknown").is_some_and(|u| u == true),
                o.get("declines").is_some_and(|d| d == true),
            )
        })
        .collect();
    assert_eq!(
        &flags[flags.len() - 2..],
        [("dont_know", true, false), ("declined", false, true)]
    );
}

#[test]
fn follow_ups_carry_their_condition() {
    let out = stdout_of(carelevel().arg("questions"));
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    let plan = list
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "self_harm_plan")
        .unwrap();
    assert_eq!(plan["when"]["any"][0]["answer"], "self_harm_thoughts");
    assert_eq!(
        plan["when"]["any"][1]["in"],
        serde_json::json!(["dont_know", "declined"])
    );
    let first = list.as_array().unwrap().first().unwrap();
    assert!(first.get("when").is_none());
}

#[test]
fn questions_yaml_matches_json() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(carelevel().arg("questions"))).unwrap();
    let yaml: serde_json::Value =
        serde_yaml::from_str(&stdout_of(carelevel().args(["questions", "-f", "yaml"]))).unwrap();
    assert_eq!(json, yaml);
}

#[test]
fn the_questions_as_a_fhir_questionnaire() {
    let out = crate::stdout_of(crate::carelevel().args(["questions", "--format", "fhir"]));
    let q: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(q["resourceType"], "Questionnaire");
    insta::assert_snapshot!("questions_fhir", out);
}
