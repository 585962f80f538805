package remiss

import (
	"crypto/sha256"
	"encoding/base64"
	"maps"
	"strings"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// Colleagues with the same private link edit one draft, field by field. A
// form sends only the fields its person changed, each with what the person
// started from; a field a colleague changed since then is not overwritten:
// the colleague's text stays, and the form is told of it (a conflict) and
// keeps its own text until the person chooses. Nothing typed is dropped.

// FieldPatch is a new value for one field of a draft and what it was
// typed over: the draft revision the form showed the field at (forms with
// scripts track it per field), or, from a plain form, the fingerprint of
// the value it showed (Shown), which then decides instead.
type FieldPatch struct {
	Base  int64  `json:"base"`
	Value string `json:"value"`
	Shown string `json:"-"`
}

// Overwrite is a patch that replaces a field whatever it holds: what
// a submission does to the working copy when no form says otherwise.
const Overwrite = int64(1) << 62

// FieldState is one field of a draft as forms see it.
type FieldState struct {
	Value string `json:"value"`
	Rev   int64  `json:"rev"`
	By    string `json:"by,omitempty"`
}

// FormDraft is a draft as answer forms see it: fields with their values and
// last changes (all of them in a snapshot, the changed ones in a change).
type FormDraft struct {
	Rev            int64                 `json:"rev"`
	Fields         map[string]FieldState `json:"fields"`
	AttachmentName string                `json:"attachmentName,omitempty"`
	Updated        time.Time             `json:"updated,omitzero"`
}

// FormDraftOf shows the named fields of a draft.
func FormDraftOf(d domain.Draft, fields []string) FormDraft {
	f := FormDraft{Rev: d.Rev, Fields: make(map[string]FieldState, len(fields)), AttachmentName: d.Answer.AttachmentName,
		Updated: d.UpdatedAt}
	for _, name := range fields {
		m := d.Meta(name)
		f.Fields[name] = FieldState{Value: d.Answer.Field(name), Rev: m.Rev, By: m.By}
	}
	return f
}

// Fingerprint stands for a field's value in a plain form, which carries one
// per field so that the server can tell which fields its person changed.
// Values are cleaned first, as they are stored.
func Fingerprint(value string) string {
	sum := sha256.Sum256([]byte(value))
	return base64.RawURLEncoding.EncodeToString(sum[:6])
}

// Fingerprints is the plain form's hidden "shown" field for a draft:
// "<field>=<fingerprint>" for every field, separated by spaces.
func Fingerprints(a domain.Answer, sections []domain.Section) string {
	var b strings.Builder
	for i, name := range domain.AnswerFields(sections) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(name + "=" + Fingerprint(a.Field(name)))
	}
	return b.String()
}

// ParseFingerprints reads a plain form's "shown" field.
func ParseFingerprints(s string) map[string]string {
	out := map[string]string{}
	for _, pair := range strings.Fields(s) {
		if k, v, ok := strings.Cut(pair, "="); ok {
			out[k] = v
		}
	}
	return out
}

// checkField cleans one field's value as a draft stores it: lengths,
// characters and choices. Formats a submission needs (e-mail address,
// organisation number, date) wait for the submission, so a draft keeps
// what was typed.
func checkField(name, value string) (string, *domain.Error) {
	switch name {
	case domain.FieldOrganisation, domain.FieldContact, domain.FieldEmail, domain.FieldDecidedBy:
		return cleanLine(value, domain.MaxNameRunes, name)
	case domain.FieldOrgNumber:
		return cleanLine(value, 20, name)
	case domain.FieldDecidedOn:
		return cleanLine(value, 10, name)
	case domain.FieldSummary, domain.FieldGeneral, domain.FieldOther:
		return clean(value, domain.MaxLongTextRunes, name)
	case domain.FieldPublish:
		if value != "" && value != domain.PublishYes && value != domain.PublishNo {
			return "", domain.Errorf(domain.KindInvalid, "remiss_publish_invalid")
		}
		return value, nil
	case domain.FieldAttachment:
		return strings.TrimSpace(value), nil
	}
	if strings.HasSuffix(name, "-stance") {
		if !domain.ValidStance(domain.Stance(value)) {
			return "", domain.Errorf(domain.KindInvalid, "remiss_stance_invalid")
		}
		return value, nil
	}
	return clean(value, domain.MaxCommentRunes, "comment")
}

// patched is what applying a patch did.
type patched struct {
	changed   []string              // fields written, in form order
	conflicts map[string]FieldState // fields a colleague changed first: their value, kept
}

