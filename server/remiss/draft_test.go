package remiss_test

import (
	"context"
	"testing"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/remiss"
	"github.com/samrad-se/samrad/server/writer"
)

// patchOf is a whole answer as a patch made on a new draft.
func patchOf(a domain.Answer, sections []domain.Section) map[string]remiss.FieldPatch {
	p := map[string]remiss.FieldPatch{}
	for _, name := range domain.AnswerFields(sections) {
		if v := a.Field(name); v != "" {
			p[name] = remiss.FieldPatch{Value: v}
		}
	}
	return p
}

// The rules by which colleagues' saves meet in one draft. Each case starts
// from a draft whose summary Anna's form wrote at revision 1 and whose
// general views Bo's form wrote at revision 2.
func TestDraftMergeRules(t *testing.T) {
	type want struct {
		stored   string // the summary afterwards
		conflict bool
		rev      int64 // the draft's revision afterwards
	}
	cases := []struct {
		name   string
		author string
		patch  remiss.FieldPatch
		want   want
	}{
		{"OnTheLatest", "bo", remiss.FieldPatch{Base: 2, Value: "Bos"}, want{"Bos", false, 3}},
		{"OnTheFieldsRevision", "bo", remiss.FieldPatch{Base: 1, Value: "Bos"}, want{"Bos", false, 3}},
		{"ColleagueChangedSince", "bo", remiss.FieldPatch{Base: 0, Value: "Bos"}, want{"Annas", true, 2}},
		{"OwnEarlierSave", "anna", remiss.FieldPatch{Base: 0, Value: "Annas, längre"}, want{"Annas, längre", false, 3}},
		{"SameTextAsStored", "bo", remiss.FieldPatch{Base: 0, Value: " Annas "}, want{"Annas", false, 2}},
		{"PlainFormUntouched", "", remiss.FieldPatch{Shown: remiss.Fingerprint(""), Value: ""}, want{"Annas", false, 2}},
		{"PlainFormEditedOverTheStored", "", remiss.FieldPatch{Shown: remiss.Fingerprint("Annas"), Value: "Ny"}, want{"Ny", false, 3}},
		{"PlainFormEditedOverAnOlder", "", remiss.FieldPatch{Shown: remiss.Fingerprint(""), Value: "Ny"}, want{"Annas", true, 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := setup(t)
			r := f.invited[0]
			save := func(author string, patch map[string]remiss.FieldPatch) remiss.DraftSaved {
				t.Helper()
				res, err := writer.Run(context.Background(), f.w, &remiss.SaveDraft{ConsultationID: f.id, RespondentID: r.ID,
					Patch: patch, Author: author})
				if err != nil {
					t.Fatal(err)
				}
				return res
			}
			save("anna", map[string]remiss.FieldPatch{domain.FieldSummary: {Value: "Annas"}})
			save("bo", map[string]remiss.FieldPatch{domain.FieldGeneral: {Base: 1, Value: "Bos allmänna"}})
			res := save(c.author, map[string]remiss.FieldPatch{domain.FieldSummary: c.patch})
			d, _ := f.store.Draft(context.Background(), r.ID)
			conflict, isConflict := res.Conflicts[domain.FieldSummary]
			if d.Answer.Summary != c.want.stored || isConflict != c.want.conflict || d.Rev != c.want.rev || res.Rev != d.Rev {
				t.Fatalf("summary %q, conflict %v, rev %d (reply %d); want %+v", d.Answer.Summary, isConflict, d.Rev, res.Rev, c.want)
			}
			if isConflict && (conflict.Value != "Annas" || conflict.Rev != 1 || conflict.By != "anna") {
				t.Errorf("the conflict carries %+v, want Anna's text at revision 1", conflict)
			}
			if d.Answer.General != "Bos allmänna" {
				t.Errorf("an untouched field changed: %q", d.Answer.General)
			}
		})
	}
}

// A field that is not the answer's is refused; a draft keeps a half typed
// e-mail address (formats are checked when the answer is sent).
func TestDraftFieldChecks(t *testing.T) {
	f := setup(t)
	r := f.invited[0]
	run := func(patch map[string]remiss.FieldPatch) error {
		_, err := writer.Run(context.Background(), f.w, &remiss.SaveDraft{ConsultationID: f.id, RespondentID: r.ID, Patch: patch})
		return err
	}
	for name, p := range map[string]remiss.FieldPatch{
		"s-okänt-avsnitt-comment":                   {Value: "x"},
		domain.StanceField(f.sections[0].ID):        {Value: "kanske"},
		domain.FieldPublish:                         {Value: "kanske"},
		domain.CommentField(f.sections[0].ID) + "x": {Value: "x"},
	} {
		if err := run(map[string]remiss.FieldPatch{name: p}); err == nil {
			t.Errorf("%s = %q was saved", name, p.Value)
		}
	}
	if err := run(map[string]remiss.FieldPatch{domain.FieldEmail: {Value: "karin@"}}); err != nil {
		t.Fatalf("a half typed address: %v", err)
	}
	err := f.w.Do(context.Background(), &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID,
		Answer: domain.Answer{Organisation: "X", Contact: "Karin", Email: "karin@"}})
	if domain.AsError(err).Code != "remiss_email_invalid" {
		t.Fatalf("submitting it: %v", err)
	}
}

// Sending the answer keeps the draft as the working copy, with the
// submitted text, and its revisions go on counting.
func TestSubmitKeepsTheWorkingCopy(t *testing.T) {
	f := setup(t)
	r := f.invited[0]
	if _, err := writer.Run(context.Background(), f.w, &remiss.SaveDraft{ConsultationID: f.id, RespondentID: r.ID,
		Patch: map[string]remiss.FieldPatch{domain.FieldOther: {Value: "Utkast"}}}); err != nil {
		t.Fatal(err)
	}
	f.do(t, &remiss.Submit{ConsultationID: f.id, RespondentID: r.ID, Answer: f.answer(r.Organisation)})
	d, _ := f.store.Draft(context.Background(), r.ID)
	if d.Rev != 2 || d.Answer.Summary != "Vi tillstyrker i huvudsak." || d.Answer.Other != "" {
		t.Fatalf("working copy after sending: rev %d, %+v", d.Rev, d.Answer)
	}
}
