package timeline_test

import (
	"fmt"
	"testing"

	"github.com/newsreel/newsreel/timeline"
)

// BenchmarkPipeline runs the whole engine (clean, split, phases, themes,
// times, coverage) over n articles made by rotating the bundled ones,
// streaming: each article is analysed and reduced to its coverage cells,
// so memory does not grow with n. Reports articles/s.
func BenchmarkPipeline(b *testing.B) {
	s := summitSchema(b)
	arts := bundledArticles(b)
	sample := make([][]timeline.Sentence, len(arts))
	for i, a := range arts {
		sample[i] = timeline.Segment(a.Body, s.BoilerplateRules()).Sentences
	}
	cast := timeline.FindCast(sample)
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			cells := 0
			for i := 0; i < b.N; i++ {
				for k := 0; k < n; k++ {
					a := arts[k%len(arts)]
					seg := timeline.Segment(a.Body, s.BoilerplateRules())
					an := s.AnalyzeSentences(a, seg.Sentences, cast)
					cells += len(s.Coverage([]timeline.AnalyzedArticle{an}, timeline.MinConfidence))
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
			if cells == 0 {
				b.Fatal("no coverage")
			}
		})
	}
}
