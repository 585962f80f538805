-- Workshop templates ("mallar"): what a new workshop starts from. content is
-- JSON (questions with their kind, themes with colour and keywords, table
-- names), so a template can carry more (durations, say) without a new table.
-- Templates hold no answers and no personal data beyond who made them.
CREATE TABLE workshop_templates (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    content    TEXT NOT NULL CHECK (json_valid(content)),
    created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX workshop_templates_name ON workshop_templates(name);
