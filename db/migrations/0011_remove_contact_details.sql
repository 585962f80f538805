-- A respondent may ask for their personal contact details to be removed
-- (GDPR art. 17) while the response itself, a public record, is kept. A
-- submitted version may therefore change in exactly one way, once: its
-- contact person and e-mail become empty, and the removal is dated.
ALTER TABLE consultation_versions ADD COLUMN contact_removed_at TEXT;

DROP TRIGGER consultation_versions_immutable;
CREATE TRIGGER consultation_versions_immutable BEFORE UPDATE ON consultation_versions
WHEN NOT (NEW.respondent_id = OLD.respondent_id AND NEW.version = OLD.version
    AND NEW.submitted_at = OLD.submitted_at AND NEW.late = OLD.late
    AND OLD.contact_removed_at IS NULL AND NEW.contact_removed_at IS NOT NULL
    AND NEW.data = json_set(OLD.data, '$.contact', '', '$.email', ''))
BEGIN SELECT RAISE(ABORT, 'submitted versions are immutable'); END;
