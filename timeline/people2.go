package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rules for people named with an appositive, nicknames, initials and
// places that stand where a name might.

// nameSuffixes end a full name without being part of it ("Joseph R. Biden
// Jr.").
var nameSuffixes = setOf("jr", "sr", "ii", "iii", "iv")

// femaleTitles name a woman: "Mrs. Kennedy" is not President Kennedy.
var femaleTitles = setOf("mrs", "ms", "mme", "madame", "miss", "lady", "madam", "dame", "baroness")

// placeWords make a capitalised run a place wherever they stand
// ("Akita Prefecture", "Hokkaido Island").
var placeWords = setOf("prefecture", "province", "county", "oblast", "krai", "canton", "peninsula", "archipelago", "governorate", "municipality", "island", "islands", "atoll")

// roleNouns, besides titles, say that an appositive describes a person
// ("Yuri Ushakov, a Kremlin foreign policy aide", "Lim Hui Ling, a senior
// fellow at").
var roleNouns = setOf("fellow", "professor", "researcher", "scholar", "expert", "economist", "historian", "analyst",
	"official", "officials", "diplomat", "politician", "lawyer", "attorney", "activist", "resident", "student", "farmer",
	"fisherman", "veteran", "survivor", "teacher", "journalist", "writer", "author", "editor", "owner", "manager",
	"executive", "founder", "member", "candidate", "campaigner", "negotiator", "interpreter", "translator", "hand",
	"observer", "critic", "officer", "soldier", "worker", "mother", "father", "son", "daughter", "wife", "husband",
	"widow", "widower", "grandmother", "grandfather", "brother", "sister", "friend", "colleague", "partner", "head",
	"negotiator", "strategist", "consultant", "lecturer", "specialist", "scientist", "engineer", "doctor", "pilot",
	"businessman", "businesswoman", "entrepreneur", "banker", "investor", "trader", "shopkeeper", "driver", "guide",
	"nurse", "priest", "monk", "republican", "democrat", "conservative", "liberal", "lobbyist", "staffer", "assistant",
	"organizer", "organiser", "protester", "protestor", "witness", "victim", "refugee", "islander", "native", "citizen",
	"woman", "man", "girl", "boy", "pensioner", "retiree", "cousin", "nephew", "niece", "uncle", "aunt")

// thingNouns say that an appositive describes a thing or a place ("Toyo
// Bijin, a local sake", "Nagato, a hot-spring town").
var thingNouns = setOf("sake", "wine", "beer", "whisky", "whiskey", "vodka", "dish", "drink", "brand", "company", "firm",
	"town", "city", "village", "inn", "hotel", "restaurant", "island", "ship", "newspaper", "paper", "magazine",
	"broadcaster", "channel", "agency", "band", "film", "movie", "book", "novel", "song", "resort", "district",
	"region", "province", "prefecture", "dog", "breed", "river", "mountain", "temple", "shrine", "castle", "palace",
	"museum", "park", "airport", "port", "station", "school", "university", "bank", "hospital", "club", "team",
	"daily", "tabloid", "outlet", "network", "website", "app", "product", "car", "plane", "aircraft", "vessel",
	"capital", "suburb", "neighbourhood", "neighborhood", "spa", "complex", "building", "venue", "estate")

// positionPreps put a place after them ("in Nusa Dua", "at Otani Sanso",
// "On Capitol Hill" at the start of a sentence).
var positionPreps = setOf("in", "at", "near", "outside", "inside")

// notePosition records where a run stands, for learn.
func (idx *actorIndex) notePosition(text string, toks []token, ns nameSpan) {
	if ns.from >= ns.to {
		return
	}
	// The run's key is made only where it is counted (most runs are not).
	if hasTitle(ns.title) || ns.speechAfter || appositivePerson(text, toks, ns.to) {
		idx.personPos[runKey(toks, ns.from, ns.to)]++
		return
	}
	if thingAppositive(text, toks, ns.to) {
		idx.thingPos[runKey(toks, ns.from, ns.to)]++
	}
	if ns.titleFrom > 0 && (ns.to >= len(toks) || toks[ns.to].text != "s") {
		prev := toks[ns.titleFrom-1].text
		if gap := text[toks[ns.titleFrom-1].end:toks[ns.titleFrom].start]; gap == " " && (positionPreps[prev] || prev == "on" && ns.titleFrom == 1) {
			idx.placePos[runKey(toks, ns.from, ns.to)]++
		}
	}
}

// initialGap reports whether b follows a within a name: after a space, or
// after an initial and its full stop ("Llewellyn E. Thompson").
func initialGap(text string, a, b token) bool {
	gap := text[a.end:b.start]
	return gap == " " || len(a.text) == 1 && a.upper && (gap == ". " || gap == ".")
}

