package workshop

import (
	"unicode/utf8"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/storage"
)

// checkWords refuses an answer to a word question ("ord") that is not one
// to three words, or is longer than a few words can be. The phone checks
// the same before sending; this is the rule.
func (s *Submit) checkWords(tx *storage.Tx) error {
	kind, err := tx.QuestionKind(s.WorkshopID, s.QuestionID)
	if err != nil || kind != domain.QuestionWords {
		return err
	}
	return CheckWords(s.Text)
}

// CheckWords says whether a text is an acceptable word answer.
func CheckWords(text string) error {
	if n := domain.CountWords(text); n < 1 || n > domain.MaxWords {
		return domain.Errorf(domain.KindInvalid, "words_count", "max", domain.MaxWords, "n", n)
	}
	if utf8.RuneCountInString(text) > domain.MaxWordRunes {
		return domain.Errorf(domain.KindInvalid, "words_too_long", "max", domain.MaxWordRunes)
	}
	return nil
}
