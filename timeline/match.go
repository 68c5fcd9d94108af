package timeline

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a sentence: lower-cased, diacritics folded, with its
// byte span in the sentence (32-bit offsets keep tokens, the engine's
// largest storage, at 32 bytes; texts are far shorter than 2 GB).
type token struct {
	text       string
	start, end int32
	upper      bool   // the original starts with a capital letter
	lex2       uint16 // the name rules' word lists it is in (lex2 bits)
	lex        uint32 // the word lists it is in (lexOf)
}

// Bits of token.lex2: the word lists of the name rules.
const (
	lex2TimeZone       uint16 = 1 << iota // timeZones
	lex2GenericOrg                        // genericOrgWords
	lex2PlacePrefix                       // placePrefixes
	lex2HyphenParticle                    // hyphenParticles
	lex2Vehicle                           // vehicleWords
	lex2Facility                          // facilityWords
	lex2PlaceAcronym                      // placeAcronyms
	lex2NameParticle                      // nameParticles
	lex2NameSuffix                        // nameSuffixes
	lex2FemaleTitle                       // femaleTitles
	lex2RoleNoun                          // roleNouns
	lex2NameStart                         // nameStarts
	lex2Compass                           // compassWords
)

// lex2Lists are the word lists of the lex2 bits.
var lex2Lists = map[uint16]map[string]bool{
	lex2TimeZone: timeZones, lex2GenericOrg: genericOrgWords, lex2PlacePrefix: placePrefixes, lex2HyphenParticle: hyphenParticles,
	lex2Vehicle: vehicleWords, lex2Facility: facilityWords, lex2PlaceAcronym: placeAcronyms, lex2NameParticle: nameParticles,
	lex2NameSuffix: nameSuffixes, lex2FemaleTitle: femaleTitles, lex2RoleNoun: roleNouns, lex2NameStart: nameStarts,
	lex2Compass: compassWords,
}

// Bits of token.lex: the fixed word lists of the engine, looked up once
// per word when it is cut rather than in a map at every later test.
const (
	lexSpeech      uint32 = 1 << iota // speechVerbs
	lexTitle                          // titleWords
	lexStopName                       // stopNames
	lexPersonTitle                    // personTitles
	lexDemonym                        // isDemonym
	lexPlacePrep                      // placePrepositions
	lexRunStop                        // runStopwords
	lexStarter                        // sentenceStarters
	lexThing                          // thingWords
	lexRole                           // roleWords
	lexSpeak                          // speakVerbs
	lexPronoun                        // pronouns
	lexQuoteStop                      // quoteStopwords
	lexAmount                         // amountWords
	lexNotCounted                     // notCounted
	lexTravel                         // travelWords
	lexTimeShift          = 16        // timeTriggerWords' bits, shifted by this (familyCount bits)
	// Above the time bits: joinParticles and the name words of learn.
	lexJoinParticle uint32 = 1 << 31
	lexOrg          uint32 = 1 << 30 // orgWords
	lexPlaceWord    uint32 = 1 << 29 // placeWords
	lexWeekday      uint32 = 1 << 28 // weekdays
)

// wordRuneBits has bit r set for the runes below wordRuneLimit that are
// letters or digits, markRuneBits for those that are marks: the tokenizer
// and word counters test every non-ASCII rune, and unicode's range tables
// cost a binary search a test.
const wordRuneLimit = 0x3000

var wordRuneBits, markRuneBits = func() (w, m *[wordRuneLimit / 64]uint64) {
	w, m = new([wordRuneLimit / 64]uint64), new([wordRuneLimit / 64]uint64)
	for r := rune(0); r < wordRuneLimit; r++ {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			w[r/64] |= 1 << (r % 64)
		}
		if unicode.IsMark(r) {
			m[r/64] |= 1 << (r % 64)
		}
	}
	return w, m
}()

