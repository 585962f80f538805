-- A phone coming back after a restart asks for what changed at its table
-- since the last change it saw (seq). Ordered by created_at, that read
-- walked every input of the table to find the few that changed; with 10,000
-- phones reconnecting at once it was most of the server's work. Replacing
-- the index rather than adding one keeps the cost of each new answer as it
-- was (a second index on the table made 4,000 answers a second fall behind).
-- A change to an answer (a move, an edit, a new suggestion) now also moves
-- its entry in this index, as its seq changes; those come at the pace of
-- facilitators and of Resuggest batches of at most 200, not of phones.
DROP INDEX inputs_table;
CREATE INDEX inputs_table_seq ON inputs(table_id, seq);
