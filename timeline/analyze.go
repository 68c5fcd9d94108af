package timeline

import (
	"sort"
	"unicode/utf8"
)

// AnalyzedSentence is a sentence with the phase, themes and times the engine
// found in it.
type AnalyzedSentence struct {
	Sentence
	SentencePhases
	Times     []TimeMention
	WordCount int     // words in the sentence
	tokens    []token // its words, cut once for every later stage
}

// words returns the sentence's tokens, cutting them if need be.
func (s *AnalyzedSentence) words() []token {
	if s.tokens == nil {
		s.tokens = tokenize(s.Text)
	}
	return s.tokens
}

// AnalyzedArticle is an article with its analysed sentences.
type AnalyzedArticle struct {
	Article
	Sentences []AnalyzedSentence
	Stripped  []StrippedLine
	Words     int // words in all sentences (boilerplate excluded)
}

// Cast is who an event is about: the principals (the leaders who met),
// found as the most-mentioned names in person position across the corpus,
// and every other name seen in person position.
type Cast struct {
	Principals []string
	persons    wordMap[int] // folded name -> mentions in person position
}

// titleWords precede a person's name.
var titleWords = setOf("president", "presidents", "leader", "minister", "chancellor", "secretary", "mr", "mrs", "ms", "premier", "envoy", "aide", "spokesperson", "spokesman", "spokeswoman", "lawmaker", "senator", "sen", "rep", "general", "gen", "king", "queen", "prince", "counterpart", "emir", "sheikh", "dr", "adviser", "advisor")

// FindCast finds the people of a corpus: capitalised words seen after a
// title or first name, or before a speech verb. The (up to) two most
// mentioned are the principals.
func FindCast(sentences [][]Sentence) Cast {
	toks := make([][][]token, len(sentences))
	for i, doc := range sentences {
		toks[i] = make([][]token, len(doc))
		for j, s := range doc {
			toks[i][j] = tokenize(s.Text)
		}
	}
	return castFromTokens(toks)
}

// castFromTokens is FindCast on already tokenized sentences.
func castFromTokens(docs [][][]token) Cast {
	person := map[string]int{}
	count := map[string]int{}
	for _, doc := range docs {
		for _, toks := range doc {
			for i, t := range toks {
				if !t.upper || len(t.text) < 3 || i == 0 && neighborLex(toks, i, 1)&lexSpeech == 0 {
					continue
				}
				count[t.text]++
				if neighborLex(toks, i, -1)&lexTitle != 0 || neighborLex(toks, i, 1)&lexSpeech != 0 || (i > 0 && toks[i-1].upper && neighborLex(toks, i, -2)&lexTitle != 0) {
					person[t.text]++
				}
			}
		}
	}
	var c Cast
	var names []string
	for n, k := range person {
		if stopNames[n] || titleWords[n] {
			continue
		}
		c.persons.set(n, k)
		if count[n] >= 2 {
			names = append(names, n) // seen as a person, and named more than once
		}
	}
	sort.Slice(names, func(i, j int) bool {
		if count[names[i]] != count[names[j]] {
			return count[names[i]] > count[names[j]]
		}
		return names[i] < names[j]
	})
	if len(names) > 2 {
		names = names[:2]
	}
	if len(names) == 2 && count[names[1]]*4 < count[names[0]] {
		names = names[:1] // one dominant figure: no second principal
	}
	c.Principals = names
	return c
}

// isPrincipal reports whether the folded word names a principal.
func (c Cast) isPrincipal(w string) bool {
	for _, p := range c.Principals {
		if p == w {
			return true
		}
	}
	return false
}

// isPerson reports whether the folded word was seen in person position.
func (c *Cast) isPerson(w string) bool {
	n, _ := c.persons.get(w)
	return n > 0
}

// Analyze segments and analyses one article on its own (principals found in
// it alone).
func (s *Schema) Analyze(a Article) AnalyzedArticle {
	seg := Segment(a.Body, s.boilerplate)
	out := s.AnalyzeSentences(a, seg.Sentences, FindCast([][]Sentence{seg.Sentences}))
	out.Stripped = seg.Stripped
	return out
}

// AnalyzeSentences assigns phases, themes and times to the already split
// sentences of article a.
func (s *Schema) AnalyzeSentences(a Article, sents []Sentence, cast Cast) AnalyzedArticle {
	return s.analyzeTokens(a, sents, nil, cast)
}

