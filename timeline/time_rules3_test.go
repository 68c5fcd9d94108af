package timeline_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// timeClaims returns the time claims of one-article corpora as
// "quantity [moment] = value".
func timeClaims(t *testing.T, pub time.Time, texts ...string) ([]timeline.Claim, []timeline.Discrepancy) {
	t.Helper()
	s := summitSchema(t)
	var arts []timeline.Article
	for i, text := range texts {
		arts = append(arts, timeline.Article{Source: string(rune('A' + i)), File: string(rune('a'+i)) + ".txt", Body: text, Published: pub})
	}
	var out []timeline.Claim
	claims := s.FindClaims(s.AnalyzeCorpus(arts))
	for _, c := range claims {
		if c.Unit == "time" || c.Unit == "time of day" {
			out = append(out, c)
		}
	}
	return out, timeline.FindDiscrepancies(claims)
}

// The moment a clock time marks is read from the event word nearest to it.
func TestClockMoments(t *testing.T) {
	tests := []struct{ text, value, moment, quantity string }{
		{"Putin's plane landed at the airport at about 5:40 p.m.", "about 5:40 p.m.", "landing", "time of arrival"},
		{"The Russian leader's jet touched down at 17:10.", "17:10", "landing", "time of arrival"},
		{"Trump arrived at the airport at 8:20 p.m.", "8:20 p.m.", "landing", "time of arrival"},
		{"17:10 – Putin lands at Yamaguchi Ube Airport.", "17:10", "landing", "time of arrival"},
		{"Abe greeted Putin at the entrance of the inn at 6:25 p.m.", "6:25 p.m.", "greeting", "time of arrival"},
		{"The two leaders shook hands before a bank of flags at the resort at 5:36 p.m. local time.", "5:36 p.m. local time", "greeting", "time of arrival"},
		{"09:36 GMT – There it is: the handshake.", "09:36 GMT", "greeting", ""},
		{"Biden's motorcade pulled up at the hotel at 09:20 GMT.", "09:20 GMT", "venue", ""},
		{"Kim's limousine drew up outside the residence at 9:05 a.m.", "9:05 a.m.", "venue", ""},
		{"The President arrived at the hotel at 4 p.m. to a cheering crowd.", "4 p.m.", "venue", ""},
		{"Some 50,000 people stood along the route to the residence, where the first session opened at 12:45 p.m.", "12:45 p.m.", "start", "time of talks"},
		{"Sunday's meeting at the embassy had been scheduled for 10 a.m. but began at 10:15 a.m.", "10:15 a.m.", "start", "time of talks"},
		{"12:50 GMT – The talks are over.", "12:50 GMT", "end", "time of talks"},
		{"The negotiations wrapped up shortly after 3 p.m.", "shortly after 3 p.m.", "end", "time of talks"},
		{"At their joint press conference, which began at 4.45pm local time, Putin spoke first.", "4.45pm local time", "start", "time of press-conference"},
		{"Kennedy's plane took off for London at 5:45 p.m.", "5:45 p.m.", "departure", "time of departure"},
		{"Air Force One jetted out of the airport at about 4:15 p.m.", "about 4:15 p.m.", "departure", ""},
	}
	for _, tt := range tests {
		cs, _ := timeClaims(t, time.Time{}, tt.text)
		found := false
		for _, c := range cs {
			if c.Value != tt.value {
				continue
			}
			found = true
			if c.Moment != tt.moment || tt.quantity != "" && c.Quantity != tt.quantity {
				t.Errorf("%q: %s [%s], want %s [%s]", tt.text, c.Quantity, c.Moment, tt.quantity, tt.moment)
			}
		}
		if !found {
			t.Errorf("%q: no claim %q in %v", tt.text, tt.value, cs)
		}
	}
}

// A time stamping an entry is a plan when the entry says so after it.
func TestStampPlans(t *testing.T) {
	tests := []struct {
		text     string
		expected bool
	}{
		{"15:00 – originally scheduled landing of the Russian presidential plane", true},
		{"**16:00 –** planned start of the talks", true},
		{"10:30 - talks were expected to begin", true},
		{"17:10 – Putin lands at Yamaguchi Ube Airport", false},
		{"The plane landed at 17:10 – an hour after it was scheduled.", false},
	}
	s := summitSchema(t)
	for _, tt := range tests {
		var got *timeline.TimeMention
		for _, sent := range s.Analyze(timeline.Article{Source: "A", File: "a.md", Body: tt.text}).Sentences {
			for _, tm := range sent.Times {
				if tm.Kind == timeline.TimeClock && got == nil {
					tm := tm
					got = &tm
				}
			}
		}
		if got == nil || got.Expected != tt.expected {
			t.Errorf("%q: %+v, want expected=%v", tt.text, got, tt.expected)
		}
	}
}

