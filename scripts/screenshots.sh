#!/usr/bin/env bash
# Takes a screenshot of every screen in the light and dark themes under Xvfb
# into docs/screenshots/ (the README shows them).
#   scripts/screenshots.sh BINARY
set -euo pipefail
bin=$1
out=docs/screenshots
mkdir -p "$out"
for theme in light dark; do
  for view in timeline sources coverage people disagreements search; do
    scripts/smoke.sh "$bin" "$out/$view-$theme.png" --view "$view" --theme "$theme" >/dev/null
    echo "screenshots: $out/$view-$theme.png"
  done
done
