package timeline

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinQuoteWords is the shortest quotation kept whoever says it: shorter
// ones are scare quotes ("productive") rather than statements, unless a
// speech verb gives them a speaker (called it “extremely wrong”), down to
// MinShortQuoteWords.
const (
	MinQuoteWords      = 3
	MinShortQuoteWords = 2
)

// Quote is one direct quotation in an article, with its speaker.
type Quote struct {
	Article     int    // index in the analysed corpus
	Source      string // the article's source
	File        string
	Sentence    int    // sentence where the quotation starts
	Start, End  int    // byte offsets in the article body
	Text        string // the quoted words, without the marks
	Speaker     string // actor id, "" when unknown
	SpeakerName string
	Words       int
}

// speakVerbs introduce or follow a quotation.
var speakVerbs = setOf("said", "says", "say", "added", "adds", "told", "tells", "wrote", "writes", "quipped", "replied",
	"responded", "answered", "declared", "insisted", "stressed", "warned", "noted", "asked", "remarked", "explained",
	"argued", "claimed", "continued", "posted", "tweeted", "saying", "adding", "remarking", "writing", "noting",
	"stressing", "warning", "echoed", "summed", "reiterated", "gloated", "cautioned", "acknowledged", "admitted",
	"conceded", "recalled", "joked", "shouted", "announced", "proclaimed", "promised", "vowed", "urged", "laughed",
	"smiled", "replies", "according", "telling", "declaring", "insisting", "reiterating", "hinted", "suggested",
	"predicted", "boasted", "complained", "lamented", "signaled", "signalled", "maintained", "cautioning", "snapped",
	"retorted", "called", "calling", "described", "describing", "quoted", "quoting", "committed", "pledged", "pledging",
	"promising", "vowing", "agreed", "recounted", "recounting", "observed", "commented", "mused", "confirmed", "countered", "stated", "talked", "spoke")

// clauseStarts begin a new clause after a quotation ("“…,” while X
// said…"): the quotation belongs to the clause before it.
var clauseStarts = setOf("while", "whereas", "but", "and", "although", "though", "as", "when")

var pronouns = setOf("he", "she", "they", "i", "we")

// span is a quotation found in a paragraph (body offsets of its words).
type span struct{ start, end int }

// quoteSpans finds quotations in the paragraph body[ps:pe], tolerating
// missing opening or closing marks.
func quoteSpans(body string, ps, pe int) []span {
	var out []span
	open := -1
	var openMark rune // the mark that opened the quotation
	lastEnd := ps     // end of the last quotation or its attribution
	for i := ps; i < pe; {
		if c := body[i]; c != '"' && c != 0xE2 && c != 0xC2 {
			i = skipPlainASCII(body, i+1, pe) // no quote mark starts here ("“”‘’‹›„" start with 0xE2, "«»" with 0xC2)
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:pe])
		switch {
		case r == '«' || r == '‹' && open < 0 || r == '„':
			// Guillemets and German low-high quotes ("« … »", "„…“"):
			// the marks themselves say which way they face.
			if open < 0 {
				open, openMark = i+size, r
			}
		case r == '»' && openMark != '‹' || r == '›' && openMark == '‹' || r == '“' && openMark == '„':
			if open >= 0 {
				out = append(out, trimQuoteSpan(body, span{open, i}))
				open, openMark = -1, 0
			} else if r != '›' {
				start := unbalancedStart(body, lastEnd, i, lastEnd > ps)
				out = append(out, trimQuoteSpan(body, span{start, i}))
			}
			lastEnd = i + size
		case r == '“' || r == '"' && isOpeningPosition(body, ps, i, pe) || r == '‘' && isOpeningPosition(body, ps, i, pe) && open < 0:
			if open < 0 {
				open, openMark = i+size, r
			}
		case r == '”' || r == '"' || r == '’' && openMark == '‘' && open >= 0 && isClosingPosition(body, i, size, pe):
			if open >= 0 {
				out = append(out, span{open, i})
				open, openMark = -1, 0
			} else {
				// A closing mark without its opening: the quotation began
				// at the paragraph, a colon, or the sentence after the last one.
				start := unbalancedStart(body, lastEnd, i, lastEnd > ps)
				out = append(out, span{start, i})
			}
			lastEnd = i + size
		}
		i += size
	}
	if open >= 0 && pe-open > 0 {
		out = append(out, span{open, runOnEnd(body, open, pe)}) // runs on to the paragraph's end or an attribution
	}
	return out
}

