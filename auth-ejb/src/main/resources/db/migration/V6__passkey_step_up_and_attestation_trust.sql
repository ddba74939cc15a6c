-- An add-passkey ceremony remembers the session that started it, so that its finish can refuse
-- when that session has ended in between (a sign-out, a password change, an administrator).
ALTER TABLE webauthn_ceremony ADD COLUMN session_id VARCHAR(36);

-- Whether the authenticator's attestation was verified against a trusted root at registration:
-- only then may a sign-in with this passkey claim hardware (amr "hwk"). Existing passkeys were
-- registered with attestation "none", which proves nothing.
ALTER TABLE passkey ADD COLUMN attestation_trusted BOOLEAN NOT NULL DEFAULT FALSE;
