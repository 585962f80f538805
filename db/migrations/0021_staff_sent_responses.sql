-- A response sent from a logged-in staff member's browser (through an
-- organisation's private link) is recorded as such: sent_by names the user
-- as the audit log does. Empty for respondents. It is part of the record
-- and, like the rest of a version, never changes.
ALTER TABLE consultation_versions ADD COLUMN sent_by TEXT NOT NULL DEFAULT '';

DROP TRIGGER consultation_versions_immutable;
CREATE TRIGGER consultation_versions_immutable BEFORE UPDATE ON consultation_versions
WHEN NOT (NEW.respondent_id = OLD.respondent_id AND NEW.version = OLD.version
    AND NEW.submitted_at = OLD.submitted_at AND NEW.late = OLD.late AND NEW.sent_by = OLD.sent_by
    AND OLD.contact_removed_at IS NULL AND NEW.contact_removed_at IS NOT NULL
    AND NEW.data = json_set(OLD.data, '$.contact', '', '$.email', ''))
BEGIN SELECT RAISE(ABORT, 'submitted versions are immutable'); END;
