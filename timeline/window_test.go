package timeline

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestWindowScratchCutsAsTokenize: the tokens of a window taken from its
// sentence's tokens are those tokenize cuts from the window's text, for
// windows starting anywhere (inside words, ASCII or not) and ending at
// word starts or anywhere; so are windowView's, where it sees the window
// in place.
func TestWindowScratchCutsAsTokenize(t *testing.T) {
	bodies := []string{
		"President Volodymyr Zelenskyy’s aide, Jean-Noël Barrot, met Straße officials. Café owners said “no”.",
		"He met Jose\u0301 Mari\u0301a at 2½ hours past noon; KIM Jong-un's envoy (Dr. Ri) replied: «Non».",
		"Ünter Ölberg sagte: „Wir kommen“ — und ging. ÉCOLE 123abc x1y2 don't re-enter",
	}
	files, _ := filepath.Glob("../assets/corpus/alaska-2025/*.txt")
	more, _ := filepath.Glob("testdata/heldout*/*.md")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, string(b))
	}
	rng := rand.New(rand.NewSource(1))
	views := 0
	for _, body := range bodies {
		seg := Segment(body, nil)
		sents := make([]AnalyzedSentence, len(seg.Sentences))
		for i, s := range seg.Sentences {
			sents[i].Sentence = s
		}
		for n := 0; n < 3000; n++ {
			s := sents[rng.Intn(len(sents))]
			from := s.Start + rng.Intn(s.End-s.Start+1)
			to := from + rng.Intn(s.End-from+1)
			if toks := s.words(); n%2 == 0 && len(toks) > 0 {
				// End at a word's start, as the callers' windows do.
				if k := rng.Intn(len(toks)); s.Start+int(toks[k].start) >= from {
					to = s.Start + int(toks[k].start)
				}
			}
			buf, got := windowScratch(body, sents, from, to)
			want := tokenize(body[from:to])
			if len(got) != 0 || len(want) != 0 {
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("window %q:\n got %+v\nwant %+v", body[from:to], got, want)
				}
			}
			releaseTokens(buf)
			// A window cutting no word is also seen in place, with the
			// same tokens at offsets in the sentence.
			view, base, ok := windowView(body, sents, from, to)
			if !ok {
				continue
			}
			views++
			shifted := make([]token, len(view))
			for k, tok := range view {
				tok.start -= int32(from - base)
				tok.end -= int32(from - base)
				shifted[k] = tok
			}
			if len(shifted) != 0 || len(want) != 0 {
				if !reflect.DeepEqual(shifted, want) {
					t.Fatalf("window %q in place:\n got %+v\nwant %+v", body[from:to], shifted, want)
				}
			}
		}
	}
	if views == 0 {
		t.Fatal("no window was seen in place")
	}
}

// TestWindowScratchAcrossSentences: windows over several sentences, and
// the text between them, are cut as tokenize cuts them.
func TestWindowScratchAcrossSentences(t *testing.T) {
	bodies := []string{
		"He said “yes.” Then he left. «Non», dit-il.\n\nA new paragraph—with dashes. Café owners said “no”.",
		"One.Two. José left.   Ünter Ölberg came. Straße-12 x",
	}
	files, _ := filepath.Glob("../assets/corpus/alaska-2025/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		bodies = append(bodies, string(b))
	}
	rng := rand.New(rand.NewSource(2))
	for _, body := range bodies {
		seg := Segment(body, nil)
		sents := make([]AnalyzedSentence, len(seg.Sentences))
		for i, s := range seg.Sentences {
			sents[i].Sentence = s
		}
		for n := 0; n < 3000; n++ {
			from := rng.Intn(len(body) + 1)
			to := min(len(body), from+rng.Intn(400))
			buf, got := windowScratch(body, sents, from, to)
			want := tokenize(body[from:to])
			if len(got) != 0 || len(want) != 0 {
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("window %q:\n got %+v\nwant %+v", body[from:to], got, want)
				}
			}
			releaseTokens(buf)
		}
	}
}

// TestNeedsTranslit: a word needsTranslit passes over is one translit
// would leave as it is.
func TestNeedsTranslit(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	const letters = "aceihjostuwyzv"
	for n := 0; n < 200000; n++ {
		b := make([]byte, 1+rng.Intn(9))
		for i := range b {
			b[i] = letters[rng.Intn(len(letters))]
		}
		if w := string(b); !needsTranslit(w) && translitSlow(w) != w {
			t.Fatalf("needsTranslit(%q) false, but translit gives %q", w, translitSlow(w))
		}
	}
}

// TestWithinOneEdit agrees with editDistance.
func TestWithinOneEdit(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	const letters = "abcé"
	word := func() string {
		b := make([]rune, rng.Intn(6))
		for i := range b {
			b[i] = rune(letters[rng.Intn(3)])
			if rng.Intn(20) == 0 {
				b[i] = 'é'
			}
		}
		return string(b)
	}
	for n := 0; n < 200000; n++ {
		a, b := word(), word()
		if got, want := withinOneEdit(a, b), editDistance(a, b) <= 1; got != want {
			t.Fatalf("withinOneEdit(%q, %q) = %v, editDistance %d", a, b, got, editDistance(a, b))
		}
	}
}

// TestEditDistance covers both of its paths: ASCII words on the stack and
// other words as runes.
func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"", "abc", 3}, {"kitten", "sitting", 3}, {"Zelensky", "Zelenskyy", 1},
		{"Lipavský", "Lipavsky", 1}, {"Gorbatschow", "Gorbachev", 4}, {"Wörner", "Woerner", 2},
		{strings.Repeat("a", 40), strings.Repeat("a", 39) + "b", 1},
	} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := editDistance(c.b, c.a); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.b, c.a, got, c.want)
		}
	}
}

// TestFirstToken: firstToken is the first of tokenize's words.
func TestFirstToken(t *testing.T) {
	for _, s := range []string{
		"", " ", ", .", "As the talks began, Trump said", "“While", "“ ” «Non» after", "Ünter den", "e\u0301tait là",
		"KIM Jong-un", "don't", "  12:30 p.m.", "—", "x", "Jose\u0301 Mari\u0301a", "¿Qué pasa?", "’s view",
	} {
		toks := tokenize(s)
		got, ok := firstToken(s)
		if ok != (len(toks) > 0) || ok && got != toks[0].text {
			t.Errorf("firstToken(%q) = %q, %v; tokenize gives %+v", s, got, ok, toks)
		}
	}
}