// isLetterOrDigit is unicode.IsLetter(r) || unicode.IsDigit(r).
func isLetterOrDigit(r rune) bool {
	if uint32(r) < wordRuneLimit {
		return wordRuneBits[r/64]&(1<<(r%64)) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isWordRune is unicode.IsLetter(r) || unicode.IsDigit(r) ||
// unicode.IsMark(r).
func isWordRune(r rune) bool {
	if uint32(r) < wordRuneLimit {
		return (wordRuneBits[r/64]|markRuneBits[r/64])&(1<<(r%64)) != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// lexTimeBits returns the timeTriggerWords bits of lex.
func lexTimeBits(lex uint32) int { return int(lex>>lexTimeShift) & (1<<familyCount - 1) }

// lexicon holds the lex bits of every word of the lists (but the demonym
// suffixes, which lexOf tests), and lexFilter a bit per (length, first
// byte, last byte) of its words, so most other words need no look-up.
var lexicon, lexFilter, lexMaxLen = func() (*wordTable, *[1 << 14 / 64]uint64, int) {
	m := map[string]uint64{} // the lex bits, and the lex2 bits above them
	for bit, set := range map[uint32]map[string]bool{
		lexSpeech: speechVerbs, lexTitle: titleWords, lexStopName: stopNames, lexPersonTitle: personTitles,
		lexDemonym: demonyms, lexPlacePrep: placePrepositions, lexRunStop: runStopwords, lexStarter: sentenceStarters,
		lexThing: thingWords, lexRole: roleWords, lexSpeak: speakVerbs, lexPronoun: pronouns,
		lexQuoteStop: quoteStopwords, lexNotCounted: notCounted, lexTravel: travelWords, lexJoinParticle: joinParticles,
		lexOrg: orgWords, lexPlaceWord: placeWords, lexWeekday: weekdays,
	} {
		for w, ok := range set {
			if ok {
				m[w] |= uint64(bit)
			}
		}
	}
	for bit, set := range lex2Lists {
		for w, ok := range set {
			if ok {
				m[w] |= uint64(bit) << 32
			}
		}
	}
	for w := range amountWords {
		m[w] |= uint64(lexAmount)
	}
	for w, bits := range timeTriggerWords {
		m[w] |= uint64(bits) << lexTimeShift
	}
	filter := new([1 << 14 / 64]uint64)
	longest := 0
	for w := range m {
		k := lexKey(w)
		filter[k/64] |= 1 << (k % 64)
		longest = max(longest, len(w))
	}
	return newWordTable(m), filter, longest
}()

func lexKey(w string) uint32 {
	return uint32(len(w)&15)<<10 | uint32(w[0]&31)<<5 | uint32(w[len(w)-1]&31)
}

// lexOf returns the lex bits of a folded word.
func lexOf(w string) uint32 {
	lex, _ := lexBits(w)
	return lex
}

// lexBits returns the lex and lex2 bits of a folded word.
func lexBits(w string) (uint32, uint16) {
	var bits uint64
	if strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ese") {
		bits = uint64(lexDemonym) // isDemonym
	}
	if w == "" || len(w) > lexMaxLen {
		return uint32(bits), 0
	}
	if k := lexKey(w); lexFilter[k/64]&(1<<(k%64)) != 0 {
		bits |= lexicon.get(w)
	}
	return uint32(bits), uint16(bits >> 32)
}

// neighborLex is the lex bits of toks[i+d], 0 past either end.
func neighborLex(toks []token, i, d int) uint32 {
	if j := i + d; j >= 0 && j < len(toks) {
		return toks[j].lex
	}
	return 0
}

// tokenize cuts s into words (runs of letters and digits; apostrophes and
// hyphens split words, so "red-carpet" is "red carpet").
func tokenize(s string) []token {
	return tokenizeInto(make([]token, 0, len(s)/5+1), s)
}

// firstToken returns the text of tokenize(s)[0], and false when s has no
// word, without cutting the rest of s.
func firstToken(s string) (string, bool) {
	// Any ASCII byte but a letter or digit ends a word: a first word
	// found before the first such byte after a word's start is s's.
	end, started := len(s), false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || asciiClass[c] != 0 {
			started = true
		} else if started {
			end = i
			break
		}
	}
	buf, toks := tokenizeScratch(s[:end])
	if len(toks) == 0 && end < len(s) {
		toks = tokenizeInto(toks, s) // the bytes before end hold no word (marks, quotes)
		*buf = toks
	}
	defer releaseTokens(buf)
	if len(toks) == 0 {
		return "", false
	}
	return toks[0].text, true
}

// tokenScratch holds token buffers for cuts that do not outlive the
// function making them (the tokens' words are never in the buffer).
var tokenScratch = sync.Pool{New: func() any { return new([]token) }}

// tokenizeScratch is tokenize into a pooled buffer; the caller hands the
// buffer back with releaseTokens once done with the tokens.
func tokenizeScratch(s string) (*[]token, []token) {
	b := tokenScratch.Get().(*[]token)
	*b = tokenizeInto(*b, s)
	return b, *b
}

// releaseTokens returns a buffer from tokenizeScratch to the pool.
func releaseTokens(b *[]token) { tokenScratch.Put(b) }

// tokenizeInto appends the tokens of s to toks[:0], reusing its storage.
// ASCII words are sliced from one lower-cased copy of s, so a sentence
// costs at most one allocation for its words.
func tokenizeInto(toks []token, s string) []token { return cutTokens(toks, s, nil) }

// lowerArena holds lower-cased copies of capitalised words, many words to
// an allocation, for tokenizing many sentences.
// The bytes of a block are written once, before the string made of them is
// handed out, and never after (as strings.Builder does).
type lowerArena struct{ b []byte }

// lower returns w with its ASCII letters lower-cased.
func (a *lowerArena) lower(w string) string {
	if cap(a.b)-len(a.b) < len(w) {
		a.b = make([]byte, 0, max(4096, len(w))) // the strings handed out keep the old block
	}
	start := len(a.b)
	a.b = a.b[:start+len(w)]
	out := a.b[start:]
	for i := 0; i < len(w) && i < len(out); i++ {
		c := w[i]
		if c-'A' < 26 {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	if len(out) == 0 {
		return ""
	}
	return unsafe.String(&out[0], len(out))
}

// cutTokens is tokenizeInto, lower-casing capitalised ASCII words in arena
// when it is not nil (else in one copy of s).
func cutTokens(toks []token, s string, arena *lowerArena) []token {
	toks = toks[:0]
	var lower string // s lower-cased, made on the first capital ASCII word
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiClass[c] == 0 { // not a letter or digit
				i++
				continue
			}
			start := i
			var class uint8 // asciiClass bits of the word's bytes
			for i < len(s) {
				k := asciiClass[s[i]]
				if k == 0 {
					break
				}
				class |= k
				i++
			}
			if i < len(s) && s[i] >= utf8.RuneSelf {
				r, _ := utf8.DecodeRuneInString(s[i:])
				if isWordRune(r) {
					i = start
					goto general // the word goes on in non-ASCII letters
				}
			}
			upper := c >= 'A' && c <= 'Z'
			text := s[start:i]
			if class&classUpper != 0 {
				switch {
				case arena != nil:
					text = arena.lower(text)
				case lower == "":
					lower = asciiLower(s)
					fallthrough
				default:
					text = lower[start:i]
				}
			}
			lex, lex2 := lexBits(text)
			toks = append(toks, token{text: text, start: int32(start), end: int32(i), upper: upper, lex: lex, lex2: lex2})
			continue
		}
	general:
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if !isLetterOrDigit(r) {
			i += size
			continue
		}
		start := i
		ascii := true
		for i < len(s) {
			r2, s2 := rune(s[i]), 1
			if r2 >= utf8.RuneSelf {
				r2, s2 = utf8.DecodeRuneInString(s[i:])
				ascii = false
			}
			if !isWordRune(r2) {
				break
			}
			i += s2
		}
		word := s[start:i]
		folded := foldWord(word, ascii)
		lex, lex2 := lexBits(folded)
		toks = append(toks, token{text: folded, start: int32(start), end: int32(i), upper: unicode.IsUpper(r), lex: lex, lex2: lex2})
	}
	return toks
}

// asciiClass sorts bytes for the tokenizer: letters and digits, and among
// them capitals.
var asciiClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = classWord | classUpper
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			t[c] = classWord
		}
	}
	return t
}()

