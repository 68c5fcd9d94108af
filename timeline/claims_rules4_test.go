package timeline_test

import "testing"

// Rules from the fourth held-out set's errors, in phrasings beyond its
// texts.
func TestClaimRules4(t *testing.T) {
	checkClaimCases(t, []claimCase{
		{"designation count", "Two MiG-29 jets and three Su-57 fighters escorted the plane.",
			[]string{"count of jets = Two MiG-29 jets", "count of jets = three Su-57 fighters"}, []string{"count of jets = 29 jets", "count of jets = 57 fighters"}},
		{"designation alone", "Reporters saw parked F-22 fighters and a Tu-95 bomber on the apron.",
			nil, []string{"count of fighters"}},
		{"half", "The leaders met behind closed doors for 1½ hours.",
			[]string{"duration of talks = 1.5 hours"}, nil},
		{"waiting", "Xi stood on the tarmac for almost half an hour before the plane's doors opened.",
			[]string{"duration of waiting = almost half an hour"}, nil},
		{"press appearance", "The two men then spoke to journalists for 25 minutes.",
			[]string{"duration of press-conference = 25 minutes"}, nil},
		{"clock elsewhere", "By the time the leaders left the stage, it was already 3 a.m. in Tokyo.",
			nil, []string{"time of press-conference", "time of departure"}},
		{"clock back home", "The summit ended at 10 p.m. back home, when most viewers were asleep.",
			nil, []string{"time of talks"}},
	})
}

// A zoned clock compares with a local one when the article's dateline
// or stamps place the event in a zone.
func TestZoneRules4(t *testing.T) {
	checkDiscrepancyCases(t, []discrepancyCase{
		{"dateline zone", []string{
			"ANCHORAGE, Alaska — President Trump landed in Anchorage on Friday. The two leaders shook hands at 11:30 a.m. on the tarmac.",
			"ANCHORAGE, Aug. 16, 2025 — The talks in Anchorage went well. The two presidents shook hands at 19:05 GMT on Friday on the tarmac.",
		}, "time of arrival"},
		{"dateline elsewhere", []string{
			"ANCHORAGE, Alaska — President Trump landed in Anchorage on Friday. The two leaders shook hands at 11:30 a.m. on the tarmac.",
			"MOSCOW, Aug. 16, 2025 — In Anchorage, the two presidents shook hands at 19:05 GMT on Friday on the tarmac.",
		}, ""},
		{"stamp zone", []string{
			"All times Alaska Daylight Time (AKDT). The leaders met in Alaska on Friday.\n\n**11:02 AKDT — The handshake**\n\nThe two leaders have shaken hands on the tarmac.",
			"ANCHORAGE, Alaska — The leaders met on Friday. The two leaders shook hands at 11:40 a.m. on the tarmac.",
		}, "time of arrival"},
	})
}
