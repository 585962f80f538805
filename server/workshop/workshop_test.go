package workshop_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/internal/testutil"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
	"github.com/samrad-se/samrad/server/writer"
)

type env struct {
	store *storage.Store
	w     *writer.Writer
	rec   *testutil.Recorder
	f     testutil.Fixture
}

func setup(t *testing.T) env {
	t.Helper()
	store := testutil.MustOpenStore(t)
	rec := testutil.NewRecorder()
	w := testutil.MustWriter(t, store, rec)
	f := testutil.MustWorkshop(t, store, w, 3)
	// Drain the set-up's changes so each test sees only its own.
	e := env{store: store, w: w, rec: rec, f: f}
	e.published(t)
	for len(rec.Changes) > 0 {
		<-rec.Changes
	}
	return e
}

// published waits until every change committed so far has reached the recorder.
func (e env) published(t *testing.T) {
	t.Helper()
	if err := e.w.Published(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func (e env) submit(t *testing.T, s *workshop.Submit) (workshop.Submitted, error) {
	t.Helper()
	if s.WorkshopID == "" {
		s.WorkshopID = e.f.WorkshopID()
	}
	if s.TableID == "" {
		s.TableID = e.f.Table(0).ID
	}
	if s.QuestionID == "" {
		s.QuestionID = e.f.Question(0).ID
	}
	if s.ID == "" {
		s.ID = uuid.Must(uuid.NewV7()).String()
	}
	return writer.Run(context.Background(), e.w, s)
}

func (e env) inputs(t *testing.T) []domain.Input {
	t.Helper()
	snap, err := e.store.Snapshot(context.Background(), e.f.WorkshopID(), storage.AllInputs)
	if err != nil {
		t.Fatal(err)
	}
	return snap.Inputs
}

func codeOf(err error) string {
	if err == nil {
		return ""
	}
	return domain.AsError(err).Code
}

func TestSubmit(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		e := setup(t)
		s := &workshop.Submit{Text: "  Vi samarbetar med Röda Korset\r\noch idrottsföreningar.  "}
		res, err := e.submit(t, s)
		if err != nil {
			t.Fatal(err)
		}
		got := e.inputs(t)
		if len(got) != 1 {
			t.Fatalf("stored %d inputs, want 1", len(got))
		}
		if got[0].Text != "Vi samarbetar med Röda Korset\noch idrottsföreningar." {
			t.Errorf("text = %q: want trimmed, CRLF turned into LF", got[0].Text)
		}
		if got[0].ThemeID != e.f.Parking().ID {
			t.Errorf("input without a theme went to %q, want the parking lot", got[0].ThemeID)
		}
		c := <-e.rec.Changes
		if c.Type != "input" || c.Audience != domain.ToMember || c.Member != e.f.Table(0).ID || c.Seq != res.Input.Seq {
			t.Errorf("published %+v", c)
		}
		if _, ok := c.MemberPayload.(domain.TableInput); !ok {
			t.Errorf("phones get %T, want the reduced TableInput", c.MemberPayload)
		}
	})

	t.Run("OKWithTheme", func(t *testing.T) {
		e := setup(t)
		if _, err := e.submit(t, &workshop.Submit{Text: "Dialog behövs", ThemeID: e.f.Theme(1).ID}); err != nil {
			t.Fatal(err)
		}
		if got := e.inputs(t)[0].ThemeID; got != e.f.Theme(1).ID {
			t.Errorf("theme = %q, want %q", got, e.f.Theme(1).ID)
		}
	})

	t.Run("OKNormalisesToNFC", func(t *testing.T) {
		e := setup(t)
		decomposed := "Sma\u030angsbo" // "å" as a + combining ring
		if _, err := e.submit(t, &workshop.Submit{Text: decomposed}); err != nil {
			t.Fatal(err)
		}
		if got := e.inputs(t)[0].Text; got != "Smångsbo" {
			t.Errorf("text = %q, want composed Smångsbo", got)
		}
	})

	t.Run("DuplicateIsAcknowledgedAndNotStoredTwice", func(t *testing.T) {
		e := setup(t)
		id := uuid.Must(uuid.NewV7()).String()
		first, err := e.submit(t, &workshop.Submit{ID: id, Text: "Samma text"})
		if err != nil {
			t.Fatal(err)
		}
		again, err := e.submit(t, &workshop.Submit{ID: id, Text: "Samma text"})
		if err != nil {
			t.Fatal(err)
		}
		if !again.Duplicate || again.Input.Seq != first.Input.Seq {
			t.Errorf("resend: duplicate=%v seq=%d, want true and %d", again.Duplicate, again.Input.Seq, first.Input.Seq)
		}
		if n := len(e.inputs(t)); n != 1 {
			t.Errorf("stored %d inputs, want 1", n)
		}
		<-e.rec.Changes
		e.published(t)
		if len(e.rec.Changes) != 0 {
			t.Errorf("a duplicate published a change")
		}
	})

	t.Run("DuplicateAfterQuestionClosedIsStillAcknowledged", func(t *testing.T) {
		e := setup(t)
		s := &workshop.Submit{Text: "Kom fram innan frågan stängdes"}
		if _, err := e.submit(t, s); err != nil {
			t.Fatal(err)
		}
		close := &workshop.SetQuestionState{WorkshopID: e.f.WorkshopID(), QuestionID: e.f.Question(0).ID, State: domain.QuestionClosed}
		if err := e.w.Do(context.Background(), close); err != nil {
			t.Fatal(err)
		}
		resend, err := e.submit(t, &workshop.Submit{ID: s.ID, Text: s.Text})
		if err != nil || !resend.Duplicate {
			t.Errorf("resend of a stored input after closing: err=%v duplicate=%v, want acknowledged", err, resend.Duplicate)
		}
	})

	t.Run("IDOfAnotherTableIsRefused", func(t *testing.T) {
		e := setup(t)
		s := &workshop.Submit{Text: "Bord 1 skrev detta"}
		if _, err := e.submit(t, s); err != nil {
			t.Fatal(err)
		}
		steal, err := e.submit(t, &workshop.Submit{ID: s.ID, TableID: e.f.Table(1).ID, Text: "x"})
		if codeOf(err) != "id_invalid" {
			t.Errorf("err = %v, want id_invalid", err)
		}
		if steal.Input.Text != "" {
			t.Errorf("another table learned the text %q", steal.Input.Text)
		}
	})

	// An id is the phone's promise that this is the same answer: the same
	// id with other content is a mistake to report, not a duplicate to
	// acknowledge while the new content is lost.
	t.Run("ErrIDReused", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			mod  func(e env, s *workshop.Submit)
		}{
			{"OtherText", func(e env, s *workshop.Submit) { s.Text = "Något helt annat" }},
			{"OtherQuestion", func(e env, s *workshop.Submit) { s.QuestionID = e.f.Question(2).ID }},
			{"OtherTheme", func(e env, s *workshop.Submit) { s.ThemeID = e.f.Theme(2).ID }},
		} {
			t.Run(tc.name, func(t *testing.T) {
				e := setup(t)
				first := &workshop.Submit{Text: "Samma id", ThemeID: e.f.Theme(1).ID}
				if _, err := e.submit(t, first); err != nil {
					t.Fatal(err)
				}
				again := &workshop.Submit{ID: first.ID, Text: first.Text, ThemeID: first.ThemeID, QuestionID: first.QuestionID}
				tc.mod(e, again)
				if _, err := e.submit(t, again); codeOf(err) != "id_reused" {
					t.Fatalf("err = %v, want id_reused", err)
				}
				if got := e.inputs(t); len(got) != 1 || got[0].Text != "Samma id" || got[0].ThemeID != e.f.Theme(1).ID {
					t.Errorf("stored %+v, want the first answer unchanged", got)
				}
			})
		}
		t.Run("MovedSinceIsStillTheSameAnswer", func(t *testing.T) {
			e := setup(t)
			first := &workshop.Submit{Text: "Flyttad av processledaren"}
			if _, err := e.submit(t, first); err != nil {
				t.Fatal(err)
			}
			move := &workshop.Moderate{WorkshopID: e.f.WorkshopID(), InputID: first.ID, Action: workshop.ActMove, Theme: e.f.Theme(3).ID}
			if err := e.w.Do(context.Background(), move); err != nil {
				t.Fatal(err)
			}
			res, err := e.submit(t, &workshop.Submit{ID: first.ID, Text: first.Text})
			if err != nil || !res.Duplicate {
				t.Errorf("resend after a move: err=%v duplicate=%v, want acknowledged as a duplicate", err, res.Duplicate)
			}
		})
	})

	errs := []struct {
		name string
		mod  func(e env, s *workshop.Submit)
		code string
	}{
		{"ErrTextRequired", func(e env, s *workshop.Submit) { s.Text = " \n\t " }, "text_required"},
		{"ErrTextOnlyInvisible", func(e env, s *workshop.Submit) { s.Text = "\u200b\u200b \u200d\ufeff\u00ad" }, "text_required"},
		{"ErrTextNUL", func(e env, s *workshop.Submit) { s.Text = "Hej\x00då" }, "text_invalid"},
		{"ErrTextReplacementChar", func(e env, s *workshop.Submit) { s.Text = "Trasig \ufffd text" }, "text_invalid"},
		{"ErrTextNotUTF8", func(e env, s *workshop.Submit) { s.Text = "Trasig \xff text" }, "text_invalid"},
		{"ErrTextTooLong", func(e env, s *workshop.Submit) { s.Text = strings.Repeat("å", domain.MaxInputRunes+1) }, "text_too_long"},
		{"ErrIDInvalid", func(e env, s *workshop.Submit) { s.ID = "not-a-uuid" }, "id_invalid"},
		{"ErrIDNotCanonical", func(e env, s *workshop.Submit) { s.ID = strings.ToUpper(uuid.Must(uuid.NewV7()).String()) }, "id_invalid"},
		{"ErrQuestionUnknown", func(e env, s *workshop.Submit) { s.QuestionID = uuid.NewString() }, "question_not_found"},
		{"ErrQuestionNotOpen", func(e env, s *workshop.Submit) { s.QuestionID = e.f.Question(1).ID }, "question_closed"},
		{"ErrThemeUnknown", func(e env, s *workshop.Submit) { s.ThemeID = uuid.NewString() }, "theme_not_found"},
		{"ErrQuestionOfAnotherWorkshop", func(e env, s *workshop.Submit) { s.WorkshopID = uuid.NewString() }, "question_not_found"},
	}
	for _, tc := range errs {
		t.Run(tc.name, func(t *testing.T) {
			e := setup(t)
			s := &workshop.Submit{Text: "Giltig text"}
			tc.mod(e, s)
			if _, err := e.submit(t, s); codeOf(err) != tc.code {
				t.Fatalf("err = %v, want %s", err, tc.code)
			}
			if n := len(e.inputs(t)); n != 0 {
				t.Errorf("a refused input left %d rows", n)
			}
			e.published(t)
			if len(e.rec.Changes) != 0 {
				t.Errorf("a refused input published a change")
			}
		})
	}

	t.Run("ErrWorkshopNotOpen", func(t *testing.T) {
		e := setup(t)
		if err := e.w.Do(context.Background(), &workshop.SetState{WorkshopID: e.f.WorkshopID(), State: domain.WorkshopClosed}); err != nil {
			t.Fatal(err)
		}
		if _, err := e.submit(t, &workshop.Submit{Text: "För sent"}); codeOf(err) != "workshop_not_open" {
			t.Errorf("err = %v, want workshop_not_open", err)
		}
	})

	t.Run("TextAtTheLimitIsAccepted", func(t *testing.T) {
		e := setup(t)
		if _, err := e.submit(t, &workshop.Submit{Text: strings.Repeat("ö", domain.MaxInputRunes)}); err != nil {
			t.Errorf("text of exactly %d characters: %v", domain.MaxInputRunes, err)
		}
	})
}

