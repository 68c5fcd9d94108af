package timeline_test

import (
	"sort"
	"testing"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// claimsOf analyses one-article-per-text corpora and returns their claims
// as "quantity = value" (expected ones marked), sorted.
func claimsOf(t *testing.T, texts ...string) ([]string, []timeline.Discrepancy) {
	t.Helper()
	s := summitSchema(t)
	var arts []timeline.Article
	for i, text := range texts {
		arts = append(arts, timeline.Article{Source: string(rune('A' + i)), File: string(rune('a'+i)) + ".txt", Body: text})
	}
	claims := s.FindClaims(s.AnalyzeCorpus(arts))
	var out []string
	for _, c := range claims {
		e := ""
		if c.Expected {
			e = " (expected)"
		}
		out = append(out, c.Quantity+" = "+c.Value+e)
	}
	sort.Strings(out)
	return out, timeline.FindDiscrepancies(claims)
}

func TestClaimRules(t *testing.T) {
	tests := []claimCase{
		{"thousands", "More than 3,000 journalists descended on the island nation of 240,000 people.",
			[]string{"count of journalists = More than 3,000 journalists", "count of people = 240,000 people"}, []string{"count of 000 journalists"}},
		{"synonyms", "Some 2,000 reporters crowded into the city; 150 correspondents stayed away.",
			[]string{"count of journalists = Some 2,000 reporters", "count of journalists = 150 correspondents"}, nil},
		{"head noun", "Two destroyers fired 59 Tomahawk cruise missiles at the base.",
			[]string{"count of missiles = 59 Tomahawk cruise missiles"}, []string{"count of cruise missiles"}},
		{"names and verbs", "Pyongyang asked for the lifting of five of the 11 United Nations resolutions, and the two men shook hands.",
			nil, []string{"count of nations", "count of shook hands", "count of men"}},
		{"a million", "The war has killed more than a million people.",
			[]string{"count of people = more than a million people"}, nil},
		{"distance", "Kim, who had travelled some 4,000 km by armoured train, stayed on. He was driven the last 170 km to the capital.",
			[]string{"distance of journey = some 4,000 km"}, []string{"distance of journey = 170 km"}},
		{"distance without travel", "The base lies 50 km from the border.", nil, []string{"distance of journey"}},
		{"event noun governs lasted", "The two men shook hands before being ushered into a tête-à-tête that lasted about 40 minutes.",
			[]string{"duration of talks = about 40 minutes"}, []string{"duration of arrival"}},
		{"met for", "On Friday morning the delegations met behind closed doors for nearly three hours.",
			[]string{"duration of talks = nearly three hours"}, nil},
		{"spent together", "Over the weekend the two men spent nearly 11 hours together across four sessions.",
			[]string{"duration of talks = nearly 11 hours"}, nil},
		{"shift", "Mr. Trump moved up his press conference at the hotel by two hours. Putin arrived about half an hour late.",
			nil, []string{"duration of press-conference", "duration of arrival"}},
		{"journey", "Kim reached the border after a 65-hour journey by train.", nil, []string{"duration of arrival", "duration of talks"}},
		{"planned time", "A joint signing ceremony scheduled for 2:05 p.m. was called off. He brought forward a news conference that had been set for 4 p.m.",
			[]string{"time of press-conference = 4 p.m. (expected)"}, []string{"time of press-conference = 4 p.m."}},
		{"time without a phase", "The leaders emerged from the villa at about 6:30 p.m., hours after the session was due to end.",
			[]string{"time emerged = about 6:30 p.m."}, nil},
	}
	checkClaimCases(t, tests)
}

func TestDiscrepancyRules(t *testing.T) {
	tests := []struct {
		name       string
		texts      []string
		quantity   string // "" when no discrepancy is wanted
		notAnother bool
	}{
		{"counts of the same crowd", []string{"More than 3,000 journalists came.", "Some 2,000 reporters came."}, "count of journalists", false},
		{"small counts are exact", []string{"The ships fired 59 Tomahawk cruise missiles.", "The ships fired 60 Tomahawk missiles."}, "count of missiles", false},
		{"distances", []string{"Kim had travelled some 4,000 km by train.", "The train journey covered roughly 4,500 km."}, "distance of journey", false},
		{"compatible distances", []string{"Kim had travelled some 4,000 km by train.", "The train journey covered about 4,100 km."}, "", false},
		{"unknown subject meets a named one", []string{"Xi landed on Thursday. The Chinese motorcade reached the resort at about 5:30 p.m.",
			"Xi's motorcade pulled into the resort shortly after 6 p.m. on Thursday."}, "time of motorcade", false},
		{"different people", []string{"Xi's motorcade reached the resort at about 5:30 p.m.", "Trump's motorcade reached the resort at 6:15 p.m."}, "", false},
		{"different days", []string{"On Wednesday, Trump greeted Kim at the hotel at about 6:30 p.m.",
			"Kim's limousine pulled up at the hotel shortly before 9 a.m. on Thursday and the two shook hands."}, "", false},
		{"about a quarter hour", []string{"Air Force One jetted out of the airport at about 4:15 p.m.", "Air Force One departed shortly after 3:30 p.m."}, "time of departure", false},
		{"plans never contradict", []string{"The news conference had been set for 4 p.m.", "The news conference began at 2 p.m."}, "", false},
	}
	for _, tt := range tests {
		_, ds := claimsOf(t, tt.texts...)
		var qs []string
		for _, d := range ds {
			qs = append(qs, d.Quantity)
		}
		switch {
		case tt.quantity == "" && len(ds) > 0:
			t.Errorf("%s: unwanted discrepancies %q", tt.name, qs)
		case tt.quantity != "" && (len(ds) == 0 || ds[0].Quantity != tt.quantity):
			t.Errorf("%s: got %q, want %q", tt.name, qs, tt.quantity)
		}
	}
}

// TestClockDayFromEarlierSentence: a clock time goes on the day the
// previous sentence of its paragraph named.
func TestClockDayFromEarlierSentence(t *testing.T) {
	s := summitSchema(t)
	pub := time.Date(2017, 4, 7, 22, 15, 0, 0, time.FixedZone("", -4*3600)) // a Friday
	a := s.Analyze(timeline.Article{Source: "S", File: "a.md", Published: pub,
		Body: "The leaders ended their talks on Friday.\n\nXi landed on Thursday afternoon. The Chinese motorcade reached the resort at about 5:30 p.m."})
	got := ""
	for _, sent := range a.Sentences {
		for _, tm := range sent.Times {
			if tm.Kind == timeline.TimeClock {
				got = tm.Time.Format("2006-01-02 15:04")
			}
		}
	}
	if got != "2017-04-06 17:30" {
		t.Errorf("clock on %s, want 2017-04-06 17:30", got)
	}
}
