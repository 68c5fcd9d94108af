package timeline

import "sort"

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
}

// NewTimelineBuilder starts a timeline; Add the articles in corpus order
// (by source, then file), then call Timeline.
func (s *Schema) NewTimelineBuilder(minConfidence float64) *TimelineBuilder {
	return &TimelineBuilder{s: s, minConfidence: minConfidence, byID: map[string]*TimelinePhase{},
		kept: map[[2]string]int{}, reported: map[[2]string]bool{}, tl: Timeline{Narrative: map[string][]string{}}, votes: map[[2]string]int{}}
}

// Add merges one analysed article.
func (b *TimelineBuilder) Add(a AnalyzedArticle) {
	seen := map[string]bool{}
	for _, p := range b.tl.Narrative[a.Source] {
		seen[p] = true
	}
	for _, sent := range a.Sentences {
		if sent.Phase == "" || sent.Confidence < b.minConfidence {
			continue
		}
		if sent.After != "" {
			b.votes[[2]string{sent.After, sent.Phase}]++
		}
		if sent.Before != "" {
			b.votes[[2]string{sent.Phase, sent.Before}]++
		}
		for k, id := range append([]string{sent.Phase}, sent.Also...) {
			tp := b.byID[id]
			if tp == nil {
				ph := b.s.Phase(id)
				tp = &TimelinePhase{ID: id, Label: ph.Label, Order: ph.Order}
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
			if k == 0 { // times belong to the sentence's main phase
				tp.addTimes(a, ev)
			}
		}
	}
}

// Timeline orders the phases and returns the merged timeline.
func (b *TimelineBuilder) Timeline() Timeline {
	tl := b.tl
	tl.Phases = nil
	for _, tp := range b.byID {
		sort.Strings(tp.Sources)
		sort.SliceStable(tp.Evidence, func(i, j int) bool { return tp.Evidence[i].Source < tp.Evidence[j].Source })
		tp.closeSpan()
		tl.Phases = append(tl.Phases, *tp)
	}
	orderPhases(tl.Phases)
	applyRelativeOrder(tl.Phases, b.votes, max(1, len(tl.Narrative)/3))
	return tl
}
