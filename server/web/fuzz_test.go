package web

import (
	"testing"

	"github.com/gofiber/contrib/websocket"
)

// FuzzDecodeInbound feeds the websocket message decoder arbitrary frames:
// it must never panic, and whatever it accepts must be a well-formed message.
// Run longer with: go test -fuzz=FuzzDecodeInbound -fuzztime=60s ./server/web/
func FuzzDecodeInbound(f *testing.F) {
	f.Add(true, []byte(`{"type":"submit","id":"01a20529-ed3c-7ce1-be34-7ac01769725e","question":"q","theme":"","text":"Hej"}`))
	f.Add(true, []byte(`{"type":"moderate","req":"r1","item":"x","action":"merge","sources":["a","b"]}`))
	f.Add(true, []byte(`{"type":"ping"}`))
	f.Add(true, []byte(`{"type":"submit",`))
	f.Add(true, []byte(`[{"type":"ping"}]`))
	f.Add(false, []byte{0, 1, 2})
	f.Fuzz(func(t *testing.T, text bool, data []byte) {
		kind := websocket.BinaryMessage
		if text {
			kind = websocket.TextMessage
		}
		msg, err := decodeInbound(kind, data)
		if err != nil {
			return
		}
		if !text || len(data) > maxMessage || msg.Type == "" || len(msg.Sources) > maxSources {
			t.Errorf("accepted %q as %+v", data, msg)
		}
	})
}
