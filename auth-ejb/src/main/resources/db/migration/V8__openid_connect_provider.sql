-- The OpenID Connect provider: registered clients, authorization codes, and the sessions a client
-- holds under a browser's session. Written for both PostgreSQL and H2.

-- A client's own session hangs off the browser session it was granted from: ending that session
-- (sign-out, suspension, reuse) ends the client's with it.
ALTER TABLE auth_session ADD COLUMN parent_id VARCHAR(36);
ALTER TABLE auth_session ADD COLUMN client_id VARCHAR(64);
CREATE INDEX auth_session_parent ON auth_session (parent_id);

CREATE TABLE oidc_client (
    client_id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                       VARCHAR(128) NOT NULL,
    public_client              BOOLEAN      NOT NULL,
    secret_hash                VARCHAR(64),
    redirect_uris              VARCHAR(8000) NOT NULL,
    post_logout_redirect_uris  VARCHAR(8000) NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    version                    BIGINT       NOT NULL DEFAULT 0
);

-- Codes are kept only as their SHA-256. A code's row outlives its use so that a second use finds
-- it and revokes the session issued for it.
CREATE TABLE oidc_code (
    code_hash          VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id          VARCHAR(64)   NOT NULL REFERENCES oidc_client (client_id) ON DELETE CASCADE,
    redirect_uri       VARCHAR(2048) NOT NULL,
    code_challenge     VARCHAR(128),
    nonce              VARCHAR(512),
    scope              VARCHAR(512)  NOT NULL,
    browser_session_id VARCHAR(36)   NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
    expires_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at            TIMESTAMP WITH TIME ZONE,
    issued_session_id  VARCHAR(36)
);
CREATE INDEX oidc_code_expires ON oidc_code (expires_at);
