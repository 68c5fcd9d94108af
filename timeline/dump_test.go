package timeline_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// TestEngineDump writes the whole engine's output (every Report field, as
// JSON) for the bundled corpus, every held-out event, the other summits and
// all of them as one corpus, one file each, into the folder named by
// $NEWSREEL_ENGINE_DUMP. It is the yardstick of changes meant to make the
// engine faster without changing what it finds: dump before, dump after,
// compare (scripts/engine-same.sh does all three). Without the variable
// it only checks that every report can be written.
func TestEngineDump(t *testing.T) {
	dir := os.Getenv("NEWSREEL_ENGINE_DUMP")
	if testing.Short() && dir == "" {
		t.Skip("short")
	}
	s := summitSchema(t)
	write := func(name string, v any) {
		t.Helper()
		raw, err := json.MarshalIndent(v, "", " ")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if dir == "" {
			return
		}
		if err := os.WriteFile(filepath.Join(dir, name+".json"), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var all []timeline.Article

	bundled := bundledArticles(t)
	all = append(all, bundled...)
	write("bundled", s.Report(s.AnalyzeCorpus(bundled)))
	// As BenchmarkEngine runs it: the bundled articles rotated, split first.
	var rotated []timeline.Article
	var sents [][]timeline.Sentence
	for i := 0; i < 3*len(bundled); i++ {
		a := bundled[i%len(bundled)]
		rotated = append(rotated, a)
		sents = append(sents, timeline.Segment(a.Body, s.BoilerplateRules()).Sentences)
	}
	write("bundled-rotated", s.Report(s.AnalyzeSplit(rotated, sents)))

	dirs, _ := filepath.Glob("testdata/heldout*")
	sort.Strings(dirs)
	for _, d := range dirs {
		golds, _ := filepath.Glob(filepath.Join(d, "*.gold.json"))
		sort.Strings(golds)
		for _, g := range golds {
			name := strings.TrimSuffix(filepath.Base(g), ".gold.json")
			h := loadHeldOutFrom(t, d, name)
			write(filepath.Base(d)+"-"+name, h.report)
			for _, a := range h.report.Articles {
				all = append(all, a.Article)
			}
		}
	}

	files, _ := filepath.Glob("testdata/summits/*")
	sort.Strings(files)
	var summits []timeline.Article
	single := map[string]timeline.AnalyzedArticle{}
	for _, f := range files {
		if strings.HasSuffix(f, ".json") {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		art, err := ingest.Parse(filepath.Base(f), raw)
		if err != nil {
			t.Fatal(err)
		}
		summits = append(summits, art)
		single[filepath.Base(f)] = s.Analyze(art)
	}
	all = append(all, summits...)
	write("summits-each", single)
	write("summits", s.Report(s.AnalyzeCorpus(summits)))

	write("all", s.Report(s.AnalyzeCorpus(all)))
	// The store's path: one article at a time against the corpus cast.
	counts := timeline.CastCounts{}
	var prep []*timeline.Prepared
	for _, a := range all {
		p := timeline.Prepare(a, timeline.Segment(a.Body, s.BoilerplateRules()).Sentences)
		prep = append(prep, p)
		counts.Add(p.Names(), 1)
	}
	var stored []timeline.AnalyzedArticle
	for _, p := range prep {
		stored = append(stored, s.AnalyzeWith(p, counts.Principals(), counts.IsPerson))
	}
	write("all-stored", s.Report(stored))
}