func TestSequenceNumbers(t *testing.T) {
	e := setup(t)
	var last int64
	for i := 0; i < 5; i++ {
		if _, err := e.submit(t, &workshop.Submit{Text: "Synpunkt"}); err != nil {
			t.Fatal(err)
		}
		c := <-e.rec.Changes
		if c.Seq != last+1 && last != 0 {
			t.Errorf("seq %d after %d: want consecutive numbers", c.Seq, last)
		}
		last = c.Seq
	}
	// A failing command gives its number back: the next change follows on.
	if _, err := e.submit(t, &workshop.Submit{Text: "x", QuestionID: e.f.Question(2).ID}); err == nil {
		t.Fatal("submit to a closed question succeeded")
	}
	if _, err := e.submit(t, &workshop.Submit{Text: "Efter felet"}); err != nil {
		t.Fatal(err)
	}
	if c := <-e.rec.Changes; c.Seq != last+1 {
		t.Errorf("seq after a failed command = %d, want %d", c.Seq, last+1)
	}
}

func moderate(t *testing.T, e env, m *workshop.Moderate) error {
	t.Helper()
	m.WorkshopID = e.f.WorkshopID()
	return e.w.Do(context.Background(), m)
}

func find(list []domain.Input, id string) domain.Input {
	for _, in := range list {
		if in.ID == id {
			return in
		}
	}
	return domain.Input{}
}

