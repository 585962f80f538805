package sense

import (
	"strings"
	"sync"
)

// Theme is a theme as the model needs it: who it is, and the keywords a
// facilitator gave it. The theme's name counts as keywords too, so a workshop
// with themes of its own and no keywords starts from the names.
type Theme struct {
	ID       string
	Name     string
	Keywords []string
	Parking  bool // the "Övrigt / ej sorterat" theme: suggested when nothing else fits
}

// Answer is an answer as the model needs it. Table is used to count how many
// distinct tables said something similar.
type Answer struct {
	ID    string
	Text  string
	Table string
	// Theme is what the answer is about as far as is known when it arrives:
	// the theme its table chose, or else the one suggested for it (empty if
	// neither). Answers about different themes are less likely to say the
	// same thing. A later Place overrides it.
	Theme string
	// Analysis, if set, is Analyze(Text) made earlier (Text is then not read).
	Analysis *Analysis
}

// Model is one workshop's theme model and duplicate index. It is safe for
// concurrent use: Suggest, Similar and SimilarTo take a read lock and may run
// from any goroutine; Add, Place, Unplace, Remove and SetThemes take the write
// lock and are meant to be called from the one goroutine that writes the
// workshop (the writer), in the order the changes are committed.
type Model struct {
	mu      sync.RWMutex
	themes  []themeState
	index   map[string]int // theme ID → position in themes
	feats   map[string]*feat
	answers map[string]*answer
	seq     uint64
	total   [channels]int64 // Σ df per channel: the background's size
	vocab   [channels]int   // features per channel seen in answers
	lex     *lexicon        // keyword stems and stems of placed answers
	dups    map[string]*dupFeat
}

// feat is what the model knows of one feature.
type feat struct {
	key    string
	ch     channel
	df     int32     // answers that contain it
	placed []int32   // per theme: placed answers that contain it
	kw     []float32 // per theme: weight from the theme's keywords
}

type answer struct {
	id, table string
	seq       uint64 // arrival order, for ties
	feats     []*feat
	mentions  []dupRef // what it speaks of, for Similar
	theme     string   // the theme a person placed it in; "" if none
	arrived   string   // Answer.Theme
}

// about is the theme an answer is about, as far as the model knows.
func (a *answer) about() string {
	if a.theme != "" {
		return a.theme
	}
	return a.arrived
}

type themeState struct {
	Theme
	mass   [channels]int64   // Σ placed features per channel
	kwMass [channels]float64 // Σ keyword weight per channel
	placed int
}

// NewModel returns an empty model for a workshop's themes.
func NewModel(themes []Theme) *Model {
	m := &Model{feats: map[string]*feat{}, answers: map[string]*answer{}, dups: map[string]*dupFeat{}}
	m.setThemes(themes)
	return m
}

// SetThemes replaces the themes (added, removed, renamed, keywords edited).
// Answers are kept; placements in a theme that is gone are forgotten.
func (m *Model) SetThemes(themes []Theme) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.setThemes(themes)
}

func (m *Model) setThemes(themes []Theme) {
	m.themes = make([]themeState, len(themes))
	m.index = make(map[string]int, len(themes))
	m.lex = newLexicon()
	for i, t := range themes {
		m.themes[i] = themeState{Theme: t}
		m.index[t.ID] = i
	}
	for key, f := range m.feats {
		f.placed = make([]int32, len(themes))
		f.kw = make([]float32, len(themes))
		if f.df == 0 {
			delete(m.feats, key)
		}
	}
	for i, t := range themes {
		words := append([]string{t.Name}, t.Keywords...)
		if t.Parking {
			words = t.Keywords // "Övrigt / ej sorterat" names no topic
		}
		for _, w := range words {
			for _, o := range storedFeatures(tokenize(w)) {
				f := m.feat(o.key, o.ch)
				f.kw[i] += float32(keywordWeight)
				m.themes[i].kwMass[o.ch] += keywordWeight
				if o.ch == chWord {
					m.lex.add(f.key[2:])
				}
			}
		}
	}
	for _, a := range m.answers {
		if _, ok := m.index[a.theme]; !ok {
			a.theme = ""
			continue
		}
		m.count(a, a.theme, +1)
	}
}

