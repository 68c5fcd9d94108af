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
		{"KYIV DISPATCH\n16 August 2025, 09:40 Kyiv time\n\nHeadline", "2025-08-16 Europe/Kyiv"},
		{"Wire service\nAugust 16, 2025\nText follows.", "2025-08-16 UTC"},
		{"No stamp here, only Aug 16 without a year.", ""},
	} {
		got := ""
		if ref, ok := stampedDay(c.body); ok {
			got = ref.day.Format("2006-01-02") + " " + ref.loc.String()
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.body, got, c.want)
		}
	}
}
