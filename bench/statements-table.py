#!/usr/bin/env python3
"""Prints what PostgreSQL itself spent on each dashboard of bench/scale.sh's last run, from pg_stat_statements:
every statement the dashboards ran on each database, per dashboard, then the totals and the large database's
cost against the small one's. Unlike throughput this does not move with the app's and wrk's share of the two
cores, so it is the steadier measure of whether the database's work grows with its size.

Usage: statements-table.py <statements file> <small dashboards> <large dashboards>
The file holds psql -At rows "database|calls|total execution ms|shared buffer hits|blocks read|statement"."""
import collections
import re
import sys

path, counts = sys.argv[1], {"small": int(sys.argv[2]), "large": int(sys.argv[3])}
rows = collections.defaultdict(dict)
for line in open(path):
    database, calls, total_ms, hits, reads, statement = line.rstrip("\n").split("|", 5)
    # Only what every dashboard runs; the scheduler's own statements (a few a minute) stay out.
    if int(calls) >= counts[database] // 2:
        # Each database keeps the text of the first call it saw, with its constants or with $n in their place, so
        # the same statement is paired across the two by its text with both turned into "?".
        key = re.sub(r"\$\d+|\b\d+\b", "?", " ".join(statement.split()))[:70]
        before = rows[key].get(database, (0, 0.0, 0, 0))
        rows[key][database] = tuple(a + b for a, b in zip(before, (int(calls), float(total_ms), int(hits), int(reads))))

print("| statement | database | per dashboard | µs each | buffer hits each | blocks read each |")
print("|---|---|---:|---:|---:|---:|")
totals = {database: [0.0, 0, 0] for database in counts}
for statement, by_database in sorted(rows.items()):
    for database in ("small", "large"):
        if database not in by_database:
            continue
        calls, total_ms, hits, reads = by_database[database]
        totals[database][0] += total_ms * 1000 / counts[database]
        totals[database][1] += hits / counts[database]
        totals[database][2] += reads / counts[database]
        print(f"| `{statement}…` | {database} | {calls / counts[database]:.2f} | {total_ms * 1000 / calls:.1f} "
              f"| {hits / calls:.1f} | {reads / calls:.2f} |")

for database in ("small", "large"):
    micros, hits, reads = totals[database]
    print(f"\n{database}: {counts[database]} dashboards, {micros:.0f} µs of statement execution, {hits:.1f} buffer hits "
          f"and {reads:.2f} blocks read per dashboard", end="")
print(f"\n\nLarge vs small, PostgreSQL's execution time per dashboard: {totals['large'][0] / totals['small'][0]:.2f}x "
      f"(buffer hits {totals['large'][1]:.1f} against {totals['small'][1]:.1f})")
