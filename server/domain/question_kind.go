package domain

import "strings"

// QuestionKind says what a question takes for an answer.
type QuestionKind string

const (
	// QuestionText takes free text (up to MaxInputRunes).
	QuestionText QuestionKind = "text"
	// QuestionWords ("ord") takes one to three words, shown live as a word
	// cloud on the dashboard and the projector.
	QuestionWords QuestionKind = "ord"
)

// Limits of a word answer.
const (
	MaxWords     = 3
	MaxWordRunes = 60
)

// ParseQuestionKind reads a kind from a form or a template; empty is free text.
func ParseQuestionKind(s string) (QuestionKind, error) {
	switch QuestionKind(strings.TrimSpace(s)) {
	case "", QuestionText:
		return QuestionText, nil
	case QuestionWords:
		return QuestionWords, nil
	}
	return "", Errorf(KindInvalid, "question_kind_invalid")
}

// CountWords counts the words of an answer as a participant sees them:
// runs of characters between spaces ("Hälso- och sjukvård" is three).
func CountWords(s string) int { return len(strings.Fields(s)) }
