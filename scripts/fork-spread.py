#!/usr/bin/env python3
"""Fork-to-fork spread of JMH JSON runs: per row with >= 3 forks, the standard deviation of the log fork means (the
fork CV) and that over sqrt(forks) (the standard error of the log score), as quantiles over all rows of the files.

Usage: scripts/fork-spread.py FILE.json...   (standard library only)
What compare's default --assume-fork-cv is weighed against (docs/compare.md).
"""
import json
import math
import statistics
import sys


def rows(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return
    for row in data if isinstance(data, list) else []:
        raw = row.get("primaryMetric", {}).get("rawData") if isinstance(row, dict) else None
        if not raw or len(raw) < 3:
            continue
        means = [sum(fork) / len(fork) for fork in raw if fork]
        if len(means) >= 3 and min(means) > 0:
            cv = statistics.stdev(math.log(m) for m in means)
            yield cv, cv / math.sqrt(len(means))


def quantile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main(paths):
    found = [r for p in paths for r in rows(p)]
    if not found:
        print("fork-spread: no row with >= 3 forks in the files given", file=sys.stderr)
        return 2
    cvs = [c for c, _ in found]
    ses = [s for _, s in found]
    print(f"{len(found)} rows with >= 3 forks")
    print("fork CV:            median {:.1%}  p75 {:.1%}  p90 {:.1%}".format(*(quantile(cvs, q) for q in (.5, .75, .9))))
    print("SE of the log score: median {:.1%}  p75 {:.1%}  p90 {:.1%}".format(*(quantile(ses, q) for q in (.5, .75, .9))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
