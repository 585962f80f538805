package domain

import "time"

// Template is what a new workshop can start from ("mall"): questions with
// their kind, themes with their keywords, and tables. It holds no answers,
// and no summaries (they belong to a day's answers).
type Template struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Builtin     bool            `json:"builtin,omitempty"` // ships with Samråd; cannot be deleted
	CreatedBy   string          `json:"-"`                 // user id; empty for built-in ones
	CreatorName string          `json:"-"`
	CreatedAt   time.Time       `json:"created"`
	Content     TemplateContent `json:"content"`
}

// TemplateContent is stored as JSON: fields can be added (a question's
// duration, say) without changing the table, and older templates read as
// having none.
type TemplateContent struct {
	Questions []TemplateQuestion `json:"questions"`
	Themes    []TemplateTheme    `json:"themes"`
	Tables    []string           `json:"tables"` // names, in order; their number is the tables' count
}

type TemplateQuestion struct {
	Text string       `json:"text"`
	Kind QuestionKind `json:"kind"`
	// Duration (seconds, 0: none) and AutoClose are the question's time box.
	Duration  int  `json:"duration,omitempty"`
	AutoClose bool `json:"autoClose,omitempty"`
}

type TemplateTheme struct {
	Name     string   `json:"name"`
	Color    string   `json:"color"`
	Keywords []string `json:"keywords,omitempty"`
}

// MaxTemplates bounds how many templates an organisation keeps.
const MaxTemplates = 200
