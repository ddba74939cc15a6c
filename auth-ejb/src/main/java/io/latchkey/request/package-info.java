/**
 * Who is calling, as far as the server can tell: the client address (through trusted proxies
 * only), the user agent and a request id. The web module records it once per request; rate limits
 * and the audit trail read it. The trusted proxies are its one setting
 * ({@link io.latchkey.request.ClientAddresses}, produced here). It knows no capability.
 */
package io.latchkey.request;
