#!/usr/bin/env bash
# Latchkey's single sign-on module against Payara's own MicroProfile JWT (not part of the test
# command; issue 17). One Payara Micro serves Latchkey, legacy.war (its protected servlet behind
# Latchkey's module) and mpjwt.war (the same servlet, web.xml and constraint, as a Maven overlay of
# legacy.war, with @LoginConfig(authMethod = "MP-JWT") and mp.jwt.verify.* pointing at Latchkey's
# JWKS, issuer and audience). Latchkey's module covers only legacy.war (latchkey.sso.app-contexts),
# so Payara's MP-JWT alone answers for mpjwt.war. wrk drives both protected servlets with the same
# bearer token, in rounds whose order alternates; per-round ratios Latchkey ÷ MP-JWT and their median
# (target ≥ 1.0) go into bench/RESULTS.md in a section of their own.
#
#   BENCH_SECONDS (10), BENCH_ROUNDS (5), BENCH_CONNECTIONS (32), BENCH_MP_JWT_PORT (18580),
#   BENCH_SKIP_BUILD=1 (use auth-web/target/auth.war and bench/*/target as built)
# Needs wrk (apt-get install -y wrk).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
duration="${BENCH_SECONDS:-10}"
rounds="${BENCH_ROUNDS:-5}"
connections="${BENCH_CONNECTIONS:-32}"
port="${BENCH_MP_JWT_PORT:-18580}"
work="$root/bench/target/mp-jwt"
rm -rf "$work" && mkdir -p "$work"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
started_at="$(date -u +%Y-%m-%dT%H:%MZ)"
echo "== Latchkey's module against Payara's MP-JWT; load average $load_at_start"

[ "${BENCH_SKIP_BUILD:-}" = 1 ] && [ -f auth-web/target/auth.war ] && [ -f bench/mp-jwt-app/target/mpjwt.war ] \
  || mvn -B -q -Pbench -DskipTests -pl auth-web,bench/legacy-app,bench/mp-jwt-app -am package
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -n 1)"
micro_jar="$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar"
[ -f "$micro_jar" ] || mvn -B -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$payara_version" -Dtransitive=false

# MP-JWT's settings name this run's port, so they go into the deployed copy of the WAR. They are the
# application's own (a per-application config source): as system properties they would also turn
# Latchkey's module into a consumer of its own JWKS over HTTP. Issuer and audience: Latchkey's defaults.
cp "$root/bench/mp-jwt-app/target/mpjwt.war" "$work/mpjwt.war"
mkdir -p "$work/war/WEB-INF/classes/META-INF"
cat > "$work/war/WEB-INF/classes/META-INF/microprofile-config.properties" <<PROPERTIES
mp.jwt.verify.publickey.location=http://localhost:$port/auth/.well-known/jwks.json
mp.jwt.verify.issuer=http://localhost:8080/auth
mp.jwt.verify.audiences=latchkey
PROPERTIES
(cd "$work/war" && jar uf "$work/mpjwt.war" WEB-INF/classes/META-INF/microprofile-config.properties)

LATCHKEY_DATA_DIR="$work/data" "$root/server-config/micro/boot-commands.sh" "$work/pre-boot.asadmin"
# The legacy WAR's protected servlet needs role user, which signing up no longer grants.
java @"$root/server-config/micro/java-options" -Dlatchkey.data-dir="$work/data" -Dlatchkey.account.default-groups=user \
  "-Dlatchkey.sso.app-contexts=server /legacy" -jar "$micro_jar" --nocluster --port "$port" \
  --deploy "$root/auth-web/target/auth.war" --deploy "$root/bench/legacy-app/target/legacy.war" --deploy "$work/mpjwt.war" \
  --prebootcommandfile "$work/pre-boot.asadmin" > "$work/micro.log" 2>&1 &
launch=$!
trap 'kill $launch 2>/dev/null || true' EXIT
latchkey_url="http://localhost:$port/legacy/protected/x"
mp_jwt_url="http://localhost:$port/mpjwt/protected/x"
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "http://localhost:$port/legacy/public/x" && curl -fs -o /dev/null "http://localhost:$port/mpjwt/public/x" && break
  sleep 1
done
micro="$(ss -ltnpH "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)"
[ -n "$micro" ] || { echo "Payara Micro is not up: see $work/micro.log" >&2; exit 1; }

base="http://localhost:$port/auth/api"
curl -fs -X POST "$base/accounts" -H 'Content-Type: application/json' \
  -d '{"username":"bench-user","password":"violet tram sings backwards"}' >/dev/null
token="$(curl -fs -X POST "$base/login" -H 'Content-Type: application/json' \
  -d '{"username":"bench-user","password":"violet tram sings backwards"}' | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
