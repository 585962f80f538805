package export

import (
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/storage"
)

// ReportVote is one vote (prickröstning) in the workshop's documentation:
// what it was on and how the tables ranked its answers.
type ReportVote struct {
	Number  int
	Scope   domain.VoteScope
	About   string // the question's text or the theme's name
	Ask     int    // the question's number, for a vote on a question
	Dots    int
	Limit   int
	Tables  int // tables that placed a dot
	Total   int
	Open    bool
	Ranking []ReportVoteRow
}

// ReportVoteRow is an answer's place in a vote.
type ReportVoteRow struct {
	Rank int
	Dots int
	Text string
}

// Label says in words what the vote was on.
func (v ReportVote) Label(lang string) string {
	switch v.Scope {
	case domain.VoteOnQuestion:
		return i18n.T(lang, "wdoc.question", "n", v.Ask, "text", v.About)
	case domain.VoteOnTheme:
		return i18n.T(lang, "wdoc.vote_theme", "name", v.About)
	}
	return i18n.T(lang, "wdoc.vote_all")
}

// Heading is the vote's heading: its number and what it was on.
func (v ReportVote) Heading(lang string) string {
	return i18n.T(lang, "wdoc.vote_n", "n", v.Number, "label", v.Label(lang))
}

// FactsLine is how many tables voted and with which settings.
func (v ReportVote) FactsLine(lang string) string {
	return i18n.T(lang, "wdoc.vote_facts", "tables", v.Tables, "total", v.Total, "dots", v.Dots, "limit", v.Limit)
}

// reportVotes arranges a workshop's votes, in the order they opened, with
// every answer's dots, most first.
func reportVotes(set storage.VoteSet, l *lookup) []ReportVote {
	results := make(map[string]domain.VoteResults, len(set.Results))
	for _, r := range set.Results {
		results[r.Value.Vote] = r.Value
	}
	out := make([]ReportVote, 0, len(set.Votes))
	for i, v := range set.Votes {
		r := results[v.ID]
		rv := ReportVote{Number: i + 1, Scope: v.Scope, Dots: v.Dots, Limit: v.Limit, Tables: r.Tables, Total: r.Total,
			Open: v.State != domain.VoteClosed}
		switch v.Scope {
		case domain.VoteOnQuestion:
			rv.Ask, rv.About = l.questionNumber(v.ScopeID), l.questionText(v.ScopeID)
		case domain.VoteOnTheme:
			rv.About = l.themeName(v.ScopeID)
		}
		text := make(map[string]string, len(v.Candidates))
		for _, c := range v.Candidates {
			text[c.ID] = c.Text
		}
		for rank, c := range r.Counts {
			rv.Ranking = append(rv.Ranking, ReportVoteRow{Rank: rank + 1, Dots: c.Dots, Text: text[c.ID]})
		}
		out = append(out, rv)
	}
	return out
}

// votesChapter is "Prioriteringar": each vote's ranking, when there were votes.
func votesChapter(d *docx, r WorkshopReport) {
	if len(r.Votes) == 0 {
		return
	}
	d.chapter(sv("wdoc.votes"))
	for _, v := range r.Votes {
		d.entry(v.Heading("sv"))
		d.para("Meta", run(v.FactsLine("sv"), false))
		if v.Open {
			d.para("", run(sv("wdoc.vote_open"), false))
		}
		rows := make([][]string, 0, len(v.Ranking))
		for _, row := range v.Ranking {
			rows = append(rows, []string{itoa(row.Rank), itoa(row.Dots), row.Text})
		}
		d.table(docTable{caption: v.Heading("sv"), width: textWidth, widths: []float64{0.1, 0.14, 0.76},
			header: []string{sv("wdoc.col_rank"), sv("wdoc.col_dots"), sv("wdoc.col_answer")}, rows: rows,
			numeric: []bool{true, true, false}})
	}
}
