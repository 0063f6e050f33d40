#!/usr/bin/env bash
# Checks carelevel's FHIR output with an independent library: PyPI's
# fhir.resources (pinned), in a virtual environment of its own.
# Usage: bash tests/fhir/validate.sh   (builds carelevel if needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
bin=$(carelevel_binary)
# The virtual environment lives beside the build (`target/fhir-venv`).
venv=$(dirname "$(dirname "$bin")")/fhir-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import fhir.resources" 2>/dev/null; then
  rm -rf "$venv"
  # The check is part of the tests: without the library, it fails.
  if ! python3 -m venv "$venv" 2>/dev/null; then
    # Debian keeps venv's pip in a package of its own.
    rm -rf "$venv"
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    else
      sudo apt-get update -qq && sudo apt-get install -y -qq python3-venv >/dev/null
    fi
    python3 -m venv "$venv"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check "fhir.resources==8.1.0"
fi
sample=$(mktemp)
trap 'rm -f "$sample"' EXIT
"$bin" generate --count 60 --seed 12 --format jsonl > "$sample"
"$venv/bin/python" tests/fhir/validate.py "$bin" "$sample" tests/fixtures/minimal.yaml