const (
	classWord  = 1 << iota // an ASCII letter or digit
	classUpper             // a capital
)

// isASCIIWordByte reports whether c is an ASCII letter or digit (one
// look-up in asciiClass rather than three range tests).
func isASCIIWordByte(c byte) bool { return asciiClass[c] != 0 }

// asciiLower lower-cases the ASCII letters of s, keeping every byte offset.
func asciiLower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// foldWord lower-cases w and, for non-ASCII words, strips diacritics.
func foldWord(w string, ascii bool) string {
	if ascii {
		for i := 0; i < len(w); i++ {
			if c := w[i]; c >= 'A' && c <= 'Z' {
				return strings.ToLower(w)
			}
		}
		return w
	}
	d := norm.NFD.String(strings.ToLower(w))
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, d)
}

// cueKind says what a matched phrase signals.
type cueKind uint8

const (
	kindPhase cueKind = iota
	kindPhaseNot
	kindTheme
	kindThemeNot
	kindEvent      // names the event as a whole
	kindAnchor     // names a phase in a relative cue
	kindThirdParty // people other than the principals
	kindPrincipal  // the principals, unnamed ("the leaders")
	kindBefore     // relation word: before
	kindAfter      // relation word: after
	kindDuring     // relation word: during
)

// cue is one phrase to find, with what it means.
type cue struct {
	kind   cueKind
	target int // phase or theme index
	weight float64
	words  []string  // folded tokens; a trailing * marks a prefix
	pat    []cueWord // words, compiled by seal
	skip   int       // 1 when the first word is exact: the index found it
	text   string
}

