package workshop

import (
	"crypto/rand"
	"strings"

	"github.com/samrad-se/samrad/server/storage"
)

// codeAlphabet leaves out characters that are easy to misread on a printed
// page or a projector: 0/O, 1/I/L.
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// CodeLength gives 31^6 ≈ 890 million codes; with failed attempts rate-limited
// per address, guessing another table's code is out of reach.
const CodeLength = 6

func randomCode() string {
	const limit = 256 - 256%len(codeAlphabet) // reject bytes that would bias the draw
	code := make([]byte, 0, CodeLength)
	buf := make([]byte, 2*CodeLength)
	for len(code) < CodeLength {
		if _, err := rand.Read(buf); err != nil {
			panic(err) // crypto/rand does not fail on supported platforms
		}
		for _, b := range buf {
			if int(b) < limit && len(code) < CodeLength {
				code = append(code, codeAlphabet[int(b)%len(codeAlphabet)])
			}
		}
	}
	return string(code)
}

// uniqueCode draws codes until one is free among all workshops and tables.
func uniqueCode(tx *storage.Tx) (string, error) {
	for {
		code := randomCode()
		taken, err := tx.CodeTaken(code)
		if err != nil {
			return "", err
		}
		if !taken {
			return code, nil
		}
	}
}

// NormalizeCode turns what a participant typed ("ab3 k-7q") into a code's stored form.
func NormalizeCode(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(s)))
}
