// Package sorting keeps, per workshop, the theme model that suggests where
// each answer belongs (server/sense) and the views derived from it:
// near-duplicates, key terms and representative answers.
//
// A model is built from the database the first time a workshop needs one
// and then learns from committed changes, in commit order, on a goroutine of
// its own: the writer hands it the changes (Publish, next to the live hub)
// and never waits for it. Suggestions are made in the web handler before an
// answer is queued, so nothing slow runs in the writer; the analysis made
// for the suggestion is kept until the learner adds the answer, so a text is
// analysed once. Nothing is saved: after a restart the models are built
// again from the rows.
package sorting

import (
	"context"
	"hash/maphash"
	"log/slog"
	"math"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/samrad-se/samrad/server/domain"
	"github.com/samrad-se/samrad/server/sense"
	"github.com/samrad-se/samrad/server/storage"
	"github.com/samrad-se/samrad/server/workshop"
)

// Timings of the learner.
const (
	// resuggestAfter: once what people placed or the themes changed, the
	// answers waiting to be sorted get new suggestions when it has been
	// quiet this long (or resuggestEvery has passed under steady change).
	resuggestAfter = time.Second
	resuggestEvery = 5 * time.Second
	// idleAfter: a model nobody has used for this long is let go (its
	// workshop is over, or its input was purged); it is built again when
	// needed.
	idleAfter = 30 * time.Minute
	// resuggestBatch bounds one Resuggest command.
	resuggestBatch = 200
)

// Registry holds the models of the workshops in use.
type Registry struct {
	store *storage.Store
	write func(ctx context.Context, cmd *workshop.Resuggest) error

	// mu guards models and builds; every answer's suggestion reads models,
	// so it is a read lock there. The inbox has a lock of its own: the
	// writer's publisher must never wait behind the phones.
	mu      sync.RWMutex
	models  map[string]*entry
	builds  []*entry
	inboxMu sync.Mutex
	inbox   []domain.Change
	wake    chan struct{}
	stop    chan struct{}
	done    chan struct{}
	started bool

	// pending holds the analyses made for suggestions, by input id, until
	// the learner adds the answer (or the submission fails).
	pending sync.Map
	seed    maphash.Seed
}

// entry is one workshop's model. Only the learner goroutine changes it after
// it is ready; model is safe for concurrent reads.
type entry struct {
	id    string
	ready chan struct{} // closed once built (or failed: err)
	err   error
	model *sense.Model

	used atomic.Int64 // unix nanoseconds of the last use

	// The learner's own: where the model stands and what it knows.
	seq       int64
	themes    []domain.Theme
	answers   map[string]known
	dirty     time.Time // first unsuggested change of placements or themes
	lastDirty time.Time
	version   atomic.Int64 // counts applied changes, for caching views

	pairsMu sync.Mutex
	pairs   cachedPairs
}

// known is what the learner remembers of an answer, to tell what a change did.
type known struct {
	text   uint64 // hash of the text it was added with
	placed string // the theme a person placed it in ("" none)
}

type pending struct {
	text string
	an   *sense.Analysis
}

// New returns a registry reading from store. Start it before use.
func New(store *storage.Store) *Registry {
	return &Registry{store: store, models: map[string]*entry{}, wake: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{}), seed: maphash.MakeSeed()}
}

// Start runs the learner; w takes the new suggestions for answers waiting
// to be sorted. Close stops it.
func (r *Registry) Start(w func(ctx context.Context, cmd *workshop.Resuggest) error) {
	r.write = w
	r.started = true
	go r.learn()
}

// Close stops the learner.
func (r *Registry) Close() {
	if !r.started {
		return
	}
	close(r.stop)
	<-r.done
}

// Publish takes committed changes, in order. It never blocks: the changes
// wait in the inbox for the learner.
func (r *Registry) Publish(changes []domain.Change) {
	r.inboxMu.Lock()
	for _, c := range changes {
		if c.Topic.Kind == domain.TopicWorkshop {
			r.inbox = append(r.inbox, c)
		}
	}
	r.inboxMu.Unlock()
	r.signal()
}

func (r *Registry) signal() {
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// model returns a workshop's model, building it first if need be.
func (r *Registry) model(ctx context.Context, workshopID string) (*entry, error) {
	r.mu.RLock()
	e := r.models[workshopID]
	r.mu.RUnlock()
	if e == nil {
		r.mu.Lock()
		if e = r.models[workshopID]; e == nil {
			e = &entry{id: workshopID, ready: make(chan struct{}), answers: map[string]known{}}
			r.models[workshopID] = e
			r.builds = append(r.builds, e)
		}
		r.mu.Unlock()
		r.signal()
	}
	e.used.Store(time.Now().UnixNano())
	select {
	case <-e.ready:
		return e, e.err
	case <-ctx.Done():
		return nil, domain.Unavailable(ctx.Err())
	}
}

// Prepare starts building a workshop's model if there is none, without
// waiting: a dashboard or phone that connects has answers coming.
func (r *Registry) Prepare(workshopID string) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // only start the build
	r.model(ctx, workshopID)
}

