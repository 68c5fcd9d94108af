package timeline_test

import (
	"strings"
	"testing"

	"github.com/newsreel/newsreel/timeline"
)

// wireCopy rewrites an article the way outlets reprint agency copy: a new
// headline, the last paragraph cut, a few words changed.
func wireCopy(body string) string {
	paras := strings.Split(strings.TrimSpace(body), "\n\n")
	paras[0] = "Reprinted: " + paras[0]
	if len(paras) > 6 {
		paras = paras[:len(paras)-1]
	}
	out := strings.Join(paras, "\n\n")
	out = strings.Replace(out, " said ", " told reporters ", 2)
	return out + "\n\nCopyright the agency. All rights reserved.\n"
}

func TestFingerprintLinksWireCopiesOnly(t *testing.T) {
	arts := bundledArticles(t)
	prints := make([]timeline.CopyPrint, len(arts))
	for i, a := range arts {
		prints[i] = timeline.Fingerprint(a.Body)
		if prints[i] == nil {
			t.Fatalf("%s: no print for a full article", a.File)
		}
		cp := timeline.Fingerprint(wireCopy(a.Body))
		sim := prints[i].Similarity(cp)
		t.Logf("%s: reprint similarity %.2f", a.File, sim)
		if !prints[i].IsCopy(cp) {
			t.Errorf("%s: a reprint with a new headline, a cut paragraph and changed words has similarity %.2f, want >= %.2f", a.File, sim, timeline.CopySimilarity)
		}
		if !shareBand(prints[i], cp) {
			t.Errorf("%s: the reprint shares no band with its original (would never be a candidate)", a.File)
		}
	}
	// Five outlets' own reports of the same summit share names, places and
	// phrases, but none is a copy of another.
	for i := range arts {
		for j := i + 1; j < len(arts); j++ {
			sim := prints[i].Similarity(prints[j])
			t.Logf("%s vs %s: %.2f", arts[i].File, arts[j].File, sim)
			if prints[i].IsCopy(prints[j]) || sim > 0.3 {
				t.Errorf("%s and %s: similarity %.2f; independent reports must not look like copies", arts[i].File, arts[j].File, sim)
			}
			if shareBand(prints[i], prints[j]) {
				t.Errorf("%s and %s share a band", arts[i].File, arts[j].File)
			}
		}
	}
}

func shareBand(p, q timeline.CopyPrint) bool {
	seen := map[int64]bool{}
	for _, b := range p.Bands() {
		seen[b] = true
	}
	for _, b := range q.Bands() {
		if seen[b] {
			return true
		}
	}
	return false
}

func TestFingerprintEdgeCases(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"empty", ""},
		{"short brief", "Trump and Putin met in Anchorage on Friday. The talks lasted nearly three hours."},
		{"punctuation only", strings.Repeat("!?.", 1000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := timeline.Fingerprint(tt.text)
			if p != nil {
				t.Fatalf("print of a %s: %v, want none", tt.name, p)
			}
			if p.IsCopy(p) || p.Bands() != nil {
				t.Fatal("an empty print matched or has bands")
			}
		})
	}
	long := strings.Repeat("Leaders met for talks in the city on a summer day and spoke to reporters afterwards. ", 20)
	p := timeline.Fingerprint(long)
	b, _ := p.MarshalBinary()
	q, err := timeline.ParseCopyPrint(b)
	if err != nil || q.Similarity(p) != 1 {
		t.Fatalf("round trip: %v, similarity %v", err, q.Similarity(p))
	}
	if _, err := timeline.ParseCopyPrint(b[:7]); err == nil {
		t.Fatal("a truncated print parsed")
	}
	// Case and punctuation do not make a copy different.
	if !p.IsCopy(timeline.Fingerprint(strings.ToUpper(strings.ReplaceAll(long, ",", " ")))) {
		t.Fatal("upper-cased copy not recognised")
	}
}

func BenchmarkFingerprint(b *testing.B) {
	arts := bundledArticles(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		timeline.Fingerprint(arts[i%len(arts)].Body)
	}
}
