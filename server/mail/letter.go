package mail

import (
	"bytes"
	"embed"
	htmltemplate "html/template"
	texttemplate "text/template"
)

// letter is a message before it is written out: every kind of message is
// put together from these parts, and one pair of templates writes every
// letter as plain text and as HTML (escaped: everything in it may have
// been typed by someone).
type letter struct {
	Lang      string
	Subject   string
	Lead      []string // paragraphs before the link
	LinkLabel string
	Link      string
	Facts     []fact   // label: value
	After     []string // paragraphs after the link
	Parts     []part   // headed blocks: the copy of an answer, the digest's list
	Footer    []string
}

type fact struct{ Label, Value string }

// part is a heading with lines of text under it (each may have several
// paragraphs) and, for the digest, a link.
type part struct {
	Heading string
	Lines   []string
	Link    string
}

//go:embed templates
var templateFiles embed.FS

var (
	textTemplate = texttemplate.Must(texttemplate.ParseFS(templateFiles, "templates/letter.txt"))
	htmlTemplate = htmltemplate.Must(htmltemplate.ParseFS(templateFiles, "templates/letter.html"))
)

func (l letter) render() (text, html string, err error) {
	var t, h bytes.Buffer
	if err := textTemplate.Execute(&t, l); err != nil {
		return "", "", err
	}
	if err := htmlTemplate.Execute(&h, l); err != nil {
		return "", "", err
	}
	return t.String(), h.String(), nil
}