// Suggest proposes a theme for a new answer's text (already cleaned). The
// analysis is kept for the learner under the input's id; call Forget if the
// answer is not stored after all. With no model to be had it suggests
// nothing, and the answer simply waits to be sorted.
func (r *Registry) Suggest(ctx context.Context, workshopID, inputID, text string) domain.Suggestion {
	e, err := r.model(ctx, workshopID)
	if err != nil {
		return domain.Suggestion{}
	}
	an := sense.Analyze(text)
	s := toDomain(e.model.SuggestFor(an))
	// Kept only once suggested: the learner may take it from here at once
	// (a resent answer), and an analysis is handed on, not shared.
	r.pending.Store(inputID, pending{text: text, an: an})
	return s
}

// Forget drops the analysis kept for an answer that was not stored (refused,
// or stored before by an earlier send).
func (r *Registry) Forget(inputID string) { r.pending.Delete(inputID) }

// SuggestText proposes one of a workshop's themes for any text (a
// consultation comment), without keeping anything.
func (r *Registry) SuggestText(ctx context.Context, workshopID, text string) (domain.Suggestion, error) {
	e, err := r.model(ctx, workshopID)
	if err != nil {
		return domain.Suggestion{}, err
	}
	return toDomain(e.model.Suggest(text)), nil
}

func toDomain(s sense.Suggestion) domain.Suggestion {
	// Two decimals say all a person reads, and keep rows and frames short.
	return domain.Suggestion{ThemeID: s.ThemeID, Confidence: math.Round(s.Confidence*100) / 100, Confident: s.Confident, Words: s.Words}
}

// learn is the learner goroutine: it builds models and applies committed
// changes to them in order, and now and then suggests again for the answers
// waiting to be sorted.
func (r *Registry) learn() {
	defer close(r.done)
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-r.stop:
			return
		case <-r.wake:
			r.drain()
		case now := <-tick.C:
			r.drain()
			r.tidy(now)
		}
	}
}

// drain builds what is asked for, then applies the changes waiting. A build
// reads the rows as committed now, so any change the learner took earlier is
// in them; later changes at or below the model's number are skipped.
func (r *Registry) drain() {
	for {
		r.mu.Lock()
		builds := r.builds
		r.builds = nil
		r.mu.Unlock()
		r.inboxMu.Lock()
		changes := r.inbox
		r.inbox = nil
		r.inboxMu.Unlock()
		if len(builds) == 0 && len(changes) == 0 {
			return
		}
		for _, e := range builds {
			r.build(e)
		}
		for _, c := range changes {
			r.apply(c)
		}
	}
}

func (r *Registry) build(e *entry) {
	defer close(e.ready)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	snap, err := r.store.Snapshot(ctx, e.id, storage.AllInputs)
	if err != nil {
		e.err = err
		r.mu.Lock()
		delete(r.models, e.id) // asked again later, it tries again
		r.mu.Unlock()
		if !domain.IsKind(err, domain.KindNotFound) {
			slog.Error("sorting: building a workshop's model", "workshop", e.id, "err", err)
		}
		return
	}
	e.seq = snap.Workshop.Seq
	e.themes = snap.Themes
	e.model = sense.NewModel(senseThemes(e.themes))
	for _, in := range snap.Inputs {
		r.learnInput(e, in)
	}
}

// apply takes one committed change into its workshop's model.
func (r *Registry) apply(c domain.Change) {
	r.mu.RLock()
	e := r.models[c.Topic.ID]
	r.mu.RUnlock()
	if e == nil {
		if c.Type == "input" {
			if in, ok := c.Payload.(domain.Input); ok {
				r.pending.Delete(in.ID)
			}
		}
		return
	}
	select {
	case <-e.ready:
	default:
		return // being built: the build reads it from the rows
	}
	if e.err != nil || c.Seq <= e.seq {
		return
	}
	e.seq = c.Seq
	e.version.Add(1)
	switch c.Type {
	case "input":
		if in, ok := c.Payload.(domain.Input); ok {
			r.learnInput(e, in)
		}
	case "theme":
		if t, ok := c.Payload.(domain.Theme); ok {
			e.themes = slices.DeleteFunc(e.themes, func(x domain.Theme) bool { return x.ID == t.ID })
			e.themes = append(e.themes, t)
			slices.SortFunc(e.themes, func(a, b domain.Theme) int { return a.Position - b.Position })
			e.model.SetThemes(senseThemes(e.themes))
			e.markDirty()
		}
	case "theme_removed":
		if m, ok := c.Payload.(map[string]string); ok {
			e.themes = slices.DeleteFunc(e.themes, func(x domain.Theme) bool { return x.ID == m["id"] })
			e.model.SetThemes(senseThemes(e.themes))
			e.markDirty()
		}
	}
}

