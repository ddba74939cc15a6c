-- wrk script: refresh grants, one rotating chain per connection. Run with as many threads as
-- connections (-t4 -c4): wrk keeps one Lua state per thread, so each connection has its own chain
-- and always presents the refresh token its previous answer gave it. A broken chain (a token
-- presented twice) shows as non-2xx answers, and the run is thrown away.
--   BENCH_KIND=latchkey|keycloak  BENCH_TOKENS=file with one starting refresh token per line
--   BENCH_CLIENT=the Keycloak client id (keycloak only)
local kind = os.getenv("BENCH_KIND")
local client = os.getenv("BENCH_CLIENT") or "bench"
local starting = {}
local handed = 0

function setup(thread)
  if #starting == 0 then
    for line in io.lines(os.getenv("BENCH_TOKENS")) do
      if line ~= "" then starting[#starting + 1] = line end
    end
  end
  handed = handed + 1
  assert(starting[handed], "fewer starting tokens than threads")
  thread:set("first", starting[handed])
end

local token

function init(args)
  token = first
end

function request()
  if kind == "keycloak" then
    return wrk.format("POST", nil, {["Content-Type"] = "application/x-www-form-urlencoded"},
      "grant_type=refresh_token&client_id=" .. client .. "&refresh_token=" .. token)
  end
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, '{"refresh_token":"' .. token .. '"}')
end

function response(status, headers, body)
  if status == 200 then
    local next = body:match('"refresh_token"%s*:%s*"([^"]+)"')
    if next then token = next end
  end
end
