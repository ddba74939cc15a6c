/**
 * Administration: searching accounts, suspension with immediate revocation, groups, sessions, and
 * the first administrator from configuration ({@link io.latchkey.admin.AdminSettings}, produced
 * here). Callers need the group auth-admin.
 */
package io.latchkey.admin;
