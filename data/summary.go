package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
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
// A few indexed look-ups per phase and source give it, whatever the size
// of the corpus.
const (
	qPhaseSources  = `SELECT c.source_id, c.key FROM coverage_sources c WHERE c.kind = 0 AND c.articles > 0`
	qPhaseArticles = `SELECT file, article_id, sentences, first FROM phase_articles WHERE source_id = ? AND phase = ? ORDER BY file, article_id`
	qPhaseEvidence = `SELECT article_id, results FROM article_analysis WHERE article_id IN (%s)`
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

// screenSource is one source with the phases it reports.
type screenSource struct {
	id     int64
	label  string
	phases []string
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
	sources, err := d.phaseSources(ctx)
	if err != nil {
		return tl, err
	}
	// The statement run per source and phase, prepared once.
	pickStmt, err := d.db.PrepareContext(ctx, qPhaseArticles)
	if err != nil {
		return tl, err
	}
	defer pickStmt.Close()
	byID := map[string]*timeline.TimelinePhase{}
	durations := map[string][]timeline.Evidence{} // in corpus order
	evidence := map[string]map[string][]timeline.Evidence{}
	for _, src := range sources { // corpus order
		// The first articles (in corpus order) of each phase, then all
		// their phase sentences in one query.
		picks := make([][]pickedArticle, len(src.phases))
		var ids []int64
		for i, phase := range src.phases {
			if picks[i], err = phaseArticles(ctx, pickStmt, src.id, phase, perSource); err != nil {
				return tl, err
			}
			for _, pa := range picks[i] {
				ids = append(ids, pa.article)
			}
		}
		articles, err := d.phaseSentences(ctx, ids)
		if err != nil {
			return tl, err
		}
		type first struct {
			file    string
			article int64
			order   int // the first sentence
			tie     int // the phase's place among the sentence's phases
		}
		firsts := map[string]first{}
		type choice struct {
			file    string
			article int64
			row     evidenceRow
		}
		chosen := make([][]choice, len(src.phases)) // evidence per phase, in corpus order
		texts := map[sentenceKey]string{}
		for i, phase := range src.phases {
			tp := byID[phase]
			if tp == nil {
				ph := schema.Phase(phase)
				if ph == nil {
					return tl, fmt.Errorf("phase %q is not in the schema: re-analyse", phase)
				}
				tp = &timeline.TimelinePhase{ID: phase, Label: ph.Label, Order: ph.Order}
				byID[phase] = tp
				evidence[phase] = map[string][]timeline.Evidence{}
			}
			tp.Sources = append(tp.Sources, src.label)
			for k, pa := range picks[i] {
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
					if len(chosen[i]) >= perSource {
						break
					}
					if r.phase == phase || contains(r.also, phase) {
						chosen[i] = append(chosen[i], choice{pa.file, pa.article, r})
						texts[sentenceKey{pa.article, r.seq}] = ""
					}
				}
			}
		}
		// The chosen sentences' text, in one query.
		if err := d.sentenceTexts(ctx, texts); err != nil {
			return tl, err
		}
		for i, phase := range src.phases {
			var kept []timeline.Evidence
			for _, c := range chosen[i] {
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
			evidence[phase][src.label] = kept
		}
		// The source's narrative: phases by the first article that reports
		// them (corpus order: file, then id), then the first sentence, then
		// their place in it.
		narrative := append([]string(nil), src.phases...)
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

// phaseSources lists the sources that report phases, in corpus order, with
// their phases.
func (d *DB) phaseSources(ctx context.Context) ([]screenSource, error) {
	rows, err := d.db.QueryContext(ctx, qPhaseSources)
	if err != nil {
		return nil, err
	}
	phases := map[int64][]string{}
	for rows.Next() {
		var id int64
		var key string
		if err := rows.Scan(&id, &key); err != nil {
			rows.Close()
			return nil, err
		}
		phases[id] = append(phases[id], key)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = d.db.QueryContext(ctx, `SELECT id, label FROM sources ORDER BY label COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []screenSource
	for rows.Next() {
		var s screenSource
		if err := rows.Scan(&s.id, &s.label); err != nil {
			return nil, err
		}
		if s.phases = phases[s.id]; len(s.phases) > 0 {
			out = append(out, s)
		}
	}
	return out, rows.Err()
}

// pickedArticle is an article of a source that reports a phase.
type pickedArticle struct {
	article int64
	file    string
	first   int
}

// phaseArticles returns the first articles of a source, in corpus order,
// that report phase: enough for want of its sentences.
func phaseArticles(ctx context.Context, stmt *sql.Stmt, source int64, phase string, want int) ([]pickedArticle, error) {
	rows, err := stmt.QueryContext(ctx, source, phase)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []pickedArticle
	for n := 0; n < want && rows.Next(); {
		var p pickedArticle
		var sentences int
		if err := rows.Scan(&p.file, &p.article, &sentences, &p.first); err != nil {
			return nil, err
		}
		out = append(out, p)
		n += sentences
	}
	return out, rows.Err()
}

// phaseSentences reads the phase sentences of articles.
func (d *DB) phaseSentences(ctx context.Context, ids []int64) (map[int64][]evidenceRow, error) {
	out := map[int64][]evidenceRow{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, 0, len(ids))
	for _, id := range ids {
		args = append(args, id)
	}
	rows, err := d.db.QueryContext(ctx, fmt.Sprintf(qPhaseEvidence, `?`+strings.Repeat(",?", len(ids)-1)), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var article int64
		var raw []byte
		if err := rows.Scan(&article, &raw); err != nil {
			return nil, err
		}
		results, err := decodeResults(string(raw))
		if err != nil {
			return nil, fmt.Errorf("stored analysis of article %d: %w", article, err)
		}
		for _, r := range results {
			if r.Phase != "" && r.Confidence >= timeline.MinConfidence {
				out[article] = append(out[article], evidenceRow{seq: r.Seq, phase: r.Phase, conf: r.Confidence, also: splitList(r.Also), times: r.Times})
			}
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
