package timeline

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// shortcutTexts are the texts the shortcut tests walk: a few hard cases,
// the bundled corpus and the held-out articles, and random pieces of them.
func shortcutTexts(t *testing.T) []string {
	t.Helper()
	texts := []string{
		"", "$", "€", "costs £5", "¥300", "\xe2\x82", "a\xe2\xe2\x82\xacb", "\"", "“quoted”", "‘", "\xe2\x80", "a\xe2\x80\x98", "«Non» ‹oui›", "„Wir“",
		"x, while Y said", "abcdefgh9", "/:/:/:/:/:/:/:/:0", "\xb0\xb9\xb0\xb9\xb0\xb9\xb0\xb9", "— dash", "a–b", "\xe2\x80\x94", "\xe2\x80", "it could last", "will probably RUN for", "to taKe", "prepared  for", "Bracing for", "going to", "was ready\tfor", "might go\non", "to taſe", "to ta\u212ae", "to go", "a; b, but c", "; ", "he said, whereas, while ", "no clause here", ",,;;, but",
		"plain ascii text with no marks at all, long enough to skip words", "ÉCOLE 123abc x1y2 don't re-enter",
	}
	files, _ := filepath.Glob("../assets/corpus/alaska-2025/*.txt")
	more, _ := filepath.Glob("testdata/heldout*/*.md")
	rng := rand.New(rand.NewSource(5))
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
		for k := 0; k < 20; k++ {
			i := rng.Intn(len(b) + 1)
			j := i + rng.Intn(len(b)-i+1)
			texts = append(texts, string(b[i:j]))
		}
	}
	return texts
}

// TestShortcutsAgree: the quick forms of tests agree with the plain
// library calls they stand for.
func TestShortcutsAgree(t *testing.T) {
	for _, s := range shortcutTexts(t) {
		if got, want := containsOpeningQuote(s), strings.ContainsAny(s, "“\"‘"); got != want {
			t.Errorf("containsOpeningQuote(%.40q) = %v, want %v", s, got, want)
		}
		if got, want := saysFuture(s), futureRe.MatchString(s); got != want {
			t.Errorf("saysFuture(%.40q) = %v, want %v", s, got, want)
		}
		if got, want := containsASCIIDigit(s), strings.ContainsAny(s, "0123456789"); got != want {
			t.Errorf("containsASCIIDigit(%.40q) = %v, want %v", s, got, want)
		}
		for chars, set := range map[string]*markSet{",;:()“”\"": clauseMarks, ",.;:()“”\"": clauseMarksDot, ",;:.!?—–()\"“”": phraseBreaks} {
			if got, want := set.in(s), strings.ContainsAny(s, chars); got != want {
				t.Errorf("markSet(%q).in(%.40q) = %v, want %v", chars, s, got, want)
			}
		}
		if got, want := containsCurrencySign(s), strings.ContainsAny(s, "$€£¥"); got != want {
			t.Errorf("containsCurrencySign(%.40q) = %v, want %v", s, got, want)
		}
		want := -1
		for _, w := range clauseStartWords {
			want = max(want, strings.LastIndex(s, w))
		}
		if got := lastClauseStart(s); got != want {
			t.Errorf("lastClauseStart(%.40q) = %d, want %d", s, got, want)
		}
		for i := 0; i <= len(s); i++ {
			got := skipPlainASCII(s, i, len(s))
			k := i
			for k < len(s) && s[k] != '"' && s[k] < 0x80 {
				k++
			}
			if got < i || got > k {
				t.Fatalf("skipPlainASCII(%.40q, %d) = %d: skips past %d", s, i, got, k)
			}
		}
	}
}

// TestRuneTables: the rune tables say what unicode's do, for every rune.
func TestRuneTables(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if got, want := isLetterOrDigit(r), unicode.IsLetter(r) || unicode.IsDigit(r); got != want {
			t.Fatalf("isLetterOrDigit(%U) = %v, want %v", r, got, want)
		}
		if got, want := isWordRune(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r); got != want {
			t.Fatalf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
	if isWordRune(-1) || isLetterOrDigit(-1) {
		t.Fatal("-1 is a word rune")
	}
}

// TestLowerArena: the arena's words are the lower-cased words, and stay
// so as it fills and starts new blocks.
func TestLowerArena(t *testing.T) {
	var a lowerArena
	var words, got []string
	for _, s := range shortcutTexts(t)[:40] {
		for _, w := range strings.Fields(s) {
			words = append(words, w)
			got = append(got, a.lower(w))
		}
	}
	for k, w := range words {
		if want := asciiLower(w); got[k] != want {
			t.Fatalf("lower(%q) = %q, want %q", w, got[k], want)
		}
	}
}

// TestSortEvidenceBySource: the evidence comes out as sort.SliceStable
// orders it.
func TestSortEvidenceBySource(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, n := range []int{0, 1, 2, 5, 13, 100, 1000} {
		ev := make([]Evidence, n)
		for i := range ev {
			ev[i] = Evidence{Source: string(rune('a' + rng.Intn(7))), Sentence: i}
		}
		want := slices.Clone(ev)
		sort.SliceStable(want, func(i, j int) bool { return want[i].Source < want[j].Source })
		sortEvidenceBySource(ev)
		if !reflect.DeepEqual(ev, want) {
			t.Fatalf("%d: %v, want %v", n, ev, want)
		}
	}
}