func TestModerate(t *testing.T) {
	e := setup(t)
	a, b, c := &workshop.Submit{Text: "Långsiktig finansiering"}, &workshop.Submit{Text: "Långsiktig finansering"}, &workshop.Submit{Text: "Fleråriga bidrag"}
	for _, s := range []*workshop.Submit{a, b, c} {
		if _, err := e.submit(t, s); err != nil {
			t.Fatal(err)
		}
	}
	longTerm := e.f.Theme(3)

	steps := []struct {
		name  string
		m     *workshop.Moderate
		code  string
		check func(t *testing.T, list []domain.Input)
	}{
		{"Move", &workshop.Moderate{InputID: a.ID, Action: workshop.ActMove, Theme: longTerm.ID}, "", func(t *testing.T, l []domain.Input) {
			if find(l, a.ID).ThemeID != longTerm.ID {
				t.Error("not moved")
			}
		}},
		{"ErrMoveToUnknownTheme", &workshop.Moderate{InputID: a.ID, Action: workshop.ActMove, Theme: uuid.NewString()}, "theme_not_found", nil},
		{"Hide", &workshop.Moderate{InputID: b.ID, Action: workshop.ActHide}, "", func(t *testing.T, l []domain.Input) {
			if !find(l, b.ID).Hidden {
				t.Error("not hidden")
			}
		}},
		{"Show", &workshop.Moderate{InputID: b.ID, Action: workshop.ActShow}, "", func(t *testing.T, l []domain.Input) {
			if find(l, b.ID).Hidden {
				t.Error("still hidden")
			}
		}},
		{"Highlight", &workshop.Moderate{InputID: a.ID, Action: workshop.ActHighlight}, "", func(t *testing.T, l []domain.Input) {
			if !find(l, a.ID).Highlighted {
				t.Error("not highlighted")
			}
		}},
		{"EditKeepsOriginal", &workshop.Moderate{InputID: b.ID, Action: workshop.ActEdit, Text: "Långsiktig finansiering"}, "", func(t *testing.T, l []domain.Input) {
			in := find(l, b.ID)
			if in.Text != "Långsiktig finansering" || in.EditedText != "Långsiktig finansiering" || in.Shown() != "Långsiktig finansiering" {
				t.Errorf("after edit: text=%q edited=%q", in.Text, in.EditedText)
			}
		}},
		{"ErrEditTooLong", &workshop.Moderate{InputID: b.ID, Action: workshop.ActEdit, Text: strings.Repeat("x", domain.MaxInputRunes+1)}, "text_too_long", nil},
		{"MergeFlattens", &workshop.Moderate{InputID: b.ID, Action: workshop.ActMerge, Sources: []string{c.ID}}, "", nil},
		{"MergeIntoAnother", &workshop.Moderate{InputID: a.ID, Action: workshop.ActMerge, Sources: []string{b.ID}}, "", func(t *testing.T, l []domain.Input) {
			// b was the target of c; merging b into a takes c along, so merges never nest.
			if find(l, b.ID).MergedInto != a.ID || find(l, c.ID).MergedInto != a.ID {
				t.Errorf("b→%q c→%q, want both merged into a", find(l, b.ID).MergedInto, find(l, c.ID).MergedInto)
			}
		}},
		{"ErrMergeIntoMerged", &workshop.Moderate{InputID: b.ID, Action: workshop.ActMerge, Sources: []string{a.ID}}, "merge_target_merged", nil},
		{"Unmerge", &workshop.Moderate{InputID: c.ID, Action: workshop.ActUnmerge}, "", func(t *testing.T, l []domain.Input) {
			if find(l, c.ID).MergedInto != "" {
				t.Error("still merged")
			}
		}},
		{"ErrUnknownAction", &workshop.Moderate{InputID: a.ID, Action: "delete"}, "action_invalid", nil},
		{"ErrUnknownInput", &workshop.Moderate{InputID: uuid.NewString(), Action: workshop.ActHide}, "input_not_found", nil},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			before := e.inputs(t)
			err := moderate(t, e, st.m)
			if codeOf(err) != st.code {
				t.Fatalf("err = %v, want %q", err, st.code)
			}
			after := e.inputs(t)
			if st.code != "" {
				for i := range before {
					if !reflect.DeepEqual(before[i], after[i]) {
						t.Errorf("a refused action changed %s", before[i].ID)
					}
				}
				return
			}
			if st.check != nil {
				st.check(t, after)
			}
		})
	}

	t.Run("ChangesGoToDashboardsOnly", func(t *testing.T) {
		e.published(t)
		for len(e.rec.Changes) > 0 {
			if c := <-e.rec.Changes; c.Type == "input" && c.Audience != domain.ToStaff && c.Payload.(domain.Input).EditedText != "" {
				t.Errorf("moderation was sent to phones: %+v", c)
			}
		}
	})
}

