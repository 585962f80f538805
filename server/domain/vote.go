package domain

import "time"

// Prioritising (prickröstning): each table places a number of dots on the
// answers that matter most to it; the answers with most dots come first.

// VoteScope says which answers a vote is on.
type VoteScope string

const (
	VoteOnWorkshop VoteScope = "workshop" // every visible answer of the workshop
	VoteOnQuestion VoteScope = "question" // the visible answers to one question
	VoteOnTheme    VoteScope = "theme"    // the visible answers in one theme
)

type VoteState string

const (
	VoteOpen   VoteState = "open"   // tables place and move their dots
	VoteClosed VoteState = "closed" // dots are final; the results stay
)

// Bounds of a vote's settings; the defaults are what the dashboard offers.
const (
	DefaultVoteDots  = 3
	DefaultVoteLimit = 2
	MaxVoteDots      = 20
	// MaxVoteCandidates keeps a vote something a table can read through on
	// a phone; a bigger wall is voted on by question or theme.
	MaxVoteCandidates = 100
)

// Vote is one round of prioritising. Its candidates are fixed when it opens.
type Vote struct {
	ID         string          `json:"id"`
	WorkshopID string          `json:"-"`
	Scope      VoteScope       `json:"scope"`
	ScopeID    string          `json:"scopeId,omitempty"`
	Dots       int             `json:"dots"`  // dots per table
	Limit      int             `json:"limit"` // most dots a table may give one answer
	State      VoteState       `json:"state"`
	Shown      bool            `json:"shown"` // results shown to phones and the projector
	Candidates []VoteCandidate `json:"candidates"`
	OpenedAt   time.Time       `json:"opened"`
	ClosedAt   *time.Time      `json:"closed,omitempty"`
	Seq        int64           `json:"-"`
}

// VoteCandidate is an answer to vote on, with its text as it was shown
// when the vote opened.
type VoteCandidate struct {
	ID       string `json:"id"` // the input's id
	Question string `json:"question"`
	Text     string `json:"text"`
}

// VoteResults are a vote's dots per answer, most dots first (ties in the
// candidates' order), and how many tables have placed any.
type VoteResults struct {
	Vote   string      `json:"vote"`
	Counts []VoteCount `json:"counts"`
	Tables int         `json:"tables"`
	Total  int         `json:"total"`
}

type VoteCount struct {
	ID   string `json:"id"`
	Dots int    `json:"dots"`
}

// TableDots is where one table's dots are in a vote, as all its phones see it.
type TableDots struct {
	Vote  string         `json:"vote"`
	Table string         `json:"table"`
	Dots  map[string]int `json:"dots"` // by input id; answers without dots are left out
	Left  int            `json:"left"`
}
