package remiss

import (
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Live is a respondent as the working group's live views see it: where the
// response stands and, once submitted, its stance on each section. Contact
// details stay out.
type Live struct {
	domain.Respondent
	Status  domain.RespondentStatus  `json:"status"`
	Stances map[string]domain.Stance `json:"stances"`
}

// LiveOf builds the live view of a respondent from its latest version (nil
// before the first submission).
func LiveOf(r domain.Respondent, v *domain.Version) Live {
	l := Live{Respondent: r, Status: r.Status(), Stances: map[string]domain.Stance{}}
	if v != nil {
		for id, s := range v.Answer.Sections {
			l.Stances[id] = s.Stance
		}
	}
	return l
}

// statusChange numbers a change to one respondent. The working group gets
// its live view; the respondent's own open forms get formPayload, if any.
func statusChange(tx *storage.Tx, consultationID, respondentID, typ string, formPayload any) (domain.Change, error) {
	r, v, err := tx.RespondentStatus(consultationID, respondentID)
	if err != nil {
		return domain.Change{}, err
	}
	seq, err := tx.NextConsultationSeq(consultationID)
	if err != nil {
		return domain.Change{}, err
	}
	ch := domain.Change{Topic: domain.ConsultationTopic(consultationID), Seq: seq, Type: typ, Audience: domain.ToStaff, Payload: LiveOf(r, v)}
	if formPayload != nil {
		ch.Audience, ch.Member, ch.MemberPayload = domain.ToMember, respondentID, formPayload
	}
	return ch, nil
}
