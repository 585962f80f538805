package web

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
	"github.com/samrad-se/samrad/server/audit"
)

// downloadBackup hands an administrator a fresh, checked copy of the whole
// database (the same copy `samrad backup` writes). The copy is made next to
// the database, where there is room for it, and unlinked as soon as it is
// open: the open file is streamed, and the disk space comes back when the
// download ends, however it ends.
func (s *Server) downloadBackup(c *fiber.Ctx) error {
	tmp := filepath.Join(filepath.Dir(s.store.Path), ".download-"+uuid.NewString()+".db")
	ctx, cancel := context.WithTimeout(c.UserContext(), 10*time.Minute)
	defer cancel()
	res, err := s.store.Backup(ctx, tmp)
	if err != nil {
		return err
	}
	f, err := os.Open(res.Path)
	os.Remove(res.Path)
	if err != nil {
		return err
	}
	name := "samrad-" + s.cfg.Now().In(time.UTC).Format("2006-01-02T150405Z") + ".db"
	slog.Info("backup downloaded", "request_id", requestIDOf(c), "user", userOf(c).ID, "bytes", res.Size, "took", res.Duration)
	// The copy holds everyone's data: who took one belongs in the audit log.
	if err := s.record(c, audit.Note{Action: "export.backup", Kind: "database", ObjectID: name}); err != nil {
		f.Close()
		return err
	}
	c.Set(fiber.HeaderContentType, "application/vnd.sqlite3")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+`"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.SendStream(f, int(res.Size)) // fasthttp closes f when sent
}