// skipPlainASCII returns the first i' >= i (at most pe) where body[i'] may
// start a quote mark, skipping eight bytes at a time while they are all
// ASCII and none is '"' (the marks that are not '"' start with bytes of
// 0x80 and above).
func skipPlainASCII(body string, i, pe int) int {
	const ones, highs, quotes = 0x0101010101010101, 0x8080808080808080, 0x2222222222222222
	for ; i+8 <= pe; i += 8 {
		w := load64(body[i : i+8])
		q := w ^ quotes // a zero byte where w holds '"'
		if (w|(q-ones)&^q)&highs != 0 {
			break // a byte of 0x80 or above, or a '"' (or a false alarm the caller's test clears)
		}
	}
	return i
}

// trimQuoteSpan drops the spaces French typography sets inside guillemets
// ("« Our aim … »"), plain, no-break or narrow no-break.
func trimQuoteSpan(body string, sp span) span {
	for sp.start < sp.end {
		r, size := utf8.DecodeRuneInString(body[sp.start:sp.end])
		if !unicode.IsSpace(r) && r != '\u202F' {
			break
		}
		sp.start += size
	}
	for sp.end > sp.start {
		r, size := utf8.DecodeLastRuneInString(body[sp.start:sp.end])
		if !unicode.IsSpace(r) && r != '\u202F' {
			break
		}
		sp.end -= size
	}
	return sp
}

func isOpeningPosition(body string, ps, i, pe int) bool {
	if i == ps {
		return true
	}
	prev, _ := utf8.DecodeLastRuneInString(body[ps:i])
	if i+1 >= pe {
		return false
	}
	next, _ := utf8.DecodeRuneInString(body[i+1 : pe])
	return (unicode.IsSpace(prev) || strings.ContainsRune("([—–-:", prev)) && !unicode.IsSpace(next)
}

func isClosingPosition(body string, i, size, pe int) bool {
	if i+size >= pe {
		return true
	}
	next, _ := utf8.DecodeRuneInString(body[i+size : pe])
	return unicode.IsSpace(next) || unicode.IsPunct(next)
}

// unbalancedStart finds where a quotation whose opening mark is missing
// began: after a colon, else at the start of the sentence after the last
// quotation (or of the paragraph).
func unbalancedStart(body string, from, close int, afterQuote bool) int {
	seg := body[from:close]
	if k := strings.LastIndex(seg, ": "); k >= 0 {
		return from + k + 2
	}
	if afterQuote {
		// Skip the attribution that followed the last quotation ("Trump said.").
		if k := strings.Index(seg, ". "); k >= 0 {
			return from + k + 2
		}
	}
	for from < close && (body[from] == ' ' || body[from] == '\n') {
		from++
	}
	return from
}

// FindQuotes extracts the direct quotations of every article and attributes
// each to a speaker, using the actors found in the corpus.
func FindQuotes(arts []AnalyzedArticle, acts *Actors) []Quote {
	byArticle := mentionsByArticle(acts.Mentions)
	names := map[string]string{}
	var kinds wordMap[ActorKind]
	for _, a := range acts.List {
		names[a.ID] = a.Name
		kinds.set(a.ID, a.Kind)
	}
	var out []Quote
	var sc quoteScratch
	for ai, a := range arts {
		out = quotesOf(out, ai, a, byArticle(ai), names, &kinds, &sc)
	}
	return out
}

// quoteScratch holds quotesOf's buffers, reused from article to article.
type quoteScratch struct {
	spans                  []foundSpan
	people, poss, subjects []personAt
}

// foundSpan is a quotation with its paragraph.
type foundSpan struct {
	sp        span
	ps, pe    int
	paragraph int
}

