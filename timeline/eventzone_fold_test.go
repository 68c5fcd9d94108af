package timeline

import (
	"math/rand"
	"testing"
)

// containsFoldNaive is containsFoldASCII as first written: sub compared
// at every byte of s.
func containsFoldNaive(s, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if equalFoldASCIIAt(s[i:], sub) {
			return true
		}
	}
	return false
}

// TestContainsFoldASCII pins the anchored search to the naive one.
func TestContainsFoldASCII(t *testing.T) {
	subs := []string{"all times", "yen", "a", "", "mm", "s s", "x1"}
	alpha := "aAlLtTiImMeEsSyYnNx1 .é"
	rng := rand.New(rand.NewSource(1))
	for k := 0; k < 200000; k++ {
		b := make([]byte, rng.Intn(24))
		for i := range b {
			b[i] = alpha[rng.Intn(len(alpha))]
		}
		s := string(b)
		for _, sub := range subs {
			if got, want := containsFoldASCII(s, sub), containsFoldNaive(s, sub); got != want {
				t.Fatalf("containsFoldASCII(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
	for _, c := range [][2]string{{"All Times AKDT", "all times"}, {"ALL TIMES", "all times"}, {"100 Yen", "yen"}, {"all time", "all times"}} {
		if containsFoldASCII(c[0], c[1]) != containsFoldNaive(c[0], c[1]) {
			t.Errorf("%q %q", c[0], c[1])
		}
	}
}
