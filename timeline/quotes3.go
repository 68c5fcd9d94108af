package timeline

import "strings"

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
func objectOfPreposition(body string, sentStart, off int) bool {
	from := max(sentStart, off-80)
	buf, toks := tokenizeScratch(body[from:off])
	defer releaseTokens(buf)
	k := len(toks) - 1
	for k >= 0 && (toks[k].upper || toks[k].lex&(lexPersonTitle|lexDemonym) != 0 || roleNouns[toks[k].text] || toks[k].text == "s" || toks[k].text == "the" ||
		toks[k].text == "of" && k > 0 && toks[k-1].upper) { // "Secretary of State"
		if strings.ContainsAny(body[from+int(toks[k].end):off], ",;:()“”\"") {
			return false
		}
		k--
	}
	if k < 0 || strings.ContainsAny(body[from+int(toks[k].end):off], ",;:()“”\"") {
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

// clauseAfter returns where the last clause of body[from:to] starts, when
// it begins with "while", "whereas" or "but" and names a person.
func clauseAfter(body string, from, to int, subjects []personAt) int {
	seg := body[from:to]
	best := -1
	for _, w := range clauseStartWords {
		if k := strings.LastIndex(seg, w); k > best {
			best = k
		}
	}
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
				if noun := p.end + int(toks[k].start); !strings.ContainsAny(strings.TrimRight(body[noun:to], " “\"‘"), "“”\"") {
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
	head := strings.TrimRight(body[from:start], " “\"‘")
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
		case '“':
			open = true
		case '”':
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
