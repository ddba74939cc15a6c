#!/usr/bin/env bash
# Latchkey benchmarks (not part of the test command). Measures, in one run on this machine:
#  1. JMH: the single sign-on verifier, a cold RS256 check and a cache hit;
#  2. load: one Payara Micro with Latchkey and a legacy WAR, a protected and an unprotected servlet
#     driven by wrk with one reused token, alternating, and the throughput ratio.
# Writes bench/RESULTS.md. Needs wrk (apt-get install -y wrk).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
duration="${BENCH_SECONDS:-20}"
connections="${BENCH_CONNECTIONS:-32}"
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

echo "== Load run"
# The embedded default, as start.sh sets it up: H2 in the run's data directory.
LATCHKEY_DATA_DIR="$work/data" "$root/server-config/micro/boot-commands.sh" "$work/pre-boot.asadmin"
java -Xmx512m -Dlatchkey.data-dir="$work/data" -jar "$micro_jar" --nocluster --port "$port" \
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

load() { # url header-args... -> requests/s
  wrk -t1 -c"$connections" -d"${duration}s" "$@" | tee -a "$work/wrk.txt" | awk '/Requests\/sec/ {print $2}'
}
echo "warm-up" && load "http://localhost:$port/legacy/public/x" >/dev/null && load -H "Authorization: Bearer $token" "http://localhost:$port/legacy/protected/x" >/dev/null
unprotected1="$(load "http://localhost:$port/legacy/public/x")"
withtoken1="$(load -H "Authorization: Bearer $token" "http://localhost:$port/legacy/public/x")"
protected1="$(load -H "Authorization: Bearer $token" "http://localhost:$port/legacy/protected/x")"
unprotected2="$(load "http://localhost:$port/legacy/public/x")"
withtoken2="$(load -H "Authorization: Bearer $token" "http://localhost:$port/legacy/public/x")"
protected2="$(load -H "Authorization: Bearer $token" "http://localhost:$port/legacy/protected/x")"
ratio() { awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN {printf "%.3f", (a + b) / (c + d)}'; }
ratio="$(ratio "$protected1" "$protected2" "$unprotected1" "$unprotected2")"
ratio_same_request="$(ratio "$protected1" "$protected2" "$withtoken1" "$withtoken2")"
rss_kb="$(ps -o rss= -p "$micro" | tr -d ' ' || echo 0)"

echo "== Rate-limited sign-ins"
# bench-user's sign-in limit (5 a minute from one address, for one username) is used up after a few tries.
for _ in 1 2 3 4 5 6; do curl -s -o /dev/null -X POST "$base/login" -H 'Content-Type: application/json' -d '{"username":"bench-user","password":"x"}'; done
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "$base/login" -H 'Content-Type: application/json' \
  -d '{"username":"bench-user","password":"violet tram sings backwards"}')" = 429 ]
cpu_ticks() { awk '{print $14 + $15}' "/proc/$micro/stat"; }
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
bcrypt_ms="$(python3 -c 'import json, sys; print(round(next(b["primaryMetric"]["score"] for b in json.load(open(sys.argv[1])) if b["benchmark"].endswith(".verify")), 1))' "$work/jmh.json")"
cat > "$root/bench/RESULTS.md" <<MD
# Benchmark results

Measured $(date -u +%Y-%m-%dT%H:%MZ) on this machine ($(nproc) cores, $(java -version 2>&1 | head -n 1)), with
\`bench/run.sh\` (BENCH_SECONDS=$duration, BENCH_CONNECTIONS=$connections). Figures as measured, one run;
the raw output is in bench/target/run/ of that run.

## Verifier (JMH, one thread, ops/s)

| benchmark | ops/s |
|---|---|
| coldSignatureCheck (parse, RS256 signature, claims) | $cold |
| cacheHit (SHA-256 of the token, cache and revocation look-up) | $hit |

## Load: one Payara Micro, legacy WAR behind Latchkey's single sign-on (wrk, ${duration} s each, alternating)

| resource | run 1 req/s | run 2 req/s |
|---|---|---|
| unprotected servlet, no token | $unprotected1 | $unprotected2 |
| unprotected servlet, the same token (verified, principal set) | $withtoken1 | $withtoken2 |
| protected servlet, one reused bearer token | $protected1 | $protected2 |

Protected / unprotected throughput: **$ratio** against requests without a token (the issue's
target: at least 0.9); **$ratio_same_request** against the unprotected servlet receiving the same
token. Payara Micro resident memory after the run: $((rss_kb / 1024)) MB.

## A rate-limited sign-in against a bcrypt

| what | cost |
|---|---|
| password sign-in refused by the rate limit (wrk, ${duration} s, $limited_requests requests, $non429 answered non-2xx, $limited_rps req/s; server CPU time from /proc divided by requests) | $limited_cpu_ms ms CPU per request |
| one bcrypt verification at the default cost 12 (JMH, one thread) | $bcrypt_ms ms |

The refusal (two counter updates in the database, then a 429) comes before any bcrypt.
MD
cat "$root/bench/RESULTS.md"
