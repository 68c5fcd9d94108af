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
	return i > 0 && isDesignation(toks, i-1) && int(toks[i-1].end) < len(text) && text[toks[i-1].end] == '-'
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

// halves writes a vulgar half after a digit as ".5" ("2½" → "2.5", the
// same number of bytes), so that durations read it.
func halves(text string) string {
	if !strings.Contains(text, "½") {
		return text
	}
	b := []byte(text)
	for i := 1; i+1 < len(b); i++ {
		if b[i] == 0xC2 && b[i+1] == 0xBD && isDigitByte(b[i-1]) {
			b[i], b[i+1] = '.', '5'
		}
	}
	return string(b)
}

// waitWords before a duration make it how long someone waited.
var waitWords = setOf("waited", "waiting", "wait", "waits", "standing", "stood", "lingered", "kept")

// pressWords before a duration make it the length of an appearance before
// the press.
var pressWords = setOf("reporters", "journalists", "cameras", "press", "newsmen", "microphones")

// waitedFor reports whether a wait word comes within six tokens before a
// duration ("Trump had been standing by the plane for nearly 20 minutes").
func waitedFor(toks []token, tm TimeMention) bool {
	first, _ := tokenSpan(toks, tm.Start, tm.End)
	if first < 1 || toks[first-1].text != "for" && !(first > 1 && toks[first-2].text == "for") {
		return false
	}
	for k := max(0, first-7); k < first; k++ {
		if waitWords[toks[k].text] {
			return true
		}
	}
	return false
}

// pressBefore reports whether a press word comes within five tokens
// before a duration with "for".
func pressBefore(toks []token, tm TimeMention) bool {
	first, _ := tokenSpan(toks, tm.Start, tm.End)
	if first < 1 {
		return false
	}
	for k := max(0, first-5); k < first; k++ {
		if pressWords[toks[k].text] {
			return true
		}
	}
	return false
}

// examplePhase returns the phase an example names by an anchor, or "".
func (s *Schema) examplePhase(example string) string {
	for _, h := range s.matcher.find(tokenize(example), nil) {
		if h.cue.kind == kindAnchor {
			return s.Phases[h.cue.target].ID
		}
	}
	return ""
}
