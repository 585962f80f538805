package remiss

import (
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Invitee is one line of the invitation list.
type Invitee struct {
	Organisation string
	Email        string
	Lang         string // language of the e-mail sent to it: "sv", "en", or "" for Swedish
	Line         int    // where it stood in a pasted list (0: typed in the form)
}

// Invite adds organisations to the invitation list, each with its own
// private answer link. All or nothing: one bad line adds none.
type Invite struct {
	ConsultationID string
	List           []Invitee

	Added []domain.Respondent // set by Apply
}

func (in *Invite) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if _, err := tx.Consultation(in.ConsultationID); err != nil {
		return nil, err
	}
	n, err := tx.CountRespondents(in.ConsultationID, true)
	if err != nil {
		return nil, err
	}
	if n+len(in.List) > domain.MaxRespondents {
		return nil, domain.Errorf(domain.KindInvalid, "remiss_too_many_invitees", "max", domain.MaxRespondents)
	}
	in.Added = in.Added[:0]
	var changes []domain.Change
	for _, inv := range in.List {
		org, email, err := checkInvitee(tx, in.ConsultationID, inv)
		if err != nil {
			return nil, atLine(err, inv.Line)
		}
		token, err := uniqueToken(tx.TokenTaken)
		if err != nil {
			return nil, err
		}
		r := domain.Respondent{ID: newID(), ConsultationID: in.ConsultationID, Invited: true, Organisation: org,
			Email: email, Lang: inv.Lang, Token: token, CreatedAt: tx.Now()}
		if err := tx.InsertRespondent(r); err != nil {
			return nil, err
		}
		ch, err := statusChange(tx, in.ConsultationID, r.ID, "respondent", nil)
		if err != nil {
			return nil, err
		}
		in.Added = append(in.Added, r)
		changes = append(changes, ch)
	}
	return changes, nil
}

// EmptyStartKept is how long a start through the public link waits for its
// first draft or answer before it is removed (by the next start). Such
// starts count against their own cap, MaxSpontaneous, never against the
// invitation list's.
const EmptyStartKept = 24 * time.Hour

// StartSpontaneous gives someone who came by the public link a private link
// of their own, so that they can save a draft and come back to it.
type StartSpontaneous struct {
	ConsultationID string

	Token string // set by Apply
}

func (s *StartSpontaneous) Apply(tx *storage.Tx) ([]domain.Change, error) {
	con, err := tx.Consultation(s.ConsultationID)
	if err != nil {
		return nil, err
	}
	if _, err := AcceptsAnswers(con, domain.Respondent{}, tx.Now()); err != nil {
		return nil, err
	}
	if err := tx.DeleteEmptySpontaneous(s.ConsultationID, tx.Now().Add(-EmptyStartKept)); err != nil {
		return nil, err
	}
	n, err := tx.CountRespondents(s.ConsultationID, false)
	if err != nil {
		return nil, err
	}
	if n >= domain.MaxSpontaneous {
		return nil, domain.Errorf(domain.KindConflict, "remiss_too_many_spontaneous", "max", domain.MaxSpontaneous)
	}
	token, err := uniqueToken(tx.TokenTaken)
	if err != nil {
		return nil, err
	}
	r := domain.Respondent{ID: newID(), ConsultationID: s.ConsultationID, Token: token}
	if err := tx.InsertRespondent(r); err != nil {
		return nil, err
	}
	if _, err := tx.MarkOpened(r.ID); err != nil {
		return nil, err
	}
	s.Token = token
	return nil, nil // not on the list until it has a draft or an answer
}

// MarkOpened records that a private link was opened, once.
type MarkOpened struct {
	ConsultationID string
	RespondentID   string
}

func (m *MarkOpened) Apply(tx *storage.Tx) ([]domain.Change, error) {
	first, err := tx.MarkOpened(m.RespondentID)
	if err != nil || !first {
		return nil, err
	}
	ch, err := statusChange(tx, m.ConsultationID, m.RespondentID, "respondent", nil)
	if err != nil {
		return nil, err
	}
	return []domain.Change{ch}, nil
}

// Reopen lets one respondent answer after the deadline (or takes that back).
// What it submits then is marked late.
type Reopen struct {
	ConsultationID string
	RespondentID   string
	Reopen         bool
}

func (r *Reopen) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if _, err := tx.Respondent(r.ConsultationID, r.RespondentID); err != nil {
		return nil, err
	}
	if err := tx.SetReopened(r.RespondentID, r.Reopen); err != nil {
		return nil, err
	}
	ch, err := statusChange(tx, r.ConsultationID, r.RespondentID, "respondent", nil)
	if err != nil {
		return nil, err
	}
	return []domain.Change{ch}, nil
}

// RemoveSpontaneous lets the working group remove a spontaneous respondent
// that has not sent an answer (spam through the public link). A submitted
// response is a public record and is never removed; invitees are the
// working group's own list.
type RemoveSpontaneous struct {
	ConsultationID string
	RespondentID   string

	Removed domain.Respondent // set by Apply, for the audit log
}

func (r *RemoveSpontaneous) Apply(tx *storage.Tx) ([]domain.Change, error) {
	resp, err := tx.Respondent(r.ConsultationID, r.RespondentID)
	if err != nil {
		return nil, err
	}
	switch {
	case resp.Invited:
		return nil, domain.Errorf(domain.KindConflict, "remiss_remove_invited")
	case resp.Version > 0:
		return nil, domain.Errorf(domain.KindConflict, "remiss_remove_submitted")
	}
	if err := tx.DeleteRespondent(resp.ID); err != nil {
		return nil, err
	}
	resp.Token = "" // the link is gone; the audit log need not keep it
	r.Removed = resp
	return nil, nil
}

func (r *RemoveSpontaneous) AuditAfter(*storage.Tx) any { return r.Removed }