// mentionsByArticle returns the mentions of each article, in their order:
// runs of ms when it is in article order (as FindActors makes it),
// otherwise a grouped copy.
func mentionsByArticle(ms []ActorMention) func(article int) []ActorMention {
	if !sort.SliceIsSorted(ms, func(i, j int) bool { return ms[i].Article < ms[j].Article }) {
		groups := map[int][]ActorMention{}
		for _, m := range ms {
			groups[m.Article] = append(groups[m.Article], m)
		}
		return func(article int) []ActorMention { return groups[article] }
	}
	return func(article int) []ActorMention {
		from := sort.Search(len(ms), func(i int) bool { return ms[i].Article >= article })
		to := from
		for to < len(ms) && ms[to].Article == article {
			to++
		}
		return ms[from:to:to]
	}
}

// personAt is a person mention with body offsets.
type personAt struct {
	id         string
	start, end int
	sentence   int
}

// quotesOf appends the quotations of article ai to out.
func quotesOf(out []Quote, ai int, a AnalyzedArticle, mentions []ActorMention, names map[string]string, kinds *wordMap[ActorKind], sc *quoteScratch) []Quote {
	// Quotations first, paragraph by paragraph (headings hold none).
	spans := sc.spans[:0]
	defer func() { sc.spans = spans[:0] }()
	for i := 0; i < len(a.Sentences); {
		j := i
		for j+1 < len(a.Sentences) && a.Sentences[j+1].Paragraph == a.Sentences[i].Paragraph {
			j++
		}
		if !a.Sentences[i].Heading {
			ps, pe := a.Sentences[i].Start, a.Sentences[j].End
			for _, sp := range quoteSpans(a.Body, ps, pe) {
				spans = append(spans, foundSpan{sp, ps, pe, a.Sentences[i].Paragraph})
			}
		}
		i = j + 1
	}
	if len(spans) == 0 {
		return out // no quotation: no need to know who is named where
	}
	// Spans come in order and do not overlap: the one that may hold off is
	// the last to start at or before it.
	inQuote := func(off int) bool {
		k := sort.Search(len(spans), func(k int) bool { return spans[k].sp.start > off }) - 1
		return k >= 0 && off < spans[k].sp.end
	}
	// People named outside quotations, in order; those named with a
	// possessive ("Trump's remark") apart.
	people, poss := sc.people[:0], sc.poss[:0]
	defer func() { sc.people, sc.poss = people[:0], poss[:0] }()
	for _, m := range mentions {
		if kind, _ := kinds.get(m.Actor); kind != Person || m.Sentence >= len(a.Sentences) {
			continue
		}
		st := a.Sentences[m.Sentence].Start
		rest := a.Body[st+m.End:]
		possessive := strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s")
		if inQuote(st + m.Start) {
			continue
		}
		if possessive {
			poss = append(poss, personAt{id: m.Actor, start: st + m.Start, end: st + m.End, sentence: m.Sentence})
		} else if !namedForOther(a.Body, a.Sentences, a.Sentences[m.Sentence].Start, st+m.Start) {
			people = append(people, personAt{id: m.Actor, start: st + m.Start, end: st + m.End, sentence: m.Sentence})
		}
	}
	sort.Slice(people, func(i, j int) bool { return people[i].start < people[j].start })
	sort.Slice(poss, func(i, j int) bool { return poss[i].start < poss[j].start })
	// Who can be a clause's subject: not the object of a preposition
	// ("an interview with Fox News host Sean Hannity").
	subjects := sc.subjects[:0]
	defer func() { sc.subjects = subjects[:0] }()
	for _, p := range people {
		if !objectOfPreposition(a.Body, a.Sentences, a.Sentences[p.sentence].Start, p.start) {
			subjects = append(subjects, p)
		}
	}
	// Mentions do not overlap and sentences come in order, so people are
	// in order of end and of sentence too, and pronouns resolve by binary
	// search; else by a scan.
	ordered := true
	for k := 1; k < len(people); k++ {
		if people[k].end < people[k-1].end || people[k].sentence < people[k-1].sentence {
			ordered = false
			break
		}
	}
	lastSpeaker, lastParagraph, lastEndedParagraph := "", -1, false
	for k := 0; k < len(spans); k++ {
		f := spans[k]
		text := strings.TrimSpace(strings.Trim(a.Body[f.sp.start:f.sp.end], " ,"))
		end := f.sp.end
		if k+1 < len(spans) && spans[k+1].paragraph == f.paragraph && interrupted(a.Body, f.sp, spans[k+1].sp) {
			// "“…,” X said, “…”": one quotation in two parts.
			g := spans[k+1].sp
			text = strings.TrimSpace(strings.TrimRight(a.Body[f.sp.start:f.sp.end], " ")) + " " + strings.TrimSpace(strings.Trim(a.Body[g.start:g.end], " ,"))
			end = g.end
			k++
		}
		words := CountWords(text)
		if words < MinShortQuoteWords {
			continue
		}
		speaker := attribute(a.Body, f.ps, f.pe, f.sp, quoteContext{people, subjects, poss, ordered, a.Sentences})
		unnamed := speaker == unnamedSpeaker
		if unnamed {
			speaker = ""
		}
		if words < MinQuoteWords && (speaker == "" || !spokenJustBefore(a.Body, a.Sentences, f.ps, f.sp.start)) {
			continue // two words in quotation marks, not said by someone right there: a scare quote, a banner, a name
		}
		// A chain of quotations from one speaker: the same paragraph, or a
		// paragraph that opens with a quotation after one that closed with one.
		chained := lastParagraph == f.paragraph || lastEndedParagraph && f.sp.start-f.ps <= len("“") && f.paragraph == lastParagraph+1
		if speaker == "" && chained && !unnamed {
			speaker = lastSpeaker
		}
		lastParagraph = f.paragraph
		lastEndedParagraph = strings.TrimSpace(strings.TrimLeft(a.Body[end:f.pe], "”\"’.,!? ")) == ""
		out = append(out, Quote{Article: ai, Source: a.Source, File: a.File, Sentence: sentenceOf(a.Sentences, f.sp.start),
			Start: f.sp.start, End: end, Text: text, Speaker: speaker, SpeakerName: names[speaker], Words: words})
		lastSpeaker = speaker
	}
	return out
}

