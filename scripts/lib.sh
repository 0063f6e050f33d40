# Shared by the scripts that run outside `cargo test` (bench/, packaging/,
# tests/scale/): source it, then call what you need.

# Install the Debian packages named "COMMAND:PACKAGE" whose command is
# missing (with sudo unless root).
need_debian() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  (( ${#missing[@]} )) || return 0
  echo "== installing ${missing[*]} (Debian packages)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Build the release binary and print its absolute path (CARGO_TARGET_DIR
# honored).
release_binary() {
  echo "== building (release)" >&2
  cargo build --release --locked --quiet --bin carelevel
  echo "$(cd "${CARGO_TARGET_DIR:-target}/release" && pwd)/carelevel"
}
