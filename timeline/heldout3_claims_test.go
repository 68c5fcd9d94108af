package timeline_test

import "testing"

// TestHeldOut3Claims logs the claims found in the held-out-3 articles, for
// reading (go test -v -run HeldOut3Claims).
func TestHeldOut3Claims(t *testing.T) {
	for _, name := range heldOut3Events {
		h := loadHeldOut3(t, name)
		for _, c := range h.report.Claims {
			exp := ""
			if c.Expected {
				exp = " (expected)"
			}
			t.Logf("%s %-16s %-40q %-28q %s subj=%q%s", name, c.File, c.Quantity, c.Value, c.Describe(), c.Subject, exp)
		}
		for _, d := range h.report.Discrepancies {
			t.Logf("%s DISCREPANCY %q phase=%q subj=%q (%d claims)", name, d.Quantity, d.Phase, d.Subject, len(d.Claims))
		}
	}
}
