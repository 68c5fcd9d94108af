// Command gencorpus writes a synthetic corpus for benchmarks and tests:
//
//	go run ./cmd/gencorpus -n 10000 -seed 1 -out /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsreel/newsreel/data/corpusgen"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Int64("seed", 1, "random seed (the same seed gives the same corpus)")
	out := flag.String("out", "", "folder to write into")
	outlets := flag.Int("outlets", 60, "number of outlets (0: every .txt file its own source)")
	focus := flag.Float64("focus", 0.9, "share of the articles about the main pair of leaders (0: all pairs alike)")
	flag.Parse()
	if *out == "" || *n <= 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N [-seed S] -out DIR")
		os.Exit(2)
	}
	if err := run(*n, *seed, *outlets, *focus, *out); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
}

func run(n int, seed int64, outlets int, focus float64, out string) error {
	g, err := corpusgen.New(seed)
	if err != nil {
		return err
	}
	g.Outlets, g.Focus = outlets, focus
	for i := 0; i < n; i++ {
		name, body := g.Article(i)
		dir := filepath.Join(out, fmt.Sprintf("%03d", i/1000)) // 1,000 files a folder
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if i%1000 == 0 {
			if err := os.WriteFile(filepath.Join(dir, "event.yaml"), g.EventFile(i, min(1000, n-i)), 0o644); err != nil {
				return err
			}
		}
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			return err
		}
	}
	return nil
}
