package timeline

import (
	"strings"
	"unicode/utf8"
)

// Rules for who is the subject of a clause that introduces a quotation:
// not the object of a preposition, not a person inside a relative clause,
// the owner of a "remark", nobody when a newspaper or a list speaks.

// quoteContext is what attribute knows of an article's people: all those
// named outside quotations (in order), those that can be a clause's
// subject, and those named with a possessive ("Trump's remark").
type quoteContext struct {
	people, subjects, poss []personAt
	ordered                bool
	sents                  []AnalyzedSentence
}

// objectPrepositions put the person after them in a clause's object.
var objectPrepositions = setOf("with", "to", "for", "from", "about", "against", "toward", "towards", "at", "on", "of", "than", "like", "between", "among", "into", "beside", "behind", "alongside", "including", "invited", "met", "meeting", "meet", "called", "visit", "visited", "greeted", "thanked", "urged",
	"told", "tell", "tells", "telling", "asked", "asking", "warned", "assured", "reminded", "informed", "praised", "phoned", "congratulated")

// objectOfPreposition reports whether the person named at off (in the
// sentence starting at sentStart) follows a preposition, past its titles
// and qualifiers ("with Fox News host Sean Hannity", "to President
// Zelenskyy").
func objectOfPreposition(body string, sents []AnalyzedSentence, sentStart, off int) bool {
	from := max(sentStart, off-80)
	if toks, base, ok := windowView(body, sents, from, off); ok {
		return objectOfPrepositionIn(body, toks, base, off)
	}
	buf, toks := windowScratch(body, sents, from, off)
	defer releaseTokens(buf)
	return objectOfPrepositionIn(body, toks, from, off)
}

// objectOfPrepositionIn is objectOfPreposition on the tokens before the
// name at off, base+t.start being a token's offset in body.
func objectOfPrepositionIn(body string, toks []token, base, off int) bool {
	k := len(toks) - 1
	for k >= 0 && (toks[k].upper || toks[k].lex&(lexPersonTitle|lexDemonym) != 0 || toks[k].lex2&lex2RoleNoun != 0 || toks[k].text == "s" || toks[k].text == "the" ||
		toks[k].text == "of" && k > 0 && toks[k-1].upper) { // "Secretary of State"
		if clauseMarks.in(body[base+int(toks[k].end) : off]) {
			return false
		}
		k--
	}
	if k < 0 || clauseMarks.in(body[base+int(toks[k].end):off]) {
		return false
	}
	return objectPrepositions[toks[k].text]
}

// personJustAfter is the person named within a few words after a speech
// verb ending at from ("said Russian Foreign Minister Sergei Lavrov"), not
// one further on ("said, adding that he would call President Zelensky").
func personJustAfter(body string, people []personAt, from, to int) string {
	for _, p := range peopleFrom(people, from) {
		if p.start >= to || p.end > to {
			break
		}
		between := body[from:p.start]
		if len(tokenize(between)) <= 4 && !strings.ContainsAny(between, ",;:") {
			return p.id
		}
		break
	}
	return ""
}

// mediaNouns name a newspaper or its words: "ran one headline", "the
// tabloid wrote" are no person's words.
var mediaNouns = setOf("headline", "headlines", "headlined", "newspaper", "newspapers", "tabloid", "tabloids", "daily", "broadsheet",
	"editorial", "front-page", "magazine", "banner", "caption", "masthead")

// mediaSubject reports whether a clause with no speech verb has a
// newspaper for its subject ("The German tabloids were less diplomatic:").
func mediaSubject(head []token) bool {
	for _, t := range head {
		if mediaNouns[t.text] {
			return true
		}
	}
	return false
}

// clauseStartWords open a clause of their own after a comma: a quotation
// after "…, while Y talked of “…”" is Y's, whoever spoke before.
var clauseStartWords = []string{", while ", ", whereas ", "; while ", ", but ", "; "}

// lastClauseStart is where the last of clauseStartWords starts in seg
// (the greatest strings.LastIndex of them), or -1: one walk back over the
// commas and semicolons.
func lastClauseStart(seg string) int {
	for k := len(seg) - 1; k >= 0; k-- {
		if c := seg[k]; c != ',' && c != ';' {
			continue
		}
		for _, w := range clauseStartWords {
			if strings.HasPrefix(seg[k:], w) {
				return k
			}
		}
	}
	return -1
}