// spokenJustBefore reports whether a speech verb in the finite form stands
// a few words before the quotation at start ("called it “extremely
// wrong”", "admitted the move would “generate heat”"), not a participle
// ("a banner proclaiming “Pursuing Peace”") and not across a comma.
func spokenJustBefore(body string, sents []AnalyzedSentence, ps, start int) bool {
	from := max(ps, start-80)
	buf, head := windowScratch(body, sents, from, start)
	defer releaseTokens(buf)
	for k := len(head) - 1; k >= 0 && k >= len(head)-6; k-- {
		w := head[k].text
		if speakVerbs[w] {
			return !strings.HasSuffix(w, "ing") && !strings.Contains(body[from+int(head[k].end):start], ",")
		}
	}
	return false
}

// sentenceOf returns the index of the first sentence that ends after off
// (sentences are in order).
func sentenceOf(sents []AnalyzedSentence, off int) int {
	if k := sort.Search(len(sents), func(k int) bool { return off < sents[k].End }); k < len(sents) {
		return sents[k].Index
	}
	return len(sents) - 1
}

// attribute finds the speaker of the quotation sp in paragraph [ps, pe):
// after it ("…,” X said", "…,” said X", "…,” he added") or before it
// ("X said: “…”", "X told reporters, “…”", "…, saying, “…”"), with
// pronouns resolved to the last person named outside quotations.
func attribute(body string, ps, pe int, sp span, qc quoteContext) string {
	people, subjects, sents := qc.people, qc.subjects, qc.sents
	referent := func(at int) string { return subjectReferent(people, subjects, qc.ordered, at, sentenceOf(sents, at)) }
	// After the quotation, when the sentence goes on ("…,” he said" but
	// not "….” Next sentence").
	closed := strings.TrimRight(body[sp.start:sp.end], " ")
	ends := strings.HasSuffix(closed, ".") || strings.HasSuffix(closed, "!") || strings.HasSuffix(closed, "?")
	tailEnd := sp.end
	for tailEnd < pe && (body[tailEnd] != '.' || abbreviationAt(body, sp.end, tailEnd)) && !strings.HasPrefix(body[tailEnd:], "“") && tailEnd-sp.end < 160 {
		tailEnd++
	}
	tailBuf, tail := windowScratch(body, sents, sp.end, tailEnd)
	defer releaseTokens(tailBuf)
	nextLower := len(tail) > 0 && !tail[0].upper
	newClause := len(tail) > 0 && clauseStarts[tail[0].text]
	if (!ends || nextLower) && !newClause {
		for k, t := range tail {
			if k > 6 {
				break
			}
			if t.lex&lexPronoun != 0 {
				return referent(sp.start)
			}
			if mediaNouns[t.text] && !personBetween(subjects, sp.end, sp.end+int(t.start)) {
				return unnamedSpeaker // "…” – ran one headline", "…,” the newspaper wrote"
			}
			if t.lex&lexSpeak != 0 {
				// "…,” X said" or "…,” said X", not "…,” the prime
				// minister said in a statement with X".
				if who := nearestPerson(subjects, sp.end+int(t.start), sp.end, sp.end+int(t.start), true); who != "" {
					return who
				}
				if who := personJustAfter(body, subjects, sp.end+int(t.end), tailEnd); who != "" {
					return who
				}
				if who := subjectBefore(body, sents, max(ps, sents[sentenceOf(sents, sp.start)].Start), sp.start, subjects, referent); who != "" {
					return who // "X called it a “10” in an interview, saying"
				}
				break
			}
		}
	}
	// Before it, back to the start of its sentence.
	headStart := sp.start - 1
	for headStart > ps && !(body[headStart-1] == '.' && headStart < len(body) && body[headStart] == ' ' && !abbreviationAt(body, ps, headStart-1)) &&
		!(headStart < len(body) && body[headStart] == ' ' && quoteEndsSentence(body[ps:headStart])) && sp.start-headStart < 300 {
		headStart--
	}
	headStart = max(ps, headStart)
	headStart = clauseAfter(body, headStart, sp.start, subjects) // "X said “…”, while Y talked of “…”"
	headBuf, head := windowScratch(body, sents, headStart, sp.start)
	defer releaseTokens(headBuf)
	verb := -1
	for k := len(head) - 1; k >= 0; k-- {
		if head[k].lex&lexSpeak == 0 {
			continue
		}
		if head[k].text == "according" {
			// "according to X, “…”"; but "told Y, according to Beijing,
			// that “…”": a source that is no person leaves the verb before.
			at := headStart + int(head[k].start)
			if lead := strings.TrimRight(body[headStart:at], " "); strings.HasSuffix(lead, ",") {
				// "X, according to Y, greeted him with the words": X's
				// words, as Y reports them.
				if who := nearestPerson(subjects, at, headStart, at, true); who != "" && strings.TrimSpace(body[personEnd(subjects, who, headStart, at):len(lead)-1+headStart]) == "" {
					return who
				}
			}
			to := headStart + int(head[min(k+4, len(head)-1)].end)
			if who := nearestPerson(people, headStart+int(head[k].start), headStart+int(head[k].end), to, false); who != "" {
				return who
			}
			continue
		}
		verb = k
		break
	}
	if verb < 0 {
		if at := greetingWith(head); at >= 0 {
			// "X greeted his host with “…”": the greeting is X's words.
			if who := subjectBefore(body, sents, headStart, headStart+at, subjects, referent); who != "" {
				return who
			}
		}
		if who := colonSpeaker(body, headStart, sp.start, people); who != "" {
			return who
		}
	}
	// "Trump's remark that …", "Putin's parting line: “…”".
	if who, at := possessiveSpeaker(body, qc.poss, headStart, sp.start); who != "" && (verb < 0 || headStart+int(head[verb].start) <= at) {
		return who
	}
	if verb < 0 {
		if who := colonSubject(body, headStart, sp.start, subjects); who != "" {
			return who // "X, speaking in English, invited Y to Moscow: “…”"
		}
		if mediaSubject(head) && !personBetween(subjects, headStart, sp.start) {
			return unnamedSpeaker // "The tabloids were less diplomatic: “…”"
		}
		return ""
	}
	verbAt := headStart + int(head[verb].start)
	if strings.HasSuffix(head[verb].text, "ing") || verb > 0 && head[verb-1].text == "and" {
		// "…, saying", "X claimed … and warned": the sentence's subject speaks.
		return subjectBefore(body, sents, headStart, verbAt, subjects, referent)
	}
	if who := officeOf(body, qc.poss, headStart, verbAt); who != "" {
		return who // "Zelensky's office said …"
	}
	// "X responded that": the person or pronoun nearest before the verb;
	// "X, who met Y, said": the subject before the relative clause.
	who := nearestPerson(subjects, verbAt, headStart, verbAt, true)
	if rel := relativeClauseBefore(body, headStart, verbAt); rel >= 0 {
		if w := nearestPerson(subjects, rel, headStart, rel, true); w != "" {
			who = w
		}
	}
	if who != "" && listedBefore(body, subjects, who, headStart, verbAt) {
		return unnamedSpeaker // "X, Y and Z said in a joint statement"
	}
	for k := verb - 1; k >= 0; k-- {
		if head[k].lex&lexPronoun != 0 {
			pAt := headStart + int(head[k].start)
			if who == "" || !personBetween(subjects, pAt, verbAt) {
				return referent(pAt)
			}
			break
		}
	}
	if who == "" {
		return unnamedSpeaker // "a spokesman for X said … “…”"
	}
	return who
}

