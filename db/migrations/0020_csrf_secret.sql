-- CSRF tokens are now signed (double-submit cookie) instead of stored: the
-- kv table held one row per anonymous form view. What is left is the key
-- that signs them, kept here so that a restart keeps open forms valid.
DROP TABLE kv;

CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;
