"""FHIR output of carelevel, checked by an independent library.

Parses every FHIR resource carelevel writes with PyPI's `fhir.resources`
(its R4B models, the closest it ships to R4) and checks what the export
promises:
  - the Questionnaire of each rule file;
  - for a sample of generated answer sets, the Bundle `screen --format fhir`
    writes (an Observation and a QuestionnaireResponse), and the response
    `--save-format fhir` saves;
  - the round trip: a QuestionnaireResponse built here, from the
    Questionnaire alone, screens to the same level as the answer file;
  - `batch --format fhir`: one Bundle per line for every record, an
    OperationOutcome for one that cannot be scored (its crisis first), the
    same levels as `batch` in JSON Lines, the subject and id carried, and a
    narrative in XHTML without Markdown that speaks of "the person" when
    someone else answered.
Run by `tests/fhir/validate.sh`, which sets up the library.
Usage: python validate.py CARELEVEL_BINARY ANSWERS_JSONL RULE_FILE...
"""

import json
import os
import subprocess
import sys
import tempfile

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse


def run(binary, *args):
    out = subprocess.run([binary, *args], check=True, capture_output=True, text=True)
    return out.stdout


def check_questionnaire(binary, rules):
    args = ["questions", "--format", "fhir"] + (["--rules", rules] if rules else [])
    data = json.loads(run(binary, *args))
    q = Questionnaire.model_validate(data)
    plain = json.loads(run(binary, *(["questions", "--format", "json"] + (["--rules", rules] if rules else []))))
    assert q.status == "active"
    assert [i.linkId for i in q.item] == [p["id"] for p in plain], "one item per question, in order"
    for item, question in zip(q.item, plain):
        if question["options"]:
            codes = {o.valueCoding.code for o in item.answerOption}
            assert codes == {o["code"] for o in question["options"]}, item.linkId
        if question.get("when"):
            expression = any(
                e.url.endswith("enableWhenExpression") for e in (item.extension or [])
            )
            assert bool(item.enableWhen) != expression, item.linkId
    print(f"Questionnaire of {rules or 'the built-in rules'}: {len(q.item)} items, valid R4B")


def response_from_questionnaire(questionnaire, answers):
    """A QuestionnaireResponse to `questionnaire` holding `answers` (an
    answer file's map), built only from what the Questionnaire says."""
    items = []
    for item in questionnaire["item"]:
        given = answers.get(item["linkId"])
        if given is None:
            continue
        if item["type"] == "integer":
            values = [{"valueInteger": given}]
        else:
            codes = given if isinstance(given, list) else [given]
            codes = [{True: "yes", False: "no"}.get(c, c) for c in codes]
            options = {o["valueCoding"]["code"]: o["valueCoding"] for o in item["answerOption"]}
            values = [{"valueCoding": options[str(c)]} for c in codes]
        items.append({"linkId": item["linkId"], "text": item["text"], "answer": values})
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": questionnaire["url"] + "|" + questionnaire["version"],
        "status": "completed",
        "item": items,
    }


def screen_json(binary, path):
    return json.loads(run(binary, "screen", "--answers", path, "--format", "json"))


def check_answer_sets(binary, jsonl):
    questionnaire = json.loads(run(binary, "questions", "--format", "fhir"))
    Questionnaire.model_validate(questionnaire)
    levels, crises = {}, 0
    with open(jsonl) as f, tempfile.TemporaryDirectory() as tmp:
        for n, line in enumerate(f):
            record = json.loads(line)
            given = os.path.join(tmp, "given.json")
            with open(given, "w") as g:
                g.write(line)
            expected = screen_json(binary, given)
            levels[expected["level"]] = levels.get(expected["level"], 0) + 1
            crises += expected["crisis"]

            # The Bundle and everything in it.
            bundle = json.loads(run(binary, "screen", "--answers", given, "--format", "fhir"))
            Bundle.model_validate(bundle)
            assert bundle["type"] == "collection"
            observation, response = (e["resource"] for e in bundle["entry"])
            obs = Observation.model_validate(observation)
            QuestionnaireResponse.model_validate(response)
            assert obs.valueCodeableConcept.coding[0].code == expected["level"], n
            assert obs.derivedFrom[0].reference == bundle["entry"][1]["fullUrl"], n
            crisis = next(c for c in obs.component if c.code.coding[0].code == "crisis")
            assert crisis.valueBoolean == expected["crisis"], n
            if expected["crisis"]:
                assert obs.interpretation[0].coding[0].code == "AA", n
                assert obs.note[0].text == expected["crisis_message"], n
            assert response["status"] == "completed", n

            # What --save-format fhir saves is a response too.
            saved = os.path.join(tmp, "saved.json")
            if os.path.exists(saved):
                os.remove(saved)
            run(binary, "screen", "--answers", given, "--save", saved, "--save-format", "fhir")
            with open(saved) as s:
                QuestionnaireResponse.model_validate(json.load(s))

            # The round trip: Questionnaire -> response built here -> screen.
            built = response_from_questionnaire(questionnaire, record["answers"])
            QuestionnaireResponse.model_validate(built)
            path = os.path.join(tmp, "built.json")
            with open(path, "w") as b:
                json.dump(built, b)
            got = screen_json(binary, path)
            assert (got["level"], got["crisis"]) == (expected["level"], expected["crisis"]), (n, got["level"], expected["level"])
            assert got["dimensions"] == expected["dimensions"], n
    count = sum(levels.values())
    print(f"{count} answer sets ({crises} with a crisis answer; levels {levels}): "
          "Bundle, Observation and QuestionnaireResponse valid R4B; "
          "Questionnaire -> QuestionnaireResponse -> screen gave the same level every time")
    assert len(levels) == 3, "the sample reaches every level"


