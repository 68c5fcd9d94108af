package timeline

import (
	"math"
	"strconv"
	"strings"
)

// tidy rounds away the binary noise of a product ("about 200" is 180 to
// 220, not 220.00000000000003): ten significant digits are more than any
// source states.
func tidy(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 10, 64), 64)
	if err != nil {
		return x
	}
	return v
}

// lastWords just before a duration say the sentence's subject went on
// that long: "The meeting, which began at 11:30 a.m., lasted nearly three
// hours".
var lastWords = setOf("lasted", "lasting", "ran", "went")

// subjectDuration returns the phase a duration measures when it follows
// "lasted" and the sentence's subject, within its first four words, names
// the phase or the event ("The meeting, which began at around 11:30 a.m.
// local time (3:30 a.m. Saturday Beijing Time), lasted nearly three
// hours"): the subject is too far from the duration for durationSubject.
func (s *Schema) subjectDuration(toks []token, tm TimeMention) (string, bool) {
	first, _ := tokenSpan(toks, tm.Start, tm.End)
	if first < 1 || !afterLastVerb(toks, first) {
		return "", false
	}
	for _, h := range s.matcher.find(toks, nil) {
		if h.at > 3 {
			continue
		}
		switch h.cue.kind {
		case kindAnchor:
			return s.Phases[h.cue.target].ID, true
		case kindEvent:
			if s.EventPhase != "" {
				return s.EventPhase, true
			}
		}
	}
	return "", false
}

// callWords make a duration the length of a phone call, which is not a
// phase of the event ("spoke one-on-one for about an hour before European
// leaders joined the call"); "call" itself only as a noun.
var callWords = setOf("phone", "phoned", "telephone", "telephoned", "videoconference", "videocall")

// callDeterminers before "call" make it a noun ("the call", "a long
// call"), as does "with" after it ("call with Trump"); "US and China call
// trade truce" is a verb.
var callDeterminers = setOf("the", "a", "an", "their", "his", "her", "this", "that", "long", "lengthy", "brief", "short", "substantive", "video", "conference")

// callDuration reports whether a sentence, or the heading of its live-blog
// entry ("Zelenskyy: Long and substantive call with Trump"), is about a
// call: a duration in it is the call's.
func callDuration(sents []AnalyzedSentence, si int, toks []token) bool {
	if hasCallWord(toks) || strings.Contains(sents[si].Text, "on the line") {
		return true
	}
	for j := si - 1; j >= 0 && j >= si-3; j-- {
		if sents[j].Heading {
			return hasCallWord(sents[j].words())
		}
	}
	return false
}

func hasCallWord(toks []token) bool {
	for k := range toks {
		switch w := toks[k].text; {
		case callWords[w]:
			return true
		case w == "call" || w == "calls":
			if k > 0 && callDeterminers[toks[k-1].text] || k+1 < len(toks) && toks[k+1].text == "with" {
				return true
			}
		}
	}
	return false
}

func init() {
	// Warplanes are counted by whichever noun a source picks: "four
	// F-35 fighter jets" and "two F-35 fighters" count the same escort.
	for _, w := range []string{"fighters", "jets", "warplanes", "fighter-jets"} {
		countSynonyms[w] = "jets"
	}
}

// vagueCountWords give a range rather than a number ("several fighter
// jets").
var vagueCountWords = map[string][2]float64{"several": {3, 7}}

// vagueCountClaims finds counts stated vaguely: "several fighter jets"
// is three to seven of them, which "two F-35 fighters" contradicts. The
// counted noun is a plural within three words, as countClaims reads it.
func vagueCountClaims(base Claim, text string, toks []token) []Claim {
	if !containsFoldASCII(text, "several") {
		return nil
	}
	var out []Claim
	for i := range toks {
		r, ok := vagueCountWords[toks[i].text]
		if !ok {
			continue
		}
		if i+1 < len(toks) && isAmountToken(&toks[i+1]) {
			continue // "several hundred demonstrators": not three to seven
		}
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			w := toks[k].text
			if toks[k].upper || toks[k].lex&lexNotCounted != 0 || notCounted[w] || irregularPast[w] || w == "of" {
				break // a name, a unit ("several hours"), a verb, "several of them"
			}
			if !(irregularPlurals[w] || strings.HasSuffix(w, "s") && len(w) > 3 && !strings.HasSuffix(w, "ss")) {
				continue
			}
			noun := w
			if syn, ok := countSynonyms[w]; ok {
				noun = syn
			}
			c := base
			c.Quantity, c.Unit, c.Qualifier = "count of "+noun, "count", toks[i].text
			c.Value = text[toks[i].start:toks[k].end]
			c.Low, c.High = r[0], r[1]
			out = append(out, c)
			break
		}
	}
	return out
}
