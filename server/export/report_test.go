package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
)

// With more sections than a landscape page has room for written out, the
// organisations × sections table abbreviates the stances and explains them.
func TestReportAbbreviatesManySections(t *testing.T) {
	for _, n := range []int{6, 12} {
		var sections []domain.Section
		for i := range n {
			sections = append(sections, domain.Section{ID: fmt.Sprint("s", i), Number: fmt.Sprint(i + 1), Heading: "Avsnitt"})
		}
		r := domain.Respondent{ID: "r", Invited: true, Organisation: "Länsbygderådet", Version: 1}
		a := domain.Answer{Organisation: r.Organisation, Sections: map[string]domain.SectionAnswer{"s0": {Stance: domain.StancePartly}}}
		c := remiss.Compile(domain.Consultation{Title: "T", Deadline: time.Now()}, sections, []domain.Respondent{r},
			map[string]domain.Version{"r": {RespondentID: "r", Version: 1, Answer: a}})
		var b bytes.Buffer
		if err := ReportDOCX(&b, c, time.Now()); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var doc string
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				rc, _ := f.Open()
				body, _ := io.ReadAll(rc)
				rc.Close()
				doc = string(body)
			}
		}
		abbreviated := strings.Contains(doc, "TD = Tillstyrker delvis")
		if abbreviated != (n > 9) {
			t.Errorf("%d sections: abbreviated %v", n, abbreviated)
		}
	}
}
