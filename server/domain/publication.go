package domain

import "time"

// Publication is an answer published on the web: which version, by whom.
type Publication struct {
	RespondentID string    `json:"respondent"`
	Version      int       `json:"version"`
	PublishedBy  string    `json:"publishedBy"`
	PublishedAt  time.Time `json:"published"`
}

// Redaction is text the working group removed from the published copy of
// one version of an answer, with its reason. The answer itself is kept as
// it was submitted.
type Redaction struct {
	ID           string    `json:"id"`
	RespondentID string    `json:"respondent"`
	Version      int       `json:"version"`
	Part         string    `json:"part"` // PartSummary, PartGeneral, PartOther, PartDecidedBy, or a section id
	Text         string    `json:"text"`
	Reason       string    `json:"reason"`
	CreatedBy    string    `json:"createdBy"`
	CreatedAt    time.Time `json:"created"`
}

// PartDecidedBy is the "decided by" line of an answer, which may name a person.
const PartDecidedBy = "decided_by"
