package storage

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/samrad-se/samrad/server/domain"
)

const inputColumns = `id, workshop_id, question_id, table_id, theme_id, text, coalesce(edited_text, ''),
	hidden, highlighted, coalesce(merged_into, ''), created_at, seq, chosen_theme,
	suggested_theme, suggestion_confidence, suggestion_words, placed_by, original_text, withdrawn`

// A table's inputs are found through inputs_table_seq. "+workshop_id" keeps
// the planner, which has no statistics, from walking the whole workshop's
// inputs_workshop index instead (TestTableReadsUseTheTablesIndex).
const (
	sqlTableInputs      = `SELECT ` + inputColumns + ` FROM inputs WHERE table_id = ? AND +workshop_id = ? ORDER BY created_at, id`
	sqlTableInputsSince = `SELECT ` + inputColumns + ` FROM inputs WHERE table_id = ? AND +workshop_id = ? AND seq > ?`
)

const sqlInsertInput = `INSERT INTO inputs (id, workshop_id, question_id, table_id, theme_id, text, created_at, updated_at, seq, chosen_theme,
	suggested_theme, suggestion_confidence, suggestion_words, placed_by)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`

func scanInput(row interface{ Scan(...any) error }) (domain.Input, error) {
	var in domain.Input
	var hidden, highlighted, withdrawn int
	var created, because string
	err := row.Scan(&in.ID, &in.WorkshopID, &in.QuestionID, &in.TableID, &in.ThemeID, &in.Text, &in.EditedText,
		&hidden, &highlighted, &in.MergedInto, &created, &in.Seq, &in.ChosenTheme,
		&in.Suggested, &in.Confidence, &because, &in.PlacedBy, &in.Original, &withdrawn)
	in.Withdrawn = withdrawn == 1
	in.Because = splitLines(because)
	if errors.Is(err, sql.ErrNoRows) {
		return in, domain.Errorf(domain.KindNotFound, "input_not_found")
	}
	in.Hidden = hidden == 1
	in.Highlighted = highlighted == 1
	in.CreatedAt = parseTime(created)
	return in, err
}

func (tx *Tx) Input(id string) (domain.Input, error) {
	in, err := scanInput(tx.q.QueryRowContext(tx.ctx, `SELECT `+inputColumns+` FROM inputs WHERE id = ?`, id))
	return in, translate(err)
}

// InsertInput stores new input. It reports false if a row with the same id
// already exists, in which case nothing was written.
func (tx *Tx) InsertInput(in domain.Input) (bool, error) {
	res, err := tx.q.ExecContext(tx.ctx, sqlInsertInput,
		in.ID, in.WorkshopID, in.QuestionID, in.TableID, in.ThemeID, in.Text,
		formatTime(in.CreatedAt), formatTime(in.CreatedAt), in.Seq, in.ChosenTheme,
		in.Suggested, in.Confidence, strings.Join(in.Because, "\n"), in.PlacedBy)
	if err != nil {
		return false, translate(err)
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// UpdateInput saves the moderation and sorting fields of an input; the
// original text is never touched.
func (tx *Tx) UpdateInput(in domain.Input) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE inputs SET theme_id = ?, edited_text = NULLIF(?, ''), hidden = ?,
		highlighted = ?, merged_into = NULLIF(?, ''), updated_at = ?, seq = ?,
		suggested_theme = ?, suggestion_confidence = ?, suggestion_words = ?, placed_by = ? WHERE id = ?`,
		in.ThemeID, in.EditedText, boolInt(in.Hidden), boolInt(in.Highlighted), in.MergedInto,
		formatTime(tx.now), in.Seq, in.Suggested, in.Confidence, strings.Join(in.Because, "\n"), in.PlacedBy, in.ID)
	return translate(err)
}

// UpdateTableChange saves a table's own correction or withdrawal of its
// answer: its words, what it first sent, and whether it took it back.
func (tx *Tx) UpdateTableChange(in domain.Input) error {
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE inputs SET text = ?, original_text = ?, withdrawn = ?, hidden = ?,
		updated_at = ?, seq = ? WHERE id = ?`,
		in.Text, in.Original, boolInt(in.Withdrawn), boolInt(in.Hidden), formatTime(tx.now), in.Seq, in.ID)
	return translate(err)
}

// InputsMergedInto lists the sources of a merged input.
func (tx *Tx) InputsMergedInto(id string) ([]domain.Input, error) {
	return collectInputs(tx.ctx, tx.q, `SELECT `+inputColumns+` FROM inputs WHERE merged_into = ? ORDER BY created_at`, id)
}

// InputsInTheme lists the inputs filed under a theme.
func (tx *Tx) InputsInTheme(themeID string) ([]domain.Input, error) {
	return collectInputs(tx.ctx, tx.q, `SELECT `+inputColumns+` FROM inputs WHERE theme_id = ? ORDER BY created_at`, themeID)
}

func collectInputs(ctx context.Context, q querier, query string, args ...any) ([]domain.Input, error) {
	var list []domain.Input
	err := eachInput(ctx, q, func(in domain.Input) error {
		list = append(list, in)
		return nil
	}, query, args...)
	return list, err
}

func eachInput(ctx context.Context, q querier, fn func(domain.Input) error, query string, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		in, err := scanInput(rows)
		if err != nil {
			return err
		}
		if err := fn(in); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachInput streams a workshop's inputs in question order, then time, so an
// export never holds them all in memory. Answers their tables withdrew are
// left out: the tables took them back.
func (s *Store) EachInput(ctx context.Context, workshopID string, fn func(domain.Input) error) error {
	return eachInput(ctx, s.read, fn, `SELECT `+inputColumns+` FROM inputs WHERE workshop_id = ? AND withdrawn = 0
		ORDER BY (SELECT position FROM questions WHERE id = question_id), created_at, id`, workshopID)
}

// Unsorted lists the inputs of a workshop that wait to be sorted: in the
// parking lot, placed there by nobody, not merged into another.
func (s *Store) Unsorted(ctx context.Context, workshopID string) ([]domain.Input, error) {
	return collectInputs(ctx, s.read, `SELECT `+inputColumns+` FROM inputs WHERE workshop_id = ? AND placed_by = ''
		AND merged_into IS NULL AND withdrawn = 0 AND theme_id = (SELECT id FROM themes WHERE workshop_id = inputs.workshop_id AND parking = 1)
		ORDER BY created_at, id`, workshopID)
}

// Shown lists the inputs of a workshop that the wall shows: neither hidden
// nor merged into another; of one theme only, if theme is set.
func (s *Store) Shown(ctx context.Context, workshopID, theme string) ([]domain.Input, error) {
	return collectInputs(ctx, s.read, `SELECT `+inputColumns+` FROM inputs WHERE workshop_id = ?1 AND hidden = 0
		AND merged_into IS NULL AND (?2 = '' OR theme_id = ?2) ORDER BY created_at, id`, workshopID, theme)
}

// ShownTexts lists the texts of one question's answers that the wall shows
// (a facilitator's correction where there is one), for its word cloud.
func (s *Store) ShownTexts(ctx context.Context, workshopID, questionID string) ([]string, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT CASE WHEN coalesce(edited_text, '') <> '' THEN edited_text ELSE text END
		FROM inputs WHERE workshop_id = ? AND question_id = ? AND hidden = 0 AND merged_into IS NULL`, workshopID, questionID)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
