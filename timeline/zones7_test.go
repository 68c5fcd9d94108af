package timeline

import (
	"testing"
	"time"
)

func TestBracketOffset(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int // seconds
		ok   bool
	}{
		{"The vote opened at 8:30 a.m. (0630 GMT) in the capital.", 2 * 3600, true},
		{"They landed at 11 p.m. (1400 GMT; 10 a.m. EDT).", 9 * 3600, true},
		{"Prayers began at 6 a.m. (2 p.m. AEST, 0400 UTC).", 2 * 3600, true},
		{"The talks ended at 1:15 a.m. (1745 GMT Tuesday).", 7*3600 + 30*60, true},
		{"Doors opened at 9 a.m. (local time) and the vote began at 10 GMT.", 0, false},
		{"The ceremony took place in the afternoon (about 1500 GMT).", 0, false},
	} {
		got, ok := bracketOffset(tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%q: %d %v, want %d %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLocalClockOfDay(t *testing.T) {
	plus1 := time.FixedZone("", 3600)
	paris, _ := time.LoadLocation("Europe/Paris")
	h := func(x float64) time.Duration { return time.Duration(x * float64(time.Hour)) }
	for _, tt := range []struct {
		name      string
		text      string
		event     *time.Location
		known     bool
		wantLow   time.Duration
		wantZoned bool
	}{
		{"EST to GMT+1", "7 a.m. EST", plus1, true, h(13), false},
		{"GMT to GMT+1 across midnight", "23:30 GMT", time.FixedZone("", 5*3600), true, h(4.5), false},
		{"the event's own zone", "2:10 p.m. CET", paris, true, h(14 + 1.0/6), false},
		{"another zone, event with summer time", "9 a.m. EST", paris, true, h(9), true},
		{"event offset unknown", "9 a.m. EST", nil, false, h(9), true},
		{"local time is no zone", "9 a.m. local time", plus1, true, h(9), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var low time.Duration
			switch tt.text {
			case "7 a.m. EST":
				low = h(7)
			case "23:30 GMT":
				low = h(23.5)
			case "2:10 p.m. CET":
				low = h(14 + 1.0/6)
			default:
				low = h(9)
			}
			gotLow, _, zoned := localClockOfDay(tt.text, low, low, tt.event, tt.known)
			if gotLow != tt.wantLow || zoned != tt.wantZoned {
				t.Errorf("%v zoned %v, want %v zoned %v", gotLow, zoned, tt.wantLow, tt.wantZoned)
			}
		})
	}
}

func TestLocalizeZoned(t *testing.T) {
	sunday := time.Date(1989, 12, 3, 0, 0, 0, 0, time.UTC)
	at := func(hh, mm int) float64 {
		return float64(sunday.Add(time.Duration(hh)*time.Hour + time.Duration(mm)*time.Minute).Unix())
	}
	local := Claim{Quantity: "time of departure", File: "a", Unit: "time", Low: at(15, 30), High: at(16, 0), ClockLow: 16*time.Hour + 30*time.Minute, ClockHigh: 17 * time.Hour, Day: "sunday"}
	zoned := Claim{Quantity: "time of departure", File: "b", Unit: "time", Low: at(14, 50), High: at(15, 10), ClockLow: 14*time.Hour + 50*time.Minute, ClockHigh: 15*time.Hour + 10*time.Minute, Day: "sunday", Zoned: true}
	otherOffset := local
	otherOffset.ClockLow, otherOffset.ClockHigh = 18*time.Hour+30*time.Minute, 19*time.Hour
	for _, tt := range []struct {
		name      string
		claims    []Claim
		wantLow   time.Duration // of the zoned claim, last
		wantZoned bool
	}{
		{"the corpus shows GMT+1", []Claim{local, zoned}, 15*time.Hour + 50*time.Minute, false},
		{"offsets disagree", []Claim{local, otherOffset, zoned}, 14*time.Hour + 50*time.Minute, true},
		{"no resolved local claim", []Claim{zoned}, 14*time.Hour + 50*time.Minute, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := localizeZoned(tt.claims)
			got := out[len(out)-1]
			if got.ClockLow != tt.wantLow || got.Zoned != tt.wantZoned {
				t.Errorf("clock %v zoned %v, want %v zoned %v", got.ClockLow, got.Zoned, tt.wantLow, tt.wantZoned)
			}
			if !tt.claims[len(tt.claims)-1].Zoned {
				t.Error("the caller's claims were changed")
			}
		})
	}
}

func TestStatedOffsetSignIsAPlusOrMinus(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
		ok   bool
	}{
		{"Kickoff is at 20:00 (GMT+3).", 3 * 3600, true},
		{"Kickoff is at 20:00 (GMT−5).", -5 * 3600, true},
		{"It began at 10:05 a.m. (0905 GMT; 4:05 a.m. EST).", 3600, true},
		{"Results came at 0400 GMT, 5 hours later.", 0, false},
	} {
		got, ok := statedOffset(tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%q: %d %v, want %d %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}
