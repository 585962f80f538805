package workshop

import (
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// AnswerChangeWindow is how long after the server stored an answer its table
// may still correct or withdraw it: long enough to notice a typo or a
// mistake at the table, short enough that facilitators can rely on what
// they have sorted.
const AnswerChangeWindow = 5 * time.Minute

// ChangeAnswer is a table correcting (Text set) or withdrawing (Withdraw) one
// of its own answers, within AnswerChangeWindow of when it was stored.
// Facilitators keep seeing the answer: corrected with what the table first
// sent (Input.Original), or withdrawn (hidden, and left out of the projector
// and the exports).
//
// It is idempotent by content, so a phone may send it again whenever it is
// unsure (from its outbox, after being offline): an answer that already
// reads so, or is already withdrawn, is answered with its state and nothing
// is written, even after the window has closed.
type ChangeAnswer struct {
	WorkshopID string
	TableID    string // from the connection, never from the message
	InputID    string
	Text       string
	Withdraw   bool
	Origin     any // the connection that sent it (see domain.Change)

	validated bool
}

// Validate checks what needs no database.
func (c *ChangeAnswer) Validate() error {
	if c.validated {
		return nil
	}
	var err error
	if c.InputID, err = ParseID(c.InputID); err != nil {
		return err
	}
	if !c.Withdraw {
		if c.Text, err = cleanText(c.Text, domain.MaxInputRunes, "text"); err != nil {
			return err
		}
	}
	c.validated = true
	return nil
}

func (c *ChangeAnswer) Apply(tx *storage.Tx) (domain.Input, []domain.Change, error) {
	if err := c.Validate(); err != nil {
		return domain.Input{}, nil, err
	}
	in, err := tx.Input(c.InputID)
	if err != nil {
		return domain.Input{}, nil, err
	}
	if in.TableID != c.TableID || in.WorkshopID != c.WorkshopID {
		// Another table's answer: say nothing about it.
		return domain.Input{}, nil, domain.Errorf(domain.KindNotFound, "input_not_found")
	}
	switch {
	case c.Withdraw && in.Withdrawn, !c.Withdraw && !in.Withdrawn && in.Text == c.Text:
		return in, nil, nil
	case in.Withdrawn:
		return domain.Input{}, nil, domain.Errorf(domain.KindConflict, "input_withdrawn")
	}
	if tx.Now().Sub(in.CreatedAt) > AnswerChangeWindow {
		return domain.Input{}, nil, domain.Errorf(domain.KindConflict, "change_window_closed",
			"minutes", int(AnswerChangeWindow/time.Minute))
	}
	w, err := tx.Workshop(c.WorkshopID)
	if err != nil {
		return domain.Input{}, nil, err
	}
	if w.State != domain.WorkshopOpen {
		return domain.Input{}, nil, domain.Errorf(domain.KindConflict, "workshop_not_open")
	}
	if c.Withdraw {
		in.Withdrawn, in.Hidden = true, true
	} else {
		if in.Original == "" {
			in.Original = in.Text
		}
		in.Text = c.Text
		if in.Original == in.Text {
			in.Original = "" // back to what it first sent: nothing was changed
		}
	}
	seq, err := tx.NextSeq(c.WorkshopID)
	if err != nil {
		return domain.Input{}, nil, err
	}
	in.Seq = seq
	if err := tx.UpdateTableChange(in); err != nil {
		return domain.Input{}, nil, err
	}
	// The table's other phones hear of it as of any answer of theirs; the
	// sending phone has the reply.
	ch := InputChange(in)
	ch.Origin = c.Origin
	return in, []domain.Change{ch}, nil
}
