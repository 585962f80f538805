package web

// Colleagues who post the same answer form: what a post changes, field by
// field, and the form again with both texts where a colleague changed a
// field first (see remiss.SaveDraft).

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
)

// formConflict is a field a colleague changed while the person typed: the
// form shows the colleague's version beside the person's own text and asks
// which one counts.
type formConflict struct {
	Label  string // the field as the form names it
	Theirs string // the colleague's version, as a person reads it
}

// posted is what a post of the answer form says about its fields.
type posted struct {
	patch  map[string]remiss.FieldPatch
	author string
	keep   []string // conflicts settled with the colleague's text
	open   []string // conflicts not settled yet
}

// postedNames lists the fields a post carries (a radio group nobody
// answered is not posted, and so changes nothing).
func postedNames(c *fiber.Ctx) map[string][]string {
	if form, err := c.MultipartForm(); err == nil {
		return form.Value
	}
	out := map[string][]string{}
	c.Request().PostArgs().VisitAll(func(k, v []byte) { out[string(k)] = append(out[string(k)], string(v)) })
	return out
}

// postedChanges reads which fields a posted answer a changes and from what.
// A form with scripts lists the fields its person changed with the revision
// each started from (bases, author); a plain form carries a fingerprint of
// every value it showed (shown), so a field the person left alone keeps a
// colleague's newer text; a page with neither is checked against its draft
// revision (rev).
func postedChanges(c *fiber.Ctx, a domain.Answer, sections []domain.Section) posted {
	names := postedNames(c)
	p := posted{patch: map[string]remiss.FieldPatch{}}
	var bases map[string]int64
	if raw := c.FormValue("bases"); raw != "" && json.Unmarshal([]byte(raw), &bases) == nil {
		if author := c.FormValue("author"); len(author) <= maxAuthor {
			p.author = author
		}
		for name, base := range bases {
			p.patch[name] = remiss.FieldPatch{Base: base, Value: a.Field(name)}
		}
	} else {
		rev, _ := strconv.ParseInt(c.FormValue("rev"), 10, 64)
		shown := remiss.ParseFingerprints(c.FormValue("shown"))
		for _, name := range domain.AnswerFields(sections) {
			_, ok := names[name]
			if name == domain.FieldAttachment {
				// Carried by the hidden id and the "remove" box.
				_, ok = names["attachment_id"]
				_, removed := names["remove_attachment"]
				ok = ok || removed
			}
			if !ok {
				continue
			}
			fp := remiss.FieldPatch{Base: rev, Value: a.Field(name)}
			if s, ok := shown[name]; ok {
				fp.Shown = s
			}
			p.patch[name] = fp
		}
	}
	for _, name := range names["conflict"] {
		switch c.FormValue("choose-" + name) {
		case "theirs":
			p.keep = append(p.keep, name)
			delete(p.patch, name)
		case "mine":
		default:
			// Not settled: saved only if no colleague's text is in the way.
			p.open = append(p.open, name)
			p.patch[name] = remiss.FieldPatch{Base: -1, Value: a.Field(name)}
		}
	}
	return p
}

// conflictsOf shows the colleague's versions of fields, from the stored
// draft d, for the form to show beside what the person typed.
func conflictsOf(c *fiber.Ctx, d domain.Draft, sections []domain.Section, fields []string) map[string]*formConflict {
	out := make(map[string]*formConflict, len(fields))
	for _, name := range fields {
		out[name] = &formConflict{Label: fieldLabel(c, sections, name), Theirs: fieldText(c, d.Answer, name)}
	}
	return out
}

// fieldLabel names a field as the form labels it.
func fieldLabel(c *fiber.Ctx, sections []domain.Section, name string) string {
	switch name {
	case domain.FieldPublish:
		return tr(c, "remiss.form.publish_legend")
	case domain.FieldOrganisation, domain.FieldOrgNumber, domain.FieldContact, domain.FieldEmail, domain.FieldDecidedBy,
		domain.FieldDecidedOn, domain.FieldSummary, domain.FieldGeneral, domain.FieldOther, domain.FieldAttachment:
		return tr(c, "remiss.field."+name)
	}
	for _, s := range sections {
		switch name {
		case domain.StanceField(s.ID):
			return tr(c, "remiss.form.stance_on", "section", s.Label())
		case domain.CommentField(s.ID):
			return tr(c, "remiss.form.comment_on", "section", s.Label())
		}
	}
	return name
}

// fieldText is a field's value as a person reads it: the text, the
// stance or choice by its name, the attached file's name.
func fieldText(c *fiber.Ctx, a domain.Answer, name string) string {
	v := a.Field(name)
	switch {
	case name == domain.FieldPublish && v != "":
		return tr(c, "remiss.form.publish_"+v)
	case name == domain.FieldAttachment && v != "":
		return a.AttachmentName
	case name == domain.FieldAttachment:
		return tr(c, "remiss.coedit.no_file")
	case strings.HasSuffix(name, "-stance"):
		return tr(c, "remiss.stance."+domain.Stance(v).Key())
	case v == "":
		return tr(c, "remiss.coedit.empty")
	}
	return v
}

// showConflicts makes the form show both texts of each field in conflicts:
// the person's own in the field (mine, as posted) and the colleague's from
// the stored draft d beside it.
func showConflicts(c *fiber.Ctx, f *respondForm, d domain.Draft, mine domain.Answer, fields []string) {
	if len(fields) == 0 {
		return
	}
	f.Conflicts = conflictsOf(c, d, f.Sections, fields)
	for _, name := range domain.AnswerFields(f.Sections) {
		if cf, ok := f.Conflicts[name]; ok {
			f.Answer.SetField(name, mine.Field(name))
			// The link leads to the field itself (a radio group's first option
			// has the group's name as its id).
			f.ConflictList = append(f.ConflictList, formError{Field: name, Message: cf.Label})
		}
	}
}
