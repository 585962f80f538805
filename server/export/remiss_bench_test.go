package export

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
)

// benchCompilation is a large consultation: 120 organisations answering six
// sections with a 600-character comment each.
func benchCompilation() remiss.Compilation {
	con := domain.Consultation{ID: "c", Title: "Överenskommelsen", Dnr: "RS 2014-00123", Deadline: time.Now()}
	sections, _ := remiss.Split(remiss.DemoDocument)
	for i := range sections {
		sections[i].ID = fmt.Sprintf("s%d", i)
	}
	var respondents []domain.Respondent
	latest := map[string]domain.Version{}
	comment := strings.Repeat("Synpunkt på förslaget, med å, ä och ö. ", 15)
	for i := 0; i < 120; i++ {
		r := domain.Respondent{ID: fmt.Sprintf("r%d", i), Invited: i%10 != 0, Organisation: fmt.Sprintf("Förening %03d", i),
			Reference: fmt.Sprintf("RV-2026-%04d", i+1)}
		a := domain.Answer{Organisation: r.Organisation, Summary: comment, General: comment, Sections: map[string]domain.SectionAnswer{}}
		for j, s := range sections {
			a.Sections[s.ID] = domain.SectionAnswer{Stance: domain.Stances[(i+j)%len(domain.Stances)], Comment: comment}
		}
		respondents = append(respondents, r)
		latest[r.ID] = domain.Version{RespondentID: r.ID, Version: 1, Answer: a, SubmittedAt: time.Now()}
	}
	return remiss.Compile(con, sections, respondents, latest)
}

func BenchmarkRemissXLSX(b *testing.B) {
	c := benchCompilation()
	for b.Loop() {
		if err := RemissXLSX(io.Discard, c, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRemissCSV(b *testing.B) {
	c := benchCompilation()
	for b.Loop() {
		if err := RemissCSV(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReportDOCX(b *testing.B) {
	c := benchCompilation()
	for b.Loop() {
		if err := ReportDOCX(io.Discard, c, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}