// unnamedSpeaker is what attribute returns when the sentence gives the
// quotation a speaker who is not named ("a diplomat said"): it does not
// continue the chain of the quotations before it.
const unnamedSpeaker = "\x00"

// subjectBefore is the first person (or pronoun's referent) in
// body[from:to] ("" when the span is empty: a quotation can open before
// the sentence it is counted in starts).
func subjectBefore(body string, sents []AnalyzedSentence, from, to int, people []personAt, referent func(int) string) string {
	if from >= to {
		return ""
	}
	from = afterLeadingClause(body, from, to, people)
	first := ""
	firstAt := to
	for _, p := range peopleFrom(people, from) {
		if p.start >= to {
			break
		}
		if p.end <= to {
			first, firstAt = p.id, p.start
			break
		}
	}
	quoted, last := false, 0
	buf, toks := windowScratch(body, sents, from, to)
	defer releaseTokens(buf)
	for _, t := range toks {
		if from+int(t.start) >= firstAt {
			break
		}
		quoted = quotedAfter(body[from+last:from+int(t.start)], quoted)
		last = int(t.end)
		if t.lex&lexPronoun != 0 && !quoted { // not the “we” of a quotation
			return referent(from + int(t.start))
		}
	}
	return first
}

// nearestPerson is the person named in [from, to) nearest to at (only
// before it when before is set).
func nearestPerson(people []personAt, at, from, to int, before bool) string {
	best, bestDist := "", 1<<30
	for _, p := range peopleFrom(people, from) {
		if p.start >= to {
			break
		}
		if p.end > to {
			continue
		}
		d := at - p.end
		if d < 0 {
			if before {
				continue
			}
			d = p.start - at
		}
		if d < bestDist {
			best, bestDist = p.id, d
		}
	}
	return best
}

