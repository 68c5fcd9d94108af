package timeline

import (
	"strings"
	"testing"
)

func analyzeText(t *testing.T, bodies ...string) ([]AnalyzedArticle, *Actors) {
	t.Helper()
	s := loadSummit(t)
	var arts []Article
	for i, b := range bodies {
		arts = append(arts, Article{Source: string(rune('A' + i)), File: string(rune('a'+i)) + ".txt", Body: b})
	}
	an := s.AnalyzeCorpus(arts)
	return an, FindActors(an)
}

func TestQuoteAttributionPatterns(t *testing.T) {
	body := `President Joe Biden met President Vladimir Putin in Geneva on Wednesday.

"The tone of the entire meeting was good, positive," Biden told reporters afterwards.

"There was no hostility," said Putin, who spoke first.

Secretary of State Antony Blinken said: "We will see in the coming months whether it works."

He added: "Diplomacy is hard work and it takes time."

"I'm not a confident guy," Biden snapped at a reporter. "What the hell, what do you do all the time?"

Senator John McCain called it "one of the most disgraceful performances by an American president in memory," in a statement.

We are ready to talk, and we will keep talking,” Putin said of the next steps.

According to Blinken, "the work is just beginning."`
	an, acts := analyzeText(t, body)
	quotes := FindQuotes(an, acts)
	want := map[string]string{
		"The tone of the entire meeting was good":  "Joe Biden",
		"There was no hostility":                   "Vladimir Putin",
		"We will see in the coming months":         "Antony Blinken",
		"Diplomacy is hard work":                   "Antony Blinken",
		"I'm not a confident guy":                  "Joe Biden",
		"What the hell":                            "Joe Biden",
		"one of the most disgraceful performances": "John McCain",
		"We are ready to talk, and we will keep":   "Vladimir Putin",
		"the work is just beginning":               "Antony Blinken",
	}
	got := map[string]string{}
	for _, q := range quotes {
		for prefix := range want {
			if strings.HasPrefix(q.Text, prefix) {
				got[prefix] = q.SpeakerName
			}
		}
	}
	for prefix, speaker := range want {
		if got[prefix] != speaker {
			t.Errorf("%q: speaker %q, want %q", prefix, got[prefix], speaker)
		}
	}
}

func TestActorsMergeSpellingsAndKeepNamesakesApart(t *testing.T) {
	_, acts := analyzeText(t,
		"Ukrainian President Volodymyr Zelensky spoke on Friday. Russian Foreign Minister Sergei Lavrov replied. Zelensky said more.",
		"President Volodymyr Zelenskyy arrived. Foreign Minister Sergey Lavrov was there. First Lady Melania Trump wrote a letter that President Donald Trump delivered. Trump said it mattered, and Melania agreed.",
		"Kremlin aide Yuri Ushakov said Zelenskiy was invited. Lavrov laughed. Czech Foreign Minister Jan Lipavsky objected, and Yury Ushakov replied.",
	)
	byName := map[string]Actor{}
	for _, a := range acts.List {
		byName[a.Name] = a
	}
	find := func(surname string) []Actor {
		var out []Actor
		for _, a := range acts.List {
			if a.Kind == Person && strings.HasSuffix(a.Name, surname) {
				out = append(out, a)
			}
		}
		return out
	}
	for _, sur := range []string{"Zelensky", "Zelenskyy", "Lavrov", "Ushakov"} {
		if n := len(find(sur)); sur != "Zelenskyy" && n != 1 {
			t.Errorf("%s: %d actors, want 1 (%+v)", sur, n, find(sur))
		}
	}
	z := append(find("Zelensky"), find("Zelenskyy")...)
	if len(z) != 1 || z[0].Mentions != 4 {
		t.Errorf("Zelensky actors %+v", z)
	}
	trumps := find("Trump")
	if len(trumps) != 2 {
		t.Fatalf("Trump actors %+v, want Donald and Melania apart", trumps)
	}
	for _, a := range trumps {
		if strings.HasPrefix(a.Name, "Melania") && a.Mentions != 2 {
			t.Errorf("Melania mentions %d, want 2 (%v)", a.Mentions, a.Variants)
		}
	}
}

func TestClusterVariants(t *testing.T) {
	quotes := []Quote{
		{Source: "A", Text: "There's no deal until there's a deal"},
		{Source: "B", Text: "There is no deal without a deal"},
		{Source: "C", Text: "We've made some headway. There's no deal until there's a deal."},
		{Source: "D", Text: "Next time in Moscow"},
		{Source: "E", Text: "next time in Moscow, he said"},
		{Source: "F", Text: "I want the killing to stop"},
	}
	cs := ClusterQuotes(quotes)
	if len(cs) != 3 {
		for _, c := range cs {
			t.Logf("%q: %d", c.Text, len(c.Variants))
		}
		t.Fatalf("%d clusters, want 3", len(cs))
	}
	if len(cs[0].Variants) != 3 {
		t.Errorf("first cluster %+v", cs[0])
	}
	var changes []string
	for _, ch := range cs[0].Changes {
		changes = append(changes, FormatChanges(ch))
	}
	if !strings.Contains(strings.Join(changes, "|"), "without") {
		t.Errorf("wording differences not marked: %v", changes)
	}
}

func TestQuotesHostileInput(t *testing.T) {
	for _, body := range []string{
		strings.Repeat("“", 1000) + " said Trump.",
		strings.Repeat("\"a b c\" ", 2000),
		strings.Repeat("Trump said: “one two three\n\n", 500),
		strings.Repeat("” ", 3000),
	} {
		an, acts := analyzeText(t, body)
		ClusterQuotes(FindQuotes(an, acts))
	}
}

func FuzzQuotes(f *testing.F) {
	for _, s := range []string{"“Hi there you,” he said.", "X said: \"a b c", "” ” “", "‘a b c’ said Y"} {
		f.Add(s)
	}
	s, err := ParseSchema("s.yaml", []byte("name: x\nphases:\n  - id: a\n    cues: [b]\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		an := s.AnalyzeCorpus([]Article{{Body: body}})
		acts := FindActors(an)
		for _, q := range FindQuotes(an, acts) {
			if q.Start < 0 || q.End > len(body) || q.Start > q.End {
				t.Fatalf("bad quote span %+v", q)
			}
		}
		s.FindClaims(an)
	})
}
