package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxSentenceBytes bounds one sentence: text without any sentence end (a
// 5 MB paragraph, say) is cut at the last space before this length so that
// later stages stay linear.
const MaxSentenceBytes = 4000

// Segmented is an article body cut into sentences, with what was stripped.
type Segmented struct {
	Sentences []Sentence
	Stripped  []StrippedLine
}

// Segment strips boilerplate lines from body and splits the rest into
// paragraphs and sentences. rules are the boilerplate rules to apply (use
// DefaultBoilerplate, perhaps with a schema's additions).
func Segment(body string, rules []BoilerplateRule) Segmented {
	var seg Segmented
	lines := splitLines(body)
	wrapped := isHardWrapped(body, lines)
	para := -1
	var cur line // the paragraph being gathered
	open := false
	flush := func() {
		if open {
			para++
			seg.Sentences = appendParagraph(seg.Sentences, body, cur, para)
			open = false
		}
	}
	for _, l := range lines {
		text := body[l.start:l.end]
		if isBlank(text) {
			flush()
			continue
		}
		if rule := matchBoilerplate(text, rules); rule != "" {
			flush()
			seg.Stripped = append(seg.Stripped, StrippedLine{Start: l.start, End: l.end, Text: strings.TrimSpace(text), Rule: rule})
			continue
		}
		if open && wrapped && !startsListItem(text) {
			cur.end = l.end // a hard-wrapped continuation line
			continue
		}
		flush()
		cur, open = l, true
	}
	flush()
	for i := range seg.Sentences {
		seg.Sentences[i].Index = i
	}
	return seg
}

// isHardWrapped reports whether the text breaks lines inside paragraphs
// (e-mail or plain-text style), judged by how often a line without a
// sentence end is followed by one that starts in lower case.
func isHardWrapped(body string, lines []line) bool {
	pairs, wraps := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		a, b := body[lines[i].start:lines[i].end], body[lines[i+1].start:lines[i+1].end]
		if isBlank(a) || isBlank(b) {
			continue
		}
		pairs++
		if !endsSentence(a) && startsLower(b) {
			wraps++
		}
	}
	return wraps >= 3 && wraps*5 >= pairs
}

// endsSentence reports whether s ends with sentence punctuation, perhaps
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isCloser(r) })
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':' || r == ';' || r == ','
}

func startsLower(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '»', '›':
		return true
	}
	return false
}

// isOpener reports whether r opens a quotation or bracket.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '«', '‹', '„':
		return true
	}
	return false
}

// listMarker returns the byte length of a bullet or list number at the start
// of s (after leading space), or 0.
func listMarker(s string) int {
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	lead := len(s) - len(t)
	r, size := utf8.DecodeRuneInString(t)
	switch r {
	case '•', '·', '▪', '●', '◦', '‣', '*', '-', '–':
		if len(t) > size && (t[size] == ' ' || t[size] == '\t') {
			return lead + size + 1
		}
		if r == '•' || r == '▪' || r == '●' {
			return lead + size
		}
		return 0
	}
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i > 0 && i < 3 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' ' {
		return lead + i + 2
	}
	return 0
}

func startsListItem(s string) bool { return listMarker(s) > 0 }

// isHeadingText reports whether a one-line paragraph reads as a heading:
// short and without sentence-final punctuation.
func isHeadingText(s string) bool {
	if len(s) > 200 {
		return false
	}
	if n := CountWords(s); n == 0 || n > 16 {
		return false
	}
	t := strings.TrimRightFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isCloser(r) })
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '…', ',', ';', ':', '—', '–', '-':
		return false
	}
	// Headings start with a capital or a digit.
	f, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isOpener(r) }))
	return unicode.IsUpper(f) || unicode.IsDigit(f)
}