// Claims on different moments of a phase are not compared; one instant
// stated in two zones is no disagreement once the event's offset is known.
func TestMomentAndZoneDiscrepancies(t *testing.T) {
	pub := time.Date(2022, 11, 14, 14, 20, 0, 0, time.UTC)
	tests := []struct {
		name  string
		texts []string
		want  string // moment of the discrepancy wanted, "" for none
	}{
		{"landing and greeting", []string{"Putin's plane landed at the airport at 17:10.", "Abe greeted Putin at the inn at 6:25 p.m."}, ""},
		{"landing and reaching the venue", []string{"Xi's plane landed at about 14:00.", "Xi's motorcade pulled up at the hotel at 5:20 p.m."}, ""},
		{"start and end", []string{"The talks began at 10:15 a.m.", "The talks ended at 1 p.m."}, ""},
		{"two landings", []string{"Putin's plane landed at the airport at about 5:40 p.m.", "Putin's plane touched down at 17:10."}, "landing"},
		{"same instant in two zones", []string{"All times GMT. Bali is eight hours ahead. 09:36 GMT – The leaders shook hands.",
			"The two leaders shook hands at 5:36 p.m. local time."}, ""},
		{"GMT+8 stated", []string{"Local time is GMT+8. The leaders shook hands at 09:36 GMT.", "The leaders shook hands at 5:50 p.m. local time."}, "greeting"},
		{"zones without the event's offset", []string{"The leaders shook hands at 09:36 GMT.", "The leaders shook hands at 5:36 p.m. local time."}, ""},
		{"instants in two named zones", []string{"The leaders shook hands at 09:36 GMT.", "The leaders shook hands at 4:36 a.m. ET."}, ""},
		{"instants in two named zones disagree", []string{"The leaders shook hands at 09:36 GMT.", "The leaders shook hands at 5:36 a.m. ET."}, "greeting"},
	}
	for _, tt := range tests {
		_, ds := timeClaims(t, pub, tt.texts...)
		var got []string
		for _, d := range ds {
			if strings.HasPrefix(d.Quantity, "time") {
				got = append(got, d.Moment)
			}
		}
		switch {
		case tt.want == "" && len(got) > 0:
			t.Errorf("%s: unwanted discrepancies %q", tt.name, got)
		case tt.want != "" && (len(got) != 1 || got[0] != tt.want):
			t.Errorf("%s: got %q, want one on %q", tt.name, got, tt.want)
		}
	}
}

// Delays, offsets and relative durations do not stretch a phase's span.
func TestOffsetsDoNotStretchSpans(t *testing.T) {
	s := summitSchema(t)
	pub := time.Date(1961, 6, 5, 10, 0, 0, 0, time.FixedZone("", 3600))
	for _, text := range []string{
		"The American delegation left Schwechat shortly before 19:00 on Sunday, two hours later than the timetable had foreseen.",
		"Putin's plane landed at the airport at 17:10 on Sunday, nearly three hours behind schedule.",
		"The press conference at the hotel began at 2 p.m. on Sunday, about an hour after the meeting ended.",
		"The departure of Air Force One at 7 p.m. on Sunday was delayed by 40 minutes.",
		"The President's plane took off at 7 p.m. on Sunday, almost three hours late.",
	} {
		tl := s.BuildTimeline(s.AnalyzeCorpus([]timeline.Article{{Source: "A", File: "a.md", Body: text, Published: pub}}), timeline.MinConfidence)
		timed := 0
		for _, p := range tl.Phases {
			if p.Start == nil {
				continue
			}
			timed++
			if !p.End.Time.Equal(p.Start.Time) {
				t.Errorf("%q: %s spans %v to %v (%q)", text, p.ID, p.Start.Time, p.End.Time, p.End.Text)
			}
		}
		if timed == 0 {
			t.Errorf("%q: no timed phase", text)
		}
	}
	// A measured length still closes a span.
	tl := s.BuildTimeline(s.AnalyzeCorpus([]timeline.Article{{Source: "A", File: "a.md", Published: pub,
		Body: "The talks began at 10:15 a.m. on Sunday and lasted three hours."}}), timeline.MinConfidence)
	for _, p := range tl.Phases {
		if p.ID == "talks" && (p.Start == nil || p.End.Time.Sub(p.Start.Time) != 3*time.Hour) {
			t.Errorf("talks span %+v, want three hours", p)
		}
	}
}

// The Bali feed item is dated +08:00, and its clock times are read there.
func TestBaliFeedTimesCarryOffset(t *testing.T) {
	arts, err := ingest.ReadFile(filepath.Join("testdata/heldout3", "bali.rss"), "")
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	s := summitSchema(t)
	a := s.Analyze(arts[0])
	clocks := 0
	for _, sent := range a.Sentences {
		for _, tm := range sent.Times {
			if tm.Kind != timeline.TimeClock {
				continue
			}
			clocks++
			if _, off := tm.Time.Zone(); !tm.Resolved || off != 8*3600 || tm.Time.Hour()*60+tm.Time.Minute() != int(tm.ClockOnly.Minutes()) {
				t.Errorf("%q: %v (resolved %v), want the time of day as written at +08:00", tm.Text, tm.Time, tm.Resolved)
			}
		}
	}
	if clocks != 2 {
		t.Errorf("%d clock times, want 2 (17:50, about 14:00)", clocks)
	}
}
