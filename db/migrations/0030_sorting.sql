-- Sorting with the facilitator (issue 9).
--
-- A theme's keywords (one per line) teach the suggestions what it is about;
-- preset theme sets get a shipped list. Its summary is one line a
-- facilitator writes, shown on the projector and in exports.
ALTER TABLE themes ADD COLUMN keywords TEXT NOT NULL DEFAULT '';
ALTER TABLE themes ADD COLUMN summary TEXT NOT NULL DEFAULT '';

-- "Sortera automatiskt när förslaget är säkert": off unless a facilitator
-- turns it on.
ALTER TABLE workshops ADD COLUMN auto_sort INTEGER NOT NULL DEFAULT 0;

-- The theme suggested for an input when it arrived (or when the themes
-- changed since), how sure the suggestion is (0–1), the words that led to
-- it (one per line), and who put the input where it is: '' nobody (it
-- waits in the parking lot to be sorted), 'phone' the table chose the
-- theme, 'person' a facilitator moved or accepted it, 'auto' the automatic
-- setting placed it.
ALTER TABLE inputs ADD COLUMN suggested_theme TEXT NOT NULL DEFAULT '';
ALTER TABLE inputs ADD COLUMN suggestion_confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE inputs ADD COLUMN suggestion_words TEXT NOT NULL DEFAULT '';
ALTER TABLE inputs ADD COLUMN placed_by TEXT NOT NULL DEFAULT ''
    CHECK (placed_by IN ('', 'phone', 'person', 'auto'));

-- Input sent before this was kept: where it is tells who put it there.
UPDATE inputs SET placed_by = CASE
    WHEN chosen_theme <> '' AND chosen_theme = theme_id THEN 'phone'
    WHEN chosen_theme = '' AND theme_id IN (SELECT id FROM themes WHERE parking = 1) THEN ''
    ELSE 'person' END;
