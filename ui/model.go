package ui

import (
	"context"
	"sort"

	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/timeline"
)

// analysis is everything the screens show, computed off the UI goroutine
// and handed over whole.
type analysis struct {
	schema        *timeline.Schema
	sources       []data.SourceSummary
	articles      []timeline.AnalyzedArticle
	timeline      timeline.Timeline
	coverage      []timeline.CoverageCell
	themes        []timeline.CoverageCell
	actors        *timeline.Actors
	quotes        []timeline.Quote
	clusters      []timeline.QuoteCluster
	claims        []timeline.Claim
	discrepancies []timeline.Discrepancy
	blindspots    map[string][]string
	labels        []string // source labels, sorted
}

// loadAnalysis reads the store and runs the whole engine.
func loadAnalysis(ctx context.Context, db *data.DB, schema *timeline.Schema) (*analysis, error) {
	srcs, err := db.Sources(ctx)
	if err != nil {
		return nil, err
	}
	arts, err := db.Analyze(ctx, schema)
	if err != nil {
		return nil, err
	}
	a := &analysis{schema: schema, sources: srcs, articles: arts}
	a.timeline = schema.BuildTimeline(arts, timeline.MinConfidence)
	a.coverage = schema.Coverage(arts, timeline.MinConfidence)
	a.themes = schema.ThemeCoverage(arts)
	a.actors = timeline.FindActors(arts)
	a.quotes = timeline.FindQuotes(arts, a.actors)
	a.clusters = timeline.ClusterQuotes(a.quotes)
	a.claims = schema.FindClaims(arts)
	a.discrepancies = timeline.FindDiscrepancies(a.claims)
	seen := map[string]bool{}
	for _, s := range srcs {
		if s.Articles > 0 && !seen[s.Label] {
			seen[s.Label] = true
			a.labels = append(a.labels, s.Label)
		}
	}
	sort.Strings(a.labels)
	a.blindspots = timeline.Blindspots(a.timeline, a.labels)
	return a, nil
}

// article returns the analysed article with the given source and file.
func (a *analysis) article(source, file string) *timeline.AnalyzedArticle {
	for i := range a.articles {
		if a.articles[i].Source == source && a.articles[i].File == file {
			return &a.articles[i]
		}
	}
	return nil
}

// sourceShare sums coverage cells per source and key (several articles of
// one source add up; shares are averaged by words).
type cellKey struct{ source, key string }

type cellSum struct {
	sentences, words, total int
}

func sumCells(cells []timeline.CoverageCell, arts []timeline.AnalyzedArticle) map[cellKey]cellSum {
	words := map[string]int{}
	for _, a := range arts {
		words[a.Source] += a.Words
	}
	out := map[cellKey]cellSum{}
	for _, c := range cells {
		k := cellKey{c.Source, c.Key}
		s := out[k]
		s.sentences += c.Sentences
		s.words += c.Words
		s.total = words[c.Source]
		out[k] = s
	}
	return out
}

func (s cellSum) share() float64 {
	if s.total == 0 {
		return 0
	}
	return float64(s.words) / float64(s.total)
}
