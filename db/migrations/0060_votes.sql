-- Prioritising (prickröstning, issue 12).
--
-- A facilitator opens a vote on a question, a theme or the whole workshop.
-- The answers to vote on are fixed when it opens (the wall as it stood then:
-- visible, not merged into another), with the text shown at that moment, so
-- every table votes on the same list and a closed vote keeps what it was.
-- Each table has `dots` dots and may give one answer at most `per_answer`.
-- Only one vote of a workshop is open at a time.
CREATE TABLE votes (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    scope       TEXT NOT NULL CHECK (scope IN ('workshop', 'question', 'theme')),
    scope_id    TEXT NOT NULL DEFAULT '',
    dots        INTEGER NOT NULL CHECK (dots BETWEEN 1 AND 20),
    per_answer  INTEGER NOT NULL CHECK (per_answer BETWEEN 1 AND dots),
    state       TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    shown       INTEGER NOT NULL DEFAULT 0, -- results shown to phones and the projector
    opened_at   TEXT NOT NULL,
    closed_at   TEXT NOT NULL DEFAULT '',
    seq         INTEGER NOT NULL DEFAULT 0, -- latest change of the vote itself
    results_seq INTEGER NOT NULL DEFAULT 0  -- latest change of its results
) STRICT;
CREATE INDEX votes_workshop ON votes(workshop_id, opened_at);
CREATE UNIQUE INDEX votes_one_open ON votes(workshop_id) WHERE state = 'open';

CREATE TABLE vote_candidates (
    vote_id  TEXT NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    input_id TEXT NOT NULL REFERENCES inputs(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (vote_id, input_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX vote_candidates_input ON vote_candidates(input_id);

-- A table's dots on one answer.
CREATE TABLE vote_dots (
    vote_id  TEXT NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    input_id TEXT NOT NULL REFERENCES inputs(id) ON DELETE CASCADE,
    dots     INTEGER NOT NULL CHECK (dots >= 0),
    PRIMARY KEY (vote_id, table_id, input_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX vote_dots_input ON vote_dots(input_id);

-- The number of each table's latest change to its dots, for clients that resume.
CREATE TABLE vote_tables (
    vote_id  TEXT NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    table_id TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    PRIMARY KEY (vote_id, table_id)
) STRICT, WITHOUT ROWID;

-- Every dot a phone gave or took back, under the phone's own id, so that a
-- resend is recognised and counted once.
CREATE TABLE vote_moves (
    id         TEXT PRIMARY KEY,
    vote_id    TEXT NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    table_id   TEXT NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
    input_id   TEXT NOT NULL REFERENCES inputs(id) ON DELETE CASCADE,
    delta      INTEGER NOT NULL CHECK (delta IN (-1, 1)),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX vote_moves_vote ON vote_moves(vote_id);
CREATE INDEX vote_moves_input ON vote_moves(input_id);