func personBetween(people []personAt, from, to int) bool {
	for _, p := range peopleFrom(people, from) {
		if p.start >= to {
			break
		}
		if p.end <= to {
			return true
		}
	}
	return false
}

// peopleFrom returns the people named at or after offset from (people are
// sorted by start).
func peopleFrom(people []personAt, from int) []personAt {
	return people[sort.Search(len(people), func(k int) bool { return people[k].start >= from }):]
}

// pronounReferent resolves a pronoun at offset at in sentence sentence:
// the first person named (outside quotations) earlier in that sentence,
// else the subject (first person named) of the nearest sentence before it
// that names anyone. ordered says people are in order of end and sentence
// as well as start.
func pronounReferent(people []personAt, ordered bool, at, sentence int) string {
	if ordered {
		k := sort.Search(len(people), func(i int) bool { return people[i].end > at }) // named before at
		if k == 0 {
			return ""
		}
		if j := sort.Search(k, func(i int) bool { return people[i].sentence >= sentence }); j < k && people[j].sentence == sentence {
			return people[j].id
		}
		last := people[k-1].sentence
		return people[sort.Search(k, func(i int) bool { return people[i].sentence >= last })].id
	}
	best, bestSentence := "", -1
	for _, p := range people {
		if p.end > at {
			break
		}
		if p.sentence == sentence {
			return p.id
		}
		if p.sentence > bestSentence {
			best, bestSentence = p.id, p.sentence
		}
	}
	return best
}
