package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/samrad-se/samrad/server/domain"
)

// Votes (prickröstning): the votes of a workshop, their candidates, each
// table's dots and the moves that put them there.

const voteColumns = `id, workshop_id, scope, scope_id, dots, per_answer, state, shown, opened_at, closed_at, seq`

func scanVote(row interface{ Scan(...any) error }, more ...any) (domain.Vote, error) {
	var v domain.Vote
	var shown int
	var opened, closed string
	err := row.Scan(append([]any{&v.ID, &v.WorkshopID, &v.Scope, &v.ScopeID, &v.Dots, &v.Limit, &v.State, &shown,
		&opened, &closed, &v.Seq}, more...)...)
	if errors.Is(err, sql.ErrNoRows) {
		return v, domain.Errorf(domain.KindNotFound, "vote_not_found")
	}
	v.Shown = shown == 1
	v.OpenedAt = parseTime(opened)
	if closed != "" {
		t := parseTime(closed)
		v.ClosedAt = &t
	}
	return v, err
}

// VoteSet is what a client may see of a workshop's votes: the votes, the
// results it may see and the dots of the tables it may see.
// Results and Dots carry the number of their latest change.
type VoteSet struct {
	Votes   []domain.Vote
	Results []Numbered[domain.VoteResults]
	Dots    []Numbered[domain.TableDots]
}

// Vote reads one vote of a workshop with its candidates.
func (tx *Tx) Vote(workshopID, id string) (domain.Vote, error) {
	v, err := scanVote(tx.q.QueryRowContext(tx.ctx, `SELECT `+voteColumns+` FROM votes WHERE id = ? AND workshop_id = ?`, id, workshopID))
	if err != nil {
		return v, translate(err)
	}
	v.Candidates, err = candidates(tx.ctx, tx.q, id)
	return v, err
}

