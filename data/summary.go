package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// ScreenEvidence is how many evidence sentences per source and phase the
// screen timeline keeps.
const ScreenEvidence = 8

// The screen timeline is rebuilt from summaries kept up to date as
// analyses are stored (migration 007): which articles of each source
// report each phase, in corpus order (phase_articles), the phases' clock
// times and durations (phase_times) and the relative cues (phase_votes).
// Three queries read the evidence: each source's phases' first articles
// (an indexed look-up per source and phase, in one statement), those
// articles' stored results, and the text of the sentences chosen. Their
// size, and the timeline's cost, grow with the sources and phases, not
// with the corpus.
const (
	// Each source's phases with, for each, its first articles in corpus
	// order (?1 of them: each reports at least one sentence of the phase,
	// so they are enough for ?1 evidence sentences): an indexed look-up
	// per source and phase, in one statement. The picks go through JSON:
	// SQLite has no LATERAL join, and a correlated subquery gives one value.
	qScreenPicks = `SELECT s.id, s.label, c.key, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3
		FROM sources s CROSS JOIN coverage_sources c ON c.source_id = s.id AND c.kind = 0 AND c.articles > 0
		CROSS JOIN json_each((SELECT json_group_array(json_array(p.file, p.article_id, p.sentences, p.first)) FROM
			(SELECT file, article_id, sentences, first FROM phase_articles WHERE source_id = c.source_id AND phase = c.key
				ORDER BY file, article_id LIMIT ?1) p)) j
		ORDER BY s.label COLLATE NOCASE, s.id, c.key, j.key`
	// The stored results of articles given as a JSON array of ids.
	qArticleResults = `SELECT aa.article_id, aa.results FROM json_each(?) k CROSS JOIN article_analysis aa ON aa.article_id = k.value`
	// The text of sentences given as a JSON array of [article id, seq].
	qSentenceTexts = `SELECT t.article_id, t.seq, t.text FROM json_each(?) k
		CROSS JOIN sentences t ON t.article_id = k.value ->> 0 AND t.seq = k.value ->> 1`
	// The earliest (latest) time of a phase, the first in corpus order on
	// ties: the bound the builder keeps.
	qPhaseBound = `SELECT s.label, a.file, pt.article_id, pt.seq, pt.k, pt.t
		FROM phase_times pt CROSS JOIN articles a ON a.id = pt.article_id CROSS JOIN sources s ON s.id = a.source_id
		WHERE pt.phase = ?1 AND pt.kind = ?2 AND pt.t = (SELECT %s(t) FROM phase_times WHERE phase = ?1 AND kind = ?2 AND t <= ?3)
		ORDER BY s.label COLLATE NOCASE, a.file, a.id, pt.seq, pt.k LIMIT 1`
)

// screenSource is one source with the phases it reports, each with its
// first articles.
type screenSource struct {
	id     int64
	label  string
	phases []screenPhase
}

// screenPhase is a phase of a source with its first articles, in corpus
// order: enough for the evidence.
type screenPhase struct {
	id    string
	picks []pickedArticle
}

// pickedArticle is an article of a source that reports a phase.
type pickedArticle struct {
	article int64
	file    string
	first   int // its first sentence of the phase
}

// evidenceRow is a phase sentence of an article, as stored.
type evidenceRow struct {
	seq   int
	phase string
	conf  float64
	also  []string
	times json.RawMessage // storedTimes, if any
}

// sentenceKey is a sentence by its article and place.
type sentenceKey struct {
	article int64
	seq     int
}

// ScreenTimeline returns the timeline with at most ScreenEvidence evidence
// sentences per source and phase; its Durations are the sentences among
// that evidence that state how long their phase took (spans still use
// every duration). The rest is what StoredTimeline gives. Call Refresh
// first.
func (d *DB) ScreenTimeline(ctx context.Context, schema *timeline.Schema) (timeline.Timeline, error) {
	return d.SummaryTimeline(ctx, schema, ScreenEvidence)
}

// SummaryTimeline is ScreenTimeline with perSource (at least 1) evidence
// sentences per source and phase.
func (d *DB) SummaryTimeline(ctx context.Context, schema *timeline.Schema, perSource int) (timeline.Timeline, error) {
	tl, err := d.summaryTimeline(ctx, schema, max(perSource, 1))
	if err != nil {
		return timeline.Timeline{}, d.describe(err)
	}
	return tl, nil
}

