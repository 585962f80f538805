package web

import (
	"context"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sense"
)

// wordsShown bounds a word cloud: more entries than this are too small to read.
const wordsShown = 100

// cloudWord is one entry of a word cloud and how many answers say it.
type cloudWord struct {
	Word  string `json:"word"`
	Count int    `json:"count"`
}

// wordCloudView answers a dashboard's or projector's
// {"type":"wordcloud","req":…,"question":<id>}: the answers on the wall to a
// word question, inflected forms counted together (hidden answers are not on
// the wall, a merged answer counts once).
type wordCloudView struct {
	Question string      `json:"question"`
	Answers  int         `json:"answers"`
	Words    []cloudWord `json:"words"`
}

func (s *Server) wordCloud(ctx context.Context, workshopID, questionID string) (wordCloudView, error) {
	v := wordCloudView{Question: questionID, Words: []cloudWord{}}
	qs, err := s.store.Questions(ctx, workshopID)
	if err != nil {
		return v, err
	}
	found := false
	for _, q := range qs {
		if q.ID == questionID {
			if q.Kind != domain.QuestionWords {
				return v, domain.Errorf(domain.KindInvalid, "question_not_words")
			}
			found = true
		}
	}
	if !found {
		return v, domain.Errorf(domain.KindNotFound, "question_not_found")
	}
	texts, err := s.store.ShownTexts(ctx, workshopID, questionID)
	if err != nil {
		return v, err
	}
	v.Answers = len(texts)
	for i, w := range sense.Words(texts) {
		if i == wordsShown {
			break
		}
		v.Words = append(v.Words, cloudWord{Word: w.Word, Count: w.Count})
	}
	return v, nil
}
