#!/usr/bin/env bash
# Counts the instructions two builds of `dossier` execute to extract the facts
# of a folder on one thread, under valgrind's cachegrind, with the data reads
# that miss a simulated 2 MiB cache (one core's L2 here). Unlike wall time the
# counts do not drift with the load of a shared machine, so a change of 1-2%
# shows; they are no timing, so a speed claim still needs the benchmark.
#
# usage: scripts/count_instructions.sh OLD_DOSSIER NEW_DOSSIER DIR [COPIES]
#   DIR     a folder of .txt articles (../shared/eval/timebank-dev is the news set)
#   COPIES  how many copies of it one run extracts (default 8), so that starting
#           up (compiling regexes, reading the weights) weighs little; a run
#           over one short article measures that start, and is subtracted.
# Needs valgrind (apt-get install valgrind). Takes about a minute per build.
set -euo pipefail
if [ $# -lt 3 ]; then sed -n '2,14p' "$0"; exit 2; fi
old=$1 new=$2 dir=$3 copies=${4:-8}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/many" "$work/one"
for i in $(seq 1 "$copies"); do
  for f in "$dir"/*.txt; do cp "$f" "$work/many/${i}_$(basename "$f")"; done
done
echo "Mayor Ilse Varga said on Monday that 40 buses would run by March." > "$work/one/a.txt"
# Prints "instructions data-read-misses" of one build over one folder.
count() {
  RAYON_NUM_THREADS=1 valgrind --tool=cachegrind --cache-sim=yes --LL=2097152,16,64 \
    --cachegrind-out-file=/dev/null "$1" extract "$2" 2>&1 >/dev/null |
    awk '/I *refs:/ {gsub(",", "", $4); i=$4} /LLd misses:/ {gsub(",", "", $6); m=$6} END {print i, m}'
}
for side in old new; do
  read -r all_i all_m < <(count "${!side}" "$work/many")
  read -r start_i start_m < <(count "${!side}" "$work/one")
  echo "$side: extraction $(( (all_i - start_i) / 1000000 ))M instructions," \
    "$(( (all_m - start_m) / 1000 ))k cache misses on reading data" \
    "(start-up $(( start_i / 1000000 ))M)"
done
