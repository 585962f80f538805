package web

import (
	"context"

	"github.com/samrad-se/samrad/server/live"
)

// progress answers a live view's {"type":"progress","req":…} with how many
// tables have answered (storage.Progress): "18 av 30 bord har svarat". The
// dashboard and the projector ask again when answers, questions or tables
// change, so the one definition lives here.
func (e dashboardEndpoint) progress(ctx context.Context, msg *live.Inbound) ([]byte, error) {
	p, err := e.s.store.Progress(ctx, e.workshopID)
	if err != nil {
		return nil, err
	}
	return live.OK(msg.Req, p), nil
}