func (d *DB) summaryTimeline(ctx context.Context, schema *timeline.Schema, perSource int) (timeline.Timeline, error) {
	tl := timeline.Timeline{Narrative: map[string][]string{}}
	sources, err := d.screenPicks(ctx, perSource)
	if err != nil {
		return tl, err
	}
	articles, err := d.phaseSentences(ctx, sources)
	if err != nil {
		return tl, err
	}
	type choice struct {
		file    string
		article int64
		row     evidenceRow
	}
	chosen := make([][][]choice, len(sources)) // per source and phase, in corpus order
	texts := map[sentenceKey]string{}
	byID := map[string]*timeline.TimelinePhase{}
	for si, src := range sources { // corpus order
		type first struct {
			file    string
			article int64
			order   int // the first sentence
			tie     int // the phase's place among the sentence's phases
		}
		firsts := map[string]first{}
		chosen[si] = make([][]choice, len(src.phases))
		for i, sp := range src.phases {
			phase := sp.id
			tp := byID[phase]
			if tp == nil {
				ph := schema.Phase(phase)
				if ph == nil {
					return tl, fmt.Errorf("phase %q is not in the schema: re-analyse", phase)
				}
				tp = &timeline.TimelinePhase{ID: phase, Label: ph.Label, Order: ph.Order}
				byID[phase] = tp
			}
			tp.Sources = append(tp.Sources, src.label)
			for k, pa := range sp.picks {
				rows := articles[pa.article]
				if k == 0 {
					f := first{file: pa.file, article: pa.article, order: pa.first}
					for _, r := range rows {
						if r.seq == f.order {
							if r.phase != phase {
								f.tie = 1 + indexOf(r.also, phase)
							}
							break
						}
					}
					firsts[phase] = f
				}
				for _, r := range rows {
					if len(chosen[si][i]) >= perSource {
						break
					}
					if r.phase == phase || contains(r.also, phase) {
						chosen[si][i] = append(chosen[si][i], choice{pa.file, pa.article, r})
						texts[sentenceKey{pa.article, r.seq}] = ""
					}
				}
			}
		}
		// The source's narrative: phases by the first article that reports
		// them (corpus order: file, then id), then the first sentence, then
		// their place in it.
		narrative := make([]string, len(src.phases))
		for i, sp := range src.phases {
			narrative[i] = sp.id
		}
		sort.Slice(narrative, func(i, j int) bool {
			a, b := firsts[narrative[i]], firsts[narrative[j]]
			if a.file != b.file {
				return a.file < b.file
			}
			if a.article != b.article {
				return a.article < b.article
			}
			if a.order != b.order {
				return a.order < b.order
			}
			return a.tie < b.tie
		})
		tl.Narrative[src.label] = narrative
	}
	// The chosen sentences' text, in one query.
	if err := d.sentenceTexts(ctx, texts); err != nil {
		return tl, err
	}
	durations := map[string][]timeline.Evidence{} // in corpus order
	evidence := map[string]map[string][]timeline.Evidence{}
	for si, src := range sources {
		for i, sp := range src.phases {
			phase := sp.id
			var kept []timeline.Evidence
			for _, c := range chosen[si][i] {
				r := c.row
				ev := timeline.Evidence{Source: src.label, File: c.file, Sentence: r.seq, Text: texts[sentenceKey{c.article, r.seq}], Confidence: r.conf}
				if len(r.times) > 0 && string(r.times) != "null" {
					if ev.Times, err = decodeTimes(r.times); err != nil {
						return tl, fmt.Errorf("stored times of article %d sentence %d: %w", c.article, r.seq, err)
					}
				}
				kept = append(kept, ev)
				if r.phase == phase && measured(ev.Times) {
					durations[phase] = append(durations[phase], ev)
				}
			}
			if evidence[phase] == nil {
				evidence[phase] = map[string][]timeline.Evidence{}
			}
			evidence[phase][src.label] = kept
		}
	}
	for id, tp := range byID {
		sort.Strings(tp.Sources)
		for _, label := range tp.Sources { // by source (byte order), as the builder sorts
			tp.Evidence = append(tp.Evidence, evidence[id][label]...)
		}
		tp.Durations = durations[id]
		if err := d.phaseSpan(ctx, tp); err != nil {
			return tl, err
		}
		tl.Phases = append(tl.Phases, *tp)
	}
	votes, err := d.phaseVotes(ctx)
	if err != nil {
		return tl, err
	}
	timeline.OrderPhases(tl.Phases, votes, len(tl.Narrative))
	return tl, nil
}

func measured(ts []timeline.TimeMention) bool {
	for _, tm := range ts {
		if tm.Kind == timeline.TimeDuration && !tm.Expected && !tm.Shift { // as TimelinePhase.addTimes
			return true
		}
	}
	return false
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return len(list)
}

// screenPicks lists, in one query, the sources that report phases in
// corpus order, each with its phases, each phase with the first articles
// (in corpus order) that give perSource of its sentences.
func (d *DB) screenPicks(ctx context.Context, perSource int) ([]screenSource, error) {
	rows, err := d.db.QueryContext(ctx, qScreenPicks, perSource)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []screenSource
	counted := 0 // the phase's sentences in the articles picked so far
	for rows.Next() {
		var (
			sourceID         int64
			label, phase     string
			pa               pickedArticle
			sentences, first int
		)
		if err := rows.Scan(&sourceID, &label, &phase, &pa.file, &pa.article, &sentences, &first); err != nil {
			return nil, err
		}
		pa.first = first
		if len(out) == 0 || out[len(out)-1].id != sourceID {
			out = append(out, screenSource{id: sourceID, label: label})
		}
		src := &out[len(out)-1]
		if len(src.phases) == 0 || src.phases[len(src.phases)-1].id != phase {
			src.phases = append(src.phases, screenPhase{id: phase})
			counted = 0
		}
		if sp := &src.phases[len(src.phases)-1]; counted < perSource {
			sp.picks = append(sp.picks, pa)
			counted += sentences
		}
	}
	return out, rows.Err()
}

