"""FHIR output of carelevel, checked by an independent library.

Parses every FHIR resource carelevel writes with PyPI's `fhir.resources`
(its R4B models, the closest it ships to R4) and checks what the export
promises. Run by `tests/fhir/validate.sh`, which sets up the library.
Usage: python validate.py CARELEVEL_BINARY RULE_FILE...
"""

import json
import subprocess
import sys

from fhir.resources.R4B.questionnaire import Questionnaire


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


def main():
    binary, rules_files = sys.argv[1], sys.argv[2:]
    for rules in [None, *rules_files]:
        check_questionnaire(binary, rules)


if __name__ == "__main__":
    main()
