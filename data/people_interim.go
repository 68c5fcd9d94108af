package data

// INTERIM: this file stands in for the stored corpus stage (branch people8,
// data/people*.go, migration 009) so that the window can be built and
// tested against the contract (docs: the people-api brief) meanwhile. It
// computes everything from d.Report, which loads every article: slow and
// memory-hungry on a large corpus. The lead deletes this file when merging
// people8, whose implementation keeps the same types and methods.

import (
	"context"
	"fmt"
	"sync"

	"github.com/newsreel/newsreel/timeline"
)

// People is the corpus-level stage of the analysis — actors (with the
// user's edits replayed), quotations clustered across sources, and claims'
// discrepancies — as stored after the last refresh. (INTERIM: computed.)
type People struct {
	Actors        []timeline.Actor        // in timeline.FindActors order (people first, most mentioned first)
	Clusters      []timeline.QuoteCluster // in timeline.ClusterQuotes order, Variants filled
	Discrepancies []timeline.Discrepancy  // as timeline.FindDiscrepancies gives them
}

// ActorCell is one actor in one article: what the actors CSV and the
// screens sum.
type ActorCell struct {
	Actor       string // timeline.Actor.ID
	Source      string // source label
	File        string
	Copy        bool // the article is a wire copy (see Report.Counts / CountCopies)
	Mentions    int
	Sentences   int // sentences mentioning the actor
	Words       int // words of those sentences
	QuotedWords int // words quoted from the actor in this article
}

// interimPeople is the last computed stage (INTERIM), valid while the
// analysis mark and the actor edits are what they were.
type interimPeople struct {
	mu     sync.Mutex
	mark   string
	people *People
	cells  []ActorCell
}

var interimCache sync.Map // *DB → *interimPeople

// interimStage returns the stage computed from the whole Report (INTERIM).
func (d *DB) interimStage(ctx context.Context, schema *timeline.Schema) (*interimPeople, error) {
	v, _ := interimCache.LoadOrStore(d, &interimPeople{})
	st := v.(*interimPeople)
	st.mu.Lock()
	defer st.mu.Unlock()
	if schema == nil {
		s, _, err := d.analysisSchema()
		if err != nil {
			return nil, err
		}
		schema = s
	}
	if err := d.Refresh(ctx, schema, nil); err != nil {
		return nil, err
	}
	mark, err := d.freshMark(ctx, schema.Hash())
	if err != nil {
		return nil, err
	}
	edits, err := d.ActorEdits(ctx)
	if err != nil {
		return nil, err
	}
	mark += fmt.Sprintf("/edits %d", len(edits))
	if len(edits) > 0 {
		mark += fmt.Sprintf(" up to %d", edits[len(edits)-1].ID)
	}
	if st.people != nil && st.mark == mark {
		return st, nil
	}
	r, err := d.Report(ctx, schema)
	if err != nil {
		return nil, err
	}
	st.people = &People{Actors: r.Actors.List, Clusters: r.Clusters, Discrepancies: r.Discrepancies}
	st.cells = interimCells(r)
	st.mark = mark
	return st, nil
}

// interimCells sums the report's mentions and quotations per actor and
// article, in corpus order.
func interimCells(r *timeline.Report) []ActorCell {
	type key struct {
		actor   string
		article int
	}
	cells := map[key]*ActorCell{}
	var order []key
	cell := func(actor string, article int) *ActorCell {
		k := key{actor, article}
		c := cells[k]
		if c == nil {
			a := r.Articles[article]
			c = &ActorCell{Actor: actor, Source: a.Source, File: a.File, Copy: !a.CopyOf.IsZero()}
			cells[k] = c
			order = append(order, k)
		}
		return c
	}
	seen := map[[2]int]map[string]bool{}
	for _, m := range r.Actors.Mentions {
		c := cell(m.Actor, m.Article)
		c.Mentions++
		s := [2]int{m.Article, m.Sentence}
		if seen[s] == nil {
			seen[s] = map[string]bool{}
		}
		if !seen[s][m.Actor] {
			seen[s][m.Actor] = true
			c.Sentences++
			c.Words += r.Articles[m.Article].Sentences[m.Sentence].WordCount
		}
	}
	for _, q := range r.Quotes {
		if q.Speaker != "" {
			cell(q.Speaker, q.Article).QuotedWords += q.Words
		}
	}
	// Corpus order: by article, then actor as first met.
	out := make([]ActorCell, 0, len(order))
	byArticle := make([][]key, len(r.Articles))
	for _, k := range order {
		byArticle[k.article] = append(byArticle[k.article], k)
	}
	for _, ks := range byArticle {
		for _, k := range ks {
			out = append(out, *cells[k])
		}
	}
	return out
}

// RefreshPeople brings the stored corpus stage up to date (after Refresh),
// reporting progress. (INTERIM: recomputes from the Report.)
func (d *DB) RefreshPeople(ctx context.Context, schema *timeline.Schema, progress Progress) error {
	_, err := d.interimStage(ctx, schema)
	return err
}

// People reads the stored corpus stage (calls RefreshPeople first if it is
// stale). (INTERIM.)
func (d *DB) People(ctx context.Context, schema *timeline.Schema) (*People, error) {
	st, err := d.interimStage(ctx, schema)
	if err != nil {
		return nil, err
	}
	return st.people, nil
}

// ActorCells returns the cells of the given actors (all actors when ids is
// empty), in corpus order. (INTERIM.)
func (d *DB) ActorCells(ctx context.Context, ids []string) ([]ActorCell, error) {
	st, err := d.interimStage(ctx, nil)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []ActorCell
	for _, c := range st.cells {
		if len(ids) == 0 || want[c.Actor] {
			out = append(out, c)
		}
	}
	return out, nil
}

// ActorSentences returns the sentences of one source that mention the
// actor, as evidence, in corpus order. (INTERIM: runs the whole Report.)
func (d *DB) ActorSentences(ctx context.Context, actor, source string) ([]timeline.Evidence, error) {
	schema, _, err := d.analysisSchema()
	if err != nil {
		return nil, err
	}
	r, err := d.Report(ctx, schema)
	if err != nil {
		return nil, err
	}
	var out []timeline.Evidence
	seen := map[[2]int]bool{}
	for _, m := range r.Actors.Mentions {
		a := r.Articles[m.Article]
		if m.Actor != actor || a.Source != source || seen[[2]int{m.Article, m.Sentence}] {
			continue
		}
		seen[[2]int{m.Article, m.Sentence}] = true
		s := a.Sentences[m.Sentence]
		out = append(out, timeline.Evidence{Source: a.Source, File: a.File, Sentence: s.Index, Text: s.Text, Confidence: s.Confidence, Times: s.Times})
	}
	return out, nil
}

// QuotedWords returns the words quoted from one actor, summed per source.
// (INTERIM.)
func (d *DB) QuotedWords(ctx context.Context, actor string) (map[string]int, error) {
	st, err := d.interimStage(ctx, nil)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, c := range st.cells {
		if c.Actor == actor && c.QuotedWords > 0 {
			out[c.Source] += c.QuotedWords
		}
	}
	return out, nil
}
