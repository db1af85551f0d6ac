#!/usr/bin/env python3
"""Prints the plans auto_explain logged (one request's queries) compactly, and fails when a query read a table
holding users' data with a sequential scan instead of an index.

Usage: bench/plans.py <server-log-excerpt>
"""
import re
import sys

lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
plans, current = [], None
for line in lines:
    if re.search(r"LOG:\s+duration: [\d.]+ ms\s+plan:", line):
        current = {"ms": re.search(r"duration: ([\d.]+) ms", line).group(1), "query": "", "nodes": []}
        plans.append(current)
    elif current is not None and line.startswith("\t"):
        text = line.strip()
        if text.startswith("Query Text:"):
            current["query"] = text[len("Query Text:"):].strip()
        elif re.search(r"(Scan|Join|Nested Loop|Aggregate|Sort|Limit|Result|SubPlan)", text) or "Cond:" in text:
            current["nodes"].append(text)
    else:
        current = None

if not plans:
    sys.exit("No plans in the log: was auto_explain loaded and the request made?")

sequential = []
for number, plan in enumerate(plans, 1):
    query = re.sub(r"\s+", " ", plan["query"])
    print(f"{number}. {plan['ms']} ms  {query[:150]}{'…' if len(query) > 150 else ''}")
    for node in plan["nodes"]:
        print(f"     {node[:140]}")
        scan = re.search(r'Seq Scan on "?(\w+)"?', node)
        # A planned cost of 0.00..0.00 means the table has no pages: scanning an empty table reads nothing (Identity's
        # claim and role tables, which the security-stamp check reads every five minutes, are empty here).
        if scan and "cost=0.00..0.00 " not in node:
            sequential.append((number, scan.group(1)))

print()
if sequential:
    print("Sequential scans: " + ", ".join(f"query {n} on {table}" for n, table in sequential))
    sys.exit(1)
print(f"None of the {len(plans)} queries read a table holding rows by a sequential scan (only empty tables were scanned, if any).")