// learnInput brings the model in line with an input as it now is: added (or
// its corrected text added again), placed or unplaced, removed when merged.
func (r *Registry) learnInput(e *entry, in domain.Input) {
	var an *sense.Analysis
	if p, ok := r.pending.LoadAndDelete(in.ID); ok && p.(pending).text == in.Shown() {
		an = p.(pending).an
	}
	k, ok := e.answers[in.ID]
	if in.MergedInto != "" {
		if ok {
			e.model.Remove(in.ID)
			delete(e.answers, in.ID)
		}
		return
	}
	text := in.Shown()
	h := maphash.String(r.seed, text)
	if !ok || k.text != h {
		about := in.ThemeID
		if in.PlacedBy == domain.PlacedByNobody {
			about = in.Suggested
		}
		e.model.Add(sense.Answer{ID: in.ID, Text: text, Table: in.TableID, Theme: about, Analysis: an})
		k.text = h
	}
	// People teach the model; the automatic setting's own placements would
	// only teach it what it already thought.
	placed := ""
	if in.PlacedBy == domain.PlacedByPerson || in.PlacedBy == domain.PlacedByPhone {
		placed = in.ThemeID
	}
	if placed != k.placed {
		if placed == "" {
			e.model.Unplace(in.ID)
		} else {
			e.model.Place(in.ID, placed)
		}
		k.placed = placed
		e.markDirty()
	}
	e.answers[in.ID] = k
}

func (e *entry) markDirty() {
	now := time.Now()
	if e.dirty.IsZero() {
		e.dirty = now
	}
	e.lastDirty = now
}

// tidy suggests again where placements or themes changed, and lets go of
// models nobody uses.
func (r *Registry) tidy(now time.Time) {
	r.mu.Lock()
	var list []*entry
	for id, e := range r.models {
		select {
		case <-e.ready:
		default:
			continue
		}
		if now.Sub(time.Unix(0, e.used.Load())) > idleAfter {
			delete(r.models, id)
			continue
		}
		list = append(list, e)
	}
	r.mu.Unlock()
	for _, e := range list {
		if e.dirty.IsZero() || (now.Sub(e.lastDirty) < resuggestAfter && now.Sub(e.dirty) < resuggestEvery) {
			continue
		}
		e.dirty, e.lastDirty = time.Time{}, time.Time{}
		r.resuggest(e)
	}
}

// resuggest makes new suggestions for the answers waiting to be sorted and
// stores those that changed. The writer gets them on another goroutine, so
// the learner goes on taking changes meanwhile.
func (r *Registry) resuggest(e *entry) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	waiting, err := r.store.Unsorted(ctx, e.id)
	if err != nil {
		slog.Error("sorting: reading the answers to sort", "workshop", e.id, "err", err)
		return
	}
	var batches []*workshop.Resuggest
	var cmd *workshop.Resuggest
	for _, in := range waiting {
		s := toDomain(e.model.Suggest(in.Shown()))
		if s.ThemeID == in.Suggested && s.Confidence == in.Confidence && slices.Equal(s.Words, in.Because) {
			continue
		}
		if cmd == nil || len(cmd.Suggestions) == resuggestBatch {
			cmd = &workshop.Resuggest{WorkshopID: e.id, Suggestions: map[string]domain.Suggestion{}}
			batches = append(batches, cmd)
		}
		cmd.Suggestions[in.ID] = s
	}
	if len(batches) == 0 || r.write == nil {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		for _, b := range batches {
			if err := r.write(ctx, b); err != nil {
				slog.Warn("sorting: storing new suggestions", "workshop", e.id, "err", err)
				return
			}
		}
	}()
}

func senseThemes(themes []domain.Theme) []sense.Theme {
	out := make([]sense.Theme, len(themes))
	for i, t := range themes {
		out[i] = sense.Theme{ID: t.ID, Name: t.Name, Keywords: t.Keywords, Parking: t.Parking}
	}
	return out
}
