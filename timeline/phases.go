package timeline

import (
	"math"
	"slices"
)

// Tuning of phase assignment. Scores are sums of cue weights (strong 2,
// cue 1, weak 0.5).
const (
	minScore        = 1.0  // a sentence needs this much to get a phase
	headingContext  = 0.4  // share of its section heading's scores a sentence inherits
	neighborContext = 0.2  // share of each paragraph neighbour's scores
	secondaryShare  = 0.6  // a second phase must reach this share of the best
	relationBoost   = 1.5  // "before the summit", "during the talks"
	relationDamp    = 0.4  // what phases on the wrong side of a relation keep
	thirdPartyBoost = 0.75 // a third-party phase with third parties present
	thirdPartyDamp  = 0.5  // a phase whose actors are absent
	fillerTokens    = 3    // words allowed between a relation word and its anchor
	// specificityBonus breaks ties in favour of a phase named by one of its
	// strong cues over one gathering generic cues.
	specificityBonus = 0.5
)

// SentencePhases is what the engine found in one sentence.
type SentencePhases struct {
	Phase      string   // the phase it reports, "" for none (background)
	Confidence float64  // 0..1
	Also       []string // other phases it reports too
	Themes     []string // themes it touches
	// After and Before name a phase the sentence places its own after or
	// before ("after the press conference, they sat down to lunch").
	After, Before string
}

// features are the raw signals of one sentence.
type features struct {
	own        []float64 // per phase, from the sentence's own cues
	specific   []bool    // per phase: a strong cue matched
	veto       []bool    // per phase
	theme      []float64 // per theme
	themeVeto  []bool
	before     bool // placed before the event
	after      bool // placed after the event
	during     []bool
	afterPh    int // after the phase with this index, or -1
	beforePh   int // before the phase with this index, or -1
	thirdParty bool
	principal  bool
}

// features finds the signals of one sentence. nums and flags are zeroed
// storage for its scores (phases plus themes) and flags (three per phase
// plus one per theme); hits is scratch space, returned for reuse.
func (s *Schema) features(text string, toks []token, cast Cast, hits []hit, nums []float64, flags []bool) (features, []hit) {
	hits = s.matcher.find(toks, hits[:0])
	np := len(s.Phases)
	f := features{
		own: nums[:np:np], veto: flags[:np:np], during: flags[np : 2*np : 2*np], specific: flags[2*np : 3*np : 3*np],
		theme: nums[np:], themeVeto: flags[3*np:], afterPh: -1, beforePh: -1,
	}
	// seen: whether an earlier hit found the same cue (a scan while hits
	// are few, a map past that).
	var seenMap map[*cue]bool
	if len(hits) > 32 {
		seenMap = make(map[*cue]bool, len(hits))
	}
	for k, h := range hits {
		c := h.cue
		seen := false
		if seenMap != nil {
			seen = seenMap[c]
			seenMap[c] = true
		} else {
			for _, o := range hits[:k] {
				if o.cue == c {
					seen = true
					break
				}
			}
		}
		switch c.kind {
		case kindPhase:
			// A cue inside a longer cue of the same phase ("told" in "told
			// reporters") adds nothing: the phrase counts once.
			if !seen && !coveredBy(hits, k) {
				f.own[c.target] += c.weight
				if c.weight >= 2 && !f.specific[c.target] {
					f.specific[c.target] = true
					f.own[c.target] += specificityBonus // a phrase only this phase uses
				}
			}
		case kindPhaseNot:
			f.veto[c.target] = true
		case kindTheme:
			if !seen {
				f.theme[c.target] += c.weight
			}
		case kindThemeNot:
			f.themeVeto[c.target] = true
		case kindThirdParty:
			f.thirdParty = true
		case kindPrincipal:
			f.principal = true
		case kindBefore, kindAfter, kindDuring:
			s.relate(&f, text, toks, h, hits)
		}
	}
	firstPerson := true
	for i, t := range toks {
		if !t.upper {
			continue
		}
		principal := cast.isPrincipal(t.text)
		if principal {
			f.principal = true
		}
		person := !principal && cast.isPerson(t.text) // someone else named
		switch {
		case person && firstPerson:
			f.thirdParty = true // someone else is the first person named
		case !principal && i > 0 && neighborLex(toks, i, 1)&lexSpeech != 0 && t.lex&lexStopName == 0:
			f.thirdParty = true // "Zakharova said": someone else speaks
		}
		if principal || person {
			firstPerson = false
		}
	}
	return f, hits
}

func neighbor(toks []token, i, d int) string {
	if j := i + d; j >= 0 && j < len(toks) {
		return toks[j].text
	}
	return ""
}

var speechVerbs = setOf("said", "says", "wrote", "told", "declared", "stressed", "warned", "added", "noted", "argued", "tweeted", "posted", "remarked", "commented", "responded", "replied")

// stopNames are capitalised words before a speech verb that are not a
// third party ("He said", "It said").
var stopNames = setOf("he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this", "officials", "president", "leader", "minister")

