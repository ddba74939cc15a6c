-- wrk script: password sign-ins of one account, every one a full verification.
--   BENCH_KIND=latchkey|keycloak  BENCH_USERNAME  BENCH_PASSWORD  BENCH_CLIENT (keycloak)
local kind = os.getenv("BENCH_KIND")
local username = os.getenv("BENCH_USERNAME")
local password = os.getenv("BENCH_PASSWORD")
wrk.method = "POST"
if kind == "keycloak" then
  local function form(s)
    return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
  end
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.body = "grant_type=password&client_id=" .. (os.getenv("BENCH_CLIENT") or "bench")
    .. "&username=" .. form(username) .. "&password=" .. form(password)
else
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"username":"' .. username .. '","password":"' .. password .. '"}'
end
