package web

// Live connections of consultations. They use the workshops' hub: the
// consultation is the topic, the working group's overview is a dashboard,
// and each respondent's open forms stand where a table's phones do, so
// colleagues with the same private link see each other's drafts.

import (
	"context"

	"github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/hub"
	"github.com/samrad-se/samrad/server/remiss"
)

// maxDraftMessage fits a whole answer: every field at its limit, in JSON.
const maxDraftMessage = 1 << 20

const (
	localConsultation = "consultation"
	localRespondent   = "respondent"
)

// overviewSnapshot is what the working group's live overview starts from.
type overviewSnapshot struct {
	Consultation domain.Consultation `json:"consultation"`
	Sections     []domain.Section    `json:"sections"`
	Respondents  []remiss.Live       `json:"respondents"`
}

// formSnapshot is what an open answer form starts from.
type formSnapshot struct {
	Draft     domain.Draft `json:"draft"`
	Version   int          `json:"version"`
	Reference string       `json:"reference"`
}

type savedReply struct {
	Type string `json:"type"`
	Req  string `json:"req"`
	Rev  int64  `json:"rev"`
}

// consultationFirst reads the sequence number before the data, so that a
// change committed in between is both in the snapshot and sent after it;
// applying a respondent's row twice does no harm, missing it would.
func (s *Server) consultationFirst(consultationID, respondentID string, since int64, needSnapshot bool) ([]byte, error) {
	if !needSnapshot {
		return hub.Encode("resume", since, nil), nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	con, err := s.store.Consultation(ctx, consultationID)
	if err != nil {
		return nil, err
	}
	if respondentID != "" {
		r, err := s.store.Respondent(ctx, consultationID, respondentID)
		if err != nil {
			return nil, err
		}
		d, err := s.store.Draft(ctx, respondentID)
		if err != nil {
			return nil, err
		}
		return hub.Encode("snapshot", con.Seq, formSnapshot{Draft: d, Version: r.Version, Reference: r.Reference}), nil
	}
	sections, err := s.store.Sections(ctx, consultationID)
	if err != nil {
		return nil, err
	}
	list, latest, err := s.store.Respondents(ctx, consultationID)
	if err != nil {
		return nil, err
	}
	live := make([]remiss.Live, 0, len(list))
	for _, r := range list {
		var v *domain.Version
		if lv, ok := latest[r.ID]; ok {
			v = &lv
		}
		live = append(live, remiss.LiveOf(r, v))
	}
	return hub.Encode("snapshot", con.Seq, overviewSnapshot{Consultation: con, Sections: nonNil(sections), Respondents: live}), nil
}

// consultationSocketAuth admits the logged-in working group to a consultation's overview.
func (s *Server) consultationSocketAuth(c *fiber.Ctx) error {
	con, err := s.consultationParam(c)
	if err != nil {
		return err
	}
	c.Locals(localConsultation, con.ID)
	c.Locals(localSince, sinceParam(c))
	langOf(c) // kept in Locals for the connection's error replies
	return c.Next()
}

func (s *Server) consultationSocket(conn *websocket.Conn) {
	id := conn.Locals(localConsultation).(string)
	to := replyToOf(conn)
	s.liveWith(conn, liveTopic{id: id, first: s.consultationFirst}, func(_ *hub.Client, msg inbound) []byte {
		return encodeError(to, msg, domain.Errorf(domain.KindInvalid, "message_invalid"))
	})
}

// respondentSocketAuth lets an answer form in with its private link.
func (s *Server) respondentSocketAuth(c *fiber.Ctx) error {
	r, con, err := s.respondentParam(c)
	if err != nil {
		return err
	}
	c.Locals(localConsultation, con.ID)
	c.Locals(localRespondent, r.ID)
	c.Locals(localSince, sinceParam(c))
	langOf(c) // kept in Locals for the connection's error replies
	return c.Next()
}

func (s *Server) respondentSocket(conn *websocket.Conn) {
	consultationID := conn.Locals(localConsultation).(string)
	respondentID := conn.Locals(localRespondent).(string)
	to := replyToOf(conn)
	s.liveWith(conn, liveTopic{id: consultationID, tableID: respondentID, first: s.consultationFirst, maxMessage: maxDraftMessage}, func(client *hub.Client, msg inbound) []byte {
		if msg.Type != "draft" || msg.Answer == nil {
			return encodeError(to, msg, domain.Errorf(domain.KindInvalid, "message_invalid"))
		}
		cmd := &remiss.SaveDraft{ConsultationID: consultationID, RespondentID: respondentID, Answer: *msg.Answer, Origin: client}
		ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
		defer cancel()
		if err := s.writer.Do(ctx, cmd); err != nil {
			return encodeError(to, msg, err)
		}
		return mustJSON(savedReply{Type: "saved", Req: msg.Req, Rev: cmd.Draft.Rev})
	})
}