// applyPatch merges a patch into the respondent's draft d and stores it
// when anything changed (as a new revision). A field takes the patch's value
// when its stored value has not changed since the patch's base, or was last
// changed by the same form (author); a value equal to the stored one is no
// change; anything else is a conflict. A new file (a plain form's upload)
// replaces the attachment under the same rule, with the patch's
// "attachment" field as its base.
func applyPatch(tx *storage.Tx, r domain.Respondent, d *domain.Draft, sections []domain.Section,
	patch map[string]FieldPatch, author string, file *Upload) (patched, error) {
	names := domain.AnswerFields(sections)
	known := make(map[string]bool, len(names))
	for _, n := range names {
		known[n] = true
	}
	for name := range patch {
		if !known[name] {
			return patched{}, domain.Errorf(domain.KindInvalid, "message_invalid")
		}
	}
	if file != nil {
		if _, ok := patch[domain.FieldAttachment]; !ok {
			patch = maps.Clone(patch)
			patch[domain.FieldAttachment] = FieldPatch{Base: d.Rev}
		}
	}
	next := d.Answer
	next.Sections = maps.Clone(d.Answer.Sections)
	res := patched{conflicts: map[string]FieldState{}}
	for _, name := range names {
		p, ok := patch[name]
		if !ok {
			continue
		}
		v, err := checkField(name, p.Value)
		if err != nil {
			return patched{}, err
		}
		cur := d.Answer.Field(name)
		upload := name == domain.FieldAttachment && file != nil
		if v == cur && !upload {
			continue
		}
		m := d.Meta(name)
		var take bool
		switch {
		case p.Shown != "" && Fingerprint(cur) == p.Shown:
			take = true // nobody changed it since the page was drawn
		case p.Shown != "" && !upload && Fingerprint(v) == p.Shown:
			continue // the person left it as it was: the colleague's text stays
		case p.Shown != "":
			take = false
		default:
			take = m.Rev <= p.Base || (author != "" && m.By == author)
		}
		if !take {
			res.conflicts[name] = FieldState{Value: cur, Rev: m.Rev, By: m.By}
			continue
		}
		if !upload {
			next.SetField(name, v)
		}
		res.changed = append(res.changed, name)
	}
	if len(res.changed) == 0 {
		return res, nil
	}
	attached := false
	for _, name := range res.changed {
		attached = attached || name == domain.FieldAttachment
	}
	if attached {
		if err := attach(tx, r, &next, file, true); err != nil {
			return patched{}, err
		}
	}
	fields := make(map[string]domain.FieldMeta, len(names))
	if len(d.Fields) == 0 && d.Rev > 0 {
		// A draft from before fields were tracked: every field dates from its revision.
		for _, n := range names {
			fields[n] = domain.FieldMeta{Rev: d.Rev}
		}
	}
	maps.Copy(fields, d.Fields)
	d.Rev++
	for _, name := range res.changed {
		fields[name] = domain.FieldMeta{Rev: d.Rev, By: author}
	}
	d.Answer, d.Fields, d.UpdatedAt = next, fields, tx.Now()
	return res, tx.SaveDraft(r.ID, *d)
}

// SaveDraft applies a form's changes to the respondent's draft. Colleagues'
// open forms get the fields that changed; the working group sees that a
// draft exists, not what it says. Fields a colleague changed first are
// left as they are and named in the result, with the colleague's value.
type SaveDraft struct {
	ConsultationID string
	RespondentID   string
	Patch          map[string]FieldPatch
	Author         string  // the form's own id ("" for a plain form)
	File           *Upload // a new attachment (a plain form's upload)
	Origin         any
}

// DraftSaved is the result of a SaveDraft: the draft's revision after it,
// which fields it wrote and which a colleague had changed first.
type DraftSaved struct {
	Rev       int64
	Changed   []string
	Conflicts map[string]FieldState
	Draft     domain.Draft // as stored now
}

func (s *SaveDraft) Apply(tx *storage.Tx) (DraftSaved, []domain.Change, error) {
	_, r, _, err := respondentFor(tx, s.ConsultationID, s.RespondentID)
	if err != nil {
		return DraftSaved{}, nil, err
	}
	sections, err := tx.Sections(s.ConsultationID)
	if err != nil {
		return DraftSaved{}, nil, err
	}
	d, err := tx.Draft(r.ID)
	if err != nil {
		return DraftSaved{}, nil, err
	}
	res, err := applyPatch(tx, r, &d, sections, s.Patch, s.Author, s.File)
	if err != nil {
		return DraftSaved{}, nil, err
	}
	out := DraftSaved{Rev: d.Rev, Changed: res.changed, Conflicts: res.conflicts, Draft: d}
	if len(res.changed) == 0 {
		return out, nil, nil
	}
	ch, err := statusChange(tx, s.ConsultationID, r.ID, "draft", FormDraftOf(d, res.changed))
	if err != nil {
		return DraftSaved{}, nil, err
	}
	ch.Origin = s.Origin
	return out, []domain.Change{ch}, nil
}
