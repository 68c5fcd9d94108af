#!/usr/bin/env bash
# Runs the benchmarks (engine, import + analysis at 1,000 / 10,000 / 100,000
# articles, the screen and command queries on those databases, charts) and
# writes bench/results.md with the machine, the date and the figures, so
# runs can be compared over time.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench
out=bench/results.md
raw=$(mktemp)
export NEWSREEL_BENCH_LARGE=1
go test -run '^$' -bench 'Pipeline|Extractors|Engine$' -benchtime 1x -cpu 1 ./timeline | tee -a "$raw"
go test -run '^$' -bench 'Import|Queries|StoreBatch|RefreshPeople' -benchtime 1x -timeout 90m ./data | tee -a "$raw"
go test -run '^$' -bench 'Charts' -benchtime 20x ./ui/chart | tee -a "$raw"
{
  echo "# Newsreel benchmarks"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- machine: $(uname -srm), $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM"
  echo "- cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "- go: $(go version | awk '{print $3}')"
  echo
  echo "Engine benchmarks run on one core (-cpu 1); the import uses every core."
  echo "articles/s, cpu-ms/article (user + system CPU time of the process: less disturbed by other"
  echo "processes than the wall clock), %reanalysed (articles the final refresh re-analysed) and"
  echo "peak-MB (the process's peak resident memory) are custom metrics."
  echo "The generated corpus (data/corpusgen) is an archive about one summit from 60 outlets (Zipf-"
  echo "skewed, named in front matter or event.yaml), 90% of its articles about the summit's leaders."
  echo "Import is end to end: read, split, analyse (in the worker pool), store articles, sentences,"
  echo "full-text index, the analysis and its summaries, then re-analyse what later batches made stale."
  echo "BenchmarkEngine is the whole engine (phases, actors, quotes, claims) on one core."
  echo "StoreBatch is the writer alone; RefreshPeople the stored people stage (actors, clusters,"
  echo "discrepancies) computed from the stored articles."
  echo "Queries run on the imported databases (ms/query, one run each; the in-memory report"
  echo "(actors-quotes-claims) runs at 10,000 only). Other processes share the 2 cores:"
  echo "compare runs made in the same conditions."
  echo
  echo '```'
  grep -E '^(Benchmark|ok|PASS)' "$raw" | grep -v '^PASS' || true
  echo '```'
} > "$out"
rm -f "$raw"
echo "bench: wrote $out"