// cueWord is one word of a compiled cue.
type cueWord struct {
	text string // the word, or its prefix without the *
	kind uint8  // wordExact, wordPrefix or wordName
}

const (
	wordExact  = iota
	wordPrefix // text is a prefix of the token
	wordName   // {Name}: any capitalised token
)

// nameSlot stands for {Name} in a cue: any capitalised word.
const nameSlot = "xnamex"

// matcher finds all cues in a token list, indexed by first word.
type matcher struct {
	exact  map[string][]*cue
	prefix map[string][]*cue // first word is a prefix; keyed by its first 3 letters
	short  []*cue            // first word is a prefix shorter than 3 letters
	// prefix2 has bit a<<8|b set when some key of prefix starts with the
	// bytes a, b: most words need no look-up in prefix.
	prefix2 [1 << 16 / 64]uint64
	// exactKeys has the lexKey bit of every key of exact set, and
	// exactIndex maps each key to 1 + its place in exactLists.
	exactKeys  [1 << 14 / 64]uint64
	exactIndex *wordTable
	exactLists []cueList
	// prefixIndex maps each key of prefix to 1 + its place in
	// prefixLists (a look-up cheaper than the map's).
	prefixIndex *wordTable
	prefixLists [][]*cue
}

// cueList is the cues of one first word, in order, sorted by what their
// second word asks of the next token (its 1 + lexKey when the word is
// exact): only those that may match the next token are tried, still in
// their order.
type cueList struct {
	free []*cue // the cues whose second word is not exact, or that have none
	// nexts holds, in increasing order, the 1 + lexKey of the cues'
	// exact second words, and byNext for each the cues, free or with
	// that second-word key.
	nexts  []uint32
	byNext [][]*cue
}

// newCueList sorts the cues of one first word (compiled).
func newCueList(cs []*cue) cueList {
	var l cueList
	second := func(c *cue) uint32 { // 1 + the lexKey of an exact second word, else 0
		if len(c.pat) > 1 && c.pat[1].kind == wordExact && c.pat[1].text != "" {
			return 1 + lexKey(c.pat[1].text)
		}
		return 0
	}
	for _, c := range cs {
		if k := second(c); k == 0 {
			l.free = append(l.free, c)
		} else if !slices.Contains(l.nexts, k) {
			l.nexts = append(l.nexts, k)
		}
	}
	slices.Sort(l.nexts)
	for _, k := range l.nexts {
		var sub []*cue
		for _, c := range cs {
			if sk := second(c); sk == 0 || sk == k {
				sub = append(sub, c)
			}
		}
		l.byNext = append(l.byNext, sub)
	}
	return l
}

