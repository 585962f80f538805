package web

// The working group's pages for consultations (remisser), under
// /admin/consultations. Every handler loads its consultation through
// consultationParam, the one place where access to a consultation is decided.

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/remiss"
)

// consultationParam loads the consultation named by the :cid route parameter.
func (s *Server) consultationParam(c *fiber.Ctx) (domain.Consultation, error) {
	return s.store.Consultation(c.UserContext(), c.Params("cid"))
}

func consultationPath(id string) string { return "/admin/consultations/" + id }

func (s *Server) consultationsPage(c *fiber.Ctx) error {
	list, err := s.store.ListConsultations(c.UserContext(), *userOf(c))
	if err != nil {
		return err
	}
	return s.render(c, "remiss_list", tr(c, "remiss.list_title"), fiber.Map{"Consultations": list, "Now": s.cfg.Now()})
}

// consultationForm is what the create and details forms hold, as typed.
type consultationForm struct {
	Title, RemittingBody, Dnr, Intro string
	DeadlineDate, DeadlineTime       string
	AllowSpontaneous                 bool
	Document                         string
	Error                            string
}

func formOf(d remiss.Details) consultationForm {
	f := consultationForm{Title: d.Title, RemittingBody: d.RemittingBody, Dnr: d.Dnr, Intro: d.Intro,
		AllowSpontaneous: d.AllowSpontaneous, DeadlineTime: "23:59"}
	if !d.Deadline.IsZero() {
		local := d.Deadline.In(i18n.Stockholm)
		f.DeadlineDate, f.DeadlineTime = local.Format("2006-01-02"), local.Format("15:04")
	}
	return f
}

func readConsultationForm(c *fiber.Ctx) consultationForm {
	return consultationForm{Title: c.FormValue("title"), RemittingBody: c.FormValue("remitting_body"),
		Dnr: c.FormValue("dnr"), Intro: c.FormValue("intro"), DeadlineDate: c.FormValue("deadline_date"),
		DeadlineTime: c.FormValue("deadline_time"), AllowSpontaneous: c.FormValue("allow_spontaneous") == "1",
		Document: c.FormValue("document")}
}

// details reads the deadline as Stockholm time: the working group means the
// clock on the wall in Sweden, whatever zone the server runs in.
func (f consultationForm) details() (remiss.Details, error) {
	d := remiss.Details{Title: f.Title, RemittingBody: f.RemittingBody, Dnr: f.Dnr, Intro: f.Intro,
		AllowSpontaneous: f.AllowSpontaneous}
	clock := strings.TrimSpace(f.DeadlineTime)
	if clock == "" {
		clock = "23:59"
	}
	if strings.TrimSpace(f.DeadlineDate) != "" {
		t, err := time.ParseInLocation("2006-01-02 15:04", strings.TrimSpace(f.DeadlineDate)+" "+clock, i18n.Stockholm)
		if err != nil {
			return d, domain.Errorf(domain.KindInvalid, "remiss_deadline_invalid")
		}
		d.Deadline = t
	}
	return d, nil
}

func (s *Server) newConsultationPage(c *fiber.Ctx) error {
	f := consultationForm{DeadlineTime: "23:59", AllowSpontaneous: true}
	if c.Query("example") == "1" {
		f = formOf(remiss.DemoDetails(s.cfg.Now()))
		f.Document = remiss.DemoDocument
	}
	return s.render(c, "remiss_new", tr(c, "remiss.new_title"), f)
}

// createConsultation takes the new page's form. A pasted draft is first
// shown split into sections for the working group to confirm (see
// remiss_split.go); the consultation is created with the confirmed
// sections, or at once when no draft was pasted.
func (s *Server) createConsultation(c *fiber.Ctx) error {
	f := readConsultationForm(c)
	failed := func(err error) error {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		f.Error = message(langOf(c), e)
		return s.render(c.Status(statusOf(e.Kind)), "remiss_new", tr(c, "remiss.new_title"), f)
	}
	d, err := f.details()
	if err == nil {
		err = d.Check()
	}
	if err != nil {
		return failed(err)
	}
	op := c.FormValue("op")
	var sections []domain.Section
	if op != "" || strings.TrimSpace(f.Document) != "" {
		step, err := readSplit(c)
		if err != nil {
			return failed(err)
		}
		if op == "back" {
			f.Document = documentOf(step.sections)
			return s.render(c, "remiss_new", tr(c, "remiss.new_title"), f)
		}
		p := newSplitPage("/admin/consultations", step)
		p.Create = &f
		if !step.save || !s.checkSplit(c, &p, step.sections) {
			if step.save {
				c.Status(fiber.StatusBadRequest)
			}
			return s.renderSplit(c, p)
		}
		sections = step.sections
	}
	cmd := &remiss.Create{Details: d, Sections: sections, CreatedBy: userOf(c).ID}
	if err := s.record(c, cmd); err != nil {
		return failed(err)
	}
	return c.Redirect(consultationPath(cmd.ID)+"?saved=created", fiber.StatusSeeOther)
}