// feat returns the model's entry for a feature, creating it.
func (m *Model) feat(key string, ch channel) *feat {
	f := m.feats[key]
	if f == nil {
		// A copy: the key may be a slice of one answer's keys (storedFeatures).
		key = strings.Clone(key)
		f = &feat{key: key, ch: ch, placed: make([]int32, len(m.themes)), kw: make([]float32, len(m.themes))}
		m.feats[key] = f
	}
	return f
}

// Add records a new answer, not yet placed by a person. It feeds the
// background statistics, the duplicate index and nothing else. Adding an ID
// again replaces the earlier text.
func (m *Model) Add(a Answer) {
	// Analysed before the lock: every phone of the workshop asking for a
	// suggestion waits while it is held.
	an := a.Analysis
	if an == nil {
		an = Analyze(a.Text)
	}
	mentions := an.mentioned()
	m.mu.Lock()
	defer m.mu.Unlock()
	theme := ""
	if old, ok := m.answers[a.ID]; ok {
		theme = old.theme
		m.remove(old)
	}
	m.seq++
	st := &answer{id: a.ID, table: a.Table, seq: m.seq, arrived: a.Theme}
	st.feats = make([]*feat, 0, len(an.stored))
	for _, o := range an.stored {
		f := m.feat(o.key, o.ch)
		if f.df == 0 {
			m.vocab[o.ch]++
		}
		f.df++
		m.total[o.ch]++
		st.feats = append(st.feats, f)
	}
	m.addMentions(st, mentions)
	m.answers[a.ID] = st
	if theme != "" {
		m.count(st, theme, +1)
	}
}

// Place records that a person put an answer in a theme: a facilitator moved
// or accepted it, or the table chose the theme on its phone. The model learns
// from it at once; an earlier placement of the same answer is unlearned.
// Unknown answers and themes are ignored.
func (m *Model) Place(answerID, themeID string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	a, ok := m.answers[answerID]
	if _, known := m.index[themeID]; !ok || !known || a.theme == themeID {
		return
	}
	if a.theme != "" {
		m.count(a, a.theme, -1)
	}
	m.count(a, themeID, +1)
}

// Unplace forgets a placement without a new one, for instance when a
// facilitator undoes an automatic placement.
func (m *Model) Unplace(answerID string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a, ok := m.answers[answerID]; ok && a.theme != "" {
		m.count(a, a.theme, -1)
	}
}

// Remove forgets an answer entirely (deleted, or merged into another).
func (m *Model) Remove(answerID string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a, ok := m.answers[answerID]; ok {
		m.remove(a)
	}
}

func (m *Model) remove(a *answer) {
	if a.theme != "" {
		m.count(a, a.theme, -1)
	}
	m.removeMentions(a)
	for _, f := range a.feats {
		f.df--
		m.total[f.ch]--
		if f.df == 0 {
			m.vocab[f.ch]--
			if !hasKeyword(f) {
				delete(m.feats, f.key)
			}
		}
	}
	delete(m.answers, a.id)
}

// count adds (+1) or takes back (-1) an answer's features to a theme's counts.
func (m *Model) count(a *answer, themeID string, sign int32) {
	i := m.index[themeID]
	t := &m.themes[i]
	for _, f := range a.feats {
		f.placed[i] += sign
		t.mass[f.ch] += int64(sign)
		if f.ch == chWord {
			if sign > 0 {
				m.lex.add(f.key[2:])
			} else {
				m.lex.remove(f.key[2:])
			}
		}
	}
	t.placed += int(sign)
	if sign > 0 {
		a.theme = themeID
	} else {
		a.theme = ""
	}
}

func hasKeyword(f *feat) bool {
	for _, w := range f.kw {
		if w != 0 {
			return true
		}
	}
	return false
}

func withoutAnswer(list []*answer, a *answer) []*answer {
	for i, x := range list {
		if x == a {
			return append(list[:i], list[i+1:]...)
		}
	}
	return list
}
