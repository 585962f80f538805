package export

// Exports of a consultation: one row per response × section, for the working
// group to annotate ("Kommentar", "Åtgärd"), plus the respondents. Contact
// persons and e-mail addresses are left out: these files may be published
// or released as public records, and the names of organisations and what
// they said are what matters there.

import (
	"strconv"
	"strings"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/i18n"
	"github.com/samrad-se/samrad/server/remiss"
)

var (
	remissHeader      = []string{"Organisation", "Typ", "Referens", "Version", "Inkom", "Sent inkommet", "Avsnitt nr", "Avsnitt", "Ställningstagande", "Synpunkt", "Kommentar", "Åtgärd"}
	respondentsHeader = []string{"Organisation", "Typ", "Status", "Referens", "Version", "Inkom", "Sent inkommet", "Beslutat av", "Beslutsdatum", "Bilaga"}
)

// ActionName is an action as the "Åtgärd" column writes it: "beaktas delvis".
func ActionName(a domain.Action) string {
	if a == domain.ActionUndecided {
		return ""
	}
	return strings.ToLower(i18n.T("sv", "remiss.action."+a.Key()))
}

// actionOf reads the "Åtgärd" column back; ok is false for a word that is
// not one of the actions.
func actionOf(s string) (domain.Action, bool) {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if s == "" {
		return domain.ActionUndecided, true
	}
	for _, a := range domain.Actions {
		if ActionName(a) == s {
			return a, true
		}
	}
	return domain.ActionUndecided, false
}

// StanceName is a stance as a reader says it: "tillstyrker delvis".
func StanceName(s domain.Stance) string { return i18n.T("sv", "remiss.stance."+s.Key()) }

func kind(r domain.Respondent) string {
	if r.Invited {
		return "inbjuden"
	}
	return "spontant"
}

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nej"
}

// remissRows lists, per answered respondent in alphabetical order, the
// summary and general views, one row per section in the draft's order, and
// other views, with the working group's comment and action as far as they
// are written. Text parts left empty get no row; every section gets one.
// keys name each row's respondent, part and version, for reading the
// working group's columns back (see ReadRemissXLSX).
func remissRows(c remiss.Compilation) (rows [][]string, keys []string) {
	for _, a := range c.Answered {
		r, v := a.Respondent, a.Version
		lead := []string{r.Organisation, kind(r), r.Reference, strconv.Itoa(v.Version), localTime(v.SubmittedAt), yesNo(v.Late)}
		row := func(part, no, section, stance, text string) {
			n := c.Note(r.ID, part)
			rows = append(rows, append(append([]string{}, lead...), no, section, stance, text, n.Comment, ActionName(n.Action)))
			keys = append(keys, rowKey(r.ID, part, v.Version))
		}
		if v.Answer.Summary != "" {
			row(domain.PartSummary, "", "Sammanfattning", "", v.Answer.Summary)
		}
		if v.Answer.General != "" {
			row(domain.PartGeneral, "", "Allmänna synpunkter", "", v.Answer.General)
		}
		for _, t := range c.Sections {
			sa := v.Answer.Sections[t.Section.ID]
			stance := ""
			if sa.Stance != domain.StanceNone {
				stance = StanceName(sa.Stance)
			}
			row(t.Section.ID, t.Section.Number, t.Section.Heading, stance, sa.Comment)
		}
		if v.Answer.Other != "" {
			row(domain.PartOther, "", "Övriga synpunkter", "", v.Answer.Other)
		}
	}
	return rows, keys
}

// rowKey is "<respondent id> <part> <version>".
func rowKey(respondentID, part string, version int) string {
	return respondentID + " " + part + " " + strconv.Itoa(version)
}

// respondentRows lists the invitation list and the spontaneous respondents.
func respondentRows(c remiss.Compilation) [][]string {
	answered := map[string]remiss.Answered{}
	for _, a := range c.Answered {
		answered[a.Respondent.ID] = a
	}
	var rows [][]string
	add := func(r domain.Respondent) {
		a, ok := answered[r.ID]
		status := i18n.T("sv", "remiss.status."+string(r.Status()))
		if !ok {
			rows = append(rows, []string{r.Organisation, kind(r), status, "", "", "", "", "", "", ""})
			return
		}
		v := a.Version
		rows = append(rows, []string{a.Respondent.Organisation, kind(r), status, r.Reference, strconv.Itoa(v.Version),
			localTime(v.SubmittedAt), yesNo(v.Late), v.Answer.DecidedBy, v.Answer.DecidedOn, v.Answer.AttachmentName})
	}
	for _, r := range c.Invited {
		add(r)
	}
	for _, a := range c.Answered {
		if !a.Respondent.Invited {
			add(a.Respondent)
		}
	}
	return rows
}

// RemissFilename is "remiss-<dnr or title>.<ext>" in ASCII.
func RemissFilename(con domain.Consultation, ext string) string {
	name := con.Dnr
	if name == "" {
		name = con.Title
	}
	return Filename(domain.Workshop{Name: "remiss " + name}, ext)[len("samrad-"):]
}
