/**
 * The family of refusals a capability may answer a request with. Each type is a condition the web
 * module maps to one problem type and status; their messages are meant for clients. Our own
 * failures (database down, bugs) are not here: they are not the caller's fault.
 */
package io.latchkey.rejection;
