-- Passkeys and pending WebAuthn ceremonies. Written for both PostgreSQL and H2.

CREATE TABLE passkey (
    credential_id      VARCHAR(1400) NOT NULL PRIMARY KEY,
    account_id         VARCHAR(36)   NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    user_handle_mac    VARCHAR(64)   NOT NULL,
    user_handle_sealed BYTEA         NOT NULL,
    public_key_sealed  BYTEA         NOT NULL,
    signature_count    BIGINT        NOT NULL,
    transports         VARCHAR(128),
    aaguid             VARCHAR(36),
    attestation_format VARCHAR(32),
    backup_eligible    BOOLEAN       NOT NULL,
    backed_up          BOOLEAN       NOT NULL,
    user_verified      BOOLEAN       NOT NULL,
    nickname           VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at       TIMESTAMP WITH TIME ZONE,
    clone_suspected_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX passkey_account ON passkey (account_id);
CREATE INDEX passkey_user_handle ON passkey (user_handle_mac);

CREATE TABLE webauthn_ceremony (
    request_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind         VARCHAR(16)  NOT NULL,
    request_json TEXT         NOT NULL,
    account_id   VARCHAR(36),
    username     VARCHAR(64),
    display_name VARCHAR(128),
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX webauthn_ceremony_expiry ON webauthn_ceremony (expires_at);
