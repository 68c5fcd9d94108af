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
		{"an activity lasting", "After lunch the presidents took a carriage ride lasting about 25 minutes through the old town.",
			[]string{"duration of ride = about 25 minutes"}, nil},
		{"an activity of", "The two men set off on a walk of nearly an hour along the river.",
			[]string{"duration of walk = nearly an hour"}, nil},
		{"a noun that is no activity", "Crowds waited along the road lasting about 25 minutes.",
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
		{"an activity's length", []string{
			"The leaders took a boat ride lasting about 30 minutes.",
			"They went on a boat ride of nearly two hours."}, "duration of ride"},
		{"over against almost", []string{
			"The talks lasted over four hours.",
			"The talks lasted almost five hours."}, ""},
		{"a little over against about", []string{
			"The talks lasted a little over four hours.",
			"The talks lasted about four hours."}, ""},
	})
}

func TestZonedClockRules7(t *testing.T) {
	checkClaimCases(t, []claimCase{
		{"noon with its zone", "The joint news conference was held at noon GMT in the ship's lounge.",
			[]string{"time of press-conference = noon GMT"}, nil},
	})
	checkDiscrepancyCases(t, []discrepancyCase{
		{"a clock and its conversions agree", []string{
			"The talks began at 9:30 a.m. (0830 GMT; 3:30 a.m. EST). The news conference began at 2 p.m. (8 a.m. EST, 1300 GMT) and lasted an hour."}, ""},
	})
}

func TestHeightRules7(t *testing.T) {
	checkClaimCases(t, []claimCase{
		{"waves of feet", "Gales and waves of up to 12 feet kept the ferries in port.",
			[]string{"height of waves = up to 12 feet"}, nil},
		{"glued unit", "The storm sent waves 4m high across the promenade.",
			[]string{"height of waves = 4m"}, nil},
		{"unit before the noun", "Crews battled 18-foot swells all night.",
			[]string{"height of waves = 18-foot"}, nil},
		{"metres are no count", "Waves of about two metres rolled in.",
			[]string{"height of waves = about two metres"}, []string{"count of metres"}},
		{"a length without waves", "The podium stood three metres from the flags.",
			nil, []string{"height of", "count of metres"}},
	})
	checkDiscrepancyCases(t, []discrepancyCase{
		{"feet against metres", []string{
			"Waves 25 feet high battered the harbour.",
			"Waves of about three metres battered the harbour."}, "height of waves"},
		{"feet and metres agree", []string{
			"Waves 10 feet high battered the harbour.",
			"Waves of about three metres battered the harbour."}, ""},
	})
}

func TestPlannedWeekdayRules7(t *testing.T) {
	checkDiscrepancyCases(t, []discrepancyCase{
		{"a plan's weekday is not the departure's day", []string{
			"On Sunday the summit ended. The president left at 4:50 p.m. for Paris, where he is to meet the cabinet on Monday.",
			"On Sunday the summit ended. The president left at 3:10 p.m."}, "time of departure"},
	})
}
