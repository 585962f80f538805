package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

// RemoveContactDetails blanks a respondent's contact person and e-mail in
// every submitted version, in the draft, in the invitation and in the
// e-mail outbox, on the respondent's request. The response itself is a
// public record and stays; the audit log records that the removal
// happened, not what was removed.
func (s *Store) RemoveContactDetails(ctx context.Context, consultationID, respondentID string, by domain.Actor) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		res, err := q.ExecContext(ctx, `UPDATE consultation_respondents SET email = '' WHERE id = ? AND consultation_id = ?`,
			respondentID, consultationID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errorf(domain.KindNotFound, "remiss_respondent_not_found")
		}
		versions, err := q.ExecContext(ctx, `UPDATE consultation_versions SET data = json_set(data, '$.contact', '', '$.email', ''),
			contact_removed_at = ? WHERE respondent_id = ? AND contact_removed_at IS NULL`, formatTime(now), respondentID)
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, `UPDATE consultation_drafts SET data = json_set(data, '$.contact', '', '$.email', '')
			WHERE respondent_id = ?`, respondentID); err != nil {
			return err
		}
		// The outbox keeps addresses too: forget them, and do not send
		// what still waits.
		if _, err := q.ExecContext(ctx, `UPDATE mail_outbox SET recipient = '',
			last_error = CASE WHEN state IN ('queued', 'uncertain') THEN 'contact details removed' ELSE last_error END,
			state = CASE WHEN state IN ('queued', 'uncertain') THEN 'failed' ELSE state END
			WHERE respondent_id = ?`, respondentID); err != nil {
			return err
		}
		n, _ := versions.RowsAffected()
		return appendAudit(ctx, q, now, domain.AuditEntry{Actor: by, Action: "consultation.contact_removed",
			ObjectKind: "respondent", ObjectID: respondentID, EventID: consultationID,
			After: fmt.Sprintf(`{"versions":%d}`, n)})
	})
}
