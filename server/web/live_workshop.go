package web

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/sorting"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// phoneSnapshot is what a table's phones start from.
type phoneSnapshot struct {
	Workshop  domain.Workshop     `json:"workshop"`
	Table     domain.Table        `json:"table"`
	Questions []domain.Question   `json:"questions"`
	Themes    []domain.Theme      `json:"themes"`
	Inputs    []domain.TableInput `json:"inputs"`
	Now       domain.ServerNow    `json:"now"` // the server's clock, for time boxes
	voteSnapshot
}

// dashboardSnapshot is what a facilitator's live views start from.
type dashboardSnapshot struct {
	Workshop  domain.Workshop   `json:"workshop"`
	Questions []domain.Question `json:"questions"`
	Themes    []domain.Theme    `json:"themes"`
	Tables    []domain.Table    `json:"tables"`
	Inputs    []domain.Input    `json:"inputs"`
	Now       domain.ServerNow  `json:"now"` // the server's clock, for time boxes
	voteSnapshot
}

func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// openWorkshop starts a workshop connection: the changes it missed, read
// back from the rows, when it follows the workshop's current timeline;
// otherwise a snapshot. A phone (p.Member, its table) sees only its own.
func (s *Server) openWorkshop(ctx context.Context, p *live.Peer) (live.Opening, error) {
	if p.Since.Epoch != "" && p.Since.Seq >= 0 {
		h, err := s.store.HistorySince(ctx, p.Topic.ID, p.Member, p.Since.Seq)
		if err != nil {
			return live.Opening{}, err
		}
		if h.Workshop.Epoch == p.Since.Epoch && p.Since.Seq <= h.Workshop.Seq {
			missed := append(missedChanges(h), missedVoteChanges(p.Topic.ID, p.Member, h.Votes)...)
			slices.SortFunc(missed, func(a, b domain.Change) int { return cmp.Compare(a.Seq, b.Seq) })
			return live.Opening{Epoch: h.Workshop.Epoch, Seq: h.Workshop.Seq, Missed: missed}, nil
		}
	}
	if p.Member == "" {
		snap, err := s.store.Snapshot(ctx, p.Topic.ID, storage.AllInputs)
		if err != nil {
			return live.Opening{}, err
		}
		return live.Opening{Epoch: snap.Workshop.Epoch, Seq: snap.Workshop.Seq, Snapshot: dashboardSnapshot{Workshop: snap.Workshop,
			Questions: nonNil(snap.Questions), Themes: nonNil(snap.Themes), Tables: nonNil(snap.Tables), Inputs: nonNil(snap.Inputs),
			voteSnapshot: votesOf(snap.Votes)}}, nil
	}
	snap, err := s.store.Snapshot(ctx, p.Topic.ID, p.Member)
	if err != nil {
		return live.Opening{}, err
	}
	ps := phoneSnapshot{Workshop: snap.Workshop.ForTable(), Questions: nonNil(snap.Questions), Themes: nonNil(snap.Themes),
		Inputs: make([]domain.TableInput, 0, len(snap.Inputs)), voteSnapshot: votesOf(snap.Votes)}
	if len(snap.Tables) == 1 {
		ps.Table = snap.Tables[0]
	}
	for _, in := range snap.Inputs {
		ps.Inputs = append(ps.Inputs, in.ForTable())
	}
	return live.Opening{Epoch: snap.Workshop.Epoch, Seq: snap.Workshop.Seq, Snapshot: ps}, nil
}

// missedChanges turns what changed since a cursor into the changes the
// commands published, in order.
func missedChanges(h storage.History) []domain.Change {
	var out []domain.Change
	since := func(c domain.Change, seq int64) domain.Change { c.Seq = seq; return c }
	if h.WorkshopSeq > 0 {
		out = append(out, since(workshop.WorkshopChange(h.Workshop), h.WorkshopSeq))
	}
	for _, q := range h.Questions {
		out = append(out, since(workshop.QuestionChange(q.Value), q.Seq))
	}
	for _, t := range h.Themes {
		out = append(out, since(workshop.ThemeChange(t.Value), t.Seq))
	}
	for _, t := range h.RemovedThemes {
		out = append(out, since(workshop.ThemeRemovedChange(h.Workshop.ID, t.Value), t.Seq))
	}
	for _, t := range h.Tables {
		out = append(out, since(workshop.TableChange(t.Value), t.Seq))
	}
	for _, in := range h.Inputs {
		out = append(out, workshop.InputChange(in))
	}
	slices.SortFunc(out, func(a, b domain.Change) int { return cmp.Compare(a.Seq, b.Seq) })
	return out
}

