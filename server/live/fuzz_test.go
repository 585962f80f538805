package live

import (
	"testing"
)

// FuzzDecodeInbound feeds the message decoder arbitrary frames: it must never
// panic, whatever it accepts must be a well-formed message, and the envelope
// it reads for a refusal must be the message's own when the message is good.
// Run longer with: go test -run - -fuzz=FuzzDecodeInbound -fuzztime=60s ./server/live/
func FuzzDecodeInbound(f *testing.F) {
	f.Add(true, []byte(`{"type":"submit","id":"01a20529-ed3c-7ce1-be34-7ac01769725e","question":"q","theme":"","text":"Hej"}`))
	f.Add(true, []byte(`{"type":"moderate","req":"r1","item":"x","action":"merge","sources":["a","b"]}`))
	f.Add(true, []byte(`{"type":"ping"}`))
	f.Add(true, []byte(`{"type":"submit",`))
	f.Add(true, []byte(`[{"type":"ping"}]`))
	f.Add(false, []byte{0, 1, 2})
	f.Fuzz(func(t *testing.T, text bool, data []byte) {
		env := readEnvelope(data)
		if !text {
			return // binary frames are refused before decoding
		}
		msg, err := Decode(data, DefaultMaxMessage)
		if err != nil {
			return
		}
		if len(data) > DefaultMaxMessage || msg.Type == "" || len(msg.Sources) > MaxSources {
			t.Errorf("accepted %q as %+v", data, msg)
		}
		if env.Type != msg.Type || env.ID != msg.ID || env.Req != msg.Req {
			t.Errorf("envelope %+v of an accepted message %+v", env, msg)
		}
	})
}