func TestModerateOtherWorkshopsInput(t *testing.T) {
	e := setup(t)
	other := testutil.MustWorkshop(t, e.store, e.w, 1)
	s := &workshop.Submit{Text: "Annan workshop"}
	if _, err := e.submit(t, s); err != nil {
		t.Fatal(err)
	}
	m := &workshop.Moderate{WorkshopID: other.WorkshopID(), InputID: s.ID, Action: workshop.ActHide}
	if err := e.w.Do(context.Background(), m); codeOf(err) != "input_not_found" {
		t.Errorf("moderating through another workshop: err = %v, want input_not_found", err)
	}
}

func TestDeleteThemeMovesInputToParking(t *testing.T) {
	e := setup(t)
	s := &workshop.Submit{Text: "Om mångfald", ThemeID: e.f.Theme(5).ID}
	if _, err := e.submit(t, s); err != nil {
		t.Fatal(err)
	}
	if err := e.w.Do(context.Background(), &workshop.DeleteTheme{WorkshopID: e.f.WorkshopID(), ThemeID: e.f.Theme(5).ID}); err != nil {
		t.Fatal(err)
	}
	if got := find(e.inputs(t), s.ID).ThemeID; got != e.f.Parking().ID {
		t.Errorf("input of a deleted theme is in %q, want the parking lot", got)
	}
	err := e.w.Do(context.Background(), &workshop.DeleteTheme{WorkshopID: e.f.WorkshopID(), ThemeID: e.f.Parking().ID})
	if codeOf(err) != "parking_theme_kept" {
		t.Errorf("deleting the parking lot: err = %v", err)
	}
}

