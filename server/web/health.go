package web

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
)

// healthz is liveness: the process answers. A process manager restarts the
// server when it stops answering.
func (s *Server) healthz(c *fiber.Ctx) error { return c.SendString("ok") }

// readyz is readiness: the server can do its work now (the database answers
// a read, the writer takes commands, and it is not shutting down). A load
// balancer sends visitors elsewhere while it says 503; nothing restarts.
func (s *Server) readyz(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	if s.draining.Load() {
		return c.Status(fiber.StatusServiceUnavailable).SendString("shutting down")
	}
	if !s.writer.Running() {
		return c.Status(fiber.StatusServiceUnavailable).SendString("writer stopped")
	}
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	if err := s.store.Ready(ctx); err != nil {
		return c.Status(fiber.StatusServiceUnavailable).SendString("database unavailable")
	}
	return c.SendString("ready")
}

// Drain marks the server as shutting down, so /readyz answers 503 while it
// still serves. Shutdown drains first.
func (s *Server) Drain() { s.draining.Store(true) }
