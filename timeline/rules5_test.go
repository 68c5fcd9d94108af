package timeline

import (
	"testing"
	"time"
)

// TestQuoteSpansForeignMarks: guillemets (« », ‹ ›) and German low-high
// quotes („ “) open and close quotations; French spaces inside are dropped.
func TestQuoteSpansForeignMarks(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"Mr Trump conceded: «There's no deal until there's a deal.» Then he left.", "There's no deal until there's a deal."},
		{"« Our aim is a just and lasting peace », Macron said.", "Our aim is a just and lasting peace"},
		{"Le ministre a dit\u00a0: «\u202fNous restons vigilants\u202f».", "Nous restons vigilants"},
		{"Merz sagte: „Wir bleiben an der Seite der Ukraine.“ Dann ging er.", "Wir bleiben an der Seite der Ukraine."},
		{"Il a parlé d'un ‹ moment historique › hier.", "moment historique"},
	} {
		spans := quoteSpans(c.body, 0, len(c.body))
		got := ""
		if len(spans) > 0 {
			got = c.body[spans[0].start:spans[0].end]
		}
		if c.want == "" {
			continue
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.body, got, c.want)
		}
	}
}

// TestZonesIndiaKyiv: IST is +05:30; Kyiv time follows the date (EEST in
// summer, EET in winter); a stamp line gives a wire copy its day.
func TestZonesIndiaKyiv(t *testing.T) {
	aug := reference{day: time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC), loc: time.UTC, known: true}
	jan := reference{day: time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC), loc: time.UTC, known: true}
	for _, c := range []struct {
		text string
		ref  reference
		want string // UTC
	}{
		{"The plane touched down at around 12.30 a.m. IST.", aug, "2025-08-14 19:00"}, // 00:30 on the 15th in India
		{"The meeting began at 9 p.m. IST on the day.", aug, "2025-08-15 15:30"},
		{"It landed at 22:10 Kyiv time.", aug, "2025-08-15 19:10"},
		{"Sirens sounded at 22:10 Kyiv time.", jan, "2025-01-15 20:10"},
		{"The talks began at 7 p.m. Kiev time.", aug, "2025-08-15 16:00"},
		{"He spoke at 14:00 Moscow time.", aug, "2025-08-15 11:00"},
	} {
		var got string
		for _, tm := range FindTimes(c.text, c.ref) {
			if tm.Kind == TimeClock && tm.Resolved {
				got = tm.Time.UTC().Format("2006-01-02 15:04")
			}
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
	for _, c := range []struct {
		body, want string
	}{
		{"KYIV DISPATCH\n16 August 2025, 09:40 Kyiv time\n\nHeadline", "2025-08-16"},
		{"Wire service\nAugust 16, 2025\nText follows.", "2025-08-16"},
		{"No stamp here, only Aug 16 without a year.", ""},
	} {
		got := ""
		if ref, ok := stampedDay(c.body); ok {
			got = ref.day.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.body, got, c.want)
		}
	}
}

// TestSpeakersSubjectsAndGreetings: a pronoun is the previous sentence's
// subject, not a person in its opening phrase; "As X …, Y said" is Y's; a
// colon ends the clause whose subject speaks, not the sentence before;
// "greeted … with “…”" is speech; "X's office said" speaks for X.
func TestSpeakersSubjectsAndGreetings(t *testing.T) {
	for _, c := range []struct{ body, quote, want string }{
		{`In an interview with CNN anchor Jake Tapper on Sunday, Chancellor Olaf Scholz defended the plan. "We will not be rushed," he said.`, "We will not be rushed", "Olaf Scholz"},
		{`After a call with President Emmanuel Macron, Prime Minister Keir Starmer sounded hopeful. "There is a path," he told reporters.`, "There is a path", "Keir Starmer"},
		{`When Chancellor Angela Merkel arrived, President Barack Obama stood up and said in German: "Willkommen in Washington."`, "Willkommen in Washington.", "Barack Obama"},
		{`As the cameras rolled, Xi Jinping nodded to Joe Biden and said: "We must avoid conflict."`, "We must avoid conflict.", "Xi Jinping"},
		{`President Joe Biden met President Xi Jinping. Biden said: "We are here to compete." Xi closed with a warning, in Mandarin: "Taiwan is a red line for us."`, "Taiwan is a red line for us.", "Xi Jinping"},
		{`Prime Minister Fumio Kishida greeted his guest with "Welcome to Hiroshima, my friend" at the door.`, "Welcome to Hiroshima, my friend", "Fumio Kishida"},
		{`President Volodymyr Zelensky spoke to Trump. Zelensky's office said the talks were "useful and concrete, a real step forward".`, "useful and concrete, a real step forward", "Volodymyr Zelensky"},
		{`Chancellor Olaf Scholz conceded: « Nous avons beaucoup de travail devant nous. » President Emmanuel Macron replied at once, with a smile: «Ensemble, nous y arriverons.»`, "Ensemble, nous y arriverons.", "Emmanuel Macron"},
	} {
		an, acts := analyzeText(t, c.body)
		got := "(none)"
		for _, q := range FindQuotes(an, acts) {
			if q.Text == c.quote {
				got = q.SpeakerName
			}
		}
		if got != c.want {
			t.Errorf("%q: speaker %q, want %q", c.quote, got, c.want)
		}
	}
}

