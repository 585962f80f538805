package web

import (
	"bufio"
	"context"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/audit"
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/export"
	"github.com/samrad-se/samrad/server/storage"
)

var exporters = map[string]struct {
	mime  string
	write func(w *bufio.Writer, src export.Source) error
}{
	"csv":  {"text/csv; charset=utf-8", func(w *bufio.Writer, src export.Source) error { return export.CSV(w, src) }},
	"xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", func(w *bufio.Writer, src export.Source) error { return export.XLSX(w, src) }},
	"json": {"application/json; charset=utf-8", func(w *bufio.Writer, src export.Source) error { return export.JSON(w, src) }},
}

// export streams a workshop's input as a download.
func (s *Server) export(c *fiber.Ctx) error {
	format, ok := exporters[c.Params("format")]
	if !ok {
		return domain.Errorf(domain.KindNotFound, "page_not_found")
	}
	setup, err := s.store.Snapshot(c.UserContext(), c.Params("id"), storage.NoInputs)
	if err != nil {
		return err
	}
	votes, results, err := s.store.Votes(c.UserContext(), setup.Workshop.ID)
	if err != nil {
		return err
	}
	src := export.Source{Setup: setup, Now: s.cfg.Now(), Votes: export.Votes{List: votes, Results: results},
		Each: func(fn func(domain.Input) error) error {
			// The body is written after the handler returns, outside the request context.
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			return s.store.EachInput(ctx, setup.Workshop.ID, fn)
		}}
	if err := s.record(c, audit.Note{Action: "export." + c.Params("format"), Kind: domain.KindWorkshop,
		ObjectID: setup.Workshop.ID, EventID: setup.Workshop.ID}); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, format.mime)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+export.Filename(setup.Workshop, c.Params("format"))+`"`)
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		if err := format.write(w, src); err != nil {
			// Headers are gone already: the download is cut short, which the browser shows.
			slog.Error("export failed", "workshop", setup.Workshop.ID, "err", err)
		}
	})
	return nil
}
