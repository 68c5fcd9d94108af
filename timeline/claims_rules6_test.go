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
