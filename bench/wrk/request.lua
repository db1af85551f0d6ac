-- One request shape per run, from the environment: METHOD, BODY (optional) and COOKIE (the signed-in session).
-- A path holding "{date}" gets a random day of the last year, so concurrent writes spread over many rows the way
-- many users' writes would, instead of all racing to update one row (which the app rightly refuses as stale).
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

if string.find(wrk.path, "{date}", 1, true) then
  local paths = {}
  for i = 0, 364 do
    paths[i + 1] = string.gsub(wrk.path, "{date}", os.date("!%Y-%m-%d", os.time() - i * 86400))
  end
  init = function()
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  end
  request = function()
    return wrk.format(nil, paths[math.random(#paths)])
  end
end
