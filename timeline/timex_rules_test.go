package timeline

import (
	"testing"
	"time"
)

// TestFindTimesBritishAndCompactClocks: 6pm, 10.30am and 18.30 (after a
// word that introduces a time) are clock times; decimals are not.
func TestFindTimesBritishAndCompactClocks(t *testing.T) {
	tests := []struct {
		text, match string
		clock       time.Duration // -1: no clock time
	}{
		{"The two men emerged shortly before 6pm, stony-faced.", "6pm", 18 * time.Hour},
		{"He shook Mr Gorbachev's hand at 10.30am.", "10.30am", 10*time.Hour + 30*time.Minute},
		{"The plane left at 7AM sharp.", "7AM", 7 * time.Hour},
		{"The session ended at 18.30 local time.", "18.30 local time", 18*time.Hour + 30*time.Minute},
		{"They met from 9.15 until noon.", "9.15", 9*time.Hour + 15*time.Minute},
		{"The index rose 2.5% to 18.30 on Friday.", "", -1},
		{"Unemployment stood at 12.30 per cent.", "", -1},
		{"Tickets cost £12.30 each.", "", -1},
	}
	for _, tt := range tests {
		var clock *TimeMention
		got := FindTimes(tt.text, reference{})
		for i := range got {
			if got[i].Kind == TimeClock && clock == nil {
				clock = &got[i]
			}
		}
		switch {
		case tt.clock < 0 && clock != nil:
			t.Errorf("%q: clock %q found", tt.text, clock.Text)
		case tt.clock >= 0 && clock == nil:
			t.Errorf("%q: no clock time in %+v", tt.text, got)
		case clock != nil && (clock.Text != tt.match || clock.ClockOnly != tt.clock):
			t.Errorf("%q: got %q %v, want %q %v", tt.text, clock.Text, clock.ClockOnly, tt.match, tt.clock)
		}
	}
}

func TestFindTimesHalfHours(t *testing.T) {
	tests := []struct {
		text, match string
		value       time.Duration
	}{
		{"The leaders spent some nine and a half hours in talks.", "some nine and a half hours", 9*time.Hour + 30*time.Minute},
		{"A five-and-a-half-hour meeting ended the day.", "five-and-a-half-hour", 5*time.Hour + 30*time.Minute},
		{"They talked for twelve and a half hours.", "twelve and a half hours", 12*time.Hour + 30*time.Minute},
	}
	for _, tt := range tests {
		var d *TimeMention
		got := FindTimes(tt.text, reference{})
		for i := range got {
			if got[i].Kind == TimeDuration {
				d = &got[i]
			}
		}
		if d == nil || d.Text != tt.match || d.Duration != tt.value || d.Low > tt.value || d.High < tt.value {
			t.Errorf("%q: got %+v, want %q %v", tt.text, d, tt.match, tt.value)
		}
	}
}

// TestClockPlansAreExpected: a time something was scheduled or set for is
// a plan, not a time it happened.
func TestClockPlansAreExpected(t *testing.T) {
	tests := []struct {
		text     string
		expected bool
	}{
		{"A joint signing ceremony scheduled for 2:05 p.m. was called off.", true},
		{"He brought forward a news conference that had been set for 4 p.m.", true},
		{"Trump is expected to land at 9 p.m.", true},
		{"The talks were due to start at 10 a.m.", true},
		{"The lunch was originally planned for 1 p.m.", true},
		{"The convoy set off at 9 a.m.", false},
		{"They met at 4 p.m. as scheduled.", false},
		{"The leaders emerged at about 6:30 p.m.", false},
	}
	for _, tt := range tests {
		found := false
		for _, tm := range FindTimes(tt.text, reference{}) {
			if tm.Kind == TimeClock {
				found = true
				if tm.Expected != tt.expected {
					t.Errorf("%q: expected=%v, want %v", tt.text, tm.Expected, tt.expected)
				}
			}
		}
		if !found {
			t.Errorf("%q: no clock time", tt.text)
		}
	}
}

