#!/usr/bin/env bash
# Times the window from process start to its first painted frame, five times.
# eframe keeps the window hidden until it has painted a frame, so the moment
# the window becomes visible is the first presented frame. Needs an X display
# (run under `xvfb-run -a -s "-screen 0 1400x900x24"`) and xdotool.
#
# usage: scripts/first_frame.sh [DOSSIER_BINARY [ARGS...]]
set -uo pipefail
bin=${1:-./target/release/dossier}
shift || true
for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$bin" "$@" >/dev/null 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name "Dossier" >/dev/null 2>&1; do
    sleep 0.01
  done
  end=$(date +%s%N)
  echo "run $run: $(((end - start) / 1000000)) ms"
  kill "$pid"
  wait "$pid" 2>/dev/null
  sleep 1
done
