// Package domain holds the types every other package speaks in: workshops and
// their parts, users, the changes that flow to live views, and errors.
package domain

import (
	"errors"
	"fmt"
)

// Kind says what sort of failure an Error is; the HTTP and websocket layers map
// it to a status in one place.
type Kind int

const (
	KindInternal     Kind = iota
	KindInvalid           // the input is wrong; sending it again will not help
	KindUnauthorized      // not logged in, or wrong credentials
	KindForbidden         // logged in, but not allowed
	KindNotFound          // no such thing, or not visible to the caller
	KindConflict          // valid, but not in the current state (e.g. question closed)
	KindTooLarge          // request or message over the size limit
	KindRateLimited       // too many attempts
	KindUnavailable       // temporary: try again (the phone resends by itself)
	KindUnsupported       // a request in a form the server does not take (a compressed body)
)

// Error is a failure that is safe to show. Code names the message in the
// translation catalogue ("error.<code>"); Params fill its placeholders.
type Error struct {
	Kind   Kind
	Code   string
	Params map[string]any
	Err    error // the cause, for logs only; never shown
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Code, e.Err)
	}
	return e.Code
}

func (e *Error) Unwrap() error { return e.Err }

// Retryable tells a client that the same request may succeed later.
// Retryable: the same message may succeed later (the phone resends it).
func (e *Error) Retryable() bool { return e.Kind == KindUnavailable || e.Kind == KindRateLimited }

// Errorf builds an Error. params are key/value pairs: Errorf(KindInvalid, "text_too_long", "max", 2000).
func Errorf(kind Kind, code string, params ...any) *Error {
	e := &Error{Kind: kind, Code: code}
	if len(params) > 0 {
		e.Params = make(map[string]any, len(params)/2)
		for i := 0; i+1 < len(params); i += 2 {
			e.Params[fmt.Sprint(params[i])] = params[i+1]
		}
	}
	return e
}

// Internal wraps an unexpected failure; callers see only a generic message.
func Internal(err error) *Error { return &Error{Kind: KindInternal, Code: "internal", Err: err} }

// Unavailable wraps a temporary failure (database locked, disk full) after which
// nothing was written and the client should send the same request again.
func Unavailable(err error) *Error { return &Error{Kind: KindUnavailable, Code: "try_again", Err: err} }

// AsError returns err as an *Error, treating anything unknown as internal.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return Internal(err)
}

// IsKind reports whether err is an *Error of the given kind.
func IsKind(err error, kind Kind) bool {
	var e *Error
	return errors.As(err, &e) && e.Kind == kind
}
