#!/usr/bin/env python3
"""Prints bench/scale.sh's table from its measurements (see wrk_rounds.py): each shape on the small and the large
database with its ratio to /health on the same database in the same round, then the large database's cost against
the small one's, taken round by round (small throughput over large, so above 1 means the large one is slower)."""
import statistics
import sys

import wrk_rounds

rows = wrk_rounds.read(sys.argv[1])


def span(values, digits, unit=""):
    return f"{statistics.median(values):.{digits}f}{unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


print("| database | endpoint | requests/s | ratio to /health (range) | p50 | p99 (range) |")
print("|---|---|---:|---:|---:|---:|")
for db in ("small", "large"):
    for endpoint in ("health", "dashboard", "checkin"):
        rounds = rows[f"{endpoint}-{db}"]
        health = rows[f"health-{db}"]
        ratios = [rps / health[r][0] for r, (rps, _, _) in rounds.items()]
        print(f"| {db} | {endpoint} | {statistics.median(rps for rps, _, _ in rounds.values()):.0f} | {span(ratios, 2)} "
              f"| {statistics.median(p50 for _, p50, _ in rounds.values()):.1f} ms "
              f"| {span([p99 for _, _, p99 in rounds.values()], 1, ' ms')} |")

costs = []
for endpoint in ("dashboard", "checkin"):
    small, large = rows[f"{endpoint}-small"], rows[f"{endpoint}-large"]
    costs.append(f"{endpoint} {span([small[r][0] / large[r][0] for r in small if r in large], 2)}x")
print(f"\nLarge vs small, per round (small throughput over large; goal within 1.2x): {', '.join(costs)}")
