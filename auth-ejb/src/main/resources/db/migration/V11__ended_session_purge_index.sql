-- The purge of ended sessions finds expired ones by this index (revoked ones by auth_session_revoked_at),
-- so it never scans the table however many sessions there are.
CREATE INDEX auth_session_expires ON auth_session (expires_at);
