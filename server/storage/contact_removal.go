package storage

import (
	"github.com/samrad-se/samrad/server/domain"
)

// RemoveContactDetails blanks a respondent's contact person and e-mail in
// every submitted version, in the draft, in the invitation and in the e-mail
// outbox (where what still waits is not sent). It returns how many submitted
// versions were changed.
func (tx *Tx) RemoveContactDetails(consultationID, respondentID string) (int64, error) {
	res, err := tx.q.ExecContext(tx.ctx, `UPDATE consultation_respondents SET email = '' WHERE id = ? AND consultation_id = ?`,
		respondentID, consultationID)
	if err != nil {
		return 0, translate(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return 0, domain.Errorf(domain.KindNotFound, "remiss_respondent_not_found")
	}
	versions, err := tx.q.ExecContext(tx.ctx, `UPDATE consultation_versions SET data = json_set(data, '$.contact', '', '$.email', ''),
		contact_removed_at = ? WHERE respondent_id = ? AND contact_removed_at IS NULL`, formatTime(tx.now), respondentID)
	if err != nil {
		return 0, translate(err)
	}
	if _, err := tx.q.ExecContext(tx.ctx, `UPDATE consultation_drafts SET data = json_set(data, '$.contact', '', '$.email', '')
		WHERE respondent_id = ?`, respondentID); err != nil {
		return 0, translate(err)
	}
	if _, err := tx.q.ExecContext(tx.ctx, `UPDATE mail_outbox SET recipient = '',
		last_error = CASE WHEN state IN ('queued', 'uncertain') THEN 'contact details removed' ELSE last_error END,
		state = CASE WHEN state IN ('queued', 'uncertain') THEN 'failed' ELSE state END
		WHERE respondent_id = ?`, respondentID); err != nil {
		return 0, translate(err)
	}
	n, _ := versions.RowsAffected()
	return n, nil
}
