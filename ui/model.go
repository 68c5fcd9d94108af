package ui

import (
	"context"

	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/timeline"
)

// peopleColumns is how many people the coverage matrix compares.
const peopleColumns = 12

// analysis is what the screens show, read from the stored analysis off the
// UI goroutine and handed over whole. It holds sums, the screen timeline
// and the corpus-level stage, never the articles: its size grows with the
// sources and phases, not the corpus. What a screen needs of one article,
// cell, source or person is read when asked for (see fetch).
type analysis struct {
	schema   *timeline.Schema
	mark     string // the store's state when read (data.DB.StoreMark)
	sources  []data.SourceSummary
	labels   []string // source labels with articles, sorted
	articles int
	// timeline is the screen timeline: each phase keeps at most
	// data.ScreenEvidence evidence sentences per source; evidence counts
	// them all, by phase and source.
	timeline   timeline.Timeline
	evidence   map[[2]string]int
	blindspots map[string][]string
	copies     int // wire copies in the store
	// countCopies makes attention count wire copies as their sources' own
	// text (the Coverage screen's toggle).
	countCopies bool
	matrix      [2][2][]data.SourceCell // the coverage sums: [themes][countCopies]
	words       [2]map[string]int       // each source's words: [countCopies]
	// people is the corpus stage's brief: the actors, the first quotation
	// clusters and the most contested discrepancies (data.ScreenBrief).
	people *data.PeopleBrief
	// The people the coverage matrix compares (the most mentioned) and
	// their sums per source: [countCopies].
	personIDs, personNames []string
	personSums             [2][]data.ActorSourceCell
}

// loadAnalysis reads the stored analysis (re-analysing first what is out
// of date).
func loadAnalysis(ctx context.Context, db *data.DB, schema *timeline.Schema) (*analysis, error) {
	return loadAnalysisProgress(ctx, db, schema, nil)
}

// loadAnalysisProgress is loadAnalysis reporting re-analysis progress
// (from a background goroutine). It reads summaries and indexed look-ups:
// its time and memory do not grow with the articles.
func loadAnalysisProgress(ctx context.Context, db *data.DB, schema *timeline.Schema, progress data.Progress) (*analysis, error) {
	if err := db.Refresh(ctx, schema, progress); err != nil {
		return nil, err
	}
	if err := db.RefreshPeople(ctx, schema, progress); err != nil {
		return nil, err
	}
	a := &analysis{schema: schema, evidence: map[[2]string]int{}}
	var err error
	// The mark first: whatever changes after it is noticed (see idle).
	if a.mark, err = db.StoreMark(ctx); err != nil {
		return nil, err
	}
	if a.sources, err = db.Sources(ctx); err != nil {
		return nil, err
	}
	if a.labels, err = db.AnalysedSources(ctx); err != nil {
		return nil, err
	}
	if a.articles, err = db.CountArticles(ctx); err != nil {
		return nil, err
	}
	if a.timeline, err = db.ScreenTimeline(ctx, schema); err != nil {
		return nil, err
	}
	a.blindspots = timeline.Blindspots(a.timeline, a.labels)
	if a.copies, err = db.CountCopies(ctx); err != nil {
		return nil, err
	}
	for themes := range 2 {
		for all := range 2 {
			if a.matrix[themes][all], err = db.CoverageMatrix(ctx, themes == 1, all == 1); err != nil {
				return nil, err
			}
		}
	}
	for all := range 2 {
		if a.words[all], err = db.SourceWords(ctx, all == 1); err != nil {
			return nil, err
		}
	}
	for _, c := range a.matrix[0][1] { // the timeline's evidence: every sentence, copies too
		a.evidence[[2]string{c.Key, c.Source}] = c.Sentences
	}
	if a.people, err = db.PeopleBrief(ctx, schema, data.ScreenBrief); err != nil {
		return nil, err
	}
	for _, act := range a.people.Actors {
		if act.Kind == timeline.Person && len(a.personIDs) < peopleColumns {
			a.personIDs, a.personNames = append(a.personIDs, act.ID), append(a.personNames, act.Name)
		}
	}
	if len(a.personIDs) > 0 { // (no ids would read every actor's sums)
		for all := range 2 {
			if a.personSums[all], err = db.ActorSources(ctx, a.personIDs, all == 1); err != nil {
				return nil, err
			}
		}
	}
	return a, nil
}

// copyIndex is the index of the coverage sums for the copies toggle.
func (a *analysis) copyIndex() int { return boolIndex(a.countCopies) }

// boolIndex is 1 for true, 0 for false.
func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// phaseEvidence is how many evidence sentences a phase has, all sources.
func (a *analysis) phaseEvidence(phase string) int {
	n := 0
	for _, src := range a.labels {
		n += a.evidence[[2]string{phase, src}]
	}
	return n
}

// cellKey is one cell of the coverage matrix: a source and a phase, theme
// or person.
type cellKey struct{ source, key string }

// cellSum is a cell's sentences and words, and its source's words.
type cellSum struct {
	sentences, words, total int
}

// matrixCells are the stored coverage sums by cell.
func matrixCells(cells []data.SourceCell) map[cellKey]cellSum {
	out := make(map[cellKey]cellSum, len(cells))
	for _, c := range cells {
		out[cellKey{c.Source, c.Key}] = cellSum{sentences: c.Sentences, words: c.Words, total: c.SourceWords}
	}
	return out
}

// personCellSums are the people's stored sums by cell, with their
// sources' words.
func personCellSums(sums []data.ActorSourceCell, words map[string]int) map[cellKey]cellSum {
	out := make(map[cellKey]cellSum, len(sums))
	for _, c := range sums {
		out[cellKey{c.Source, c.Actor}] = cellSum{sentences: c.Sentences, words: c.Words, total: words[c.Source]}
	}
	return out
}

func (s cellSum) share() float64 {
	if s.total == 0 {
		return 0
	}
	return float64(s.words) / float64(s.total)
}
