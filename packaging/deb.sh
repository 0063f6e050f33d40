#!/usr/bin/env bash
# Builds the Debian package of carelevel and checks it from the outside:
# unpacked into a temporary root, its binary runs a screening from an
# example file, a manual page opens with `man -l`, and the bash completion
# loads and completes. Installs what it needs (cargo-deb from crates.io;
# dpkg-dev and man-db from Debian's packages) when they are missing.
#
# Usage: bash packaging/deb.sh   (the package: target/debian/*.deb, or under CARGO_TARGET_DIR)
# Honors CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)

source scripts/lib.sh
need_debian dpkg-shlibdeps:dpkg-dev man:man-db
if ! cargo deb --version >/dev/null 2>&1; then
  echo "== installing cargo-deb (crates.io)"
  cargo install --locked cargo-deb
fi

echo "== carelevel $version"
bin=$(release_binary)

echo "== generating the manual pages and completions"
# Where Cargo.toml's assets say (cargo-deb maps `target/release` to the
# folder the release binary is in).
assets="$(dirname "$bin")/deb-assets"
rm -rf "$assets"
mkdir -p "$assets/man" "$assets/completions"
"$bin" man --dir "$assets/man" > /dev/null
gzip -9n "$assets"/man/*.1
"$bin" completions bash > "$assets/completions/carelevel.bash"
"$bin" completions zsh > "$assets/completions/_carelevel"
"$bin" completions fish > "$assets/completions/carelevel.fish"

echo "== cargo deb"
deb=$(cargo deb --no-build | tail -n1)
echo "$deb"

echo "== checking the package"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

dpkg-deb --info "$deb" > "$root/info"
grep -q "^ Package: carelevel$" "$root/info" || fail "the package is not named carelevel"
grep -q "^ Version: $version" "$root/info" || fail "the package's version is not $version"
dpkg-deb --extract "$deb" "$root/fs"
dpkg-deb --contents "$deb" > "$root/contents"

for path in \
  usr/bin/carelevel \
  usr/share/man/man1/carelevel.1.gz \
  usr/share/man/man1/carelevel-screen.1.gz \
  usr/share/man/man1/carelevel-batch.1.gz \
  usr/share/bash-completion/completions/carelevel \
  usr/share/zsh/vendor-completions/_carelevel \
  usr/share/fish/vendor_completions.d/carelevel.fish \
  usr/share/doc/carelevel/README.md \
  usr/share/doc/carelevel/CHANGELOG.md \
  usr/share/doc/carelevel/copyright \
  usr/share/doc/carelevel/LICENSE-APACHE \
  usr/share/doc/carelevel/examples/iop.yaml; do
  [ -e "$root/fs/$path" ] || fail "the package has no /$path"
done
pages=$(ls "$root/fs/usr/share/man/man1" | wc -l)
echo "  files in place: the binary, $pages manual pages, three completions, the docs"

got=$("$root/fs/usr/bin/carelevel" --version)
[ "$got" = "carelevel $version" ] || fail "--version printed '$got'"
echo "  $got"

level=$("$root/fs/usr/bin/carelevel" screen --answers "$root/fs/usr/share/doc/carelevel/examples/iop.yaml" --format json |
  sed -n 's/^  "level": "\(.*\)",$/\1/p')
[ "$level" = "iop" ] || fail "screening the example gave level '$level', not iop"
echo "  screen --answers examples/iop.yaml: level $level"

MANWIDTH=80 man -l "$root/fs/usr/share/man/man1/carelevel-screen.1.gz" 2>/dev/null > "$root/page"
grep -q "carelevel-screen" "$root/page" || fail "man -l shows no carelevel-screen page"
echo "  man -l carelevel-screen.1.gz: $(wc -l < "$root/page") lines"

completions=$(bash -c '
  source "$1/fs/usr/share/bash-completion/completions/carelevel"
  complete -p carelevel >/dev/null || exit 1
  COMP_WORDS=(carelevel scr); COMP_CWORD=1; COMP_LINE="carelevel scr"; COMP_POINT=${#COMP_LINE}
  func=$(complete -p carelevel | sed -n "s/.*-F \([^ ]*\).*/\1/p")
  "$func" carelevel scr carelevel
  printf "%s\n" "${COMPREPLY[@]}"
' _ "$root")
echo "$completions" | grep -qx screen || fail "the bash completion does not complete 'carelevel scr' to screen"
echo "  bash completion: 'carelevel scr<TAB>' gives $(echo "$completions" | tr '\n' ' ')"

echo "OK: $deb"
