package workshop

import (
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// What each change of a workshop looks like to live clients. The commands
// number them (numbered); a client that reconnects is sent the same changes
// built from the rows that changed since it left (web's live endpoints).

func WorkshopChange(w domain.Workshop) domain.Change {
	return domain.Change{Topic: domain.WorkshopTopic(w.ID), Type: "workshop", Audience: domain.ToEveryone,
		Payload: w, MemberPayload: w.ForTable()}
}

func QuestionChange(q domain.Question) domain.Change {
	return domain.Change{Topic: domain.WorkshopTopic(q.WorkshopID), Type: "question", Audience: domain.ToEveryone,
		Payload: domain.LiveQuestion(q)}
}

func ThemeChange(t domain.Theme) domain.Change {
	return domain.Change{Topic: domain.WorkshopTopic(t.WorkshopID), Type: "theme", Audience: domain.ToEveryone,
		Payload: t, MemberPayload: t.ForTable()}
}

func ThemeRemovedChange(workshopID, themeID string) domain.Change {
	return domain.Change{Topic: domain.WorkshopTopic(workshopID), Type: "theme_removed", Audience: domain.ToEveryone,
		Payload: map[string]string{"id": themeID}}
}

func TableChange(t domain.Table) domain.Change {
	return domain.Change{Topic: domain.WorkshopTopic(t.WorkshopID), Type: "table", Audience: domain.ToMember, Member: t.ID, Payload: t}
}

// InputChange is a new input: staff see it whole, its table's phones their
// own words. A resuming phone is sent its inputs this way also after they
// were moderated (harmless: it shows their words only).
func InputChange(in domain.Input) domain.Change {
	return domain.Change{Topic: domain.WorkshopTopic(in.WorkshopID), Seq: in.Seq, Type: "input", Audience: domain.ToMember,
		Member: in.TableID, Payload: in, MemberPayload: in.ForTable()}
}

// numbered gives a change the workshop's next sequence number and records
// it as the latest change of the object id.
func numbered(tx *storage.Tx, c domain.Change, id string) (domain.Change, error) {
	seq, err := tx.NextSeq(c.Topic.ID)
	if err != nil {
		return c, err
	}
	c.Seq = seq
	return c, tx.MarkChanged(c.Topic.ID, c.Type, id, seq)
}

func workshopChange(tx *storage.Tx, id string) (domain.Change, error) {
	w, err := tx.Workshop(id)
	if err != nil {
		return domain.Change{}, err
	}
	return numbered(tx, WorkshopChange(w), id)
}

func questionChange(tx *storage.Tx, q domain.Question) (domain.Change, error) {
	return numbered(tx, QuestionChange(q), q.ID)
}

func themeChange(tx *storage.Tx, t domain.Theme) (domain.Change, error) {
	return numbered(tx, ThemeChange(t), t.ID)
}

func tableChange(tx *storage.Tx, t domain.Table) (domain.Change, error) {
	return numbered(tx, TableChange(t), t.ID)
}

// saveInput stores a moderated input under a new sequence number; only
// staff hear of it, since phones see their own words, not moderation.
func saveInput(tx *storage.Tx, in domain.Input) (domain.Change, error) {
	seq, err := tx.NextSeq(in.WorkshopID)
	if err != nil {
		return domain.Change{}, err
	}
	in.Seq = seq
	c := domain.Change{Topic: domain.WorkshopTopic(in.WorkshopID), Seq: seq, Type: "input", Audience: domain.ToStaff, Payload: in}
	return c, tx.UpdateInput(in)
}
