package timeline

import (
	"strings"
	"testing"
)

func TestSameNameOrder(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Abe Shinzo", "Shinzo Abe", true},
		{"Xi Jinping", "Jinping Xi", true},
		{"Shinzo Abe", "Abe", true},
		{"Donald Trump", "Melania Trump", false},
		{"Trump Donald", "Melania Trump", false},
		{"Kim Jong Un", "Un Jong Kim", false},
		{"Kim Jong Un", "Kim Yo Jong", false},
	} {
		if got := sameName(tc.a, tc.b); got != tc.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestAppositivePeopleAndPlaces(t *testing.T) {
	got := peopleOf(t,
		"Maria Santos, a veteran trade negotiator, told reporters the deal was close. Tomas Berg, 67, who fished these waters for decades, watched from the pier.",
		"Okonkwo, head of the farmers' union, said prices would rise. Helga Brandt, of the Institute for Baltic Affairs, said the talks had stalled.",
		"Delegates met at Villa Serena and later dined in Porto Leone. On Harbour Row, traders shrugged. The envoys toasted with Monte Rosso, a local wine, in Porto Leone.",
		"The ambassador, Gerald T. Moss, hosted the dinner. Mrs. Moss greeted guests, and Ambassador Moss spoke.",
	)
	for _, name := range []string{"Maria Santos", "Tomas Berg", "Okonkwo", "Helga Brandt", "Gerald T. Moss"} {
		if _, ok := got[name]; !ok {
			t.Errorf("no person %q in %v", name, got)
		}
	}
	for _, bad := range []string{"Villa Serena", "Porto Leone", "Harbour Row", "Monte Rosso"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q found as a person", bad)
		}
	}
	if vs := got["Gerald T. Moss"]; hasString(vs, "Mrs. Moss") {
		t.Errorf("Mrs. Moss merged into the ambassador: %q", vs)
	}
}

func TestSpellingVariantsMerge(t *testing.T) {
	got := peopleOf(t,
		"Soviet leader Leonid I. Brezhnev arrived. Mr. Breschnew smiled, and Brezhnev spoke. Chancellor Helmut Schmidt and President Gustav Heinemann waited.",
		"Bundespräsident Gustav Heinemann welcomed Leonid Breschnew. Prime Minister William Jefferson Clinton spoke with President Bill Clinton's aide.",
		"Soviet leader Mikhail Gorbachev arrived. Mikhail Gorbatschow met Helmut Schmidt. Senator Robert F. Kennedy Jr. listened, and Bob Kennedy spoke. General de Gaulle left, and de Gaulle returned.",
		"Indonesian President Susilo Bambang Yudhoyono spoke. Later President Megawati Sukarnoputri spoke. Foreign Minister Retno Marsudi said the talks went well, and Retnomar did not.",
	)
	check := func(name string, want ...string) {
		t.Helper()
		for n, vs := range got {
			if n == name || hasString(vs, name) {
				for _, w := range want {
					if !hasString(vs, w) {
						t.Errorf("%s: variants %q lack %q", n, vs, w)
					}
				}
				return
			}
		}
		t.Errorf("no %q in %v", name, got)
	}
	check("Brezhnev", "Leonid I. Brezhnev", "Breschnew", "Leonid Breschnew")
	check("Mikhail Gorbachev", "Mikhail Gorbatschow")
	check("de Gaulle", "General de Gaulle")
	if _, ok := got["Gaulle"]; ok {
		t.Errorf("Gaulle without its particle: %v", got)
	}
}

func TestNicknamesAndBlends(t *testing.T) {
	got := peopleOf(t,
		"Indonesian President Joko Widodo opened the summit. \"We are ready,\" Jokowi told reporters in Jakarta.",
		"President Joseph R. Biden Jr. met Joe Biden's staff. Mr. Biden smiled.",
	)
	if vs := got["Joko Widodo"]; !hasString(vs, "Jokowi") {
		t.Errorf("Jokowi not merged: %v", got)
	}
	n := 0
	for name := range got {
		if strings.HasSuffix(name, "Biden") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Joe and Joseph Biden apart: %v", got)
	}
}

func TestSpeakerRules(t *testing.T) {
	body := `President Gerald Ford met Soviet leader Leonid Brezhnev in Vladivostok. Chancellor Helmut Schmidt was in Bonn.

"We made real progress," Mr. Ford said at a news conference. "The talks were long."

"Then, Mr. President," the Soviet leader is said to have replied, "we will meet again next year."

"The agreement is sound," the President told him, "and the Senate will see it that way."

In Bonn, a spokesman for Chancellor Helmut Schmidt said the government had "great confidence in Ford" after the talks.

Brezhnev pointed at Mrs. Ford and said, "She is the real diplomat here."

Brezhnev also told Mr. Ford, according to Tass, that the arms race was "a road to nowhere for both of us."

Ford: "We will keep talking, whatever it takes, for as long as it takes."`
	an, acts := analyzeText(t, body)
	want := map[string]string{
		"We made real progress":    "Gerald Ford",
		"Then, Mr. President":      "Leonid Brezhnev",
		"The agreement is sound":   "Gerald Ford",
		"great confidence in":      "",
		"She is the real diplomat": "Leonid Brezhnev",
		"a road to nowhere":        "Leonid Brezhnev",
		"We will keep talking":     "Gerald Ford",
	}
	joined := map[string]string{"Then, Mr. President": "we will meet again", "The agreement is sound": "the Senate will see it"}
	seen := map[string]bool{}
	for _, q := range FindQuotes(an, acts) {
		for prefix, speaker := range want {
			if strings.HasPrefix(q.Text, prefix) {
				seen[prefix] = true
				if q.SpeakerName != speaker {
					t.Errorf("%q: speaker %q, want %q", q.Text, q.SpeakerName, speaker)
				}
				if rest, ok := joined[prefix]; ok && !strings.Contains(q.Text, rest) {
					t.Errorf("%q: interrupted quotation not joined", q.Text)
				}
			}
		}
	}
	for prefix := range want {
		if !seen[prefix] {
			t.Errorf("no quotation %q", prefix)
		}
	}
}
