package export

import (
	"fmt"
	"strconv"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
)

// Votes in the exports: every answer's row carries "Prickar", the dots it
// got in the latest vote it was part of (empty if it was in none), so the
// CSV keeps one fixed header however many votes were held. The XLSX adds a
// sheet "Prioritering" with every vote and its whole ranking.

// Votes are a workshop's votes, in the order they opened, with their results.
type Votes struct {
	List    []domain.Vote
	Results []domain.VoteResults
}

const dotsHeader = "Prickar"

// dotsByInput is each candidate's dots in the latest vote it was part of.
func (v Votes) dotsByInput() map[string]int {
	results := make(map[string]domain.VoteResults, len(v.Results))
	for _, r := range v.Results {
		results[r.Vote] = r
	}
	out := map[string]int{}
	for _, vote := range v.List {
		for _, c := range results[vote.ID].Counts {
			out[c.ID] = c.Dots
		}
	}
	return out
}

// dotsCell is an answer's "Prickar" as text: empty when it was in no vote.
func dotsCell(dots map[string]int, id string) string {
	if n, ok := dots[id]; ok {
		return strconv.Itoa(n)
	}
	return ""
}

func dotsValue(dots map[string]int, id string) any {
	if n, ok := dots[id]; ok {
		return n
	}
	return nil
}

func dotsOf(dots map[string]int, id string) *int {
	if n, ok := dots[id]; ok {
		return &n
	}
	return nil
}

// scopeLabel says in words what a vote was on.
func (l *lookup) scopeLabel(v domain.Vote) string {
	switch v.Scope {
	case domain.VoteOnQuestion:
		return questionLabel(l.questionNumber(v.ScopeID)) + ": " + l.questionText(v.ScopeID)
	case domain.VoteOnTheme:
		return "Temat " + l.themeName(v.ScopeID)
	}
	return "Alla synliga svar"
}

const votesSheet = "Prioritering"

// votesSheet writes every vote with its ranking: one block per vote.
func (x *xlsxWriter) votes(v Votes) error {
	if len(v.List) == 0 {
		return nil
	}
	f, st := x.f, x.st
	if _, err := f.NewSheet(votesSheet); err != nil {
		return err
	}
	results := make(map[string]domain.VoteResults, len(v.Results))
	for _, r := range v.Results {
		results[r.Vote] = r
	}
	row := 1
	if err := setCell(f, votesSheet, "A1", "Prioritering (prickröstning)", st.title); err != nil {
		return err
	}
	for i, vote := range v.List {
		row += 2
		state := "öppen"
		if vote.State == domain.VoteClosed {
			state = "stängd"
			if vote.ClosedAt != nil {
				state += " " + i18n.DateTime("sv", *vote.ClosedAt)
			}
		}
		r := results[vote.ID]
		lines := [][]any{
			{fmt.Sprintf("Omröstning %d", i+1), x.l.scopeLabel(vote)},
			{"Öppnad", i18n.DateTime("sv", vote.OpenedAt)},
			{"Läge", state},
			{"Prickar per bord", vote.Dots, "Högst på ett svar", vote.Limit},
			{"Bord som prickat", r.Tables, "Prickar totalt", r.Total},
		}
		for j, line := range lines {
			style := 0
			if j == 0 {
				style = st.header
			}
			if err := setRow(f, votesSheet, 1, row, line, style); err != nil {
				return err
			}
			row++
		}
		if err := setRow(f, votesSheet, 1, row, []any{"Plats", dotsHeader, "Svar", "Fråga", "Id"}, st.header); err != nil {
			return err
		}
		text := make(map[string]domain.VoteCandidate, len(vote.Candidates))
		for _, c := range vote.Candidates {
			text[c.ID] = c
		}
		for rank, c := range r.Counts {
			row++
			cand := text[c.ID]
			if err := setRow(f, votesSheet, 1, row, []any{rank + 1, c.Dots, cand.Text,
				questionLabel(x.l.questionNumber(cand.Question)), c.ID}, 0); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(votesSheet, "A", "B", 18); err != nil {
		return err
	}
	return f.SetColWidth(votesSheet, "C", "C", 70)
}
