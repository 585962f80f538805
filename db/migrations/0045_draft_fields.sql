-- Colleagues edit a draft field by field. Each field remembers the change
-- that last set it: JSON {"<field>": {"rev": N, "by": "<form id>"}}, so a
-- save made on an older revision of a field that a colleague has changed
-- since is kept apart instead of overwriting it. Drafts saved before this
-- have '{}' and count every field as changed at the draft's revision.
-- The draft is now the working copy: a submission updates it rather than
-- deleting it, so revisions keep counting up.
ALTER TABLE consultation_drafts ADD COLUMN fields TEXT NOT NULL DEFAULT '{}';
