-- Roles gain "reader" (sees and exports, changes nothing). SQLite changes a
-- CHECK constraint only by rebuilding the table.
CREATE TABLE users_new (
    id                  TEXT PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name                TEXT NOT NULL,
    password_hash       TEXT NOT NULL,
    role                TEXT NOT NULL CHECK (role IN ('admin', 'facilitator', 'reader')),
    active              INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    password_changed_at TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO users_new (id, email, name, password_hash, role, active, created_at)
    SELECT id, email, name, password_hash, role, active, created_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;

-- Who works on which event. Processledare and readers see only what they are
-- assigned to; administrators see everything. object_kind leaves room for
-- consultations.
CREATE TABLE assignments (
    object_kind TEXT NOT NULL CHECK (object_kind IN ('workshop', 'consultation')),
    object_id   TEXT NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    added_at    TEXT NOT NULL,
    PRIMARY KEY (object_kind, object_id, user_id)
) STRICT;
CREATE INDEX assignments_user ON assignments(user_id);
INSERT INTO assignments (object_kind, object_id, user_id, added_at)
    SELECT 'workshop', id, created_by, created_at FROM workshops WHERE created_by IS NOT NULL;

-- One-time links: an invitation to create an account, or a password reset.
-- Only the SHA-256 of the token is stored.
CREATE TABLE account_links (
    token_hash TEXT PRIMARY KEY,
    purpose    TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
    email      TEXT NOT NULL COLLATE NOCASE,
    role       TEXT NOT NULL DEFAULT '',
    user_id    TEXT REFERENCES users(id) ON DELETE CASCADE,
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT
) STRICT;

-- The audit log: who did what, when, with the state before and after.
-- Append-only: rows cannot be deleted, and the only update allowed is the
-- retention rule removing the personal content (before/after) of a purged
-- event, which leaves the fact that something happened.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    actor_id    TEXT,
    actor_name  TEXT NOT NULL,
    action      TEXT NOT NULL,
    object_kind TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    event_id    TEXT NOT NULL DEFAULT '',
    before      TEXT,
    after       TEXT,
    redacted_at TEXT
) STRICT;
CREATE INDEX audit_log_event ON audit_log(event_id, id);

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_only_redact BEFORE UPDATE ON audit_log
WHEN NOT (NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_id IS OLD.actor_id
    AND NEW.actor_name = OLD.actor_name AND NEW.action = OLD.action
    AND NEW.object_kind = OLD.object_kind AND NEW.object_id = OLD.object_id
    AND NEW.event_id = OLD.event_id AND OLD.redacted_at IS NULL
    AND NEW.before IS NULL AND NEW.after IS NULL AND NEW.redacted_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Retention: workshop input is deleted this many months after the event
-- (NULL keeps it until someone decides). purged_at records that it ran.
ALTER TABLE workshops ADD COLUMN retention_months INTEGER;
ALTER TABLE workshops ADD COLUMN purged_at TEXT;
UPDATE workshops SET retention_months = 12;

-- Feedback sent from the accessibility statement page.
CREATE TABLE accessibility_feedback (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    page       TEXT NOT NULL DEFAULT '',
    message    TEXT NOT NULL,
    contact    TEXT NOT NULL DEFAULT ''
) STRICT;
