#!/usr/bin/env bash
# Writes the pre-boot commands of a Payara Micro running Latchkey: pre-boot-commands.asadmin, then
# the database behind the server's default data source (jdbc/__default), which Latchkey uses:
#   - LATCHKEY_DB_URL unset: the embedded default, Payara's H2 pool on a file in the data directory;
#   - LATCHKEY_DB_URL=jdbc:postgresql://host[:port]/database: the PostgreSQL pool of
#     server-config/payara-server/postgresql-pool.asadmin (the driver goes in --addlibs), with
#     LATCHKEY_DB_USER and LATCHKEY_DB_SCHEMA; the password is read by the pool at run time from
#     LATCHKEY_DB_PASSWORD in Payara Micro's environment and never written down.
# Used by start.sh and by the test suites, so both run the same server.
#   server-config/micro/boot-commands.sh OUTPUT_FILE
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
output="${1:?usage: boot-commands.sh OUTPUT_FILE}"
mkdir -p "$(dirname "$output")"

{
  cat "$here/pre-boot-commands.asadmin"
  echo
  if [ -z "${LATCHKEY_DB_URL:-}" ]; then
    data_dir="${LATCHKEY_DATA_DIR:-./data}"
    mkdir -p "$data_dir"
    data_dir="$(cd "$data_dir" && pwd)"
    # Lower-case identifiers and NULLs last, as PostgreSQL: one migration set for both.
    echo "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:file:$data_dir/db/latchkey;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
    # H2 parses every statement it is asked to prepare; the pool keeps each connection's prepared ones.
    echo "set resources.jdbc-connection-pool.H2Pool.statement-cache-size=64"
  else
    pattern='^jdbc:postgresql://([^/:?]+)(:([0-9]+))?/([^?]+)$'
    [[ "$LATCHKEY_DB_URL" =~ $pattern ]] \
      || { echo "LATCHKEY_DB_URL must look like jdbc:postgresql://host:5432/database (got $LATCHKEY_DB_URL)" >&2; exit 1; }
    connection="serverName=${BASH_REMATCH[1]}:portNumber=${BASH_REMATCH[3]:-5432}:databaseName=${BASH_REMATCH[4]}:user=${LATCHKEY_DB_USER:-latchkey}"
    # Without a password (trust authentication), "()" is Payara's empty password: a pool with a user
    # and no password at all refuses to connect ("No password credential found").
    if [ -n "${LATCHKEY_DB_PASSWORD+set}" ]; then password='password=${ENV=LATCHKEY_DB_PASSWORD}:'; else password='password=():'; fi
    sed -e "s/serverName=127.0.0.1:portNumber=5432:databaseName=test:user=postgres:/$connection:/" \
        -e "s/password=\${ALIAS=latchkey-db-password}:/$password/" \
        -e "s/currentSchema=latchkey:/currentSchema=${LATCHKEY_DB_SCHEMA:-public}:/" \
        "$here/../payara-server/postgresql-pool.asadmin" | grep -v '^#'
  fi
} > "$output"