// TestLocalTimeIsNotThePublicationOffset: "local time" is where the event
// was; a reference known only from the publication's offset leaves such a
// clock as a time of day, while an event's own zone resolves it.
func TestLocalTimeIsNotThePublicationOffset(t *testing.T) {
	seoul := time.FixedZone("", 9*3600)
	pub := reference{day: time.Date(2019, 2, 28, 0, 0, 0, 0, seoul), loc: seoul, known: true, fromPublication: true}
	for _, tm := range FindTimes("Air Force One departed Hanoi shortly after 3:30 p.m. local time.", pub) {
		if tm.Kind == TimeClock && (tm.Resolved || tm.ClockOnly != 15*time.Hour+30*time.Minute) {
			t.Errorf("resolved %v against the publication offset", tm.Time)
		}
	}
	event := pub
	event.fromPublication = false
	for _, tm := range FindTimes("Air Force One departed Hanoi shortly after 3:30 p.m. local time.", event) {
		if tm.Kind == TimeClock && (!tm.Resolved || tm.Time.Format(time.RFC3339) != "2019-02-28T15:30:00+09:00") {
			t.Errorf("got %v %v with the event's zone", tm.Resolved, tm.Time)
		}
	}
	// A clock without a zone keeps the publication's offset (the best
	// guess there is).
	for _, tm := range FindTimes("They met at 9 a.m.", pub) {
		if tm.Kind == TimeClock && !tm.Resolved {
			t.Errorf("9 a.m. not resolved")
		}
	}
}

// TestDaysCarryToLaterSentences: a weekday named in a sentence puts the
// clock times of the next sentences of its paragraph on that day; "the
// same day" and "that evening" carry it across paragraphs; "the next day"
// moves it on.
func TestDaysCarryToLaterSentences(t *testing.T) {
	ref := reference{day: time.Date(2019, 2, 28, 0, 0, 0, 0, time.UTC), loc: time.UTC, known: true} // a Thursday
	tests := []struct {
		sents []string
		paras []int
		want  string // the day of the last sentence's clock time
	}{
		{[]string{"Kim reached Vietnam on Tuesday by train.", "Trump landed just before 9 p.m."}, []int{0, 0}, "2019-02-26"},
		{[]string{"Kim reached Vietnam on Tuesday by train.", "Trump landed just before 9 p.m."}, []int{0, 1}, "2019-02-28"},
		{[]string{"Kim reached Vietnam on Tuesday by train.", "Trump landed at 8:50 p.m. that evening."}, []int{0, 1}, "2019-02-26"},
		{[]string{"Kim reached Vietnam on Tuesday by train.", "Trump landed the same day at 9 p.m."}, []int{0, 3}, "2019-02-26"},
		{[]string{"Xi landed on Thursday afternoon.", "The motorcade arrived at about 5:30 p.m."}, []int{0, 0}, "2019-02-28"},
		{[]string{"Xi landed on Wednesday afternoon.", "The next day the talks began at 9 a.m."}, []int{0, 0}, "2019-02-28"},
		{[]string{"Xi landed on Wednesday afternoon.", "Talks on Friday began at 9 a.m."}, []int{0, 0}, "2019-03-01"},
	}
	for _, tt := range tests {
		var sents []AnalyzedSentence
		for i, text := range tt.sents {
			sents = append(sents, AnalyzedSentence{Sentence: Sentence{Index: i, Paragraph: tt.paras[i], Text: text}, Times: FindTimes(text, ref)})
		}
		carryDays(sents, ref)
		got := ""
		for _, tm := range sents[len(sents)-1].Times {
			if tm.Kind == TimeClock {
				got = tm.Time.Format("2006-01-02")
			}
		}
		if got != tt.want {
			t.Errorf("%q: clock on %s, want %s", tt.sents, got, tt.want)
		}
	}
}
