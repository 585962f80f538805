-- Consultations (remisser): a draft in numbered sections that organisations
-- answer section by section before a deadline.
--
-- seq numbers the live changes of a consultation, as workshops.seq does.
-- deadline is an instant in UTC; it is shown in Europe/Stockholm.
CREATE TABLE consultations (
    id                TEXT PRIMARY KEY,
    title             TEXT NOT NULL,
    remitting_body    TEXT NOT NULL DEFAULT '',
    dnr               TEXT NOT NULL DEFAULT '',
    intro             TEXT NOT NULL DEFAULT '',
    deadline          TEXT NOT NULL,
    state             TEXT NOT NULL CHECK (state IN ('draft', 'open', 'closed')),
    allow_spontaneous INTEGER NOT NULL DEFAULT 1,
    public_token      TEXT NOT NULL UNIQUE,
    draft_pdf_id      TEXT REFERENCES consultation_attachments(id),
    seq               INTEGER NOT NULL DEFAULT 0,
    created_by        TEXT REFERENCES users(id),
    created_at        TEXT NOT NULL
) STRICT;

CREATE TABLE consultation_sections (
    id              TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    number          TEXT NOT NULL DEFAULT '',
    heading         TEXT NOT NULL,
    body            TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX consultation_sections_pos ON consultation_sections(consultation_id, position);

-- A respondent is an invited organisation (invited = 1) or someone who
-- started a spontaneous response through the public link (invited = 0).
-- Either way it holds the private token of its answer link. reference is
-- given at the first submission (RV-2026-0042) and kept for later versions.
CREATE TABLE consultation_respondents (
    id              TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    invited         INTEGER NOT NULL,
    organisation    TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    token           TEXT NOT NULL UNIQUE,
    opened_at       TEXT,
    reopened_at     TEXT, -- set: may answer after the deadline (marked late)
    reference       TEXT UNIQUE,
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX consultation_respondents_c ON consultation_respondents(consultation_id, created_at);

-- The latest draft of a respondent: one row, overwritten on every save.
-- rev counts saves, so a browser can tell a colleague's newer draft.
CREATE TABLE consultation_drafts (
    respondent_id TEXT PRIMARY KEY REFERENCES consultation_respondents(id) ON DELETE CASCADE,
    data          TEXT NOT NULL, -- JSON of domain.Answer
    rev           INTEGER NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

-- Submitted versions are written once and never updated or deleted: a change
-- before the deadline is a new version (archiving law outranks editing).
CREATE TABLE consultation_versions (
    respondent_id TEXT NOT NULL REFERENCES consultation_respondents(id),
    version       INTEGER NOT NULL,
    data          TEXT NOT NULL, -- JSON of domain.Answer, exactly as submitted
    submitted_at  TEXT NOT NULL,
    late          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (respondent_id, version)
) STRICT;

CREATE TRIGGER consultation_versions_immutable BEFORE UPDATE ON consultation_versions
BEGIN SELECT RAISE(ABORT, 'submitted versions are immutable'); END;
CREATE TRIGGER consultation_versions_kept BEFORE DELETE ON consultation_versions
BEGIN SELECT RAISE(ABORT, 'submitted versions are kept'); END;

-- PDF files: a respondent's attachment or the draft itself. Stored in the
-- database, so one file holds everything a backup needs and an attachment is
-- committed in the same transaction as the answer that refers to it.
CREATE TABLE consultation_attachments (
    id              TEXT PRIMARY KEY,
    consultation_id TEXT NOT NULL,
    respondent_id   TEXT, -- NULL for the consultation's own draft PDF
    filename        TEXT NOT NULL,
    size            INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    data            BLOB NOT NULL,
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX consultation_attachments_c ON consultation_attachments(consultation_id);

-- Reference numbers run per calendar year across all consultations.
CREATE TABLE consultation_references (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;
