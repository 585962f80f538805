package web

import (
	"bufio"
	"context"
	"log/slog"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/export"
	"github.com/samrad-se/samrad/server/storage"
)

const auditPageSize = 100

// record runs a command as the logged-in user, with its entry in the audit
// log (audit.Audited): the one way a change by a person is made and logged.
func (s *Server) record(c *fiber.Ctx, cmd audit.Command) error {
	return s.writer.Do(c.UserContext(), audit.Audited{Command: cmd, Actor: actorOf(c)})
}

func auditFilter(c *fiber.Ctx) storage.AuditFilter {
	before, _ := strconv.ParseInt(c.Query("before"), 10, 64)
	return storage.AuditFilter{EventID: c.Query("event"), ActorID: c.Query("actor"), Before: before}
}

// auditPage shows the audit log newest first, a page at a time.
func (s *Server) auditPage(c *fiber.Ctx) error {
	f := auditFilter(c)
	f.Limit = auditPageSize + 1
	entries, err := s.store.AuditEntries(c.UserContext(), f)
	if err != nil {
		return err
	}
	data := fiber.Map{"Event": f.EventID, "Actor": f.ActorID}
	if len(entries) > auditPageSize {
		entries = entries[:auditPageSize]
		data["Older"] = entries[len(entries)-1].ID
	}
	data["Entries"] = entries
	return s.render(c, "audit", tr(c, "audit.title"), data)
}

// auditExport streams the (filtered) audit log as CSV; the export itself is logged.
func (s *Server) auditExport(c *fiber.Ctx) error {
	f := auditFilter(c)
	if err := s.record(c, audit.Note{Action: "export.audit", Kind: "audit", ObjectID: f.EventID, EventID: f.EventID}); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="samrad-logg-`+s.cfg.Now().Format("2006-01-02")+`.csv"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		err := export.AuditCSV(w, func(fn func(domain.AuditEntry) error) error { return s.store.EachAudit(ctx, f, fn) })
		if err != nil {
			slog.Error("audit export failed", "err", err)
		}
	})
	return nil
}
