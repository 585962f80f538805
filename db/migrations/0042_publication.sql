-- Publication of answers on the web, with the respondent's consent (the
-- answer's "publish" field), after the deadline. A publication names the
-- version published. Redactions are made by the working group on that
-- version: every occurrence of the text in the part of the answer is
-- replaced on the public page; the submitted version itself is never
-- changed (it is the record). Each redaction gives its reason.
CREATE TABLE consultation_publications (
    respondent_id TEXT PRIMARY KEY REFERENCES consultation_respondents(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    published_by  TEXT NOT NULL DEFAULT '',
    published_at  TEXT NOT NULL
) STRICT;

CREATE TABLE consultation_redactions (
    id            TEXT PRIMARY KEY,
    respondent_id TEXT NOT NULL REFERENCES consultation_respondents(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    part          TEXT NOT NULL, -- 'summary', 'general', 'other', 'decided_by', or a section id
    text          TEXT NOT NULL,
    reason        TEXT NOT NULL,
    created_by    TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX consultation_redactions_r ON consultation_redactions(respondent_id, version);
