package timeline

import "testing"

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
