package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
	"github.com/samrad-se/samrad/server/storage"
)

// themePage shows everything said on one theme: the workshop's input and
// the consultation comments tagged with it (from the consultations the user
// may see).
func (s *Server) themePage(c *fiber.Ctx) error {
	snap, err := s.store.Snapshot(c.UserContext(), c.Params("id"), storage.AllInputs)
	if err != nil {
		return err
	}
	var theme *domain.Theme
	for i := range snap.Themes {
		if snap.Themes[i].ID == c.Params("tid") {
			theme = &snap.Themes[i]
		}
	}
	if theme == nil {
		return domain.Errorf(domain.KindNotFound, "theme_not_found")
	}
	var inputs []domain.Input
	for _, in := range snap.Inputs {
		if in.ThemeID == theme.ID && !in.Hidden && in.MergedInto == "" {
			inputs = append(inputs, in)
		}
	}
	tables := map[string]string{}
	for _, t := range snap.Tables {
		tables[t.ID] = t.Name
	}
	all, err := s.store.CommentsWithTheme(c.UserContext(), theme.ID)
	if err != nil {
		return err
	}
	// Comments come grouped by consultation: ask about each consultation once.
	var comments []storage.TaggedComment
	visible := map[string]bool{}
	for _, tc := range all {
		ok, seen := visible[tc.ConsultationID]
		if !seen {
			var err error
			if ok, _, err = s.permits(c.UserContext(), userOf(c), accessView, domain.KindConsultation, tc.ConsultationID); err != nil {
				return err
			}
			visible[tc.ConsultationID] = ok
		}
		if ok {
			comments = append(comments, tc)
		}
	}
	suggested, err := s.suggestedComments(c, snap.Workshop.ID, theme)
	if err != nil {
		return err
	}
	return s.render(c, "theme", theme.Name+" – "+snap.Workshop.Name, fiber.Map{"Workshop": snap.Workshop, "Theme": theme,
		"Inputs": inputs, "Tables": tables, "Comments": comments, "Suggested": suggested, "CanTag": canRun(c)})
}

// suggestedComment is an untagged consultation comment whose suggested
// theme is the one shown, with the words that led there.
type suggestedComment struct {
	storage.UntaggedComment
	Percent int
	Words   string
}

// suggestedComments makes the same suggestions for consultation comments
// as for the workshop's answers: the comments not yet tagged, in the
// consultations the user may see that take this workshop's themes, whose
// suggestion is this theme. Nothing is tagged without a person.
func (s *Server) suggestedComments(c *fiber.Ctx, workshopID string, theme *domain.Theme) ([]suggestedComment, error) {
	if s.cfg.Sorting == nil || theme.Parking {
		return nil, nil
	}
	all, err := s.store.UntaggedComments(c.UserContext(), workshopID)
	if err != nil {
		return nil, err
	}
	var out []suggestedComment
	visible := map[string]bool{}
	for _, uc := range all {
		ok, seen := visible[uc.ConsultationID]
		if !seen {
			if ok, _, err = s.permits(c.UserContext(), userOf(c), accessView, domain.KindConsultation, uc.ConsultationID); err != nil {
				return nil, err
			}
			visible[uc.ConsultationID] = ok
		}
		if !ok {
			continue
		}
		sg, err := s.cfg.Sorting.SuggestText(c.UserContext(), workshopID, uc.Comment)
		if err != nil {
			return nil, err
		}
		if sg.ThemeID == theme.ID {
			out = append(out, suggestedComment{UntaggedComment: uc, Percent: int(sg.Confidence*100 + 0.5), Words: strings.Join(sg.Words, ", ")})
		}
	}
	return out, nil
}

// setThemeWorkshop chooses the workshop whose themes a consultation's
// comments are tagged with; the user must be able to see that workshop.
func (s *Server) setThemeWorkshop(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	wid := c.FormValue("workshop")
	if wid != "" {
		ok, _, err := s.permits(c.UserContext(), userOf(c), accessView, domain.KindWorkshop, wid)
		if err != nil {
			return err
		}
		if !ok {
			return domain.Errorf(domain.KindNotFound, "workshop_not_found")
		}
	}
	if err := s.record(c, &remiss.SetThemeWorkshop{ConsultationID: con.ID, WorkshopID: wid}); err != nil {
		return err
	}
	return c.Redirect(consultationPath(con.ID)+"?saved=themes#themes", fiber.StatusSeeOther)
}

// tagComment gives a comment on a section one of the borrowed themes.
func (s *Server) tagComment(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	sid := c.Params("sid")
	// The themes are the chosen workshop's: only those who may see it tag
	// with them (to them, as when none is chosen, there is no such theme).
	if theme := c.FormValue("theme"); theme != "" {
		if wid, err := s.visibleThemeWorkshop(c, con.ID); err != nil {
			return err
		} else if wid == "" {
			return domain.Errorf(domain.KindNotFound, "theme_not_found")
		}
	}
	if err := s.record(c, &remiss.TagComment{ConsultationID: con.ID, RespondentID: c.FormValue("respondent"), SectionID: sid,
		ThemeID: c.FormValue("theme")}); err != nil {
		return err
	}
	return c.Redirect(consultationPath(con.ID)+"/sections/"+sid+"?saved=tag#v-"+c.FormValue("respondent"), fiber.StatusSeeOther)
}

// visibleThemeWorkshop is the workshop whose themes the consultation's
// comments get, if the user may see it; "" otherwise.
func (s *Server) visibleThemeWorkshop(c *fiber.Ctx, consultationID string) (string, error) {
	wid, err := s.store.ThemeWorkshop(c.UserContext(), consultationID)
	if err != nil || wid == "" {
		return "", err
	}
	ok, _, err := s.permits(c.UserContext(), userOf(c), accessView, domain.KindWorkshop, wid)
	if err != nil || !ok {
		return "", err
	}
	return wid, nil
}

// addCommentThemes adds the borrowed themes and the comments' tags to a
// consultation page's data (nothing when no workshop is chosen, or when the
// user may not see the chosen one: its theme names are its own).
func (s *Server) addCommentThemes(c *fiber.Ctx, consultationID string, data fiber.Map) error {
	wid, err := s.visibleThemeWorkshop(c, consultationID)
	if err != nil || wid == "" {
		return err
	}
	themes, err := s.store.Themes(c.UserContext(), wid)
	if err != nil {
		return err
	}
	tags, err := s.store.CommentThemes(c.UserContext(), consultationID)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, t := range themes {
		names[t.ID] = t.Name
	}
	data["ThemeWorkshop"], data["Themes"], data["Tags"], data["ThemeNames"] = wid, themes, tags, names
	return nil
}
