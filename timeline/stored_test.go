package timeline_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsreel/newsreel/data/corpusgen"
	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// streamCorpus is the bundled corpus, the other summits and some generated
// articles (other leaders, so the principals are contested).
func streamCorpus(t *testing.T) []timeline.Article {
	arts := bundledArticles(t)
	files, _ := filepath.Glob("testdata/summits/*")
	for _, f := range files {
		if strings.HasSuffix(f, ".json") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ingest.Parse(filepath.Base(f), b)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	g, err := corpusgen.New(3)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		name, body := g.Article(i)
		arts = append(arts, timeline.Article{Source: "gen", File: name, Body: string(body)})
	}
	return arts
}

// TestAnalyzeWithCorpusCastMatchesAnalyzeSplit analyses articles one at a
// time against summed name tallies: the result is exactly the whole-corpus
// analysis, and so is a timeline streamed article by article.
func TestAnalyzeWithCorpusCastMatchesAnalyzeSplit(t *testing.T) {
	s := summitSchema(t)
	arts := streamCorpus(t)
	sents := make([][]timeline.Sentence, len(arts))
	for i, a := range arts {
		sents[i] = timeline.Segment(a.Body, s.BoilerplateRules()).Sentences
	}
	want := s.AnalyzeSplit(arts, sents)

	counts := timeline.CastCounts{}
	prep := make([]*timeline.Prepared, len(arts))
	for i, a := range arts {
		prep[i] = timeline.Prepare(a, sents[i])
		counts.Add(prep[i].Names(), 1)
	}
	principals := counts.Principals()
	if len(principals) == 0 {
		t.Fatal("no principals found")
	}
	b := s.NewTimelineBuilder(timeline.MinConfidence)
	for i := range arts {
		got := s.AnalyzeWith(prep[i], principals, counts.IsPerson)
		if got.Words != want[i].Words || len(got.Sentences) != len(want[i].Sentences) {
			t.Fatalf("%s: %d words, %d sentences; want %d, %d", arts[i].File, got.Words, len(got.Sentences), want[i].Words, len(want[i].Sentences))
		}
		for k := range got.Sentences {
			g, w := got.Sentences[k], want[i].Sentences[k]
			if !reflect.DeepEqual(g.SentencePhases, w.SentencePhases) || !reflect.DeepEqual(g.Times, w.Times) || g.WordCount != w.WordCount {
				t.Fatalf("%s sentence %d: %+v, want %+v", arts[i].File, k, g.SentencePhases, w.SentencePhases)
			}
		}
		b.Add(got)
	}
	if got, want := b.Timeline(), s.BuildTimeline(want, timeline.MinConfidence); !reflect.DeepEqual(got, want) {
		t.Errorf("streamed timeline differs from the whole-corpus timeline")
	}
	// Taking the articles out again leaves no name behind.
	for _, p := range prep {
		counts.Add(p.Names(), -1)
	}
	for n, c := range counts {
		if c.Count != 0 || c.Person != 0 {
			t.Fatalf("name %s left with %+v", n, c)
		}
	}
}
