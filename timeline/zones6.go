package timeline

import (
	"regexp"
	"strings"
	"time"
)

// weekdayWords are the days a clock time may be followed by ("at 4:30
// a.m. Saturday, Japan time").
var weekdayWords = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// clockContinues reports whether the words after "a.m." or "p.m." go on
// stating the time rather than start a sentence: a weekday ("4:30 a.m.
// Saturday, Japan time") or a place's time ("7:35 a.m. Japan time",
// "9 p.m. Hong Kong time").
func clockContinues(rest, nextWord string) bool {
	if nextWord == "" {
		return false
	}
	w := strings.ToLower(nextWord)
	if weekdayWords[w] {
		return true
	}
	// Up to three capitalised words, then "time".
	rest = strings.TrimLeftFunc(rest, isOpener)
	for k := 0; k < 3; k++ {
		word := wordAt(rest)
		if word == "" || word[0] < 'A' || word[0] > 'Z' {
			return false
		}
		rest = rest[len(word):]
		if !strings.HasPrefix(rest, " ") {
			return false
		}
		rest = rest[1:]
		if after := wordAt(rest); strings.EqualFold(after, "time") {
			return true
		}
	}
	return false
}

// zoneAtRe reads a zone name at the start of a text ("Japan time",
// "(JST)").
var zoneAtRe = regexp.MustCompile(`^\(?` + zonePattern + `\b`)

// zoneAfterWeekday returns the zone named after a clock time and its
// weekday ("4:30 a.m. Saturday, Japan time", "9 p.m. on Friday (JST)"),
// where the clock's own pattern stops at the weekday; "" when none.
func zoneAfterWeekday(text string, end int) string {
	rest := text[end:]
	if len(rest) < 8 || rest[0] != ' ' && rest[0] != ',' {
		return ""
	}
	rest = strings.TrimLeft(rest, " ,")
	if strings.HasPrefix(rest, "on ") {
		rest = rest[3:]
	}
	day := wordAt(rest)
	if !weekdayWords[strings.ToLower(day)] {
		return ""
	}
	rest = strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(rest[len(day):], "'s"), "’s"), " ,")
	m := zoneAtRe.FindStringSubmatch(rest)
	if m == nil {
		return ""
	}
	return m[1]
}

// stampZone returns the zone an article is stamped in: that of its
// publication time when it named one ("2025-08-16 10:21:45 (Beijing
// Time)"), else that of the first zoned clock time in its opening
// headings ("August 16, 2025 13:05 JST").
func stampZone(a Article, sents []AnalyzedSentence) (*time.Location, bool) {
	if !a.Published.IsZero() {
		if name := a.Published.Location().String(); name != "" && name != "UTC" && name != "Local" {
			return a.Published.Location(), true
		}
	}
	for i := 0; i < len(sents) && i < 8; i++ {
		if !sents[i].Heading {
			continue
		}
		for _, tm := range sents[i].Times {
			if tm.Kind == TimeClock && tm.HasZone && tm.Resolved {
				return tm.Time.Location(), true
			}
		}
	}
	return nil, false
}

// carryZones puts a clock time without a zone in the zone of the clock
// time before it in its paragraph, when that is the zone the article is
// stamped in: a Tokyo daily writes "The meeting began at around 4:30 a.m.
// Saturday, Japan time. Putin's plane landed at around 4 a.m." with both
// times in Japan time. A time after one in another zone ("11:30 a.m.
// local time (3:30 a.m. Beijing Time)") keeps the event's.
func carryZones(sents []AnalyzedSentence, ref reference, a Article) {
	if !ref.known {
		return
	}
	var stamp *time.Location
	para, carried := -1, false
	for i := range sents {
		s := &sents[i]
		if s.Paragraph != para || s.Heading {
			para, carried = s.Paragraph, false
		}
		if s.Heading {
			continue
		}
		other := false // a clock in another zone: "11:30 a.m. local time (3:30 a.m. Beijing Time)"
		for k := range s.Times {
			tm := &s.Times[k]
			if tm.Kind != TimeClock {
				continue
			}
			if tm.HasZone {
				if stamp == nil {
					l, ok := stampZone(a, sents)
					if !ok {
						return
					}
					stamp = l
				}
				inStamp := tm.Resolved && tm.Time.Location().String() == stamp.String()
				other = other || !inStamp
				carried = inStamp && !other
				continue
			}
			if !carried {
				continue
			}
			h, m := int(tm.ClockOnly/time.Hour), int(tm.ClockOnly/time.Minute)%60
			tm.Time = time.Date(ref.day.Year(), ref.day.Month(), ref.day.Day(), h, m, 0, 0, stamp)
			tm.Resolved, tm.HasZone = true, true
		}
	}
}