// clauseAfter returns where the last clause of body[from:to] starts, when
// it begins with "while", "whereas" or "but" and names a person.
func clauseAfter(body string, from, to int, subjects []personAt) int {
	seg := body[from:to]
	best := lastClauseStart(seg)
	if best < 0 {
		return from
	}
	at := from + best + 1
	if quotedAfter(body[from:at], false) {
		return from // the comma is inside a quotation
	}
	if personBetween(subjects, at, to) {
		return at
	}
	return from
}

// speechNouns are what a person says: "Trump's remark", "Putin's parting
// line".
var speechNouns = setOf("remark", "remarks", "words", "line", "lines", "message", "comment", "comments", "quip", "reply", "answer",
	"response", "retort", "verdict", "assessment", "warning", "promise", "pledge", "vow", "claim", "greeting", "toast", "phrase", "statement", "question", "boast", "joke")

// possessiveSpeaker is the person named with a possessive before a speech
// noun ("Trump's remark to Fox News that", "Putin's parting line, in
// English:") last in body[from:to], and where the noun stands.
func possessiveSpeaker(body string, poss []personAt, from, to int) (string, int) {
	who, at := "", -1
	for _, p := range peopleFrom(poss, from) {
		if p.end >= to {
			break
		}
		toks := tokenize(body[p.end:min(to, p.end+40)])
		for k := 1; k < len(toks) && k <= 3; k++ { // "'s", then up to two words
			if speechNouns[toks[k].text] {
				if noun := p.end + int(toks[k].start); !strings.ContainsAny(strings.TrimRight(body[noun:to], " “\"‘«„‹\u00a0\u202f"), "“”\"") {
					who, at = p.id, noun // the quotation right after the noun
				}
				break
			}
			if toks[k].upper {
				break
			}
		}
	}
	return who, at
}

// colonSubject is the subject of a clause that ends in the colon opening
// the quotation at start ("At the end Putin, speaking in English, invited
// Trump to Moscow: “…”", "X greeted him with the words: “…”"): the first
// person named who is not the object of a preposition and is not
// followed by one.
func colonSubject(body string, from, start int, subjects []personAt) string {
	head := strings.TrimRight(body[from:start], " “\"‘«„‹\u00a0\u202f")
	if !strings.HasSuffix(head, ":") {
		return ""
	}
	colon := from + len(head) - 1
	for _, p := range peopleFrom(subjects, from) {
		if p.end > colon {
			break
		}
		next := tokenize(body[p.end:min(colon, p.end+30)])
		if len(next) > 0 && strings.TrimSpace(body[p.end:p.end+int(next[0].start)]) == "" && (objectPrepositions[next[0].text] || next[0].text == "and") {
			return "" // "…greeted Trump with signs:": Trump is no subject
		}
		return p.id
	}
	return ""
}

// relativeClauseBefore returns where ", who …," (or ", which") ending just
// before the verb at verbAt starts, or -1.
func relativeClauseBefore(body string, from, verbAt int) int {
	seg := strings.TrimRight(body[from:verbAt], " ")
	if !strings.HasSuffix(seg, ",") {
		return -1
	}
	k := strings.LastIndex(seg, ", who ")
	if k < 0 {
		return -1
	}
	return from + k
}

// listedBefore reports whether the person who, nearest before the verb at
// verbAt, ends a list of people ("X, Y and Z said"): another person stands
// before it, joined by a comma and "and".
func listedBefore(body string, subjects []personAt, who string, from, verbAt int) bool {
	var prev *personAt
	for _, p := range peopleFrom(subjects, from) {
		if p.end > verbAt {
			break
		}
		if p.id == who && prev != nil {
			gap := body[prev.end:p.start]
			toks := tokenize(gap)
			and := false
			for _, t := range toks {
				switch {
				case t.text == "and":
					and = true
				case t.upper || t.text == "s" || t.lex&(lexPersonTitle|lexDemonym) != 0:
				default:
					return false
				}
			}
			if and && strings.Contains(body[from:p.start], ",") && len(toks) <= 6 {
				return true
			}
		}
		prev = &p
	}
	return false
}

