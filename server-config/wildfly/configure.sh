#!/usr/bin/env bash
# Prepares a running WildFly 39 for Latchkey with latchkey.cli, keeping secrets off command lines
# and out of standalone.xml. Settings come from the environment:
#   JBOSS_HOME (required), CONTROLLER (default 127.0.0.1:9990)
#   PG_DRIVER_JAR     default: org.postgresql:postgresql 42.7.x from ~/.m2
#   DB_URL            default jdbc:postgresql://127.0.0.1:5432/test (add ?currentSchema=S for schema S)
#   DB_USER           default postgres;  DB_PASSWORD (default empty)
#   LATCHKEY_DB_SCHEMA  default latchkey
#   LATCHKEY_RP_ORIGINS default http://localhost:8080;  LATCHKEY_WEBAUTHN_ALLOW_ORIGIN_PORT default false
#   LATCHKEY_MASTER_KEY default: a new random key (openssl rand -base64 32); kept only encrypted
#   CS_PASSWORD       the credential store's password, for a new store (default: a random one); kept
#                     in configuration/latchkey-credential-store.password (mode 600), read by {EXT}cat
#   LATCHKEY_BOOTSTRAP_ADMIN_USERNAME, LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD   the first administrator
#                     (optional); the password is kept only encrypted, as the master key is
#   PROMETHEUS_CONTEXT  where the management interface serves metrics in Prometheus text (default
#                     /prometheus; /metrics is the base metrics subsystem's); added only when the
#                     server runs with --stability=community, "off" to leave it out
#   LATCHKEY_SETTINGS a properties file of further settings (name=value, # comments), each set as a
#                     system property; names and defaults: README, "Configuration". No secrets here.
#                     The variables above win over lines of the same names (latchkey.cli sets them last).
# Then deploy: bin/jboss-cli.sh -c --controller=$CONTROLLER --command="deploy latchkey.ear"
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
: "${JBOSS_HOME:?set JBOSS_HOME}"
controller="${CONTROLLER:-127.0.0.1:9990}"
cli() { "$JBOSS_HOME/bin/jboss-cli.sh" -c --controller="$controller" "$@"; }
driver="${PG_DRIVER_JAR:-$(ls -1 "$HOME"/.m2/repository/org/postgresql/postgresql/42.7.*/postgresql-42.7.*.jar | sort -V | tail -n 1)}"
# An existing master key is kept unless LATCHKEY_MASTER_KEY is given: a new one would make every
# sealed signing key and passkey in the database unreadable.
if [ -z "${LATCHKEY_MASTER_KEY:-}" ] && cli --command="/system-property=latchkey.master-key:read-resource" >/dev/null 2>&1; then
  keep_master_key=1
else
  keep_master_key=
  master_key="${LATCHKEY_MASTER_KEY:-$(openssl rand -base64 32)}"
fi
commands="$(mktemp)"; props="$(mktemp)"; chmod 600 "$commands" "$props"; trap 'rm -f "$commands" "$props"' EXIT
# The credential store's own password lives in a file only this user can read, beside
# standalone.xml; the store reads it with {EXT}cat, so standalone.xml holds no secret at all.
config_dir="$(cli --command=':resolve-expression(expression=${jboss.server.config.dir})' \
  | sed -n 's/.*"result" => "\(.*\)".*/\1/p' || true)"
[ -d "$config_dir" ] || { echo "cannot find the server's configuration directory" >&2; exit 1; }
cs_password_file="$config_dir/latchkey-credential-store.password"
[ -f "$cs_password_file" ] || (umask 077; printf '%s' "${CS_PASSWORD:-$(openssl rand -hex 16)}" > "$cs_password_file")

# Secrets as ENC:: expressions: a secret key in a secret-key credential store encrypts them.
cli <<CLI >/dev/null
if (outcome != success) of /subsystem=elytron/secret-key-credential-store=latchkey-keys:read-resource
    /subsystem=elytron/secret-key-credential-store=latchkey-keys:add(path=latchkey-keys.cs, relative-to=jboss.server.config.dir)
end-if
if (outcome != success) of /subsystem=elytron/expression=encryption:read-resource
    /subsystem=elytron/expression=encryption:add(resolvers=[{name=latchkey, credential-store=latchkey-keys, secret-key=key}])
