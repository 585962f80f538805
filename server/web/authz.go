package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
)

// access is what a route demands of the logged-in user. Every route under
// /admin and every staff websocket names one in routes.go; allow is the only
// place that decides.
type access int

const (
	// accessStaff: any logged-in user (their own account, their own lists).
	accessStaff access = iota
	// accessCreate: may start new events (administrators and processledare).
	accessCreate
	// accessView: may see and export one event: administrators, and the
	// processledare and readers assigned to it.
	accessView
	// accessRun: may change one event: administrators, and the processledare
	// assigned to it.
	accessRun
	// accessAdmin: administrators only (users, audit log, settings).
	accessAdmin
)

// localCanRun tells handlers and templates of an event page whether the user
// may change it (a reader sees the same page without the controls).
const localCanRun = "canRun"

// allow guards a route. For accessView and accessRun the event is of the
// given kind and named by the route parameter eventParam(kind). Someone who may not see an event is told it does
// not exist, so ids cannot be probed.
func (s *Server) allow(level access, kind string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		u := userOf(c)
		if u == nil {
			return s.requireLogin(c)
		}
		ok, canRun, err := s.permits(c.UserContext(), u, level, kind, c.Params(eventParam(kind)))
		if err != nil {
			return err
		}
		if !ok {
			return s.refusal(c, u, level, kind)
		}
		c.Locals(localCanRun, canRun)
		return c.Next()
	}
}

// permits is the policy: whether u may do level on the event, and whether u
// may change that event.
func (s *Server) permits(ctx context.Context, u *domain.User, level access, kind, id string) (ok, canRun bool, err error) {
	if !u.Active {
		return false, false, nil
	}
	if u.Role == domain.RoleAdmin {
		return true, true, nil
	}
	switch level {
	case accessStaff:
		return true, false, nil
	case accessCreate:
		return u.Role == domain.RoleFacilitator, false, nil
	case accessAdmin:
		return false, false, nil
	}
	assigned, err := s.store.IsAssigned(ctx, kind, id, u.ID)
	if err != nil || !assigned {
		return false, false, err
	}
	canRun = u.Role == domain.RoleFacilitator
	if level == accessRun {
		return canRun, canRun, nil
	}
	return true, canRun, nil
}

// refusal explains a "no": a reader who may see the event is told it is
// read-only; anyone else is told the event does not exist.
func (s *Server) refusal(c *fiber.Ctx, u *domain.User, level access, kind string) error {
	switch level {
	case accessRun:
		seen, _, err := s.permits(c.UserContext(), u, accessView, kind, c.Params(eventParam(kind)))
		if err != nil {
			return err
		}
		if seen {
			return domain.Errorf(domain.KindForbidden, "read_only")
		}
		fallthrough
	case accessView:
		return domain.Errorf(domain.KindNotFound, notFoundCode(kind))
	}
	return domain.Errorf(domain.KindForbidden, "not_allowed")
}

// eventParam is the route parameter that names an event of the kind.
func eventParam(kind string) string {
	if kind == domain.KindConsultation {
		return "cid"
	}
	return "id"
}

func notFoundCode(kind string) string {
	if kind == domain.KindConsultation {
		return "remiss_not_found"
	}
	return "workshop_not_found"
}

// canRun reports what allow found for this request.
func canRun(c *fiber.Ctx) bool {
	ok, _ := c.Locals(localCanRun).(bool)
	return ok
}

// actorOf names the logged-in user for the audit log.
func actorOf(c *fiber.Ctx) domain.Actor { return actorFor(userOf(c)) }

func actorFor(u *domain.User) domain.Actor {
	if u == nil {
		return domain.Actor{Name: "okänd"}
	}
	return domain.Actor{ID: u.ID, Name: u.Name + " <" + u.Email + ">"}
}
