#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Newsreel needs to build (Fyne's GL and
# X11 headers, gcc for cgo) and to run headless (Xvfb, Mesa's software GL,
# ImageMagick and xdotool for screenshots). As root it uses apt-get;
# otherwise it prints the exact command to run and fails.
set -euo pipefail

build_pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev)
headless_pkgs=(xvfb xauth libgl1-mesa-dri imagemagick xdotool)
pkgs=("${build_pkgs[@]}" "${headless_pkgs[@]}")
[ "${1:-}" = "--with-windows" ] && pkgs+=(gcc-mingw-w64-x86-64)

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "install-deps: please install the equivalents of: ${missing[*]}" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages; run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
