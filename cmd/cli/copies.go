package cli

import (
	"context"
	"fmt"
)

func init() {
	register(command{
		name:    "copies",
		summary: "list near-identical wire copies with their originals",
		usage:   "[--format table|csv|json]",
		run:     runCopies,
	})
}

func runCopies(env Env, args []string) int {
	f := newFlags(env, commandNamed("copies"))
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
	links, err := db.Copies(context.Background())
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel copies: %v\n", err)
		return ExitFailed
	}
	t := table{header: []string{"source", "file", "original_source", "original_file", "similarity"}}
	type jsonCopy struct {
		Source         string  `json:"source"`
		File           string  `json:"file"`
		OriginalSource string  `json:"original_source"`
		OriginalFile   string  `json:"original_file"`
		Similarity     float64 `json:"similarity"`
	}
	js := []jsonCopy{}
	for _, l := range links {
		sim := float64(int(l.Similarity*1000+0.5)) / 1000
		t.add(l.Copy.Source, l.Copy.File, l.Original.Source, l.Original.File, sim)
		js = append(js, jsonCopy{l.Copy.Source, l.Copy.File, l.Original.Source, l.Original.File, sim})
	}
	return emit(env, "copies", *format, &t, map[string]any{"copies": js})
}
