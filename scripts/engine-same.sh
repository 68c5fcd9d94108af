#!/usr/bin/env bash
# Checks that the engine's output is unchanged: dumps every Report of
# timeline.TestEngineDump (bundled corpus, held-out events, other summits,
# all of them together, the store's path) for the working tree and for a
# base commit (default main), on the working tree's test data, and compares
# them byte for byte.
# Usage: scripts/engine-same.sh [base-ref]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-main}
export GOFLAGS="-tags=sqlite_fts5 -buildvcs=false" LANG=en_US.UTF-8
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/base" "$base" >/dev/null 2>&1
# The base may predate the dump test, or hold other articles: give it this
# test and these articles.
cp timeline/dump_test.go "$tmp/base/timeline/"
rm -rf "$tmp/base/timeline/testdata" "$tmp/base/assets/corpus"
cp -r timeline/testdata "$tmp/base/timeline/"
cp -r assets/corpus "$tmp/base/assets/"
(cd "$tmp/base" && NEWSREEL_ENGINE_DUMP="$tmp/before" go test -count 1 -run '^TestEngineDump$' ./timeline >/dev/null)
NEWSREEL_ENGINE_DUMP="$tmp/after" go test -count 1 -run '^TestEngineDump$' ./timeline >/dev/null
if diff -r "$tmp/before" "$tmp/after" >"$tmp/diff"; then
  echo "engine output identical to $base ($(ls "$tmp/after" | wc -l) reports)"
else
  head -50 "$tmp/diff"
  echo "engine output differs from $base"
  exit 1
fi
