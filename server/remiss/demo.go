package remiss

import (
	_ "embed"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
)

// DemoDocument is a draft in the shape of the agreement between Västra
// Götalandsregionen and the social economy that went on remiss in March
// 2014, written for demonstrations and tests: six numbered sections.
//
//go:embed demo.txt
var DemoDocument string

// DemoDetails fills the "new consultation" form with the demonstration draft.
func DemoDetails(now time.Time) Details {
	// Eight weeks ahead, at 23.59 Stockholm time: boards need time to decide.
	d := now.In(i18n.Stockholm).AddDate(0, 0, 56)
	return Details{
		Title:         "Överenskommelse mellan Västra Götalandsregionen och den sociala ekonomin",
		RemittingBody: "Västra Götalandsregionen, arbetsgruppen för överenskommelsen",
		Dnr:           "RS 2014-00123",
		Intro: "Västra Götalandsregionen och den sociala ekonomin har tillsammans tagit fram ett utkast till en " +
			"regional överenskommelse. Vi vill nu veta vad ni tycker. Svara gärna avsnitt för avsnitt och ange om ni " +
			"tillstyrker, tillstyrker delvis eller avstyrker förslaget. Yttrandet bör vara beslutat av er styrelse " +
			"eller motsvarande.",
		Deadline:         time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 0, 0, i18n.Stockholm),
		AllowSpontaneous: true,
	}
}

// DemoSections is the demonstration draft split into its six sections.
func DemoSections() []domain.Section {
	sections, err := Split(DemoDocument)
	if err != nil {
		panic(err) // the embedded draft splits: TestSplitDemo
	}
	return sections
}
