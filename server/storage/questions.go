package storage

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/samrad-se/samrad/server/domain"
)

const questionColumns = `id, workshop_id, position, text, state, kind, duration_seconds, auto_close, deadline_ms`

// scanQuestion reads questionColumns (and whatever follows them into more).
func scanQuestion(row interface{ Scan(...any) error }, more ...any) (domain.Question, error) {
	var qu domain.Question
	var deadline sql.NullInt64
	err := row.Scan(append([]any{&qu.ID, &qu.WorkshopID, &qu.Position, &qu.Text, &qu.State, &qu.Kind, &qu.Duration, &qu.AutoClose, &deadline}, more...)...)
	if deadline.Valid {
		d := time.UnixMilli(deadline.Int64).UTC()
		qu.Deadline = &d
	}
	return qu, err
}

// deadlineValue is a deadline as stored: milliseconds, or NULL for none.
func deadlineValue(d *time.Time) any {
	if d == nil {
		return nil
	}
	return d.UnixMilli()
}

func questions(ctx context.Context, q querier, workshopID string) ([]domain.Question, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+questionColumns+` FROM questions
		WHERE workshop_id = ? ORDER BY position`, workshopID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []domain.Question
	for rows.Next() {
		qu, err := scanQuestion(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, qu)
	}
	return list, rows.Err()
}

func (s *Store) Questions(ctx context.Context, workshopID string) ([]domain.Question, error) {
	return questions(ctx, s.read, workshopID)
}

func (tx *Tx) Questions(workshopID string) ([]domain.Question, error) {
	return questions(tx.ctx, tx.q, workshopID)
}

func (tx *Tx) Question(workshopID, id string) (domain.Question, error) {
	qu, err := scanQuestion(tx.q.QueryRowContext(tx.ctx, `SELECT `+questionColumns+` FROM questions
		WHERE id = ? AND workshop_id = ?`, id, workshopID))
	if errors.Is(err, sql.ErrNoRows) {
		return qu, domain.Errorf(domain.KindNotFound, "question_not_found")
	}
	return qu, translate(err)
}

const sqlAnswerable = `SELECT q.state, w.state, q.kind FROM questions q JOIN workshops w ON w.id = q.workshop_id
	WHERE q.id = ? AND q.workshop_id = ?`

// AnswerableCheck returns the states that decide whether a table may answer a question.
func (tx *Tx) AnswerableCheck(workshopID, questionID string) (domain.QuestionState, domain.WorkshopState, error) {
	c := &tx.store.cache
	q, qok := c.questions[questionID]
	ws, wok := c.workshops[workshopID]
	if qok && wok && q.workshopID == workshopID {
		return q.state, ws, nil
	}
	var qs domain.QuestionState
	var kind domain.QuestionKind
	err := tx.q.QueryRowContext(tx.ctx, sqlAnswerable, questionID, workshopID).Scan(&qs, &ws, &kind)
	if errors.Is(err, sql.ErrNoRows) {
		return qs, ws, domain.Errorf(domain.KindNotFound, "question_not_found")
	}
	if err != nil {
		return qs, ws, translate(err)
	}
	c.questions[questionID] = cachedQuestion{workshopID: workshopID, state: qs, kind: kind}
	c.workshops[workshopID] = ws
	return qs, ws, nil
}

// QuestionKind is what a question takes for an answer. A submission asks
// right after AnswerableCheck, which has cached it.
func (tx *Tx) QuestionKind(workshopID, questionID string) (domain.QuestionKind, error) {
	if q, ok := tx.store.cache.questions[questionID]; ok && q.workshopID == workshopID && q.kind != "" {
		return q.kind, nil
	}
	q, err := tx.Question(workshopID, questionID)
	return q.Kind, err
}

func (tx *Tx) InsertQuestion(qu domain.Question) error {
	if qu.Kind == "" {
		qu.Kind = domain.QuestionText
	}
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO questions (id, workshop_id, position, text, state, kind, duration_seconds, auto_close, deadline_ms)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, qu.ID, qu.WorkshopID, qu.Position, qu.Text, qu.State, qu.Kind, qu.Duration, qu.AutoClose, deadlineValue(qu.Deadline))
	return translate(err)
}

func (tx *Tx) UpdateQuestion(qu domain.Question) error {
	delete(tx.store.cache.questions, qu.ID)
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE questions SET position = ?, text = ?, state = ?, duration_seconds = ?, auto_close = ?,
		deadline_ms = ? WHERE id = ? AND workshop_id = ?`,
		qu.Position, qu.Text, qu.State, qu.Duration, qu.AutoClose, deadlineValue(qu.Deadline), qu.ID, qu.WorkshopID)
	return translate(err)
}
