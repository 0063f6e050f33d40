#!/usr/bin/env bash
# Seed the fuzz corpora from the project's own fixtures: run from fuzz/.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/rules corpus/answers corpus/pipeline
cp ../rules/default.yaml ../tests/fixtures/minimal.yaml corpus/rules/
cp ../tests/fixtures/bad/rules-* corpus/rules/
cp ../examples/* corpus/answers/
cp ../tests/fixtures/bad/answers-* corpus/answers/
for a in ../examples/*.yaml ../examples/*.json; do
    { cat ../tests/fixtures/minimal.yaml; printf '\n%%%%\n'; cat "$a"; } > "corpus/pipeline/minimal-$(basename "$a")"
    { cat ../rules/default.yaml; printf '\n%%%%\n'; cat "$a"; } > "corpus/pipeline/default-$(basename "$a")"
done
printf 'answers:\n  danger: "yes"\n  hours: 3\n' > corpus/pipeline/answers-mini.yaml.part
{ cat ../tests/fixtures/minimal.yaml; printf '\n%%%%\n'; cat corpus/pipeline/answers-mini.yaml.part; } > corpus/pipeline/minimal-crisis
rm corpus/pipeline/answers-mini.yaml.part
mkdir -p corpus/batch
cp ../tests/fixtures/batch/* corpus/batch/
(cd .. && cargo run -q --release -- generate --count 50 --seed 3) > corpus/batch/generated.jsonl
(cd .. && cargo run -q --release -- generate --count 50 --seed 4 --format csv) > corpus/batch/generated.csv
# FHIR: responses and Bundles as screen writes them, and the test fixtures' shapes.
mkdir -p corpus/response
for a in ../examples/*.yaml ../examples/*.json; do
    (cd .. && cargo run -q --release -- screen --answers "${a#../}" --format fhir) > "corpus/response/bundle-$(basename "$a").json" || true
    (cd .. && cargo run -q --release -- screen --answers "${a#../}" --save "fuzz/corpus/response/response-$(basename "$a").json" --save-format fhir --overwrite) > /dev/null || true
done
