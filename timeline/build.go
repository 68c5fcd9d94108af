package timeline

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// TimelineBuilder merges analysed articles into a timeline one article at
// a time, so a store can stream them (BuildTimeline feeds it a slice).
// Only sentences that report a phase matter: an article may be given with
// just those.
type TimelineBuilder struct {
	s             *Schema
	minConfidence float64
	// EvidencePerSource, when positive, keeps at most this many evidence
	// sentences per phase and source (spans, sources and narrative still
	// use every sentence).
	EvidencePerSource int
	byID              map[string]*TimelinePhase
	kept              map[[2]string]int
	reported          map[[2]string]bool // (phase, source) already in Sources
	tl                Timeline
	votes             map[[2]string]int
	// moved are clock times a sentence gives for another phase's start
	// or end ("where the first session opened at 12:45 p.m." in a
	// sentence about the motorcade), by phase.
	moved map[string][]Bound
	// evidence is how many evidence sentences each phase will get, when
	// known beforehand (BuildTimeline counts them): its slice is made
	// once.
	evidence map[string]int
	seen     map[string]bool // the phases the current article's source has told
}

// NewTimelineBuilder starts a timeline; Add the articles in corpus order
// (by source, then file), then call Timeline.
func (s *Schema) NewTimelineBuilder(minConfidence float64) *TimelineBuilder {
	return &TimelineBuilder{s: s, minConfidence: minConfidence, byID: map[string]*TimelinePhase{},
		kept: map[[2]string]int{}, reported: map[[2]string]bool{}, tl: Timeline{Narrative: map[string][]string{}}, votes: map[[2]string]int{},
		moved: map[string][]Bound{}}
}

// Add merges one analysed article.
func (b *TimelineBuilder) Add(a AnalyzedArticle) {
	if b.seen == nil {
		b.seen = map[string]bool{}
	}
	seen := b.seen
	clear(seen)
	for _, p := range b.tl.Narrative[a.Source] {
		seen[p] = true
	}
	for si := range a.Sentences {
		sent := &a.Sentences[si]
		if sent.Phase == "" || sent.Confidence < b.minConfidence {
			continue
		}
		if sent.After != "" {
			b.votes[[2]string{sent.After, sent.Phase}]++
		}
		if sent.Before != "" {
			b.votes[[2]string{sent.Phase, sent.Before}]++
		}
		for k := -1; k < len(sent.Also); k++ { // the phase, then the others
			id := sent.Phase
			if k >= 0 {
				id = sent.Also[k]
			}
			tp := b.byID[id]
			if tp == nil {
				ph := b.s.Phase(id)
				tp = &TimelinePhase{ID: id, Label: ph.Label, Order: ph.Order}
				if n := b.evidence[id]; n > 0 && b.EvidencePerSource <= 0 {
					tp.Evidence = make([]Evidence, 0, n)
				}
				b.byID[id] = tp
			}
			ev := Evidence{Source: a.Source, File: a.File, Sentence: sent.Index, Text: sent.Text, Confidence: sent.Confidence, Times: sent.Times}
			if key := [2]string{id, a.Source}; b.EvidencePerSource <= 0 || b.kept[key] < b.EvidencePerSource {
				b.kept[key]++
				tp.Evidence = append(tp.Evidence, ev)
			}
			if key := [2]string{id, a.Source}; !b.reported[key] {
				b.reported[key] = true
				tp.Sources = append(tp.Sources, a.Source)
			}
			if !seen[id] {
				seen[id] = true
				b.tl.Narrative[a.Source] = append(b.tl.Narrative[a.Source], id)
			}
			if k < 0 { // times belong to the sentence's main phase
				own, moved := b.s.splitTimes(ev, id)
				tp.addTimes(a, own)
				for phase, tms := range moved {
					for _, tm := range tms {
						b.moved[phase] = append(b.moved[phase], Bound{Time: tm.Time, Source: a.Source, File: a.File, Text: tm.Text})
					}
				}
			}
		}
	}
}

