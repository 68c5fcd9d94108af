package timeline

import (
	"sort"
	"time"
)

// MinConfidence is the default confidence a sentence's phase needs to count
// as the article reporting that phase.
const MinConfidence = 0.3

// Evidence is one sentence that reports a phase.
type Evidence struct {
	Source     string
	File       string
	Sentence   int // index in its article
	Text       string
	Confidence float64
	Times      []TimeMention
}

// Bound is one end of a phase's time span and the source that supports it.
type Bound struct {
	Time   time.Time
	Source string
	File   string
	Text   string // the time expression
}

// TimelinePhase is one phase of the merged timeline.
type TimelinePhase struct {
	ID, Label string
	Order     int // canonical order in the schema
	Start     *Bound
	End       *Bound
	Durations []Evidence // sentences stating how long the phase took
	Sources   []string   // sources reporting the phase, sorted
	Evidence  []Evidence // by source, then position in the article
}

// Timeline is the event rebuilt from all sources.
type Timeline struct {
	Phases []TimelinePhase // in event order
	// Narrative is each source's own order of telling: the phases by first
	// mention in its articles.
	Narrative map[string][]string
}

// BuildTimeline merges analysed articles into one ordered timeline. Phases
// are ordered by resolved clock times where sources give them, otherwise by
// the schema's canonical order.
func (s *Schema) BuildTimeline(arts []AnalyzedArticle, minConfidence float64) Timeline {
	b := s.NewTimelineBuilder(minConfidence)
	b.evidence = map[string]int{}
	for ai := range arts {
		for si := range arts[ai].Sentences {
			if sent := &arts[ai].Sentences[si]; sent.Phase != "" && sent.Confidence >= minConfidence {
				b.evidence[sent.Phase]++
				for _, id := range sent.Also {
					b.evidence[id]++
				}
			}
		}
	}
	for _, a := range arts {
		b.Add(a)
	}
	return b.Timeline()
}

// applyRelativeOrder lets sources' relative cues move phases without clock
// times: when at least minVotes more sentences place phase A after phase B
// than before it, and the order says otherwise, A moves to just after B.
// Constraints are taken strongest first; one that a stronger one
// contradicts is skipped.
func applyRelativeOrder(ps []TimelinePhase, votes map[[2]string]int, minVotes int) {
	type constraint struct {
		earlier, later string
		net            int
	}
	var cs []constraint
	for k, v := range votes {
		if net := v - votes[[2]string{k[1], k[0]}]; net >= minVotes {
			cs = append(cs, constraint{k[0], k[1], net})
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].net != cs[j].net {
			return cs[i].net > cs[j].net
		}
		return cs[i].earlier+cs[i].later < cs[j].earlier+cs[j].later
	})
	index := func(id string) int {
		for i, p := range ps {
			if p.ID == id {
				return i
			}
		}
		return -1
	}
	fixed := map[[2]string]bool{} // pairs settled by stronger constraints
	for _, c := range cs {
		e, l := index(c.earlier), index(c.later)
		if e < 0 || l < 0 || e < l || fixed[[2]string{c.later, c.earlier}] {
			fixed[[2]string{c.earlier, c.later}] = true
			continue
		}
		if ps[l].Start != nil && ps[e].Start != nil {
			continue // clock times outrank relative cues
		}
		moved := ps[l]
		copy(ps[l:e], ps[l+1:e+1])
		ps[e] = moved
		fixed[[2]string{c.earlier, c.later}] = true
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// addTimes widens the phase's span with the sentence's resolved clock times
// and keeps its measured durations.
func (tp *TimelinePhase) addTimes(a AnalyzedArticle, ev Evidence) {
	measured := false
	for _, tm := range ev.Times {
		switch {
		case tm.Kind == TimeClock && tm.Resolved:
			tp.widen(Bound{Time: tm.Time, Source: a.Source, File: a.File, Text: tm.Text})
		case tm.Kind == TimeDuration && !tm.Expected && !tm.Shift:
			// A delay or an offset ("two hours later than the
			// timetable had foreseen") is no length of the phase.
			measured = true
		}
	}
	if measured {
		tp.Durations = append(tp.Durations, ev)
	}
}

// widen stretches the phase's span to take in b.
func (tp *TimelinePhase) widen(b Bound) {
	if tp.Start == nil || b.Time.Before(tp.Start.Time) {
		bb := b
		tp.Start = &bb
	}
	if tp.End == nil || b.Time.After(tp.End.Time) {
		bb := b
		tp.End = &bb
	}
}

// closeSpan extends a phase known only by its start with the longest
// measured duration a source gives for it.
func (tp *TimelinePhase) closeSpan() {
	if tp.Start == nil || !tp.End.Time.Equal(tp.Start.Time) {
		return
	}
	var best time.Duration
	var from Evidence
	var text string
	for _, ev := range tp.Durations {
		for _, tm := range ev.Times {
			if tm.Kind == TimeDuration && !tm.Expected && !tm.Shift && tm.Duration > best && tm.Duration <= 24*time.Hour {
				best, from, text = tm.Duration, ev, tm.Text
			}
		}
	}
	if best > 0 {
		tp.End = &Bound{Time: tp.Start.Time.Add(best), Source: from.Source, File: from.File, Text: text}
	}
}

// orderPhases sorts phases canonically, then lets phases with known start
// times trade places among the slots that timed phases occupy.
func orderPhases(ps []TimelinePhase) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Order < ps[j].Order })
	var slots []int
	var timed []TimelinePhase
	for i, p := range ps {
		if p.Start != nil {
			slots = append(slots, i)
			timed = append(timed, p)
		}
	}
	sort.SliceStable(timed, func(i, j int) bool { return timed[i].Start.Time.Before(timed[j].Start.Time) })
	for k, i := range slots {
		ps[i] = timed[k]
	}
}

