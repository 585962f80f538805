package domain

import "strings"

// A draft is edited field by field, so that colleagues typing in different
// fields at the same time never overwrite each other. Fields are named as
// the answer form names its inputs.
const (
	FieldOrganisation = "organisation"
	FieldOrgNumber    = "org_number"
	FieldContact      = "contact"
	FieldEmail        = "email"
	FieldDecidedBy    = "decided_by"
	FieldDecidedOn    = "decided_on"
	FieldSummary      = "summary"
	FieldGeneral      = "general"
	FieldOther        = "other"
	FieldPublish      = "publish"
	FieldAttachment   = "attachment" // the attachment's id; "" for none
)

// StanceField and CommentField name a section's fields.
func StanceField(sectionID string) string  { return "s-" + sectionID + "-stance" }
func CommentField(sectionID string) string { return "s-" + sectionID + "-comment" }

// sectionField splits a section's field name into the section id and
// "stance" or "comment".
func sectionField(name string) (id, part string, ok bool) {
	rest, ok := strings.CutPrefix(name, "s-")
	if !ok {
		return "", "", false
	}
	for _, part := range []string{"stance", "comment"} {
		if id, ok := strings.CutSuffix(rest, "-"+part); ok && id != "" {
			return id, part, true
		}
	}
	return "", "", false
}

// AnswerFields lists every field of an answer to these sections, in the
// order the form shows them.
func AnswerFields(sections []Section) []string {
	names := []string{FieldOrganisation, FieldOrgNumber, FieldContact, FieldEmail, FieldDecidedBy, FieldDecidedOn,
		FieldSummary, FieldGeneral}
	for _, s := range sections {
		names = append(names, StanceField(s.ID), CommentField(s.ID))
	}
	return append(names, FieldOther, FieldAttachment, FieldPublish)
}

// FieldMeta is when and by whom a draft's field last changed: the draft's
// revision, and the id of the form (a browser tab) that changed it, empty
// for a form posted without JavaScript.
type FieldMeta struct {
	Rev int64  `json:"rev"`
	By  string `json:"by,omitempty"`
}

// Meta is the last change of one field. A draft saved before fields were
// tracked (no field metadata) counts every field as changed at its revision.
func (d Draft) Meta(field string) FieldMeta {
	if m, ok := d.Fields[field]; ok {
		return m
	}
	if len(d.Fields) == 0 {
		return FieldMeta{Rev: d.Rev}
	}
	return FieldMeta{}
}

// Field returns one field's value ("" for a field never set).
func (a Answer) Field(name string) string {
	switch name {
	case FieldOrganisation:
		return a.Organisation
	case FieldOrgNumber:
		return a.OrgNumber
	case FieldContact:
		return a.Contact
	case FieldEmail:
		return a.Email
	case FieldDecidedBy:
		return a.DecidedBy
	case FieldDecidedOn:
		return a.DecidedOn
	case FieldSummary:
		return a.Summary
	case FieldGeneral:
		return a.General
	case FieldOther:
		return a.Other
	case FieldPublish:
		return a.Publish
	case FieldAttachment:
		return a.AttachmentID
	}
	if id, part, ok := sectionField(name); ok {
		sa := a.Sections[id]
		if part == "stance" {
			return string(sa.Stance)
		}
		return sa.Comment
	}
	return ""
}

// SetField sets one field. A section left with neither stance nor comment
// is dropped, as a submitted answer leaves it out.
func (a *Answer) SetField(name, value string) {
	switch name {
	case FieldOrganisation:
		a.Organisation = value
	case FieldOrgNumber:
		a.OrgNumber = value
	case FieldContact:
		a.Contact = value
	case FieldEmail:
		a.Email = value
	case FieldDecidedBy:
		a.DecidedBy = value
	case FieldDecidedOn:
		a.DecidedOn = value
	case FieldSummary:
		a.Summary = value
	case FieldGeneral:
		a.General = value
	case FieldOther:
		a.Other = value
	case FieldPublish:
		a.Publish = value
	case FieldAttachment:
		a.AttachmentID = value
	default:
		id, part, ok := sectionField(name)
		if !ok {
			return
		}
		if a.Sections == nil {
			a.Sections = map[string]SectionAnswer{}
		}
		sa := a.Sections[id]
		if part == "stance" {
			sa.Stance = Stance(value)
		} else {
			sa.Comment = value
		}
		if sa.Stance == StanceNone && sa.Comment == "" {
			delete(a.Sections, id)
		} else {
			a.Sections[id] = sa
		}
	}
}