// consultationView gathers what the consultation's management page shows.
func (s *Server) consultationView(c *fiber.Ctx, con domain.Consultation) (fiber.Map, error) {
	sections, err := s.store.Sections(c.UserContext(), con.ID)
	if err != nil {
		return nil, err
	}
	respondents, _, err := s.store.Respondents(c.UserContext(), con.ID)
	if err != nil {
		return nil, err
	}
	return fiber.Map{"C": con, "Sections": sections, "Respondents": listed(respondents), "Base": s.baseURL(c), "Now": s.cfg.Now(),
		"Details": formOf(remiss.Details{Title: con.Title, RemittingBody: con.RemittingBody, Dnr: con.Dnr,
			Intro: con.Intro, Deadline: con.Deadline, AllowSpontaneous: con.AllowSpontaneous}),
		"Form": map[string]string{}}, nil
}

func (s *Server) consultationPage(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	return s.renderConsultation(c, con, fiber.Map{})
}

func (s *Server) renderConsultation(c *fiber.Ctx, con domain.Consultation, extra fiber.Map) error {
	data, err := s.consultationView(c, con)
	if err != nil {
		return err
	}
	for k, v := range extra {
		data[k] = v
	}
	if saved := c.Query("saved"); saved != "" && extra["Error"] == nil {
		data["Saved"] = tr(c, "remiss.saved."+saved)
	}
	data["CanRun"], data["MailOn"] = canRun(c), s.cfg.Mail != nil
	if canRun(c) {
		if err := s.addAssigned(c, domain.KindConsultation, con.ID, data); err != nil {
			return err
		}
		workshops, err := s.store.ListWorkshops(c.UserContext(), *userOf(c))
		if err != nil {
			return err
		}
		wid, err := s.store.ThemeWorkshop(c.UserContext(), con.ID)
		if err != nil {
			return err
		}
		data["Workshops"], data["ThemeWorkshop"] = workshops, wid
	}
	return s.render(c, "remiss", con.Title, data)
}

// remissAct runs a command from a form on the consultation page and returns
// there: on success to the part that changed, on failure with the message
// and what was typed.
func (s *Server) remissAct(c *fiber.Ctx, build func(con domain.Consultation) (audit.Command, error), saved string) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	cmd, err := build(con)
	if err == nil {
		err = s.record(c, cmd)
	}
	if err != nil {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		c.Status(statusOf(e.Kind))
		return s.renderConsultation(c, con, fiber.Map{"Error": message(langOf(c), e), "Form": formValues(c)})
	}
	s.wakeMail()
	return c.Redirect(consultationPath(con.ID)+"?saved="+saved+"#"+saved, fiber.StatusSeeOther)
}

func (s *Server) updateConsultation(c *fiber.Ctx) error {
	return s.remissAct(c, func(con domain.Consultation) (audit.Command, error) {
		d, err := readConsultationForm(c).details()
		return &remiss.UpdateDetails{ConsultationID: con.ID, Details: d}, err
	}, "details")
}

func (s *Server) setConsultationState(c *fiber.Ctx) error {
	return s.remissAct(c, func(con domain.Consultation) (audit.Command, error) {
		return &remiss.SetState{ConsultationID: con.ID, State: domain.ConsultationState(c.FormValue("state")),
			Invite: s.cfg.Mail != nil && c.FormValue("invite") == "1"}, nil
	}, "state")
}

func sectionForm(c *fiber.Ctx) domain.Section {
	return domain.Section{ID: c.Params("sid"), Number: c.FormValue("number"), Heading: c.FormValue("heading"), Body: c.FormValue("body")}
}

func (s *Server) addSection(c *fiber.Ctx) error {
	return s.remissAct(c, func(con domain.Consultation) (audit.Command, error) {
		return &remiss.AddSection{ConsultationID: con.ID, Section: sectionForm(c)}, nil
	}, "sections")
}

func (s *Server) editSection(c *fiber.Ctx) error {
	return s.remissAct(c, func(con domain.Consultation) (audit.Command, error) {
		return &remiss.EditSection{ConsultationID: con.ID, Section: sectionForm(c)}, nil
	}, "sections")
}

func (s *Server) moveSection(c *fiber.Ctx) error {
	return s.remissAct(c, func(con domain.Consultation) (audit.Command, error) {
		return &remiss.MoveSection{ConsultationID: con.ID, SectionID: c.Params("sid"), Delta: delta(c)}, nil
	}, "sections")
}

func (s *Server) deleteSection(c *fiber.Ctx) error {
	return s.remissAct(c, func(con domain.Consultation) (audit.Command, error) {
		return &remiss.DeleteSection{ConsultationID: con.ID, SectionID: c.Params("sid")}, nil
	}, "sections")
}