// CoverageCell is how much one article gave to one phase or theme.
type CoverageCell struct {
	Source    string
	File      string
	Key       string  // phase or theme id
	Sentences int     // sentences assigned
	Words     int     // their words
	Share     float64 // Words / the article's words
	First     int     // index of the first such sentence
	Position  float64 // First / number of sentences (0 = the top)
	Lede      bool    // first mention in the opening fifth of the article
	Copy      bool    // the article is a wire copy of another (see Article.CopyOf)
}

// Coverage returns, for each article and each phase it reports, the
// sentences, words and share of its text given to the phase. A sentence
// that reports two phases (arrival and motorcade, say) counts for both, so
// the rows are exactly the phases the article reports.
func (s *Schema) Coverage(arts []AnalyzedArticle, minConfidence float64) []CoverageCell {
	return cover(arts, s.PhaseIDs(), func(sent *AnalyzedSentence, buf []string) []string {
		if sent.Phase == "" || sent.Confidence < minConfidence {
			return buf // none (buf is empty): keep the buffer
		}
		return append(append(buf, sent.Phase), sent.Also...)
	})
}

// ThemeCoverage is Coverage for themes (a sentence may count for several).
func (s *Schema) ThemeCoverage(arts []AnalyzedArticle) []CoverageCell {
	ids := make([]string, len(s.Themes))
	for i, t := range s.Themes {
		ids[i] = t.ID
	}
	return cover(arts, ids, func(sent *AnalyzedSentence, _ []string) []string { return sent.Themes })
}

// cover sums, per article, the sentences and words of each key (keys
// returns a sentence's keys, appending to buf when it must build them).
func cover(arts []AnalyzedArticle, order []string, keys func(sent *AnalyzedSentence, buf []string) []string) []CoverageCell {
	var out []CoverageCell
	at := map[string]int{} // key -> its cell in block, for one article
	var block []CoverageCell
	var buf []string
	for _, a := range arts {
		clear(at)
		block = block[:0]
		for si := range a.Sentences {
			sent := &a.Sentences[si]
			buf = keys(sent, buf[:0])
			for _, k := range buf {
				i, ok := at[k]
				if !ok {
					i = len(block)
					at[k] = i
					block = append(block, CoverageCell{Source: a.Source, File: a.File, Key: k, First: sent.Index, Copy: !a.CopyOf.IsZero()})
				}
				block[i].Sentences++
				block[i].Words += sent.WordCount
			}
		}
		for _, k := range order {
			i, ok := at[k]
			if !ok {
				continue
			}
			c := &block[i]
			if a.Words > 0 {
				c.Share = round3(float64(c.Words) / float64(a.Words))
			}
			if n := len(a.Sentences); n > 0 {
				c.Position = round3(float64(c.First) / float64(n))
				c.Lede = c.Position < 0.2
			}
			out = append(out, *c)
		}
	}
	return out
}

// Blindspots returns, per source, the phases that most sources report
// (at least half, and at least two) but that source does not.
func Blindspots(tl Timeline, sources []string) map[string][]string {
	out := map[string][]string{}
	for _, p := range tl.Phases {
		if len(p.Sources) < 2 || 2*len(p.Sources) < len(sources) {
			continue
		}
		// A set: with thousands of sources, looking each up in the list
		// took most of a window's load.
		reported := make(map[string]bool, len(p.Sources))
		for _, src := range p.Sources {
			reported[src] = true
		}
		for _, src := range sources {
			if !reported[src] {
				out[src] = append(out[src], p.ID)
			}
		}
	}
	return out
}

// sortBySource sorts evidence by source, keeping the order within a source
// (a stable sort, by buckets: every source is in sources, sorted).
func sortBySource(ev []Evidence, sources []string) {
	if len(sources) < 2 {
		return
	}
	rank := make(map[string]int, len(sources))
	for i, s := range sources {
		rank[s] = i
	}
	at := make([]int, len(sources)+1) // where each source's bucket starts
	for _, e := range ev {
		at[rank[e.Source]+1]++
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	sorted := make([]Evidence, len(ev))
	for _, e := range ev {
		r := rank[e.Source]
		sorted[at[r]] = e
		at[r]++
	}
	copy(ev, sorted)
}
