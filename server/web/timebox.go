package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/workshop"
)

// setTimebox saves a question's time box from the workshop page: the
// duration in minutes ("10") or minutes and seconds ("2:30"), empty for
// none, and auto_close=on for "stäng automatiskt när tiden är ute".
func (s *Server) setTimebox(c *fiber.Ctx) error {
	d, err := parseDuration(c.FormValue("duration"))
	if err != nil {
		return s.workshopError(c, err)
	}
	return s.act(c, &workshop.SetTimebox{WorkshopID: c.Params("id"), QuestionID: c.Params("qid"), Duration: d,
		AutoClose: c.FormValue("auto_close") == "on"}, "questions")
}

// parseDuration reads "10" (minutes), "2:30" (minutes and seconds) or ""
// (no time box) as seconds.
func parseDuration(text string) (int, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return 0, nil
	}
	invalid := domain.Errorf(domain.KindInvalid, "duration_invalid", "max", domain.MaxDurationSeconds/60)
	mins, secs, hasSecs := strings.Cut(text, ":")
	m, err := strconv.Atoi(strings.TrimSpace(mins))
	if err != nil || m < 0 {
		return 0, invalid
	}
	total := m * 60
	if hasSecs {
		s, err := strconv.Atoi(strings.TrimSpace(secs))
		if err != nil || s < 0 || s > 59 {
			return 0, invalid
		}
		total += s
	}
	if total > domain.MaxDurationSeconds {
		return 0, invalid
	}
	return total, nil
}
