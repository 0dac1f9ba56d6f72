#!/usr/bin/env python3
"""replications.csv holds every replication's value of every metric a year.

    replications_csv.py run RUN_FOLDER REPLICATIONS
        run's: their mean is yearly.csv's mean.
    replications_csv.py compare COMPARE_FOLDER REPLICATIONS
        compare's: the means and B - A are compare.csv's, and common random
        numbers pair them: in every year and metric the paired difference
        varies no more than two independent samples' would (sd(B - A) <=
        sqrt(sd(A)^2 + sd(B)^2), so the paired interval is never the wider).
"""
import csv
import math
import sys
from collections import defaultdict

mode, folder, replications = sys.argv[1], sys.argv[2], int(sys.argv[3])


def close(x, y):
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def variance(xs):
    mean = sum(xs) / len(xs)
    return sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)


problems = []
rows = defaultdict(list)
for r in csv.DictReader(open(f"{folder}/replications.csv")):
    rows[(r["year"], r["metric"])].append(r)
if mode == "run":
    expected = {(r["year"], r["metric"]): {"value": float(r["mean"])} for r in csv.DictReader(open(f"{folder}/yearly.csv"))}
else:
    expected = {(r["year"], r["metric"]): {"a": float(r["mean_a"]), "b": float(r["mean_b"]),
                                           "difference": float(r["difference"])}
                for r in csv.DictReader(open(f"{folder}/compare.csv"))}
if set(rows) != set(expected):
    problems.append(f"replications.csv and {'yearly' if mode == 'run' else 'compare'}.csv have different metrics or years")
for key, means in expected.items():
    got = sorted(rows.get(key, []), key=lambda r: int(r["replication"]))
    if [int(r["replication"]) for r in got] != list(range(replications)):
        problems.append(f"{key}: replications {[r['replication'] for r in got]}")
        continue
    for column, mean in means.items():
        if not close(sum(float(r[column]) for r in got) / replications, mean):
            problems.append(f"{key}: mean of {column} over replications is not {mean}")
    if mode == "compare" and replications > 1:
        paired = variance([float(r["difference"]) for r in got])
        unpaired = variance([float(r["a"]) for r in got]) + variance([float(r["b"]) for r in got])
        if paired > unpaired * (1 + 1e-9) + 1e-12:
            problems.append(f"{key}: the paired sd {math.sqrt(paired):.4g} is wider than the unpaired {math.sqrt(unpaired):.4g}")
print("\n".join(problems[:20]) if problems else
      f"replications.csv: every replication, means as {'yearly' if mode == 'run' else 'compare'}.csv" +
      (", paired never wider than unpaired" if mode == "compare" else ""))
sys.exit(1 if problems else 0)
