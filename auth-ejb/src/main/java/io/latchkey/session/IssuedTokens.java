package io.latchkey.session;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/** An access token and its refresh token, as handed to the client once. */
public record IssuedTokens(String accessToken, Duration accessExpiresIn, String refreshToken,
        Duration refreshExpiresIn, UUID sessionId) {

    public IssuedTokens {
        Objects.requireNonNull(accessToken);
        Objects.requireNonNull(refreshToken);
    }

    @Override
    public String toString() {
        return "IssuedTokens[session=" + sessionId + ", accessExpiresIn=" + accessExpiresIn + "]";
    }
}