// appendParagraph splits the paragraph p of body into sentences.
func appendParagraph(out []Sentence, body string, p line, para int) []Sentence {
	text := body[p.start:p.end]
	item := false
	if m := listMarker(text); m > 0 {
		p.start += m
		item = true
	}
	p = trimSpan(body, p)
	if p.start >= p.end {
		return out
	}
	if !item && !strings.Contains(body[p.start:p.end], "\n") && isHeadingText(body[p.start:p.end]) {
		return append(out, Sentence{Paragraph: para, Start: p.start, End: p.end, Text: body[p.start:p.end], Heading: true})
	}
	start := p.start
	emit := func(end int) {
		s := trimSpan(body, line{start, end})
		if s.start < s.end && hasWordChar(body[s.start:s.end]) {
			out = append(out, Sentence{Paragraph: para, Start: s.start, End: s.end, Text: body[s.start:s.end], ListItem: item})
		}
		start = end
	}
	for i := p.start; i < p.end; {
		r, size := utf8.DecodeRuneInString(body[i:p.end])
		if i-start >= MaxSentenceBytes {
			cut := strings.LastIndexAny(body[start:i], " \t\n")
			if cut <= 0 {
				cut = i - start
			}
			emit(start + cut)
			continue
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		end := i + size
		closed := false
		for end < p.end {
			r2, s2 := utf8.DecodeRuneInString(body[end:p.end])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' {
				end += s2
				continue
			}
			if isCloser(r2) {
				closed = true
				end += s2
				continue
			}
			break
		}
		if end >= p.end {
			break
		}
		if !isSpaceByte(body[end]) {
			i = end
			continue
		}
		if isBoundary(body, p.start, i, r, end, p.end, closed) {
			emit(end)
		}
		i = end
	}
	emit(p.end)
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

func trimSpan(body string, l line) line {
	for l.start < l.end {
		r, size := utf8.DecodeRuneInString(body[l.start:l.end])
		if !unicode.IsSpace(r) {
			break
		}
		l.start += size
	}
	for l.end > l.start {
		r, size := utf8.DecodeLastRuneInString(body[l.start:l.end])
		if !unicode.IsSpace(r) {
			break
		}
		l.end -= size
	}
	return l
}

func hasWordChar(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isBoundary decides whether the punctuation rune term at byte pos, whose
// run of closing marks ends at end (followed by space), ends a sentence.
func isBoundary(body string, paraStart, pos int, term rune, end, paraEnd int, closed bool) bool {
	next := end
	for next < paraEnd && isSpaceByte(body[next]) {
		next++
	}
	if next >= paraEnd {
		return true
	}
	nr, _ := utf8.DecodeRuneInString(body[next:paraEnd])
	nextWord := wordAt(body[next:paraEnd])
	switch {
	case unicode.IsLower(nr):
		return false
	case unicode.IsUpper(nr), unicode.IsDigit(nr), isOpener(nr), nr == '—', nr == '–':
	default:
		return term != '.'
	}
	if term != '.' || closed {
		return true
	}
	prev := wordBefore(body[paraStart:pos])
	if prev == "" {
		return true
	}
	lower := strings.ToLower(prev)
	switch {
	case len(prev) == 1 && unicode.IsUpper(rune(prev[0])):
		return false // an initial: "George W. Bush"
	case lower == "a.m" || lower == "p.m" || lower == "am" && strings.Contains(prev, ".") || lower == "pm" && strings.Contains(prev, "."):
		return !isZoneWord(nextWord) && !clockContinues(body[next:paraEnd], nextWord) && !clockConversion(body[next:paraEnd])
	case strings.Contains(prev, "."):
		// Dotted acronyms (U.S., U.N., e.g.) end a sentence only before a
		// word that typically starts one.
		return sentenceStarters[strings.ToLower(nextWord)]
	case lower == "no" || lower == "nos":
		return !unicode.IsDigit(nr) // "No. 10" but "No. It was not."
	case titleAbbreviations[lower]:
		return false
	case endAbbreviations[lower]:
		return sentenceStarters[strings.ToLower(nextWord)]
	}
	return true
}

// wordBefore returns the token that ends s, without leading brackets.
func wordBefore(s string) string {
	i := strings.LastIndexAny(s, " \t\n(\"“‘'")
	return s[i+1:]
}

// wordAt returns the leading run of letters of s, after any opening marks.
func wordAt(s string) string {
	s = strings.TrimLeftFunc(s, isOpener)
	end := 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) {
			break
		}
		end += size
	}
	return s[:end]
}

// isZoneWord reports whether w names a time zone after a clock time.
func isZoneWord(w string) bool {
	if w == "" {
		return false
	}
	if strings.EqualFold(w, "local") {
		return true
	}
	if len(w) > 5 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

var titleAbbreviations = setOf("mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "st", "jr", "sr", "prof", "rev", "hon", "pres", "amb", "vs", "approx", "dept", "fig", "ft", "mt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vol", "pp", "cf", "op", "brig", "supt", "insp", "det", "cpl", "pvt", "messrs", "mme", "mlle")

var endAbbreviations = setOf("etc", "inc", "corp", "ltd", "co", "bros", "llc", "plc")

var sentenceStarters = setOf("the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this", "that", "these", "those", "his", "her", "their", "our", "its", "there", "then", "after", "before", "when", "while", "as", "if", "yet", "so", "however", "meanwhile", "both", "neither", "for", "to", "with", "still", "also", "earlier", "later", "now", "what", "who", "why", "how", "some", "many", "one")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
