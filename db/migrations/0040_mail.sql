-- E-mail (optional, when SMTP is configured): invitations, receipts,
-- reminders and a daily digest for consultations; invitations and password
-- resets for staff.
--
-- The language each recipient reads: an invited organisation's is chosen
-- when it is invited; a staff member's is the one they last logged in with.
ALTER TABLE consultation_respondents ADD COLUMN lang TEXT NOT NULL DEFAULT 'sv';
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT 'sv';

-- Per consultation: remind those who have not answered this many days
-- before the deadline (0: no reminder); send the working group a daily
-- digest of new answers. opened_at: when it was first opened for answers.
ALTER TABLE consultations ADD COLUMN reminder_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE consultations ADD COLUMN digest INTEGER NOT NULL DEFAULT 1;
ALTER TABLE consultations ADD COLUMN opened_at TEXT;

-- Every message is queued here in the transaction of what caused it, and
-- sent by a background worker: queued → sending → sent, or back to queued
-- with a later next_at (temporary failures, back-off), or failed (refused
-- for good, or too many tries). A message found in 'sending' after a crash
-- may or may not have gone out: it becomes 'uncertain' and waits for a
-- person to resend it, so that nothing is sent twice by the server itself.
--
-- The text is built when the message is sent, from what params name (a
-- version number, a staff link's token); a token is erased once the
-- message has left or failed. dedupe keeps reminders and digests to one per
-- respondent and deadline, and per user and day.
CREATE TABLE mail_outbox (
    id              TEXT PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('invitation', 'receipt', 'reminder', 'digest', 'staff_invite', 'password_reset')),
    consultation_id TEXT REFERENCES consultations(id) ON DELETE CASCADE,
    respondent_id   TEXT REFERENCES consultation_respondents(id) ON DELETE CASCADE,
    user_id         TEXT REFERENCES users(id),
    recipient       TEXT NOT NULL,
    lang            TEXT NOT NULL,
    params          TEXT NOT NULL DEFAULT '{}',
    dedupe          TEXT UNIQUE,
    state           TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'uncertain')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_at         TEXT NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    sent_at         TEXT
) STRICT;
CREATE INDEX mail_outbox_due ON mail_outbox(state, next_at);
CREATE INDEX mail_outbox_consultation ON mail_outbox(consultation_id, created_at);
CREATE INDEX mail_outbox_respondent ON mail_outbox(respondent_id, created_at);
