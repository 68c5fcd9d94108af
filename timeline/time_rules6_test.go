package timeline_test

import "testing"

// Clock times in the zone an article is stamped in: "at 4:30 a.m.
// Saturday, Japan time" (the zone after a weekday), and a bare time after
// it in the paragraph, in the same zone.
func TestZoneRules6(t *testing.T) {
	const local = "SINGAPORE — The two leaders met in Singapore on Tuesday at a hotel on Sentosa island. "
	const seoul = "June 12, 2018 23:10 KST\n\nSINGAPORE -- The two leaders met in Singapore on Tuesday at a hotel on Sentosa island. "
	checkDiscrepancyCases(t, []discrepancyCase{
		{"zone after a weekday, agreeing", []string{
			local + "Their talks began at 10 a.m. at the hotel.",
			seoul + "Their talks began at 11 a.m. Tuesday, Seoul time.\n\nThe talks were held behind closed doors.",
		}, ""},
		{"zone after a weekday, disagreeing", []string{
			local + "Their talks began at 10 a.m. at the hotel.",
			seoul + "Their talks began at 10 a.m. on Tuesday (KST).\n\nThe talks were held behind closed doors.",
		}, "time of talks"},
		{"stamp zone carried to a bare time, agreeing", []string{
			local + "Kim's plane landed at the airport at 8:30 a.m.",
			seoul + "Their talks began at 10:15 a.m. Tuesday, Seoul time. Kim's plane landed at the airport at around 9:30 a.m., 45 minutes earlier.",
		}, ""},
		{"stamp zone carried to a bare time, disagreeing", []string{
			local + "Kim's plane landed at the airport at 9:30 a.m.",
			seoul + "Their talks began at 10:15 a.m. Tuesday, Seoul time. Kim's plane landed at the airport at around 9:30 a.m., 45 minutes earlier.",
		}, "time of arrival"},
		{"another zone is not carried", []string{
			local + "Kim's plane landed at the airport at 9:30 a.m.",
			seoul + "Their talks began at 10:15 a.m. local time (11:15 a.m. Seoul time). Kim's plane landed at the airport at around 9:30 a.m.",
		}, ""},
		{"split after a.m. before the zone", []string{
			local + "Kim's plane landed at the airport at 8:30 a.m.",
			seoul + "Kim's plane landed at the airport at around 9:30 a.m. Seoul time. Trump followed.",
		}, ""},
	})
}

// An article without a dateline is in the zone of the place it reports
// from; a live page's date headings give its entries' day.
func TestPlaceZoneRules6(t *testing.T) {
	const local = "SINGAPORE — Kim Jong Un arrived in Singapore on Sunday ahead of the summit. "
	const placed = "10 June 2018\n\nKim Jong Un arrived in Singapore on Sunday ahead of the summit, officials in Singapore said. "
	checkDiscrepancyCases(t, []discrepancyCase{
		{"place named most, agreeing", []string{
			local + "Kim's plane landed at the airport at 2:35 p.m.",
			placed + "Kim's plane landed at the airport at 06:35 GMT.",
		}, ""},
		{"place named most, disagreeing", []string{
			local + "Kim's plane landed at the airport at 2:35 p.m.",
			placed + "Kim's plane landed at the airport at 07:35 GMT.",
		}, "time of arrival"},
		{"named most but placed elsewhere", []string{
			local + "Kim's plane landed at the airport at 2:35 p.m.",
			"10 June 2018\n\nThe Singapore summit: Singapore talks at a Singapore hotel. Officials in Tokyo and in Tokyo again watched. Kim's plane landed at the airport at 07:35 GMT on Sunday.",
		}, ""},
		{"live page date headings", []string{
			local + "Kim's plane landed at the airport at 2:35 p.m.",
			"LIVE: Summit in Singapore\n\nKim to fly home on Wednesday, officials in Singapore say.\n\n12 Jun 2018\n\n09:00 GMT\n\nTalks under way\n\nThe talks in Singapore have begun.\n\n10 Jun 2018\n\n07:40 GMT\n\nKim lands\n\nKim's plane landed at the airport at 07:35 GMT.",
		}, "time of arrival"},
	})
}
