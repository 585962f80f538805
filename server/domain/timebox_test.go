package domain

import "testing"

func TestRoundsSplitTablesInBlocksAndRotate(t *testing.T) {
	r := Rounds{Themes: []string{"Kultur", "Utbildning"}}
	tests := []struct {
		round, position, tables int
		want                    string
	}{
		{0, 1, 10, ""},
		{1, 1, 10, "Kultur"},
		{1, 5, 10, "Kultur"},
		{1, 6, 10, "Utbildning"},
		{1, 10, 10, "Utbildning"},
		{2, 1, 10, "Utbildning"},
		{2, 10, 10, "Kultur"},
		{3, 1, 10, "Kultur"},
		{1, 1, 1, "Kultur"},
		{2, 1, 1, "Utbildning"},
		{1, 3, 3, "Utbildning"},
	}
	for _, tc := range tests {
		r.Round = tc.round
		if got := r.ThemeFor(tc.position, tc.tables); got != tc.want {
			t.Errorf("round %d, table %d of %d: %q, want %q", tc.round, tc.position, tc.tables, got, tc.want)
		}
	}
	if got := (Rounds{Round: 1}).ThemeFor(1, 3); got != "" {
		t.Errorf("no themes: %q", got)
	}
}
