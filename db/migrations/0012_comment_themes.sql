-- A consultation may borrow the themes of a workshop, so that remiss comments
-- and workshop input on the same theme can be read together.
ALTER TABLE consultations ADD COLUMN theme_workshop_id TEXT REFERENCES workshops(id) ON DELETE SET NULL;

-- The theme a working group gave one respondent's comment on one section.
CREATE TABLE consultation_comment_themes (
    respondent_id TEXT NOT NULL REFERENCES consultation_respondents(id) ON DELETE CASCADE,
    section_id    TEXT NOT NULL REFERENCES consultation_sections(id) ON DELETE CASCADE,
    theme_id      TEXT NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    tagged_at     TEXT NOT NULL,
    PRIMARY KEY (respondent_id, section_id)
) STRICT;
CREATE INDEX consultation_comment_themes_theme ON consultation_comment_themes(theme_id);
