package workshop

import (
	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// AddQuestion appends a question, not yet open. Kind is free text when
// empty; a word question ("ord") takes one to three words.
type AddQuestion struct {
	WorkshopID string
	Text       string
	Kind       domain.QuestionKind
	// Duration (seconds, 0: none) and AutoClose: its time box (SetTimebox).
	Duration  int
	AutoClose bool
}

func (a *AddQuestion) Apply(tx *storage.Tx) ([]domain.Change, error) {
	text, err := cleanText(a.Text, domain.MaxQuestionRunes, "question")
	if err != nil {
		return nil, err
	}
	kind, err := domain.ParseQuestionKind(string(a.Kind))
	if err != nil {
		return nil, err
	}
	list, err := tx.Questions(a.WorkshopID)
	if err != nil {
		return nil, err
	}
	if len(list) >= domain.MaxQuestions {
		return nil, domain.Errorf(domain.KindInvalid, "too_many_questions", "max", domain.MaxQuestions)
	}
	if _, err := tx.Workshop(a.WorkshopID); err != nil {
		return nil, err
	}
	if a.Duration < 0 || a.Duration > domain.MaxDurationSeconds {
		return nil, domain.Errorf(domain.KindInvalid, "duration_invalid", "max", domain.MaxDurationSeconds/60)
	}
	q := domain.Question{ID: newID(), WorkshopID: a.WorkshopID, Position: len(list) + 1, Text: text, State: domain.QuestionPending, Kind: kind,
		Duration: a.Duration, AutoClose: a.AutoClose && a.Duration > 0}
	if err := tx.InsertQuestion(q); err != nil {
		return nil, err
	}
	c, err := questionChange(tx, q)
	return []domain.Change{c}, err
}

// EditQuestion changes a question's wording.
type EditQuestion struct {
	WorkshopID, QuestionID string
	Text                   string
}

func (e *EditQuestion) Apply(tx *storage.Tx) ([]domain.Change, error) {
	text, err := cleanText(e.Text, domain.MaxQuestionRunes, "question")
	if err != nil {
		return nil, err
	}
	q, err := tx.Question(e.WorkshopID, e.QuestionID)
	if err != nil {
		return nil, err
	}
	q.Text = text
	if err := tx.UpdateQuestion(q); err != nil {
		return nil, err
	}
	c, err := questionChange(tx, q)
	return []domain.Change{c}, err
}

// SetQuestionState opens or closes a question for answers.
type SetQuestionState struct {
	WorkshopID, QuestionID string
	State                  domain.QuestionState
}

func (s *SetQuestionState) Apply(tx *storage.Tx) ([]domain.Change, error) {
	if s.State != domain.QuestionOpen && s.State != domain.QuestionClosed && s.State != domain.QuestionPending {
		return nil, domain.Errorf(domain.KindInvalid, "state_invalid")
	}
	q, err := tx.Question(s.WorkshopID, s.QuestionID)
	if err != nil {
		return nil, err
	}
	if q.State == s.State {
		return nil, nil
	}
	q.State = s.State
	if q.State == domain.QuestionOpen {
		startTimebox(tx, &q)
	} else {
		stopTimebox(&q)
	}
	if err := tx.UpdateQuestion(q); err != nil {
		return nil, err
	}
	c, err := questionChange(tx, q)
	return []domain.Change{c}, err
}

// MoveQuestion swaps a question with its neighbour (Delta -1 up, +1 down).
type MoveQuestion struct {
	WorkshopID, QuestionID string
	Delta                  int
}

func (m *MoveQuestion) Apply(tx *storage.Tx) ([]domain.Change, error) {
	list, err := tx.Questions(m.WorkshopID)
	if err != nil {
		return nil, err
	}
	i := indexOf(len(list), func(i int) bool { return list[i].ID == m.QuestionID })
	if i < 0 {
		return nil, domain.Errorf(domain.KindNotFound, "question_not_found")
	}
	j := i + m.Delta
	if m.Delta != -1 && m.Delta != 1 || j < 0 || j >= len(list) {
		return nil, nil
	}
	a, b := list[i], list[j]
	a.Position, b.Position = b.Position, a.Position
	var changes []domain.Change
	for _, q := range []domain.Question{a, b} {
		if err := tx.UpdateQuestion(q); err != nil {
			return nil, err
		}
		c, err := questionChange(tx, q)
		if err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, nil
}

func indexOf(n int, match func(int) bool) int {
	for i := 0; i < n; i++ {
		if match(i) {
			return i
		}
	}
	return -1
}
