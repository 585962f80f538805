package storage

import "github.com/samrad-se/samrad/server/domain"

// writeCache remembers, for the writer connection, the few facts every
// submission checks: whether its question and workshop are open, and which
// theme is the parking lot. Only write transactions touch it (under
// writeMu); the methods that change those facts forget them, and any
// rollback forgets everything, so it never holds what was not committed
// for longer than the transaction that wrote it.
type writeCache struct {
	questions map[string]cachedQuestion       // by question id
	workshops map[string]domain.WorkshopState // by workshop id
	parking   map[string]string               // workshop id → parking theme id
	autoSort  map[string]bool                 // workshop id → sorts confident suggestions by itself
}

type cachedQuestion struct {
	workshopID string
	state      domain.QuestionState
	kind       domain.QuestionKind
}

func newWriteCache() writeCache {
	return writeCache{questions: map[string]cachedQuestion{}, workshops: map[string]domain.WorkshopState{}, parking: map[string]string{}, autoSort: map[string]bool{}}
}

func (c *writeCache) reset() {
	clear(c.questions)
	clear(c.workshops)
	clear(c.parking)
	clear(c.autoSort)
}
