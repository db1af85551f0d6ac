#!/usr/bin/env python3
"""Prints bench/load.sh's table from its measurements (see wrk_rounds.py). Each ratio is taken against the trivial endpoint of the
same round; the table shows medians over the rounds, and the spread of the throughput ratio."""
import statistics
import sys

import wrk_rounds

rows = wrk_rounds.read(sys.argv[1])

trivial = rows["trivial"]
print("| endpoint | requests/s | ratio to trivial (range) | p50 | p99 (range) |")
print("|---|---:|---:|---:|---:|")
medians = {}
for name, rounds in rows.items():
    ratios = [rps / trivial[r][0] for r, (rps, _, _) in rounds.items()]
    p99s = [p99 for _, _, p99 in rounds.values()]
    medians[name] = statistics.median(rps for rps, _, _ in rounds.values())
    print(f"| {name} | {medians[name]:.0f} | {statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f}) "
          f"| {statistics.median(p50 for _, p50, _ in rounds.values()):.1f} ms "
          f"| {statistics.median(p99s):.1f} ms ({min(p99s):.1f}–{max(p99s):.1f}) |")

print(f"\nHistory cost (3 years vs 1 week, median throughput ratio): dashboard "
      f"{medians['dashboard-week'] / medians['dashboard-3y']:.2f}x, check-in "
      f"{medians['checkin-week'] / medians['checkin-3y']:.2f}x (goal: within 1.2x)")
