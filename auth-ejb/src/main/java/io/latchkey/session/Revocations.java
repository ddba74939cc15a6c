package io.latchkey.session;

import java.time.Instant;
import java.util.UUID;

/**
 * The sessions known to have ended early, for verifiers outside this capability (the single
 * sign-on host) that ask on every request: answered from memory, never from the database. Handed
 * out once by {@link RevokedSessions#revocations()}; calls on it do not go through the container.
 */
public interface Revocations {

    /** Whether the session ended early, so that a token of it must be refused however valid it looks. */
    boolean contains(UUID sessionId);

    /**
     * Records a session that a verifier found ended (asking this capability, as a browser session's
     * renewal does) before this node heard of it through the usual ways. Returns whether it was news.
     */
    boolean add(UUID sessionId, Instant at);
}
