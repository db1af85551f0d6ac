#!/usr/bin/env python3
"""Prints bench/load.sh's table from its measurements: one line per round and shape, "round name rps p50 p99"
(latencies as wrk prints them: 812.00us, 4.93ms, 1.02s). Each ratio is taken against the trivial endpoint of the
same round; the table shows medians over the rounds, and the spread of the throughput ratio."""
import collections
import statistics
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def milliseconds(text):
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * UNITS[unit]
    raise ValueError(f"not a wrk latency: {text}")


rows = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    round_, name, rps, p50, p99 = line.split()
    rows[name][round_] = (float(rps), milliseconds(p50), milliseconds(p99))

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