// foreignDayCarried reports whether the day a sentence's clock times fall
// on was named, earlier in its paragraph, beside a clock time in another
// zone ("4:30 a.m. Saturday, Japan time"): that weekday is the zone's,
// not the event place's.
func foreignDayCarried(sents []AnalyzedSentence, si int) bool {
	for j := si - 1; j >= 0 && sents[j].Paragraph == sents[si].Paragraph && !sents[j].Heading; j-- {
		if !namesDay(sents[j].Times) {
			continue
		}
		for _, tm := range sents[j].Times {
			if tm.Kind == TimeClock && tm.HasZone {
				return true
			}
		}
		return false
	}
	return false
}

// dateHeadingDay returns the day a heading that is only a date names: a
// live page divides its entries by day ("15 Aug 2025", "Friday, August
// 15"), and the entries under it fall on that day.
func dateHeadingDay(s AnalyzedSentence) (time.Time, bool) {
	if !s.Heading || len(s.Text) > 40 {
		return time.Time{}, false
	}
	var day time.Time
	covered := 0
	for _, tm := range s.Times {
		switch {
		case tm.Kind == TimeDate && tm.Resolved:
			day = tm.Time
			covered += tm.End - tm.Start
		case tm.Kind == TimeWeekday:
			covered += tm.End - tm.Start
		default:
			return time.Time{}, false
		}
	}
	if day.IsZero() || covered < len(strings.TrimSpace(s.Text))-4 {
		return time.Time{}, false
	}
	return day, true
}

// dayStatedApart reports whether a sentence's clock times got their day
// from something else than the article's lede: a weekday named beside a
// clock in another zone earlier in the paragraph ("4:30 a.m. Saturday,
// Japan time", the zone's day, not the event place's) or a live page's
// date heading above it.
func dayStatedApart(sents []AnalyzedSentence, si int) bool {
	if foreignDayCarried(sents, si) {
		return true
	}
	for j := si - 1; j >= 0; j-- {
		if _, ok := dateHeadingDay(sents[j]); ok {
			return true
		}
	}
	return false
}

// placeZone returns the zone of the place an article without a dateline
// reports its events in: the zone whose places it names most ("the
// summit in Alaska", "Anchorage"), when it places things there at least
// twice ("met … in Anchorage", "reporting from Anchorage"). A Kyiv wire
// that names Alaska most but says "in Moscow" twice and never "in
// Alaska" gets none.
func placeZone(a AnalyzedArticle) (*time.Location, bool) {
	named, placed := map[string]int{}, map[string]int{}
	for _, sent := range a.Sentences {
		low := ""
		for place, z := range placeZones {
			if !containsFoldASCII(sent.Text, place) {
				continue
			}
			if low == "" {
				low = strings.ToLower(sent.Text)
			}
			named[z] += strings.Count(low, place)
			placed[z] += strings.Count(low, " in "+place) + strings.Count(low, " at "+place) + strings.Count(low, " from "+place)
		}
	}
	best, n, tie := "", 0, false
	for z, c := range named {
		switch {
		case c > n:
			best, n, tie = z, c, false
		case c == n:
			tie = true
		}
	}
	if tie || placed[best] < 2 {
		return nil, false
	}
	l, err := time.LoadLocation(best)
	return l, err == nil
}

// hasZonedClock reports whether an article states a clock time in a
// named zone: only then does its event zone matter.
func hasZonedClock(a AnalyzedArticle) bool {
	for i := range a.Sentences {
		for _, tm := range a.Sentences[i].Times {
			if tm.Kind == TimeClock && tm.HasZone {
				return true
			}
		}
	}
	return false
}