end-if
CLI
# Prints an ENC:: expression for the clear text on stdin's first line; the text travels on stdin only.
encrypt() {
  local clear expression
  IFS= read -r clear
  clear="${clear//\\/\\\\}"; clear="${clear//\"/\\\"}"
  expression="$(cli --output-json <<CLI | sed -n 's/.*"expression" *: *"\([^"]*\)".*/\1/p'
/subsystem=elytron/expression=encryption:create-expression(resolver=latchkey, clear-text="$clear")
CLI
)"
  [ -n "$expression" ] || { echo "could not encrypt a secret" >&2; return 1; }
  printf '%s\n' "$expression"
}
# Appends to $commands the CLI lines that set system property $1 to $2, sent unresolved: the server
# resolves expressions (ENC:: ones included) when it sets the property, standalone.xml keeps them.
set_property() {
  local value="${2//\\/\\\\}"; value="${value//\"/\\\"}"
  cat >> "$commands" <<CLI
if (outcome == success) of /system-property=$1:read-resource
    /system-property=$1:remove
end-if
/system-property=$1:add(value="$value")
CLI
  echo "Setting $1"
}

if [ -z "$keep_master_key" ]; then
  secret="$(printf '%s\n' "$master_key" | encrypt)"
  set_property latchkey.master-key "$secret"
fi
if [ -n "${LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD:-}" ]; then
  set_property latchkey.bootstrap-admin.username "${LATCHKEY_BOOTSTRAP_ADMIN_USERNAME:?needs LATCHKEY_BOOTSTRAP_ADMIN_USERNAME too}"
  secret="$(printf '%s\n' "$LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD" | encrypt)"
  set_property latchkey.bootstrap-admin.password "$secret"
fi
if [ -n "${LATCHKEY_SETTINGS:-}" ]; then
  [ -f "$LATCHKEY_SETTINGS" ] || { echo "no settings file $LATCHKEY_SETTINGS" >&2; exit 1; }
  while IFS= read -r line || [ -n "$line" ]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    name="${line%%=*}"; name="${name//[[:space:]]/}"
    [[ "$name" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "bad setting name in $LATCHKEY_SETTINGS: $name" >&2; exit 1; }
    set_property "$name" "${line#*=}"
  done < "$LATCHKEY_SETTINGS"
fi
[ ! -s "$commands" ] || cli --file="$commands" >/dev/null

cat > "$props" <<P
pg.driver.jar=$driver
db.url=${DB_URL:-jdbc:postgresql://127.0.0.1:5432/test}
db.user=${DB_USER:-postgres}
db.password=${DB_PASSWORD:-}
cs.password={EXT}cat $cs_password_file
latchkey.rp.origins=${LATCHKEY_RP_ORIGINS:-http://localhost:8080}
latchkey.webauthn.allow-origin-port=${LATCHKEY_WEBAUTHN_ALLOW_ORIGIN_PORT:-false}
latchkey.db.schema=${LATCHKEY_DB_SCHEMA:-latchkey}
latchkey.data.dir=${LATCHKEY_DATA_DIR:-$JBOSS_HOME/standalone/data/latchkey}
P
# A generous timeout: the reload at the end waits for the server to come back with its deployments.
cli --timeout=120000 --resolve-parameter-values --properties="$props" --file="$here/latchkey.cli"

# Metrics for Prometheus to scrape: Micrometer's Prometheus registry on the management interface.
# WildFly 39 offers it at "community" stability only (standalone.sh --stability=community); at the
# default level the micrometer subsystem is there without it, and an OTLP registry can be added
# instead (README, "Metrics, health and logs").
prometheus_context="${PROMETHEUS_CONTEXT:-/prometheus}"
stability="$(cli --command='/core-service=server-environment:read-attribute(name=stability)' \
  | sed -n 's/.*"result" => "\(.*\)".*/\1/p' || true)"
if [ "$prometheus_context" != off ] && { [ "$stability" = community ] || [ "$stability" = preview ] || [ "$stability" = experimental ]; }; then
  if ! cli --command='/subsystem=micrometer/registry=prometheus:read-resource' >/dev/null 2>&1; then
    cli --command="/subsystem=micrometer/registry=prometheus:add(context=\"$prometheus_context\", security-enabled=false)" >/dev/null
    cli --timeout=120000 --command=reload >/dev/null
  fi
  echo "Metrics: Prometheus text at http://<management address>$prometheus_context"
elif [ "$prometheus_context" != off ]; then
  echo "Metrics: no Prometheus registry (the server runs at stability '$stability'; start it with --stability=community for one)"
fi
