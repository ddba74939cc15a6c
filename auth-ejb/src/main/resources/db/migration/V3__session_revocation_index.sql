-- Every node polls recent revocations every few seconds.
CREATE INDEX auth_session_revoked_at ON auth_session (revoked_at);
