package timeline

import (
	"strconv"
	"strings"
	"time"
)

// durationQualifierWords may stand between "lasted" and a duration's
// own qualifier ("lasted a little over four hours", "ran just under").
var durationQualifierWords = setOf("a", "little", "just", "slightly", "well", "bit")

// afterLastVerb reports whether the duration starting at token first
// follows "lasted" (lastWords), past words that only qualify it.
func afterLastVerb(toks []token, first int) bool {
	k := first - 1
	for n := 0; n < 3 && k >= 0 && durationQualifierWords[toks[k].text]; n++ {
		k--
	}
	return k >= 0 && lastWords[toks[k].text]
}

// pronounDuration returns the phase a duration measures when the
// sentence's subject is "It" and the sentence before, in the same
// paragraph, opens with the phase's name ("The first session was moved
// to the liner. It began just after 10 a.m. and lasted a little over four
// hours."): "it" is that phase.
func (s *Schema) pronounDuration(sents []AnalyzedSentence, si int, toks []token, tm TimeMention) (string, bool) {
	if si == 0 || len(toks) == 0 || toks[0].text != "it" || sents[si-1].Paragraph != sents[si].Paragraph || sents[si-1].Heading {
		return "", false
	}
	first, _ := tokenSpan(toks, tm.Start, tm.End)
	if first < 1 || !afterLastVerb(toks, first) {
		return "", false
	}
	for _, h := range s.matcher.find(sents[si-1].words(), nil) {
		if h.at <= 3 && h.cue.kind == kindAnchor {
			return s.Phases[h.cue.target].ID, true
		}
	}
	return "", false
}

// slightlyOver narrows the range of a duration said to be "over" an
// amount when the words before it say by little ("a little over four
// hours", "slightly more than", "just over"): a tenth more at most, not a
// quarter.
func slightlyOver(before, qual string, low, high time.Duration) time.Duration {
	switch qual {
	case "just over":
		return low + (low / 10)
	case "over", "more than":
		b := strings.ToLower(strings.TrimRight(before, " "))
		if strings.HasSuffix(b, "a little") || strings.HasSuffix(b, "slightly") || strings.HasSuffix(b, "a bit") || strings.HasSuffix(b, "just") {
			return low + (low / 10)
		}
	}
	return high
}

// activityNouns name what leaders do besides a phase of the event, whose
// length sources report and disagree on ("a boat ride lasting about 40
// minutes", "a walk of nearly an hour").
var activityNouns = setOf("ride", "walk", "stroll", "cruise", "tour", "drive", "parade", "ceremony", "speech", "address",
	"banquet", "reception", "concert", "performance", "excursion", "visit")

// activityDuration returns the activity a duration measures when it
// follows the activity's noun and "lasting" or "of" ("a boat ride lasting
// nearly an hour", "a ride of about an hour"), or "".
func activityDuration(toks []token, tm TimeMention) string {
	first, _ := tokenSpan(toks, tm.Start, tm.End)
	if first < 2 {
		return ""
	}
	if w := toks[first-1].text; w != "lasting" && w != "of" && w != "that" {
		return ""
	}
	if n := toks[first-2].text; activityNouns[n] {
		return n
	}
	return ""
}

// heightNouns are what sources give a height of and disagree on: waves
// ("waves of up to 15 feet", "waves 20ft high", "three-metre swells").
var heightNouns = setOf("wave", "waves", "swell", "swells")

// lengthUnits are the units heightClaims reads, in metres.
var lengthUnits = map[string]float64{"m": 1, "metre": 1, "metres": 1, "meter": 1, "meters": 1, "ft": 0.3048, "foot": 0.3048, "feet": 0.3048}

// heightClaims finds the heights of waves: an amount and a length unit
// ("15 feet", "20ft", "three metres") within a few words after a height
// noun or just before one ("15-foot waves"), in metres, so that feet and
// metres compare.
func heightClaims(base Claim, text string, toks []token) []Claim {
	if !mentionsWaves(text) {
		return nil
	}
	var out []Claim
	for i := 0; i < len(toks); i++ {
		v, last, unit, ok := lengthAt(text, toks, i)
		if !ok {
			continue
		}
		noun := ""
		for k := max(0, i-4); k < i; k++ {
			if heightNouns[toks[k].text] {
				noun = toks[k].text
			}
		}
		if noun == "" && last+1 < len(toks) && heightNouns[toks[last+1].text] {
			noun = toks[last+1].text
		}
		if noun == "" {
			continue
		}
		qual := qualifierBefore(toks, i)
		from := max(0, i-len(strings.Fields(qual)))
		c := base
		c.Quantity, c.Unit, c.Qualifier = "height of waves", "m", qual
		c.Value = text[toks[from].start:toks[last].end]
		c.Low, c.High = rangeFor(v*unit, qual)
		c.Low, c.High = round3(c.Low), round3(c.High)
		out = append(out, c)
		i = last
	}
	return out
}

// lengthAt reads a length at toks[i]: an amount and a unit ("15 feet",
// "three metres", "15-foot") or one token ("20ft", "3m"); it returns the
// amount, the index of the unit's token and metres per unit.
func lengthAt(text string, toks []token, i int) (float64, int, float64, bool) {
	w := toks[i].text
	if n := len(w); n > 1 && w[0] >= '0' && w[0] <= '9' {
		for _, u := range []string{"ft", "m"} {
			if strings.HasSuffix(w, u) {
				if v, err := strconv.ParseFloat(w[:n-len(u)], 64); err == nil {
					return v, i, lengthUnits[u], true
				}
			}
		}
	}
	v, last, ok := amountAt(text, toks, i)
	if !ok || last+1 >= len(toks) {
		return 0, 0, 0, false
	}
	if gap := text[toks[last].end:toks[last+1].start]; gap != " " && gap != "-" {
		return 0, 0, 0, false
	}
	unit, ok := lengthUnits[toks[last+1].text]
	if !ok {
		return 0, 0, 0, false
	}
	return v, last + 1, unit, true
}

// lengthCount reports whether a count claim counts a length unit ("count
// of metres"): a length, not a count.
func lengthCount(c Claim) bool {
	_, ok := lengthUnits[strings.TrimPrefix(c.Quantity, "count of ")]
	return ok && strings.HasPrefix(c.Quantity, "count of ")
}

// plannedWeekday reports whether the weekday tm names a plan told after
// the sentence's own event ("left at 4:48 p.m. for Brussels, where he is
// to brief NATO leaders on Monday"): "is to", "will", "due to" … in its
// clause. The sentence's clock times do not fall on it.
func plannedWeekday(text string, tm TimeMention) bool {
	before := text[:tm.Start]
	if k := strings.LastIndexAny(before, ",;"); k >= 0 {
		before = before[k+1:] // its clause
	}
	for _, w := range []string{" is to ", " are to ", " was to ", " were to ", " will ", " would ", " due to ", " plans to ", " expected to "} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

// mentionsWaves is heightClaims' prefilter: whether text may hold a height
// noun ("wave", "Wave", "swell"), jumping between its "w"s.
func mentionsWaves(text string) bool {
	for k := 1; k < len(text)-2; {
		i := strings.IndexByte(text[k:len(text)-2], 'w')
		if i < 0 {
			break
		}
		i += k
		if text[i+1] == 'a' && text[i+2] == 'v' || text[i-1] == 's' && text[i+1] == 'e' && text[i+2] == 'l' {
			return true
		}
		k = i + 1
	}
	return strings.HasPrefix(text, "Wav")
}
