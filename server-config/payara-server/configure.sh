#!/usr/bin/env bash
# Prepares a running Payara Server 6 domain for Latchkey's EAR, then restarts it; deploy afterwards
# with `asadmin deploy auth-ear/target/latchkey.ear` or from the admin console (README, "Payara Server").
#
#   server-config/payara-server/configure.sh [asadmin options, e.g. --host db1 --port 4848]
#
# What it does, all through asadmin against the running domain:
#   - the PostgreSQL driver into the domain's common libraries (add-library);
#   - the database password and Latchkey's master key as password aliases, never in a file or on a
#     command line (the master key is generated when none is given and the domain has none yet);
#   - the JDBC pool of postgresql-pool.asadmin, with this script's host, port, database, user and
#     schema, as the domain's default data source (jdbc/__default), which Latchkey uses;
#   - Latchkey's settings as MicroProfile Config properties of the domain (set-config-property):
#     latchkey.db.schema and every line of the settings file;
#   - default principal-to-role mapping, so that web.xml roles of other applications match token groups.
#
# Environment:
#   ASADMIN                 asadmin to use (default: $PAYARA_HOME/bin/asadmin, else asadmin on PATH)
#   PAYARA_DOMAIN           the domain to restart at the end (default domain1; run on its machine)
#   LATCHKEY_PG_HOST        default 127.0.0.1
#   LATCHKEY_PG_PORT        default 5432
#   LATCHKEY_PG_DATABASE    default latchkey
#   LATCHKEY_PG_USER        default latchkey
#   LATCHKEY_DB_SCHEMA      default public; Latchkey creates it if missing
#   LATCHKEY_PG_DRIVER      the PostgreSQL JDBC driver jar (default: the newest 42.7.x in ~/.m2)
#   LATCHKEY_DB_PASSWORD    the database password (asked for on a terminal when unset)
#   LATCHKEY_MASTER_KEY     32 bytes, base64; the same on every server that shares the database
#   LATCHKEY_BOOTSTRAP_ADMIN_USERNAME, LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD   the first administrator (optional)
#   LATCHKEY_SETTINGS       a properties file of further settings (default: latchkey.properties here)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [[ -n "${ASADMIN:-}" ]]; then asadmin_bin="$ASADMIN"
elif [[ -n "${PAYARA_HOME:-}" ]]; then asadmin_bin="$PAYARA_HOME/bin/asadmin"
else asadmin_bin="asadmin"; fi
asadmin() { "$asadmin_bin" "$@"; }
connection=("$@")

pg_host="${LATCHKEY_PG_HOST:-127.0.0.1}"
pg_port="${LATCHKEY_PG_PORT:-5432}"
pg_database="${LATCHKEY_PG_DATABASE:-latchkey}"
pg_user="${LATCHKEY_PG_USER:-latchkey}"
settings_file="${LATCHKEY_SETTINGS:-$here/latchkey.properties}"
driver="${LATCHKEY_PG_DRIVER:-$(ls -d "$HOME"/.m2/repository/org/postgresql/postgresql/42.7.*/postgresql-42.7.*.jar 2>/dev/null | sort -V | tail -n 1)}"
[[ -f "$driver" ]] || { echo "No PostgreSQL JDBC driver found: set LATCHKEY_PG_DRIVER to its jar" >&2; exit 1; }

private_dir="$(mktemp -d)"
trap 'rm -rf "$private_dir"' EXIT
chmod 700 "$private_dir"

# Creates or replaces a password alias; the value travels in a private password file only.
set_alias() {
  local name="$1" value="$2" file="$private_dir/alias"
  (umask 077; printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$value" > "$file")
  if asadmin "${connection[@]}" list-password-aliases | grep -qx "$name"; then
    asadmin "${connection[@]}" --passwordfile "$file" update-password-alias "$name" >/dev/null
  else
    asadmin "${connection[@]}" --passwordfile "$file" create-password-alias "$name" >/dev/null
  fi
  rm -f "$file"
  echo "Password alias $name set."
}

set_config() {
  asadmin "${connection[@]}" set-config-property --source domain --propertyName "$1" --propertyValue "$2" >/dev/null
  echo "Setting $1 = $2"
}

asadmin "${connection[@]}" add-library --type common "$driver" 2>/dev/null \
  || echo "PostgreSQL driver already in the domain's libraries."

db_password="${LATCHKEY_DB_PASSWORD-}"
if [[ -z "${LATCHKEY_DB_PASSWORD+set}" && -t 0 ]]; then
  read -r -s -p "Password of database user $pg_user: " db_password; echo
fi
set_alias latchkey-db-password "$db_password"

if [[ -n "${LATCHKEY_MASTER_KEY:-}" ]]; then
  set_alias latchkey.master-key "$LATCHKEY_MASTER_KEY"
elif ! asadmin "${connection[@]}" list-password-aliases | grep -qx latchkey.master-key; then
  set_alias latchkey.master-key "$(head -c 32 /dev/urandom | base64)"
  echo "Generated a master key; servers that share this database need the same one (LATCHKEY_MASTER_KEY)."
fi

if [[ -n "${LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD:-}" ]]; then
  set_alias latchkey.bootstrap-admin.password "$LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD"
  set_config latchkey.bootstrap-admin.username "${LATCHKEY_BOOTSTRAP_ADMIN_USERNAME:?needs LATCHKEY_BOOTSTRAP_ADMIN_USERNAME too}"
fi

pool_commands="$private_dir/pool.asadmin"
sed -e "s/serverName=127.0.0.1:portNumber=5432:databaseName=test:user=postgres:/serverName=$pg_host:portNumber=$pg_port:databaseName=$pg_database:user=$pg_user:/" \
    -e "s/currentSchema=latchkey:/currentSchema=${LATCHKEY_DB_SCHEMA:-public}:/" \
    "$here/postgresql-pool.asadmin" > "$pool_commands"
if asadmin "${connection[@]}" list-jdbc-connection-pools | grep -qx latchkey-postgresql; then
  # Recreated with this run's values; the default data source leaves it meanwhile.
  asadmin "${connection[@]}" set resources.jdbc-resource.jdbc/__default.pool-name=H2Pool >/dev/null
  asadmin "${connection[@]}" delete-jdbc-connection-pool latchkey-postgresql >/dev/null
fi
asadmin "${connection[@]}" multimode --file "$pool_commands"

[[ -z "${LATCHKEY_DB_SCHEMA:-}" ]] || set_config latchkey.db.schema "$LATCHKEY_DB_SCHEMA"
if [[ -f "$settings_file" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    set_config "${line%%=*}" "${line#*=}"
  done < "$settings_file"
fi

asadmin "${connection[@]}" set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true
asadmin "${connection[@]}" restart-domain "${PAYARA_DOMAIN:-domain1}"
