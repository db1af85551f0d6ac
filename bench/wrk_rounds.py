"""Reads the measurements bench/load.sh and bench/scale.sh record: one line per round and request shape,
"round name rps p50 p99", with latencies as wrk prints them (812.00us, 4.93ms, 1.02s)."""
import collections

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def milliseconds(text):
    for unit in ("us", "ms", "s"):
        if text.endswith(unit):
            return float(text[:-len(unit)]) * UNITS[unit]
    raise ValueError(f"not a wrk latency: {text}")


def read(path):
    """{name: {round: (requests per second, p50 ms, p99 ms)}}, in the order the shapes first appear."""
    rows = collections.defaultdict(dict)
    for line in open(path):
        round_, name, rps, p50, p99 = line.split()
        rows[name][round_] = (float(rps), milliseconds(p50), milliseconds(p99))
    return rows
