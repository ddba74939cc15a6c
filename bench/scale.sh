#!/usr/bin/env bash
# Latchkey on PostgreSQL with large tables against empty ones (not part of the test command).
# Starts Latchkey (Payara Micro, the WAR as start.sh runs it) on a fresh PostgreSQL database, measures
# refresh grants and password sign-ins per second with the tables as a new installation has them,
# then fills them (BENCH_SCALE_SESSIONS sessions with one refresh token each, over 10,000 accounts,
# and BENCH_SCALE_EVENTS audit events) and measures again, in the same server, the same way. It
# also prints PostgreSQL's plans of the statements the hot paths and the purge run, on the large
# tables, so a sequential scan shows. Writes its section of bench/RESULTS.md and prints it.
#   BENCH_SCALE_SESSIONS (1000000)  BENCH_SCALE_EVENTS (10000000)  BENCH_SECONDS (10)  BENCH_ROUNDS (3)
#   BENCH_WARMUP_SECONDS (30)  BENCH_LATCHKEY_PORT (18190)  BENCH_SKIP_BUILD=1
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
sessions="${BENCH_SCALE_SESSIONS:-1000000}"
events="${BENCH_SCALE_EVENTS:-10000000}"
duration="${BENCH_SECONDS:-10}"
rounds="${BENCH_ROUNDS:-3}"
warmup="${BENCH_WARMUP_SECONDS:-30}"
lk_port="${BENCH_LATCHKEY_PORT:-18190}"
database=bench_latchkey_scale
work="$root/bench/target/scale"
rm -rf "$work" && mkdir -p "$work"
[ "${BENCH_SKIP_BUILD:-}" = 1 ] && [ -f auth-web/target/auth.war ] || mvn -B -q -DskipTests -pl auth-web -am package
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -n 1)"
micro_jar="$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar"
[ -f "$micro_jar" ] || mvn -B -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$payara_version" -Dtransitive=false
postgresql_version="$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' pom.xml | head -n 1)"
driver="$root/bench/target/postgresql-$postgresql_version.jar"
[ -f "$driver" ] || mvn -B -q -N dependency:copy -Dartifact="org.postgresql:postgresql:$postgresql_version" -DoutputDirectory="$root/bench/target"
sql() { PGOPTIONS='-c client_min_messages=warning' psql -v ON_ERROR_STOP=1 -q -At -h 127.0.0.1 -U postgres -d "$database" "$@"; }
PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -U postgres -d postgres \
  -c "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"

db_env=(LATCHKEY_DB_URL="jdbc:postgresql://127.0.0.1:5432/$database" LATCHKEY_DB_USER=postgres)
env LATCHKEY_DATA_DIR="$work/data" "${db_env[@]}" "$root/server-config/micro/boot-commands.sh" "$work/pre-boot.asadmin"
env "${db_env[@]}" java @"$root/server-config/micro/java-options" -Dlatchkey.data-dir="$work/data" -Dlatchkey.rate-limit.login=off \
  -Dlatchkey.rate-limit.signup=off -jar "$micro_jar" --nocluster --port "$lk_port" --deploy "$root/auth-web/target/auth.war" \
  --addlibs "$driver" --prebootcommandfile "$work/pre-boot.asadmin" > "$work/latchkey.log" 2>&1 &
launch=$!
trap 'kill $launch 2>/dev/null || true' EXIT
lk="http://127.0.0.1:$lk_port/auth"
for _ in $(seq 1 300); do curl -fs -o /dev/null "$lk/.well-known/jwks.json" && break; sleep 1; done
username=bench-user password="violet tram sings backwards"
curl -fs -X POST "$lk/api/accounts" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$username\",\"password\":\"$password\"}" >/dev/null

