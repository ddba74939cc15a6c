package io.latchkey.sso;

/**
 * Told how the module answered a request it covers, so the host can count answers (its metrics)
 * without the module knowing what a metric is. Called on the request thread: it must be quick and
 * must not throw. Requests the module lets through anonymously are not reported.
 */
@FunctionalInterface
public interface SsoListener {

    /** Hears nothing. */
    SsoListener NONE = answer -> { };

    void answered(SsoAnswer answer);
}
