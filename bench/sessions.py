#!/usr/bin/env python3
"""Opens N more signed-in sessions for one user (a sign-in each, then a dashboard visit with it) and keeps them.

Usage: bench/sessions.py <base-url> <email> <sessions>
"""
import json
import sys
import urllib.request

base, email, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for _ in range(count):
    login = urllib.request.Request(base + "/api/v1/auth/login", headers={"Content-Type": "application/json"},
                                   data=json.dumps({"email": email, "password": "bench lantern orchard"}).encode())
    with urllib.request.urlopen(login) as response:
        cookie = "; ".join(value.split(";", 1)[0] for value in response.headers.get_all("Set-Cookie") or [])
    urllib.request.urlopen(urllib.request.Request(base + "/dashboard", headers={"Cookie": cookie})).read()
