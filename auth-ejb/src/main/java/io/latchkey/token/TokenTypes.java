package io.latchkey.token;

import com.nimbusds.jose.JOSEObjectType;

/**
 * The {@code typ} of each kind of token Latchkey signs. Issuing sets it and verification accepts
 * each kind only where it is expected (RFC 8725, 3.11), so a browser session cookie's token is
 * never taken for an access token, nor the other way round.
 */
public final class TokenTypes {

    /** An access token: MicroProfile JWT's {@code JWT}. */
    public static final JOSEObjectType ACCESS = JOSEObjectType.JWT;

    /** The token of a browser session cookie. */
    public static final JOSEObjectType BROWSER_SESSION = new JOSEObjectType("latchkey-sso+jwt");

    private TokenTypes() {
    }
}
