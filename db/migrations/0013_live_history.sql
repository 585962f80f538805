-- Every live change stream (a workshop's, a consultation's) lives on a
-- timeline, its epoch. A client resumes only on the timeline it followed;
-- the epoch changes when history is rewritten (a backup copy gets new ones,
-- so a restored database never hands out the same numbers twice on one
-- timeline; a retention purge deletes input without telling anyone).
ALTER TABLE workshops ADD COLUMN epoch TEXT NOT NULL DEFAULT '';
ALTER TABLE consultations ADD COLUMN epoch TEXT NOT NULL DEFAULT '';
UPDATE workshops SET epoch = lower(hex(randomblob(8)));
UPDATE consultations SET epoch = lower(hex(randomblob(8)));

-- The number of the latest change to each object a workshop's clients see,
-- so that a client that reconnects, also after a restart, is sent what
-- changed since it left straight from the rows (inputs have theirs already).
ALTER TABLE workshops ADD COLUMN changed_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE questions ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE themes ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tables ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;

-- A removed theme leaves its number behind for clients that still show it.
CREATE TABLE removed_themes (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    theme_id    TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, theme_id)
) STRICT, WITHOUT ROWID;

-- The theme the phone chose when it sent an input ('' for none), kept apart
-- from where facilitators have put it since, so that a resend with the same
-- id can be told from a different answer under a reused id. For input sent
-- before this was kept, where it is now is the best guess.
ALTER TABLE inputs ADD COLUMN chosen_theme TEXT NOT NULL DEFAULT '';
UPDATE inputs SET chosen_theme = theme_id WHERE theme_id NOT IN (SELECT id FROM themes WHERE parking = 1);
