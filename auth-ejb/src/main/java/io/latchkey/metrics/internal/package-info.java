/**
 * The adapters from Latchkey's recorder to a server's metrics API (Micrometer, MicroProfile
 * Metrics), and the choice between them. Nothing here decides what is counted.
 */
package io.latchkey.metrics.internal;
