package io.latchkey.rejection;

import jakarta.ejb.ApplicationException;

/**
 * An already rotated refresh token came back. Its session is revoked, and that revocation must
 * commit although the request fails (RFC 9700, 4.14.2), hence no rollback.
 */
@ApplicationException(rollback = false)
public final class RefreshTokenReusedException extends InvalidTokenException {
}