func TestSetupCommands(t *testing.T) {
	e := setup(t)
	ctx := context.Background()
	id := e.f.WorkshopID()

	t.Run("CreateValidates", func(t *testing.T) {
		cases := []struct {
			name string
			c    workshop.Create
			code string
		}{
			{"ErrNameRequired", workshop.Create{Tables: 1}, "name_required"},
			{"ErrDate", workshop.Create{Details: workshop.Details{Name: "X", Date: "17/9"}, Tables: 1}, "date_invalid"},
			{"ErrNoTables", workshop.Create{Details: workshop.Details{Name: "X"}}, "tables_count"},
			{"ErrTooManyTables", workshop.Create{Details: workshop.Details{Name: "X"}, Tables: domain.MaxTables + 1}, "tables_count"},
			{"ErrQuestionTooLong", workshop.Create{Details: workshop.Details{Name: "X"}, Tables: 1, Questions: []string{strings.Repeat("?", domain.MaxQuestionRunes+1)}}, "question_too_long"},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				c := tc.c
				if err := e.w.Do(ctx, &c); codeOf(err) != tc.code {
					t.Errorf("err = %v, want %s", err, tc.code)
				}
			})
		}
	})

	t.Run("CreateMakesUniqueCodesAndParking", func(t *testing.T) {
		snap, err := e.store.Snapshot(ctx, id, storage.NoInputs)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{snap.Workshop.JoinCode: true}
		for i, tb := range snap.Tables {
			if tb.Name != "Bord "+string(rune('1'+i)) {
				t.Errorf("table %d is named %q", i, tb.Name)
			}
			if len(tb.Code) != workshop.CodeLength || seen[tb.Code] {
				t.Errorf("table code %q: wrong length or repeated", tb.Code)
			}
			seen[tb.Code] = true
		}
		last := snap.Themes[len(snap.Themes)-1]
		if !last.Parking || last.Name != workshop.ParkingName {
			t.Errorf("last theme = %+v, want the parking lot", last)
		}
	})

	t.Run("AddThemeKeepsParkingLast", func(t *testing.T) {
		if err := e.w.Do(ctx, &workshop.AddTheme{WorkshopID: id, Name: "Kultur"}); err != nil {
			t.Fatal(err)
		}
		themes, _ := e.store.Themes(ctx, id)
		if themes[len(themes)-2].Name != "Kultur" || !themes[len(themes)-1].Parking {
			t.Errorf("order after adding: %v … %v", themes[len(themes)-2].Name, themes[len(themes)-1].Name)
		}
	})

	t.Run("MoveQuestion", func(t *testing.T) {
		q2 := e.f.Question(1)
		if err := e.w.Do(ctx, &workshop.MoveQuestion{WorkshopID: id, QuestionID: q2.ID, Delta: -1}); err != nil {
			t.Fatal(err)
		}
		qs, _ := e.store.Questions(ctx, id)
		if qs[0].ID != q2.ID || qs[0].Position != 1 || qs[1].Position != 2 {
			t.Errorf("after moving question 2 up: %v at %d", qs[0].Text, qs[0].Position)
		}
	})

	t.Run("AddAndRenameTables", func(t *testing.T) {
		if err := e.w.Do(ctx, &workshop.AddTables{WorkshopID: id, Count: 2}); err != nil {
			t.Fatal(err)
		}
		tables, _ := e.store.Tables(ctx, id)
		if len(tables) != 5 || tables[4].Name != "Bord 5" {
			t.Fatalf("tables after adding 2: %d, last %q", len(tables), tables[len(tables)-1].Name)
		}
		if err := e.w.Do(ctx, &workshop.RenameTable{WorkshopID: id, TableID: tables[0].ID, Name: "  Bord 1 –  fönstret "}); err != nil {
			t.Fatal(err)
		}
		tables, _ = e.store.Tables(ctx, id)
		if tables[0].Name != "Bord 1 – fönstret" {
			t.Errorf("renamed to %q", tables[0].Name)
		}
	})
}

func TestNormalizeCode(t *testing.T) {
	for in, want := range map[string]string{"ab3k7q": "AB3K7Q", " ab3 k-7q ": "AB3K7Q", "": ""} {
		if got := workshop.NormalizeCode(in); got != want {
			t.Errorf("NormalizeCode(%q) = %q, want %q", in, got, want)
		}
	}
}