// OpenVoteID is the workshop's open vote, or "" when none is open.
func (tx *Tx) OpenVoteID(workshopID string) (string, error) {
	var id string
	err := tx.q.QueryRowContext(tx.ctx, `SELECT id FROM votes WHERE workshop_id = ? AND state = 'open'`, workshopID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, translate(err)
}

// VoteCandidates are the answers a new vote would be on: visible, not
// merged into another (a merged answer counts once, as its target), in the
// questions' order, then as they came.
func (tx *Tx) VoteCandidates(workshopID string, scope domain.VoteScope, scopeID string) ([]domain.VoteCandidate, error) {
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT i.id, i.question_id, coalesce(i.edited_text, i.text) FROM inputs i
		JOIN questions q ON q.id = i.question_id
		WHERE i.workshop_id = ?1 AND i.hidden = 0 AND i.merged_into IS NULL
		AND (?2 = 'workshop' OR (?2 = 'question' AND i.question_id = ?3) OR (?2 = 'theme' AND i.theme_id = ?3))
		ORDER BY q.position, i.created_at, i.id`, workshopID, scope, scopeID)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	var list []domain.VoteCandidate
	for rows.Next() {
		var c domain.VoteCandidate
		if err := rows.Scan(&c.ID, &c.Question, &c.Text); err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	return list, rows.Err()
}

// InsertVote stores a new vote and its candidates.
func (tx *Tx) InsertVote(v domain.Vote) error {
	if _, err := tx.q.ExecContext(tx.ctx, `INSERT INTO votes (id, workshop_id, scope, scope_id, dots, per_answer, state, shown, opened_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, v.ID, v.WorkshopID, v.Scope, v.ScopeID, v.Dots, v.Limit, v.State, boolInt(v.Shown),
		formatTime(v.OpenedAt)); err != nil {
		return translate(err)
	}
	for i, c := range v.Candidates {
		if _, err := tx.q.ExecContext(tx.ctx, `INSERT INTO vote_candidates (vote_id, input_id, position, text) VALUES (?, ?, ?, ?)`,
			v.ID, c.ID, i, c.Text); err != nil {
			return translate(err)
		}
	}
	return nil
}

// UpdateVote saves a vote's state, when it closed and whether its results are shown.
func (tx *Tx) UpdateVote(v domain.Vote) error {
	closed := ""
	if v.ClosedAt != nil {
		closed = formatTime(*v.ClosedAt)
	}
	_, err := tx.q.ExecContext(tx.ctx, `UPDATE votes SET state = ?, shown = ?, closed_at = ? WHERE id = ?`,
		v.State, boolInt(v.Shown), closed, v.ID)
	return translate(err)
}

// MarkVoteChanged records change number seq as the latest of the vote
// itself (results false) or of its results (true).
func (tx *Tx) MarkVoteChanged(voteID string, results bool, seq int64) error {
	query := `UPDATE votes SET seq = ? WHERE id = ?`
	if results {
		query = `UPDATE votes SET results_seq = ? WHERE id = ?`
	}
	_, err := tx.q.ExecContext(tx.ctx, query, seq, voteID)
	return translate(err)
}

// MarkTableDotsChanged records change number seq as the latest of a table's dots in a vote.
func (tx *Tx) MarkTableDotsChanged(voteID, tableID string, seq int64) error {
	_, err := tx.q.ExecContext(tx.ctx, `INSERT INTO vote_tables (vote_id, table_id, seq) VALUES (?, ?, ?)
		ON CONFLICT (vote_id, table_id) DO UPDATE SET seq = excluded.seq`, voteID, tableID, seq)
	return translate(err)
}

// VoteMove is one dot a phone gave (+1) or took back (-1).
type VoteMove struct {
	ID, VoteID, TableID, InputID string
	Delta                        int
}

// VoteMove reads a stored move by the phone's id.
func (tx *Tx) VoteMove(id string) (VoteMove, error) {
	m := VoteMove{ID: id}
	err := tx.q.QueryRowContext(tx.ctx, `SELECT vote_id, table_id, input_id, delta FROM vote_moves WHERE id = ?`, id).
		Scan(&m.VoteID, &m.TableID, &m.InputID, &m.Delta)
	if errors.Is(err, sql.ErrNoRows) {
		return m, domain.Errorf(domain.KindNotFound, "vote_move_not_found")
	}
	return m, translate(err)
}

// MoveDot records a move and changes the table's dots on the answer by its delta.
func (tx *Tx) MoveDot(m VoteMove) error {
	if _, err := tx.q.ExecContext(tx.ctx, `INSERT INTO vote_moves (id, vote_id, table_id, input_id, delta, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, m.ID, m.VoteID, m.TableID, m.InputID, m.Delta, formatTime(tx.now)); err != nil {
		return translate(err)
	}
	// The command has checked the move: a dot is taken back only where there
	// is one. (An upsert of -1 would fail the row's CHECK before its UPDATE.)
	query := `INSERT INTO vote_dots (vote_id, table_id, input_id, dots) VALUES (?, ?, ?, 1)
		ON CONFLICT (vote_id, table_id, input_id) DO UPDATE SET dots = dots + 1`
	if m.Delta < 0 {
		query = `UPDATE vote_dots SET dots = dots - 1 WHERE vote_id = ? AND table_id = ? AND input_id = ?`
	}
	_, err := tx.q.ExecContext(tx.ctx, query, m.VoteID, m.TableID, m.InputID)
	return translate(err)
}

// TableDots is where a table's dots are in a vote that gives each table dots.
func (tx *Tx) TableDots(voteID, tableID string, dots int) (domain.TableDots, error) {
	return tableDots(tx.ctx, tx.q, voteID, tableID, dots)
}

func tableDots(ctx context.Context, q querier, voteID, tableID string, dots int) (domain.TableDots, error) {
	d := domain.TableDots{Vote: voteID, Table: tableID, Dots: map[string]int{}, Left: dots}
	err := eachRow(ctx, q, func(r *sql.Rows) error {
		var id string
		var n int
		err := r.Scan(&id, &n)
		d.Dots[id] = n
		d.Left -= n
		return err
	}, `SELECT input_id, dots FROM vote_dots WHERE vote_id = ? AND table_id = ? AND dots > 0`, voteID, tableID)
	return d, err
}

// VoteResults counts a vote's dots.
func (tx *Tx) VoteResults(v domain.Vote) (domain.VoteResults, error) {
	return voteResults(tx.ctx, tx.q, v)
}

func voteResults(ctx context.Context, q querier, v domain.Vote) (domain.VoteResults, error) {
	r := domain.VoteResults{Vote: v.ID, Counts: make([]domain.VoteCount, len(v.Candidates))}
	at := make(map[string]int, len(v.Candidates))
	for i, c := range v.Candidates {
		r.Counts[i] = domain.VoteCount{ID: c.ID}
		at[c.ID] = i
	}
	err := eachRow(ctx, q, func(rows *sql.Rows) error {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		if i, ok := at[id]; ok {
			r.Counts[i].Dots = n
			r.Total += n
		}
		return nil
	}, `SELECT input_id, sum(dots) FROM vote_dots WHERE vote_id = ? GROUP BY input_id`, v.ID)
	if err != nil {
		return r, err
	}
	if err := q.QueryRowContext(ctx, `SELECT count(DISTINCT table_id) FROM vote_dots WHERE vote_id = ? AND dots > 0`, v.ID).Scan(&r.Tables); err != nil {
		return r, translate(err)
	}
	// Most dots first; a tie keeps the candidates' order (the sort is stable).
	slices.SortStableFunc(r.Counts, func(a, b domain.VoteCount) int { return cmp.Compare(b.Dots, a.Dots) })
	return r, nil
}

func candidates(ctx context.Context, q querier, voteID string) ([]domain.VoteCandidate, error) {
	list := []domain.VoteCandidate{}
	err := eachRow(ctx, q, func(r *sql.Rows) error {
		var c domain.VoteCandidate
		err := r.Scan(&c.ID, &c.Question, &c.Text)
		list = append(list, c)
		return err
	}, `SELECT c.input_id, i.question_id, c.text FROM vote_candidates c JOIN inputs i ON i.id = c.input_id
		WHERE c.vote_id = ? ORDER BY c.position`, voteID)
	return list, err
}

// voteSet reads a workshop's votes as a client sees them: staff (table
// empty) every result; a table's phones the results that are shown and
// their own dots. Only what changed after since is read (since < 0: all).
func voteSet(ctx context.Context, q querier, workshopID, table string, since int64) (VoteSet, error) {
	var set VoteSet
	var all []domain.Vote
	resultsSeq := map[string]int64{}
	err := eachRow(ctx, q, func(r *sql.Rows) error {
		var rs int64
		v, err := scanVote(r, &rs)
		all = append(all, v)
		resultsSeq[v.ID] = rs
		return err
	}, `SELECT `+voteColumns+`, results_seq FROM votes WHERE workshop_id = ? ORDER BY opened_at, id`, workshopID)
	if err != nil {
		return set, err
	}
	for _, v := range all {
		changed := v.Seq > since
		resultsChanged := resultsSeq[v.ID] > since && (table == "" || v.Shown)
		var dotsSeq int64
		if table != "" {
			if err := q.QueryRowContext(ctx, `SELECT seq FROM vote_tables WHERE vote_id = ? AND table_id = ?`, v.ID, table).Scan(&dotsSeq); err != nil && !errors.Is(err, sql.ErrNoRows) {
				return set, translate(err)
			}
		}
		dotsChanged := table != "" && dotsSeq > since
		if !changed && !resultsChanged && !dotsChanged {
			continue
		}
		if v.Candidates, err = candidates(ctx, q, v.ID); err != nil {
			return set, err
		}
		if changed {
			set.Votes = append(set.Votes, v)
		}
		if resultsChanged {
			r, err := voteResults(ctx, q, v)
			if err != nil {
				return set, err
			}
			set.Results = append(set.Results, Numbered[domain.VoteResults]{Seq: resultsSeq[v.ID], Value: r})
		}
		if dotsChanged || (table != "" && since < 0) {
			d, err := tableDots(ctx, q, v.ID, table, v.Dots)
			if err != nil {
				return set, err
			}
			set.Dots = append(set.Dots, Numbered[domain.TableDots]{Seq: dotsSeq, Value: d})
		}
	}
	return set, nil
}

// Votes reads a workshop's votes with their results, for exports and pages.
func (s *Store) Votes(ctx context.Context, workshopID string) ([]domain.Vote, []domain.VoteResults, error) {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, nil, translate(err)
	}
	defer tx.Rollback()
	set, err := voteSet(ctx, tx, workshopID, "", -1)
	results := make([]domain.VoteResults, len(set.Results))
	for i, r := range set.Results {
		results[i] = r.Value
	}
	return set.Votes, results, err
}
