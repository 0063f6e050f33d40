#!/usr/bin/env bash
# Checks carelevel's FHIR output with an independent library: PyPI's
# fhir.resources (pinned), in a virtual environment of its own.
# Usage: bash tests/fhir/validate.sh   (builds carelevel if needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/fhir-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import fhir.resources" 2>/dev/null; then
  rm -rf "$venv"
  if ! { python3 -m venv "$venv" &&
         "$venv/bin/pip" install --quiet --disable-pip-version-check "fhir.resources==8.1.0"; }; then
    # No Python or no package index here: say so loudly rather than fail
    # the whole run on the network; the checks themselves never skip.
    echo "warning: could not install fhir.resources; FHIR output NOT checked" >&2
    exit 0
  fi
fi
cargo build --quiet --locked --bin carelevel
"$venv/bin/python" tests/fhir/validate.py target/debug/carelevel tests/fixtures/minimal.yaml
