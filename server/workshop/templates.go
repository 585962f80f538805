package workshop

import (
	"fmt"
	"strings"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sense"
	"github.com/samrad-se/samrad/server/storage"
)

// LjungskileQuestions are the workshop questions of the Ljungskile
// conference on the agreement with the social economy (slide 14 of its
// presentation).
var LjungskileQuestions = []string{
	"Vad ser ni för möjligheter i er nämnd/styrelse att arbeta tillsammans med social ekonomi?",
	"Vilka samarbeten har ni idag?",
	"Hur skulle ni kunna utveckla samarbetet?",
	"Utmaningar?",
}

// LjungskileTemplateID names the built-in template of the Ljungskile conference.
const LjungskileTemplateID = "ljungskile"

// ljungskileTables: the conference seated its guests at about twenty tables.
const ljungskileTables = 20

// BuiltinTemplates are the templates Samråd ships: the Ljungskile
// conference's workshop, its four questions and the theme set "VGR:s
// verksamheter" with the shipped keywords.
func BuiltinTemplates() []domain.Template {
	names, _ := domain.PresetThemes("vgr")
	keywords, _ := sense.PresetKeywords("vgr")
	c := domain.TemplateContent{}
	for _, q := range LjungskileQuestions {
		c.Questions = append(c.Questions, domain.TemplateQuestion{Text: q, Kind: domain.QuestionText})
	}
	for i, n := range names {
		c.Themes = append(c.Themes, domain.TemplateTheme{Name: n, Color: domain.Palette[i%len(domain.Palette)], Keywords: keywords[n]})
	}
	for i := 1; i <= ljungskileTables; i++ {
		c.Tables = append(c.Tables, fmt.Sprintf("Bord %d", i))
	}
	return []domain.Template{{ID: LjungskileTemplateID, Name: "Konferensen i Ljungskile: överenskommelsen med den sociala ekonomin",
		Builtin: true, Content: c}}
}

// Builtin is the built-in template with this id, if there is one.
func Builtin(id string) (domain.Template, bool) {
	for _, t := range BuiltinTemplates() {
		if t.ID == id {
			return t, true
		}
	}
	return domain.Template{}, false
}

// findTemplate is a built-in template or a stored one.
func findTemplate(tx *storage.Tx, id string) (domain.Template, error) {
	if t, ok := Builtin(id); ok {
		return t, nil
	}
	return tx.Template(id)
}

// SaveTemplate keeps a workshop's questions (with their kind), themes (with
// colour and keywords, without summaries) and tables (names and count) as a
// template. Name defaults to the workshop's.
type SaveTemplate struct {
	WorkshopID string
	Name       string
	CreatedBy  string

	ID string
}

func (s *SaveTemplate) Apply(tx *storage.Tx) ([]domain.Change, error) {
	w, err := tx.Workshop(s.WorkshopID)
	if err != nil {
		return nil, err
	}
	name := s.Name
	if strings.TrimSpace(name) == "" {
		name = w.Name
	}
	if name, err = cleanLine(name, domain.MaxNameRunes, "template_name"); err != nil {
		return nil, err
	}
	if n, err := tx.CountTemplates(); err != nil {
		return nil, err
	} else if n >= domain.MaxTemplates {
		return nil, domain.Errorf(domain.KindInvalid, "too_many_templates", "max", domain.MaxTemplates)
	}
	var c domain.TemplateContent
	questions, err := tx.Questions(s.WorkshopID)
	if err != nil {
		return nil, err
	}
	for _, q := range questions {
		c.Questions = append(c.Questions, domain.TemplateQuestion{Text: q.Text, Kind: q.Kind, Duration: q.Duration, AutoClose: q.AutoClose})
	}
	themes, err := tx.Themes(s.WorkshopID)
	if err != nil {
		return nil, err
	}
	for _, t := range themes {
		if !t.Parking {
			c.Themes = append(c.Themes, domain.TemplateTheme{Name: t.Name, Color: t.Color, Keywords: t.Keywords})
		}
	}
	tables, err := tx.Tables(s.WorkshopID)
	if err != nil {
		return nil, err
	}
	for _, t := range tables {
		c.Tables = append(c.Tables, t.Name)
	}
	t := domain.Template{ID: newID(), Name: name, CreatedBy: s.CreatedBy, CreatedAt: tx.Now(), Content: c}
	if err := tx.InsertTemplate(t); err != nil {
		return nil, err
	}
	s.ID = t.ID
	return nil, nil
}

func (s *SaveTemplate) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "template.create", Kind: "template", EventID: s.WorkshopID}, nil
}
func (s *SaveTemplate) CreatedID() string { return s.ID }
func (s *SaveTemplate) AuditAfter(tx *storage.Tx) any {
	t, err := tx.Template(s.ID)
	if err != nil {
		return nil
	}
	return t
}

// DeleteTemplate removes a stored template; workshops made from it keep
// what they got. Built-in templates cannot be deleted. Only an
// administrator or whoever saved it may (the web layer says who is asking).
type DeleteTemplate struct {
	ID      string
	ByID    string
	ByAdmin bool
}

func (d *DeleteTemplate) Apply(tx *storage.Tx) ([]domain.Change, error) {
	t, err := findTemplate(tx, d.ID)
	if err != nil {
		return nil, err
	}
	if t.Builtin {
		return nil, domain.Errorf(domain.KindConflict, "template_builtin")
	}
	if !d.ByAdmin && t.CreatedBy != d.ByID {
		return nil, domain.Errorf(domain.KindForbidden, "template_not_yours")
	}
	return nil, tx.DeleteTemplate(d.ID)
}