// TestOutletsAndHyphenatedNames: an outlet's name (Dispatch, Inter,
// Herald, Tribune, Gazette, Wire …) is no person; a hyphenated phrase
// that starts with a number word is no name; a hyphenated first name
// with accents stays one first name.
func TestOutletsAndHyphenatedNames(t *testing.T) {
	body := `LVIV HERALD — MORNING EDITION

LVIV, Aug 16 (Lviv Herald) - President Volodymyr Zelensky spoke to the Lviv Herald and to Radio Liberty. He later told Deutschlandfunk and Europe Inter: "We are ready."
Foreign Minister Jean-Noël Barrot spoke on France Inter. Barrot was blunt. A 'Two-by-two' format and a 'Four-in-one' deal were floated.
Chancellor Hans-Jürgen Möller and Prime Minister Jean-Luc Lefèvre met. Möller and Lefèvre agreed; Hans-Jürgen Möller left first.
The Seattle Tribune and the Kansas City Gazette reported it, as did the Capitol Wire.`
	_, acts := analyzeText(t, body)
	people := map[string][]string{}
	for _, a := range acts.List {
		if a.Kind == Person {
			people[a.Name] = a.Variants
		}
	}
	for _, name := range []string{"Jean-Noël Barrot", "Hans-Jürgen Möller", "Jean-Luc Lefèvre", "Volodymyr Zelensky"} {
		if _, ok := people[name]; !ok {
			t.Errorf("person %q not found in %v", name, people)
		}
	}
	for name, vs := range people {
		for _, v := range vs {
			switch v {
			case "Jean", "Hans", "Two-by", "Four-in", "Lviv Herald", "LVIV HERALD", "France Inter", "Europe Inter", "Seattle Tribune", "Capitol Wire":
				t.Errorf("%q counted as (a variant of) person %q", v, name)
			}
		}
		switch name {
		case "Two-by", "Four-in", "Lviv Herald", "France Inter", "Europe Inter", "Seattle Tribune", "Kansas City Gazette", "Capitol Wire", "Jean", "Hans":
			t.Errorf("%q counted as a person", name)
		}
	}
}

// TestQuotedNumbersAndPlannedDurations: a number in quotation marks is no
// count; a duration after "could last", "prepared for", "will run" is a
// plan, not a measurement.
func TestQuotedNumbersAndPlannedDurations(t *testing.T) {
	for _, c := range []struct{ text string }{
		{`The question is whether Trump's "10" survives the next strike.`},
		{`Critics doubted that the “7” rating holds up for weeks.`},
		{`He gave the talks a «9» on the spot.`},
	} {
		for _, cl := range countClaims(Claim{}, c.text, tokenize(c.text), FindTimes(c.text, reference{})) {
			t.Errorf("%q: count claim %q = %q", c.text, cl.Quantity, cl.Value)
		}
	}
	if got := countClaims(Claim{}, "Some 85 drones were launched.", tokenize("Some 85 drones were launched."), nil); len(got) != 1 {
		t.Errorf("an unquoted count is still read: %v", got)
	}
	for _, c := range []struct {
		text     string
		expected bool
	}{
		{`Leavitt said the president was prepared for a meeting of "six or seven hours."`, true},
		{`Officials said the talks could last four hours.`, true},
		{`The session will probably run three hours, aides said.`, true},
		{`Both sides were braced for about five hours of talks.`, true},
		{`The talks lasted nearly three hours.`, false},
		{`After two hours the leaders emerged.`, false},
	} {
		got, found := false, false
		for _, tm := range FindTimes(c.text, reference{}) {
			if tm.Kind == TimeDuration {
				got, found = tm.Expected, true
			}
		}
		if !found || got != c.expected {
			t.Errorf("%q: found %v, expected %v, want %v", c.text, found, got, c.expected)
		}
	}
}
