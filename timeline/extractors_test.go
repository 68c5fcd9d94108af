package timeline

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostileTexts make n-byte-or-so texts that stress the extractors: quote
// marks by the thousand, quotations left open across paragraphs, numbers
// in every word, one line without a break, and pronouns that send the
// attribution back through every person named before.
var hostileTexts = map[string]func(n int) string{
	"quote marks":   func(n int) string { return strings.Repeat("“", n/3) + " said Trump." },
	"mixed marks":   func(n int) string { return strings.Repeat("\"a ‘b” c’ \"", n/16) },
	"closing marks": func(n int) string { return strings.Repeat("” ", n/4) + "he said." },
	"open quotes": func(n int) string {
		return strings.Repeat("Trump said: “one two three four\n\nfive six seven” Putin replied: “eight nine\n\n", n/80)
	},
	"numbers": func(n int) string {
		return strings.Repeat("12 hours 34 drones 5.6 7,000 3h 10:25 2025 about 45 minutes 1st 2-3 ", n/64)
	},
	"one line": func(n int) string {
		return strings.Repeat("President Donald Trump told Vladimir Putin “the summit talks lasted three hours” in Anchorage, ", n/94)
	},
	"pronouns": func(n int) string {
		return strings.Repeat("President Trump met President Putin. “We had great talks,” he said. She added: “It went well.” ", n/97)
	},
}

// runEngine runs every stage of Report over one article, and checks what
// the extractors found points into it.
func runEngine(t testing.TB, s *Schema, body string) *Report {
	an := s.AnalyzeCorpus([]Article{{Source: "A", File: "a.txt", Body: body}})
	r := s.Report(an)
	for _, m := range r.Actors.Mentions {
		text := an[m.Article].Sentences[m.Sentence].Text
		if m.Start < 0 || m.End > len(text) || m.Start > m.End || text[m.Start:m.End] != m.Text {
			t.Fatalf("bad mention %+v", m)
		}
	}
	for _, q := range r.Quotes {
		if q.Start < 0 || q.End > len(body) || q.Start > q.End {
			t.Fatalf("bad quote span %+v", q)
		}
	}
	return r
}

func TestHostileTextFinishes(t *testing.T) {
	s := loadSummit(t)
	for name, make := range hostileTexts {
		n := 1 << 18
		if name == "one line" {
			n = 1 << 20 // a megabyte without a line break
		}
		body := make(n)
		if len(body) < n*7/8 {
			t.Fatalf("%s: only %d bytes", name, len(body))
		}
		r := runEngine(t, s, body)
		switch name {
		case "open quotes", "one line", "pronouns":
			if len(r.Quotes) == 0 {
				t.Errorf("%s: no quotations", name)
			}
		case "numbers":
			if len(r.Claims) == 0 {
				t.Errorf("%s: no claims", name)
			}
		}
	}
}

// BenchmarkHostile runs the whole engine over each hostile text at n and
// 4n bytes: ns/byte staying flat from one size to the other is what linear
// time looks like.
func BenchmarkHostile(b *testing.B) {
	s := loadSummit(b)
	for _, name := range []string{"quote marks", "mixed marks", "closing marks", "open quotes", "numbers", "one line", "pronouns"} {
		for _, n := range []int{1 << 18, 1 << 20} {
			body := hostileTexts[name](n)
			b.Run(fmt.Sprintf("%s/bytes=%d", strings.ReplaceAll(name, " ", "-"), n), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					runEngine(b, s, body)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(body)), "ns/byte")
			})
		}
	}
}

