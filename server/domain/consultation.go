package domain

import (
	"strings"
	"time"
)

// Limits of a consultation and of a response. Messages naming them come from
// the catalogue with the number filled in.
const (
	MaxTitleRunes        = 300
	MaxIntroRunes        = 20000
	MaxSectionBodyRunes  = 50000
	MaxSections          = 200
	MaxRespondents       = 2000  // the invitation list
	MaxSpontaneous       = 2000  // respondents through the public link, counted apart
	MaxCommentRunes      = 10000 // one section's comment
	MaxLongTextRunes     = 20000 // summary, general and other views
	MaxAttachmentBytes   = 10 << 20
	MaxAttachmentNameLen = 200
)

type ConsultationState string

const (
	ConsultationDraft  ConsultationState = "draft"  // utkast: being prepared, links do not work yet
	ConsultationOpen   ConsultationState = "open"   // öppen: answers are taken until the deadline
	ConsultationClosed ConsultationState = "closed" // stängd: read-only for everyone
)

func ValidConsultationState(s ConsultationState) bool {
	return s == ConsultationDraft || s == ConsultationOpen || s == ConsultationClosed
}

// Consultation is a remiss: a draft in sections, sent to organisations.
type Consultation struct {
	ID               string            `json:"id"`
	Title            string            `json:"title"`
	RemittingBody    string            `json:"remittingBody"` // who sends the remiss
	Dnr              string            `json:"dnr"`           // diarienummer
	Intro            string            `json:"intro"`
	Deadline         time.Time         `json:"deadline"`
	State            ConsultationState `json:"state"`
	AllowSpontaneous bool              `json:"allowSpontaneous"`
	PublicToken      string            `json:"-"`
	DraftPDF         string            `json:"-"` // attachment id, or ""
	Seq              int64             `json:"-"` // the last change's number
	Epoch            string            `json:"-"` // the timeline of its changes (see live)
	CreatedAt        time.Time         `json:"created"`
	OpenedAt         time.Time         `json:"opened,omitzero"` // first opened for answers
	// E-mail: remind those who have not answered this many days before
	// the deadline (0: never); send the working group a daily digest.
	ReminderDays int  `json:"reminderDays"`
	Digest       bool `json:"digest"`
}

// MaxReminderDays bounds how early a reminder may go out.
const MaxReminderDays = 60

// Phase is where a consultation stands as lists show it: its state, except
// that an open one whose deadline has passed says so ("deadline_passed"):
// only those given more time may still answer. The deadline names a minute
// ("senast kl. 23.59"), so that whole minute is still before it.
func (c Consultation) Phase(now time.Time) string {
	if c.State == ConsultationOpen && c.DeadlinePassed(now) {
		return "deadline_passed"
	}
	return string(c.State)
}

// DeadlinePassed reports whether now is after the deadline's minute.
func (c Consultation) DeadlinePassed(now time.Time) bool {
	return !now.Before(c.Deadline.Truncate(time.Minute).Add(time.Minute))
}

// Section is one numbered part of the draft.
type Section struct {
	ID             string `json:"id"`
	ConsultationID string `json:"-"`
	Position       int    `json:"position"`
	Number         string `json:"number"` // as the draft numbers it: "1", "2.3", "§ 4"; may be empty
	Heading        string `json:"heading"`
	Body           string `json:"body"`
}

// Label is how a section is named in lists, in Swedish style: a whole
// number takes a period ("3. Utgångspunkter"), a decimal one does not
// ("3.1 Syfte"), nor does a paragraph ("§ 4 Uppföljning").
func (s Section) Label() string {
	if s.Number == "" {
		return s.Heading
	}
	n := strings.TrimSuffix(s.Number, ".")
	if !strings.Contains(n, ".") && !strings.HasPrefix(n, "§") {
		n += "."
	}
	return n + " " + s.Heading
}

// Stance is a respondent's position on a section (ställningstagande).
type Stance string

const (
	StanceNone        Stance = ""             // ingen ställning: a comment only, or nothing
	StanceSupport     Stance = "support"      // tillstyrker
	StancePartly      Stance = "partly"       // tillstyrker delvis (med förbehåll)
	StanceOppose      Stance = "oppose"       // avstyrker
	StanceNoObjection Stance = "no_objection" // inga invändningar
	StanceNoComments  Stance = "no_comments"  // inga synpunkter
)

// Stances lists the stances in the order forms, charts and reports show them.
var Stances = []Stance{StanceSupport, StancePartly, StanceOppose, StanceNoObjection, StanceNoComments, StanceNone}

func ValidStance(s Stance) bool {
	for _, v := range Stances {
		if v == s {
			return true
		}
	}
	return false
}

