package timeline

import (
	"regexp"
	"strings"
	"time"
)

// ledeSentences is how many opening sentences may name the event's day.
const ledeSentences = 4

// articleReference is the day an article's clock times fall on. Without
// an event date (from the article's metadata or the event file), the
// publication day is only a fallback: a report published the morning
// after says "on Wednesday" or "Nov 15" in its opening sentences, and that
// names the day of the event.
func articleReference(a Article, ev EventInfo, sents []Sentence) reference {
	ref := referenceTime(a, ev)
	if !ref.known {
		// A plain-text wire copy without metadata states its day in a
		// stamp line ("16 August 2025, 09:40 Kyiv time"): that is its
		// publication day.
		if st, ok := stampedDay(a.Body); ok {
			ref = st
		}
	}
	if !a.EventDate.IsZero() || !ref.fromPublication {
		return ref
	}
	if d, err := ev.Day(); err == nil && !d.IsZero() {
		return ref
	}
	if d, ok := ledeDay(sents, ref); ok {
		ref.day = d
	}
	return ref
}

// stampLen is how far into a body a stamp line may be.
const stampLen = 240

// stampedDay finds a full date (with its year) at the top of a body. It
// gives only the day: a clock time without a zone stays the event
// place's, unresolved, as without the stamp.
func stampedDay(body string) (reference, bool) {
	head := body
	if len(head) > stampLen {
		head = head[:stampLen]
	}
	if !hasDigitRun(head, 4) {
		return reference{}, false // every date it takes has a year
	}
	for _, re := range []*regexp.Regexp{dateDMRe, dateMDRe, dateISORe} {
		m := re.FindStringSubmatchIndex(head)
		if m == nil || (re != dateISORe && m[6] < 0) {
			continue
		}
		if d, ok := parseDate(head, m, re, reference{}); ok {
			return reference{day: d, known: true, fromPublication: true}, true
		}
	}
	return reference{}, false
}

// ledeDay finds the first date or weekday in the opening sentences and
// resolves it against the publication day: a date within a week of it, or
// the latest such weekday on or before it (the next one when the sentence
// looks ahead: "will meet on Friday").
func ledeDay(sents []Sentence, pub reference) (time.Time, bool) {
	seen := 0
	for _, s := range sents {
		if s.Heading {
			continue
		}
		if seen++; seen > ledeSentences {
			break
		}
		for _, tm := range FindTimes(s.Text, pub) {
			switch {
			case !tm.Resolved:
			case tm.Kind == TimeDate && !strings.EqualFold(tm.Text, "today") && !strings.EqualFold(tm.Text, "tonight"):
				if days := tm.Time.Sub(pub.day).Hours() / 24; days >= -7 && days <= 7 {
					return tm.Time, true
				}
			case tm.Kind == TimeWeekday:
				return weekdayFrom(pub.day, tm.Time.Weekday(), looksAhead(s.Text)), true
			}
		}
	}
	return time.Time{}, false
}

// weekdayFrom returns the latest day with weekday wd on or before ref, or
// the first on or after it when ahead is set.
func weekdayFrom(ref time.Time, wd time.Weekday, ahead bool) time.Time {
	if ahead {
		return ref.AddDate(0, 0, (int(wd)-int(ref.Weekday())+7)%7)
	}
	return ref.AddDate(0, 0, -((int(ref.Weekday()) - int(wd) + 7) % 7))
}

// aheadWords mark a sentence about what is yet to happen.
var aheadWords = []string{" will ", " is set to ", " are set to ", " is due to ", " are due to ", " is expected to ", " are expected to ", " plans to ", " to meet on "}

func looksAhead(text string) bool {
	t := " " + strings.ToLower(text) + " "
	for _, w := range aheadWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// dayAnaphors name the day an earlier sentence named ("the same day",
// "that evening"): the day carries across a paragraph break.
var dayAnaphors = []string{"same day", "that day", "that morning", "that afternoon", "that evening", "that night", "later that", "the same evening", "the same night"}

// carryDays puts a sentence's clock times on the day the sentences before
// it named: "Kim reached Vietnam on Tuesday. Trump landed just before
// 9 p.m." lands on Tuesday, not on the article's reference day. A day
// named in a sentence carries to the following sentences of its paragraph
// (and further when a sentence says "the same day" or "that evening");
// "the next day" moves it on by one.
func carryDays(sents []AnalyzedSentence, ref reference) {
	if !ref.known {
		return
	}
	var carried, section time.Time // section: a live page's date heading ("15 Aug 2025")
	para := -1
	for i := range sents {
		s := &sents[i]
		if d, ok := dateHeadingDay(*s); ok {
			section = d
		}
		lower := strings.ToLower(s.Text)
		anaphor := false
		for _, a := range dayAnaphors {
			if strings.Contains(lower, a) {
				anaphor = true
				break
			}
		}
		if s.Heading || s.Paragraph != para && !anaphor {
			carried = time.Time{}
		}
		para = s.Paragraph
		var own time.Time
		shift := 0
		for _, tm := range s.Times {
			switch {
			case (tm.Kind == TimeDate || tm.Kind == TimeWeekday) && tm.Resolved:
				own = tm.Time
			case tm.Kind == TimeRelative:
				l := strings.ToLower(tm.Text)
				if strings.Contains(l, "next day") || strings.Contains(l, "following day") {
					shift = 1
				} else if strings.Contains(l, "day before") || strings.Contains(l, "night before") {
					shift = -1
				}
			}
		}
		if !own.IsZero() {
			carried = own
			continue
		}
		day := carried
		if day.IsZero() {
			day = section
		}
		if shift != 0 {
			if day.IsZero() {
				day = ref.day
			}
			day = day.AddDate(0, 0, shift)
			carried = day
		}
		if day.IsZero() {
			continue
		}
		for k := range s.Times {
			tm := &s.Times[k]
			if tm.Kind != TimeClock || !tm.Resolved {
				continue
			}
			t := tm.Time
			tm.Time = time.Date(day.Year(), day.Month(), day.Day(), t.Hour(), t.Minute(), 0, 0, t.Location())
		}
	}
}

// hasDigitRun reports whether s has n ASCII digits in a row.
func hasDigitRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
