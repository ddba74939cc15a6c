#!/usr/bin/env bash
# Passkey sign-in finishes against the library's own bound (not part of the test command; issue 17).
#  1. JMH, one thread: Yubico's RelyingParty.finishAssertion for one ES256 passkey, with nothing of
#     Latchkey around it (bench/passkey FinishAssertionBenchmark), and the same with the parse of the
#     AuthenticationResponseJSON;
#  2. one Payara Micro with Latchkey (as start.sh runs it, sign-in and sign-up rate limits off: every
#     request comes from one address) and a Java load driver (bench/passkey PasskeySignInLoad): each of
#     BENCH_PASSKEY_THREADS threads signs up an account with a software passkey, then repeats full
#     sign-ins (options, the authenticator's signature, finish) for BENCH_SECONDS per round;
# then the ratio Latchkey finishes/s ÷ (raw finishAssertion/s × cores), per round and its median
# (target ≥ 0.5), into bench/RESULTS.md in a section of its own.
#
#   BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_WARMUP_SECONDS (60), BENCH_PASSKEY_THREADS (8), BENCH_PASSKEY_PORT (18480),
#   BENCH_JMH_OPTIONS (JMH's own options, e.g. "-wi 1 -w 1s -i 1 -r 1s" for a smoke run),
#   BENCH_SKIP_BUILD=1 (use auth-web/target/auth.war and bench/passkey/target as built)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
duration="${BENCH_SECONDS:-10}"
rounds="${BENCH_ROUNDS:-3}"
threads="${BENCH_PASSKEY_THREADS:-8}"
# The server compiles the sign-in path for about a minute on 2 cores: a shorter warm-up measures the JIT.
warmup="${BENCH_WARMUP_SECONDS:-60}"
port="${BENCH_PASSKEY_PORT:-18480}"
work="$root/bench/target/passkey"
rm -rf "$work" && mkdir -p "$work"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
started_at="$(date -u +%Y-%m-%dT%H:%MZ)"
echo "== Passkey sign-in against raw finishAssertion; load average $load_at_start"

[ "${BENCH_SKIP_BUILD:-}" = 1 ] && [ -f auth-web/target/auth.war ] && [ -f bench/passkey/target/classpath.txt ] \
  || mvn -B -q -Pbench -DskipTests -pl auth-web,bench/passkey -am package
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -n 1)"
micro_jar="$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar"
[ -f "$micro_jar" ] || mvn -B -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$payara_version" -Dtransitive=false
cp="$root/bench/passkey/target/classes:$(cat "$root/bench/passkey/target/classpath.txt")"

echo "== JMH: raw finishAssertion, one thread"
# shellcheck disable=SC2086 # BENCH_JMH_OPTIONS is a list of JMH options
java -cp "$cp" org.openjdk.jmh.Main FinishAssertionBenchmark ${BENCH_JMH_OPTIONS:-} -rf json -rff "$work/jmh.json" | tee "$work/jmh.txt"
score() { python3 -c 'import json, sys; print(round(next(b["primaryMetric"]["score"] for b in json.load(open(sys.argv[1])) if b["benchmark"].endswith("." + sys.argv[2]))))' "$work/jmh.json" "$1"; }
raw="$(score finishAssertion)"
raw_parsed="$(score parseAndFinishAssertion)"
raw_one_mapper="$(score parseWithOneMapperAndFinishAssertion)"

echo "== Latchkey: full passkey sign-ins, $threads threads"
origin="http://localhost:$port"
LATCHKEY_DATA_DIR="$work/data" "$root/server-config/micro/boot-commands.sh" "$work/pre-boot.asadmin"
java @"$root/server-config/micro/java-options" -Dlatchkey.data-dir="$work/data" -Dlatchkey.rp.origins="$origin" -Dlatchkey.rate-limit.login=off \
  -Dlatchkey.rate-limit.signup=off -Dlatchkey.rate-limit.passkey-options=off -jar "$micro_jar" --nocluster --port "$port" \
  --deploy "$root/auth-web/target/auth.war" --prebootcommandfile "$work/pre-boot.asadmin" > "$work/micro.log" 2>&1 &