// relate resolves a relation word (before/after/during) against the event
// term or phase anchor that follows it within a few words.
func (s *Schema) relate(f *features, text string, toks []token, rel hit, hits []hit) {
	end := rel.at + rel.n
	var anchor *hit
	for k := range hits {
		h := &hits[k]
		if h.at < end || h.at > end+fillerTokens || (h.cue.kind != kindEvent && h.cue.kind != kindAnchor) {
			continue
		}
		// No clause break between the relation word and the anchor.
		if phraseBreaks.in(text[toks[end-1].end:toks[h.at].start]) {
			continue
		}
		// The nearest wins; at one position, "before" and "after" prefer the
		// event as a whole and "during" prefers a phase.
		preferred := h.cue.kind == kindEvent
		if rel.cue.kind == kindDuring {
			preferred = !preferred
		}
		if anchor == nil || h.at < anchor.at || h.at == anchor.at && preferred {
			anchor = h
		}
	}
	if anchor == nil {
		return
	}
	event := anchor.cue.kind == kindEvent
	switch rel.cue.kind {
	case kindBefore:
		if event {
			f.before = true
		} else {
			f.beforePh = anchor.cue.target
		}
	case kindAfter:
		if event {
			f.after = true
		} else {
			f.afterPh = anchor.cue.target
		}
	case kindDuring:
		if !event {
			f.during[anchor.cue.target] = true
		}
	}
}

// scorePhases combines a sentence's own features with its context into a
// score per phase, written to out (one per phase).
func (s *Schema) scorePhases(f features, heading, prev, next, out []float64) []float64 {
	for i := range s.Phases {
		p := &s.Phases[i] // not a copy of the phase (its lists) per sentence
		v := f.own[i] + headingContext*at(heading, i) + neighborContext*(at(prev, i)+at(next, i))
		if f.during[i] {
			v += relationBoost
		}
		switch {
		case f.before && p.BeforeEvent:
			v += relationBoost
		case f.before:
			v *= relationDamp
		case f.after && p.AfterEvent:
			v += relationBoost
		case f.after && !p.AfterEvent && f.own[i] < 2:
			v *= relationDamp
		}
		// "After the press conference, …" is about something else than the
		// press conference; which phase it is, its own cues say (the order
		// of phases is what such cues can change, so it is not assumed).
		if i == f.afterPh || i == f.beforePh {
			v *= relationDamp
		}
		if p.ThirdParty != nil {
			switch {
			case *p.ThirdParty && f.thirdParty:
				v += thirdPartyBoost
			case *p.ThirdParty && !f.thirdParty:
				v *= thirdPartyDamp
			case !*p.ThirdParty && f.thirdParty && !f.principal:
				v *= thirdPartyDamp
			}
		}
		if p.Principals && !f.principal {
			v *= thirdPartyDamp
			if f.thirdParty {
				v *= thirdPartyDamp // someone else's act, not the principals'
			}
		}
		if f.veto[i] {
			v = 0
		}
		out[i] = v
	}
	return out
}

func at(v []float64, i int) float64 {
	if v == nil {
		return 0
	}
	return v[i]
}

// decide picks the phases of a sentence from its scores. A phase needs own
// evidence in the sentence (a cue or a relation), so context alone never
// labels background sentences.
//
// The Themes and Also lists are cut from the end of slab, which decide
// returns grown: an article's sentences share one block of strings.
func (s *Schema) decide(f features, score []float64, slab []string) (SentencePhases, []string) {
	type cand struct {
		i int
		v float64
	}
	var store [16]cand
	cs := store[:0]
	for i, v := range score {
		hasOwn := f.own[i] >= minScore || f.during[i] || (f.before && s.Phases[i].BeforeEvent) || (f.after && s.Phases[i].AfterEvent)
		if hasOwn && v >= minScore {
			cs = append(cs, cand{i, v})
		}
	}
	var out SentencePhases
	from := len(slab)
	for i, v := range f.theme {
		if v >= minScore && !f.themeVeto[i] {
			slab = append(slab, s.Themes[i].ID)
		}
	}
	if len(slab) > from {
		out.Themes = slab[from:len(slab):len(slab)]
	}
	if len(cs) == 0 {
		return out, slab
	}
	slices.SortStableFunc(cs, func(a, b cand) int { // best first
		switch {
		case a.v > b.v:
			return -1
		case b.v > a.v:
			return 1
		}
		return 0
	})
	best := cs[0]
	second := 0.0
	if len(cs) > 1 {
		second = cs[1].v
	}
	out.Phase = s.Phases[best.i].ID
	out.Confidence = round3((best.v / (best.v + second)) * (1 - math.Exp(-best.v)))
	if f.afterPh >= 0 && f.afterPh != best.i {
		out.After = s.Phases[f.afterPh].ID
	}
	if f.beforePh >= 0 && f.beforePh != best.i {
		out.Before = s.Phases[f.beforePh].ID
	}
	from = len(slab)
	for _, c := range cs[1:] {
		// A second phase needs its own strong cue, or a score near the best.
		if f.own[c.i] >= 2*minScore || c.v >= secondaryShare*best.v && f.own[c.i] >= minScore {
			slab = append(slab, s.Phases[c.i].ID)
		}
	}
	if len(slab) > from {
		out.Also = slab[from:len(slab):len(slab)]
	}
	return out, slab
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// coveredBy reports whether hit k lies within a longer hit of the same kind
// and target.
func coveredBy(hits []hit, k int) bool {
	h := hits[k]
	for j, o := range hits {
		if j != k && o.cue.kind == h.cue.kind && o.cue.target == h.cue.target && o.n > h.n && o.at <= h.at && o.at+o.n >= h.at+h.n {
			return true
		}
	}
	return false
}