// tableEndpoint is a table's phones: they follow their table and send answers.
type tableEndpoint struct {
	s     *Server
	table domain.Table
}

// admitTable lets a phone in with its table's code, and only to that table.
func (s *Server) admitTable(c *fiber.Ctx) (*live.Peer, live.Endpoint, error) {
	t, err := s.tableByCode(c, workshop.NormalizeCode(c.Params("code")))
	if err != nil {
		return nil, nil, err
	}
	return &live.Peer{Topic: domain.WorkshopTopic(t.WorkshopID), Member: t.ID}, tableEndpoint{s: s, table: t}, nil
}

func (e tableEndpoint) Open(ctx context.Context, p *live.Peer) (live.Opening, error) {
	e.s.prepareSorting(p.Topic.ID)
	return e.s.openWorkshop(ctx, p)
}

func (e tableEndpoint) Handle(ctx context.Context, p *live.Peer, msg *live.Inbound) ([]byte, error) {
	if msg.Type == "correct" || msg.Type == "withdraw" {
		return e.change(ctx, p, msg)
	}
	if msg.Type != "submit" && msg.Type != "dot" {
		return nil, domain.Errorf(domain.KindInvalid, "message_invalid")
	}
	if !e.s.tableLimit.allow(e.table.ID) {
		return nil, domain.Errorf(domain.KindRateLimited, "table_too_fast")
	}
	if msg.Type == "dot" {
		return e.placeDot(ctx, p, msg)
	}
	cmd := &workshop.Submit{WorkshopID: e.table.WorkshopID, TableID: e.table.ID, ID: msg.ID,
		QuestionID: msg.Question, ThemeID: msg.Theme, Text: msg.Text, Origin: p.Origin()}
	if err := cmd.Validate(); err != nil {
		return nil, err
	}
	start := time.Now()
	// The suggestion is made here, on this connection's goroutine, before
	// the command is queued: it travels with the answer in the same change,
	// and the writer does nothing slow.
	models := e.s.cfg.Sorting
	if models != nil {
		cmd.Suggestion = models.Suggest(ctx, e.table.WorkshopID, cmd.ID, cmd.Text)
	}
	res, err := writer.Run(ctx, e.s.writer, cmd)
	if models != nil && (err != nil || res.Duplicate) {
		models.Forget(cmd.ID)
	}
	if err != nil {
		return nil, err
	}
	if e.s.cfg.Metrics != nil {
		e.s.cfg.Metrics.Input(res.Duplicate, time.Since(start))
	}
	return live.Ack(res.Input.ID, res.Duplicate, res.Input.ForTable()), nil
}

// dashboardEndpoint is a facilitator's live view of a workshop (dashboard,
// projector): it follows everything, and sends moderation and state changes
// when its user may change the workshop.
type dashboardEndpoint struct {
	s          *Server
	workshopID string
}

// admitDashboard admits the staff who may see the workshop (the route's
// guard has checked).
func (s *Server) admitDashboard(c *fiber.Ctx) (*live.Peer, live.Endpoint, error) {
	w, err := s.store.Workshop(c.UserContext(), c.Params("id"))
	if err != nil {
		return nil, nil, err
	}
	return s.staffPeer(c, domain.WorkshopTopic(w.ID), domain.KindWorkshop), dashboardEndpoint{s: s, workshopID: w.ID}, nil
}

func (e dashboardEndpoint) Open(ctx context.Context, p *live.Peer) (live.Opening, error) {
	e.s.prepareSorting(e.workshopID)
	return e.s.openWorkshop(ctx, p)
}

