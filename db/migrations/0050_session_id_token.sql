-- A login through the organisation's identity provider keeps the provider's
-- ID token with the session: signing out sends it back to the provider as
-- the hint for ending the provider's own session. Empty for password logins.
ALTER TABLE sessions ADD COLUMN id_token TEXT NOT NULL DEFAULT '';
