package io.latchkey.metrics;

/** The operations whose duration is recorded, each a timer of its own. */
public enum Timed {
    /** One bcrypt verification (or the decoy one for an unknown account). */
    PASSWORD_VERIFICATION("latchkey_password_verification", "Time to verify a password"),
    /** Signing one access token. */
    TOKEN_ISSUE("latchkey_token_issue", "Time to sign an access token"),
    /** A passkey ceremony's finish: verification and the transaction that follows. */
    PASSKEY_FINISH("latchkey_passkey_finish", "Time to finish a passkey ceremony");

    private final String metric;
    private final String description;

    Timed(String metric, String description) {
        this.metric = metric;
        this.description = description;
    }

    /** The timer's name; Prometheus shows it with {@code _seconds} and its suffixes. */
    public String metric() {
        return metric;
    }

    public String description() {
        return description;
    }
}
