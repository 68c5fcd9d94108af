package timeline

import (
	"regexp"
	"strings"
)

// Gold quantities are written by annotators in their own words: "number of
// bodyguards", "how long before Putin Trump had landed", "fighter jets
// escorting the B-2", "fate of the working lunch". goldKindUnits reads
// the kind of measurement they name, for the scorer.

// kindPhrases are opening words that name a kind besides kindUnits' own.
var kindPhrases = []struct{ prefix, kind string }{
	{"number of ", "count"}, {"how many ", "count"}, {"how long ", "duration"},
	{"fate of ", "status"}, {"status of ", "status"}, {"whether ", "status"},
}

// durationValueRe finds a unit of time in a gold value ("about 12
// minutes", "two hours").
var durationValueRe = regexp.MustCompile(`(?i)\b(?:hours?|minutes?|mins?|hrs?)\b`)

// goldKindUnits returns the claim units a gold quantity accepts: by its
// first word (kindUnits), by an opening phrase ("number of", "how long"),
// or, when the quantity names no kind ("fighter jets escorting the B-2"),
// by its values: clock times make it a time, units of time a duration,
// other numbers a count.
func goldKindUnits(quantity string, values map[string]string) ([]string, bool) {
	if units, ok := kindUnits[firstWord(quantity)]; ok {
		return units, true
	}
	low := strings.ToLower(quantity)
	for _, p := range kindPhrases {
		if strings.HasPrefix(low, p.prefix) {
			return kindUnits[p.kind], true
		}
	}
	clock, duration, numbers := false, false, false
	for _, v := range values {
		v = remarkRe.ReplaceAllString(v, "")
		for _, n := range valueNumbers(v) {
			clock = clock || n.clock
			numbers = true
		}
		duration = duration || durationValueRe.MatchString(v)
	}
	switch {
	case clock:
		return kindUnits["time"], true
	case duration:
		return kindUnits["duration"], true
	case numbers:
		return kindUnits["count"], true
	}
	return nil, false
}
