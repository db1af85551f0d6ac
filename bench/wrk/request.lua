-- One request shape per run, from the environment: METHOD, BODY (optional) and COOKIE (the signed-in session).
wrk.method = os.getenv("METHOD") or "GET"
local body = os.getenv("BODY")
if body ~= nil and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
local cookie = os.getenv("COOKIE")
if cookie ~= nil and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
