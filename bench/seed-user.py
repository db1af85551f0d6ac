#!/usr/bin/env python3
"""Registers one user through the API and gives them a history, then prints their cookies: the session and, as a
browser holds after its first page, the antiforgery cookie (without it every page would issue a new one).

The user is past the situation and safety screens and has been in no contact since their first check-in,
so the dashboard shows the streak, the weekly summary and the moments.

Usage: bench/seed-user.py <base-url> <days-of-check-ins> [journal-entries] [email]
(the password is always "bench lantern orchard")
"""
import datetime
import json
import random
import sys
import urllib.request

base, days = sys.argv[1], int(sys.argv[2])
entries = int(sys.argv[3]) if len(sys.argv) > 3 else 0
email = sys.argv[4] if len(sys.argv) > 4 else f"bench-{random.randrange(10**9)}@example.test"

register = urllib.request.Request(
    base + "/api/v1/auth/register",
    data=json.dumps({"email": email, "password": "bench lantern orchard"}).encode(),
    headers={"Content-Type": "application/json"})
with urllib.request.urlopen(register) as response:
    cookie = "; ".join(value.split(";", 1)[0] for value in response.headers.get_all("Set-Cookie") or [])


def send(method, path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method,
                                     headers={"Content-Type": "application/json", "Cookie": cookie})
    urllib.request.urlopen(request).read()


today = datetime.datetime.now(datetime.timezone.utc).date()  # the user lives in Etc/UTC
send("PUT", "/api/v1/situation", {"whoEnded": "them", "breakupDate": str(today - datetime.timedelta(days=days + 5)),
                                  "monthsTogether": 24, "breakupKind": "considered", "timeZoneId": "Etc/UTC", "countryCode": "GB"})
send("PUT", "/api/v1/situation/safety", {"abuse": False, "threats": False, "controlling": False, "repeatedBetrayal": False})
send("POST", "/api/v1/no-contact/start", {"targetDays": 30, "startDate": str(today - datetime.timedelta(days=days))})
for i in range(days):
    day = today - datetime.timedelta(days=i)
    send("PUT", f"/api/v1/check-ins/{day}", {"mood": 3 + i % 6, "sleepHours": 7, "urgeCount": i % 3,
                                             "strongestUrge": 4 if i % 3 else None, "word": "steady"})
for i in range(entries):
    send("POST", "/api/v1/journal", {"kind": "free", "body": f"Entry {i}: a walk by the river and an early night."})
with urllib.request.urlopen(urllib.request.Request(base + "/dashboard", headers={"Cookie": cookie})) as response:
    cookie += "".join("; " + value.split(";", 1)[0] for value in response.headers.get_all("Set-Cookie") or [])
print(cookie)
