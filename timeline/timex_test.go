package timeline

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func anchorage(t *testing.T) reference {
	t.Helper()
	loc, err := time.LoadLocation("America/Anchorage")
	if err != nil {
		t.Fatal(err)
	}
	return reference{day: time.Date(2025, 8, 15, 0, 0, 0, 0, loc), loc: loc, known: true}
}

func TestFindTimesClock(t *testing.T) {
	ref := anchorage(t)
	tests := []struct {
		text, match, want string // want in RFC 3339
	}{
		{"Putin landed at 10:25 a.m. local time.", "10:25 a.m. local time", "2025-08-15T10:25:00-08:00"},
		{"The talks began at 11:30 am.", "11:30 am", "2025-08-15T11:30:00-08:00"},
		{"Statements came at 3:30 p.m. ET after the talks.", "3:30 p.m. ET", "2025-08-15T15:30:00-04:00"},
		{"The press conference began at 19:00 GMT.", "19:00 GMT", "2025-08-15T19:00:00Z"},
		{"At 11:26 the plane stopped.", "11:26", "2025-08-15T11:26:00-08:00"},
		{"They met at noon.", "noon", "2025-08-15T12:00:00-08:00"},
		{"It ended at 3 p.m. Moscow time on August 16.", "3 p.m. Moscow time", "2025-08-16T15:00:00+03:00"},
	}
	for _, tt := range tests {
		got := FindTimes(tt.text, ref)
		var clock *TimeMention
		for i := range got {
			if got[i].Kind == TimeClock {
				clock = &got[i]
			}
		}
		if clock == nil {
			t.Errorf("%q: no clock time in %+v", tt.text, got)
			continue
		}
		if clock.Text != tt.match || !clock.Resolved || clock.Time.Format(time.RFC3339) != tt.want {
			t.Errorf("%q: got %q %v %s, want %q %s", tt.text, clock.Text, clock.Resolved, clock.Time.Format(time.RFC3339), tt.match, tt.want)
		}
		if tt.text[clock.Start:clock.End] != clock.Text {
			t.Errorf("%q: offsets wrong", tt.text)
		}
	}
}

func TestFindTimesDurations(t *testing.T) {
	h := time.Hour
	tests := []struct {
		text      string
		match     string
		low, high time.Duration
		qualifier string
		expected  bool
	}{
		{"After nearly three hours of talks, they left.", "nearly three hours", 165*time.Minute + 36*time.Second, 3 * h, "nearly", false},
		{"The three-hour talks ended.", "three-hour", 3 * h, 3 * h, "", false},
		{"They met for 2 h 45 min in all.", "2 h 45 min", 165 * time.Minute, 165 * time.Minute, "", false},
		{"The talks lasted about 2 hours and 45 minutes.", "about 2 hours and 45 minutes", 156*time.Minute + 45*time.Second, 173*time.Minute + 15*time.Second, "about", false},
		{"They met for about 38 minutes.", "about 38 minutes", 36*time.Minute + 6*time.Second, 39*time.Minute + 54*time.Second, "about", false},
		{"They met for around 45 minutes.", "around 45 minutes", 42*time.Minute + 30*time.Second, 47*time.Minute + 30*time.Second, "around", false},
		{"They met for about four hours.", "about four hours", 210 * time.Minute, 270 * time.Minute, "about", false},
		{"The meeting, shorter than the seven hours initially anticipated, ended.", "seven hours", 7 * h, 7 * h, "", true},
		{"It ended after just a few hours.", "just a few hours", 2 * h, 4 * h, "just", false},
		{"Their nearly three-hour-long talks were productive.", "nearly three-hour-long", 165*time.Minute + 36*time.Second, 3 * h, "nearly", false},
		{"They spoke for more than 45 minutes.", "more than 45 minutes", 45 * time.Minute, 56*time.Minute + 15*time.Second, "more than", false},
	}
	for _, tt := range tests {
		var d *TimeMention
		got := FindTimes(tt.text, reference{})
		for i := range got {
			if got[i].Kind == TimeDuration {
				d = &got[i]
			}
		}
		if d == nil {
			t.Errorf("%q: no duration in %+v", tt.text, got)
			continue
		}
		if d.Text != tt.match || d.Low != tt.low || d.High != tt.high || d.Qualifier != tt.qualifier || d.Expected != tt.expected {
			t.Errorf("%q: got %q [%v, %v] %q expected=%v; want %q [%v, %v] %q expected=%v", tt.text, d.Text, d.Low, d.High, d.Qualifier, d.Expected, tt.match, tt.low, tt.high, tt.qualifier, tt.expected)
		}
	}
}

