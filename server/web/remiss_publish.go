package web

// Publication of answers on the web. The working group chooses, after the
// deadline, which answers to publish among those whose respondents said
// yes, reviews each as the public will see it, and removes text with a
// reason (audited; the submitted answer is kept as it was). The public page
// per consultation lists the published answers; each has a page of its own,
// styled for print, which the browser saves as a PDF.
//
// Why a print page rather than PDFs made on the server: the Go PDF
// libraries write untagged PDFs, which screen readers cannot follow and
// which would not meet EN 301 549 for documents; a browser's "Save as PDF"
// of a well-structured HTML page gives a tagged PDF with the page's
// headings, lists and language, and the HTML page itself is accessible.

import (
	"sort"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/remiss"
)

// publishRow is one answer on the working group's publication page.
type publishRow struct {
	A         remiss.Answered
	Published *domain.Publication
}

func (s *Server) publishPage(c *fiber.Ctx) error {
	return s.renderPublish(c, fiber.Map{})
}

func (s *Server) renderPublish(c *fiber.Ctx, data fiber.Map) error {
	comp, err := s.compilation(c)
	if err != nil {
		return err
	}
	pubs, err := s.store.Publications(c.UserContext(), comp.Consultation.ID)
	if err != nil {
		return err
	}
	var rows []publishRow
	for _, a := range comp.Answered {
		row := publishRow{A: a}
		if p, ok := pubs[a.Respondent.ID]; ok {
			row.Published = &p
		}
		rows = append(rows, row)
	}
	con := comp.Consultation
	data["C"], data["Rows"], data["CanRun"], data["Base"] = con, rows, canRun(c), s.baseURL(c)
	data["Open"] = con.State == domain.ConsultationClosed || (con.State == domain.ConsultationOpen && con.DeadlinePassed(s.cfg.Now()))
	if saved := c.Query("saved"); saved != "" && data["Error"] == nil {
		data["Saved"] = tr(c, "remiss.publish.saved."+saved)
	}
	return s.render(c, "remiss_publish", tr(c, "remiss.publish.title")+" – "+con.Title, data)
}

// publishAct runs a publication command and returns to where it was asked.
func (s *Server) publishAct(c *fiber.Ctx, back string, build func(con domain.Consultation) audit.Command, saved string) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	err = s.record(c, build(con))
	if err != nil {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		c.Status(statusOf(e.Kind))
		if back == "review" {
			return s.renderReview(c, fiber.Map{"Error": message(langOf(c), e), "Form": formValues(c)})
		}
		return s.renderPublish(c, fiber.Map{"Error": message(langOf(c), e)})
	}
	to := consultationPath(con.ID) + "/publish"
	if back == "review" {
		to += "/" + c.Params("rid")
	}
	return c.Redirect(to+"?saved="+saved, fiber.StatusSeeOther)
}

func (s *Server) setPublished(c *fiber.Ctx) error {
	publish := c.FormValue("publish") == "1"
	saved := "unpublished"
	if publish {
		saved = "published"
	}
	return s.publishAct(c, c.FormValue("back"), func(con domain.Consultation) audit.Command {
		return &remiss.Publish{ConsultationID: con.ID, RespondentID: c.Params("rid"), Publish: publish, By: userOf(c).Name}
	}, saved)
}

func (s *Server) addRedaction(c *fiber.Ctx) error {
	return s.publishAct(c, "review", func(con domain.Consultation) audit.Command {
		return &remiss.Redact{ConsultationID: con.ID, RespondentID: c.Params("rid"), Part: c.FormValue("part"),
			Text: c.FormValue("text"), Reason: c.FormValue("reason"), By: userOf(c).Name}
	}, "redacted")
}

func (s *Server) removeRedaction(c *fiber.Ctx) error {
	return s.publishAct(c, "review", func(con domain.Consultation) audit.Command {
		return &remiss.Unredact{ConsultationID: con.ID, RespondentID: c.Params("rid"), RedactionID: c.Params("xid")}
	}, "unredacted")
}

// publishedAnswer is one answer as the public sees it.
type publishedAnswer struct {
	C          domain.Consultation
	R          domain.Respondent
	V          domain.Version
	Answer     domain.Answer // contact details and attachment removed, redactions applied
	Sections   []domain.Section
	Redactions []domain.Redaction
	Attachment bool // the original has an attachment, not published
}

