// Package frontend embeds the browser side: server-rendered page templates
// and static files (CSS, ES modules), served without a build step.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed static templates
var files embed.FS

// Static is the tree served under /static/.
func Static() fs.FS { return sub("static") }

// Templates holds the html/template page files.
func Templates() fs.FS { return sub("templates") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the directories are part of the binary
	}
	return f
}
