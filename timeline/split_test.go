package timeline

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func sentenceTexts(body string) []string {
	var out []string
	for _, s := range Segment(body, DefaultBoilerplate).Sentences {
		out = append(out, s.Text)
	}
	return out
}

func TestSegmentSentences(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"plain", "The leaders met. They talked for hours.", []string{"The leaders met.", "They talked for hours."}},
		{"us acronym", "The U.S. President arrived. He waved.", []string{"The U.S. President arrived.", "He waved."}},
		{"us at end", "He flew to the U.S. The talks began.", []string{"He flew to the U.S.", "The talks began."}},
		{"clock time zone", "They met at 3:30 p.m. ET in the hall. It rained.", []string{"They met at 3:30 p.m. ET in the hall.", "It rained."}},
		{"clock time end", "They met at 3 p.m. Putin was late.", []string{"They met at 3 p.m.", "Putin was late."}},
		{"title", "Gen. Mark Milley spoke. Sen. Smith left.", []string{"Gen. Mark Milley spoke.", "Sen. Smith left."}},
		{"initials", "George W. Bush met him. It was 2001.", []string{"George W. Bush met him.", "It was 2001."}},
		{"curly quotes", "“It was productive.” Trump left. “Next time in Moscow,” he said.", []string{"“It was productive.”", "Trump left.", "“Next time in Moscow,” he said."}},
		{"quote then lowercase", "“Are you ready?” he asked. Yes.", []string{"“Are you ready?” he asked.", "Yes."}},
		{"unbalanced", "We are done,” Putin said. There is more.", []string{"We are done,” Putin said.", "There is more."}},
		{"question", "Was it a deal? No. It was not!", []string{"Was it a deal?", "No.", "It was not!"}},
		{"ellipsis lower", "I think… maybe not. Fine.", []string{"I think… maybe not.", "Fine."}},
		{"bullets", "Points:\n  • First point here. Second.\n- Another item", []string{"Points:", "First point here.", "Second.", "Another item"}},
		{"numbered", "1. What was it?\nIt was a summit.", []string{"What was it?", "It was a summit."}},
		{"decimal", "It grew 2.5 percent. Then fell.", []string{"It grew 2.5 percent.", "Then fell."}},
		{"heading", "Arrival and Symbolism\nThe arrival set the tone.", []string{"Arrival and Symbolism", "The arrival set the tone."}},
		{"hard wrapped", "The leaders met on Friday in\nthe city and talked about\nthe war. Then they left\nfor the airport and flew\nhome.", []string{"The leaders met on Friday in\nthe city and talked about\nthe war.", "Then they left\nfor the airport and flew\nhome."}},
		{"empty", "", nil},
		{"only punctuation", "... — !!!", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.body)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSegmentOffsetsAndHeadings(t *testing.T) {
	body := "Title Of The Story\n\nFirst sentence here. Second one.\n\n  • A bullet point.\n"
	seg := Segment(body, DefaultBoilerplate)
	if len(seg.Sentences) != 4 {
		t.Fatalf("got %d sentences: %+v", len(seg.Sentences), seg.Sentences)
	}
	for i, s := range seg.Sentences {
		if body[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d offsets [%d,%d) give %q, text %q", i, s.Start, s.End, body[s.Start:s.End], s.Text)
		}
		if s.Index != i {
			t.Errorf("sentence %d has index %d", i, s.Index)
		}
	}
	if !seg.Sentences[0].Heading || seg.Sentences[1].Heading {
		t.Errorf("heading flags wrong: %+v", seg.Sentences[:2])
	}
	if !seg.Sentences[3].ListItem || seg.Sentences[3].Paragraph != 2 {
		t.Errorf("bullet not marked: %+v", seg.Sentences[3])
	}
}

func TestSegmentStripsBoilerplate(t *testing.T) {
	lines := []string{
		"ALSO READ: Trump And Putin Meet In Alaska | What Really Happened",
		"Comments (0)",
		"Add Comment",
		"Also Visit",
		"#TrumpPutinSummit #AlaskaDiplomacy #UkraineWar",
		"( With Inputs From Sources and Agencies)",
		"(With agency inputs.)",
		"— Jane Doe (@janedoe) August 15, 2025",
		"pic.twitter.com/AbCdEf123",
		"Advertisement",
	}
	body := "The summit ended.\n" + strings.Join(lines, "\n") + "\nThe war goes on."
	seg := Segment(body, DefaultBoilerplate)
	if got := len(seg.Stripped); got != len(lines) {
		for _, s := range seg.Stripped {
			t.Logf("stripped %q by %s", s.Text, s.Rule)
		}
		t.Fatalf("stripped %d lines, want %d", got, len(lines))
	}
	if got := sentenceTexts(body); !reflect.DeepEqual(got, []string{"The summit ended.", "The war goes on."}) {
		t.Errorf("kept %q", got)
	}
	// Running text that merely mentions these words is kept.
	keep := "Reporters were told to read more about the talks later. Comments from the Kremlin were sparse."
	if got := Segment(keep, DefaultBoilerplate); len(got.Stripped) != 0 || len(got.Sentences) != 2 {
		t.Errorf("kept text was stripped: %+v", got)
	}
}

