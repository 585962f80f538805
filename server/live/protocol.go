// Package live is Samråd's realtime layer: the websocket protocol, the hub
// that fans committed changes out to connections, and the pump that runs one
// connection. The web package admits a connection (who may open it, and to
// what) and hands it here with an Endpoint; everything after the upgrade
// happens in this package.
//
// # The protocol
//
// All messages are JSON text frames; the server may send several messages as
// one JSON array in a frame.
//
// Handshake. A client opens /ws/<kind>/<key>?v=<version>&epoch=<epoch>&since=<seq>.
// v is the protocol version the page speaks (this server speaks Version and
// still serves clients down to MinVersion; a page without v is version 1).
// epoch and since are the client's cursor: the timeline it has followed and
// the last change it applied. A client outside the served versions gets an
// error with code "reload" and close code 4002: the page must be reloaded.
//
// Opening. The first message is one of:
//
//	{"type":"snapshot","epoch":E,"seq":N,"data":{…}}   everything the client may see, as of change N
//	{"type":"resume","epoch":E,"seq":N,"changes":[…]} the changes it missed since its cursor, then it is at N
//
// A client gets a resume only when its epoch is the topic's and the changes
// since its cursor can be read back; otherwise a snapshot. The epoch changes
// when a topic's history is rewritten (a database restored from a backup, a
// retention purge), so a client never resumes into another timeline.
//
// Changes. {"type":<what changed>,"seq":N,"data":{…}}: the whole new state of
// one object (an upsert). Numbers grow by one per change of the topic; a
// client sees only the changes meant for it, so it sees gaps. A client
// applies a change only if its seq is above its cursor, and then moves its
// cursor there. Nothing else moves the cursor.
//
// Requests and replies. Every message a client sends has a "type"; a
// submission carries the client's own "id" (a UUID, its idempotency key),
// every other request a "req" the client chose. Every request gets exactly
// one reply, matched by that id or req, never by seq:
//
//	{"type":"ack","id":…,"duplicate":bool,"data":{…}} a submission is committed (duplicate: it already was)
//	{"type":"ok","req":…,"data":{…}}                  a request is committed
//	{"type":"saved","req":…,"rev":N}                    a draft is committed as revision N
//	{"type":"error","id"|"req":…,"code":…,"message":…,"retry":bool}
//
// A table's phone corrects or withdraws one of its own answers with
// {"type":"correct","req":…,"item":<input id>,"text":"…"} or
// {"type":"withdraw","req":…,"item":<input id>}, answered with "ok" and the
// answer as the table now sees it; only its own answers, within five
// minutes of the server storing them (workshop.AnswerChangeWindow), and
// sending the same again is answered the same way without writing. The
// dashboard and the projector ask {"type":"progress","req":…} for how many
// tables have answered (storage.Progress).
//
// retry true means nothing was done and the same message may be sent again
// (later); false means the message is refused for good. Resending an id with
// different content is refused with code "id_reused". Errors about a message
// that could not be read carry its id or req whenever those could be found.
//
// Word questions. A workshop's questions carry "kind": "text" (free text)
// or "ord" (one to three words; other answers are refused with code
// "words_count" or "words_too_long"). A dashboard or projector asks for a
// word question's cloud with {"type":"wordcloud","req":…,"question":<id>}
// and gets "ok" with data {question, answers, words: [{word, count}]}: the
// answers on the wall, inflected forms counted together, most frequent
// first. It asks again when that question's answers change.
//
// Time boxes. A question whose time box runs carries "deadline" (when it
// runs out) and "now" (the server's clock as the message was encoded), both
// RFC 3339 in UTC; a workshop snapshot carries "now" beside its data, and
// a resume carries it beside its changes. A
// client counts down from the difference and its own clock's progress since,
// never from its own idea of the time, so a device whose clock is wrong still
// shows the right time left.
//
// Votes (prickröstning). A workshop's snapshot also carries "votes" (each
// with its candidates), "voteResults" (staff: all; phones: only those whose
// vote is shown) and, for a phone, "dots" (its table's). Their changes:
// "vote" (the vote's settings and state, to everyone), "vote_dots" (a
// table's dots and dots left, to that table's phones and staff) and
// "vote_results" (to staff, and to everyone while the vote is shown). A
// phone's {"type":"dot","id":…,"vote":…,"item":…,"delta":±1} is a
// submission: acknowledged with the table's dots, idempotent by its id.
// Staff send {"type":"vote","req":…,"action":"open|close|show|hide",…}.
//
// Heartbeat. The server sends {"type":"ping"} every 25 s; clients send
// {"type":"ping"} every 25 s and get {"type":"pong"}. A client that sends
// nothing for 70 s is disconnected.
//
// Flow control. A client that sends faster than it is answered is slowed: the
// server stops reading from it while MaxInFlight replies wait to be written,
// and never closes it for that. A client that does not read its messages is
// closed with 4000 and counted in samrad_clients_dropped_total.
//
// Close codes: 1007 a text frame that is not UTF-8; 1009 a message over the
// hard limit; 1012 the server is restarting (reconnect in a moment); 4000 too
// slow (reconnect and resume); 4001 the login ended or access was removed;
// 4002 the page is too old for this server (reload it).
package live