// checkExtractors runs the extractors over body (split in two articles
// from two sources) and checks what they return against the text.
func checkExtractors(t *testing.T, s *Schema, body string) {
	half := len(body) / 2
	for half < len(body) && !utf8.RuneStart(body[half]) {
		half++
	}
	arts := []Article{{Source: "A", File: "a.txt", Body: body[:half]}, {Source: "B", File: "b.txt", Body: body[half:]}}
	an := s.AnalyzeCorpus(arts)
	for _, a := range an {
		for _, sent := range a.Sentences {
			if sent.WordCount != CountWords(sent.Text) {
				t.Fatalf("%q: %d words, want %d", sent.Text, sent.WordCount, CountWords(sent.Text))
			}
		}
	}
	acts := FindActors(an)
	perActor := map[string]int{}
	for _, m := range acts.Mentions {
		if m.Article < 0 || m.Article >= len(an) || m.Sentence < 0 || m.Sentence >= len(an[m.Article].Sentences) {
			t.Fatalf("mention outside the corpus: %+v", m)
		}
		text := an[m.Article].Sentences[m.Sentence].Text
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
			t.Fatalf("bad mention span %+v in %q", m, text)
		}
		perActor[m.Actor]++
	}
	for _, a := range acts.List {
		if a.ID == "" || a.Mentions != perActor[a.ID] {
			t.Fatalf("actor %+v: %d mentions listed", a, perActor[a.ID])
		}
		delete(perActor, a.ID)
	}
	if len(perActor) > 0 {
		t.Fatalf("mentions of unlisted actors: %v", perActor)
	}
	quotes := FindQuotes(an, acts)
	for _, q := range quotes {
		b := an[q.Article].Body
		if q.Start < 0 || q.End > len(b) || q.Start > q.End || q.Words < MinShortQuoteWords {
			t.Fatalf("bad quote %+v", q)
		}
	}
	variants := 0
	for _, c := range ClusterQuotes(quotes) {
		variants += len(c.Variants)
		if len(c.Changes) != len(c.Variants) {
			t.Fatalf("cluster %d: %d changes for %d variants", c.ID, len(c.Changes), len(c.Variants))
		}
	}
	if variants != len(quotes) {
		t.Fatalf("%d quotations clustered, of %d", variants, len(quotes))
	}
	claims := s.FindClaims(an)
	for _, c := range claims {
		if c.Article < 0 || c.Article >= len(an) || c.Text == "" || !strings.Contains(an[c.Article].Body, c.Text) {
			t.Fatalf("claim outside its article: %+v", c)
		}
		if c.Low > c.High || math.IsNaN(c.Low) || math.IsNaN(c.High) || c.Quantity == "" {
			t.Fatalf("bad claim %+v", c)
		}
	}
	for _, d := range FindDiscrepancies(claims) {
		sources := map[string]bool{}
		for _, c := range d.Claims {
			if c.Quantity != d.Quantity || c.Phase != d.Phase {
				t.Fatalf("discrepancy %q/%q holds a claim about %q/%q", d.Quantity, d.Phase, c.Quantity, c.Phase)
			}
			sources[c.Source] = true
		}
		if len(sources) < 2 {
			t.Fatalf("discrepancy from one source: %+v", d)
		}
	}
}

var extractorSeeds = []string{
	"President Donald Trump met Russian President Vladimir Putin in Anchorage. “We made progress,” Trump said.",
	"Kremlin aide Yuri Ushakov said the talks lasted nearly three hours. First Lady Melania Trump wrote a letter.",
	"The summit ended after about 2 h 45 min, not the seven hours initially planned. 29 Ukrainian drones were downed.",
	"“a b c\n\nd e f” he said: “g h i", "” ” “ ‘x y z’ said Y", "U.S. President Trump; the Russian leader; the U.S. president",
	"12 34 5.6 7,000 3h 10:25 2025 more than 50% of the 61 of 85 drones", "Zelenskyy’s Zelensky Zelenskiy Sergei Sergey Lavrov",
}

func FuzzFindActors(f *testing.F) {
	for _, s := range extractorSeeds {
		f.Add(s)
	}
	s := loadSummit(f)
	f.Fuzz(func(t *testing.T, body string) { checkExtractors(t, s, body) })
}

func FuzzClaims(f *testing.F) {
	for _, s := range extractorSeeds {
		f.Add(s + " " + s)
	}
	s := loadSummit(f)
	f.Fuzz(func(t *testing.T, body string) {
		checkExtractors(t, s, body)
		// Two sources stating different durations of the talks disagree,
		// whatever else they publish.
		claims := s.FindClaims(s.AnalyzeCorpus([]Article{
			{Source: "A", Body: "The talks lasted three hours."}, {Source: "A", Body: body},
			{Source: "B", Body: body}, {Source: "B", Body: "The talks lasted forty-five minutes."},
		}))
		found := false
		for _, d := range FindDiscrepancies(claims) {
			found = found || strings.HasPrefix(d.Quantity, "duration of")
		}
		if !found {
			t.Fatalf("no discrepancy between three hours and forty-five minutes of talks")
		}
	})
}

func TestExtractorsOnSeeds(t *testing.T) {
	s := loadSummit(t)
	for _, body := range extractorSeeds {
		checkExtractors(t, s, body)
	}
	for name, make := range hostileTexts {
		t.Run(name, func(t *testing.T) { checkExtractors(t, s, make(20_000)) })
	}
}
