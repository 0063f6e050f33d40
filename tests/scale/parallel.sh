#!/usr/bin/env bash
# The README's GNU parallel recipe, run for real: generated records (JSON
# Lines and CSV) scored in chunks by parallel jobs and by one `batch`
# process, compared record by record (by id) and by the summaries' counts.
# Installs GNU parallel from Debian's packages when it is missing.
#
# Usage: bash tests/scale/parallel.sh [RECORDS]   (default 200000)
# Honors CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-200000}

source scripts/lib.sh
need_debian parallel:parallel
bin=$(release_binary)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
echo "== generating $n records as JSON Lines and as CSV"
"$bin" generate --count "$n" --seed 11 > records.jsonl
"$bin" generate --count "$n" --seed 12 --format csv > records.csv
echo "   $(du -h records.jsonl | cut -f1) and $(du -h records.csv | cut -f1)"

# Seconds since $1 (a `date +%s.%N`), to the hundredth.
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }

for format in jsonl csv; do
  echo
  echo "== $format: one batch process"
  rm -f out.*.jsonl
  start=$(date +%s.%N)
  "$bin" batch "records.$format" --summary json > one.jsonl
  echo "   $(elapsed "$start") s"
  echo "== $format: GNU parallel, 4 jobs, 10 MB chunks"
  header=()
  [ "$format" = csv ] && header=(--header 1)
  start=$(date +%s.%N)
  parallel --pipe "${header[@]}" --block 10M -j4 --cat \
    "$bin batch {} --input-format $format --output out.{#}.jsonl --summary json" \
    < "records.$format" > summaries.jsonl
  echo "   $(elapsed "$start") s, $(ls out.*.jsonl | wc -l) chunks"
  python3 "$OLDPWD/tests/scale/compare.py" one.jsonl out.*.jsonl summaries.jsonl
done
