package remiss

import (
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
	n, err := tx.CountRespondents(in.ConsultationID)
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
	n, err := tx.CountRespondents(s.ConsultationID)
	if err != nil {
		return nil, err
	}
	if n >= domain.MaxRespondents {
		return nil, domain.Errorf(domain.KindConflict, "remiss_too_many_invitees", "max", domain.MaxRespondents)
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
