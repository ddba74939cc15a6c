#!/usr/bin/env bash
# Makes a self-signed certificate for trying Latchkey over HTTPS on this machine: an EC P-256 key
# pair for localhost and 127.0.0.1 in a PKCS#12 keystore, alias "latchkey". Browsers will warn,
# because nobody vouches for it: use a certificate from your CA in production.
# Usage: make-trial-certificate.sh [keystore path, default ./data/tls.p12]; the password is read
# from LATCHKEY_TLS_KEYSTORE_PASSWORD (asked for when unset).
set -euo pipefail
keystore="${1:-./data/tls.p12}"
if [ -z "${LATCHKEY_TLS_KEYSTORE_PASSWORD:-}" ]; then
  read -r -s -p "Keystore password (at least 6 characters): " LATCHKEY_TLS_KEYSTORE_PASSWORD && echo
fi
mkdir -p "$(dirname "$keystore")"
LATCHKEY_TLS_KEYSTORE_PASSWORD="$LATCHKEY_TLS_KEYSTORE_PASSWORD" keytool -genkeypair -alias latchkey \
  -keyalg EC -groupname secp256r1 -validity 365 -dname CN=localhost -ext san=dns:localhost,ip:127.0.0.1 \
  -keystore "$keystore" -storetype PKCS12 -storepass:env LATCHKEY_TLS_KEYSTORE_PASSWORD
chmod 600 "$keystore"
echo "Wrote $keystore. Start with:"
echo "  LATCHKEY_TLS_KEYSTORE=$keystore LATCHKEY_TLS_KEYSTORE_PASSWORD=... server-config/micro/start.sh"
