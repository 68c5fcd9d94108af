#!/usr/bin/env bash
# Smoke test of the real app: starts it under Xvfb on a new database, waits
# for its window and for the bundled corpus to load, saves a screenshot,
# quits with Ctrl+Q and checks that it exited cleanly, logged no GL errors,
# and drew a non-blank window.
#   scripts/smoke.sh BINARY [SCREENSHOT.png [APP OPTIONS...]]
set -euo pipefail
bin=$(realpath "$1")
shot=${2:-smoke.png}
shift $(( $# < 2 ? $# : 2 ))
work=$(mktemp -d)
app_pid= xvfb_pid=
cleanup() {
  [ -n "$app_pid" ] && kill -9 "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "smoke: FAIL: $*" >&2; [ -s "$work/stderr" ] && sed 's/^/  app: /' "$work/stderr" >&2; exit 1; }

# Xvfb picks a free display itself (-displayfd) and writes its number once
# it accepts clients: a random choice could collide with another server.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; kill -0 "$xvfb_pid" 2>/dev/null || break; sleep 0.1; done
[ -s "$work/display" ] || { sed 's/^/  xvfb: /' "$work/xvfb.log" >&2; fail "Xvfb did not start"; }
display=:$(head -n1 "$work/display")
export DISPLAY=$display LANG=en_US.UTF-8
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.2; done
xdotool getdisplaygeometry >/dev/null 2>&1 || fail "Xvfb did not start"

"$bin" --db "$work/smoke.db" "$@" 2>"$work/stderr" &
app_pid=$!
wid=
for _ in $(seq 120); do
  wid=$(xdotool search --name '^Newsreel$' 2>/dev/null | head -n1 || true)
  [ -n "$wid" ] && break
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited before showing its window"
  sleep 0.5
done
[ -n "$wid" ] || fail "no window titled Newsreel within 60 s"

# Wait until the bundled corpus is stored (read through the CLI: WAL lets a
# second process read while the app writes).
for _ in $(seq 120); do
  n=$("$bin" --db "$work/smoke.db" sources --format csv 2>/dev/null | tail -n +2 | wc -l || true)
  [ "$n" -ge 5 ] && break
  sleep 0.5
done
[ "$n" -ge 5 ] || fail "the bundled corpus did not load (sources: $n)"
xdotool mousemove --window "$wid" 600 748 2>/dev/null || true # over the status bar: no hover highlight in the shot
sleep "${SMOKE_SETTLE:-3}" # let the window finish the analysis and redraw

import -window "$wid" "$shot"
std=$(convert "$shot" -format '%[fx:standard_deviation]' info:)
awk -v s="$std" 'BEGIN { exit !(s > 0.02) }' || fail "screenshot is blank (standard deviation $std)"

xdotool windowfocus --sync "$wid" 2>/dev/null || true
xdotool key --window "$wid" ctrl+q 2>/dev/null || true # the window may close before the key-up is sent
for _ in $(seq 40); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.25; done
if kill -0 "$app_pid" 2>/dev/null; then fail "the app did not quit on Ctrl+Q"; fi
set +e; wait "$app_pid"; rc=$?; set -e
app_pid=
[ "$rc" -eq 0 ] || fail "the app exited with status $rc"
if grep -Eiq 'glx|opengl|panic|fatal' "$work/stderr"; then fail "the app logged errors"; fi
echo "smoke: ok (window $wid, screenshot $shot)"
