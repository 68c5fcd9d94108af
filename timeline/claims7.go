package timeline

import (
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
