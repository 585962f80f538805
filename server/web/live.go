package web

// Live connections: the web side admits them (who may open which topic) and
// hands them to the live package with an endpoint (live_workshop.go,
// live_consultation.go), which runs the protocol from there on.

import (
	"context"
	"net/url"
	"sync"

	"github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/auth"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/live"
)

const (
	localPeer     = "livePeer"
	localEndpoint = "liveEndpoint"
	// localTableByCode is the table the code guard found for the request's code.
	localTableByCode = "tableByCode"
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

// admitFunc decides whether a websocket handshake may open, and to what. It
// runs after the route's own guards (codes, login, access) and may refuse
// with an error, answered as any HTTP error.
type admitFunc func(c *fiber.Ctx) (*live.Peer, live.Endpoint, error)

// socket is the handler of a websocket route: it checks the origin, admits
// the connection, and hands it to the hub, which serves it on a goroutine of
// its own. The upgrade handler then returns at once: fasthttp (with
// KeepHijackedConns, set in New) frees the request's context and buffers,
// which would otherwise stay allocated for the life of every websocket.
func (s *Server) socket(admit admitFunc) fiber.Handler {
	upgrade := websocket.New(func(conn *websocket.Conn) {
		p := conn.Locals(localPeer).(*live.Peer)
		ep := conn.Locals(localEndpoint).(live.Endpoint)
		s.hub.Serve(conn.Conn, p, ep)
	}, wsConfig)
	return func(c *fiber.Ctx) error {
		if err := sameOrigin(c); err != nil {
			return err
		}
		p, ep, err := admit(c)
		if err != nil {
			return err
		}
		p.Version, p.Since = live.ParseHandshake(c.Query("v"), c.Query("epoch"), c.Query("since"))
		to := replyTo{lang: langOf(c), requestID: requestIDOf(c)}
		p.Refuse = func(err error) live.ErrorReply { return replyFor(to, err) }
		p.LogID = to.requestID
		c.Locals(localPeer, p)
		c.Locals(localEndpoint, ep)
		return upgrade(c)
	}
}

// sameOrigin rejects cross-site websocket handshakes: a websocket is not
// covered by CSRF tokens, so the browser's Origin header is the check.
// Clients that send no Origin (the load tool, scripts) are not browsers
// acting for someone else.
func sameOrigin(c *fiber.Ctx) error {
	if !websocket.IsWebSocketUpgrade(c) {
		return fiber.ErrUpgradeRequired
	}
	origin := c.Get(fiber.HeaderOrigin)
	if origin == "" {
		return nil
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host != c.Hostname() {
		return domain.Errorf(domain.KindForbidden, "origin_forbidden")
	}
	return nil
}

// staffPeer is a logged-in user's connection to an event (the route's guard
// has checked that they may see it). Their rights are checked again every
// few seconds: a session that ends or access that is taken away closes it.
func (s *Server) staffPeer(c *fiber.Ctx, topic domain.Topic, kind string) *live.Peer {
	u := userOf(c)
	session := auth.HashToken(c.Cookies(s.cookieName(sessionCookie)))
	return &live.Peer{Topic: topic, SessionID: session, UserID: u.ID,
		Recheck: func(ctx context.Context) error {
			_, _, err := s.staffRights(ctx, session, kind, topic.ID)
			return err
		}}
}

// staffRights says whether the user of a session may still see the event
// (an error if not) and whether they may change it.
func (s *Server) staffRights(ctx context.Context, session, kind, eventID string) (u domain.User, mayChange bool, err error) {
	if u, _, err = s.store.SessionUser(ctx, session); err != nil {
		return u, false, err
	}
	ok, canRun, err := s.permits(ctx, &u, accessView, kind, eventID)
	if err != nil {
		return u, false, err
	}
	if !ok {
		return u, false, domain.Errorf(domain.KindNotFound, notFoundCode(kind))
	}
	return u, canRun, nil
}

// endSessionSockets closes the live connections of a session that has ended.
func (s *Server) endSessionSockets(session string) {
	s.hub.EndWhere(func(p *live.Peer) bool { return p.SessionID == session }, live.CloseRevoked)
}
