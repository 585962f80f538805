package storage

import (
	"context"
	"time"
)

// Feedback is a message sent from the accessibility statement page.
type Feedback struct {
	ID      int64
	At      time.Time
	Page    string
	Message string
	Contact string
}

func (s *Store) AddFeedback(ctx context.Context, f Feedback) error {
	return s.update(ctx, func(q querier, now time.Time) error {
		_, err := q.ExecContext(ctx, `INSERT INTO accessibility_feedback (created_at, page, message, contact) VALUES (?, ?, ?, ?)`,
			formatTime(now), f.Page, f.Message, f.Contact)
		return err
	})
}

// ListFeedback returns the newest messages first.
func (s *Store) ListFeedback(ctx context.Context, limit int) ([]Feedback, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, created_at, page, message, contact FROM accessibility_feedback
		ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Feedback
	for rows.Next() {
		var f Feedback
		var at string
		if err := rows.Scan(&f.ID, &at, &f.Page, &f.Message, &f.Contact); err != nil {
			return nil, err
		}
		f.At = parseTime(at)
		list = append(list, f)
	}
	return list, rows.Err()
}
