package web

// The respondent's side of a consultation: no account, a private link
// (/r/<token>) or the public link (/p/<token>) that hands out a private one.
// Every form here is a plain POST form and works without JavaScript; with
// it, drafts are also saved over a websocket while typing (remiss_live.go).

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
	"github.com/samrad-se/samrad/server/writer"
)

// respondentParam loads the respondent behind the :token of a private link
// and its consultation. A link of a consultation still in utkast does not
// work yet.
func (s *Server) respondentParam(c *fiber.Ctx) (domain.Respondent, domain.Consultation, error) {
	r, err := s.store.RespondentByToken(c.UserContext(), c.Params("token"))
	if err != nil {
		return r, domain.Consultation{}, err
	}
	con, err := s.store.Consultation(c.UserContext(), r.ConsultationID)
	if err != nil {
		return r, con, err
	}
	if con.State == domain.ConsultationDraft {
		return r, con, domain.Errorf(domain.KindNotFound, "remiss_not_open")
	}
	return r, con, nil
}

func respondPath(token string) string { return "/r/" + token }

// formError is a message shown next to a field and in the summary above the form.
type formError struct {
	Field   string
	Message string
}

// respondForm is what the answer form shows.
type respondForm struct {
	C           domain.Consultation
	R           domain.Respondent
	Sections    []domain.Section
	Answer      domain.Answer
	Rev         int64 // the draft revision the page shows
	BaseVersion int   // the submitted version the page builds on
	Open        bool  // the form may be sent
	Late        bool
	Closed      string // why the form is closed, if it is
	Errors      []formError
	ByField     map[string]string
	// Colleagues: the draft as the page's script starts from it, the
	// fingerprints a plain form carries (remiss.Fingerprints), and fields a
	// colleague changed while the person typed.
	State        remiss.FormDraft
	Shown        string
	Conflicts    map[string]*formConflict
	ConflictList []formError
	Error        string // about the whole form
	Saved        string
	New          bool // just started through the public link: keep this address
	Stances      []domain.Stance
	Link         string
}

func (s *Server) respondPage(c *fiber.Ctx) error {
	r, con, err := s.respondentParam(c)
	if err != nil {
		return err
	}
	if r.OpenedAt.IsZero() {
		if err := s.writer.Do(c.UserContext(), &remiss.MarkOpened{ConsultationID: con.ID, RespondentID: r.ID}); err != nil {
			return err
		}
	}
	f, err := s.respondFormFor(c, r, con)
	if err != nil {
		return err
	}
	d, err := s.store.Draft(c.UserContext(), r.ID)
	if err != nil {
		return err
	}
	f.drawnFrom(d)
	if d.Rev > 0 {
		f.Answer = d.Answer
	} else if r.Version > 0 {
		v, err := s.store.Version(c.UserContext(), r.ID, r.Version)
		if err != nil {
			return err
		}
		f.Answer = v.Answer
	} else if r.Invited {
		f.Answer.Organisation = r.Organisation
	}
	if saved := c.Query("saved"); saved == "draft" {
		f.Saved = tr(c, "remiss.form.draft_saved")
	}
	f.New = c.Query("new") == "1"
	return s.renderRespond(c, f)
}

func (s *Server) respondFormFor(c *fiber.Ctx, r domain.Respondent, con domain.Consultation) (respondForm, error) {
	sections, err := s.store.Sections(c.UserContext(), con.ID)
	if err != nil {
		return respondForm{}, err
	}
	f := respondForm{C: con, R: r, Sections: sections, BaseVersion: r.Version, Stances: domain.Stances,
		ByField: map[string]string{}, Link: s.baseURL(c) + respondPath(r.Token)}
	late, err := remiss.AcceptsAnswers(con, r, s.cfg.Now())
	if err != nil {
		f.Closed = message(langOf(c), asDomain(err))
	} else {
		f.Open, f.Late = true, late
	}
	return f, nil
}

// drawnFrom records which draft the form is drawn from: its revision, the
// state the page's script starts from and the plain form's fingerprints.
func (f *respondForm) drawnFrom(d domain.Draft) {
	f.Rev = d.Rev
	f.State = remiss.FormDraftOf(d, domain.AnswerFields(f.Sections))
	f.Shown = remiss.Fingerprints(d.Answer, f.Sections)
}

func (s *Server) renderRespond(c *fiber.Ctx, f respondForm) error {
	for _, e := range f.Errors {
		if _, seen := f.ByField[e.Field]; !seen {
			f.ByField[e.Field] = e.Message
		}
	}
	return s.render(c, "remiss_form", f.C.Title, f)
}

