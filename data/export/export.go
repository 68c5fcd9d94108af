// Package export writes an analysis in open formats: one CSV per table
// (RFC 4180, UTF-8, with a header row), one JSON document of the whole
// analysis, and the TimelineJS3 JSON format for publishing the timeline on
// a web page.
package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// CSVFiles are the tables CSV writes, in order.
var CSVFiles = []string{"sources.csv", "articles.csv", "sentences.csv", "coverage.csv", "themes.csv", "actors.csv", "quotes.csv", "claims.csv"}

// CSV writes one CSV file per table into dir (created if needed).
func CSV(dir string, r *timeline.Report) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export folder %s: %w", dir, err)
	}
	tables := map[string][][]string{}
	f := strconv.Itoa
	ff := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

	words := map[string]int{}
	articles := map[string]int{}
	sentences := map[string]int{}
	for _, a := range r.Articles {
		words[a.Source] += a.Words
		articles[a.Source]++
		sentences[a.Source] += len(a.Sentences)
	}
	t := [][]string{{"source", "articles", "sentences", "words"}}
	for _, s := range r.Sources {
		t = append(t, []string{s, f(articles[s]), f(sentences[s]), f(words[s])})
	}
	tables["sources.csv"] = t

	t = [][]string{{"source", "file", "title", "url", "published", "sentences", "words"}}
	for _, a := range r.Articles {
		pub := ""
		if !a.Published.IsZero() {
			pub = a.Published.Format(time.RFC3339)
		}
		t = append(t, []string{a.Source, a.File, a.Title, a.URL, pub, f(len(a.Sentences)), f(a.Words)})
	}
	tables["articles.csv"] = t

	t = [][]string{{"source", "file", "index", "paragraph", "kind", "phase", "confidence", "also", "themes", "times", "text"}}
	for _, a := range r.Articles {
		for _, s := range a.Sentences {
			kind := "text"
			if s.Heading {
				kind = "heading"
			} else if s.ListItem {
				kind = "item"
			}
			var times []string
			for _, tm := range s.Times {
				times = append(times, tm.Text)
			}
			t = append(t, []string{a.Source, a.File, f(s.Index), f(s.Paragraph), kind, s.Phase, ff(s.Confidence),
				strings.Join(s.Also, "|"), strings.Join(s.Themes, "|"), strings.Join(times, "|"), s.Text})
		}
	}
	tables["sentences.csv"] = t

	cells := func(cs []timeline.CoverageCell, key string) [][]string {
		t := [][]string{{"source", "file", key, "sentences", "words", "share", "first_position", "lede"}}
		for _, c := range cs {
			t = append(t, []string{c.Source, c.File, c.Key, f(c.Sentences), f(c.Words), ff(c.Share), ff(c.Position), strconv.FormatBool(c.Lede)})
		}
		return t
	}
	tables["coverage.csv"] = cells(r.Coverage, "phase")
	tables["themes.csv"] = cells(r.Themes, "theme")

	t = [][]string{{"actor", "variants", "kind", "source", "file", "mentions", "quoted_words"}}
	type key struct{ id, file string }
	mentions := map[key]int{}
	sourceOf := map[string]string{}
	for _, m := range r.Actors.Mentions {
		a := r.Articles[m.Article]
		mentions[key{m.Actor, a.File}]++
		sourceOf[a.File] = a.Source
	}
	quoted := map[key]int{}
	for _, q := range r.Quotes {
		quoted[key{q.Speaker, q.File}] += q.Words
	}
	for _, a := range r.Actors.List {
		for _, art := range r.Articles {
			k := key{a.ID, art.File}
			if mentions[k] > 0 {
				t = append(t, []string{a.Name, strings.Join(a.Variants, "|"), string(a.Kind), art.Source, art.File, f(mentions[k]), f(quoted[k])})
				mentions[k] = 0 // once per file
			}
		}
	}
	tables["actors.csv"] = t

	t = [][]string{{"cluster", "cluster_speaker", "cluster_text", "source", "file", "speaker", "text", "changes"}}
	for _, c := range r.Clusters {
		for i, q := range c.Variants {
			t = append(t, []string{f(c.ID), c.SpeakerName, c.Text, q.Source, q.File, q.SpeakerName, q.Text, timeline.FormatChanges(c.Changes[i])})
		}
	}
	tables["quotes.csv"] = t

	t = [][]string{{"quantity", "phase", "source", "file", "value", "unit", "low", "high", "qualifier", "disputed", "sentence"}}
	disputed := map[string]bool{}
	for _, d := range r.Discrepancies {
		disputed[d.Quantity+"\x00"+d.Phase] = true
	}
	for _, c := range r.Claims {
		t = append(t, []string{c.Quantity, c.Phase, c.Source, c.File, c.Value, c.Unit, ff(c.Low), ff(c.High), c.Qualifier,
			strconv.FormatBool(disputed[c.Quantity+"\x00"+c.Phase]), c.Text})
	}
	tables["claims.csv"] = t

	for _, name := range CSVFiles {
		if err := writeCSV(filepath.Join(dir, name), tables[name]); err != nil {
			return err
		}
	}
	return nil
}

func writeCSV(path string, rows [][]string) error {
	return writeFile(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.WriteAll(rows); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	})
}

// writeFile writes through a temporary file renamed into place, so a
// failed export never leaves half a file.
func writeFile(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".newsreel-export-*")
	if err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
}

// WriteFile writes a file atomically with write (for charts and JSON).
func WriteFile(path string, write func(io.Writer) error) error { return writeFile(path, write) }

// JSON writes the whole analysis as one JSON document (see Document).
func JSON(path string, r *timeline.Report, s *timeline.Schema) error {
	doc := NewDocument(r, s)
	return writeFile(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(doc)
	})
}
