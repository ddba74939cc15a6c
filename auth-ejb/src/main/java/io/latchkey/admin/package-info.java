/**
 * Administration: searching accounts, suspension with immediate revocation, groups, sessions, and
 * the first administrator from configuration. Callers need the group auth-admin.
 */
package io.latchkey.admin;