# With the token the servlet answers as bench-user; without it, the servlet must not be called at all.
# Observed on Payara 6.2025.10: its MP-JWT answers a constrained URL without a token with an empty 200
# (the servlet is not called) where Latchkey's module answers 401.
for url in "$latchkey_url" "$mp_jwt_url"; do
  with="$(curl -s -H "Authorization: Bearer $token" "$url")" without="$(curl -s "$url")"
  [ "$with" = "hello bench-user" ] && [[ "$without" != hello* ]] \
    || { echo "$url answers '$with' with the token, '$without' without: see $work/micro.log" >&2; exit 1; }
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$latchkey_url")" = 401 ]
# Who answered: a broken token gets Latchkey's own 401 (WWW-Authenticate: Bearer error="invalid_token")
# from the legacy WAR, and must not get it from the MP-JWT one.
challenge() { curl -s -o /dev/null -D - -H "Authorization: Bearer ${token}x" "$1" | tr -d '\r' | grep -i '^WWW-Authenticate:' || true; }
grep -q 'invalid_token' <<<"$(challenge "$latchkey_url")" || { echo "Latchkey's module does not answer for /legacy" >&2; exit 1; }
if grep -q 'invalid_token' <<<"$(challenge "$mp_jwt_url")"; then
  echo "Latchkey's module also answers for /mpjwt: latchkey.sso.app-contexts did not leave it out" >&2; exit 1
fi

load() { # url -> requests/s; every answer must be a 200, or the figure means nothing
  local out
  out="$(wrk -t1 -c"$connections" -d"${duration}s" -H "Authorization: Bearer $token" "$1")"
  printf '== %s\n%s\n' "$1" "$out" >> "$work/wrk.txt"
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then echo "errors or non-200 answers from $1: see $work/wrk.txt" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
echo "warm-up" && load "$latchkey_url" >/dev/null && load "$mp_jwt_url" >/dev/null
rows="" ratios=""
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    order="Latchkey then MP-JWT"; latchkey_rps="$(load "$latchkey_url")"; mp_jwt_rps="$(load "$mp_jwt_url")"
  else
    order="MP-JWT then Latchkey"; mp_jwt_rps="$(load "$mp_jwt_url")"; latchkey_rps="$(load "$latchkey_url")"
  fi
  r="$(awk -v a="$latchkey_rps" -v b="$mp_jwt_rps" 'BEGIN {printf "%.3f", a / b}')"
  echo "round $round ($order): Latchkey's module $latchkey_rps, Payara's MP-JWT $mp_jwt_rps ($r)"
  rows="$rows| $round | $order | $latchkey_rps | $mp_jwt_rps | **$r** |"$'\n'
  ratios="$ratios $r"
done
median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : sprintf("%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
load_at_end="$(cut -d' ' -f1-3 /proc/loadavg)"

section="$(cat <<MD
<!-- mp-jwt begin -->
## The same protected servlet: Latchkey's module against Payara's own MP-JWT

Measured $started_at by \`bench/mp-jwt.sh\` (BENCH_SECONDS=$duration, BENCH_ROUNDS=$rounds, BENCH_CONNECTIONS=$connections)
on $(nproc) cores; **1-minute load average at the start $load_at_start**, at the end $load_at_end.
One Payara Micro $payara_version (\`$(cat "$root/server-config/micro/java-options")\`, H2) with Latchkey, \`legacy.war\` behind Latchkey's module
(\`latchkey.sso.app-contexts=server /legacy\`) and \`mpjwt.war\`: the same servlet, web.xml and constraint
(role \`user\`) with \`@LoginConfig(authMethod = "MP-JWT")\`, \`mp.jwt.verify.publickey.location\` at Latchkey's
JWKS, Latchkey's issuer and audience. wrk, $duration s per run, $connections connections, one reused bearer
token for both, one warm-up run of each; the order alternates by round. Requests/s of \`GET /…/protected/x\`:

| round | order | Latchkey's module | Payara's MP-JWT | Latchkey ÷ MP-JWT |
|---|---|---|---|---|
$rows
Median of the per-round ratios **$(median "$ratios")** (target ≥ 1.0). The wrk output is in bench/target/mp-jwt/ of that run.
<!-- mp-jwt end -->
MD
)"
printf '%s\n' "$section" > "$work/section.md"
python3 - "$root/bench/RESULTS.md" "$work/section.md" mp-jwt <<'PY'
import re, sys
path, section, name = sys.argv[1], open(sys.argv[2]).read().rstrip("\n"), sys.argv[3]
try:
    text = open(path).read()
except FileNotFoundError:
    text = "# Benchmark results\n"
block = re.compile(r"<!-- %s begin -->.*?<!-- %s end -->\n?" % (name, name), re.S)
text = block.sub("", text).rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
cat "$work/section.md"
