/**
 * Adjustments of the JPA provider that the persistence unit names by class: nothing here is
 * called by Latchkey's own code.
 */
package io.latchkey.storage.internal;
