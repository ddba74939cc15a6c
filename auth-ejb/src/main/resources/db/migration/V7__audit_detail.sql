-- What an event was about beyond its account: the groups before and after a change, the
-- administrator call that was refused, the keyed hash of a username that names no account. A small
-- JSON object; never a password, never raw client input. Written for both PostgreSQL and H2.
ALTER TABLE audit_event ADD COLUMN detail VARCHAR(16000);