// publicView builds the public copy of a respondent's answer: the version
// published, or (for the working group's review) the latest.
func (s *Server) publicView(c *fiber.Ctx, con domain.Consultation, respondentID string, version int) (publishedAnswer, error) {
	r, err := s.store.Respondent(c.UserContext(), con.ID, respondentID)
	if err != nil {
		return publishedAnswer{}, err
	}
	if version == 0 {
		version = r.Version
	}
	v, err := s.store.Version(c.UserContext(), r.ID, version)
	if err != nil {
		return publishedAnswer{}, err
	}
	sections, err := s.store.Sections(c.UserContext(), con.ID)
	if err != nil {
		return publishedAnswer{}, err
	}
	red, err := s.store.Redactions(c.UserContext(), r.ID, v.Version)
	if err != nil {
		return publishedAnswer{}, err
	}
	if r.Organisation == "" {
		r.Organisation = v.Answer.Organisation
	}
	return publishedAnswer{C: con, R: r, V: v, Answer: remiss.PublicAnswer(v.Answer, red, i18n.T(langOf(c), "remiss.publish.marker")),
		Sections: sections, Redactions: red, Attachment: v.Answer.AttachmentID != ""}, nil
}

// reviewPage shows the working group an answer as it would be published,
// with the redactions and the form to add one.
func (s *Server) reviewPage(c *fiber.Ctx) error {
	return s.renderReview(c, fiber.Map{"Form": map[string]string{}})
}

func (s *Server) renderReview(c *fiber.Ctx, data fiber.Map) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	p, err := s.publicView(c, con, c.Params("rid"), 0)
	if err != nil {
		return err
	}
	pubs, err := s.store.Publications(c.UserContext(), con.ID)
	if err != nil {
		return err
	}
	if pub, ok := pubs[p.R.ID]; ok {
		data["Published"] = &pub
	}
	parts := []fiber.Map{}
	for _, part := range []string{domain.PartSummary, domain.PartGeneral} {
		if remiss.PartText(p.V.Answer, part) != "" {
			parts = append(parts, fiber.Map{"ID": part, "Label": tr(c, "remiss.field."+part)})
		}
	}
	for _, sec := range p.Sections {
		if remiss.PartText(p.V.Answer, sec.ID) != "" {
			parts = append(parts, fiber.Map{"ID": sec.ID, "Label": sec.Label()})
		}
	}
	for _, part := range []string{domain.PartOther, domain.PartDecidedBy} {
		if remiss.PartText(p.V.Answer, part) != "" {
			parts = append(parts, fiber.Map{"ID": part, "Label": tr(c, "remiss.field."+part)})
		}
	}
	data["P"], data["Parts"], data["CanRun"] = p, parts, canRun(c)
	if saved := c.Query("saved"); saved != "" && data["Error"] == nil {
		data["Saved"] = tr(c, "remiss.publish.saved."+saved)
	}
	return s.render(c, "remiss_publish_review", p.R.Organisation, data)
}

// publishedConsultation loads a consultation for its public page: unknown
// and utkast are both "not found".
func (s *Server) publishedConsultation(c *fiber.Ctx) (domain.Consultation, map[string]domain.Publication, error) {
	con, err := s.store.Consultation(c.UserContext(), c.Params("cid"))
	if err != nil || con.State == domain.ConsultationDraft {
		return con, nil, domain.Errorf(domain.KindNotFound, "published_not_found")
	}
	pubs, err := s.store.Publications(c.UserContext(), con.ID)
	return con, pubs, err
}

// publishedList is the public page of a consultation's published answers.
func (s *Server) publishedList(c *fiber.Ctx) error {
	con, pubs, err := s.publishedConsultation(c)
	if err != nil {
		return err
	}
	respondents, _, err := s.store.Respondents(c.UserContext(), con.ID)
	if err != nil {
		return err
	}
	type item struct {
		R           domain.Respondent
		Publication domain.Publication
	}
	var list []item
	for _, r := range respondents {
		if p, ok := pubs[r.ID]; ok {
			list = append(list, item{R: r, Publication: p})
		}
	}
	sortByOrganisation(list, func(i item) string { return i.R.Organisation })
	return s.render(c, "remiss_published", con.Title, fiber.Map{"C": con, "List": list})
}

// publishedAnswerPage is one published answer, for reading and printing.
func (s *Server) publishedAnswerPage(c *fiber.Ctx) error {
	con, pubs, err := s.publishedConsultation(c)
	if err != nil {
		return err
	}
	pub, ok := pubs[c.Params("rid")]
	if !ok {
		return domain.Errorf(domain.KindNotFound, "published_not_found")
	}
	p, err := s.publicView(c, con, pub.RespondentID, pub.Version)
	if err != nil {
		return err
	}
	return s.render(c, "remiss_published_answer", p.R.Organisation+" – "+con.Title, fiber.Map{"P": p, "Publication": pub})
}

// sortByOrganisation orders a list by organisation, in Swedish (å, ä, ö last).
func sortByOrganisation[T any](list []T, name func(T) string) {
	col := collate.New(language.Swedish, collate.IgnoreCase)
	sort.SliceStable(list, func(i, j int) bool { return col.CompareString(name(list[i]), name(list[j])) < 0 })
}
