#!/usr/bin/env bash
# Runs two builds of the `engine` benchmark in turn, so that the drift of a
# shared machine (up to ±30% from one minute to the next here) falls on both
# alike; compare the lower estimate of each side over the rounds.
#
# usage: scripts/bench_side_by_side.sh OLD_BENCH NEW_BENCH FILTER [ROUNDS]
#   OLD_BENCH, NEW_BENCH  copies of target/release/deps/engine-* built by
#                         `cargo bench --bench engine --no-run` at each commit
#   FILTER                which benchmarks ("news folder", "all kinds" ...)
#   ROUNDS                how many times each runs (default 2)
# DOSSIER_NEWS_DIR defaults to ../shared/eval/timebank-dev.
set -euo pipefail
if [ $# -lt 3 ]; then sed -n '2,12p' "$0"; exit 2; fi
old=$1 new=$2 filter=$3 rounds=${4:-2}
export DOSSIER_NEWS_DIR=${DOSSIER_NEWS_DIR:-../shared/eval/timebank-dev}
for round in $(seq 1 "$rounds"); do
  for side in old new; do
    "${!side}" --bench "$filter" --measurement-time 4 2>&1 |
      awk -v side="$side" -v round="$round" '
        /^extraction\// { name = $0; sub(/ +time:.*/, "", name) }
        /time: +\[/ && !/%/ { match($0, /\[.*\]/); print "round " round ", " side ": " name " " substr($0, RSTART, RLENGTH) }'
  done
done