// Timeline orders the phases and returns the merged timeline.
func (b *TimelineBuilder) Timeline() Timeline {
	tl := b.tl
	tl.Phases = nil
	for id, bounds := range b.moved {
		if tp := b.byID[id]; tp != nil {
			for _, bd := range bounds {
				tp.widen(bd)
			}
		}
	}
	b.moved = map[string][]Bound{}
	for _, tp := range b.byID {
		sort.Strings(tp.Sources)
		sortEvidenceBySource(tp.Evidence)
		tp.closeSpan()
		tl.Phases = append(tl.Phases, *tp)
	}
	orderPhases(tl.Phases)
	applyRelativeOrder(tl.Phases, b.votes, max(1, len(tl.Narrative)/3))
	return tl
}

// sortEvidenceBySource sorts evidence by source, stably (as
// sort.SliceStable would): the positions are sorted and the evidence
// moved once, in place, instead of swapping the large values through reflection
// again and again.
func sortEvidenceBySource(ev []Evidence) {
	if sort.SliceIsSorted(ev, func(i, j int) bool { return ev[i].Source < ev[j].Source }) {
		return
	}
	at := make([]int32, len(ev))
	for i := range at {
		at[i] = int32(i)
	}
	slices.SortStableFunc(at, func(a, b int32) int { return strings.Compare(ev[a].Source, ev[b].Source) })
	// Position k takes the value at at[k]: follow each cycle of moves,
	// marking the positions done.
	for k := range at {
		if int(at[k]) == k {
			continue
		}
		held, j := ev[k], k
		for {
			from := int(at[j])
			at[j] = int32(j)
			if from == k {
				ev[j] = held
				break
			}
			ev[j] = ev[from]
			j = from
		}
	}
}

// PhaseTime is one time a sentence gives a phase's span: a resolved clock
// time (Clock set) or a measured length (Duration set).
type PhaseTime struct {
	Phase    string
	Index    int // the mention's index in the sentence's Times
	Clock    time.Time
	Duration time.Duration
}

// PhaseTimes lists what a sentence of the timeline (Phase set, confident)
// adds to phase spans, as TimelineBuilder uses it: its clock times go to its
// phase unless they mark the start or end of a phase it names; its
// measured lengths (not plans, not delays or offsets) to its phase. Stores
// that keep timeline summaries use it so their spans match the builder's.
func (s *Schema) PhaseTimes(sent AnalyzedSentence) []PhaseTime {
	var out []PhaseTime
	_, moved := s.splitTimes(Evidence{Text: sent.Text, Times: sent.Times}, sent.Phase)
	movedAt := map[time.Time]string{}
	for phase, tms := range moved {
		for _, tm := range tms {
			movedAt[tm.Time] = phase
		}
	}
	for k, tm := range sent.Times {
		switch {
		case tm.Kind == TimeClock && tm.Resolved:
			phase := sent.Phase
			if p, ok := movedAt[tm.Time]; ok {
				phase = p
			}
			out = append(out, PhaseTime{Phase: phase, Index: k, Clock: tm.Time})
		case tm.Kind == TimeDuration && !tm.Expected && !tm.Shift:
			out = append(out, PhaseTime{Phase: sent.Phase, Index: k, Duration: tm.Duration})
		}
	}
	return out
}

// splitTimes parts a sentence's resolved clock times into those of its own
// phase and those that mark the start or end of a phase it names near the
// verb ("the first session opened at 12:45 p.m.", "the talks ended at
// 12:50"), by phase.
func (s *Schema) splitTimes(ev Evidence, sentPhase string) (Evidence, map[string][]TimeMention) {
	var moved map[string][]TimeMention
	var toks []token
	var hits []hit
	own := ev
	for i, tm := range ev.Times {
		if tm.Kind != TimeClock || !tm.Resolved {
			continue
		}
		if toks == nil {
			toks = tokenize(ev.Text)
			hits = s.matcher.find(toks, []hit{})
		}
		_, _, phase := s.clockMoment(toks, tm, hits)
		if phase == "" || phase == sentPhase {
			continue
		}
		if moved == nil {
			moved = map[string][]TimeMention{}
			own.Times = append([]TimeMention(nil), ev.Times...)
		}
		moved[phase] = append(moved[phase], tm)
		own.Times[i].Resolved = false // not this phase's
	}
	return own, moved
}
