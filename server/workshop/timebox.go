package workshop

import (
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Time boxes: a question with a duration runs against a deadline from the
// moment it is opened (SetQuestionState, NextQuestion); CloseTimebox closes
// it when the time is out, if the facilitator chose so.

// SetTimebox gives a question a time box (Duration in seconds, 0: none) and
// says whether it closes by itself when the time is out. Saved for an open
// question, the countdown starts again with the duration saved: that is how
// a facilitator gives the tables a few more minutes.
type SetTimebox struct {
	WorkshopID, QuestionID string
	Duration               int
	AutoClose              bool
}

func (s *SetTimebox) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if s.Duration < 0 || s.Duration > domain.MaxDurationSeconds {
		return nil, domain.Errorf(domain.KindInvalid, "duration_invalid", "max", domain.MaxDurationSeconds/60)
	}
	q, err := tx.Question(s.WorkshopID, s.QuestionID)
	if err != nil {
		return nil, err
	}
	auto := s.AutoClose && s.Duration > 0
	open := q.State == domain.QuestionOpen
	if q.Duration == s.Duration && q.AutoClose == auto && !(open && s.Duration > 0) {
		return nil, nil
	}
	q.Duration, q.AutoClose = s.Duration, auto
	if open {
		startTimebox(tx, &q)
	}
	if err := tx.UpdateQuestion(q); err != nil {
		return nil, err
	}
	c, err := questionChange(tx, q)
	return []domain.Change{c}, err
}

// startTimebox sets an open question's deadline from its duration (none
// without one); stopTimebox clears it when the question stops being open.
func startTimebox(tx *storage.Tx, q *domain.Question) {
	q.Deadline = nil
	if q.Duration > 0 {
		d := tx.Now().Add(time.Duration(q.Duration) * time.Second).Truncate(time.Millisecond)
		q.Deadline = &d
	}
}

func stopTimebox(q *domain.Question) { q.Deadline = nil }

// CloseTimebox closes a question whose time box ran out, set to close by
// itself ("stäng automatiskt när tiden är ute"). The server issues it; it
// does nothing when a facilitator got there first: closed the question,
// reopened it (a new deadline) or turned the setting off.
type CloseTimebox struct {
	WorkshopID, QuestionID string
	Deadline               time.Time
}

func (c *CloseTimebox) Apply(tx *storage.Tx) ([]domain.Change, error) {
	q, err := tx.Question(c.WorkshopID, c.QuestionID)
	if err != nil {
		return nil, err
	}
	if !q.Running() || !q.AutoClose || !q.Deadline.Equal(c.Deadline) {
		return nil, nil
	}
	q.State = domain.QuestionClosed
	stopTimebox(&q)
	if err := tx.UpdateQuestion(q); err != nil {
		return nil, err
	}
	ch, err := questionChange(tx, q)
	return []domain.Change{ch}, err
}

// NextQuestion is "Nästa fråga": it closes the open question and opens the
// one after it, in one transaction, so phones never see both open or none.
// With several open, all close and the one after the last opens; with none
// open, the first that has not been asked opens.
type NextQuestion struct {
	WorkshopID string
}

func (n *NextQuestion) Apply(tx *storage.Tx) ([]domain.Change, error) {
	list, err := tx.Questions(n.WorkshopID)
	if err != nil {
		return nil, err
	}
	next := n.next(list)
	if next < 0 {
		return nil, domain.Errorf(domain.KindConflict, "no_next_question")
	}
	var changes []domain.Change
	for i, q := range list {
		switch {
		case i == next:
			q.State = domain.QuestionOpen
			startTimebox(tx, &q)
		case q.State == domain.QuestionOpen:
			q.State = domain.QuestionClosed
			stopTimebox(&q)
		default:
			continue
		}
		if err := tx.UpdateQuestion(q); err != nil {
			return nil, err
		}
		c, err := questionChange(tx, q)
		if err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, nil
}

// next is the index of the question to open, or -1 when there is none.
func (n *NextQuestion) next(list []domain.Question) int {
	last := -1
	for i, q := range list {
		if q.State == domain.QuestionOpen {
			last = i
		}
	}
	if last >= 0 {
		if last+1 < len(list) {
			return last + 1
		}
		return -1
	}
	for i, q := range list {
		if q.State == domain.QuestionPending {
			return i
		}
	}
	return -1
}
