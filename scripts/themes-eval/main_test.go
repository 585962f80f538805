package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReportScoresALabelledFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "set.jsonl")
	lines := `{"text": "tandläkare i folktandvården", "theme": "Tandvård", "dup": null}
{"text": "bussen går för sällan på landsbygden", "theme": "Kollektivtrafik", "dup": "buss"}
{"text": "bussarna på landsbygden går för sällan", "theme": "Kollektivtrafik", "dup": "buss"}

{"text": "tack för en bra dag", "theme": "Övrigt", "dup": null}
`
	if err := os.WriteFile(path, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	rows, err := read(path)
	if err != nil || len(rows) != 4 {
		t.Fatalf("read: %d rows, %v", len(rows), err)
	}
	var out bytes.Buffer
	report(&out, rows, 1, false)
	for _, want := range []string{
		"0    preset          4  100 %  100 %",
		"1    preset          1  100 %  100 %",
		"duplicate pairs (k = 1, preset keywords): 1 suggested, 1 labelled; precision 100 %, recall 100 %",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestReadRejectsAnUnknownTheme(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(path, []byte(`{"text": "x", "theme": "Tandvårdd", "dup": null}`+"\n"), 0o600)
	if _, err := read(path); err == nil || !strings.Contains(err.Error(), "Tandvårdd") {
		t.Errorf("read = %v, want an error naming the theme", err)
	}
}
