#!/usr/bin/env bash
# Checks that two builds of `dossier` extract the same facts from a collection
# of texts, apart from the `rule` field that names the time rule behind each
# value: the check for a refactor that must leave the output unchanged.
#
# usage: scripts/same_extraction.sh OLD_DOSSIER NEW_DOSSIER DIR...
#   DIR  a folder of DOC.txt files with a dct.tsv (`DOC<TAB>YYYY-MM-DD`), as
#        the dev sets beside the project are laid out.
# Prints the differences and exits 1 if any, else says the output is identical.
set -uo pipefail
if [ $# -lt 3 ]; then sed -n '2,9p' "$0"; exit 2; fi
old=$1 new=$2
shift 2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
strip_rule() { sed -E 's/,"rule":"[^"]*"//; s/"rule":"[^"]*",?//'; }
for dir in "$@"; do
  while IFS=$'\t' read -r doc dct; do
    for side in old new; do
      "${!side}" extract "$dir/$doc.txt" --dct "$dct" 2>&1 | strip_rule >> "$out/$side"
      echo "$doc: exit ${PIPESTATUS[0]}" >> "$out/$side"
    done
  done < "$dir/dct.tsv"
done
if diff "$out/old" "$out/new"; then
  echo "identical: $(grep -c '^{' "$out/new") facts in $# folder(s)"
else
  exit 1
fi