func (e dashboardEndpoint) Handle(ctx context.Context, p *live.Peer, msg *live.Inbound) ([]byte, error) {
	if msg.Type == "progress" {
		return e.progress(ctx, msg)
	}
	if view, ok := sortingViews[msg.Type]; ok {
		// Views derived from the answers: computed on demand, for anyone
		// who may see the workshop, never on the answer path.
		if e.s.cfg.Sorting == nil {
			return nil, domain.Errorf(domain.KindUnavailable, "sorting_unavailable")
		}
		data, err := view(ctx, e.s.cfg.Sorting, e.workshopID, msg)
		if err != nil {
			return nil, err
		}
		return live.OK(msg.Req, data), nil
	}
	if msg.Type == "wordcloud" {
		data, err := e.s.wordCloud(ctx, e.workshopID, msg.Question)
		if err != nil {
			return nil, err
		}
		return live.OK(msg.Req, data), nil
	}
	var cmd audit.Command
	switch msg.Type {
	case "autosort":
		cmd = &workshop.SetAutoSort{WorkshopID: e.workshopID, On: msg.State == "on"}
	case "summary":
		cmd = &workshop.SetThemeSummary{WorkshopID: e.workshopID, ThemeID: msg.Item, Summary: msg.Text}
	case "moderate":
		cmd = &workshop.Moderate{WorkshopID: e.workshopID, InputID: msg.Item, Action: msg.Action,
			Theme: msg.Theme, Text: msg.Text, Sources: msg.Sources}
	case "question":
		cmd = &workshop.SetQuestionState{WorkshopID: e.workshopID, QuestionID: msg.Item, State: domain.QuestionState(msg.State)}
	case "vote":
		cmd = voteCommand(e.workshopID, msg)
	case "workshop":
		cmd = &workshop.SetState{WorkshopID: e.workshopID, State: domain.WorkshopState(msg.State)}
	case "next_question":
		cmd = &workshop.NextQuestion{WorkshopID: e.workshopID}
	case "rounds":
		cmd = &workshop.SetRounds{WorkshopID: e.workshopID, Action: workshop.RoundsAction(msg.Action), Themes: msg.Themes}
	default:
		return nil, domain.Errorf(domain.KindInvalid, "message_invalid")
	}
	// Rights are read again for every command: a role changed or access
	// taken away a moment ago counts now.
	u, mayChange, err := e.s.staffRights(ctx, p.SessionID, domain.KindWorkshop, e.workshopID)
	if err != nil {
		return nil, err
	}
	if !mayChange {
		return nil, domain.Errorf(domain.KindForbidden, "read_only")
	}
	if err := e.s.writer.Do(ctx, audit.Audited{Command: cmd, Actor: actorFor(&u)}); err != nil {
		return nil, err
	}
	return live.OK(msg.Req, nil), nil
}

// prepareSorting starts building a workshop's suggestion model when someone
// connects, so that the first answer does not wait for it.
func (s *Server) prepareSorting(workshopID string) {
	if s.cfg.Sorting != nil {
		s.cfg.Sorting.Prepare(workshopID)
	}
}

// sortingViews answer a dashboard's read requests:
//
//	{"type":"similar","req":…,"item":<input id>}  answers that say much the same as one, with the words they share
//	{"type":"similar","req":…}                    the workshop's most alike pairs ("liknande svar")
//	{"type":"theme_view","req":…,"item":<theme id>,"question":<id or "">}  key terms and representative answers
var sortingViews = map[string]func(context.Context, *sorting.Registry, string, *live.Inbound) (any, error){
	"similar": func(ctx context.Context, r *sorting.Registry, wid string, msg *live.Inbound) (any, error) {
		if msg.Item == "" {
			pairs, err := r.Pairs(ctx, wid)
			return map[string]any{"pairs": pairs}, err
		}
		list, err := r.SimilarTo(ctx, wid, msg.Item)
		return map[string]any{"item": msg.Item, "similar": list}, err
	},
	"theme_view": func(ctx context.Context, r *sorting.Registry, wid string, msg *live.Inbound) (any, error) {
		return r.Theme(ctx, wid, msg.Item, msg.Question)
	},
}
