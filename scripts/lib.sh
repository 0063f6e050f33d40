# Shared by the scripts outside `cargo test` (bench/, packaging/, tests/fhir/,
# tests/scale/): source it, then call what you need.

# Install the Debian packages named "COMMAND:PACKAGE" whose command is
# missing (with sudo unless root).
need_debian() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  (( ${#missing[@]} )) || return 0
  echo "== installing ${missing[*]} (Debian packages)" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Build carelevel (add `--release` for the release profile) and print the
# executable's absolute path as cargo reports it: CARGO_TARGET_DIR, a
# `target-dir` in cargo's config and a build target are all honored.
carelevel_binary() {
  cargo build --locked --quiet --bin carelevel --message-format=json-render-diagnostics "$@" |
    python3 -c '
import json, sys
path = None
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "carelevel" and m.get("executable"):
        path = m["executable"]
if path is None:
    sys.exit("cargo reported no carelevel executable")
print(path)'
}

# The release binary's path, built first.
release_binary() {
  echo "== building (release)" >&2
  carelevel_binary --release
}
