#!/usr/bin/env bash
# Builds Latchkey and starts it on Payara Micro with the embedded default (H2 under ./data).
# Ctrl-C stops it. Settings come from the environment (see README.md), e.g. LATCHKEY_DATA_DIR,
# LATCHKEY_DB_URL; PORT picks the HTTP port (default 8080).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

payara_version="$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml | head -n 1)"
micro_jar="$root/target/payara/payara-micro-$payara_version.jar"

echo "Building Latchkey..."
mvn -B -q -DskipTests -pl auth-web -am package
if [ ! -f "$micro_jar" ]; then
  echo "Fetching Payara Micro $payara_version from Maven Central..."
  mvn -B -q -N dependency:copy -Dartifact="fish.payara.extras:payara-micro:$payara_version" \
    -DoutputDirectory="$root/target/payara"
fi

port="${PORT:-8080}"
# Passkeys need the browser's origin, port included: follow PORT unless origins are set explicitly.
export LATCHKEY_RP_ORIGINS="${LATCHKEY_RP_ORIGINS:-http://localhost:$port}"
echo "Starting Latchkey on http://localhost:$port/auth/ (Ctrl-C stops it)"
exec java ${JAVA_OPTS:--Xmx512m} -jar "$micro_jar" \
  --deploy "$root/auth-web/target/auth.war" \
  --port "$port" \
  --nocluster \
  --prebootcommandfile "$root/server-config/micro/pre-boot-commands.asadmin"
