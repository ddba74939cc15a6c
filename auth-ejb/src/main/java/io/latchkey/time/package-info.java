/**
 * The time. Logic reads it from an injected {@link java.time.Clock}, produced here for every
 * capability; unit tests hand it a fixed one. It is not configuration (it reads no setting) and
 * belongs to no capability, so it lives apart from both and depends on nothing of Latchkey.
 */
package io.latchkey.time;
