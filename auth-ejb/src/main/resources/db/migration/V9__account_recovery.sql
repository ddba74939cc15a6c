-- Account recovery: a person's own single-use recovery codes (kind SET, ten at a time) and an
-- administrator's one-time code (kind ADMIN, with an expiry and who issued it). Only a random
-- salt and a keyed hash of each code are kept, never the code. A code is spent by stamping
-- used_at with a conditional update. Written for both PostgreSQL and H2.
CREATE TABLE recovery_code (
    id         VARCHAR(36) NOT NULL PRIMARY KEY,
    account_id VARCHAR(36) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    kind       VARCHAR(16) NOT NULL,
    salt       VARCHAR(32) NOT NULL,
    code_hash  VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    used_at    TIMESTAMP WITH TIME ZONE,
    issued_by  VARCHAR(64)
);
CREATE INDEX recovery_code_account ON recovery_code (account_id);