// invite adds one organisation (organisation and email fields) or a pasted list.
func (s *Server) invite(c *fiber.Ctx) error {
	return s.remissAct(c, func(con domain.Consultation) (audit.Command, error) {
		if pasted := strings.TrimSpace(c.FormValue("list")); pasted != "" {
			list, err := remiss.ParseInviteList(pasted)
			return &remiss.Invite{ConsultationID: con.ID, List: list}, err
		}
		return &remiss.Invite{ConsultationID: con.ID,
			List: []remiss.Invitee{{Organisation: c.FormValue("organisation"), Email: c.FormValue("email")}}}, nil
	}, "invitees")
}

func (s *Server) reopenRespondent(c *fiber.Ctx) error {
	return s.remissAct(c, func(con domain.Consultation) (audit.Command, error) {
		return &remiss.Reopen{ConsultationID: con.ID, RespondentID: c.Params("rid"), Reopen: c.FormValue("reopen") == "1"}, nil
	}, "invitees")
}

// removeSpontaneous removes a spontaneous respondent that sent nothing
// (spam through the public link); audited.
func (s *Server) removeSpontaneous(c *fiber.Ctx) error {
	return s.remissAct(c, func(con domain.Consultation) (audit.Command, error) {
		return &remiss.RemoveSpontaneous{ConsultationID: con.ID, RespondentID: c.Params("rid")}, nil
	}, "invitees")
}

func (s *Server) attachDraftPDF(c *fiber.Ctx) error {
	return s.remissAct(c, func(con domain.Consultation) (audit.Command, error) {
		up, err := uploadOf(c, "pdf")
		if err == nil && up == nil {
			err = domain.Errorf(domain.KindInvalid, "remiss_attachment_empty")
		}
		if err != nil {
			return nil, err
		}
		return &remiss.AttachDraft{ConsultationID: con.ID, File: *up}, nil
	}, "pdf")
}

// uploadOf reads an optional file field; nil when no file was chosen.
func uploadOf(c *fiber.Ctx, field string) (*remiss.Upload, error) {
	fh, err := c.FormFile(field)
	if err != nil || fh == nil || (fh.Size == 0 && fh.Filename == "") {
		return nil, nil
	}
	if fh.Size > domain.MaxAttachmentBytes {
		return nil, domain.Errorf(domain.KindTooLarge, "remiss_attachment_too_large", "max", domain.MaxAttachmentBytes>>20)
	}
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, domain.MaxAttachmentBytes+1))
	if err != nil {
		return nil, err
	}
	return &remiss.Upload{Filename: fh.Filename, Data: data}, nil
}

// responsePage shows one respondent's versions, the latest first in full.
func (s *Server) responsePage(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	r, err := s.store.Respondent(c.UserContext(), con.ID, c.Params("rid"))
	if err != nil {
		return err
	}
	versions, err := s.store.Versions(c.UserContext(), r.ID)
	if err != nil {
		return err
	}
	sections, err := s.store.Sections(c.UserContext(), con.ID)
	if err != nil {
		return err
	}
	var shown *domain.Version
	if n, err := strconv.Atoi(c.Query("version")); err == nil {
		for i := range versions {
			if versions[i].Version == n {
				shown = &versions[i]
			}
		}
		if shown == nil {
			return domain.Errorf(domain.KindNotFound, "remiss_version_not_found")
		}
	} else if len(versions) > 0 {
		shown = &versions[len(versions)-1]
	}
	data := fiber.Map{"C": con, "R": r, "Versions": versions, "Shown": shown, "Sections": sections, "CanRun": canRun(c)}
	if c.Query("saved") == "contact" {
		data["Saved"] = tr(c, "remiss.contact_removed")
	}
	return s.render(c, "remiss_response", r.Organisation, data)
}

// removeContactDetails honours a respondent's request to have their contact
// person and e-mail removed; the response itself stays (a public record).
func (s *Server) removeContactDetails(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	if err := s.record(c, &remiss.RemoveContactDetails{ConsultationID: con.ID, RespondentID: c.Params("rid")}); err != nil {
		return err
	}
	return c.Redirect(consultationPath(con.ID)+"/responses/"+c.Params("rid")+"?saved=contact#contact-h", fiber.StatusSeeOther)
}

// attachment sends a stored PDF as a download (never shown inline, so a
// crafted file cannot run in our origin).
func (s *Server) attachment(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	return s.sendAttachment(c, con.ID, c.Params("aid"))
}

func (s *Server) sendAttachment(c *fiber.Ctx, consultationID, id string) error {
	a, data, err := s.store.AttachmentData(c.UserContext(), consultationID, id)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+asciiName(a.Filename)+`"; filename*=UTF-8''`+pathEscape(a.Filename))
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(data)
}

// listed leaves out spontaneous respondents who opened the public link but
// have not written anything: they join the list with a draft or an answer.
func listed(respondents []domain.Respondent) []domain.Respondent {
	out := make([]domain.Respondent, 0, len(respondents))
	for _, r := range respondents {
		if st := r.Status(); r.Invited || (st != domain.StatusNotOpened && st != domain.StatusOpened) {
			out = append(out, r)
		}
	}
	return out
}
