package io.latchkey.session;

import java.util.List;

/** How a session was authenticated, as RFC 8176 {@code amr} values. */
public enum AuthMethod {
    PASSWORD(List.of("pwd")),
    /** A passkey bound to hardware (not backup-eligible). */
    HARDWARE_KEY(List.of("hwk", "user")),
    /** A synced passkey (backup-eligible). */
    SOFTWARE_KEY(List.of("swk", "user")),
    /** A device-bound passkey used without user verification (only where the policy allows it). */
    HARDWARE_KEY_PRESENCE(List.of("hwk")),
    /** A synced passkey used without user verification (only where the policy allows it). */
    SOFTWARE_KEY_PRESENCE(List.of("swk")),
    /** A single-use recovery code, the person's own or an administrator's (RFC 8176: one-time password). */
    RECOVERY_CODE(List.of("otp"));

    private final List<String> amr;

    AuthMethod(List<String> amr) {
        this.amr = amr;
    }

    public List<String> amr() {
        return amr;
    }

    public static AuthMethod fromAmr(List<String> amr) {
        for (AuthMethod method : values()) {
            if (method.amr.equals(amr)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown amr " + amr);
    }
}
