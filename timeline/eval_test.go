package timeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

func summitSchema(t testing.TB) *timeline.Schema {
	t.Helper()
	raw, err := assets.Schema(assets.DefaultSchema)
	if err != nil {
		t.Fatal(err)
	}
	s, err := timeline.ParseSchema("summit.yaml", raw)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func bundledArticles(t testing.TB) []timeline.Article {
	t.Helper()
	files, err := filepath.Glob("../assets/corpus/alaska-2025/*.txt")
	if err != nil || len(files) != 5 {
		t.Fatalf("bundled corpus: %v (%d files)", err, len(files))
	}
	var arts []timeline.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, timeline.Article{Source: filepath.Base(f), File: filepath.Base(f), Body: string(b)})
	}
	return arts
}

// TestPhaseDetectionAgainstGold is the evaluation harness: micro-F1 over
// article × phase against the hand annotation, ambiguous pairs ignored.
func TestPhaseDetectionAgainstGold(t *testing.T) {
	raw, err := os.ReadFile("testdata/alaska-2025.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	gold, err := timeline.ParseGold(raw)
	if err != nil {
		t.Fatal(err)
	}
	s := summitSchema(t)
	pred := map[string]map[string]bool{}
	for _, a := range s.AnalyzeCorpus(bundledArticles(t)) {
		pred[a.File] = a.Reports(timeline.MinConfidence)
	}
	sc := timeline.ScorePhases(gold, pred)
	t.Logf("phase F1 %.3f (precision %.3f, recall %.3f; tp %d fp %d fn %d)", sc.F1, sc.Precision, sc.Recall, sc.TP, sc.FP, sc.FN)
	if len(sc.Errors) > 0 {
		t.Logf("errors: %s", strings.Join(sc.Errors, ", "))
	}
	if sc.F1 < 0.90 {
		t.Errorf("phase F1 %.3f is below the 0.90 target", sc.F1)
	}
}

// TestPhaseDetectionOnOtherSummits scores the engine on articles the
// developers wrote in other phrasings (Helsinki 2018, Geneva 2021, another
// Alaska report), so that the bundled corpus is not the only yardstick.
func TestPhaseDetectionOnOtherSummits(t *testing.T) {
	raw, err := os.ReadFile("testdata/summits/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	gold, err := timeline.ParseGold(raw)
	if err != nil {
		t.Fatal(err)
	}
	s := summitSchema(t)
	pred := map[string]map[string]bool{}
	for file := range gold.Coverage {
		b, err := os.ReadFile(filepath.Join("testdata/summits", file))
		if err != nil {
			t.Fatal(err)
		}
		art, err := ingest.Parse(file, b)
		if err != nil {
			t.Fatal(err)
		}
		a := s.Analyze(art)
		pred[file] = a.Reports(timeline.MinConfidence)
	}
	sc := timeline.ScorePhases(gold, pred)
	t.Logf("phase F1 %.3f (precision %.3f, recall %.3f); errors: %s", sc.F1, sc.Precision, sc.Recall, strings.Join(sc.Errors, ", "))
	if sc.F1 < 0.85 {
		t.Errorf("phase F1 %.3f on other summits is below 0.85", sc.F1)
	}
}
