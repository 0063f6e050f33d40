#!/usr/bin/env bash
# Fills in carelevel's Questionnaire in a real form engine: the LHC-Forms
# web component (npm `lforms`, pinned), in headless Chromium (Debian's
# package), driven by puppeteer-core. For each answer set, it answers every
# question the form shows through the form's own inputs, reads back the
# QuestionnaireResponse LHC-Forms produces, screens it with carelevel, and
# fails unless the level (and crisis flag and ratings) equal those of the
# same answers given as an answer file.
#
# Not part of `cargo test`: it needs npm, Chromium and the network once.
# Usage: bash tests/fhir/lhc-forms.sh [COUNT]   (COUNT generated sets, default 12)
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-12}
source scripts/lib.sh
bin=$(release_binary)
# npm's files live beside the build (`target/lhc-forms`).
work=$(dirname "$(dirname "$bin")")/lhc-forms
mkdir -p "$work"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium >/dev/null
  chromium=$(command -v chromium)
fi
command -v npm >/dev/null || { echo "error: needs Node.js and npm (apt-get install nodejs npm)" >&2; exit 69; }

if [ ! -f "$work/lforms/dist/lforms/webcomponent/lhc-forms.js" ]; then
  (cd "$work" && npm pack --silent lforms@40.1.3 >/dev/null &&
    rm -rf lforms && mkdir lforms && tar xzf lforms-40.1.3.tgz -C lforms --strip-components=1)
fi
if [ ! -d "$work/node_modules/puppeteer-core" ]; then
  (cd "$work" && { [ -f package.json ] || echo '{"private": true}' > package.json; } &&
    npm install --silent --no-audit --no-fund puppeteer-core@25.16.0)
fi
cp tests/fhir/lhc-forms.mjs "$work/"

sets=$work/sets
rm -rf "$sets" && mkdir -m 700 "$sets"
# The examples, as JSON answer files, and generated sets of every level.
for e in examples/*.yaml examples/*.json; do
  "$bin" screen --answers "$e" --save "$sets/$(basename "${e%.*}").json" --overwrite >/dev/null
done
"$bin" generate --count "$count" --seed 5 --format jsonl |
  awk -v dir="$sets" '{ f = sprintf("%s/generated-%03d.json", dir, NR); print > f; close(f) }'
node "$work/lhc-forms.mjs" "$work/lforms/dist/lforms" "$chromium" "$bin" "$sets"/*.json