def check_translations(binary):
    """The Spanish Questionnaire: Spanish texts, and every text in English
    too through the FHIR translation extension."""
    data = json.loads(run(binary, "--lang", "es", "questions", "--format", "fhir"))
    q = Questionnaire.model_validate(data)
    assert q.language == "es"
    url = "http://hl7.org/fhir/StructureDefinition/translation"
    for item in q.item:
        ext = item.text__ext.extension
        assert ext[0].url == url, item.linkId
        langs = {e.url: (e.valueCode or e.valueString) for e in ext[0].extension}
        assert langs["lang"] == "en" and langs["content"], item.linkId
        for option in item.answerOption or []:
            assert option.valueCoding.display__ext.extension[0].url == url, item.linkId
    print(f"Spanish Questionnaire: {len(q.item)} items, each with its English translation, valid R4B")


def check_batch(binary, jsonl):
    with open(jsonl) as f:
        records = [json.loads(line) for line in f]
    # A relative's response about a teenager, naming its subject; a record
    # that cannot be scored but holds a crisis answer.
    questionnaire = json.loads(run(binary, "questions", "--format", "fhir"))
    related = response_from_questionnaire(questionnaire, records[0]["answers"])
    related["subject"] = {"reference": "Patient/p-77", "display": "J. D."}
    related["identifier"] = {"value": "qr-77"}
    related["source"] = {"type": "RelatedPerson"}
    crisis_unfinished = {"id": "c-1", "answers": {"age_group": "adult", "self_harm_thoughts": "often",
                                                  "thoughts_change": "new_or_worse", "self_harm_plan": "yes"}}
    with tempfile.TemporaryDirectory() as tmp:
        given = os.path.join(tmp, "records.jsonl")
        with open(given, "w") as g:
            for r in records:
                g.write(json.dumps(r) + "\n")
            g.write(json.dumps(related) + "\n")
            g.write(json.dumps(crisis_unfinished) + "\n")
        out = subprocess.run([binary, "batch", given, "--format", "fhir", "--summary", "none"],
                             capture_output=True, text=True)
        assert out.returncode == 65, out.stderr  # one record cannot be scored
        lines = out.stdout.splitlines()
        plain = subprocess.run([binary, "batch", given, "--summary", "none"], capture_output=True, text=True)
        expected = [json.loads(line) for line in plain.stdout.splitlines()]
    assert len(lines) == len(records) + 2, "one line per record"
    for n, (line, want) in enumerate(zip(lines, expected)):
        resource = json.loads(line)
        if "error" in want:
            outcome = OperationOutcome.model_validate(resource)
            assert "c-1" in outcome.issue[0].diagnostics, n
            assert "988" in outcome.issue[0].diagnostics, "the crisis first"
            continue
        Bundle.model_validate(resource)
        observation, response = (e["resource"] for e in resource["entry"])
        obs = Observation.model_validate(observation)
        QuestionnaireResponse.model_validate(response)
        assert obs.valueCodeableConcept.coding[0].code == want["level"], n
        if want["id"] is not None:
            assert obs.identifier[0].value == want["id"], n
            assert response["identifier"]["value"] == want["id"], n
        div = observation["text"]["div"]
        assert "`" not in div and "**" not in div and "\n- " not in div, div
        if want["crisis"]:
            assert "<ul><li>" in div, "the crisis message's list is a list"
    related_bundle = json.loads(lines[len(records)])
    observation, response = (e["resource"] for e in related_bundle["entry"])
    assert observation["subject"] == {"reference": "Patient/p-77", "display": "J. D."}
    assert response["subject"] == observation["subject"]
    assert response["source"]["type"] == "RelatedPerson"
    div = observation["text"]["div"]
    assert "the person" in div.lower() or "they " in div.lower(), div
    assert " you " not in div.lower() and "your situation" not in div.lower(), div
    print(f"batch --format fhir: {len(lines)} lines (a Bundle per record, an OperationOutcome for the one "
          "that cannot be scored), valid R4B; levels as in JSON Lines; subject and id carried")


def main():
    binary, jsonl, rules_files = sys.argv[1], sys.argv[2], sys.argv[3:]
    for rules in [None, *rules_files]:
        check_questionnaire(binary, rules)
    check_translations(binary)
    check_answer_sets(binary, jsonl)
    check_batch(binary, jsonl)


if __name__ == "__main__":
    main()
