-- A table may correct or withdraw its own answer for a few minutes after
-- sending it (issue 12). original_text keeps the words it first sent when
-- it corrected them ('' when it never did); withdrawn marks an answer the
-- table took back: it is also hidden, so every view that leaves hidden
-- answers out leaves it out, and facilitators still see it, as withdrawn.
ALTER TABLE inputs ADD COLUMN original_text TEXT NOT NULL DEFAULT '';
ALTER TABLE inputs ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;
