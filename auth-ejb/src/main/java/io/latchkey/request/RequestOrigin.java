package io.latchkey.request;

import java.util.Objects;
import java.util.UUID;

/** Where a request came from. {@link #SYSTEM} stands for work the server does on its own. */
public record RequestOrigin(String clientIp, String userAgent, String requestId) {

    /** User agents are free text from the client; this much is enough to recognise one. */
    static final int MAX_USER_AGENT = 256;

    public static final RequestOrigin SYSTEM = new RequestOrigin("-", "latchkey", "-");

    public RequestOrigin {
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(requestId, "requestId");
        userAgent = userAgent == null ? "" : printable(userAgent);
    }

    public static RequestOrigin of(String clientIp, String userAgent) {
        return new RequestOrigin(clientIp, userAgent, UUID.randomUUID().toString());
    }

    /** Keeps log lines one line each and of bounded length, whatever the client sent. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_USER_AGENT));
        for (int i = 0; i < text.length() && out.length() < MAX_USER_AGENT; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