// answerOf reads the answer form.
func answerOf(c *fiber.Ctx, sections []domain.Section) domain.Answer {
	a := domain.Answer{Organisation: c.FormValue("organisation"), OrgNumber: c.FormValue("org_number"),
		Contact: c.FormValue("contact"), Email: c.FormValue("email"), DecidedBy: c.FormValue("decided_by"),
		DecidedOn: c.FormValue("decided_on"), Summary: c.FormValue("summary"), General: c.FormValue("general"),
		Other: c.FormValue("other"), Publish: c.FormValue("publish"), Sections: map[string]domain.SectionAnswer{}}
	if c.FormValue("remove_attachment") != "1" {
		a.AttachmentID = c.FormValue("attachment_id")
	}
	for _, sec := range sections {
		a.Sections[sec.ID] = domain.SectionAnswer{Stance: domain.Stance(c.FormValue("s-" + sec.ID + "-stance")),
			Comment: c.FormValue("s-" + sec.ID + "-comment")}
	}
	return a
}

// respond handles both buttons of the form: "Spara utkast" (action=draft)
// and "Skicka" (action=submit). On any error the form comes back with what
// was typed and each message next to its field; nothing is stored. A draft
// saves the fields the person changed; where a colleague changed the same
// field first, the form comes back with both texts to choose between.
func (s *Server) respond(c *fiber.Ctx) error {
	r, con, err := s.respondentParam(c)
	if err != nil {
		return err
	}
	f, err := s.respondFormFor(c, r, con)
	if err != nil {
		return err
	}
	stored, err := s.store.Draft(c.UserContext(), r.ID)
	if err != nil {
		return err
	}
	f.State = remiss.FormDraftOf(stored, domain.AnswerFields(f.Sections))
	f.Answer = answerOf(c, f.Sections)
	f.Rev, _ = strconv.ParseInt(c.FormValue("rev"), 10, 64)
	f.Shown = c.FormValue("shown")
	f.BaseVersion, _ = strconv.Atoi(c.FormValue("base_version"))
	submit := c.FormValue("action") == "submit"
	lang := langOf(c)
	changes := postedChanges(c, f.Answer, f.Sections)
	typed := f.Answer

	checked := f.Answer
	for _, fe := range remiss.CheckAnswer(&checked, f.Sections, submit) {
		f.Errors = append(f.Errors, formError{Field: fe.Field, Message: message(lang, fe.Err)})
	}
	file, err := uploadOf(c, "attachment")
	if err != nil {
		f.Errors = append(f.Errors, formError{Field: "attachment", Message: message(lang, asDomain(err))})
	} else if file != nil {
		if err := file.Check(); err != nil {
			f.Errors = append(f.Errors, formError{Field: "attachment", Message: message(lang, asDomain(err))})
		}
	}
	if submit && len(changes.open) > 0 && len(f.Errors) == 0 {
		f.Error = tr(c, "remiss.coedit.choose_first")
	}
	if len(f.Errors) > 0 || f.Error != "" {
		// The form comes back as posted, still based on what it was drawn
		// from; open conflicts stay open.
		showConflicts(c, &f, stored, typed, changes.open)
		status := fiber.StatusBadRequest
		if len(f.Errors) == 0 {
			status = fiber.StatusConflict
		}
		return s.renderRespond(c.Status(status), f)
	}
	if submit {
		cmd := &remiss.Submit{ConsultationID: con.ID, RespondentID: r.ID, BaseVersion: f.BaseVersion, Answer: f.Answer, File: file,
			Patch: changes.patch, Author: changes.author, Keep: changes.keep}
		if u := userOf(c); u != nil {
			// Staff sending through an organisation's link (an answer that
			// came by post, say): recorded as such, never as the organisation's own.
			staff := actorFor(u)
			cmd.Staff = &staff
		}
		if s.cfg.Mail != nil {
			cmd.ReceiptLang = lang
		}
		var run writer.Command = cmd
		if cmd.Staff != nil {
			run = audit.Audited{Command: cmd, Actor: *cmd.Staff}
		}
		if err := s.writer.Do(c.UserContext(), run); err != nil {
			return s.respondFailed(c, f, err)
		}
		s.wakeMail()
		return c.Redirect(respondPath(r.Token)+"/receipt/"+strconv.Itoa(cmd.Stored.Version), fiber.StatusSeeOther)
	}
	cmd := &remiss.SaveDraft{ConsultationID: con.ID, RespondentID: r.ID, Patch: changes.patch, Author: changes.author, File: file}
	res, err := writer.Run(c.UserContext(), s.writer, cmd)
	if err != nil {
		return s.respondFailed(c, f, err)
	}
	if len(res.Conflicts) > 0 {
		// Saved but for the fields a colleague changed first: the form shows
		// the draft as it is now, with the person's text in those fields and
		// the colleague's beside it.
		f.Answer = res.Draft.Answer
		f.drawnFrom(res.Draft)
		conflicted := make([]string, 0, len(res.Conflicts))
		for name := range res.Conflicts {
			conflicted = append(conflicted, name)
		}
		showConflicts(c, &f, res.Draft, typed, conflicted)
		f.Error = tr(c, "remiss.coedit.conflicts")
		return s.renderRespond(c.Status(fiber.StatusConflict), f)
	}
	return c.Redirect(respondPath(r.Token)+"?saved=draft#form-top", fiber.StatusSeeOther)
}

