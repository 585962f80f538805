package storage

import (
	"context"
	"strings"
	"testing"
)

// The reads every phone makes when it joins or comes back must go through
// the table's index: 10,000 phones reconnecting after a restart each walking
// the workshop's inputs (or the table's whole history) is what kept a venue
// waiting. A fresh database has no statistics, as in production.
func TestTableReadsUseTheTablesIndex(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []struct {
		name, sql string
		args      []any
	}{
		{"a table's inputs since a change", sqlTableInputsSince, []any{"t", "w", 5}},
		{"a table's inputs", sqlTableInputs, []any{"t", "w"}},
	} {
		rows, err := s.read.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q.sql, q.args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		if got := strings.Join(plan, "; "); !strings.Contains(got, "USING INDEX inputs_table_seq (table_id=?") {
			t.Errorf("%s: %s, want a search of inputs_table_seq by table", q.name, got)
		}
	}
}
