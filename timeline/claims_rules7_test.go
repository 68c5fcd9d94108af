package timeline_test

import "testing"

// Rules from the seventh held-out set's errors, in phrasings beyond its
// texts.

func TestDurationRules7(t *testing.T) {
	checkClaimCases(t, []claimCase{
		{"clock conversion in brackets", "The meeting opened at 9:30 a.m. (0830 GMT; 3:30 a.m. EST) and lasted about three hours.",
			[]string{"duration of talks = about three hours"}, nil},
		{"it after the phase", "The second session was held in the palace library. It started late and lasted a little over two hours.",
			[]string{"duration of talks = over two hours"}, nil},
		{"it with no phase before", "The rain began at noon over the harbour. It lasted two hours.",
			nil, []string{"duration of"}},
		{"subject far from lasted, a little over", "The summit, which opened after a delay of an hour in the rain, lasted slightly over six hours.",
			[]string{"duration of talks = over six hours"}, nil},
	})
}

func TestDurationDiscrepancies7(t *testing.T) {
	checkDiscrepancyCases(t, []discrepancyCase{
		{"a little over against almost", []string{
			"The talks lasted a little over four hours.",
			"The talks lasted almost five hours."}, "duration of talks"},
		{"over against almost", []string{
			"The talks lasted over four hours.",
			"The talks lasted almost five hours."}, ""},
		{"a little over against about", []string{
			"The talks lasted a little over four hours.",
			"The talks lasted about four hours."}, ""},
	})
}
