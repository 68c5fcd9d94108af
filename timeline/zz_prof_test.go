package timeline_test

import (
	"os"
	"testing"

	"github.com/newsreel/newsreel/timeline"
)

// BenchmarkEngineSmall is BenchmarkEngine on 1,000 articles, for profiling
// under callgrind (not committed).
func BenchmarkEngineSmall(b *testing.B) {
	s := summitSchema(b)
	arts := bundledArticles(b)
	const n = 1000
	corpus := make([]timeline.Article, n)
	sents := make([][]timeline.Sentence, n)
	for i := range corpus {
		corpus[i] = arts[i%len(arts)]
		sents[i] = timeline.Segment(corpus[i].Body, s.BoilerplateRules()).Sentences
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if os.Getenv("ENGINE_SKIP") != "" {
			continue
		}
		if engineOnce(s, corpus, sents) == 0 {
			b.Fatal("nothing")
		}
	}
}

// engineOnce is the timed work, a function of its own so callgrind can
// count it alone (--toggle-collect).
//
//go:noinline
func engineOnce(s *timeline.Schema, corpus []timeline.Article, sents [][]timeline.Sentence) int {
	r := s.Report(s.AnalyzeSplit(corpus, sents))
	return len(r.Quotes)
}
