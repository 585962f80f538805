package web

// Live connections of consultations: the working group's overview follows
// the whole consultation (staff); each respondent's open answer forms are
// members, so colleagues with the same private link see each other's drafts.

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/remiss"
	"github.com/samrad-se/samrad/server/writer"
)

// maxDraftMessage fits a whole answer: every field at its limit, in JSON.
const maxDraftMessage = 1 << 20

// maxAuthor bounds a form's own id (a UUID), which the draft keeps per field.
const maxAuthor = 64

// overviewSnapshot is what the working group's live pages start from: the
// overview's figures, and the analysis pages' notes (by "<respondent>/<part>")
// and summaries (by part).
type overviewSnapshot struct {
	Consultation domain.Consultation           `json:"consultation"`
	Sections     []domain.Section              `json:"sections"`
	Respondents  []remiss.Live                 `json:"respondents"`
	Notes        map[string]remiss.LiveNote    `json:"notes"`
	Summaries    map[string]remiss.LiveSummary `json:"summaries"`
}

// formSnapshot is what an open answer form starts from.
type formSnapshot struct {
	Draft     remiss.FormDraft `json:"draft"`
	Version   int              `json:"version"`
	Reference string           `json:"reference"`
}

// openConsultation starts a consultation connection. A consultation changes
// slowly and its state is small, so a client that missed anything gets a
// snapshot; one that missed nothing resumes with no changes. The sequence
// number is read before the data, so a change committed in between is both
// in the snapshot and sent after it (applying a respondent's row twice does
// no harm, missing it would).
func (s *Server) openConsultation(ctx context.Context, p *live.Peer) (live.Opening, error) {
	con, err := s.store.Consultation(ctx, p.Topic.ID)
	if err != nil {
		return live.Opening{}, err
	}
	if p.Since.Epoch == con.Epoch && p.Since.Seq == con.Seq {
		return live.Opening{Epoch: con.Epoch, Seq: con.Seq}, nil
	}
	o := live.Opening{Epoch: con.Epoch, Seq: con.Seq}
	sections, err := s.store.Sections(ctx, con.ID)
	if err != nil {
		return o, err
	}
	if p.Member != "" {
		r, err := s.store.Respondent(ctx, con.ID, p.Member)
		if err != nil {
			return o, err
		}
		d, err := s.store.Draft(ctx, p.Member)
		if err != nil {
			return o, err
		}
		o.Snapshot = formSnapshot{Draft: remiss.FormDraftOf(d, domain.AnswerFields(sections)), Version: r.Version, Reference: r.Reference}
		return o, nil
	}
	list, latest, err := s.store.Respondents(ctx, con.ID)
	if err != nil {
		return o, err
	}
	respondents := make([]remiss.Live, 0, len(list))
	for _, r := range list {
		var v *domain.Version
		if lv, ok := latest[r.ID]; ok {
			v = &lv
		}
		respondents = append(respondents, remiss.LiveOf(r, v))
	}
	notes, err := s.store.Notes(ctx, con.ID)
	if err != nil {
		return o, err
	}
	summaries, err := s.store.Summaries(ctx, con.ID)
	if err != nil {
		return o, err
	}
	snap := overviewSnapshot{Consultation: con, Sections: nonNil(sections), Respondents: respondents,
		Notes: make(map[string]remiss.LiveNote, len(notes)), Summaries: make(map[string]remiss.LiveSummary, len(summaries))}
	for k, n := range notes {
		snap.Notes[k] = remiss.LiveNoteOf(n)
	}
	for k, m := range summaries {
		snap.Summaries[k] = remiss.LiveSummaryOf(m)
	}
	o.Snapshot = snap
	return o, nil
}

// overviewEndpoint is the working group's live overview; it only listens.
type overviewEndpoint struct{ s *Server }

// admitOverview admits the logged-in working group (the route's guard has
// checked access).
func (s *Server) admitOverview(c *fiber.Ctx) (*live.Peer, live.Endpoint, error) {
	con, err := s.consultationParam(c)
	if err != nil {
		return nil, nil, err
	}
	return s.staffPeer(c, domain.ConsultationTopic(con.ID), domain.KindConsultation), overviewEndpoint{s}, nil
}

func (e overviewEndpoint) Open(ctx context.Context, p *live.Peer) (live.Opening, error) {
	return e.s.openConsultation(ctx, p)
}

func (e overviewEndpoint) Handle(context.Context, *live.Peer, *live.Inbound) ([]byte, error) {
	return nil, domain.Errorf(domain.KindInvalid, "message_invalid")
}

// formEndpoint is an answer form opened with a private link: it saves the
// fields of the draft its person changes (see remiss.SaveDraft).
type formEndpoint struct {
	s              *Server
	consultationID string
	respondentID   string
}

// admitForm lets an answer form in with its private link.
func (s *Server) admitForm(c *fiber.Ctx) (*live.Peer, live.Endpoint, error) {
	r, con, err := s.respondentParam(c)
	if err != nil {
		return nil, nil, err
	}
	p := &live.Peer{Topic: domain.ConsultationTopic(con.ID), Member: r.ID, MaxMessage: maxDraftMessage}
	return p, formEndpoint{s: s, consultationID: con.ID, respondentID: r.ID}, nil
}

func (e formEndpoint) Open(ctx context.Context, p *live.Peer) (live.Opening, error) {
	return e.s.openConsultation(ctx, p)
}

func (e formEndpoint) Handle(ctx context.Context, p *live.Peer, msg *live.Inbound) ([]byte, error) {
	if msg.Type != "draft" {
		return nil, domain.Errorf(domain.KindInvalid, "message_invalid")
	}
	if len(msg.Author) > maxAuthor {
		return nil, domain.Errorf(domain.KindInvalid, "message_invalid")
	}
	if msg.Patch == nil {
		// A page from before drafts were saved field by field: its text is
		// in its own storage, which the reloaded page picks up.
		return nil, domain.Errorf(domain.KindInvalid, "remiss_form_outdated")
	}
	patch := make(map[string]remiss.FieldPatch, len(msg.Patch))
	for name, f := range msg.Patch {
		patch[name] = remiss.FieldPatch{Base: f.Base, Value: f.Value}
	}
	res, err := writer.Run(ctx, e.s.writer, &remiss.SaveDraft{ConsultationID: e.consultationID, RespondentID: e.respondentID,
		Patch: patch, Author: msg.Author, Origin: p.Origin()})
	if err != nil {
		return nil, err
	}
	var conflicts any
	if len(res.Conflicts) > 0 {
		conflicts = res.Conflicts
	}
	return live.Saved(msg.Req, res.Rev, conflicts), nil
}