import (
	"strconv"
	"time"
)

// Protocol versions this server speaks.
const (
	Version    = 2
	MinVersion = 1
)

// Close codes.
const (
	CloseGoingAway     = 1001
	CloseInvalidUTF8   = 1007
	CloseTooBig        = 1009
	CloseServerRestart = 1012
	CloseTryAgainLater = 1013
	CloseTooSlow       = 4000
	CloseRevoked       = 4001
	CloseReload        = 4002
)

// Limits and timings.
const (
	// DefaultMaxMessage is the largest message answered with a readable
	// error; HardLimit is where the connection is cut (1009) without
	// reading on. An endpoint may allow larger messages (Peer.MaxMessage).
	DefaultMaxMessage = 16 << 10
	HardLimit         = 64 << 10
	// MaxInFlight is how many replies may wait to be written before the
	// server stops reading a connection's next message.
	MaxInFlight = 32
	// Heartbeat keeps proxies (which cut idle sockets after ~55 s) and the
	// browser (which cannot see ping frames) aware that the line is alive.
	Heartbeat   = 25 * time.Second
	ReadTimeout = 70 * time.Second
	// WriteTimeout: a connection whose frame cannot be written for this long
	// does not read, and is let go.
	WriteTimeout = 10 * time.Second
	// maxBatch is how many queued messages are sent as one JSON array when a
	// connection falls behind.
	maxBatch = 256
	// staffLinger lets changes gather for a moment before a staff
	// connection's writer sends them: a busy room then costs each dashboard
	// a few frames a second instead of one per input. People do not see 3 ms.
	staffLinger = 3 * time.Millisecond
	// DefaultRecheck is how often a connection's rights are checked again,
	// so a session that ends or access that is removed closes it within
	// seconds (Hub.RecheckEvery).
	DefaultRecheck = 5 * time.Second
)

// Cursor is where a client stands in a topic: the timeline and the last
// change it applied (Seq < 0: none).
type Cursor struct {
	Epoch string
	Seq   int64
}

// ParseHandshake reads the protocol version and cursor from a handshake's
// query parameters (v, epoch, since). Missing or malformed values mean
// version 1 and no cursor.
func ParseHandshake(v, epoch, since string) (version int, c Cursor) {
	version, err := strconv.Atoi(v)
	if err != nil {
		version = 1
	}
	c = Cursor{Epoch: epoch, Seq: -1}
	if n, err := strconv.ParseInt(since, 10, 64); err == nil && n >= 0 {
		c.Seq = n
	}
	return version, c
}

// Supported reports whether this server speaks a client's protocol version.
func Supported(version int) bool { return version >= MinVersion && version <= Version }
