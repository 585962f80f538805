package domain

import (
	"encoding/json"
	"fmt"
	"time"
)

// Time boxes. A question with a duration gets a deadline when it is opened;
// phones, dashboards and projectors count down to it. Their own clocks may be
// wrong by minutes, so every message that carries a deadline also carries the
// server's clock (ServerNow): a client counts from the difference between
// the two, never from its own idea of the time.

// MaxDurationSeconds bounds a time box (three hours: a long workshop session).
const MaxDurationSeconds = 3 * 60 * 60

// TimeboxActor is the setting "stäng automatiskt när tiden är ute" closing a
// question whose time ran out.
var TimeboxActor = Actor{Name: "Tidsgräns (automatiskt)"}

// Running reports whether a question's time box runs: it is open and has a deadline.
func (q Question) Running() bool { return q.State == QuestionOpen && q.Deadline != nil }

// DurationClock is the time box as the workshop page shows and takes it:
// minutes and seconds ("10:00", "2:30"); "" without one.
func (q Question) DurationClock() string {
	if q.Duration <= 0 {
		return ""
	}
	return fmt.Sprintf("%d:%02d", q.Duration/60, q.Duration%60)
}

// ServerNow encodes as the server's clock at the moment it is encoded, in
// milliseconds: a message built now and sent a little later still tells the
// client the time it was sent.
type ServerNow struct{}

func (ServerNow) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Now().UTC().Truncate(time.Millisecond))
}

// TimedQuestion is a question as live clients get it while its time box
// runs: with the server's clock beside the deadline.
type TimedQuestion struct {
	Question
	Now ServerNow `json:"now"`
}

// LiveQuestion is what a change or snapshot carries for a question: a
// running time box with the server's clock, any other question as it is.
func LiveQuestion(q Question) any {
	if q.Running() {
		return TimedQuestion{Question: q}
	}
	return q
}

// Rounds are World Café rounds: the themes tables rotate through and the
// round now running (0: none). In round r (from 1) the table at position p
// of T tables discusses Themes[(start(p) + r - 1) mod n], where start(p) =
// (p-1)·n / T splits the tables into n blocks in order: with ten tables and
// the themes Kultur and Utbildning, tables 1–5 start with Kultur and 6–10
// with Utbildning, and the next round swaps them.
type Rounds struct {
	WorkshopID string   `json:"-"`
	Themes     []string `json:"themes"`
	Round      int      `json:"round"`
}

// ThemeFor is the theme of the table at position (from 1) of tables in the
// current round; "" when no round runs.
func (r Rounds) ThemeFor(position, tables int) string {
	n := len(r.Themes)
	if r.Round <= 0 || n == 0 || tables <= 0 || position < 1 {
		return ""
	}
	start := (position - 1) * n / tables
	return r.Themes[(start+r.Round-1)%n]
}
