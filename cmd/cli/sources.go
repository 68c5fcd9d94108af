package cli

import (
	"context"
	"fmt"
	"strings"
)

func init() {
	register(command{
		name:    "sources",
		summary: "list sources with their article and sentence counts",
		usage:   "[--format table|csv|json]",
		run:     runSources,
	})
	register(command{
		name:    "search",
		summary: "full-text search over all sentences",
		usage:   "[--limit N] [--format table|csv|json] WORDS...",
		run:     runSearch,
	})
}

func runSources(env Env, args []string) int {
	f := newFlags(env, commandNamed("sources"))
	format := f.formatFlag("table", "csv", "json")
	pos, code, done := f.parse(env, args)
	if done {
		return code
	}
	if len(pos) > 0 || !checkChoice(env, "format", *format, "table", "csv", "json") {
		f.usage(env.Stderr)
		return ExitUsage
	}
	db, code, done := f.open(env)
	if done {
		return code
	}
	defer db.Close()
	srcs, err := db.Sources(context.Background())
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel sources: %v\n", err)
		return ExitFailed
	}
	t := table{header: []string{"source", "articles", "sentences"}}
	type jsonSource struct {
		Source    string `json:"source"`
		Articles  int    `json:"articles"`
		Sentences int    `json:"sentences"`
	}
	js := []jsonSource{}
	for _, s := range srcs {
		t.add(s.Label, s.Articles, s.Sentences)
		js = append(js, jsonSource{s.Label, s.Articles, s.Sentences})
	}
	return emit(env, "sources", *format, &t, map[string]any{"sources": js})
}

// emit writes t (table or csv) or v (json) in the chosen format.
func emit(env Env, cmd, format string, t *table, v any) int {
	var err error
	switch format {
	case "csv":
		err = t.writeCSV(env.Stdout)
	case "json":
		err = writeJSON(env.Stdout, v)
	default:
		err = t.writeText(env.Stdout)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel %s: %v\n", cmd, err)
		return ExitFailed
	}
	return ExitOK
}

func runSearch(env Env, args []string) int {
	f := newFlags(env, commandNamed("search"))
	format := f.formatFlag("table", "csv", "json")
	limit := f.Int("limit", 50, "most hits to show")
	words, code, done := f.parse(env, args)
	if done {
		return code
	}
	if len(words) == 0 || !checkChoice(env, "format", *format, "table", "csv", "json") {
		if len(words) == 0 {
			fmt.Fprintln(env.Stderr, "newsreel search: give the words to look for")
		}
		f.usage(env.Stderr)
		return ExitUsage
	}
	db, code, done := f.open(env)
	if done {
		return code
	}
	defer db.Close()
	hits, err := db.Search(context.Background(), strings.Join(words, " "), *limit)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel search: %v\n", err)
		return ExitFailed
	}
	t := table{header: []string{"source", "file", "sentence", "text"}}
	type jsonHit struct {
		Source    string `json:"source"`
		File      string `json:"file"`
		Sentence  int    `json:"sentence"`
		Text      string `json:"text"`
		Highlight string `json:"highlight"`
	}
	js := []jsonHit{}
	for _, h := range hits {
		text := h.Text
		if *format == "table" {
			text = h.Highlight
		}
		t.add(h.Source, h.File, h.Seq, text)
		js = append(js, jsonHit{h.Source, h.File, h.Seq, h.Text, h.Highlight})
	}
	if len(hits) == 0 && *format == "table" {
		fmt.Fprintf(env.Stdout, "no sentences match %q\n", strings.Join(words, " "))
		return ExitOK
	}
	return emit(env, "search", *format, &t, map[string]any{"hits": js})
}
