package web

import (
	"context"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/live"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

// change is a table correcting or withdrawing one of its own answers:
//
//	{"type":"correct","req":…,"item":<input id>,"text":"…"}
//	{"type":"withdraw","req":…,"item":<input id>}
//
// answered {"type":"ok","req":…,"data":<the answer as the table sees it>}.
// The phone keeps it in its outbox until answered; sending it again is
// harmless (see workshop.ChangeAnswer).
func (e tableEndpoint) change(ctx context.Context, p *live.Peer, msg *live.Inbound) ([]byte, error) {
	if !e.s.tableLimit.allow(e.table.ID) {
		return nil, domain.Errorf(domain.KindRateLimited, "table_too_fast")
	}
	cmd := &workshop.ChangeAnswer{WorkshopID: e.table.WorkshopID, TableID: e.table.ID, InputID: msg.Item,
		Text: msg.Text, Withdraw: msg.Type == "withdraw", Origin: p.Origin()}
	if err := cmd.Validate(); err != nil {
		return nil, err
	}
	res, err := writer.Run(ctx, e.s.writer, cmd)
	if err != nil {
		return nil, err
	}
	return live.OK(msg.Req, res.ForTable()), nil
}
