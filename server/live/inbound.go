package live

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/samrad-se/samrad/server/domain"
)

// Inbound is every message a client may send; which fields matter depends on
// Type (see README, "Websocket messages").
type Inbound struct {
	Type string `json:"type"`
	// A submission's own id (its idempotency key); any other request's req.
	ID  string `json:"id"`
	Req string `json:"req"`
	// submit (phones)
	Question string `json:"question"`
	Theme    string `json:"theme"`
	Text     string `json:"text"`
	// staff commands
	Item    string   `json:"item"`
	Action  string   `json:"action"`
	Sources []string `json:"sources"`
	State   string   `json:"state"`
	// rounds (dashboard): the themes tables rotate through
	Themes []string `json:"themes"`
	// votes (prickröstning): a dashboard's "vote" (open: scope, item, dots,
	// limit, shown; close, show, hide: vote) and a phone's "dot" (id, vote,
	// item, delta)
	Vote  string `json:"vote"`
	Scope string `json:"scope"`
	Dots  int    `json:"dots"`
	Limit int    `json:"limit"`
	Shown bool   `json:"shown"`
	Delta int    `json:"delta"`
	// draft (a consultation's answer form): the fields the form changed,
	// and the form's own id. Answer is the whole answer an older page sends;
	// it is refused with a request to reload.
	Patch  map[string]FieldEdit `json:"patch"`
	Author string               `json:"author"`
	Answer *domain.Answer       `json:"answer"`
}

// FieldEdit is one field of a draft message: its new value and the draft
// revision the typist started from.
type FieldEdit struct {
	Base  int64  `json:"base"`
	Value string `json:"value"`
}

// MaxSources bounds a merge, so one message cannot fold a whole workshop.
const MaxSources = 100

// envelope is what identifies a message: its type and the id or req its
// reply must carry.
type envelope struct{ Type, ID, Req string }

// readEnvelope finds the top-level "type", "id" and "req" of a message even
// when the rest of it is wrong (a field of the wrong type, an unknown field,
// a syntax error further on, or a message too large to take), so that the
// refusal can say which message it refuses.
func readEnvelope(data []byte) envelope {
	var env envelope
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return env
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return env
		}
		key, _ := tok.(string)
		tok, err = dec.Token()
		if err != nil {
			return env
		}
		switch v := tok.(type) {
		case string:
			// Field names match as the decoder matches them: without case.
			switch {
			case strings.EqualFold(key, "type"):
				env.Type = v
			case strings.EqualFold(key, "id"):
				env.ID = v
			case strings.EqualFold(key, "req"):
				env.Req = v
			}
		case json.Delim:
			if !skipNested(dec) {
				return env
			}
		}
	}
	return env
}

// skipNested consumes tokens up to the end of the object or array just opened.
func skipNested(dec *json.Decoder) bool {
	for depth := 1; depth > 0; {
		tok, err := dec.Token()
		if err != nil {
			return false
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return true
}

// Decode reads one text frame strictly: a JSON object of known fields only,
// at most limit bytes, with a type.
func Decode(data []byte, limit int) (Inbound, error) {
	var msg Inbound
	if len(data) > limit {
		return msg, domain.Errorf(domain.KindTooLarge, "message_too_large", "max", limit)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&msg); err != nil || dec.More() {
		return Inbound{}, domain.Errorf(domain.KindInvalid, "message_invalid")
	}
	if msg.Type == "" {
		return msg, domain.Errorf(domain.KindInvalid, "message_invalid")
	}
	if len(msg.Sources) > MaxSources {
		return msg, domain.Errorf(domain.KindInvalid, "merge_too_many", "max", MaxSources)
	}
	return msg, nil
}
