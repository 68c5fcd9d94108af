package timeline

import "testing"

// TestQuoteSpansRunOn: a quotation whose closing mark is missing ends at
// the attribution written inside it, else at the paragraph's end.
func TestQuoteSpansRunOn(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"“We will meet again in Lisbon next spring, she told the foreign minister.", "We will meet again in Lisbon next spring"},
		{"“The port is open to all, Mayor Grech said on the quay.", "The port is open to all"},
		{"“Ships, planes and trains will all be ready for the visitors.", "Ships, planes and trains will all be ready for the visitors."},
		{"“Yes, we are ready, and the city is too.", "Yes, we are ready, and the city is too."},
	} {
		spans := quoteSpans(c.body, 0, len(c.body))
		got := ""
		if len(spans) > 0 {
			got = c.body[spans[0].start:spans[0].end]
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.body, got, c.want)
		}
	}
}
