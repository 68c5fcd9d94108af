package timeline

import "testing"

// TestScoreDiscrepanciesNumbers: a found discrepancy is the gold one only
// when each gold file's claim carries the gold value's numbers.
func TestScoreDiscrepanciesNumbers(t *testing.T) {
	gold := func(q string, vals map[string]string) *Gold {
		g := &Gold{}
		g.Discrepancies = append(g.Discrepancies, struct {
			Quantity string            `json:"quantity"`
			Values   map[string]string `json:"values"`
		}{q, vals})
		return g
	}
	claim := func(file, unit, value string) Claim {
		return Claim{File: file, Source: file, Unit: unit, Value: value}
	}
	tests := []struct {
		name  string
		g     *Gold
		found []Discrepancy
		want  int
	}{
		{"counts with the gold numbers", gold("count of Viennese", map[string]string{"a": "some 50,000", "b": "upwards of 100,000"}),
			[]Discrepancy{{Quantity: "count of people", Claims: []Claim{claim("a", "count", "Some 50,000 Viennese"), claim("b", "count", "upwards of 100,000 Viennese")}}}, 1},
		{"same kind, other numbers", gold("count of Viennese", map[string]string{"a": "some 50,000", "b": "upwards of 100,000"}),
			[]Discrepancy{{Quantity: "count of journalists", Claims: []Claim{claim("a", "count", "some 1,200 reporters"), claim("b", "count", "some 1,500 correspondents")}}}, 0},
		{"clock times across notations", gold("time of the handshake", map[string]string{"a": "9:36 GMT", "b": "5:36 p.m. local time"}),
			[]Discrepancy{{Quantity: "time of arrival", Claims: []Claim{claim("a", "time", "09:36 GMT"), claim("b", "time", "5:36 p.m. local time")}}}, 1},
		{"a clock time is not its minutes", gold("time of landing", map[string]string{"a": "17:10", "b": "about 5:40 p.m."}),
			[]Discrepancy{{Quantity: "count of talks", Claims: []Claim{claim("a", "count", "10 talks"), claim("b", "count", "40 talks")}}}, 0},
		{"durations in words", gold("duration of talks", map[string]string{"a": "about 11 hours", "b": "some twelve hours"}),
			[]Discrepancy{{Quantity: "duration of talks", Claims: []Claim{claim("a", "h", "about 11 hours"), claim("b", "h", "some twelve hours")}}}, 1},
		{"a duration is not a delay of other length", gold("duration of the delay", map[string]string{"a": "nearly three hours", "b": "two and a half hours"}),
			[]Discrepancy{{Quantity: "duration of talks", Claims: []Claim{claim("a", "h", "nearly three hours"), claim("b", "h", "about three hours")}}}, 0},
		{"money with a conversion", gold("money value of the deals", map[string]string{"a": "about 300 billion yen ($2.5 billion)", "b": "about $3bn"}),
			[]Discrepancy{{Quantity: "money of deals", Claims: []Claim{claim("a", "money USD", "about 300 billion yen ($2.5 billion)"), claim("b", "money USD", "about $3 billion")}}}, 1},
		{"wrong unit", gold("time of landing", map[string]string{"a": "17:10", "b": "5:40 p.m."}),
			[]Discrepancy{{Quantity: "count of x", Claims: []Claim{claim("a", "count", "17:10"), claim("b", "count", "5:40 p.m.")}}}, 0},
		{"'number of' is a count", gold("number of guards at the gate", map[string]string{"a": "12", "b": "10"}),
			[]Discrepancy{{Quantity: "count of guards", Claims: []Claim{claim("a", "count", "12 guards"), claim("b", "count", "10 guards")}}}, 1},
		{"'how long' is a duration", gold("how long the lunch ran", map[string]string{"a": "about 40 minutes", "b": "an hour"}),
			[]Discrepancy{{Quantity: "duration of working-lunch", Claims: []Claim{claim("a", "h", "about 40 minutes"), claim("b", "h", "an hour")}}}, 1},
		{"'how long' is not a count", gold("how long the lunch ran", map[string]string{"a": "40 minutes", "b": "60 minutes"}),
			[]Discrepancy{{Quantity: "count of minutes", Claims: []Claim{claim("a", "count", "40 minutes"), claim("b", "count", "60 minutes")}}}, 0},
		{"no kind word: numbers make a count", gold("tanks in the parade", map[string]string{"a": "about 40 tanks", "b": "several tanks", "c": "52 tanks"}),
			[]Discrepancy{{Quantity: "count of tanks", Claims: []Claim{claim("a", "count", "about 40 tanks"), claim("b", "count", "several tanks"), claim("c", "count", "52 tanks")}}}, 1},
		{"no kind word: clock times make a time", gold("Kim's train into the station", map[string]string{"a": "8:10 a.m.", "b": "08:40"}),
			[]Discrepancy{{Quantity: "count of x", Claims: []Claim{claim("a", "count", "8:10 a.m."), claim("b", "count", "08:40")}}}, 0},
		{"the fate of a phase", gold("fate of the dinner", map[string]string{"a": "cancelled", "b": "held"}),
			[]Discrepancy{{Quantity: "status of working-lunch", Claims: []Claim{claim("a", "status", "cancelled"), claim("b", "status", "held")}}}, 1},
		{"a fate is not a duration", gold("fate of the dinner", map[string]string{"a": "cancelled", "b": "held"}),
			[]Discrepancy{{Quantity: "duration of working-lunch", Claims: []Claim{claim("a", "h", "an hour"), claim("b", "h", "two hours")}}}, 0},
	}
	for _, tt := range tests {
		if got := ScoreDiscrepancies(tt.g, tt.found); got.Found != tt.want {
			t.Errorf("%s: found %d, want %d (%v)", tt.name, got.Found, tt.want, got.Details)
		}
	}
}
