package web

import (
	"context"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// Votes (prickröstning) on the live connections: what snapshots and
// resumes carry of them, a phone's dots and a facilitator's vote commands.

// voteSnapshot is what a snapshot carries of the votes: every vote, the
// results the client may see (staff all, phones those shown) and, for a
// phone, its table's dots.
type voteSnapshot struct {
	Votes       []domain.Vote        `json:"votes"`
	VoteResults []domain.VoteResults `json:"voteResults"`
	Dots        []domain.TableDots   `json:"dots,omitempty"`
}

func votesOf(set storage.VoteSet) voteSnapshot {
	s := voteSnapshot{Votes: nonNil(set.Votes), VoteResults: make([]domain.VoteResults, 0, len(set.Results))}
	for _, r := range set.Results {
		s.VoteResults = append(s.VoteResults, r.Value)
	}
	for _, d := range set.Dots {
		s.Dots = append(s.Dots, d.Value)
	}
	return s
}

// missedVoteChanges are the vote changes since a cursor, as they were
// published. A phone's history holds only results that are shown.
func missedVoteChanges(workshopID, member string, set storage.VoteSet) []domain.Change {
	var out []domain.Change
	for _, v := range set.Votes {
		out = append(out, workshop.VoteChange(v))
	}
	for _, r := range set.Results {
		c := workshop.VoteResultsChange(workshopID, r.Value, member != "")
		c.Seq = r.Seq
		out = append(out, c)
	}
	for _, d := range set.Dots {
		c := workshop.TableDotsChange(workshopID, d.Value)
		c.Seq = d.Seq
		out = append(out, c)
	}
	return out
}

// placeDot is a phone's {"type":"dot"}: one of its table's dots given or taken back.
func (e tableEndpoint) placeDot(ctx context.Context, p *live.Peer, msg *live.Inbound) ([]byte, error) {
	cmd := &workshop.PlaceDot{WorkshopID: e.table.WorkshopID, TableID: e.table.ID, ID: msg.ID, VoteID: msg.Vote,
		InputID: msg.Item, Delta: msg.Delta, Origin: p.Origin()}
	if err := cmd.Validate(); err != nil {
		return nil, err
	}
	res, err := writer.Run(ctx, e.s.writer, cmd)
	if err != nil {
		return nil, err
	}
	return live.Ack(cmd.ID, res.Duplicate, res.Dots), nil
}

// voteCommand is a dashboard's {"type":"vote"}: open a vote, or close,
// show or hide one.
func voteCommand(workshopID string, msg *live.Inbound) audit.Command {
	if msg.Action == "open" {
		return &workshop.OpenVote{WorkshopID: workshopID, ID: workshop.NewVoteID(), Scope: domain.VoteScope(msg.Scope),
			ScopeID: msg.Item, Dots: msg.Dots, Limit: msg.Limit, Shown: msg.Shown}
	}
	return &workshop.SetVote{WorkshopID: workshopID, VoteID: msg.Vote, Action: msg.Action}
}
