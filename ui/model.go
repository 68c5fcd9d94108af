package ui

import (
	"context"

	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/timeline"
)

// analysis is everything the screens show, computed off the UI goroutine
// and handed over whole.
type analysis struct {
	*timeline.Report
	schema  *timeline.Schema
	sources []data.SourceSummary
	labels  []string // source labels with articles, sorted
}

// loadAnalysis reads the stored analysis (re-analysing first what is out
// of date) and runs the corpus-level stages.
func loadAnalysis(ctx context.Context, db *data.DB, schema *timeline.Schema) (*analysis, error) {
	return loadAnalysisProgress(ctx, db, schema, nil)
}

// loadAnalysisProgress is loadAnalysis reporting re-analysis progress
// (from a background goroutine).
func loadAnalysisProgress(ctx context.Context, db *data.DB, schema *timeline.Schema, progress data.Progress) (*analysis, error) {
	if err := db.Refresh(ctx, schema, progress); err != nil {
		return nil, err
	}
	srcs, err := db.Sources(ctx)
	if err != nil {
		return nil, err
	}
	r, err := db.Report(ctx, schema)
	if err != nil {
		return nil, err
	}
	return &analysis{Report: r, schema: schema, sources: srcs, labels: r.Sources}, nil
}

// article returns the analysed article with the given source and file.
func (a *analysis) article(source, file string) *timeline.AnalyzedArticle {
	for i := range a.Articles {
		if a.Articles[i].Source == source && a.Articles[i].File == file {
			return &a.Articles[i]
		}
	}
	return nil
}

// sumCells sums coverage cells per source and key (several articles of
// one source add up; shares are averaged by words). Wire copies count only
// when the report says so.
type cellKey struct{ source, key string }

type cellSum struct {
	sentences, words, total int
}

func sumCells(cells []timeline.CoverageCell, r *timeline.Report) map[cellKey]cellSum {
	words := map[string]int{}
	for _, a := range r.Articles {
		if r.Counts(a.Article) {
			words[a.Source] += a.Words
		}
	}
	out := map[cellKey]cellSum{}
	for _, c := range cells {
		if c.Copy && !r.CountCopies {
			continue
		}
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
