package timeline

import (
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
	if !a.EventDate.IsZero() || a.Published.IsZero() {
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