// Key names a stance in the catalogue ("remiss.stance.<key>").
func (s Stance) Key() string {
	if s == StanceNone {
		return "none"
	}
	return string(s)
}

// SectionAnswer is what a respondent says on one section.
type SectionAnswer struct {
	Stance  Stance `json:"stance"`
	Comment string `json:"comment"`
}

// Answer is a whole response (remissvar) as typed: a draft or a submitted
// version. Sections are keyed by section id.
type Answer struct {
	Organisation   string                   `json:"organisation"`
	OrgNumber      string                   `json:"orgNumber"`
	Contact        string                   `json:"contact"`
	Email          string                   `json:"email"`
	DecidedBy      string                   `json:"decidedBy"` // e.g. "styrelsen"
	DecidedOn      string                   `json:"decidedOn"` // YYYY-MM-DD
	Summary        string                   `json:"summary"`
	General        string                   `json:"general"`
	Other          string                   `json:"other"`
	Sections       map[string]SectionAnswer `json:"sections"`
	AttachmentID   string                   `json:"attachmentId,omitempty"`
	AttachmentName string                   `json:"attachmentName,omitempty"`
	// Publish is the respondent's answer to "may we publish your answer on
	// the web?": PublishYes, PublishNo, or "" (not answered, which is no).
	Publish string `json:"publish,omitempty"`
}

const (
	PublishYes = "yes"
	PublishNo  = "no"
)

// NoComments is a response that says nothing but "inga synpunkter": no text
// anywhere and no stance other than "inga synpunkter".
func (a Answer) NoComments() bool {
	if strings.TrimSpace(a.Summary+a.General+a.Other) != "" || a.AttachmentID != "" {
		return false
	}
	said := false
	for _, s := range a.Sections {
		if strings.TrimSpace(s.Comment) != "" || (s.Stance != StanceNone && s.Stance != StanceNoComments) {
			return false
		}
		said = said || s.Stance == StanceNoComments
	}
	return said
}

// Respondent is an invited organisation or a spontaneous respondent, with
// where its response stands.
type Respondent struct {
	ID             string    `json:"id"`
	ConsultationID string    `json:"-"`
	Invited        bool      `json:"invited"`
	Organisation   string    `json:"organisation"` // from the invitation list, or from the latest answer
	Email          string    `json:"-"`
	Lang           string    `json:"-"` // the language e-mail to it is written in
	Token          string    `json:"-"`
	OpenedAt       time.Time `json:"opened,omitzero"`
	Reopened       bool      `json:"reopened"`
	Reference      string    `json:"reference,omitempty"`
	CreatedAt      time.Time `json:"-"`
	// Derived from the draft and versions.
	DraftAt     time.Time `json:"draftAt,omitzero"`
	Version     int       `json:"version"` // latest submitted, 0 for none
	SubmittedAt time.Time `json:"submittedAt,omitzero"`
	Late        bool      `json:"late"`
	NoComments  bool      `json:"noComments"`
}

// RespondentStatus is where a respondent is, as the invitation list shows it.
type RespondentStatus string

const (
	StatusNotOpened  RespondentStatus = "not_opened"
	StatusOpened     RespondentStatus = "opened"
	StatusDraft      RespondentStatus = "draft"
	StatusSubmitted  RespondentStatus = "submitted"
	StatusNoComments RespondentStatus = "no_comments"
)

func (r Respondent) Status() RespondentStatus {
	switch {
	case r.Version > 0 && r.NoComments:
		return StatusNoComments
	case r.Version > 0:
		return StatusSubmitted
	case !r.DraftAt.IsZero():
		return StatusDraft
	case !r.OpenedAt.IsZero():
		return StatusOpened
	default:
		return StatusNotOpened
	}
}

// Version is one submitted response, never changed after it was stored.
type Version struct {
	RespondentID string    `json:"respondent"`
	Version      int       `json:"version"`
	Answer       Answer    `json:"answer"`
	SubmittedAt  time.Time `json:"submitted"`
	Late         bool      `json:"late"`
	// SentBy names the staff member whose logged-in browser sent this
	// version ("Name <e-mail>"); empty when the respondent sent it.
	SentBy string `json:"sentBy,omitempty"`
}

// Draft is a respondent's working copy of the answer, which colleagues with
// the same link edit together. Rev counts its changes; each field remembers
// the change that last set it (see draft.go).
type Draft struct {
	Rev       int64                `json:"rev"`
	Answer    Answer               `json:"answer"`
	Fields    map[string]FieldMeta `json:"fields,omitempty"`
	UpdatedAt time.Time            `json:"updated"`
}

// Attachment is a stored PDF, without its bytes.
type Attachment struct {
	ID             string
	ConsultationID string
	RespondentID   string
	Filename       string
	Size           int64
	SHA256         string
	CreatedAt      time.Time
}
