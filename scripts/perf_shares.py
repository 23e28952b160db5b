#!/usr/bin/env python3
"""Shares of a profile's samples by function, under one root function.

usage: perf script -F ip,sym -i perf.data > stacks.txt
       scripts/perf_shares.py stacks.txt [ROOT] [PREFIX]

ROOT (default dossier::extract::extract_each) picks the samples whose stack
holds it; each function below it counts once per sample that holds it, as a
share of those samples. PREFIX (default "dossier::") keeps only the functions
whose name starts with it. The README's "where the time goes" comes from this.
"""
import collections
import re
import sys


def stacks(path):
    stack = []
    for line in open(path, errors="replace"):
        parts = line.split(None, 1)
        if not parts:
            if stack:
                yield stack
            stack = []
        elif len(parts) == 2:
            stack.append(re.sub(r"\+0x[0-9a-f]+$", "", parts[1].strip()))
    if stack:
        yield stack


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = sys.argv[2] if len(sys.argv) > 2 else "dossier::extract::extract_each"
    prefix = sys.argv[3] if len(sys.argv) > 3 else "dossier::"
    held, total = collections.Counter(), 0
    for stack in stacks(sys.argv[1]):
        if root not in stack:
            continue
        total += 1
        below = stack[: max(i for i, s in enumerate(stack) if s == root)]
        held.update({s for s in below if s.startswith(prefix)})
    if total == 0:
        sys.exit(f"no sample holds {root}")
    for name, count in held.most_common(40):
        print(f"{100 * count / total:6.2f}% {name}")


main()
