#!/usr/bin/env python3
"""replications.csv holds every replication's value of every metric a year, and
their mean is yearly.csv's mean.

    replications_csv.py RUN_FOLDER REPLICATIONS
"""
import csv
import sys
from collections import defaultdict

folder, replications = sys.argv[1], int(sys.argv[2])
yearly = {(r["year"], r["metric"]): float(r["mean"]) for r in csv.DictReader(open(f"{folder}/yearly.csv"))}
values = defaultdict(list)
for r in csv.DictReader(open(f"{folder}/replications.csv")):
    values[(r["year"], r["metric"])].append((int(r["replication"]), float(r["value"])))
problems = []
if set(values) != set(yearly):
    problems.append("replications.csv and yearly.csv have different metrics or years")
for key, mean in yearly.items():
    got = sorted(values.get(key, []))
    if [r for r, _ in got] != list(range(replications)):
        problems.append(f"{key}: replications {[r for r, _ in got]}")
    elif abs(sum(v for _, v in got) / replications - mean) > 1e-9 * max(1.0, abs(mean)):
        problems.append(f"{key}: mean of replications {sum(v for _, v in got) / replications} != {mean}")
print("\n".join(problems[:10]) if problems else "replications.csv: every replication, means as yearly.csv")
sys.exit(1 if problems else 0)