func (d *DeleteTemplate) Audit(tx *storage.Tx) (audit.Entry, error) {
	e := audit.Entry{Action: "template.delete", Kind: "template", ObjectID: d.ID}
	if t, err := tx.Template(d.ID); err == nil {
		e.Before = t
	}
	return e, nil
}

// CreateFromTemplate makes a workshop from a template: its questions with
// their kind, its themes with colour and keywords (plus the parking lot),
// and its tables with their names, each with a new code. ID is set on
// success.
type CreateFromTemplate struct {
	Details
	TemplateID string
	CreatedBy  string

	ID       string
	template domain.Template
}

func (c *CreateFromTemplate) Apply(tx *storage.Tx) ([]domain.Change, error) {
	d, err := c.Details.clean()
	if err != nil {
		return nil, err
	}
	if c.template.ID == "" {
		if c.template, err = findTemplate(tx, c.TemplateID); err != nil {
			return nil, err
		}
	}
	content, err := cleanContent(c.template.Content)
	if err != nil {
		return nil, err
	}
	code, err := uniqueCode(tx)
	if err != nil {
		return nil, err
	}
	w := domain.Workshop{ID: newID(), Name: d.Name, Date: d.Date, Place: d.Place, State: domain.WorkshopDraft, JoinCode: code}
	if err := tx.InsertWorkshop(w, c.CreatedBy); err != nil {
		return nil, err
	}
	for i, q := range content.Questions {
		if err := tx.InsertQuestion(domain.Question{ID: newID(), WorkshopID: w.ID, Position: i + 1, Text: q.Text,
			State: domain.QuestionPending, Kind: q.Kind, Duration: q.Duration, AutoClose: q.AutoClose && q.Duration > 0}); err != nil {
			return nil, err
		}
	}
	for i, t := range content.Themes {
		if err := tx.InsertTheme(domain.Theme{ID: newID(), WorkshopID: w.ID, Position: i + 1, Name: t.Name, Color: t.Color,
			Keywords: t.Keywords}); err != nil {
			return nil, err
		}
	}
	parking := domain.Theme{ID: newID(), WorkshopID: w.ID, Position: len(content.Themes) + 1, Name: ParkingName, Color: "grey", Parking: true}
	if err := tx.InsertTheme(parking); err != nil {
		return nil, err
	}
	for i, name := range content.Tables {
		code, err := uniqueCode(tx)
		if err != nil {
			return nil, err
		}
		if err := tx.InsertTable(domain.Table{ID: newID(), WorkshopID: w.ID, Position: i + 1, Name: name, Code: code}); err != nil {
			return nil, err
		}
	}
	c.ID = w.ID
	// Nobody can be watching a workshop that did not exist: no changes to publish.
	return nil, nil
}

// cleanContent checks a template as a new workshop's parts are checked:
// a stored template was written by an older version, perhaps, and its
// parts must still fit today's limits.
func cleanContent(in domain.TemplateContent) (domain.TemplateContent, error) {
	var out domain.TemplateContent
	if len(in.Questions) > domain.MaxQuestions {
		return out, domain.Errorf(domain.KindInvalid, "too_many_questions", "max", domain.MaxQuestions)
	}
	for _, q := range in.Questions {
		text, err := cleanText(q.Text, domain.MaxQuestionRunes, "question")
		if err != nil {
			return out, err
		}
		kind, err := domain.ParseQuestionKind(string(q.Kind))
		if err != nil {
			return out, err
		}
		if q.Duration < 0 || q.Duration > domain.MaxDurationSeconds {
			return out, domain.Errorf(domain.KindInvalid, "duration_invalid", "max", domain.MaxDurationSeconds/60)
		}
		out.Questions = append(out.Questions, domain.TemplateQuestion{Text: text, Kind: kind, Duration: q.Duration, AutoClose: q.AutoClose})
	}
	if len(in.Themes) > domain.MaxThemes {
		return out, domain.Errorf(domain.KindInvalid, "too_many_themes", "max", domain.MaxThemes)
	}
	for i, t := range in.Themes {
		name, err := cleanLine(t.Name, domain.MaxNameRunes, "theme")
		if err != nil {
			return out, err
		}
		color := t.Color
		if !domain.ValidColor(color) {
			color = domain.Palette[i%len(domain.Palette)]
		}
		keywords, err := CleanKeywords(strings.Join(t.Keywords, "\n"))
		if err != nil {
			return out, err
		}
		out.Themes = append(out.Themes, domain.TemplateTheme{Name: name, Color: color, Keywords: keywords})
	}
	if len(in.Tables) < 1 || len(in.Tables) > domain.MaxTables {
		return out, domain.Errorf(domain.KindInvalid, "tables_count", "max", domain.MaxTables)
	}
	for _, t := range in.Tables {
		name, err := cleanLine(t, domain.MaxNameRunes, "table_name")
		if err != nil {
			return out, err
		}
		out.Tables = append(out.Tables, name)
	}
	return out, nil
}

// Audit files the new workshop under itself, with the template it came from
// as what was there before.
func (c *CreateFromTemplate) Audit(tx *storage.Tx) (audit.Entry, error) {
	e := audit.Entry{Action: "workshop.create_from_template", Kind: domain.KindWorkshop}
	t, err := findTemplate(tx, c.TemplateID)
	if err != nil {
		// Apply reports it in its own words.
		return e, nil
	}
	c.template = t
	e.Before = map[string]string{"template": t.ID, "name": t.Name}
	return e, nil
}
func (c *CreateFromTemplate) CreatedID() string { return c.ID }
func (c *CreateFromTemplate) AuditAfter(tx *storage.Tx) any {
	w, err := tx.Workshop(c.ID)
	if err != nil {
		return nil
	}
	return w
}
