#!/usr/bin/env python3
"""How long another person's writes wait while one person imports a large file (issue 23: an import commits in
batches so others wait no more than a second).

Registers an importer and a writer through the API. The writer saves check-ins in a loop, one at a time, for a few
seconds alone (the baseline) and then while the importer's file of <entries> journal entries of about 2 KB each is
imported; every save's latency is kept. Prints the file's size, the import's time and the writer's latencies
(median, 99th percentile, worst) alone and during the import.

Usage: bench/import-wait.py <base-url> [entries, default 12000] [baseline seconds, default 3]
"""
import datetime
import json
import random
import statistics
import sys
import threading
import time
import urllib.request

base = sys.argv[1]
entries = int(sys.argv[2]) if len(sys.argv) > 2 else 12_000
baseline_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0


def register(name):
    email = f"{name}-{random.randrange(10**9)}@bench.test"
    request = urllib.request.Request(base + "/api/v1/auth/register",
                                     data=json.dumps({"email": email, "password": "bench lantern orchard"}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return "; ".join(v.split(";", 1)[0] for v in response.headers.get_all("Set-Cookie") or [])


def send(cookie, method, path, body=None, raw=None, timeout=600):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", "Cookie": cookie})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


importer = register("importer")
writer = register("writer")

# The importer's own (empty) export is the file's frame; the journal is filled with entries of about 2 KB.
document = json.loads(send(importer, "GET", "/api/v1/account/export"))
start = datetime.datetime(2024, 1, 1, 20, 0, tzinfo=datetime.timezone.utc)
filler = "A long walk by the river, a call with my sister, and an early night. " * 28
journal = []
for i in range(entries):
    at = (start + datetime.timedelta(minutes=37 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
    journal.append({"kind": "free", "createdAt": at, "updatedAt": at, "localDate": at[:10], "prompt": None,
                    "body": f"Entry {i}. {filler}", "tags": ["bench"], "thought": None, "pattern": None, "kinder": None})
document["journal"] = journal
payload = json.dumps(document).encode()

today = datetime.date.today()
latencies = {"alone": [], "import": []}
phase = {"name": "alone", "stop": False}


def write_loop():
    i = 0
    while not phase["stop"]:
        day = today - datetime.timedelta(days=i % 300)
        began = time.perf_counter()
        send(writer, "PUT", f"/api/v1/check-ins/{day}", {"mood": 3 + i % 6, "sleepHours": 7, "word": "steady"})
        latencies[phase["name"]].append((time.perf_counter() - began) * 1000)
        i += 1


thread = threading.Thread(target=write_loop)
thread.start()
time.sleep(baseline_seconds)
phase["name"] = "import"
began = time.perf_counter()
result = "204"
try:
    send(importer, "POST", "/api/v1/account/import", raw=payload)
except urllib.error.HTTPError as e:
    result = f"{e.code} {e.read()[:300]!r}"
import_seconds = time.perf_counter() - began
phase["stop"] = True
thread.join()


def summary(values):
    if not values:
        return "no writes"
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"{len(values)} writes, median {statistics.median(ordered):.1f} ms, p99 {p99:.1f} ms, worst {ordered[-1]:.1f} ms"


print(f"Import: {len(payload) / 1024 / 1024:.1f} MB, {entries} journal entries, answered {result} in {import_seconds:.1f} s")
print(f"Another person's check-in saves, alone:           {summary(latencies['alone'])}")
print(f"Another person's check-in saves, during import:   {summary(latencies['import'])}")