// candidates returns the cues that may match before a next token whose
// 1 + lexKey is next (0: no next token), in their order.
func (l *cueList) candidates(next uint32) []*cue {
	if k, ok := slices.BinarySearch(l.nexts, next); ok {
		return l.byNext[k]
	}
	return l.free
}

// seal compiles the cues' words and the prefix filter; the matcher is
// ready to use after it.
func (m *matcher) seal() {
	compile := func(cs []*cue) {
		for _, c := range cs {
			c.pat = make([]cueWord, len(c.words))
			for j, w := range c.words {
				switch {
				case w == nameSlot:
					c.pat[j] = cueWord{kind: wordName}
				case strings.HasSuffix(w, "*"):
					c.pat[j] = cueWord{text: w[:len(w)-1], kind: wordPrefix}
				default:
					c.pat[j] = cueWord{text: w, kind: wordExact}
				}
			}
			if len(c.pat) > 0 && c.pat[0].kind == wordExact {
				c.skip = 1
			}
		}
	}
	index := map[string]uint64{}
	m.exactLists = nil
	for k, cs := range m.exact {
		compile(cs)
		b := lexKey(k)
		m.exactKeys[b/64] |= 1 << (b % 64)
		m.exactLists = append(m.exactLists, newCueList(cs))
		index[k] = uint64(len(m.exactLists))
	}
	m.exactIndex = newWordTable(index)
	prefixes := map[string]uint64{}
	m.prefixLists = nil
	for k, cs := range m.prefix {
		compile(cs)
		b := uint16(k[0])<<8 | uint16(k[1])
		m.prefix2[b/64] |= 1 << (b % 64)
		m.prefixLists = append(m.prefixLists, cs)
		prefixes[k] = uint64(len(m.prefixLists))
	}
	m.prefixIndex = newWordTable(prefixes)
	compile(m.short)
}

// Relation words are English grammar, not event knowledge.
var (
	beforeWords = []string{"before", "ahead of", "prior to", "in advance of", "on the eve of", "in the run up to", "in the lead up to", "en route to", "on the way to", "on his way to", "on their way to", "in preparation for", "hours before", "days before", "minutes before"}
	afterWords  = []string{"after", "following", "in the wake of", "in the aftermath of", "at the end of", "at the close of", "on the heels of", "hours after", "minutes after", "days after", "since the"}
	duringWords = []string{"during", "throughout", "in the course of", "midway through", "at the start of", "at the beginning of", "on the sidelines of"}
)

func buildMatcher(s *Schema) *matcher {
	m := &matcher{exact: map[string][]*cue{}, prefix: map[string][]*cue{}}
	add := func(kind cueKind, target int, weight float64, phrases []string) {
		for _, p := range phrases {
			c := &cue{kind: kind, target: target, weight: weight, text: p}
			for _, t := range tokenize(strings.ReplaceAll(p, "{Name}", nameSlot)) {
				c.words = append(c.words, t.text)
			}
			if strings.HasSuffix(strings.TrimSpace(p), "*") && len(c.words) > 0 {
				c.words[len(c.words)-1] += "*"
			}
			if len(c.words) == 0 {
				continue
			}
			first := c.words[0]
			switch {
			case !strings.HasSuffix(first, "*"):
				m.exact[first] = append(m.exact[first], c)
			case len(first) >= 4: // 3 letters and the *
				m.prefix[first[:3]] = append(m.prefix[first[:3]], c)
			default:
				m.short = append(m.short, c)
			}
		}
	}
	for i, p := range s.Phases {
		add(kindPhase, i, 2, p.Strong)
		add(kindPhase, i, 1, p.Cues)
		add(kindPhase, i, 0.5, p.Weak)
		add(kindPhase, i, 0.25, p.TimeWords)
		add(kindPhaseNot, i, 0, p.Not)
		add(kindAnchor, i, 0, p.Anchors)
	}
	for i, t := range s.Themes {
		add(kindTheme, i, 2, t.Strong)
		add(kindTheme, i, 1, t.Cues)
		add(kindTheme, i, 0.5, t.Weak)
		add(kindThemeNot, i, 0, t.Not)
	}
	add(kindEvent, 0, 0, s.EventTerms)
	add(kindThirdParty, 0, 0, s.ThirdParty)
	add(kindPrincipal, 0, 0, s.PrincipalTerms)
	add(kindBefore, 0, 0, beforeWords)
	add(kindAfter, 0, 0, afterWords)
	add(kindDuring, 0, 0, duringWords)
	m.seal()
	return m
}