// phaseSentences reads the phase sentences of the picked articles, in one
// query.
func (d *DB) phaseSentences(ctx context.Context, sources []screenSource) (map[int64][]evidenceRow, error) {
	out := map[int64][]evidenceRow{}
	var ids []int64
	for _, src := range sources {
		for _, sp := range src.phases {
			for _, pa := range sp.picks {
				if _, ok := out[pa.article]; !ok {
					out[pa.article] = nil
					ids = append(ids, pa.article)
				}
			}
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	slices.Sort(ids) // in the table's order: neighbouring look-ups share pages
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := d.db.QueryContext(ctx, qArticleResults, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var article int64
		var raw sql.RawBytes
		if err := rows.Scan(&article, &raw); err != nil {
			return nil, err
		}
		results, err := phaseResults(raw, timeline.MinConfidence)
		if err != nil {
			return nil, fmt.Errorf("stored analysis of article %d: %w", article, err)
		}
		for _, r := range results {
			out[article] = append(out[article], evidenceRow{seq: r.Seq, phase: r.Phase, conf: r.Confidence, also: splitList(r.Also),
				times: bytes.Clone(r.Times)}) // raw is reused by the next row
		}
	}
	return out, rows.Err()
}

// sentenceTexts fills texts in one query.
func (d *DB) sentenceTexts(ctx context.Context, texts map[sentenceKey]string) error {
	if len(texts) == 0 {
		return nil
	}
	keys := make([][2]int64, 0, len(texts))
	for k := range texts {
		keys = append(keys, [2]int64{k.article, int64(k.seq)})
	}
	// In the index's order: neighbouring look-ups share pages.
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	raw, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	rows, err := d.db.QueryContext(ctx, qSentenceTexts, string(raw))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k sentenceKey
		var text string
		if err := rows.Scan(&k.article, &k.seq, &text); err != nil {
			return err
		}
		texts[k] = text
	}
	return rows.Err()
}

// phaseSpan sets a phase's start and end from its clock times, extended
// by its longest measured duration when it has only one time (as the
// builder closes spans).
func (d *DB) phaseSpan(ctx context.Context, tp *timeline.TimelinePhase) error {
	start, _, err := d.phaseBound(ctx, tp.ID, "MIN", timeKindClock, 1<<62)
	if err != nil || start == nil {
		return err
	}
	end, _, err := d.phaseBound(ctx, tp.ID, "MAX", timeKindClock, 1<<62)
	if err != nil {
		return err
	}
	tp.Start, tp.End = start, end
	if !end.Time.Equal(start.Time) {
		return nil
	}
	longest, d24, err := d.phaseBound(ctx, tp.ID, "MAX", timeKindDuration, int64(24*time.Hour))
	if err != nil || longest == nil || d24 <= 0 {
		return err
	}
	tp.End = &timeline.Bound{Time: start.Time.Add(time.Duration(d24)), Source: longest.Source, File: longest.File, Text: longest.Text}
	return nil
}

// phaseBound returns the time mention of phase with the least (agg MIN)
// or greatest (MAX) value of kind up to limit, the first in corpus order
// on ties, and the value.
func (d *DB) phaseBound(ctx context.Context, phase, agg string, kind int, limit int64) (*timeline.Bound, int64, error) {
	var b timeline.Bound
	var article int64
	var seq, k int
	var t int64
	err := d.db.QueryRowContext(ctx, fmt.Sprintf(qPhaseBound, agg), phase, kind, limit).Scan(&b.Source, &b.File, &article, &seq, &k, &t)
	if err == sql.ErrNoRows {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	var raw string
	if err := d.db.QueryRowContext(ctx, `SELECT results FROM article_analysis WHERE article_id = ?`, article).Scan(&raw); err != nil {
		return nil, 0, err
	}
	results, err := decodeResults(raw)
	if err != nil {
		return nil, 0, fmt.Errorf("stored analysis of article %d: %w", article, err)
	}
	var ts []timeline.TimeMention
	for _, r := range results {
		if r.Seq == seq && r.hasTimes() {
			ts, err = decodeTimes(r.Times)
			break
		}
	}
	if err != nil || k >= len(ts) {
		return nil, 0, fmt.Errorf("stored times of article %d sentence %d: %v", article, seq, err)
	}
	b.Time, b.Text = ts[k].Time, ts[k].Text
	return &b, t, nil
}

// phaseVotes reads the relative cues.
func (d *DB) phaseVotes(ctx context.Context) (map[[2]string]int, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT earlier, later, votes FROM phase_votes`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[[2]string]int{}
	for rows.Next() {
		var a, b string
		var n int
		if err := rows.Scan(&a, &b, &n); err != nil {
			return nil, err
		}
		out[[2]string{a, b}] = n
	}
	return out, rows.Err()
}
