package timeline_test

import (
	"strings"
	"testing"
)

// claimCase is one text and the claims it must and must not give.
type claimCase struct {
	name, text string
	want       []string // claims that must be there
	not        []string // quantities (or "quantity = value") that must not
}

func checkClaimCases(t *testing.T, tests []claimCase) {
	t.Helper()
	for _, tt := range tests {
		got, _ := claimsOf(t, tt.text)
		all := strings.Join(got, "\n")
		for _, w := range tt.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%s: no %q in\n%s", tt.name, w, all)
			}
		}
		for _, n := range tt.not {
			for _, g := range got {
				if g == n || !strings.Contains(n, " = ") && strings.HasPrefix(g, n) {
					t.Errorf("%s: unwanted %q", tt.name, g)
				}
			}
		}
	}
}

// discrepancyCase is a corpus and the discrepancy it must (or must not) hold.
type discrepancyCase struct {
	name     string
	texts    []string
	quantity string // "" when no discrepancy is wanted
}

func checkDiscrepancyCases(t *testing.T, tests []discrepancyCase) {
	t.Helper()
	for _, tt := range tests {
		_, ds := claimsOf(t, tt.texts...)
		var qs []string
		for _, d := range ds {
			qs = append(qs, d.Quantity)
		}
		found := false
		for _, q := range qs {
			found = found || q == tt.quantity
		}
		switch {
		case tt.quantity == "" && len(ds) > 0:
			t.Errorf("%s: unwanted discrepancies %q", tt.name, qs)
		case tt.quantity != "" && !found:
			t.Errorf("%s: got %q, want %q", tt.name, qs, tt.quantity)
		}
	}
}

func TestCountRulesPeopleAndClocks(t *testing.T) {
	checkClaimCases(t, []claimCase{
		{"demonym crowd", "Some 50,000 Viennese stood under umbrellas along the route.",
			[]string{"count of people = Some 50,000 Viennese"}, nil},
		{"upwards of", "Upwards of 100,000 Parisians turned out along the boulevards.",
			[]string{"count of people = Upwards of 100,000 Parisians"}, nil},
		{"people nouns", "About 20,000 spectators lined the quay and 3,000 residents watched from balconies.",
			[]string{"count of people = About 20,000 spectators", "count of people = 3,000 residents"}, nil},
		{"crowd of", "A crowd of 8,000 waited outside the palace.", []string{"count of people = 8,000"}, nil},
		{"demonym before a noun", "Russia launched 29 Ukrainian drones; 3 Chinese officials attended.",
			nil, []string{"count of people"}},
		{"live-blog stamps", "12:50 GMT – The talks are over. 09:44 GMT – Opening remarks.", nil, []string{"count of"}},
		{"bare stamps", "17:10 – Putin lands at the airport. About 18:25 – Abe greets Putin.", nil, []string{"count of"}},
		{"dotted stamps", "At 10.15 talks resume, and at 12.45 delegations lunch.", nil, []string{"count of"}},
	})
}

func TestDurationRulesPlansAndRounding(t *testing.T) {
	checkClaimCases(t, []claimCase{
		{"compared with the plan", "The meeting lasted about three and a half hours, longer than either side had planned.",
			[]string{"duration of talks = about three and a half hours"}, []string{"duration of talks = about three and a half hours (expected)"}},
		{"shorter than scheduled", "The talks ran for two hours, far shorter than scheduled.",
			[]string{"duration of talks = two hours"}, nil},
		{"the plan compared with", "The session was far longer than the 90 minutes allotted in the original schedule for the talks.",
			[]string{"duration of talks = 90 minutes (expected)"}, []string{"duration of talks = 90 minutes"}},
		{"foreseen", "The talks took four hours, not the two hours foreseen.",
			[]string{"duration of talks = two hours (expected)"}, nil},
	})
	checkDiscrepancyCases(t, []discrepancyCase{
		{"rounded hours do not overlap", []string{"In all the two leaders spent about 11 hours together in talks.", "The talks, some twelve hours in all, ranged widely."}, "duration of talks"},
		{"rounded hours agree", []string{"In all the two leaders spent about 11 hours together in talks.", "The talks lasted roughly 11 hours."}, ""},
		{"to the minute", []string{"The talks lasted three hours and 12 minutes.", "The talks lasted about three and a half hours."}, "duration of talks"},
		{"round numbers are rounded", []string{"The talks lasted three hours.", "The talks lasted about three and a half hours."}, ""},
	})
}

func TestDistanceRulesConvoys(t *testing.T) {
	checkClaimCases(t, []claimCase{
		{"convoy carried", "A convoy of black cars then carried him about 90 kilometres north to the coast.",
			[]string{"distance of journey = about 90 kilometres"}, nil},
		{"motorcade", "From the airport a motorcade carried him some 70 km through the hills.",
			[]string{"distance of journey = some 70 km"}, nil},
		{"a place, not a journey", "The inn lies 70 km from the airport.", nil, []string{"distance of journey"}},
	})
}

func TestDelayMoneyAgreementRules(t *testing.T) {
	checkClaimCases(t, []claimCase{
		{"behind schedule", "The president's plane landed at the airport nearly three hours behind schedule.",
			[]string{"delay of arrival = nearly three hours"}, []string{"duration of"}},
		{"late", "His plane landed almost two hours late at the airport.", []string{"delay of arrival = almost two hours"}, []string{"duration of"}},
		{"later than planned", "The press conference began more than an hour later than planned.",
			[]string{"delay of press-conference = more than an hour"}, nil},
		{"later, not a delay", "Two hours later the leaders sat down for talks.", nil, []string{"delay"}},
		{"money with a conversion", "They will sign deals worth about 300 billion yen ($2.5 billion).",
			[]string{"money in JPY = about 300 billion yen ($2.5 billion)", "money in USD = about 300 billion yen ($2.5 billion)"}, nil},
		{"money abbreviations", "Officials signed 68 deals worth about $3bn and €400m of loans.",
			[]string{"money in USD = about $3bn", "money in EUR = €400m"}, nil},
		{"signed documents are agreements", "The leaders are expected to sign more than 80 documents on cooperation.",
			[]string{"count of agreements = more than 80 documents"}, nil},
		{"documents unsigned", "Investigators seized 80 documents.", []string{"count of documents = 80 documents"}, nil},
	})
	checkDiscrepancyCases(t, []discrepancyCase{
		{"delays", []string{"Putin's plane landed at the airport nearly three hours behind schedule.", "Putin's plane touched down at the airport two and a half hours late."}, "delay of arrival"},
		{"sums in one currency", []string{"The deals are worth about 300 billion yen ($2.5 billion).", "They signed deals worth about $3bn."}, "money in USD"},
		{"sums in other currencies never compare", []string{"The deals are worth about 300 billion yen.", "They signed deals worth about $3bn."}, ""},
		{"signed things", []string{"The leaders signed more than 80 documents.", "Officials signed 68 commercial deals."}, "count of agreements"},
	})
}
