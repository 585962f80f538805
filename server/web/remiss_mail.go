package web

// A consultation's e-mail: the settings for reminders and the daily digest,
// invitations to send, and every message with where it stands, per
// consultee and in all. Without SMTP the page says so and the links are
// copied from the consultation's page as before.

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
)

// wakeMail tells the e-mail worker that something may have been queued.
func (s *Server) wakeMail() {
	if s.cfg.Mail != nil {
		s.cfg.Mail.Wake()
	}
}

// consulteeMail is one consultee with its latest message of each kind.
type consulteeMail struct {
	R          domain.Respondent
	Invitation *domain.Mail
	Reminder   *domain.Mail
	Receipt    *domain.Mail
}

// reminderChoices are the offered numbers of days before the deadline.
var reminderChoices = []int{0, 1, 2, 3, 5, 7, 14}

func (s *Server) consultationMailPage(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	return s.renderMail(c, con, fiber.Map{})
}

func (s *Server) renderMail(c *fiber.Ctx, con domain.Consultation, data fiber.Map) error {
	respondents, _, err := s.store.Respondents(c.UserContext(), con.ID)
	if err != nil {
		return err
	}
	all, err := s.store.ConsultationMail(c.UserContext(), con.ID)
	if err != nil {
		return err
	}
	var consultees []consulteeMail
	index := map[string]int{}
	for _, r := range respondents {
		if r.Invited {
			index[r.ID] = len(consultees)
			consultees = append(consultees, consulteeMail{R: r})
		}
	}
	// all is newest first: the first of each kind is the latest.
	for i := range all {
		m := &all[i]
		at, ok := index[m.RespondentID]
		if !ok {
			continue
		}
		cm := &consultees[at]
		switch {
		case m.Kind == domain.MailInvitation && cm.Invitation == nil:
			cm.Invitation = m
		case m.Kind == domain.MailReminder && cm.Reminder == nil:
			cm.Reminder = m
		case m.Kind == domain.MailReceipt && cm.Receipt == nil:
			cm.Receipt = m
		}
	}
	orgs := map[string]string{}
	for _, r := range respondents {
		orgs[r.ID] = r.Organisation
	}
	data["C"], data["Consultees"], data["All"], data["Orgs"] = con, consultees, all, orgs
	data["MailOn"], data["CanRun"], data["Choices"] = s.cfg.Mail != nil, canRun(c), reminderChoices
	if saved := c.Query("saved"); saved != "" && data["Error"] == nil {
		data["Saved"] = tr(c, "mail.saved."+saved)
	}
	return s.render(c, "remiss_mail", tr(c, "mail.page_title")+" – "+con.Title, data)
}

// mailAct runs a command from the e-mail page and comes back to it.
func (s *Server) mailAct(c *fiber.Ctx, build func(con domain.Consultation) audit.Command, saved string) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	if s.cfg.Mail == nil {
		return domain.Errorf(domain.KindConflict, "mail_off")
	}
	err = s.record(c, build(con))
	if err != nil {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		c.Status(statusOf(e.Kind))
		return s.renderMail(c, con, fiber.Map{"Error": message(langOf(c), e)})
	}
	s.wakeMail()
	return c.Redirect(consultationPath(con.ID)+"/mail?saved="+saved+"#"+saved, fiber.StatusSeeOther)
}

func (s *Server) setMailSettings(c *fiber.Ctx) error {
	return s.mailAct(c, func(con domain.Consultation) audit.Command {
		days, err := strconv.Atoi(c.FormValue("reminder_days"))
		if err != nil {
			days = -1
		}
		return &remiss.SetMailSettings{ConsultationID: con.ID, ReminderDays: days, Digest: c.FormValue("digest") == "1"}
	}, "settings")
}

func (s *Server) sendInvitations(c *fiber.Ctx) error {
	return s.mailAct(c, func(con domain.Consultation) audit.Command {
		return &remiss.SendInvitations{ConsultationID: con.ID, RespondentID: c.FormValue("respondent")}
	}, "invitations")
}

func (s *Server) resendMail(c *fiber.Ctx) error {
	return s.mailAct(c, func(con domain.Consultation) audit.Command {
		return &remiss.ResendMail{ConsultationID: con.ID, MailID: c.Params("mid")}
	}, "log")
}
