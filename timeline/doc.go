// Package timeline is Newsreel's domain core: it cleans and splits news
// articles into sentences, assigns each sentence to a phase and themes of an
// event schema, resolves time expressions, and merges many sources into one
// ordered timeline with per-source coverage and attention.
//
// It is pure Go: it imports neither Fyne nor database/sql (a test enforces
// this), so the same engine serves the desktop UI, the command line and the
// storage layer.
package timeline
