-- Time boxes and World Café rounds (issue 12).
--
-- A question's time box: how long it runs once opened (seconds, 0 for no
-- time box), whether it closes by itself when the time is out, and while it
-- runs the moment it runs out (milliseconds since 1970 on the server's
-- clock; NULL when none runs).
ALTER TABLE questions ADD COLUMN duration_seconds INTEGER NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0);
ALTER TABLE questions ADD COLUMN auto_close INTEGER NOT NULL DEFAULT 0;
ALTER TABLE questions ADD COLUMN deadline_ms INTEGER;
-- The server looks for time boxes to close at start and whenever one is set.
CREATE INDEX questions_deadline ON questions (deadline_ms) WHERE deadline_ms IS NOT NULL AND auto_close = 1;

-- World Café rounds: the themes the tables rotate through, in order, and the
-- round now running (0: no rounds). Each table's current theme is kept on
-- the table, so its phones get it with the table and resume it like any
-- change of their table.
CREATE TABLE workshop_rounds (
    workshop_id TEXT PRIMARY KEY REFERENCES workshops (id) ON DELETE CASCADE,
    themes TEXT NOT NULL,
    round INTEGER NOT NULL DEFAULT 0
) STRICT;
ALTER TABLE tables ADD COLUMN round INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tables ADD COLUMN round_theme TEXT NOT NULL DEFAULT '';
