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
	flag.Parse()
	if *out == "" || *n <= 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N [-seed S] -out DIR")
		os.Exit(2)
	}
	if err := run(*n, *seed, *out); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
}

func run(n int, seed int64, out string) error {
	g, err := corpusgen.New(seed)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		name, body := g.Article(i)
		dir := filepath.Join(out, fmt.Sprintf("%03d", i/1000)) // 1,000 files a folder
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			return err
		}
	}
	return nil
}
