package remiss

import (
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Compilation is the working group's view of all answers: participation,
// and per section the stances and every view, by organisation. It is what
// the overview, the report (remissammanställning) and the exports show.
// Only the latest submitted version of each response counts.
type Compilation struct {
	Consultation  domain.Consultation
	Sections      []SectionTally
	Answered      []Answered          // respondents with a submitted version, in Swedish alphabetical order
	Invited       []domain.Respondent // the invitation list, in Swedish alphabetical order
	Participation Participation
	// The working group's analysis (see Annotate): notes by
	// storage.NoteKey, summaries by part.
	Notes     map[string]domain.Note
	Summaries map[string]domain.Summary
}

// Participation counts who answered.
type Participation struct {
	Invited         int // on the invitation list
	InvitedAnswered int // invited, and answered
	Spontaneous     int // answered without an invitation
	NoComments      int // answered "inga synpunkter"
	NoAnswer        int // invited, and not answered
	Late            int // answered after the deadline
}

// Answered is one respondent's latest submitted version.
type Answered struct {
	Respondent domain.Respondent
	Version    domain.Version
}

// StanceCount is one bar of a section's chart.
type StanceCount struct {
	Stance domain.Stance
	Count  int
}

// View is one respondent's answer on one section.
type View struct {
	RespondentID string
	Organisation string
	Invited      bool
	Late         bool
	Stance       domain.Stance
	Comment      string
	Version      int         // of the answer
	Note         domain.Note // the working group's, on this view
}

// NoteStale reports whether the note was written on an earlier version of the answer.
func (v View) NoteStale() bool { return !v.Note.Empty() && v.Note.Version != v.Version }

// SectionTally is a section with its stance counts and views.
type SectionTally struct {
	Section domain.Section
	Counts  []StanceCount // in domain.Stances order, each stance present
	Answers int           // respondents with a stance or a comment on the section
	Views   []View        // respondents with a stance or a comment, alphabetically
}

// Max is the largest count, for scaling bars.
func (t SectionTally) Max() int {
	m := 0
	for _, c := range t.Counts {
		m = max(m, c.Count)
	}
	return m
}

// Stance is the respondent's stance on a section ("" when none).
func (a Answered) Stance(sectionID string) domain.Stance {
	return a.Version.Answer.Sections[sectionID].Stance
}

// Compile builds the compilation from a consultation's sections and
// respondents with their latest versions (as storage.Respondents returns them).
func Compile(con domain.Consultation, sections []domain.Section, respondents []domain.Respondent, latest map[string]domain.Version) Compilation {
	c := Compilation{Consultation: con}
	for _, r := range respondents {
		v, answered := latest[r.ID]
		if r.Invited {
			c.Invited = append(c.Invited, r)
			c.Participation.Invited++
			if answered {
				c.Participation.InvitedAnswered++
			} else {
				c.Participation.NoAnswer++
			}
		} else if answered {
			c.Participation.Spontaneous++
		}
		if !answered {
			continue
		}
		if v.Answer.NoComments() {
			c.Participation.NoComments++
		}
		if v.Late {
			c.Participation.Late++
		}
		if !r.Invited || r.Organisation == "" {
			r.Organisation = v.Answer.Organisation
		}
		c.Answered = append(c.Answered, Answered{Respondent: r, Version: v})
	}
	col := collate.New(language.Swedish, collate.IgnoreCase)
	sort.SliceStable(c.Answered, func(i, j int) bool {
		return col.CompareString(c.Answered[i].Respondent.Organisation, c.Answered[j].Respondent.Organisation) < 0
	})
	sort.SliceStable(c.Invited, func(i, j int) bool {
		return col.CompareString(c.Invited[i].Organisation, c.Invited[j].Organisation) < 0
	})
	for _, s := range sections {
		t := SectionTally{Section: s}
		counts := map[domain.Stance]int{}
		for _, a := range c.Answered {
			sa, ok := a.Version.Answer.Sections[s.ID]
			if !ok || (sa.Stance == domain.StanceNone && sa.Comment == "") {
				continue
			}
			counts[sa.Stance]++
			t.Answers++
			t.Views = append(t.Views, View{RespondentID: a.Respondent.ID, Organisation: a.Respondent.Organisation, Invited: a.Respondent.Invited,
				Late: a.Version.Late, Stance: sa.Stance, Comment: sa.Comment, Version: a.Version.Version})
		}
		for _, st := range domain.Stances {
			t.Counts = append(t.Counts, StanceCount{Stance: st, Count: counts[st]})
		}
		c.Sections = append(c.Sections, t)
	}
	return c
}

// Width is a count's share of the section's answers in steps of 5 %
// (0–20), for drawing its bar with a CSS class rather than an inline style.
func (t SectionTally) Width(count int) int {
	if t.Answers == 0 {
		return 0
	}
	return (count*20 + t.Answers/2) / t.Answers
}

// HasGeneral reports whether any response has a summary, general or other views.
func (c Compilation) HasGeneral() bool {
	for _, a := range c.Answered {
		if ans := a.Version.Answer; ans.Summary != "" || ans.General != "" || ans.Other != "" {
			return true
		}
	}
	return false
}

// Annotate adds the working group's notes and summaries.
func (c *Compilation) Annotate(notes map[string]domain.Note, summaries map[string]domain.Summary) {
	c.Notes, c.Summaries = notes, summaries
	for i := range c.Sections {
		for j := range c.Sections[i].Views {
			v := &c.Sections[i].Views[j]
			v.Note = notes[storage.NoteKey(v.RespondentID, c.Sections[i].Section.ID)]
		}
	}
}

// Note is the working group's note on a part of an answer.
func (c Compilation) Note(respondentID, part string) domain.Note {
	return c.Notes[storage.NoteKey(respondentID, part)]
}

// Summary is the working group's summary of a section, or of everything
// (domain.PartOverall).
func (c Compilation) Summary(part string) domain.Summary { return c.Summaries[part] }

// Progress counts, for one section, the views with an action decided.
func (t SectionTally) Decided() int {
	n := 0
	for _, v := range t.Views {
		if v.Note.Action != domain.ActionUndecided {
			n++
		}
	}
	return n
}

// NotAnswered lists the invited respondents without a submitted answer,
// in Swedish alphabetical order.
func (c Compilation) NotAnswered() []domain.Respondent {
	var out []domain.Respondent
	for _, r := range c.Invited {
		if r.Version == 0 {
			out = append(out, r)
		}
	}
	return out
}

// Declined lists the invited respondents that answered with nothing but
// "inga synpunkter": they declined to comment (avstod).
func (c Compilation) Declined() []Answered {
	var out []Answered
	for _, a := range c.Answered {
		if a.Respondent.Invited && a.Version.Answer.NoComments() {
			out = append(out, a)
		}
	}
	return out
}

// Answers is how many respondents answered.
func (p Participation) Answers() int { return p.InvitedAnswered + p.Spontaneous }

// WithOther lists the respondents that gave other views (övriga synpunkter).
func (c Compilation) WithOther() []Answered {
	var out []Answered
	for _, a := range c.Answered {
		if a.Version.Answer.Other != "" {
			out = append(out, a)
		}
	}
	return out
}

// ShortStances reports whether the organisations × sections table needs
// the stances abbreviated to fit: a landscape A4 page has room for the
// stances written out in about nine columns.
func (c Compilation) ShortStances() bool { return len(c.Sections) > 9 }
