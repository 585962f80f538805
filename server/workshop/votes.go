package workshop

import (
	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Prioritising (prickröstning). A facilitator opens, closes, shows and
// hides a vote: each is audited like any change they make. A table's dots
// are its participants' input, like an answer: idempotent under the
// phone's id, kept in the vote's own log of moves, not the audit log.

// VoteChange is a vote as everyone sees it: its settings, state and
// candidates, never its results.
func VoteChange(v domain.Vote) domain.Change {
	return domain.Change{Topic: domain.WorkshopTopic(v.WorkshopID), Seq: v.Seq, Type: "vote", Audience: domain.ToEveryone, Payload: v}
}

// VoteResultsChange is a vote's results: for staff, and for everyone once
// they are shown.
func VoteResultsChange(workshopID string, r domain.VoteResults, shown bool) domain.Change {
	c := domain.Change{Topic: domain.WorkshopTopic(workshopID), Type: "vote_results", Audience: domain.ToStaff, Payload: r}
	if shown {
		c.Audience = domain.ToEveryone
	}
	return c
}

// TableDotsChange is a table's dots: for its phones and staff.
func TableDotsChange(workshopID string, d domain.TableDots) domain.Change {
	return domain.Change{Topic: domain.WorkshopTopic(workshopID), Type: "vote_dots", Audience: domain.ToMember, Member: d.Table, Payload: d}
}

func voteChange(tx *storage.Tx, v domain.Vote) (domain.Change, error) {
	seq, err := tx.NextSeq(v.WorkshopID)
	if err != nil {
		return domain.Change{}, err
	}
	v.Seq = seq
	return VoteChange(v), tx.MarkVoteChanged(v.ID, false, seq)
}

func resultsChange(tx *storage.Tx, v domain.Vote) (domain.Change, error) {
	r, err := tx.VoteResults(v)
	if err != nil {
		return domain.Change{}, err
	}
	c := VoteResultsChange(v.WorkshopID, r, v.Shown)
	if c.Seq, err = tx.NextSeq(v.WorkshopID); err != nil {
		return c, err
	}
	return c, tx.MarkVoteChanged(v.ID, true, c.Seq)
}

// OpenVote starts a vote on the visible answers of the workshop, a question
// or a theme, as they are now. One vote of a workshop is open at a time.
type OpenVote struct {
	WorkshopID string
	ID         string // chosen by the caller (NewVoteID)
	Scope      domain.VoteScope
	ScopeID    string
	Dots       int // 0: the default
	Limit      int // 0: the default, at most Dots
	Shown      bool
}

// NewVoteID names a vote about to be opened.
func NewVoteID() string { return newID() }

func (o *OpenVote) settings() (dots, limit int, err error) {
	dots, limit = o.Dots, o.Limit
	if dots == 0 {
		dots = domain.DefaultVoteDots
	}
	if limit == 0 {
		limit = min(domain.DefaultVoteLimit, dots)
	}
	if dots < 1 || dots > domain.MaxVoteDots {
		return 0, 0, domain.Errorf(domain.KindInvalid, "vote_dots_invalid", "max", domain.MaxVoteDots)
	}
	if limit < 1 || limit > dots {
		return 0, 0, domain.Errorf(domain.KindInvalid, "vote_limit_invalid", "max", dots)
	}
	return dots, limit, nil
}

func (o *OpenVote) Apply(tx *storage.Tx) ([]domain.Change, error) {
	dots, limit, err := o.settings()
	if err != nil {
		return nil, err
	}
	w, err := tx.Workshop(o.WorkshopID)
	if err != nil {
		return nil, err
	}
	if w.State == domain.WorkshopClosed {
		return nil, domain.Errorf(domain.KindConflict, "workshop_closed")
	}
	switch o.Scope {
	case domain.VoteOnWorkshop:
		o.ScopeID = ""
	case domain.VoteOnQuestion:
		if _, err := tx.Question(o.WorkshopID, o.ScopeID); err != nil {
			return nil, err
		}
	case domain.VoteOnTheme:
		if _, err := tx.Theme(o.WorkshopID, o.ScopeID); err != nil {
			return nil, err
		}
	default:
		return nil, domain.Errorf(domain.KindInvalid, "vote_scope_invalid")
	}
	if open, err := tx.OpenVoteID(o.WorkshopID); err != nil || open != "" {
		if err == nil {
			err = domain.Errorf(domain.KindConflict, "vote_already_open")
		}
		return nil, err
	}
	cands, err := tx.VoteCandidates(o.WorkshopID, o.Scope, o.ScopeID)
	if err != nil {
		return nil, err
	}
	if len(cands) == 0 {
		return nil, domain.Errorf(domain.KindConflict, "vote_no_answers")
	}
	if len(cands) > domain.MaxVoteCandidates {
		return nil, domain.Errorf(domain.KindConflict, "vote_too_many", "n", len(cands), "max", domain.MaxVoteCandidates)
	}
	v := domain.Vote{ID: o.ID, WorkshopID: o.WorkshopID, Scope: o.Scope, ScopeID: o.ScopeID, Dots: dots, Limit: limit,
		State: domain.VoteOpen, Shown: o.Shown, Candidates: cands, OpenedAt: tx.Now()}
	if _, err := ParseID(v.ID); err != nil {
		return nil, err
	}
	if err := tx.InsertVote(v); err != nil {
		return nil, err
	}
	return voteChanges(tx, v, true)
}

// voteChanges numbers a vote's new state and, when results tells so, its results.
func voteChanges(tx *storage.Tx, v domain.Vote, results bool) ([]domain.Change, error) {
	vc, err := voteChange(tx, v)
	if err != nil || !results {
		return []domain.Change{vc}, err
	}
	rc, err := resultsChange(tx, v)
	return []domain.Change{vc, rc}, err
}

func (o *OpenVote) Audit(*storage.Tx) (audit.Entry, error) {
	return audit.Entry{Action: "vote.open", Kind: "vote", EventID: o.WorkshopID}, nil
}
func (o *OpenVote) CreatedID() string { return o.ID }

// SetVote closes a vote, or shows or hides its results ("close", "show",
// "hide"). A closed vote keeps its dots and results; they may still be
// shown or hidden.
type SetVote struct {
	WorkshopID, VoteID string
	Action             string
}

func (s *SetVote) Apply(tx *storage.Tx) ([]domain.Change, error) {
	v, err := tx.Vote(s.WorkshopID, s.VoteID)
	if err != nil {
		return nil, err
	}
	switch s.Action {
	case "close":
		if v.State == domain.VoteClosed {
			return nil, nil
		}
		v.State, v.ClosedAt = domain.VoteClosed, ptr(tx.Now())
	case "show", "hide":
		if v.Shown == (s.Action == "show") {
			return nil, nil
		}
		v.Shown = s.Action == "show"
	default:
		return nil, domain.Errorf(domain.KindInvalid, "vote_action_invalid")
	}
	if err := tx.UpdateVote(v); err != nil {
		return nil, err
	}
	// Shown, the results go to everyone at once; hidden, phones drop
	// them on the vote's change and are sent no more.
	return voteChanges(tx, v, s.Action == "show")
}

func ptr[T any](v T) *T { return &v }

func (s *SetVote) Audit(tx *storage.Tx) (audit.Entry, error) {
	e := audit.Entry{Action: "vote." + s.Action, Kind: "vote", ObjectID: s.VoteID, EventID: s.WorkshopID}
	if v, err := tx.Vote(s.WorkshopID, s.VoteID); err == nil {
		// The candidates do not change; their texts are in the entry of the opening.
		v.Candidates = nil
		e.Before = v
	}
	return e, nil
}

// PlaceDot gives an answer one of the table's dots (Delta 1) or takes one
// back (-1), while the vote is open. The phone chose ID: a resend is
// answered with the table's dots as they are and changes nothing; the same
// ID for another move is refused (id_reused).
type PlaceDot struct {
	WorkshopID string
	TableID    string // from the connection, never from the message
	ID         string
	VoteID     string
	InputID    string
	Delta      int
	Origin     any // the phone that sent it: it gets the reply, not the change
}

// Placed is a table's dots after a PlaceDot.
type Placed struct {
	Dots      domain.TableDots
	Duplicate bool
}

// Validate checks what needs no database, before the command is queued.
func (p *PlaceDot) Validate() error {
	var err error
	if p.ID, err = ParseID(p.ID); err != nil {
		return err
	}
	if p.Delta != 1 && p.Delta != -1 {
		return domain.Errorf(domain.KindInvalid, "vote_delta_invalid")
	}
	if p.VoteID == "" || p.InputID == "" {
		return domain.Errorf(domain.KindNotFound, "vote_not_found")
	}
	return nil
}

func (p *PlaceDot) Apply(tx *storage.Tx) (Placed, []domain.Change, error) {
	if err := p.Validate(); err != nil {
		return Placed{}, nil, err
	}
	v, err := tx.Vote(p.WorkshopID, p.VoteID)
	if err != nil {
		return Placed{}, nil, err
	}
	if m, err := tx.VoteMove(p.ID); err == nil {
		if m.TableID != p.TableID {
			return Placed{}, nil, domain.Errorf(domain.KindInvalid, "id_invalid")
		}
		if m.VoteID != p.VoteID || m.InputID != p.InputID || m.Delta != p.Delta {
			return Placed{}, nil, domain.Errorf(domain.KindConflict, "id_reused")
		}
		d, err := tx.TableDots(v.ID, p.TableID, v.Dots)
		return Placed{Dots: d, Duplicate: true}, nil, err
	} else if !domain.IsKind(err, domain.KindNotFound) {
		return Placed{}, nil, err
	}
	if v.State != domain.VoteOpen {
		return Placed{}, nil, domain.Errorf(domain.KindConflict, "vote_closed")
	}
	w, err := tx.Workshop(p.WorkshopID)
	if err != nil {
		return Placed{}, nil, err
	}
	if w.State != domain.WorkshopOpen {
		return Placed{}, nil, domain.Errorf(domain.KindConflict, "workshop_not_open")
	}
	candidate := false
	for _, c := range v.Candidates {
		candidate = candidate || c.ID == p.InputID
	}
	if !candidate {
		return Placed{}, nil, domain.Errorf(domain.KindNotFound, "vote_answer_not_found")
	}
	d, err := tx.TableDots(v.ID, p.TableID, v.Dots)
	if err != nil {
		return Placed{}, nil, err
	}
	switch {
	case p.Delta > 0 && d.Left <= 0:
		return Placed{}, nil, domain.Errorf(domain.KindConflict, "vote_no_dots_left", "n", v.Dots)
	case p.Delta > 0 && d.Dots[p.InputID] >= v.Limit:
		return Placed{}, nil, domain.Errorf(domain.KindConflict, "vote_limit_reached", "n", v.Limit)
	case p.Delta < 0 && d.Dots[p.InputID] <= 0:
		return Placed{}, nil, domain.Errorf(domain.KindConflict, "vote_no_dot_here")
	}
	if err := tx.MoveDot(storage.VoteMove{ID: p.ID, VoteID: v.ID, TableID: p.TableID, InputID: p.InputID, Delta: p.Delta}); err != nil {
		return Placed{}, nil, err
	}
	if d, err = tx.TableDots(v.ID, p.TableID, v.Dots); err != nil {
		return Placed{}, nil, err
	}
	dc := TableDotsChange(p.WorkshopID, d)
	if dc.Seq, err = tx.NextSeq(p.WorkshopID); err != nil {
		return Placed{}, nil, err
	}
	dc.Origin = p.Origin
	if err := tx.MarkTableDotsChanged(v.ID, p.TableID, dc.Seq); err != nil {
		return Placed{}, nil, err
	}
	rc, err := resultsChange(tx, v)
	if err != nil {
		return Placed{}, nil, err
	}
	return Placed{Dots: d}, []domain.Change{dc, rc}, nil
}