// hit is one cue found at tokens [at, at+n).
type hit struct {
	cue   *cue
	at, n int
}

// find appends every cue occurrence in toks to hits.
func (m *matcher) find(toks []token, hits []hit) []hit {
	for i := range toks {
		t := &toks[i]
		if k := lexKey(t.text); m.exactKeys[k/64]&(1<<(k%64)) != 0 {
			var cs []*cue
			if v := m.exactIndex.get(t.text); v != 0 {
				next := uint32(0) // 1 + the next token's lexKey
				if i+1 < len(toks) && toks[i+1].text != "" {
					next = 1 + lexKey(toks[i+1].text)
				}
				cs = m.exactLists[v-1].candidates(next)
			}
			for _, c := range cs {
				if len(c.pat) > 1 && (i+1 >= len(toks) || c.pat[1].kind == wordExact && toks[i+1].text != c.pat[1].text) {
					continue // its second word is not next
				}
				if n := c.matchFrom(toks, i, c.skip); n > 0 {
					hits = append(hits, hit{c, i, n})
				}
			}
		}
		if len(t.text) >= 3 && m.prefix2[(uint16(t.text[0])<<8|uint16(t.text[1]))/64]&(1<<((uint16(t.text[0])<<8|uint16(t.text[1]))%64)) != 0 {
			var cs []*cue
			if v := m.prefixIndex.get(t.text[:3]); v != 0 {
				cs = m.prefixLists[v-1]
			}
			for _, c := range cs {
				if n := c.matchAt(toks, i); n > 0 {
					hits = append(hits, hit{c, i, n})
				}
			}
		}
		for _, c := range m.short {
			if n := c.matchAt(toks, i); n > 0 {
				hits = append(hits, hit{c, i, n})
			}
		}
	}
	return hits
}

// matchAt returns how many tokens the cue covers at toks[i:], or 0.
func (c *cue) matchAt(toks []token, i int) int { return c.matchFrom(toks, i, 0) }

// matchFrom is matchAt when the cue's first from words are known to match.
func (c *cue) matchFrom(toks []token, i, from int) int {
	if i+len(c.pat) > len(toks) {
		return 0
	}
	for j := from; j < len(c.pat); j++ {
		w, t := &c.pat[j], &toks[i+j]
		switch w.kind {
		case wordExact:
			if t.text != w.text {
				return 0
			}
		case wordPrefix:
			if !strings.HasPrefix(t.text, w.text) {
				return 0
			}
		default:
			if !t.upper {
				return 0
			}
		}
	}
	return len(c.pat)
}

func compileBoilerplate(pattern string) (*regexp.Regexp, error) {
	return regexp.Compile(`(?i)` + pattern)
}

// wordTable maps words to non-zero values: an open-addressed table with a
// cheap hash, faster than a map for the short words looked up for every
// token.
type wordTable struct {
	keys []string
	// sigs holds each key's signature (0: an empty slot); a word of up
	// to five bytes is its signature, so only longer words are compared.
	sigs []uint64
	vals []uint64
	bits uint // len(keys) is 1<<bits
}

// newWordTable builds a table of m (whose values must not be 0, nor its
// keys empty).
func newWordTable(m map[string]uint64) *wordTable {
	t := &wordTable{bits: 4}
	for 1<<t.bits < 2*len(m) {
		t.bits++
	}
	t.keys = make([]string, 1<<t.bits)
	t.sigs = make([]uint64, 1<<t.bits)
	t.vals = make([]uint64, 1<<t.bits)
	for w, v := range m {
		sig := wordSig(w)
		i := t.slot(sig)
		for t.keys[i] != "" {
			i = (i + 1) & (1<<t.bits - 1)
		}
		t.keys[i], t.sigs[i], t.vals[i] = w, sig, v
	}
	return t
}

