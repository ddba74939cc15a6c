#!/usr/bin/env bash
# Builds Latchkey and starts it on Payara Micro with the embedded default (H2 under ./data).
# Ctrl-C stops it. Settings come from the environment (see README.md), e.g. LATCHKEY_DATA_DIR;
# LATCHKEY_DB_URL (with LATCHKEY_DB_USER, LATCHKEY_DB_PASSWORD, LATCHKEY_DB_SCHEMA) puts the server's
# default data source on PostgreSQL instead (boot-commands.sh); PORT picks the HTTP port (default 8080);
# JAVA_OPTS replaces the JVM options of server-config/micro/java-options.
# HTTPS: LATCHKEY_TLS_KEYSTORE (a PKCS#12 file) and LATCHKEY_TLS_KEYSTORE_PASSWORD add an HTTPS
# listener on SSL_PORT (default 8181) with the key pair under LATCHKEY_TLS_ALIAS (default latchkey);
# make-trial-certificate.sh makes a self-signed one for trials.
# Several nodes: LATCHKEY_CLUSTER names the data grid to join (README, "Several nodes"); SKIP_BUILD=1
# starts the WAR already built. Further arguments go to Payara Micro as they are, e.g.
# `start.sh --deploy demo/target/demo.war` serves the demo application beside Latchkey.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -n 1)"
micro_jar="$root/target/payara/payara-micro-$payara_version.jar"

if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$root/auth-web/target/auth.war" ]; then
  echo "Building Latchkey..."
  mvn -B -q -DskipTests -pl auth-web,demo -am package
fi
if [ ! -f "$micro_jar" ]; then
  echo "Fetching Payara Micro $payara_version from Maven Central..."
  mvn -B -q -N dependency:copy -Dartifact="fish.payara.extras:payara-micro:$payara_version" \
    -DoutputDirectory="$root/target/payara"
fi

# The server's default data source, which Latchkey uses: H2 in the data directory, or PostgreSQL.
export LATCHKEY_DATA_DIR="${LATCHKEY_DATA_DIR:-$root/data}"
boot_commands="$root/target/payara/pre-boot-commands.asadmin"
server-config/micro/boot-commands.sh "$boot_commands"
library_options=()
if [ -n "${LATCHKEY_DB_URL:-}" ]; then
  postgresql_version="$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' pom.xml | head -n 1)"
  driver="$root/target/payara/postgresql-$postgresql_version.jar"
  [ -f "$driver" ] || mvn -B -q -N dependency:copy -Dartifact="org.postgresql:postgresql:$postgresql_version" \
    -DoutputDirectory="$root/target/payara"
  library_options=(--addlibs "$driver")
fi

port="${PORT:-8080}"
origins="http://localhost:$port"
tls_options=()
jvm_args=()
if [ -n "${LATCHKEY_TLS_KEYSTORE:-}" ]; then
  : "${LATCHKEY_TLS_KEYSTORE_PASSWORD:?LATCHKEY_TLS_KEYSTORE_PASSWORD is required with LATCHKEY_TLS_KEYSTORE}"
  [ -r "$LATCHKEY_TLS_KEYSTORE" ] || { echo "Cannot read LATCHKEY_TLS_KEYSTORE=$LATCHKEY_TLS_KEYSTORE" >&2; exit 1; }
  ssl_port="${SSL_PORT:-8181}"
  origins="https://localhost:$ssl_port,$origins"
  # The keystore password goes to the JVM in an argument file only this user can read, never on the
  # command line (where ps and Payara's start-up log would show it); the file is gone once the JVM has read it.
  argfile="$(mktemp)"
  chmod 600 "$argfile"
  printf '%s\n' "-Djavax.net.ssl.keyStore=$(cd "$(dirname "$LATCHKEY_TLS_KEYSTORE")" && pwd)/$(basename "$LATCHKEY_TLS_KEYSTORE")" \
    "-Djavax.net.ssl.keyStorePassword=$LATCHKEY_TLS_KEYSTORE_PASSWORD" "-Djavax.net.ssl.keyStoreType=PKCS12" > "$argfile"
  (sleep 15; rm -f "$argfile") &
  jvm_args=("@$argfile")
  tls_options=(--sslPort "$ssl_port" --sslCert "${LATCHKEY_TLS_ALIAS:-latchkey}")
  echo "HTTPS on https://localhost:$ssl_port/auth/ (HSTS is sent over HTTPS)"
fi
cluster_options=(--nocluster)
if [ -n "${LATCHKEY_CLUSTER:-}" ]; then
  [ -n "${LATCHKEY_DB_URL:-}" ] || { echo "A cluster needs a shared database: set LATCHKEY_DB_URL" >&2; exit 1; }
  [ -n "${LATCHKEY_MASTER_KEY:-}" ] || { echo "A cluster needs one master key on every node: set LATCHKEY_MASTER_KEY" >&2; exit 1; }
  grid_port="${CLUSTER_PORT:-6900}"
  cluster_options=(--clustername "$LATCHKEY_CLUSTER" --interfaces "${CLUSTER_INTERFACES:-127.0.0.1}"
    --startport "$grid_port" --clustermode "tcpip:${CLUSTER_MEMBERS:-127.0.0.1:$grid_port}" --nohostaware)
  echo "Joining data grid $LATCHKEY_CLUSTER (members ${CLUSTER_MEMBERS:-127.0.0.1:$grid_port})"
fi
# Passkeys need the browser's origin, port included: follow the ports unless origins are set explicitly.
export LATCHKEY_RP_ORIGINS="${LATCHKEY_RP_ORIGINS:-$origins}"
echo "Starting Latchkey on http://localhost:$port/auth/ (Ctrl-C stops it)"
# JVM options: server-config/micro/java-options unless JAVA_OPTS is set (the benchmarks read the same file).
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java ${JAVA_OPTS:-@$root/server-config/micro/java-options} "${jvm_args[@]}" -jar "$micro_jar" \
  --deploy "$root/auth-web/target/auth.war" \
  --port "$port" "${tls_options[@]}" "${library_options[@]}" \
  "${cluster_options[@]}" \
  --prebootcommandfile "$boot_commands" "$@"
