-- Accounts, sessions, refresh tokens and signing keys. Written for both PostgreSQL and H2.

CREATE TABLE account (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(128) NOT NULL,
    password_hash VARCHAR(100),
    status        VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT account_username_unique UNIQUE (username)
);

CREATE TABLE account_group (
    account_id VARCHAR(36) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    group_name VARCHAR(64) NOT NULL,
    PRIMARY KEY (account_id, group_name)
);

CREATE TABLE auth_session (
    id            VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id    VARCHAR(36) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    amr           VARCHAR(64) NOT NULL,
    auth_time     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoke_reason VARCHAR(32)
);
CREATE INDEX auth_session_account ON auth_session (account_id);

CREATE TABLE refresh_token (
    id         VARCHAR(36) NOT NULL PRIMARY KEY,
    session_id VARCHAR(36) NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
    token_hash VARCHAR(64) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    rotated_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT refresh_token_hash_unique UNIQUE (token_hash)
);
CREATE INDEX refresh_token_session ON refresh_token (session_id);

CREATE TABLE signing_key (
    kid            VARCHAR(64) NOT NULL PRIMARY KEY,
    algorithm      VARCHAR(16) NOT NULL,
    public_jwk     TEXT        NOT NULL,
    private_sealed BYTEA,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE
);
