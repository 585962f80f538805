package web

import (
	"context"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	fastws "github.com/fasthttp/websocket"
	"github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/hub"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// commandTimeout bounds how long a websocket message waits for its commit;
// past it the client is told to try again (and its resend is idempotent).
const commandTimeout = 15 * time.Second

const (
	localTable = "table"
	localSince = "since"
	localWS    = "workshop"
)

var wsConfig = websocket.Config{
	// The Origin check is sameOrigin's; contrib's list would need the public address.
	Origins:         []string{"*"},
	ReadBufferSize:  1024,
	WriteBufferSize: 2048,
	// Write buffers are borrowed only while a writer runs, so idle
	// connections hold none.
	WriteBufferPool: &sync.Pool{},
}

// phoneSnapshot is what a table's phones start from.
type phoneSnapshot struct {
	Workshop  domain.Workshop     `json:"workshop"`
	Table     domain.Table        `json:"table"`
	Questions []domain.Question   `json:"questions"`
	Themes    []domain.Theme      `json:"themes"`
	Inputs    []domain.TableInput `json:"inputs"`
}

// dashboardSnapshot is what a facilitator's live views start from.
type dashboardSnapshot struct {
	Workshop  domain.Workshop   `json:"workshop"`
	Questions []domain.Question `json:"questions"`
	Themes    []domain.Theme    `json:"themes"`
	Tables    []domain.Table    `json:"tables"`
	Inputs    []domain.Input    `json:"inputs"`
}

// firstMessage is a snapshot when the client needs one, else a marker that
// the missed changes follow.
func (s *Server) firstMessage(workshopID, tableID string, since int64, needSnapshot bool) ([]byte, error) {
	if !needSnapshot {
		return hub.Encode("resume", since, nil), nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	if tableID == "" {
		snap, err := s.store.Snapshot(ctx, workshopID, storage.AllInputs)
		if err != nil {
			return nil, err
		}
		return hub.Encode("snapshot", snap.Workshop.Seq, dashboardSnapshot{Workshop: snap.Workshop,
			Questions: nonNil(snap.Questions), Themes: nonNil(snap.Themes), Tables: nonNil(snap.Tables), Inputs: nonNil(snap.Inputs)}), nil
	}
	snap, err := s.store.Snapshot(ctx, workshopID, tableID)
	if err != nil {
		return nil, err
	}
	ps := phoneSnapshot{Workshop: snap.Workshop, Questions: nonNil(snap.Questions), Themes: nonNil(snap.Themes),
		Inputs: make([]domain.TableInput, 0, len(snap.Inputs))}
	for _, t := range snap.Tables {
		if t.ID == tableID {
			ps.Table = t
		}
	}
	for _, in := range snap.Inputs {
		ps.Inputs = append(ps.Inputs, in.ForTable())
	}
	return hub.Encode("snapshot", snap.Workshop.Seq, ps), nil
}

func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// handler answers one inbound message of a connection; nil means no reply.
type handler func(client *hub.Client, msg inbound) []byte

// live takes over an upgraded connection and serves it on a goroutine of its
// own, so that the upgrade handler returns at once: fasthttp (with
// KeepHijackedConns, set in New) then frees the request's context and
// buffers, which would otherwise stay allocated for the life of every
// websocket. The goroutine closes the connection when it is done.
func (s *Server) live(conn *websocket.Conn, workshopID, tableID string, handle handler) {
	s.liveWith(conn, liveTopic{id: workshopID, tableID: tableID, first: s.firstMessage}, handle)
}

// firstFunc makes a connection's first message (see firstMessage).
type firstFunc func(topicID, tableID string, since int64, needSnapshot bool) ([]byte, error)

// liveTopic says what a connection subscribes to and how it starts.
// Consultations use the same hub as workshops, with a consultation as the
// topic and a respondent in place of a table.
type liveTopic struct {
	id, tableID string
	first       firstFunc
	maxMessage  int // 0: maxMessage
}

func (s *Server) liveWith(conn *websocket.Conn, topic liveTopic, handle handler) {
	since, _ := conn.Locals(localSince).(int64)
	to := replyToOf(conn)
	ws := conn.Conn
	s.sockets.Add(1)
	go func() {
		defer s.sockets.Done()
		defer ws.Close()
		defer func() {
			if r := recover(); r != nil {
				slog.Error("websocket handler panicked", "panic", r, "stack", string(debug.Stack()))
			}
		}()
		s.serveLive(ws, to, topic, since, handle)
	}()
}

func (s *Server) serveLive(ws *fastws.Conn, to replyTo, topic liveTopic, since int64, handle handler) {
	workshopID, tableID := topic.id, topic.tableID
	ss := &session{conn: ws, to: to, limit: topic.maxMessage}
	if tableID == "" {
		ss.linger = dashboardLinger
	}
	client, needSnapshot := s.hub.Subscribe(workshopID, tableID, since, ss.wake)
	ss.client = client
	defer s.hub.Unsubscribe(client)
	first, err := topic.first(workshopID, tableID, since, needSnapshot)
	if err != nil {
		client.Start(encodeError(to, inbound{}, err))
		client.EndAfterQueued(websocket.CloseTryAgainLater)
		ss.writers.Wait()
		return
	}
	client.Start(first)
	ss.serve(handle)
}

// replyToOf is how a connection's error replies are written and logged:
// in the language and under the request id of its upgrade request.
func replyToOf(conn *websocket.Conn) replyTo {
	lang, _ := conn.Locals(localLang).(string)
	id, _ := conn.Locals(localRequestID).(string)
	return replyTo{lang: lang, requestID: id}
}

// tableSocketAuth lets a phone in with its table's code, and only to that table.
func (s *Server) tableSocketAuth(c *fiber.Ctx) error {
	t, err := s.store.TableByCode(c.UserContext(), workshop.NormalizeCode(c.Params("code")))
	if err != nil {
		return err
	}
	c.Locals(localTable, t)
	c.Locals(localSince, sinceParam(c))
	langOf(c) // kept in Locals for the connection's error replies
	return c.Next()
}

func (s *Server) tableSocket(conn *websocket.Conn) {
	t := conn.Locals(localTable).(domain.Table)
	to := replyToOf(conn)
	s.live(conn, t.WorkshopID, t.ID, func(client *hub.Client, msg inbound) []byte {
		if msg.Type != "submit" {
			return encodeError(to, msg, domain.Errorf(domain.KindInvalid, "message_invalid"))
		}
		if !s.tableLimit.allow(t.ID) {
			return encodeError(to, msg, domain.Errorf(domain.KindRateLimited, "table_too_fast"))
		}
		cmd := &workshop.Submit{WorkshopID: t.WorkshopID, TableID: t.ID, ID: msg.ID,
			QuestionID: msg.Question, ThemeID: msg.Theme, Text: msg.Text, Origin: client}
		if err := cmd.Validate(); err != nil {
			return encodeError(to, msg, err)
		}
		start := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
		defer cancel()
		if err := s.writer.Do(ctx, cmd); err != nil {
			return encodeError(to, msg, err)
		}
		if s.cfg.Metrics != nil {
			s.cfg.Metrics.Input(cmd.Duplicate, time.Since(start))
		}
		return mustJSON(ackReply{Type: "ack", ID: cmd.Stored.ID, Seq: cmd.Stored.Seq, Duplicate: cmd.Duplicate})
	})
}

// dashboardSocketAuth admits the staff who may see the workshop (allow has
// checked); only those who may change it can send commands.
func (s *Server) dashboardSocketAuth(c *fiber.Ctx) error {
	w, err := s.store.Workshop(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	c.Locals(localWS, w.ID)
	c.Locals(localSince, sinceParam(c))
	langOf(c) // kept in Locals for the connection's error replies
	return c.Next()
}

func (s *Server) dashboardSocket(conn *websocket.Conn) {
	workshopID := conn.Locals(localWS).(string)
	mayChange, _ := conn.Locals(localCanRun).(bool)
	u, _ := conn.Locals(localUser).(*domain.User)
	actor := actorFor(u)
	to := replyToOf(conn)
	s.live(conn, workshopID, "", func(_ *hub.Client, msg inbound) []byte {
		if !mayChange {
			return encodeError(to, msg, domain.Errorf(domain.KindForbidden, "read_only"))
		}
		var cmd writer.Command
		switch msg.Type {
		case "moderate":
			cmd = &workshop.Moderate{WorkshopID: workshopID, InputID: msg.Item, Action: msg.Action,
				Theme: msg.Theme, Text: msg.Text, Sources: msg.Sources}
		case "question":
			cmd = &workshop.SetQuestionState{WorkshopID: workshopID, QuestionID: msg.Item, State: domain.QuestionState(msg.State)}
		case "workshop":
			cmd = &workshop.SetState{WorkshopID: workshopID, State: domain.WorkshopState(msg.State)}
		default:
			return encodeError(to, msg, domain.Errorf(domain.KindInvalid, "message_invalid"))
		}
		ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
		defer cancel()
		if err := s.writer.Do(ctx, &workshop.Audited{Command: cmd, Actor: actor, WorkshopID: workshopID}); err != nil {
			return encodeError(to, msg, err)
		}
		return mustJSON(okReply{Type: "ok", Req: msg.Req})
	})
}
