// Package assets embeds what ships inside the Newsreel binary: the bundled
// corpus (five reports of the 2025 Anchorage summit with their event.yaml)
// that a new user sees on first start, and the event schemas.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed corpus
var corpus embed.FS

// Corpus returns the bundled articles: one folder per event, each with its
// article files and an event.yaml.
func Corpus() fs.FS {
	sub, err := fs.Sub(corpus, "corpus")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	return sub
}
