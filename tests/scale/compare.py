#!/usr/bin/env python3
"""Compares batch results scored one way (one `carelevel batch` process)
with the same records scored another way (chunks through GNU parallel or
Spark partitions): record by record, joined on `id`, and the summaries'
counts added up.

Usage: compare.py ONE.jsonl PART.jsonl [PART.jsonl ...]

Every file holds result records and `{"summary": ...}` lines, in any mix.
Each record's `line` counts from its chunk's first line, so it is left out
of the comparison; everything else must be equal. Exits 1 on a difference.
"""
import json
import sys

COUNTS = ("records", "scored", "failed", "crisis")


def read(paths):
    records, summaries = {}, []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, text in enumerate(f, 1):
                value = json.loads(text)
                if "summary" in value:
                    summaries.append(value["summary"])
                    continue
                key = value.get("id")
                if key is None:
                    sys.exit(f"{path}:{n}: a record without an id")
                if key in records:
                    sys.exit(f"{path}:{n}: id {key!r} appears twice")
                value.pop("line", None)
                records[key] = value
    return records, summaries


def added(summaries):
    total = {k: sum(s[k] for s in summaries) for k in COUNTS}
    levels = {}
    for s in summaries:
        for level, n in s["levels"].items():
            levels[level] = levels.get(level, 0) + n
    total["levels"] = levels
    rules = {json.dumps(s["rules"], sort_keys=True) for s in summaries}
    return total, rules


def main():
    one, one_summaries = read(sys.argv[1:2])
    parts, part_summaries = read(sys.argv[2:])
    problems = []
    if one.keys() != parts.keys():
        problems.append(
            f"{len(one.keys() - parts.keys())} ids only in the single run, "
            f"{len(parts.keys() - one.keys())} only in the parts"
        )
    differ = [k for k in one.keys() & parts.keys() if one[k] != parts[k]]
    for k in differ[:5]:
        problems.append(f"id {k}: {one[k]} != {parts[k]}")
    if differ:
        problems.append(f"{len(differ)} records differ")
    if len(one_summaries) != 1:
        problems.append(f"the single run printed {len(one_summaries)} summaries")
    whole, whole_rules = added(one_summaries)
    summed, part_rules = added(part_summaries)
    if whole != summed:
        problems.append(f"summaries: single run {whole} != parts added {summed}")
    if whole_rules != part_rules:
        problems.append(f"rules: {whole_rules} != {part_rules}")
    print(f"records compared by id: {len(one.keys() & parts.keys())} "
          f"(single run {len(one)}, parts {len(parts)}), differing: {len(differ)}")
    print(f"summaries: 1 single-run summary, {len(part_summaries)} part summaries")
    print(f"  single run:  {json.dumps(whole)}")
    print(f"  parts added: {json.dumps(summed)}")
    if problems:
        print("FAIL:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("OK: the same results, record by record, and the same counts")


if __name__ == "__main__":
    main()
