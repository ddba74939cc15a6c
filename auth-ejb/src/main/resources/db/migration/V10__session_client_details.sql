-- What an administrator sees of an open session: when it began, when its tokens were last issued
-- (its sign-in or its latest refresh), and the client address and user agent of that request.
-- Sessions opened before this migration keep these empty. Written for both PostgreSQL and H2.
ALTER TABLE auth_session ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE auth_session ADD COLUMN last_refreshed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE auth_session ADD COLUMN client_ip VARCHAR(64);
ALTER TABLE auth_session ADD COLUMN user_agent VARCHAR(256);
