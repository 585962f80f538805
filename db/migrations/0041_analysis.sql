-- The working group's analysis of the answers (arbetsgruppens bearbetning).
--
-- A note per respondent and part of its answer: the working group's comment
-- ("Arbetsgruppens kommentar") and what it does with the view ("Åtgärd":
-- beaktas, beaktas delvis, beaktas ej, ingen åtgärd; '' not yet decided).
-- part is a section id, or 'summary', 'general' or 'other' for the
-- respondent's summary, general and other views. version is the version of
-- the answer the note was written on: a later version makes it stale.
CREATE TABLE consultation_notes (
    respondent_id TEXT NOT NULL REFERENCES consultation_respondents(id) ON DELETE CASCADE,
    part          TEXT NOT NULL,
    version       INTEGER NOT NULL,
    comment       TEXT NOT NULL DEFAULT '',
    action        TEXT NOT NULL DEFAULT '' CHECK (action IN ('', 'adopted', 'partly', 'rejected', 'none')),
    updated_by    TEXT NOT NULL DEFAULT '', -- the name of who wrote it last
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (respondent_id, part)
) STRICT;

-- The working group's summaries: part 'overall' for the whole consultation,
-- or a section id for one section.
CREATE TABLE consultation_summaries (
    consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
    part            TEXT NOT NULL,
    text            TEXT NOT NULL,
    updated_by      TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (consultation_id, part)
) STRICT;
