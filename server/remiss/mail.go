package remiss

import (
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/storage"
)

// E-mail about a consultation is queued in the outbox by the commands here,
// in the same transaction as what causes it; the mail worker sends it
// (server/mail). Commands queue mail only when told to, which the web layer
// does only when SMTP is configured.

// DigestHour is the hour (Stockholm time) from which the day's digest of
// new answers goes out; it covers the days before, up to midnight.
const DigestHour = 7

// queueInvitation queues an invitation to one invited respondent with an
// address. again: even if one has been sent before.
func queueInvitation(tx *storage.Tx, r domain.Respondent, again bool) (bool, error) {
	if !r.Invited || r.Email == "" {
		return false, nil
	}
	if !again {
		if queued, err := tx.InvitationQueued(r.ID); err != nil || queued {
			return false, err
		}
	}
	return tx.QueueMail(domain.Mail{Kind: domain.MailInvitation, ConsultationID: r.ConsultationID, RespondentID: r.ID,
		Recipient: r.Email, Lang: r.Lang})
}

// queueInvitations invites, by e-mail, everyone on the list who has not
// been invited that way yet.
func queueInvitations(tx *storage.Tx, consultationID string) (int, error) {
	list, err := tx.Respondents(consultationID)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range list {
		added, err := queueInvitation(tx, r, false)
		if err != nil {
			return n, err
		}
		if added {
			n++
		}
	}
	return n, nil
}

// SendInvitations e-mails the private links: to one respondent (again, if
// asked), or to everyone on the list who has not had one. The consultation
// must be open: the links do not work before.
type SendInvitations struct {
	ConsultationID string
	RespondentID   string // "" for everyone not yet invited by e-mail

	Queued int // set by Apply
}

func (s *SendInvitations) Apply(tx *storage.Tx) ([]domain.Change, error) {
	con, err := tx.Consultation(s.ConsultationID)
	if err != nil {
		return nil, err
	}
	if con.State != domain.ConsultationOpen {
		return nil, domain.Errorf(domain.KindConflict, "remiss_invite_not_open")
	}
	if s.RespondentID == "" {
		s.Queued, err = queueInvitations(tx, con.ID)
		return nil, err
	}
	r, err := tx.Respondent(con.ID, s.RespondentID)
	if err != nil {
		return nil, err
	}
	if !r.Invited || r.Email == "" {
		return nil, domain.Errorf(domain.KindInvalid, "remiss_invite_no_email")
	}
	added, err := queueInvitation(tx, r, true)
	if added {
		s.Queued = 1
	}
	return nil, err
}

// SetMailSettings chooses when reminders go out (days before the deadline,
// 0 for none) and whether the working group gets a daily digest.
type SetMailSettings struct {
	ConsultationID string
	ReminderDays   int
	Digest         bool
}

func (m *SetMailSettings) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if m.ReminderDays < 0 || m.ReminderDays > domain.MaxReminderDays {
		return nil, domain.Errorf(domain.KindInvalid, "remiss_reminder_days", "max", domain.MaxReminderDays)
	}
	if _, err := tx.Consultation(m.ConsultationID); err != nil {
		return nil, err
	}
	return nil, tx.SetMailSettings(m.ConsultationID, m.ReminderDays, m.Digest)
}

// ResendMail queues again a message that failed or whose sending was
// interrupted: a person has decided that it should go (again).
type ResendMail struct {
	ConsultationID string
	MailID         string
}

func (r *ResendMail) Apply(tx *storage.Tx) ([]domain.Change, error) {
	_, err := tx.RequeueMail(r.ConsultationID, r.MailID)
	return nil, err
}

// QueueReminders queues a reminder to every invited organisation with an
// address that has not answered, once its consultation's reminder time
// has come (ReminderDays before the deadline). One reminder per
// organisation and deadline: a deadline that is moved gets a new one.
type QueueReminders struct {
	Queued int // set by Apply
}

func (q *QueueReminders) Apply(tx *storage.Tx) ([]domain.Change, error) {
	q.Queued = 0
	open, err := tx.ConsultationsIn(domain.ConsultationOpen)
	if err != nil {
		return nil, err
	}
	now := tx.Now()
	for _, con := range open {
		if con.ReminderDays == 0 || con.DeadlinePassed(now) || now.Before(con.Deadline.AddDate(0, 0, -con.ReminderDays)) {
			continue
		}
		list, err := tx.Respondents(con.ID)
		if err != nil {
			return nil, err
		}
		for _, r := range list {
			if !r.Invited || r.Email == "" || r.Version > 0 {
				continue
			}
			added, err := tx.QueueMail(domain.Mail{Kind: domain.MailReminder, ConsultationID: con.ID, RespondentID: r.ID,
				Recipient: r.Email, Lang: r.Lang, Params: domain.MailParams{Deadline: con.Deadline.UTC()},
				Dedupe: "reminder:" + r.ID + ":" + con.Deadline.UTC().Format(time.RFC3339)})
			if err != nil {
				return nil, err
			}
			if added {
				q.Queued++
			}
		}
	}
	return nil, nil
}

// QueueDigests queues, from DigestHour each day, a digest of the answers
// that came in since the last one, up to midnight, to everyone with access
// to a consultation that has digests on. No answers, no digest.
type QueueDigests struct {
	Queued int // set by Apply
}

func (q *QueueDigests) Apply(tx *storage.Tx) ([]domain.Change, error) {
	q.Queued = 0
	local := tx.Now().In(i18n.Stockholm)
	if local.Hour() < DigestHour {
		return nil, nil
	}
	until := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, i18n.Stockholm).UTC()
	var all []domain.Consultation
	for _, state := range []domain.ConsultationState{domain.ConsultationOpen, domain.ConsultationClosed} {
		list, err := tx.ConsultationsIn(state)
		if err != nil {
			return nil, err
		}
		all = append(all, list...)
	}
	for _, con := range all {
		if !con.Digest {
			continue
		}
		users, err := tx.AssignedUsers(domain.KindConsultation, con.ID)
		if err != nil {
			return nil, err
		}
		for _, u := range users {
			since, err := tx.LastDigestUntil(con.ID, u.ID)
			if err != nil {
				return nil, err
			}
			if since.IsZero() {
				since = con.CreatedAt
			}
			if !u.Active || !since.Before(until) {
				continue
			}
			subs, err := tx.SubmittedBetween(con.ID, since, until)
			if err != nil {
				return nil, err
			}
			if len(subs) == 0 {
				continue
			}
			added, err := tx.QueueMail(domain.Mail{Kind: domain.MailDigest, ConsultationID: con.ID, UserID: u.ID,
				Recipient: u.Email, Lang: u.Lang, Params: domain.MailParams{Since: since.UTC(), Until: until},
				Dedupe: "digest:" + con.ID + ":" + u.ID + ":" + local.Format("2006-01-02")})
			if err != nil {
				return nil, err
			}
			if added {
				q.Queued++
			}
		}
	}
	return nil, nil
}