// analyzeTokens is AnalyzeSentences with the sentences' tokens, when
// already cut (nil cuts them).
func (s *Schema) analyzeTokens(a Article, sents []Sentence, tokens [][]token, cast Cast) AnalyzedArticle {
	out := AnalyzedArticle{Article: a, Sentences: make([]AnalyzedSentence, len(sents))}
	ref := articleReference(a, s.Event, sents)
	var hits []hit
	var buf []token
	var arena lowerArena
	// A sentence's phase depends on its paragraph neighbours' and its
	// section heading's own scores: features are found one sentence ahead
	// of the decisions, in a ring of three, and the heading's are copied.
	np, nt := len(s.Phases), len(s.Themes)
	type slot struct {
		f     features
		nums  []float64
		flags []bool
	}
	var ring [3]slot
	for k := range ring {
		ring[k].nums = make([]float64, np+nt)
		ring[k].flags = make([]bool, 3*np+nt)
	}
	find := func(i int) {
		sent := &sents[i]
		var toks []token
		if tokens != nil {
			toks = tokens[i]
			out.Sentences[i].tokens = toks // kept for the extractors
		} else {
			buf = cutTokens(buf, sent.Text, &arena) // streaming: reuse one buffer
			toks = buf
		}
		sl := &ring[i%3]
		clear(sl.nums)
		clear(sl.flags)
		sl.f, hits = s.features(sent.Text, toks, cast, hits, sl.nums, sl.flags)
		out.Sentences[i].WordCount = countWords(sent.Text, toks)
		out.Words += out.Sentences[i].WordCount
		out.Sentences[i].Times = findTimes(sent.Text, toks, ref)
	}
	if len(sents) > 0 {
		find(0)
	}
	heading := -1
	headingOwn := make([]float64, np)
	names := make([]string, 0, len(sents)) // the sentences' theme and phase lists, in one block
	score := make([]float64, np)
	for i, sent := range sents {
		if i+1 < len(sents) {
			find(i + 1)
		}
		f := ring[i%3].f
		if sent.Heading && i > 0 {
			heading = i
			copy(headingOwn, f.own)
		}
		var hctx, prev, next []float64
		if heading >= 0 && heading != i {
			hctx = headingOwn
		}
		if i > 0 && sents[i-1].Paragraph == sent.Paragraph {
			prev = ring[(i-1)%3].f.own
		}
		if i+1 < len(sents) && sents[i+1].Paragraph == sent.Paragraph {
			next = ring[(i+1)%3].f.own
		}
		s.scorePhases(f, hctx, prev, next, score)
		out.Sentences[i].Sentence = sent
		out.Sentences[i].SentencePhases, names = s.decide(f, score, names)
	}
	carryZones(out.Sentences, ref, a)
	carryDays(out.Sentences, ref)
	return out
}

// Reports returns the phases the article reports: those some sentence
// assigns with at least minConfidence (as its phase or one of its others).
func (a AnalyzedArticle) Reports(minConfidence float64) map[string]bool {
	out := map[string]bool{}
	for _, s := range a.Sentences {
		if s.Phase == "" || s.Confidence < minConfidence {
			continue
		}
		out[s.Phase] = true
		for _, p := range s.Also {
			out[p] = true
		}
	}
	return out
}

// AnalyzeCorpus segments and analyses articles about one event together:
// the cast (principals and other people) is found across all of them.
func (s *Schema) AnalyzeCorpus(arts []Article) []AnalyzedArticle {
	segs := make([]Segmented, len(arts))
	sents := make([][]Sentence, len(arts))
	for i, a := range arts {
		segs[i] = Segment(a.Body, s.boilerplate)
		sents[i] = segs[i].Sentences
	}
	out := s.AnalyzeSplit(arts, sents)
	for i := range out {
		out[i].Stripped = segs[i].Stripped
	}
	return out
}

// AnalyzeSplit analyses articles whose sentences are already split (as
// stored), sents[i] belonging to arts[i].
func (s *Schema) AnalyzeSplit(arts []Article, sents [][]Sentence) []AnalyzedArticle {
	toks := make([][][]token, len(sents))
	var slab []token // the sentences' tokens share large blocks
	var arena lowerArena
	for i, doc := range sents {
		toks[i] = make([][]token, len(doc))
		for j, sent := range doc {
			free := slab[len(slab):]
			t := cutTokens(free, sent.Text, &arena)
			if len(t) <= cap(free) { // cut in place
				slab = slab[:len(slab)+len(t)]
				toks[i][j] = t[:len(t):len(t)]
				continue
			}
			toks[i][j] = t // outgrew the block: a block of its own
			slab = make([]token, 0, 1<<14)
		}
	}
	cast := castFromTokens(toks)
	out := make([]AnalyzedArticle, len(arts))
	for i, a := range arts {
		out[i] = s.analyzeTokens(a, sents[i], toks[i], cast)
	}
	return out
}

// countWords is CountWords(text) for the text's tokens: when its only
// letters and digits are ASCII, the words are the tokens, less those joined
// to the one before by a lone apostrophe or hyphen ("red-carpet",
// "Putin’s").
func countWords(text string, toks []token) int {
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			for i+8 <= len(text) && load64(text[i:i+8])&0x8080808080808080 == 0 {
				i += 8 // eight ASCII bytes
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			return CountWords(text)
		}
		i += size
	}
	n := len(toks)
	for k := 1; k < len(toks); k++ {
		switch toks[k].start - toks[k-1].end { // the gap: "'", "-" or "’"
		case 1:
			if c := text[toks[k-1].end]; c == '\'' || c == '-' {
				n--
			}
		case 3:
			if text[toks[k-1].end:toks[k].start] == "’" {
				n--
			}
		}
	}
	return n
}