launch=$!
trap 'kill $launch 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -fs -o /dev/null "$origin/auth/.well-known/jwks.json" && break; sleep 1; done
curl -fs -o /dev/null "$origin/auth/.well-known/jwks.json" || { echo "Latchkey is not up: see $work/micro.log" >&2; exit 1; }
micro="$(ss -ltnpH "sport = :$port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)"
java -Dclock.ticks="$(getconf CLK_TCK)" -cp "$cp" io.latchkey.bench.passkey.PasskeySignInLoad "$origin/auth" "$origin" \
  "$threads" "$warmup" "$duration" "$rounds" "$micro" | tee "$work/load.txt"
rss_mb="$(awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$micro/status")"
kill "$launch" 2>/dev/null || true
wait "$launch" 2>/dev/null || true

cores="$(nproc)"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
rows="" ratios=""
while read -r line; do
  round="$(sed -n 's/^round=\([0-9]*\) .*/\1/p' <<<"$line")"
  per_second="$(field per_second <<<"$line")"
  cpu_ms="$(field server_cpu_ms <<<"$line")"
  ratio="$(awk -v l="$per_second" -v r="$raw" -v c="$cores" 'BEGIN {printf "%.3f", l / (r * c)}')"
  rows="$rows| $round | $per_second | $cpu_ms | **$ratio** |"$'\n'
  ratios="$ratios $ratio"
done < <(grep '^round=' "$work/load.txt")
median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : sprintf("%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
load_at_end="$(cut -d' ' -f1-3 /proc/loadavg)"

section="$(cat <<MD
<!-- passkey begin -->
## Passkey sign-in finishes against raw finishAssertion

Measured $started_at by \`bench/passkey.sh\` (BENCH_SECONDS=$duration, BENCH_ROUNDS=$rounds, BENCH_PASSKEY_THREADS=$threads)
on $cores cores; **1-minute load average at the start $load_at_start**, at the end $load_at_end.

Raw library, JMH, one thread (\`FinishAssertionBenchmark\`: Yubico webauthn-server-core, one ES256 passkey,
relying party as Latchkey's, credentials in memory): \`finishAssertion\` **$raw/s**; with the parse of the
AuthenticationResponseJSON by \`PublicKeyCredential.parseAssertionResponseJson\` (as Latchkey parses it; it
builds a new Jackson mapper per call) $raw_parsed/s, and with one mapper kept for every parse $raw_one_mapper/s.

Latchkey: Payara Micro $payara_version with \`$(cat "$root/server-config/micro/java-options")\` on H2 as \`start.sh\`, rate limits off; $threads threads of
\`PasskeySignInLoad\` in one JVM on the same machine, each with its own account and software ES256 passkey,
each sign-in a usernameless \`POST /auth/api/webauthn/login/options\`, the signature, and
\`POST /auth/api/webauthn/login\` (a 200 with tokens, or the run stops); one warm-up run of $warmup s first.
Server CPU from /proc per sign-in (options and finish together).

| round | Latchkey sign-ins (finishes)/s | server CPU ms per sign-in | finishes/s ÷ (raw × $cores cores) |
|---|---|---|---|
$rows
Median of the per-round ratios **$(median "$ratios")** (target ≥ 0.5). The load driver shares the cores with the
server (it signs with ECDSA and parses JSON for every sign-in), so the figure is, if anything, low.
Payara Micro resident memory after the run: $rss_mb MB. Raw output in bench/target/passkey/ of that run.
<!-- passkey end -->
MD
)"
printf '%s\n' "$section" > "$work/section.md"
python3 - "$root/bench/RESULTS.md" "$work/section.md" passkey <<'PY'
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
