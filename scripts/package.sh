#!/usr/bin/env bash
# Packages Newsreel with the fyne tool pinned in go.mod (go tool fyne).
#   scripts/package.sh check             validate FyneApp.toml, icon and version
#   scripts/package.sh linux             dist/Newsreel.tar.xz (binary, .desktop, icon, Makefile)
#   scripts/package.sh windows           dist/Newsreel.exe (cross-built with MinGW, icon and version resource)
#   scripts/package.sh test-linux        install dist/Newsreel.tar.xz into a temporary prefix and run it
#   scripts/package.sh test-windows      check dist/Newsreel.exe is a valid amd64 PE executable
# `fyne package` bumps the build number in FyneApp.toml; this script puts
# the file back so that packaging never changes the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p dist

fail() { echo "package: $*" >&2; exit 1; }

field() { sed -n "s/^ *$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" FyneApp.toml | head -n1; }

check() {
  [ -f FyneApp.toml ] || fail "FyneApp.toml is missing"
  local bad
  bad=$(grep -nE '^[[:space:]]*\[' FyneApp.toml | grep -vE '^[0-9]+:[[:space:]]*\[[A-Za-z]+\][[:space:]]*$' | head -n1 || true)
  [ -z "$bad" ] || fail "FyneApp.toml: malformed section header at line ${bad%%:*}: ${bad#*:}"
  local version icon id name
  version=$(field Version); icon=$(field Icon); id=$(field ID); name=$(field Name)
  [ -n "$name" ] || fail "FyneApp.toml: [Details] Name is missing or malformed"
  [ -n "$id" ] || fail "FyneApp.toml: [Details] ID is missing or malformed"
  echo "$version" | grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+$' || fail "FyneApp.toml: Version \"$version\" is not x.y.z"
  [ -n "$icon" ] && [ -f "$icon" ] || fail "FyneApp.toml: icon \"$icon\" does not exist"
  file_type=$(head -c 8 "$icon" | od -An -tx1 | tr -d ' \n')
  [ "$file_type" = "89504e470d0a1a0a" ] || fail "icon $icon is not a PNG"
  local code
  code=$(sed -n 's/^const Version = "\(.*\)"/\1/p' cmd/cli/version.go)
  [ "$code" = "$version" ] || fail "version mismatch: FyneApp.toml says $version, cmd/cli/version.go says $code (run go generate ./cmd/cli)"
  echo "package: FyneApp.toml ok ($name $version, $id, icon $icon)"
}

# fyne builds the packaging tool pinned in go.mod for this machine (so that
# GOOS=windows applies to Newsreel, not to the tool).
fyne() {
  if [ ! -x dist/.fyne ]; then
    GOOS= GOARCH= CGO_ENABLED=1 go build -o dist/.fyne fyne.io/tools/cmd/fyne
  fi
  dist/.fyne "$@"
}

# restore puts FyneApp.toml back after fyne package bumped its build number.
with_metadata_restored() {
  cp FyneApp.toml dist/.FyneApp.toml.orig
  set +e
  "$@"
  local rc=$?
  set -e
  mv dist/.FyneApp.toml.orig FyneApp.toml
  return $rc
}

linux() {
  check
  with_metadata_restored fyne package -os linux --release --tags sqlite_fts5
  mv -f Newsreel.tar.xz dist/Newsreel.tar.xz
  echo "package: dist/Newsreel.tar.xz"
}

windows() {
  check
  command -v x86_64-w64-mingw32-gcc >/dev/null || fail "the MinGW cross-compiler is missing: apt-get install gcc-mingw-w64-x86-64"
  # fyne package adds stack-protector flags; MinGW needs libssp linked statically.
  fyne version >/dev/null # build the tool for this machine first
  with_metadata_restored env CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
    CGO_LDFLAGS="-l:libssp.a" dist/.fyne package -os windows --release --tags sqlite_fts5
  mv -f Newsreel.exe dist/Newsreel.exe
  echo "package: dist/Newsreel.exe"
}

test_linux() {
  local tmp version got
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  tar -xJf dist/Newsreel.tar.xz -C "$tmp"
  # The archive's own Makefile installs it; its Icon variable lacks the
  # .png the file has, so it is given in full.
  make -s -C "$tmp/newsreel" install DESTDIR="$tmp/root" PREFIX=/usr Icon=io.github.newsreel.newsreel.png
  for f in usr/bin/newsreel usr/share/applications/io.github.newsreel.newsreel.desktop usr/share/pixmaps/io.github.newsreel.newsreel.png; do
    [ -f "$tmp/root/$f" ] || fail "installed package lacks $f"
  done
  version=$(field Version)
  got=$(LANG=en_US.UTF-8 "$tmp/root/usr/bin/newsreel" --version 2>/dev/null)
  [ "$got" = "newsreel $version" ] || fail "installed newsreel --version says \"$got\", want \"newsreel $version\""
  LANG=en_US.UTF-8 "$tmp/root/usr/bin/newsreel" --db "$tmp/x.db" import assets/corpus/alaska-2025 >/dev/null 2>&1 || fail "installed newsreel could not import the bundled corpus"
  n=$(LANG=en_US.UTF-8 "$tmp/root/usr/bin/newsreel" --db "$tmp/x.db" sources --format csv 2>/dev/null | tail -n +2 | wc -l)
  [ "$n" -eq 5 ] || fail "installed newsreel lists $n sources, want 5"
  echo "package: linux package installs and runs (newsreel $version, 5 sources imported)"
}

test_windows() {
  [ -f dist/Newsreel.exe ] || fail "dist/Newsreel.exe is missing"
  go run ./scripts/pecheck dist/Newsreel.exe "$(field Version)"
}

case "${1:-}" in
  check) check ;;
  linux) linux ;;
  windows) windows ;;
  test-linux) test_linux ;;
  test-windows) test_windows ;;
  *) fail "usage: scripts/package.sh check|linux|windows|test-linux|test-windows" ;;
esac
