/**
 * Latchkey's readiness over HTTP at {@code /auth/health/ready}, for servers whose MicroProfile
 * Health endpoint does not show an EAR's own checks (WildFly 39, WFLY-12835). It renders the
 * checks the capabilities define; it decides nothing itself.
 */
package io.latchkey.web.health;
