package timeline_test

import (
	"testing"

	"github.com/newsreel/newsreel/timeline"
)

// Rules from the sixth held-out set's errors, in phrasings beyond its
// texts.

func TestClaimDescribeRounds(t *testing.T) {
	s := summitSchema(t)
	tests := []struct{ text, want string }{
		{"About 200 people rallied outside the consulate.", "180–220 count"},
		{"Some 70 officials attended the dinner.", "63–77 count"},
		{"More than 30 journalists waited in the rain.", "30–45 count"},
		{"Nearly 900 guests had been invited.", "810–900 count"},
	}
	for _, tt := range tests {
		claims := s.FindClaims(s.AnalyzeCorpus([]timeline.Article{{Source: "A", File: "a.txt", Body: tt.text}}))
		if len(claims) != 1 {
			t.Errorf("%q: %d claims, want 1", tt.text, len(claims))
			continue
		}
		if got := claims[0].Describe(); got != tt.want {
			t.Errorf("%q: Describe %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDurationRules6(t *testing.T) {
	checkClaimCases(t, []claimCase{
		{"subject far from lasted", "The session, which opened at 10 a.m. local time (2 a.m. in Washington) after a delay, lasted about 90 minutes.",
			[]string{"duration of talks = about 90 minutes"}, nil},
		{"summit lasted", "The summit, held at a lakeside villa outside the capital on Tuesday, lasted nearly five hours.",
			[]string{"duration of talks = nearly five hours"}, nil},
		{"not the subject", "Officials from both sides, who had prepared the agenda for weeks, lasted only two hours in the heat.",
			nil, []string{"duration of"}},
		{"phone call", "Moon said he and Trump spoke for about 40 minutes before the call ended.",
			nil, []string{"duration of"}},
		{"telephone", "Xi spoke with Biden by telephone for two hours on Thursday.",
			nil, []string{"duration of"}},
		{"on the line", "Macron said he talked to Putin for more than an hour, first alone and then with Scholz on the line.",
			nil, []string{"duration of"}},
		{"call heading", "Abe: a long call with Trump\n\nAbe says the two men talked one-on-one for 50 minutes.",
			nil, []string{"duration of"}},
		{"call as a verb is no call", "Leaders call truce after talks\n\nThe leaders met behind closed doors for nearly two hours.",
			[]string{"duration of talks = nearly two hours"}, nil},
	})
}

func TestCountRules6(t *testing.T) {
	checkClaimCases(t, []claimCase{
		{"fighters and jets", "Two F-16 fighters and a tanker trailed the plane; later four Rafale jets joined.",
			[]string{"count of jets = Two F-16 fighters", "count of jets = four Rafale jets"}, []string{"count of fighters"}},
		{"warplanes", "Six warplanes flew over the parade ground.",
			[]string{"count of jets = Six warplanes"}, nil},
		{"several", "Several armoured limousines waited by the steps while several hundred protesters chanted.",
			[]string{"count of limousines = Several armoured limousines"}, []string{"count of protesters"}},
		{"several units", "The leaders talked for several hours and met several times.",
			nil, []string{"count of"}},
		{"several of", "Several of the guards wore sunglasses.",
			nil, []string{"count of"}},
	})
	checkDiscrepancyCases(t, []discrepancyCase{
		{"several against two", []string{
			"A bomber flew over the base, escorted by several fighter jets.",
			"A bomber flanked by two F-35 fighters roared over the base.",
		}, "count of jets"},
		{"several against four", []string{
			"A bomber flew over the base, escorted by several fighter jets.",
			"A bomber flew over the base with an escort of four fighter jets.",
		}, ""},
	})
}
