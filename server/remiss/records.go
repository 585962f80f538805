package remiss

import (
	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// SetThemeWorkshop chooses the workshop whose themes the consultation's
// comments are tagged with ("" for none); tags with another workshop's
// themes are dropped. Whether the user may see that workshop is checked by
// the caller, which knows the user.
type SetThemeWorkshop struct {
	ConsultationID string
	WorkshopID     string
}

func (c *SetThemeWorkshop) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if _, err := tx.Consultation(c.ConsultationID); err != nil {
		return nil, err
	}
	if c.WorkshopID != "" {
		if _, err := tx.Workshop(c.WorkshopID); err != nil {
			return nil, err
		}
	}
	return nil, tx.SetThemeWorkshop(c.ConsultationID, c.WorkshopID)
}

func (c *SetThemeWorkshop) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "consultation.theme_workshop", Kind: domain.KindConsultation, ObjectID: c.ConsultationID,
		EventID: c.ConsultationID}, nil
}

func (c *SetThemeWorkshop) AuditAfter(*storage.Tx) any {
	return map[string]string{"workshop": c.WorkshopID}
}

// TagComment gives one respondent's comment on a section a theme of the
// consultation's theme workshop; an empty theme removes the tag.
type TagComment struct {
	ConsultationID, RespondentID, SectionID, ThemeID string
}

func (c *TagComment) Apply(tx *storage.Tx) ([]domain.Change, error) {
	ok, err := tx.CommentExists(c.ConsultationID, c.RespondentID, c.SectionID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, domain.Errorf(domain.KindNotFound, "remiss_respondent_not_found")
	}
	if c.ThemeID != "" {
		if ok, err = tx.IsThemeOfThemeWorkshop(c.ConsultationID, c.ThemeID); err != nil {
			return nil, err
		}
		if !ok {
			return nil, domain.Errorf(domain.KindNotFound, "theme_not_found")
		}
	}
	return nil, tx.TagComment(c.RespondentID, c.SectionID, c.ThemeID)
}

func (c *TagComment) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "consultation.tag", Kind: "respondent", ObjectID: c.RespondentID, EventID: c.ConsultationID}, nil
}

func (c *TagComment) AuditAfter(*storage.Tx) any {
	return map[string]string{"section": c.SectionID, "theme": c.ThemeID}
}

// RemoveContactDetails blanks a respondent's contact person and e-mail in
// every submitted version, the draft, the invitation and the e-mail outbox,
// on the contact person's request (GDPR art. 17). The response itself is a
// public record and stays; the log records that the removal happened, not
// what was removed.
type RemoveContactDetails struct {
	ConsultationID, RespondentID string

	versions int64
}

func (c *RemoveContactDetails) Apply(tx *storage.Tx) ([]domain.Change, error) {
	var err error
	c.versions, err = tx.RemoveContactDetails(c.ConsultationID, c.RespondentID)
	return nil, err
}

func (c *RemoveContactDetails) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "consultation.contact_removed", Kind: "respondent", ObjectID: c.RespondentID,
		EventID: c.ConsultationID}, nil
}

func (c *RemoveContactDetails) AuditAfter(*storage.Tx) any {
	return map[string]int64{"versions": c.versions}
}
