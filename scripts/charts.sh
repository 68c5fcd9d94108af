#!/usr/bin/env bash
# Renders every chart of the bundled corpus at 800×600 and 1920×1080 in
# both themes (PNG) and once as SVG into docs/charts/.
#   scripts/charts.sh BINARY
set -euo pipefail
bin=$1
db=$(mktemp -d)/charts.db
out=docs/charts
mkdir -p "$out"
"$bin" --db "$db" import assets/corpus >/dev/null
for n in coverage attention attention-themes timeline actors disagreements; do
  for theme in light dark; do
    for size in 800x600 1920x1080; do
      "$bin" --db "$db" export chart "$n" --out "$out/$n-$theme-$size.png" --width "${size%x*}" --height "${size#*x}" --theme "$theme" >/dev/null
    done
  done
  "$bin" --db "$db" export chart "$n" --out "$out/$n.svg" >/dev/null
done
rm -rf "$(dirname "$db")"
echo "charts: $(ls "$out" | wc -l) files in $out"
