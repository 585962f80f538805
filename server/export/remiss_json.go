package export

import (
	"encoding/json"
	"io"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
)

type jsonConsultation struct {
	ID            string                   `json:"id"`
	Title         string                   `json:"title"`
	RemittingBody string                   `json:"remittingBody"`
	Dnr           string                   `json:"dnr"`
	Deadline      time.Time                `json:"deadline"`
	State         domain.ConsultationState `json:"state"`
	Exported      time.Time                `json:"exported"`
}

type jsonSectionAnswer struct {
	Section string        `json:"section"`
	Stance  domain.Stance `json:"stance"`
	Comment string        `json:"comment"`
}

// jsonResponse is a response without its contact person and e-mail address.
type jsonResponse struct {
	Organisation string              `json:"organisation"`
	OrgNumber    string              `json:"orgNumber"`
	Invited      bool                `json:"invited"`
	Reference    string              `json:"reference"`
	Version      int                 `json:"version"`
	Submitted    time.Time           `json:"submitted"`
	Late         bool                `json:"late"`
	DecidedBy    string              `json:"decidedBy"`
	DecidedOn    string              `json:"decidedOn"`
	Summary      string              `json:"summary"`
	General      string              `json:"general"`
	Other        string              `json:"other"`
	Sections     []jsonSectionAnswer `json:"sections"`
	Attachment   string              `json:"attachment"`
}

// RemissJSON writes {"consultation", "sections", "responses", "invited"}:
// the latest version of each response, sections in the draft's order.
func RemissJSON(w io.Writer, c remiss.Compilation, now time.Time) error {
	con := c.Consultation
	doc := struct {
		Consultation jsonConsultation `json:"consultation"`
		Sections     []domain.Section `json:"sections"`
		Responses    []jsonResponse   `json:"responses"`
		Invited      []string         `json:"invited"`
	}{
		Consultation: jsonConsultation{ID: con.ID, Title: con.Title, RemittingBody: con.RemittingBody, Dnr: con.Dnr,
			Deadline: con.Deadline, State: con.State, Exported: now},
		Sections: []domain.Section{}, Responses: []jsonResponse{}, Invited: []string{},
	}
	for _, t := range c.Sections {
		doc.Sections = append(doc.Sections, t.Section)
	}
	for _, a := range c.Answered {
		v, ans := a.Version, a.Version.Answer
		jr := jsonResponse{Organisation: a.Respondent.Organisation, OrgNumber: ans.OrgNumber, Invited: a.Respondent.Invited,
			Reference: a.Respondent.Reference, Version: v.Version, Submitted: v.SubmittedAt, Late: v.Late,
			DecidedBy: ans.DecidedBy, DecidedOn: ans.DecidedOn, Summary: ans.Summary, General: ans.General, Other: ans.Other,
			Sections: []jsonSectionAnswer{}, Attachment: ans.AttachmentName}
		for _, t := range c.Sections {
			sa := ans.Sections[t.Section.ID]
			jr.Sections = append(jr.Sections, jsonSectionAnswer{Section: t.Section.ID, Stance: sa.Stance, Comment: sa.Comment})
		}
		doc.Responses = append(doc.Responses, jr)
	}
	for _, r := range c.Invited {
		doc.Invited = append(doc.Invited, r.Organisation)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