// wordSig is w's signature: its length and its first, second, middle and
// last two bytes (no loop over the word), which are all its bytes when it
// has at most five. Only "" has the signature 0.
func wordSig(w string) uint64 {
	h := uint64(len(w))
	if n := len(w); n > 0 {
		h |= uint64(w[0])<<8 | uint64(w[n/2])<<16 | uint64(w[n-1])<<24
		if n > 1 {
			h |= uint64(w[1])<<32 | uint64(w[n-2])<<40
		}
	}
	return h
}

// slot is where the probe for a word of signature sig starts (words that
// share it just probe further).
func (t *wordTable) slot(sig uint64) uint64 {
	h := sig ^ sig>>29
	return (h * 0x9e3779b97f4a7c15) >> (64 - t.bits)
}

// get returns w's value, or 0.
func (t *wordTable) get(w string) uint64 {
	sig := wordSig(w)
	if sig == 0 {
		return 0 // "" is never a key
	}
	for i := t.slot(sig); ; i = (i + 1) & (1<<t.bits - 1) {
		switch t.sigs[i] {
		case sig:
			if len(w) <= 5 || t.keys[i] == w {
				return t.vals[i]
			}
		case 0:
			return 0
		}
	}
}

// windowScratch is tokenizeScratch(body[from:to]) for an article whose
// sentences (sents, in order, each's Text being body[Start:End]) already
// have their tokens: the window's tokens are copied from its sentences'
// (a word the window starts inside is cut as tokenize would cut it) when
// the text between them holds no word, else the window is cut afresh. The
// caller hands the buffer back with releaseTokens.
func windowScratch(body string, sents []AnalyzedSentence, from, to int) (*[]token, []token) {
	k := firstEndingAfter(sents, from)
	if k == len(sents) || from > to {
		return tokenizeScratch(body[from:to])
	}
	b := tokenScratch.Get().(*[]token)
	out, ok := sentenceWindowTokens((*b)[:0], body, sents[k:], from, to)
	if !ok {
		out = tokenizeInto(out[:0], body[from:to])
	}
	*b = out
	return b, out
}

// sentenceWindowTokens appends to buf the tokens of body[from:to] taken
// from those of sents (which start with the first sentence ending after
// from), with offsets in the window; ok is false when a word crosses the
// window's end or is not ASCII where the window starts inside it, or when
// text outside the sentences, or two sentences with nothing between them,
// may hold or make a word the sentences' tokens do not have.
func sentenceWindowTokens(buf []token, body string, sents []AnalyzedSentence, from, to int) (_ []token, ok bool) {
	last := from // where the text not yet taken starts
	for j := 0; j < len(sents) && sents[j].Start < to; j++ {
		s := &sents[j]
		if len(s.Text) != s.End-s.Start {
			return buf, false
		}
		if last < s.Start && hasWordRune(body[last:s.Start]) || j > 0 && last == s.Start {
			return buf, false
		}
		if buf, ok = windowTokens(buf, s.Text, s.words(), from-s.Start, to-s.Start); !ok {
			return buf, false
		}
		last = s.End
	}
	if last < to && hasWordRune(body[last:to]) {
		return buf, false
	}
	return buf, true
}

// hasWordRune reports whether s holds a letter, digit or mark.
func hasWordRune(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiClass[c] != 0 {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			return true
		}
		i += size
	}
	return false
}