tokens() { # four fresh sessions, one chain each
  : > "$work/tokens"
  for _ in 1 2 3 4; do
    curl -fs -X POST "$lk/api/login" -H 'Content-Type: application/json' -d "{\"username\":\"$username\",\"password\":\"$password\"}" \
      | { cat; echo; } | sed -n 's/.*"refresh_token":"\([^"]*\)".*/\1/p' >> "$work/tokens"
  done
}
wrk_run() { # script url seconds -> requests/s; any non-2xx answer stops the script
  local out
  out="$(BENCH_KIND=latchkey BENCH_TOKENS="$work/tokens" BENCH_USERNAME="$username" BENCH_PASSWORD="$password" \
    wrk -t4 -c4 --timeout 30s -d"$3s" -s "$root/bench/$1" "$2")"
  printf '%s\n' "$out" >> "$work/wrk.txt"
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then echo "errors or non-2xx answers: see $work/wrk.txt" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
refreshes() { tokens; wrk_run refresh-chain.lua "$lk/api/token/refresh" "$1"; }
sign_ins() { wrk_run password-grant.lua "$lk/api/login" "$1"; }
measure() { # label -> one line per round: label refresh/s sign-ins/s
  for round in $(seq 1 "$rounds"); do
    echo "$1 $(refreshes "$duration") $(sign_ins "$duration")"
  done
}

load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
refreshes "$warmup" >/dev/null && sign_ins 10 >/dev/null
measure empty > "$work/empty.txt"

fill_started=$(date +%s)
sql <<SQL
INSERT INTO account (id, username, display_name, status, created_at)
  SELECT md5('a' || g)::uuid::text, 'seed-' || g, 'Seed ' || g, 'ACTIVE', now() FROM generate_series(1, 10000) g;
INSERT INTO auth_session (id, account_id, amr, auth_time, expires_at)
  SELECT md5('s' || g)::uuid::text, md5('a' || (g % 10000 + 1))::uuid::text, 'pwd', now() - interval '1 hour',
         now() + (g % 30 - 2) * interval '1 day' FROM generate_series(1, $sessions) g;
INSERT INTO refresh_token (id, session_id, token_hash, issued_at, expires_at, rotated_at)
  SELECT md5('r' || g)::uuid::text, md5('s' || g)::uuid::text, encode(sha256(('t' || g)::bytea), 'hex'), now(),
         now() + interval '1 day', CASE WHEN g % 2 = 0 THEN now() END FROM generate_series(1, $sessions) g;
INSERT INTO audit_event (occurred_at, event_type, account_id, username, client_ip, user_agent, request_id)
  SELECT now() - g * interval '1 second', 'LOGIN_SUCCEEDED', md5('a' || (g % 10000 + 1))::uuid::text, 'seed-' || (g % 10000 + 1),
         '192.0.2.1', 'seed', md5('q' || g)::uuid::text FROM generate_series(1, $events) g;
ANALYZE;
SQL
fill_seconds=$(( $(date +%s) - fill_started ))
counts="$(sql -c "SELECT (SELECT count(*) FROM auth_session), (SELECT count(*) FROM refresh_token), (SELECT count(*) FROM audit_event)")"
refreshes "$warmup" >/dev/null
measure large > "$work/large.txt"

plans="$(sql <<'SQL'
\echo '-- a refresh claims its token'
EXPLAIN (COSTS OFF) UPDATE refresh_token SET rotated_at = now() WHERE token_hash = 'x' AND rotated_at IS NULL AND expires_at > now();
\echo '-- and reads its session'
EXPLAIN (COSTS OFF) SELECT s.* FROM refresh_token r JOIN auth_session s ON s.id = r.session_id WHERE r.token_hash = 'x';
\echo '-- every node polls revocations'
EXPLAIN (COSTS OFF) SELECT id, revoked_at FROM auth_session WHERE revoked_at >= now() - interval '20 minutes';
\echo '-- a sign-in finds the account and its live sessions'
EXPLAIN (COSTS OFF) SELECT * FROM auth_session WHERE account_id = 'x' AND revoked_at IS NULL;
\echo '-- the purge of ended sessions, one batch'
EXPLAIN (COSTS OFF) SELECT id FROM auth_session WHERE expires_at < now() - interval '1 day' OR revoked_at < now() - interval '1 day' FETCH FIRST 500 ROWS ONLY;
\echo '-- an administrator reads the audit trail of one account'
EXPLAIN (COSTS OFF) SELECT * FROM audit_event WHERE account_id = 'x' AND seq > 0 ORDER BY seq FETCH FIRST 50 ROWS ONLY;
SQL
)"
load_at_end="$(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
empty_refresh="$(awk '{print $2}' "$work/empty.txt" | median)" large_refresh="$(awk '{print $2}' "$work/large.txt" | median)"
empty_sign_in="$(awk '{print $3}' "$work/empty.txt" | median)" large_sign_in="$(awk '{print $3}' "$work/large.txt" | median)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
section="$(cat <<EOF
<!-- scale begin -->
## Large tables against empty ones (PostgreSQL)

$(date -u +%F), $(nproc) cores, $(git -C "$root" rev-parse --short HEAD), \`bench/scale.sh\`
(BENCH_SCALE_SESSIONS=$sessions BENCH_SCALE_EVENTS=$events BENCH_SECONDS=$duration BENCH_ROUNDS=$rounds);
load average $load_at_start at the start, $load_at_end at the end. One Latchkey (Payara Micro,
$(cat "$root/server-config/micro/java-options")) on a fresh database; refresh grants (4 connections, one rotating chain each) and password
sign-ins (4 connections, bcrypt cost 12), $duration s each, $rounds rounds on the empty tables, then
the tables filled in ${fill_seconds} s (sessions, refresh tokens, audit events: $(tr '|' ' ' <<<"$counts")),
then $rounds rounds again.

| tables | refresh/s (rounds) | median | sign-ins/s (rounds) | median |
|---|---|---|---|---|
| empty | $(awk '{print $2}' "$work/empty.txt" | paste -sd' ') | $empty_refresh | $(awk '{print $3}' "$work/empty.txt" | paste -sd' ') | $empty_sign_in |
| large | $(awk '{print $2}' "$work/large.txt" | paste -sd' ') | $large_refresh | $(awk '{print $3}' "$work/large.txt" | paste -sd' ') | $large_sign_in |

Large ÷ empty, medians: refresh **$(ratio "$large_refresh" "$empty_refresh")**, sign-ins **$(ratio "$large_sign_in" "$empty_sign_in")** (target ≥ 0.8).

PostgreSQL's plans on the large tables:

\`\`\`
$plans
\`\`\`
<!-- scale end -->
EOF
)"
printf '%s\n' "$section" > "$work/section.md"
python3 - "$root/bench/RESULTS.md" "$work/section.md" <<'PY'
import re, sys
path, section = sys.argv[1], open(sys.argv[2]).read().rstrip("\n")
try:
    text = open(path).read()
except FileNotFoundError:
    text = "# Benchmark results\n"
text = re.sub(r"<!-- scale begin -->.*?<!-- scale end -->\n?", "", text, flags=re.S).rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
cat "$work/section.md"
