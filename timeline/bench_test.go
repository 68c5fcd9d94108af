package timeline_test

import (
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// BenchmarkPipeline runs the phase engine (clean, split, phases, themes,
// times, coverage; BenchmarkEngine adds the extractors) over n articles
// made by rotating the bundled ones, streaming: each article is analysed
// and reduced to its coverage cells, so memory does not grow with n.
// Reports articles/s.
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

// BenchmarkExtractors runs actors, quotes (with clustering) and claims over
// n analysed articles, each alone and then the whole pipeline with them,
// reporting articles/s.
func BenchmarkExtractors(b *testing.B) {
	s := summitSchema(b)
	arts := bundledArticles(b)
	const n = 10000
	corpus := make([]timeline.Article, n)
	for i := range corpus {
		corpus[i] = arts[i%len(arts)]
	}
	analysed := s.AnalyzeCorpus(corpus)
	acts := timeline.FindActors(analysed)
	quotes := timeline.FindQuotes(analysed, acts)
	run := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				f()
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
	run("actors", func() { timeline.FindActors(analysed) })
	run("quotes", func() { timeline.FindQuotes(analysed, acts) })
	run("clusters", func() { timeline.ClusterQuotes(quotes) })
	run("claims", func() { s.FindClaims(analysed) })
	run("whole", func() {
		an := s.AnalyzeCorpus(corpus)
		a := timeline.FindActors(an)
		timeline.ClusterQuotes(timeline.FindQuotes(an, a))
		timeline.FindDiscrepancies(s.FindClaims(an))
		s.Coverage(an, timeline.MinConfidence)
	})
}

// BenchmarkEngine runs everything Schema.Report runs (phases, timeline,
// coverage, themes, actors, quotes and their clusters, claims and
// discrepancies) over 10,000 articles whose sentences are already split,
// as stored, and reports the whole engine's articles/s.
func BenchmarkEngine(b *testing.B) {
	s := summitSchema(b)
	arts := bundledArticles(b)
	const n = 10000
	corpus := make([]timeline.Article, n)
	sents := make([][]timeline.Sentence, n)
	for i := range corpus {
		corpus[i] = arts[i%len(arts)]
		sents[i] = timeline.Segment(corpus[i].Body, s.BoilerplateRules()).Sentences
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		r := s.Report(s.AnalyzeSplit(corpus, sents))
		if len(r.Quotes) == 0 || len(r.Actors.List) == 0 || len(r.Claims) == 0 || len(r.Coverage) == 0 {
			b.Fatal("the engine found nothing")
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	// The process's CPU time: on a shared machine, steadier than the wall
	// clock (one core: the collector's work is in it too).
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