// windowView is windowScratch without a copy, for a window in one
// sentence that cuts no word: the tokens of body[from:to] are then a part
// of the sentence's own tokens, returned as they are, with offsets in the
// sentence, which starts at body offset base (base+t.start is a token's
// offset in body). ok is false for any other window.
func windowView(body string, sents []AnalyzedSentence, from, to int) (toks []token, base int, ok bool) {
	k := firstEndingAfter(sents, from)
	if k == len(sents) || from < sents[k].Start || to > sents[k].End || from > to || len(sents[k].Text) != sents[k].End-sents[k].Start {
		return nil, 0, false
	}
	s := &sents[k]
	all := s.words()
	lo, hi := 0, len(all) // the first token ending after from
	for lo < hi {
		if m := int(uint(lo+hi) >> 1); int(all[m].end) > from-s.Start {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo < len(all) && int(all[lo].start) < from-s.Start {
		return nil, 0, false // the window starts inside a word
	}
	end := lo
	for end < len(all) && int(all[end].start) < to-s.Start {
		end++
	}
	if end > lo && int(all[end-1].end) > to-s.Start {
		return nil, 0, false // the window ends inside a word
	}
	return all[lo:end:end], s.Start, true
}

// windowTokens appends to buf the tokens of text[from:to] taken from toks
// (text's tokens), with offsets in the window; ok is false when a word
// crosses the window's end, or one it starts inside is not ASCII (the
// caller then cuts the window itself).
func windowTokens(buf []token, text string, toks []token, from, to int) (_ []token, ok bool) {
	k, hi := 0, len(toks) // the first token ending after from
	for k < hi {
		if m := int(uint(k+hi) >> 1); int(toks[m].end) > from {
			hi = m
		} else {
			k = m + 1
		}
	}
	for ; k < len(toks) && int(toks[k].start) < to; k++ {
		t := toks[k]
		if int(t.end) > to {
			return buf, false
		}
		if int(t.start) < from {
			// The window starts inside this word: its tail alone, as an
			// ASCII word (its text is the lower-cased bytes).
			for i := int(t.start); i < int(t.end); i++ {
				if text[i] >= utf8.RuneSelf {
					return buf, false
				}
			}
			t.text = t.text[from-int(t.start):]
			t.start = int32(from)
			t.upper = text[from] >= 'A' && text[from] <= 'Z'
			t.lex, t.lex2 = lexBits(t.text)
		}
		t.start -= int32(from)
		t.end -= int32(from)
		buf = append(buf, t)
	}
	return buf, true
}

// markSet is a set of ASCII bytes and of general punctuation marks (the
// runes U+2000 to U+203F, written E2 80 xx): its in is strings.ContainsAny
// with those characters, without decoding runes.
type markSet struct {
	ascii [128]bool
	e280  [64]bool // by the third byte, less 0x80
}

// newMarkSet makes the set of chars (ASCII or U+2000 to U+203F).
func newMarkSet(chars string) *markSet {
	m := &markSet{}
	for _, r := range chars {
		switch {
		case r < utf8.RuneSelf:
			m.ascii[r] = true
		case r >= 0x2000 && r < 0x2040:
			m.e280[r-0x2000] = true
		default:
			panic("markSet: " + string(r))
		}
	}
	return m
}

// in reports whether s holds any of the set's characters.
func (m *markSet) in(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if m.ascii[c] {
				return true
			}
			continue
		}
		if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] >= 0x80 && s[i+2] < 0xC0 && m.e280[s[i+2]-0x80] {
			return true
		}
	}
	return false
}

// The mark sets the rules test gaps between words for.
var (
	clauseMarks    = newMarkSet(",;:()“”\"")
	clauseMarksDot = newMarkSet(",.;:()“”\"")
	phraseBreaks   = newMarkSet(",;:.!?—–()\"“”")
)

// containsASCIIDigit is strings.ContainsAny(s, "0123456789"), eight bytes
// at a time.
func containsASCIIDigit(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := load64(s[i : i+8])
		// A byte b below 0x80 is a digit when b+0x50 (the 0x80 bit set
		// from '0' = 0x30 up) and not b+0x46 (set from ':' = 0x3A up);
		// bytes of 0x80 and above are masked out.
		low := w &^ highs
		if (low+0x5050505050505050)&^(low+0x4646464646464646)&^w&highs != 0 {
			return true
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// load64 returns the eight bytes of b (len(b) is 8) as a little-endian
// word (one load: the compiler merges the byte loads).
func load64(b string) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// firstEndingAfter returns the index of the first of sents (in body
// order) that ends after offset from, or len(sents) if none does.
func firstEndingAfter(sents []AnalyzedSentence, from int) int {
	k, hi := 0, len(sents)
	for k < hi {
		if m := int(uint(k+hi) >> 1); from < sents[m].End {
			hi = m
		} else {
			k = m + 1
		}
	}
	return k
}
