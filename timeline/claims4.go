package timeline

import (
	"regexp"
	"strings"
)

// isDesignation reports whether token i is the letters of a model
// designation glued by a hyphen to a number: F-35, B-2, Il-96, Su-57,
// MiG-29, Tu-95.
func isDesignation(toks []token, i int) bool {
	if i+1 >= len(toks) || !toks[i].upper || len(toks[i].text) > 3 {
		return false
	}
	n := toks[i+1]
	return n.start == toks[i].end+1 && isDigits(n.text)
}

// designationNumber reports whether token i is the number of a model
// designation ("35" in "F-35").
func designationNumber(text string, toks []token, i int) bool {
	return i > 0 && isDesignation(toks, i-1) && toks[i-1].end < len(text) && text[toks[i-1].end] == '-'
}

// namesDay reports whether a sentence names its day (a date or weekday).
func namesDay(times []TimeMention) bool {
	for _, tm := range times {
		if tm.Kind == TimeDate || tm.Kind == TimeWeekday {
			return true
		}
	}
	return false
}

var (
	elsewhereBeforeRe = regexp.MustCompile(`(?i)\bit\s+(?:was|is|had been|would be)\s+(?:(?:nearly|almost|already|just|well|past|after|gone|about|around)\s+)*$`)
	elsewhereAfterRe  = regexp.MustCompile(`^\s+(?:(?:in|back in|over in)\s+[A-Z]|back home\b|at home\b)`)
)

// elsewhereClock reports whether a clock time is the hour somewhere else,
// not a time of the event: "it was nearly midnight in Berlin", "already
// 3 a.m. back home".
func elsewhereClock(text string, tm TimeMention) bool {
	after := text[tm.End:]
	if strings.HasPrefix(strings.TrimSpace(after), "back home") || strings.HasPrefix(strings.TrimSpace(after), "at home") {
		return true
	}
	return elsewhereBeforeRe.MatchString(text[:tm.Start]) && elsewhereAfterRe.MatchString(after)
}
