package web

import (
	"bytes"
	"encoding/json"

	"github.com/gofiber/contrib/websocket"

	"github.com/samrad-se/samrad/server/domain"
)

// inbound is every message a client may send; which fields matter depends on Type.
type inbound struct {
	Type string `json:"type"`
	// submit (phones)
	ID       string `json:"id"`
	Question string `json:"question"`
	Theme    string `json:"theme"`
	Text     string `json:"text"`
	// dashboard commands
	Req     string   `json:"req"`
	Item    string   `json:"item"`
	Action  string   `json:"action"`
	Sources []string `json:"sources"`
	State   string   `json:"state"`
	// draft (a consultation's answer form)
	Answer *domain.Answer `json:"answer"`
}

const maxSources = 100

func decodeInbound(kind int, data []byte) (inbound, error) {
	return decodeInboundLimit(kind, data, maxMessage)
}

// decodeInboundLimit is decodeInbound for connections that take longer
// messages (a consultation's answer form sends its whole draft).
func decodeInboundLimit(kind int, data []byte, limit int) (inbound, error) {
	var msg inbound
	if kind != websocket.TextMessage {
		return msg, domain.Errorf(domain.KindInvalid, "message_invalid")
	}
	if len(data) > limit {
		return msg, domain.Errorf(domain.KindTooLarge, "message_too_large", "max", limit)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&msg); err != nil || dec.More() {
		return inbound{}, domain.Errorf(domain.KindInvalid, "message_invalid")
	}
	if msg.Type == "" {
		return msg, domain.Errorf(domain.KindInvalid, "message_invalid")
	}
	if len(msg.Sources) > maxSources {
		return msg, domain.Errorf(domain.KindInvalid, "merge_too_many", "max", maxSources)
	}
	return msg, nil
}

// encodeError is the websocket form of errorReply, tied to the message it answers.
func encodeError(to replyTo, msg inbound, err error) []byte {
	r := replyFor(to, err)
	r.ID, r.Req = msg.ID, msg.Req
	return mustJSON(r)
}

type ackReply struct {
	Type      string `json:"type"`
	ID        string `json:"id"`
	Seq       int64  `json:"seq"`
	Duplicate bool   `json:"duplicate"`
}

type okReply struct {
	Type string `json:"type"`
	Req  string `json:"req"`
}
