package web

import (
	"errors"
	"log/slog"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/live"
)

// statusOf is the one place where an error's kind becomes an HTTP status.
func statusOf(kind domain.Kind) int {
	switch kind {
	case domain.KindInvalid:
		return fiber.StatusBadRequest
	case domain.KindUnauthorized:
		return fiber.StatusUnauthorized
	case domain.KindForbidden:
		return fiber.StatusForbidden
	case domain.KindNotFound:
		return fiber.StatusNotFound
	case domain.KindConflict:
		return fiber.StatusConflict
	case domain.KindTooLarge:
		return fiber.StatusRequestEntityTooLarge
	case domain.KindRateLimited:
		return fiber.StatusTooManyRequests
	case domain.KindUnavailable:
		return fiber.StatusServiceUnavailable
	case domain.KindUnsupported:
		return fiber.StatusUnsupportedMediaType
	default:
		return fiber.StatusInternalServerError
	}
}

// fromFiber gives Fiber's own errors (unknown route, body too large) a kind.
func fromFiber(fe *fiber.Error) *domain.Error {
	switch fe.Code {
	case fiber.StatusNotFound, fiber.StatusMethodNotAllowed:
		return domain.Errorf(domain.KindNotFound, "page_not_found")
	case fiber.StatusRequestEntityTooLarge:
		return domain.Errorf(domain.KindTooLarge, "request_too_large")
	case fiber.StatusForbidden:
		return domain.Errorf(domain.KindForbidden, "csrf_failed")
	case fiber.StatusTooManyRequests:
		return domain.Errorf(domain.KindRateLimited, "rate_limited")
	case fiber.StatusRequestTimeout:
		// fasthttp reports a client that went quiet mid-request (or an idle
		// keep-alive connection timing out) this way; nothing on our side failed.
		return domain.Errorf(domain.KindUnavailable, "request_timeout")
	case fiber.StatusUpgradeRequired, fiber.StatusBadRequest:
		return domain.Errorf(domain.KindInvalid, "bad_request")
	}
	return domain.Internal(fe)
}

// asDomain turns any error a handler returns into a domain error.
func asDomain(err error) *domain.Error {
	var fe *fiber.Error
	if errors.As(err, &fe) {
		return fromFiber(fe)
	}
	return domain.AsError(err)
}

// message is the safe, translated text for an error. An error about one
// line of something pasted or uploaded begins by naming it ("Rad 4: …").
func message(lang string, e *domain.Error) string {
	text := i18n.TMap(lang, "error."+e.Code, e.Params)
	if line, ok := e.Params["line"]; ok && !strings.Contains(i18n.Lookup(lang, "error."+e.Code), "{line}") {
		text = i18n.T(lang, "error.at_line", "line", line, "message", text)
	}
	return text
}

// errorReply is the one mapping from an error to a wire reply, shared by the
// HTTP error handler and the websockets.
type errorReply = live.ErrorReply

// replyTo is who an error reply goes to: the language to write it in, and
// the request id to log it under (for a websocket, its upgrade request's).
type replyTo struct{ lang, requestID string }

func replyFor(to replyTo, err error) errorReply {
	e := asDomain(err)
	if e.Kind == domain.KindInternal || e.Kind == domain.KindUnavailable {
		slog.Error("request failed", "request_id", to.requestID, "code", e.Code, "err", e.Err)
	}
	return errorReply{Type: "error", Code: e.Code, Message: message(to.lang, e), Retry: e.Retryable()}
}

// handleError is Fiber's error handler: JSON for API and websocket paths, an
// HTML page for everything else.
func (s *Server) handleError(c *fiber.Ctx, err error) error {
	reply := replyFor(replyTo{lang: langOf(c), requestID: requestIDOf(c)}, err)
	status := statusOf(asDomain(err).Kind)
	if strings.HasPrefix(c.Path(), "/ws/") || strings.HasPrefix(c.Path(), "/api/") ||
		strings.Contains(c.Get(fiber.HeaderAccept), fiber.MIMEApplicationJSON) {
		return c.Status(status).JSON(reply)
	}
	return s.render(c.Status(status), "error", reply.Message, map[string]any{"Status": status, "Message": reply.Message})
}

// settle renders a handler's error right away instead of leaving it to Fiber,
// so that middleware further out (the rate limiter, which counts failures)
// sees the final status code.
func (s *Server) settle(c *fiber.Ctx) error {
	if err := c.Next(); err != nil {
		return s.handleError(c, err)
	}
	return nil
}