func (s *Server) respondFailed(c *fiber.Ctx, f respondForm, err error) error {
	e := asDomain(err)
	if e.Kind == domain.KindInternal {
		return err
	}
	f.Error = message(langOf(c), e)
	if v, ok := e.Params["version"].(int); ok && e.Code == "remiss_version_conflict" {
		// The message names the version that came in between; sending again
		// from this page knowingly replaces it with a new one.
		f.BaseVersion = v
	}
	return s.renderRespond(c.Status(statusOf(e.Kind)), f)
}

// receiptPage confirms a submitted version: reference number, time received,
// and the answer as it was stored, ready to print.
func (s *Server) receiptPage(c *fiber.Ctx) error {
	r, con, err := s.respondentParam(c)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(c.Params("version"))
	if err != nil {
		return domain.Errorf(domain.KindNotFound, "remiss_version_not_found")
	}
	v, err := s.store.Version(c.UserContext(), r.ID, n)
	if err != nil {
		return err
	}
	sections, err := s.store.Sections(c.UserContext(), con.ID)
	if err != nil {
		return err
	}
	_, closed := remiss.AcceptsAnswers(con, r, s.cfg.Now())
	return s.render(c, "remiss_receipt", tr(c, "remiss.receipt.title"), fiber.Map{"C": con, "R": r, "V": v,
		"Sections": sections, "Latest": n == r.Version, "CanChange": closed == nil, "Link": respondPath(r.Token)})
}

// publicPage is the consultation's public link: the draft to read and, if
// spontaneous answers are taken, a button that starts one.
func (s *Server) publicPage(c *fiber.Ctx) error {
	con, err := s.store.ConsultationByPublicToken(c.UserContext(), c.Params("token"))
	if err != nil || con.State == domain.ConsultationDraft {
		return domain.Errorf(domain.KindNotFound, "remiss_link_invalid")
	}
	sections, err := s.store.Sections(c.UserContext(), con.ID)
	if err != nil {
		return err
	}
	_, closed := remiss.AcceptsAnswers(con, domain.Respondent{}, s.cfg.Now())
	data := fiber.Map{"C": con, "Sections": sections, "CanStart": closed == nil}
	if closed != nil {
		data["Closed"] = message(langOf(c), asDomain(closed))
	}
	return s.render(c, "remiss_public", con.Title, data)
}

func (s *Server) startSpontaneous(c *fiber.Ctx) error {
	con, err := s.store.ConsultationByPublicToken(c.UserContext(), c.Params("token"))
	if err != nil || con.State == domain.ConsultationDraft {
		return domain.Errorf(domain.KindNotFound, "remiss_link_invalid")
	}
	// Starts are limited per address and per consultation (only attempts
	// that would create one count), so that the public link cannot be used
	// to fill the consultation; starts that came to nothing expire.
	if !s.startsByAddress.allow(c.IP()) || !s.startsByConsultation.allow(con.ID) {
		return domain.Errorf(domain.KindRateLimited, "remiss_too_many_starts")
	}
	cmd := &remiss.StartSpontaneous{ConsultationID: con.ID}
	if err := s.writer.Do(c.UserContext(), cmd); err != nil {
		return err
	}
	return c.Redirect(respondPath(cmd.Token)+"?new=1", fiber.StatusSeeOther)
}

// draftPDF lets respondents download the consultation's draft document.
func (s *Server) draftPDFPrivate(c *fiber.Ctx) error {
	_, con, err := s.respondentParam(c)
	if err != nil {
		return err
	}
	return s.sendDraftPDF(c, con)
}

func (s *Server) draftPDFPublic(c *fiber.Ctx) error {
	con, err := s.store.ConsultationByPublicToken(c.UserContext(), c.Params("token"))
	if err != nil || con.State == domain.ConsultationDraft {
		return domain.Errorf(domain.KindNotFound, "remiss_link_invalid")
	}
	return s.sendDraftPDF(c, con)
}

func (s *Server) sendDraftPDF(c *fiber.Ctx, con domain.Consultation) error {
	if con.DraftPDF == "" {
		return domain.Errorf(domain.KindNotFound, "remiss_attachment_not_found")
	}
	return s.sendAttachment(c, con.ID, con.DraftPDF)
}

// asciiName is a file name any browser accepts in a quoted header value;
// the exact name goes in filename* beside it.
func asciiName(name string) string {
	name = strings.NewReplacer("å", "a", "ä", "a", "ö", "o", "Å", "A", "Ä", "A", "Ö", "O", "é", "e").Replace(name)
	var b strings.Builder
	for _, r := range name {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._- ", r) {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}

func pathEscape(s string) string { return url.PathEscape(s) }
