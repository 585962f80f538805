package remiss

import (
	"strings"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// ParseInviteList reads a pasted invitation list, one organisation a line:
// the name, then the e-mail address, and optionally the language of the
// e-mail ("sv", "en", "svenska", "engelska"). It takes what people paste:
// a copy from a spreadsheet (tab-separated, cells with quotes quoted the
// CSV way), CSV with ';' or ',' and quoting, or plain "Namn;adress". A name
// may itself hold ';', ',' or quotes: the address, which cannot, is what
// tells where the name ends. A first line without any address is taken for
// column headings. A line without an address is an error that names it.
func ParseInviteList(text string) ([]Invitee, error) {
	var out []Invitee
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		inv, ok := parseInviteLine(line)
		if !ok {
			if len(out) == 0 && !strings.Contains(line, "@") {
				continue // a header row
			}
			return nil, domain.Errorf(domain.KindInvalid, "remiss_invite_line", "line", i+1)
		}
		inv.Line = i + 1
		out = append(out, inv)
	}
	if len(out) == 0 {
		return nil, domain.Errorf(domain.KindInvalid, "remiss_invite_empty")
	}
	return out, nil
}

// parseInviteLine tries the separators a spreadsheet copy, Swedish CSV and
// other CSV use, in that order: a tab means the line came from a
// spreadsheet, whatever else it holds.
func parseInviteLine(line string) (Invitee, bool) {
	for _, sep := range []string{"\t", ";", ","} {
		if !strings.Contains(line, sep) {
			continue
		}
		parts := strings.Split(line, sep)
		// The address is the last cell that is one; the name is everything
		// before it, separators included; a language may follow.
		for i := len(parts) - 1; i >= 1; i-- {
			email := unquoteCell(parts[i])
			if _, ok := normalEmail(email); !ok {
				continue
			}
			inv := Invitee{Organisation: unquoteCell(strings.Join(parts[:i], sep)), Email: email}
			for _, p := range parts[i+1:] {
				if lang := languageOf(unquoteCell(p)); lang != "" {
					inv.Lang = lang
				}
			}
			return inv, true
		}
	}
	return Invitee{}, false
}

// unquoteCell reads one CSV cell: "…" with "" for a quote inside is
// unquoted; anything else (a name with quotes in it) is kept as it is.
func unquoteCell(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	inner := s[1 : len(s)-1]
	if strings.Count(strings.ReplaceAll(inner, `""`, ""), `"`) > 0 {
		return s // quotes that are not doubled: not a quoted cell
	}
	return strings.TrimSpace(strings.ReplaceAll(inner, `""`, `"`))
}

// languageOf reads a language cell; "" when it names none we write in.
func languageOf(s string) string {
	switch strings.ToLower(s) {
	case "sv", "svenska", "swedish":
		return "sv"
	case "en", "engelska", "english":
		return "en"
	}
	return ""
}

// checkInvitee cleans one invitee and checks it against the list.
func checkInvitee(tx *storage.Tx, consultationID string, inv Invitee) (org, email string, err error) {
	org, derr := cleanLine(inv.Organisation, domain.MaxNameRunes, "organisation")
	if derr != nil {
		return "", "", derr
	}
	if org == "" {
		return "", "", domain.Errorf(domain.KindInvalid, "remiss_organisation_required")
	}
	email, ok := normalEmail(inv.Email)
	if !ok {
		return "", "", domain.Errorf(domain.KindInvalid, "remiss_invite_email_invalid", "organisation", org)
	}
	dup, err := tx.InvitedOrganisationExists(consultationID, org)
	if err != nil {
		return "", "", err
	}
	if dup {
		return "", "", domain.Errorf(domain.KindConflict, "remiss_invitee_exists", "organisation", org)
	}
	return org, email, nil
}

// atLine names the line of a pasted list an error is about; the message
// then begins "Rad 4:".
func atLine(err error, line int) error {
	e, ok := err.(*domain.Error)
	if !ok || line == 0 {
		return err
	}
	named := *e
	named.Params = map[string]any{"line": line}
	for k, v := range e.Params {
		named.Params[k] = v
	}
	return &named
}
