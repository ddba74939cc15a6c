package io.latchkey.sso;

import java.util.Optional;

/**
 * Decides whether a bearer token is acceptable, and for whom. The module asks nothing else: the
 * implementation owns signature, claims, revocation and caching.
 */
@FunctionalInterface
public interface BearerVerifier {

    /** The caller the token stands for, or empty when the token must be refused. Never throws for bad input. */
    Optional<Caller> verify(String token);
}