func TestSegmentHugeParagraphIsBounded(t *testing.T) {
	body := strings.Repeat("word ", 1_000_000) // 5 MB without a sentence end
	seg := Segment(body, DefaultBoilerplate)
	if len(seg.Sentences) < 1000 {
		t.Fatalf("got %d sentences", len(seg.Sentences))
	}
	for _, s := range seg.Sentences {
		if len(s.Text) > MaxSentenceBytes {
			t.Fatalf("sentence of %d bytes", len(s.Text))
		}
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range []string{"A. B. C.", "“Hi,” he said. U.S. p.m. ET", "• a\n1. b\n\n#x #y", "\xff\xfe", "…”’)]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		seg := Segment(body, DefaultBoilerplate)
		last := -1
		for _, s := range seg.Sentences {
			if s.Start < 0 || s.End > len(body) || s.Start >= s.End || body[s.Start:s.End] != s.Text {
				t.Fatalf("bad span %+v", s)
			}
			if s.Start < last {
				t.Fatalf("sentences out of order")
			}
			last = s.End
		}
	})
}

func TestLexMatchesTheWordLists(t *testing.T) {
	lists := map[uint32]map[string]bool{
		lexSpeech: speechVerbs, lexTitle: titleWords, lexStopName: stopNames, lexPersonTitle: personTitles,
		lexPlacePrep: placePrepositions, lexRunStop: runStopwords, lexStarter: sentenceStarters,
		lexThing: thingWords, lexRole: roleWords, lexSpeak: speakVerbs, lexPronoun: pronouns,
		lexQuoteStop: quoteStopwords, lexNotCounted: notCounted, lexTravel: travelWords, lexJoinParticle: joinParticles,
		lexOrg: orgWords, lexPlaceWord: placeWords, lexWeekday: weekdays,
	}
	words := []string{"", "x", "the", "russian", "ukrainian", "japanese", "ese", "ian", "trump", "simultaneously", "simultaneouslyy", "zelenskyy", "été"}
	for _, set := range lists {
		for w := range set {
			words = append(words, w, w+"s", "x"+w)
		}
	}
	for _, set := range lex2Lists {
		for w := range set {
			words = append(words, w, w+"s", "x"+w)
		}
	}
	for w := range amountWords {
		words = append(words, w)
	}
	for w := range timeTriggerWords {
		words = append(words, w)
	}
	for _, w := range words {
		lex := lexOf(w)
		for bit, set := range lists {
			if (lex&bit != 0) != set[w] {
				t.Errorf("%q: bit %b is %v", w, bit, lex&bit != 0)
			}
		}
		if (lex&lexDemonym != 0) != isDemonym(w) {
			t.Errorf("%q: demonym %v", w, lex&lexDemonym != 0)
		}
		if _, ok := amountWords[w]; (lex&lexAmount != 0) != ok {
			t.Errorf("%q: amount %v", w, lex&lexAmount != 0)
		}
		if lexTimeBits(lex) != timeTriggerWords[w] {
			t.Errorf("%q: time bits %b", w, lexTimeBits(lex))
		}
		lex1, lex2 := lexBits(w)
		if lex1 != lex {
			t.Errorf("%q: lexBits %b, lexOf %b", w, lex1, lex)
		}
		for bit, set := range lex2Lists {
			if (lex2&bit != 0) != set[w] {
				t.Errorf("%q: lex2 bit %b is %v", w, bit, lex2&bit != 0)
			}
		}
	}
	for _, tok := range tokenize("The Russian President SAID: «Été» 29 drones, nearly THREE hours") {
		if lex, lex2 := lexBits(tok.text); tok.lex != lex || tok.lex2 != lex2 {
			t.Errorf("%q: lex %b", tok.text, tok.lex)
		}
	}
}

func TestCountWordsFromTokens(t *testing.T) {
	texts := []string{"", "a", "red-carpet", "Putin's", "a--b", "a -b", "a'", "'a", "a'b'c", "a-'b", "x_y", "3-2", "rock ’n’ roll", "café-au-lait", "e\u0301te\u0301", "Zelenskyy’s", "- - -", "a’’b", "“a” ’b", "a’", "x\xffy", "a\xff-b", "a-\xffb", "1٣"}
	for _, f := range []string{"../assets/corpus/alaska-2025/000_23d4cbbaea02f920.txt", "testdata/summits/helsinki.txt"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, s := range texts {
		if got, want := countWords(s, tokenize(s)), CountWords(s); got != want {
			t.Errorf("%q: %d words, want %d", s, got, want)
		}
	}
}

func TestWordTable(t *testing.T) {
	for _, n := range []int{0, 1, 7, 8, 9, 1000} {
		m := map[string]uint64{}
		for i := 0; i < n; i++ {
			m[strings.Repeat("ab", i%5)+string(rune('a'+i%26))+strings.Repeat("z", i/26)] = uint64(i+1) << (i % 40)
		}
		tab := newWordTable(m)
		for w, v := range m {
			if got := tab.get(w); got != v {
				t.Fatalf("%d words: %q = %d, want %d", n, w, got, v)
			}
			if got := tab.get(w + "q"); got != 0 {
				t.Fatalf("%d words: %q = %d, want none", n, w+"q", got)
			}
		}
		if tab.get("") != 0 || tab.get("é") != 0 {
			t.Fatalf("%d words: found what is not there", n)
		}
	}
}