// quotedAfter reports whether, after the text s, a quotation is open,
// given whether one was open before it.
func quotedAfter(s string, open bool) bool {
	for _, r := range s {
		switch r {
		case '“', '«', '„':
			open = true
		case '”', '»':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}

// personEnd is where the last mention of who in [from, to) ends (to when
// none does).
func personEnd(people []personAt, who string, from, to int) int {
	end := to
	for _, p := range peopleFrom(people, from) {
		if p.end > to {
			break
		}
		if p.id == who {
			end = p.end
		}
	}
	return end
}

// subjectReferent is what a pronoun at refers to: the first person named
// in the latest sentence before it (as pronounReferent finds), but in
// that sentence the first one who can be its subject ("In an interview
// with Fox News host Sean Hannity, Mr. Trump rated the meeting highly.
// “…,” he said": Trump, not Hannity).
func subjectReferent(people, subjects []personAt, ordered bool, at, sentence int) string {
	id := pronounReferent(people, ordered, at, sentence)
	if id == "" {
		return ""
	}
	target := -1
	for _, p := range people { // the sentence pronounReferent chose
		if p.end > at {
			if ordered {
				break
			}
			continue
		}
		if p.sentence == sentence {
			target = sentence
			break
		}
		if p.sentence > target {
			target = p.sentence
		}
	}
	for _, p := range subjects {
		if p.end > at {
			if ordered {
				break
			}
			continue
		}
		if p.sentence == target {
			return p.id
		}
	}
	return id
}

// leadingClauseWords open a subordinate clause or phrase before the main
// clause's subject ("As Trump thanked him, Putin smiled and said").
var leadingClauseWords = setOf("as", "when", "while", "after", "before", "once", "since", "although", "though", "if", "because", "whereas", "until", "in", "with", "during", "following", "despite", "at", "on", "asked")

// afterLeadingClause returns where the main clause of body[from:to]
// starts when it opens with a subordinate clause up to a comma and a
// person is named after that comma; else from.
func afterLeadingClause(body string, from, to int, people []personAt) int {
	if first, ok := firstToken(body[from:to]); !ok || !leadingClauseWords[first] {
		return from
	}
	k := strings.IndexByte(body[from:to], ',')
	if k < 0 || quotedAfter(body[from:from+k], false) {
		return from
	}
	at := from + k + 1
	if personBetween(people, at, to) {
		return at
	}
	return from
}

// quoteEndsSentence reports whether s ends with a quotation that closes
// its sentence ("…deal.”", "…deal.»", "…now!\""): what follows starts a
// new sentence.
func quoteEndsSentence(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune("\"”»›“", r) || size == len(s) {
		return false
	}
	s = strings.TrimRight(s[:len(s)-size], " \u00a0\u202f")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// greetingVerbs take the words said as their "with" object ("greeted his
// host with “…”", "ended with an invitation: …" is the colon's).
var greetingVerbs = setOf("greeted", "greeting", "greets", "welcomed", "hailed", "saluted", "toasted", "answered", "replied", "responded", "interrupted", "opened", "closed")

// greetingWith returns where the greeting verb of a head ending in "with"
// stands ("greeted his host with"), within a few words of it; else -1.
func greetingWith(head []token) int {
	n := len(head)
	if n < 2 || head[n-1].text != "with" {
		return -1
	}
	for k := n - 2; k >= 0 && k >= n-6; k-- {
		if greetingVerbs[head[k].text] {
			return int(head[k].start)
		}
	}
	return -1
}

// officeNouns speak for the person whose they are ("Zelensky's office
// said").
var officeNouns = []string{"office", "spokesman", "spokeswoman", "spokesperson", "press office", "press service", "press secretary"}

// officeOf is the person whose office speaks with the verb at verbAt:
// "X's office said".
func officeOf(body string, poss []personAt, from, verbAt int) string {
	for _, p := range peopleFrom(poss, from) {
		if p.end >= verbAt {
			break
		}
		gap := strings.TrimSpace(body[p.end:verbAt])
		gap = strings.TrimPrefix(strings.TrimPrefix(gap, "'s"), "’s")
		gap = strings.TrimSpace(gap)
		for _, n := range officeNouns {
			if gap == n {
				return p.id
			}
		}
	}
	return ""
}
