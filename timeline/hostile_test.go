package timeline

import (
	"fmt"
	"strings"
	"testing"
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
		body := make(1 << 20)
		if len(body) < 900_000 {
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
