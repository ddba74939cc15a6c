package io.latchkey.request;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Provider;

/**
 * The origin of the request being served. The web module sets it as a request enters; anything
 * running outside a request (start-up, timers) sees {@link RequestOrigin#SYSTEM}.
 */
@RequestScoped
public class CurrentRequest {

    private RequestOrigin origin = RequestOrigin.SYSTEM;

    public void begin(RequestOrigin origin) {
        this.origin = origin;
    }

    public RequestOrigin origin() {
        return origin;
    }

    /** Reads the current origin through a provider, so callers outside a request get SYSTEM instead of an exception. */
    public static RequestOrigin of(Provider<CurrentRequest> current) {
        try {
            return current.get().origin();
        } catch (ContextNotActiveException outsideARequest) {
            return RequestOrigin.SYSTEM;
        }
    }
}