// appositiveAt returns the index of the first word after a comma that
// ends the name at i, or -1.
func appositiveAt(text string, toks []token, i int) int {
	if i == 0 || i >= len(toks) || !strings.HasPrefix(strings.TrimLeft(text[toks[i-1].end:toks[i].start], "."), ",") {
		return -1
	}
	return i
}

// appositivePerson reports whether what follows the name ending before i
// describes a person: "…, a Kremlin foreign policy aide,", "…, 82,", "…,
// of the Centre for Asian Studies", "…, leader of the party", "…, who".
func appositivePerson(text string, toks []token, i int) bool {
	if appositiveAt(text, toks, i) < 0 {
		return false
	}
	t := toks[i]
	switch {
	case t.text == "who":
		return true
	case followedByNumber(toks, i) && len(t.text) <= 3 && (i+1 >= len(toks) || strings.HasPrefix(text[t.end:toks[i+1].start], ",")):
		return true // an age
	case t.text == "of" && i+1 < len(toks) && (toks[i+1].text == "the" || toks[i+1].upper):
		return true
	case t.lex&lexPersonTitle != 0 && !t.upper || t.lex2&lex2RoleNoun != 0 && !t.upper:
		return true
	case t.text != "a" && t.text != "an" && t.text != "the" && t.text != "former" && t.text != "then":
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+6; k++ {
		if gap := text[toks[k-1].end:toks[k].start]; clauseMarksDot.in(gap) {
			return false
		}
		if toks[k].upper && k+1 < len(toks) && !toks[k+1].upper && toks[k+1].lex&lexPersonTitle == 0 && toks[k+1].lex2&lex2RoleNoun == 0 && toks[k].lex&lexDemonym == 0 {
			continue
		}
		if !toks[k].upper && (toks[k].lex&lexPersonTitle != 0 || toks[k].lex2&lex2RoleNoun != 0) {
			return true
		}
		if thingNouns[toks[k].text] {
			return false
		}
	}
	return false
}

// thingAppositive reports whether what follows the name ending before i
// describes a thing or a place ("…, a local sake,").
func thingAppositive(text string, toks []token, i int) bool {
	if appositiveAt(text, toks, i) < 0 || toks[i].text != "a" && toks[i].text != "an" && toks[i].text != "the" {
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+5; k++ {
		if gap := text[toks[k-1].end:toks[k].start]; clauseMarksDot.in(gap) {
			return false
		}
		if toks[k].lex&lexPersonTitle != 0 || toks[k].lex2&lex2RoleNoun != 0 {
			return false
		}
		if thingNouns[toks[k].text] {
			return true
		}
	}
	return false
}

// nicknames maps familiar forms of English first names to the full form
// (both folded and transliterated, as first names are kept).
var nicknames = func() map[string]string {
	m := map[string]string{}
	for _, pair := range strings.Fields("joe:joseph bill:william will:william billy:william bob:robert rob:robert bobby:robert " +
		"jim:james jimmy:james mike:michael tom:thomas tommy:thomas dick:richard rick:richard ted:edward ed:edward " +
		"eddie:edward dan:daniel danny:daniel dave:david steve:stephen steven:stephen chris:christopher alex:alexander " +
		"nick:nicholas ben:benjamin sam:samuel andy:andrew pete:peter jerry:gerald larry:lawrence liz:elizabeth " +
		"beth:elizabeth kate:katherine kathy:katherine chuck:charles charlie:charles hank:henry tony:anthony " +
		"jack:john matt:matthew pat:patrick ron:ronald don:donald doug:douglas greg:gregory jeff:jeffrey " +
		"ken:kenneth fred:frederick sue:susan jen:jennifer jenny:jennifer") {
		k, v, _ := strings.Cut(pair, ":")
		m[translit(k)] = translit(v)
	}
	return m
}()

// sameFirst reports whether two folded first names are one: within one
// edit (Sergei, Sergey) or the same name's familiar form (Joe, Joseph).
func sameFirst(a, b string) bool {
	if withinOneEdit(a, b) {
		return true
	}
	if n, ok := nicknames[a]; ok {
		a = n
	}
	if n, ok := nicknames[b]; ok {
		b = n
	}
	return a == b
}

// withinOneEdit reports whether editDistance(a, b) <= 1, for ASCII words
// without filling the table: equal but for one byte changed, added or
// dropped.
func withinOneEdit(a, b string) bool {
	if !isASCII(a) || !isASCII(b) {
		return editDistance(a, b) <= 1
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return true // equal, or b has one byte more at the end
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// addBlends records the nicknames made of p's first name and the first
// two or three letters of its surname ("Jokowi"); taken says which are
// made by more than one person.
func (idx *actorIndex) addBlends(p *person, spell map[*person]*spelling, taken map[string]bool) {
	sp := spell[p]
	if p.familyFirst || sp == nil {
		return
	}
	for f := range sp.first {
		for l := range sp.last {
			fk, lk := foldPhrase(f), foldPhrase(l)
			if len(fk) < 3 || len(lk) < 5 || strings.ContainsAny(fk+lk, " -") {
				continue
			}
			for k := 2; k <= 3; k++ {
				key := translit(fk + lk[:k])
				if q, ok := idx.blend[key]; ok && q != p {
					taken[key] = true
				}
				idx.blend[key] = p
			}
		}
	}
}

// abbreviationAt reports whether the full stop at dot ends a title or an
// initial ("Mr.", "Dr.", "E."), not a sentence; from bounds the look-back.
func abbreviationAt(body string, from, dot int) bool {
	k := dot
	for k > from && k-dot < 8 && isASCIILetter(body[k-1]) {
		k--
	}
	w := strings.ToLower(body[k:dot])
	if k > from && body[k-1] != ' ' && body[k-1] != '\n' && body[k-1] != '(' {
		return false
	}
	return titleAbbreviations[w] || len(w) == 1 && body[k] >= 'A' && body[k] <= 'Z'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// interrupted reports whether the quotation b continues a: a ends in a
// comma, an attribution with a speech verb and no full stop stands between
// them, and b goes on in lower case ("“…,” the premier told him, “and
// the Soviet Union will sign it.”").
func interrupted(body string, a, b span) bool {
	if !strings.HasSuffix(strings.TrimRight(body[a.start:a.end], " "), ",") || b.start-a.end > 120 {
		return false
	}
	mid := body[a.end:b.start]
	if strings.ContainsAny(mid, ".!?;\n") && !strings.Contains(mid, "Mr.") && !strings.Contains(mid, "Mrs.") && !strings.Contains(mid, "Dr.") {
		return false
	}
	if !strings.HasSuffix(strings.TrimRight(mid, " “\"‘«„‹\u00a0\u202f"), ",") {
		return false
	}
	toks := tokenize(mid)
	if len(toks) == 0 || len(toks) > 12 {
		return false
	}
	spoke := false
	for _, t := range toks {
		spoke = spoke || t.lex&lexSpeak != 0
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(body[b.start:b.end], " "))
	return spoke && unicode.IsLower(r)
}

// proxyNouns speak for someone else: "a spokesman for Chancellor
// Adenauer said" is not Adenauer speaking.
var proxyNouns = setOf("spokesman", "spokeswoman", "spokesperson", "aide", "aides", "adviser", "advisers", "advisor",
	"advisors", "official", "officials", "source", "sources", "lawyer", "lawyers", "attorney", "attorneys", "office",
	"representative", "representatives", "people", "person", "someone", "allies", "ally", "staff", "camp")

// namedForOther reports whether the person named at off is one another
// speaks for ("a spokesman for X", "officials close to X", "an aide to X").
func namedForOther(body string, sents []AnalyzedSentence, sentStart, off int) bool {
	from := max(sentStart, off-60)
	if toks, _, ok := windowView(body, sents, from, off); ok {
		return namedForOtherIn(toks)
	}
	buf, toks := windowScratch(body, sents, from, off)
	defer releaseTokens(buf)
	return namedForOtherIn(toks)
}

// namedForOtherIn is namedForOther on the tokens before the name.
func namedForOtherIn(toks []token) bool {
	k := len(toks) - 1
	for k >= 0 && toks[k].upper && (toks[k].lex&(lexPersonTitle|lexDemonym) != 0) {
		k-- // "Chancellor", "Dr"
	}
	if k < 1 {
		return false
	}
	switch toks[k].text {
	case "for", "to", "of":
		if toks[k].text == "to" && toks[k-1].text == "close" && k >= 2 {
			return proxyNouns[toks[k-2].text] || toks[k-2].text == "sources" || toks[k-2].text == "those"
		}
		return proxyNouns[toks[k-1].text] && !toks[k-1].upper
	}
	return false
}

// colonSpeaker is the person named alone before a colon that opens the
// quotation ("Biden: “We share a responsibility…”", a live blog's form).
func colonSpeaker(body string, headStart, start int, people []personAt) string {
	for _, p := range peopleFrom(people, headStart) {
		if p.end > start {
			break
		}
		mid := strings.TrimSpace(strings.TrimRight(body[p.end:start], " “\"‘«„‹\u00a0\u202f"))
		if mid != ":" {
			continue
		}
		// Back to the quotation or sentence before it, or a time stamp
		// and a dash ("14:44 AKDT — Trump: “…”").
		lead := body[headStart:p.start]
		for _, cut := range []string{".” ", ".\" ", "!” ", "?” ", ". ", " — ", " – ", " -- "} {
			if k := strings.LastIndex(lead, cut); k >= 0 {
				lead = lead[k+len(cut):]
			}
		}
		before := tokenize(lead)
		if len(before) > 3 {
			return ""
		}
		for _, t := range before {
			if !t.upper {
				return ""
			}
		}
		return p.id
	}
	return ""
}
