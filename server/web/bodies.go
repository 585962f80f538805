package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/samrad-se/samrad/server/domain"
)

// refuseEncodedBodies answers 415 to a request whose body is compressed.
// The body limit counts the bytes on the wire; a form parser that unpacks
// gzip, deflate or brotli would turn 100 KB into gigabytes before any check
// (CSRF included) has looked at it. Browsers never compress what they send,
// so nothing legitimate is lost. It runs before anything reads the body.
func refuseEncodedBodies(c *fiber.Ctx) error {
	for _, coding := range strings.Split(c.Get(fiber.HeaderContentEncoding), ",") {
		if coding = strings.TrimSpace(coding); coding != "" && !strings.EqualFold(coding, "identity") {
			return domain.Errorf(domain.KindUnsupported, "encoded_body")
		}
	}
	return c.Next()
}
