package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// The privacy notice, cookie statement and accessibility statement are
// required of a Swedish public-sector service (GDPR art. 13, the ePrivacy
// rules in LEK, and lagen om tillgänglighet till digital offentlig service).

func (s *Server) privacyPage(c *fiber.Ctx) error {
	return s.render(c, "privacy", tr(c, "privacy.title"), nil)
}

func (s *Server) cookiesPage(c *fiber.Ctx) error {
	// The sign-in cookie exists only where staff sign in with the provider.
	return s.render(c, "cookies", tr(c, "cookies.title"), fiber.Map{"SSO": s.cfg.SSO != nil})
}

func (s *Server) accessibilityPage(c *fiber.Ctx) error {
	data := fiber.Map{"Page": c.Query("page")}
	if c.Query("sent") != "" {
		data["Sent"] = true
	}
	return s.render(c, "accessibility", tr(c, "a11y.title"), data)
}

const maxFeedbackRunes = 4000

// sendFeedback stores a message about an accessibility problem; the
// administrator reads them under /admin/feedback.
func (s *Server) sendFeedback(c *fiber.Ctx) error {
	f := storage.Feedback{Page: strings.TrimSpace(c.FormValue("page")), Message: strings.TrimSpace(c.FormValue("message")),
		Contact: strings.TrimSpace(c.FormValue("contact"))}
	var err error
	switch {
	case f.Message == "":
		err = domain.Errorf(domain.KindInvalid, "feedback_required")
	case len([]rune(f.Message)) > maxFeedbackRunes:
		err = domain.Errorf(domain.KindInvalid, "feedback_too_long", "max", maxFeedbackRunes)
	case len([]rune(f.Page)) > domain.MaxNameRunes || len([]rune(f.Contact)) > domain.MaxNameRunes:
		err = domain.Errorf(domain.KindInvalid, "name_too_long", "max", domain.MaxNameRunes)
	}
	// Only messages that would be stored are counted: five from an address,
	// then one every ten minutes; sixty from everyone, then one a minute.
	if err == nil && (!s.feedbackLimit.allow(c.IP()) || !s.feedbackTotal.allow("")) {
		err = domain.Errorf(domain.KindRateLimited, "feedback_too_many")
	}
	if err == nil {
		err = s.store.AddFeedback(c.UserContext(), f)
	}
	if err != nil {
		e := asDomain(err)
		if e.Kind == domain.KindInternal {
			return err
		}
		return s.render(c.Status(statusOf(e.Kind)), "accessibility", tr(c, "a11y.title"), fiber.Map{
			"Page": f.Page, "Message": f.Message, "Contact": f.Contact, "Error": message(langOf(c), e)})
	}
	return c.Redirect("/accessibility?sent=1#feedback", fiber.StatusSeeOther)
}

func (s *Server) feedbackPage(c *fiber.Ctx) error {
	list, err := s.store.ListFeedback(c.UserContext(), 500)
	if err != nil {
		return err
	}
	return s.render(c, "feedback", tr(c, "feedback.title"), fiber.Map{"Feedback": list})
}