func TestFindTimesDatesAndRelative(t *testing.T) {
	ref := anchorage(t)
	got := FindTimes("On Friday, August 15, 2025, hours before the summit, Zelensky spoke; the next day he flew on, and on Monday he went to Washington.", ref)
	var kinds []string
	for _, m := range got {
		kinds = append(kinds, string(m.Kind)+":"+m.Text)
		if m.Kind == TimeWeekday && m.Text == "Monday" && m.Time.Format("2006-01-02") != "2025-08-18" {
			t.Errorf("Monday resolved to %v", m.Time)
		}
		if m.Kind == TimeWeekday && m.Text == "Friday" && m.Time.Format("2006-01-02") != "2025-08-15" {
			t.Errorf("Friday resolved to %v", m.Time)
		}
	}
	want := "weekday:Friday date:August 15, 2025 relative:hours before relative:the next day weekday:Monday"
	if strings.Join(kinds, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(kinds, " "), want)
	}
	// Without a reference day nothing is resolved, but everything is found.
	for _, m := range FindTimes("At 3 p.m. on Friday they met.", reference{}) {
		if m.Resolved {
			t.Errorf("%+v resolved without a reference", m)
		}
	}
}

func FuzzFindTimes(f *testing.F) {
	for _, s := range []string{"10:25 a.m. ET", "nearly three hours", "2 h 45 min", "August 15, 2025", "99:99 p.m.", "0 hours", "Friday's"} {
		f.Add(s)
	}
	loc, _ := time.LoadLocation("America/Anchorage")
	ref := reference{day: time.Date(2025, 8, 15, 0, 0, 0, 0, loc), loc: loc, known: true}
	f.Fuzz(func(t *testing.T, text string) {
		for _, m := range FindTimes(text, ref) {
			if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Fatalf("bad span %+v", m)
			}
			if m.Kind == TimeDuration && (m.Low > m.High || m.Low < 0) {
				t.Fatalf("bad range %+v", m)
			}
		}
	})
}

// durationSamples are texts on which findDurations must agree with
// durationRe: the expression's choices between alternatives, boundaries and
// separators.
var durationSamples = []string{
	"nearly three hours", "2 h 45 min", "2 hours 45min", "about an hour", "half an hour", "half a min", "a couple of hours",
	"a couple hours", "a few minutes", "forty-five minutes", "forty five minutes", "one and a half hours", "one-and-a-half-hour",
	"just over two hours", "just two hours", "just overall two hours", "well over 3 hours-long", "two hours, and 15 minutes long",
	"1.5 hours", "1. hours", "10,5 hours", "_2 hours", "x2 hours", "3 hoursx", "3 hours_", "3 HOURS AND 5 MINS", "an hour and a half",
	"amin", "2 hours amin", "2 hours and an min", "some  nine hrs", "more than\tten h", "hours", "- 2 - hours -- long",
	"the 2 hours 3 hours 4 min", "ſome two hours", "two hourſ", "\u212aeep 3 hours", "upwards of 90 minutes", "at most an hr",
	"several\nhours", "ten\fhours", "ten\vhours", "12h", "12 h.", "one and a half", "two and a half hours and two and a half minutes",
}

func TestFindDurationsMatchesTheExpression(t *testing.T) {
	texts := append([]string{}, durationSamples...)
	files, _ := filepath.Glob("../assets/corpus/*/*.txt")
	more, _ := filepath.Glob("testdata/summits/*.txt")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	if len(texts) < 200 {
		t.Fatalf("only %d texts", len(texts))
	}
	found := 0
	for _, w := range append(texts, "Expected", "unexpected", "xexpected", "expected_", "planned.", "supposed  to", "SUPPOSED TO", "ſlated", "slated") {
		if got, want := saysExpected(w), expectedRe.MatchString(w); got != want {
			t.Errorf("%q: expected %v, want %v", w, got, want)
		}
		for cut := 1; cut < len(w) && cut < 60; cut += 7 { // windows cut inside words
			if got, want := saysExpected(w[cut:]), expectedRe.MatchString(w[cut:]); got != want {
				t.Errorf("%q: expected %v, want %v", w[cut:], got, want)
			}
		}
	}
	for _, w := range texts {
		want := durationRe.FindAllStringSubmatchIndex(w, -1)
		if got := findDurations(w); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, want %v", w, got, want)
		}
		found += len(want)
	}
	if found < 20 {
		t.Errorf("only %d durations in the samples", found)
	}
}

func FuzzFindDurations(f *testing.F) {
	for _, s := range durationSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		want := durationRe.FindAllStringSubmatchIndex(w, -1)
		if got := findDurations(w); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: got %v, want %v", w, got, want)
		}
		if got, want := saysExpected(w), expectedRe.MatchString(w); got != want {
			t.Fatalf("%q: expected %v, want %v", w, got, want)
		}
	})
}
