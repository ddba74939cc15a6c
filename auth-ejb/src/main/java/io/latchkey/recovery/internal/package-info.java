/**
 * Recovery's storage and mechanics: the code format and generator, the keyed salted hash, the
 * stored code rows and the decision whether a presented code may be spent.
 */
package io.latchkey.recovery.internal;
