package timeline

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// ActorKind says what an actor is.
type ActorKind string

// Kinds of actor.
const (
	Person       ActorKind = "person"
	Organisation ActorKind = "organisation"
	Place        ActorKind = "place"
)

// Actor is a person, organisation or place, with every spelling and title
// the sources used for it.
type Actor struct {
	ID       string // stable key (folded, transliterated name)
	Name     string // display name: the most common full form
	Kind     ActorKind
	Variants []string // surface forms as written ("Zelenskyy", "President Trump")
	Titles   []string // titles seen with the name ("Russian President")
	Mentions int      // across all articles
}

// ActorMention is one mention of an actor in an article.
type ActorMention struct {
	Actor    string // Actor.ID
	Article  int    // index in the analysed corpus
	Sentence int
	Start    int // byte offsets in the sentence
	End      int
	Text     string
}

// Cast grows into the people, organisations and places of a corpus. It is
// built by FindActors.

// Words that make a capitalised run an organisation, not a person.
var orgWords = setOf("airlines", "airways", "news", "times", "post", "journal", "ministry", "court", "council", "union", "party", "agency",
	"force", "forces", "base", "department", "office", "house", "congress", "senate", "commission", "bank",
	"organization", "organisation", "institute", "university", "group", "army", "navy", "committee", "assembly",
	"parliament", "government", "administration", "one", "network", "channel", "press", "media", "tv", "radio",
	"dispatch", "inter", "herald", "tribune", "gazette", "wire", "chronicle", "telegraph", "courier",
	"company", "corp", "inc", "foundation", "fund", "service", "services", "guard", "command", "kremlin", "pentagon",
	"palace", "villa", "hall", "center", "centre", "airport", "street", "square", "hotel", "reuters", "associated",
	"television", "wire", "broadcasting", "broadcaster", "shimbun", "gazette", "herald", "tribune", "ledger", "courier",
	"pact", "alliance", "league", "federation", "coalition", "bloc")

// genericOrgWords alone name no organisation ("the Centre for Asian
// Studies" cut at "for").
var genericOrgWords = setOf("centre", "center", "group", "committee", "council", "institute", "commission", "foundation", "fund", "network", "company")

// Words that make a run an event or a thing rather than an actor.
var thingWords = setOf("summit", "summits", "talks", "war", "conference", "meeting", "peace", "deal", "treaty",
	"agreement", "initiative", "program", "programme", "doctrine", "day", "week", "games", "spirit", "beast", "faqs", "faq", "takeaways", "relations")

// Leading words of multi-word place names.
var placePrefixes = setOf("new", "north", "south", "east", "west", "united", "saint", "st", "san", "santa", "los", "las", "hong", "sri", "el", "le", "la", "middle", "far", "latin", "central")

// Nationality and regional adjectives that precede titles.
var demonyms = setOf("american", "european", "korean", "mexican", "cuban", "african", "german", "czech", "swiss",
	"greek", "french", "dutch", "thai", "arab", "western", "eastern", "northern", "southern", "us", "u", "s", "uk",
	"british", "chinese", "japanese", "soviet", "finnish", "polish", "turkish", "danish", "swedish", "irish", "spanish")

func isDemonym(w string) bool {
	return demonyms[w] || strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ese")
}

// Title words precede a person's name (in any case).
var personTitles = setOf("president", "minister", "secretary", "lady", "envoy", "aide", "spokesperson", "spokesman",
	"spokeswoman", "senator", "sen", "rep", "representative", "speaker", "governor", "mayor", "ambassador", "chancellor",
	"king", "queen", "prince", "princess", "pope", "general", "gen", "admiral", "director", "chief", "commissioner",
	"chairman", "chairwoman", "deputy", "mr", "mrs", "ms", "dr", "leader", "premier", "lawmaker", "adviser", "advisor",
	"counselor", "counsellor", "host", "anchor", "correspondent", "commentator", "analyst", "colonel", "col", "lt",
	"sergeant", "captain", "capt", "marshal", "lieutenant", "commander", "brigadier", "corporal", "commodore", "emir", "sheikh", "crown", "vice", "first", "foreign", "defence", "defense",
	"sir", "dame", "lord", "baroness", "baron") // honorifics: "Sir Keir Starmer" is Keir Starmer

// roleWords name a leader in a title reference ("the Russian leader").
var roleWords = setOf("leader", "president", "counterpart", "chief", "head", "premier", "chancellor", "prime")

// places are preceded by these words.
var placePrepositions = setOf("in", "at", "from", "to", "near", "across", "into", "toward", "towards", "via", "over", "outside", "inside")

// translit folds spelling variants of a name: diacritics (already folded by
// tokenize), transliteration endings (-iy, -yy, -ii) and doubled letters.
func translit(w string) string {
	if !needsTranslit(w) {
		return w
	}
	if v, ok := translitCache.Load(w); ok {
		return v.(string)
	}
	v := translitSlow(w)
	if translitCacheSize.Load() < maxTranslitCache {
		translitCacheSize.Add(1)
		translitCache.Store(strings.Clone(w), v)
	}
	return v
}

// translitCache holds translitSlow's results per distinct word: a corpus
// repeats its names thousands of times. It stops growing at
// maxTranslitCache words (later words are folded each time).
var (
	translitCache     sync.Map // string -> string
	translitCacheSize atomic.Int64
)

const maxTranslitCache = 1 << 16

// germanVowels folds a German spelling's umlauts and "w".
var germanVowels = strings.NewReplacer("ae", "a", "oe", "o", "ue", "u", "w", "v")

// needsTranslit reports whether translit would change w.
func needsTranslit(w string) bool {
	// One pass for a doubled letter, "zh", "tch", "sch" and "shch"
	// ("Gorbatchev": French and German spellings of a "ch").
	for i := 1; i < len(w); i++ {
		c := w[i]
		if c == w[i-1] {
			return true
		}
		if c != 'h' {
			continue
		}
		switch w[i-1] {
		case 'z':
			return true
		case 'c':
			if i >= 2 && (w[i-2] == 't' || w[i-2] == 's') || i >= 3 && w[i-3:i-1] == "sh" {
				return true
			}
		}
	}
	if len(w) <= 4 {
		return false
	}
	switch w[len(w)-2:] {
	case "ow", "iy", "ij", "yj", "ei", "ii": // "ow": a German spelling
		return true
	}
	return strings.HasSuffix(w, "owa")
}

// germanSpelling reports whether a folded word is spelt the German way
// ("Chruschtschow", "Schärf", "Gorbatschow"): its "sch" is an "sh", its
// "w" a "v" and its umlauts ("ae", "oe", "ue") single vowels.
func germanSpelling(w string) bool {
	return strings.Contains(w, "sch") || len(w) > 4 && (strings.HasSuffix(w, "ow") || strings.HasSuffix(w, "owa"))
}

func translitSlow(w string) string {
	if germanSpelling(w) {
		w = strings.ReplaceAll(w, "schtsch", "shch")
		w = strings.ReplaceAll(w, "tsch", "ch")
		w = strings.ReplaceAll(w, "sch", "sh")
		if strings.HasPrefix(w, "ch") {
			w = "kh" + w[2:] // "Chruschtschow": Khrushchev
		}
		w = germanVowels.Replace(w)
		for _, e := range [][2]string{{"hov", "hev"}, {"hova", "heva"}} { // "-tschow": "-chev"
			if strings.HasSuffix(w, e[0]) {
				w = strings.TrimSuffix(w, e[0]) + e[1]
			}
		}
	}
	w = strings.ReplaceAll(w, "shch", "sh") // "Khrushchev", "Khruschev"
	w = strings.ReplaceAll(w, "zh", "sh")   // "Brezhnev", German "Breschnew"
	w = strings.ReplaceAll(w, "tch", "ch")
	for _, e := range [][2]string{{"iy", "y"}, {"yy", "y"}, {"ij", "y"}, {"yj", "y"}, {"ii", "i"}, {"ei", "ey"}} {
		if strings.HasSuffix(w, e[0]) && len(w) > 4 {
			w = strings.TrimSuffix(w, e[0]) + e[1]
			break
		}
	}
	var b strings.Builder
	var prev rune
	for _, r := range w {
		if r != prev {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// nameLike reports whether a token, as written, looks like part of a name:
// a capital followed by lower-case letters, or initials ("JD").
func nameLike(word string) bool {
	r, size := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := word[size:]
	if rest == "" {
		return true // an initial
	}
	lower, upper := 0, 0
	for _, c := range rest {
		switch {
		case unicode.IsLower(c):
			lower++
		case unicode.IsUpper(c):
			upper++
		case unicode.IsDigit(c):
			return false
		}
	}
	return lower > 0 && upper <= 1 || lower == 0 && len(rest) <= 2 // "McCain", "JD"
}

// run is a span of capitalised tokens in a sentence.
type run struct {
	from, to int // token indices, to exclusive
}

// capitalRuns finds runs of capitalised tokens joined by spaces or hyphens
// (and lower-case particles such as "of" between capitals), appending them
// to out[:0].
func capitalRuns(text string, toks []token, out []run) []run {
	out = out[:0]
	for i := 0; i < len(toks); {
		if !toks[i].upper {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			gap := text[toks[j-1].end:toks[j].start]
			if gap != " " && gap != "-" && gap != ". " && gap != "." {
				break
			}
			if gap == ". " && len(toks[j-1].text) > 2 { // a sentence end, not an initial
				break
			}
			if toks[j].upper {
				j++
				continue
			}
			if gap == "-" && toks[j].lex2&lex2HyphenParticle != 0 && j+1 < len(toks) && toks[j+1].upper && text[toks[j].end:toks[j+1].start] == "-" {
				j += 2 // "Mar-a-Lago", "Boulogne-sur-Mer"
				continue
			}
			if gap == "-" && isNameTail(toks[j-1], toks[j]) { // "Jong-un", "Jae-in"
				j++
				continue
			}
			// "Secretary of State": a particle between capitals.
			if toks[j].text == "of" && j+1 < len(toks) && toks[j+1].upper && text[toks[j].end:toks[j+1].start] == " " {
				j += 2
				continue
			}
			// "Ursula von der Leyen", "Abdel Fattah al-Sisi": particles of a name.
			if k := particlesAt(text, toks, j); k > j && gap == " " {
				j = k + 1
				continue
			}
			break
		}
		from := i
		for from < j && toks[from].lex&(lexStarter|lexRunStop) != 0 {
			from++ // "For Ukraine", "And I": a capitalised function word
		}
		if from < j {
			out = append(out, run{from, j})
		}
		i = j
	}
	return out
}

// hyphenParticles join the capitalised parts of a place name with
// hyphens ("Mar-a-Lago", "Aix-en-Provence", "Stratford-upon-Avon").
var hyphenParticles = setOf("a", "de", "du", "des", "di", "del", "la", "le", "les", "en", "sur", "sous", "aux", "au", "upon", "on", "am", "im", "an")

// vehicleWords name a craft: the capitalised words after them are its name
// ("the liner Georg Ots", "the aircraft carrier Nimitz").
var vehicleWords = setOf("liner", "ship", "vessel", "yacht", "cruiser", "destroyer", "frigate", "carrier", "submarine", "boat",
	"ferry", "tanker", "freighter", "icebreaker", "airliner", "aircraft", "plane", "jet", "helicopter", "train", "locomotive", "steamer")

var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// hyphenSuffixes are lower-case words that follow a capitalised word and
// a hyphen without being part of a name ("Trump-era", "Kremlin-led").
var hyphenSuffixes = setOf("bound", "proof", "sized", "ready", "first", "heavy", "only", "less", "fired", "built", "zone", "class", "wing", "term", "time", "era", "led", "run", "old", "day", "way", "one", "two", "set", "hit", "war", "ban", "bid", "aid", "due", "pro", "ish", "style", "like", "born", "made", "type", "owned", "based", "backed", "linked", "level", "wide", "free", "held")

// isNameTail reports whether next, written after prev and a hyphen in
// lower case, is the second syllable of a given name ("Jong-un",
// "Jae-in"): short, after a short capitalised syllable.
func isNameTail(prev, next token) bool {
	n := len(next.text)
	if _, num := numberValues[prev.text]; num {
		return false // "Three-on-three", "Two-way": no given name
	}
	return prev.upper && len(prev.text) <= 5 && !next.upper && n >= 2 && n <= 5 && !hyphenSuffixes[next.text] && next.text == strings.ToLower(next.text) && isLetters(next.text)
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// runStopwords are capitalised words that start sentences, not names.
var runStopwords = setOf("neither", "nor", "despite", "though", "although", "did", "does", "do", "is", "are", "was",
	"were", "will", "would", "could", "should", "can", "may", "might", "not", "no", "yes", "even", "instead", "beyond",
	"during", "since", "until", "unlike", "like", "according", "asked", "speaking", "inside", "outside", "across",
	"perhaps", "thus", "therefore", "ultimately", "overall", "true", "my", "your", "me", "us", "him", "them", "all",
	"every", "each", "any", "another", "other", "such", "only", "just", "here", "where", "which", "whose", "whether",
	"though", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "english",
	"russian", "ukrainian", "american", "european", "western", "opposition", "by", "afterwards", "afterward",
	"finally", "eventually", "subsequently", "separately", "nevertheless", "nonetheless", "indeed", "moreover", "furthermore",
	"besides", "otherwise", "elsewhere", "together", "alone", "once", "soon", "again", "already", "from")

// nameSpan is a run split into its title and its name.
type nameSpan struct {
	sentence        int
	titleFrom, from int // token indices: title starts at titleFrom, name at from
	to              int
	title           []token // the title's words (toks[titleFrom:from])
	quoted          bool    // right after an opening quote mark
	afterThe        bool
	afterPlacePrep  bool
	speechAfter     bool
	sentenceInitial bool
}

// splitTitle finds where the title words of a run (and any lower-case title
// words just before it, "Kremlin aide") end and the name begins.
func splitTitle(text string, toks []token, r run) nameSpan {
	ns := nameSpan{titleFrom: r.from, from: r.from, to: r.to}
	last := -1
	for k := r.from; k < r.to; k++ {
		lex := toks[k].lex
		if lex&lexPersonTitle != 0 || lex&lexDemonym != 0 && k+1 < r.to && toks[k+1].lex&lexPersonTitle != 0 {
			last = k
		}
		if toks[k].text == "of" && last == k-1 && k+1 < r.to { // "Secretary of State"
			last = k + 1
			k++
		}
	}
	if last >= 0 {
		ns.from = last + 1
	}
	// "Senator Sam Nunn of Georgia": a full name, then where from.
	for k := ns.from + 2; k < ns.to && k <= ns.from+3; k++ {
		if toks[k].text == "of" && toks[k-1].upper && toks[ns.from].upper && !anyTokIn(toks[ns.from:k], orgWords) && toks[ns.from].lex&lexPersonTitle == 0 {
			ns.to = k
			break
		}
	}
	// Lower-case titles and their qualifiers just before the run.
	k := r.from - 1
	for k >= 0 && (toks[k].lex&(lexPersonTitle|lexDemonym) != 0 || toks[k].text == "opposition" || toks[k].text == "kremlin" || toks[k].text == "ministry" || toks[k].text == "foreign" || toks[k].upper && k+1 < len(toks) && toks[k+1].lex&lexPersonTitle != 0) {
		if text[toks[k].end:toks[k+1].start] != " " && text[toks[k].end:toks[k+1].start] != "." && text[toks[k].end:toks[k+1].start] != ". " {
			break
		}
		k--
	}
	ns.titleFrom = min(ns.titleFrom, k+1)
	ns.title = toks[ns.titleFrom:ns.from]
	if ns.titleFrom > 0 {
		prev := toks[ns.titleFrom-1].text
		ns.afterThe = prev == "the"
		ns.afterPlacePrep = toks[ns.titleFrom-1].lex&lexPlacePrep != 0
		gap := text[toks[ns.titleFrom-1].end:toks[ns.titleFrom].start]
		ns.quoted = containsOpeningQuote(gap)
	} else {
		ns.sentenceInitial = true
		ns.quoted = containsOpeningQuote(text[:toks[ns.titleFrom].start])
	}
	if ns.to < len(toks) {
		ns.speechAfter = toks[ns.to].lex&lexSpeech != 0
	}
	return ns
}

// containsOpeningQuote is strings.ContainsAny(s, "“\"‘") without
// decoding s rune by rune.
func containsOpeningQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xE2: // "“" is E2 80 9C, "‘" E2 80 98
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x98) {
				return true
			}
		}
	}
	return false
}

// hasTitle reports whether a title's words hold one of personTitles.
func hasTitle(title []token) bool {
	for _, t := range title {
		if t.lex&lexPersonTitle != 0 { // personTitles
			return true
		}
	}
	return false
}

// person is one person being assembled from mentions.
type person struct {
	first    map[string]int // folded first name -> count
	middles  map[string]int // folded middle names of three-word names
	surname  string         // translit key
	surfaces map[string]int // surface forms
	titles   map[string]int
	evidence int
	mentions int
	// familyFirst marks a name written family name first ("Kim Jong Un",
	// "Moon Jae-in", "Xi Jinping"): surname holds the family name and
	// first the given name's syllables joined ("jongun").
	familyFirst bool
	full        map[string]int // written full names of a familyFirst person
	// leader is isLeader's answer when titles had leaderAt keys (titles
	// only ever gain keys, so the answer holds while their number does).
	leader   bool
	leaderAt int
}

// actorIndex is the corpus-wide knowledge used to resolve mentions.
type actorIndex struct {
	groups  map[string][]*person // surname key -> people sharing it
	byFirst map[string]*person   // distinctive first name -> person
	orgs    map[string]*Actor
	places  map[string]*Actor
	byRole  map[string]*person // demonym ("russian", "us") -> leader with that title
	byTitle map[string]*person // multi-word title ("first lady") -> person
	// titleFirst holds the first words of byTitle's keys.
	titleFirst map[string]bool

	placeLike *wordMap[int] // word -> times after a place preposition
	bare      *wordMap[int] // word -> times alone in mid-sentence
	// alone counts the words used as a one-word name: alone or after a
	// title ("Mr Xi", "Chairman Kim").
	alone *wordMap[int]
	// holders gather what bare surnames ("President Trump", "Chairman
	// Kim") say, until finish gives it to the person the surname means.
	holders map[string]*person
	// Where each capitalised run (by key) stands: after "in", "at"…
	// (placePos), as a person stands (personPos: after a title, before a
	// speech verb or a person's appositive) or before a thing's appositive
	// ("Toyo Bijin, a local sake").
	placePos, personPos, thingPos map[string]int
	// blend holds the one-word nicknames made of a first name and the
	// start of the surname ("Jokowi": Joko Widodo).
	blend map[string]*person
	// germanAlias maps the key of a German spelling of a surname to the
	// English one ("selensky": "zelensky"); patronyms maps a first name
	// and a patronymic ("vladimir vladimirovich") to the person with that
	// first name.
	germanAlias map[string]string
	patronyms   map[string]*person
	// words holds what resolving needs of each capitalised word, once the
	// index is complete (nil before finish): one look-up per word instead
	// of a transliteration and several look-ups.
	words *wordMap[*wordKeys]
}

// wordKeys is what the index says of one capitalised folded word w.
type wordKeys struct {
	translit string    // translit(w)
	group    []*person // idx.groups[translit(w)]
	// surGroup, byFirst and blend are idx.groups, idx.byFirst and
	// idx.blend of surnameKey(w).
	surGroup       []*person
	byFirst, blend *person
	titleFirst     bool // idx.titleFirst[w]
}

// keysOf returns the index's wordKeys of w (kept when the index is
// complete).
func (idx *actorIndex) keysOf(w string) *wordKeys {
	if idx.words != nil {
		if k, _ := idx.words.get(w); k != nil {
			return k
		}
	}
	tr := translit(w)
	sur := idx.surnameKeyOf(w, tr)
	k := &wordKeys{translit: tr, group: idx.groups[tr], surGroup: idx.groups[sur], byFirst: idx.byFirst[sur], blend: idx.blend[sur], titleFirst: idx.titleFirst[w]}
	if idx.words != nil {
		idx.words.set(strings.Clone(w), k) // the word may lie in a large block of words
	}
	return k
}

// titleKey is the key of a title's words: joined by spaces, "U.S." as
// "us".
func titleKey(title []token) string {
	switch {
	case len(title) == 0:
		return ""
	case len(title) == 1 && title[0].text != "u" && title[0].text != "s":
		return title[0].text // one word: itself
	}
	var parts []string
	for _, t := range title {
		switch w := t.text; w {
		case "u", "s":
			if len(parts) == 0 || parts[len(parts)-1] != "us" {
				parts = append(parts, "us")
			}
		default:
			parts = append(parts, w)
		}
	}
	return strings.Join(parts, " ")
}

// Actors is what FindActors found in a corpus.
type Actors struct {
	List     []Actor // people first, then by mentions
	Mentions []ActorMention
	index    actorIndex
	ids      map[*person]string
	names    map[*person]string
}

func newPerson() *person {
	return &person{first: map[string]int{}, middles: map[string]int{}, surfaces: map[string]int{}, titles: map[string]int{}, full: map[string]int{}}
}

// firstSurfaces keeps the written forms of first names and surnames.
type spelling struct{ first, middle, last map[string]int }

// FindActors finds the people, organisations and places of a corpus and
// every mention of them. Spellings and transliterations of one name merge
// (Zelensky, Zelenskyy, Zelenskiy); people who share a surname stay apart
// when their first names differ (Melania Trump is not Donald Trump).
func FindActors(arts []AnalyzedArticle) *Actors {
	var mentions chunks[ActorMention]
	out, _ := findActors(SliceStream(arts), func(_ int, _ *AnalyzedArticle, ms []ActorMention) error {
		for _, m := range ms {
			mentions.add(m)
		}
		return nil
	})
	out.Mentions = mentions.all()
	return out
}

// findActors is FindActors over a replayable stream of the corpus (walked
// once per pass): each article's mentions go to perArticle, in order, as
// soon as they are found (ms is reused for the next article), and the
// returned Actors hold none.
func findActors(each ArticleStream, perArticle func(ai int, a *AnalyzedArticle, ms []ActorMention) error) (*Actors, error) {
	idx := actorIndex{groups: map[string][]*person{}, byFirst: map[string]*person{}, orgs: map[string]*Actor{},
		places: map[string]*Actor{}, byRole: map[string]*person{}, byTitle: map[string]*person{},
		placeLike: &wordMap[int]{}, bare: &wordMap[int]{}, alone: &wordMap[int]{}, holders: map[string]*person{},
		placePos: map[string]int{}, personPos: map[string]int{}, thingPos: map[string]int{}, blend: map[string]*person{},
		germanAlias: map[string]string{}, patronyms: map[string]*person{}}
	spell := map[*person]*spelling{}
	var runs []run    // capitalRuns' buffer, reused sentence by sentence
	var keyBuf []byte // appendRunKey's buffer
	// Pass 0: which capitalised words follow place prepositions, and which
	// occur alone in mid-sentence.
	if err := forBodySentences(each, func(s *AnalyzedSentence, toks []token) {
		for i, t := range toks {
			if !t.upper || i == 0 {
				continue
			}
			if toks[i-1].lex&lexPlacePrep != 0 && s.Text[toks[i-1].end:t.start] == " " && (i+1 == len(toks) || !toks[i+1].upper && toks[i+1].text != "s") {
				*idx.placeLike.at(t.text)++
			}
			if !toks[i-1].upper && (i+1 == len(toks) || !toks[i+1].upper) {
				*idx.bare.at(t.text)++
			}
			if (!toks[i-1].upper || toks[i-1].lex&lexPersonTitle != 0) && (i+1 == len(toks) || !toks[i+1].upper) {
				*idx.alone.at(t.text)++
			}
		}
		runs = capitalRuns(s.Text, toks, runs)
		for _, r := range runs {
			idx.notePosition(s.Text, toks, splitTitle(s.Text, toks, r))
		}
	}); err != nil {
		return nil, err
	}
	// Pass 1: names with their titles.
	if err := forBodySentences(each, func(s *AnalyzedSentence, toks []token) {
		runs = capitalRuns(s.Text, toks, runs)
		for _, r := range runs {
			idx.learn(s.Text, toks, splitTitle(s.Text, toks, r), spell)
		}
	}); err != nil {
		return nil, err
	}
	idx.finish(spell)
	out := &Actors{index: idx, ids: map[*person]string{}, names: map[*person]string{}}
	idx.words = &wordMap[*wordKeys]{} // for this call's resolving only (out.index has none)
	// Pass 2: mentions.
	counts := map[string]*Actor{}
	variant := map[string]map[string]int{}
	var mentions []ActorMention     // the current article's
	thingIDs := map[*Actor]string{} // "org:"+key, made once per actor
	thingID := func(prefix string, act *Actor) string {
		id, ok := thingIDs[act]
		if !ok {
			id = prefix + act.ID
			thingIDs[act] = id
		}
		return id
	}
	note := func(id string, kind ActorKind, name, surface string, ai, si int, s, e int, text string) {
		act := counts[id]
		if act == nil {
			act = &Actor{ID: id, Name: name, Kind: kind}
			counts[id] = act
			if variant[id] == nil {
				variant[id] = map[string]int{}
			}
		}
		act.Mentions++
		if surface != "" {
			variant[id][surface]++
		}
		mentions = append(mentions, ActorMention{Actor: id, Article: ai, Sentence: si, Start: s, End: e, Text: text[s:e]})
	}
	roles := map[*person][]string{} // role words of each person's titles
	rolesOf := func(p *person) []string {
		r, ok := roles[p]
		if !ok {
			seen := map[string]bool{}
			for t := range p.titles {
				for _, w := range strings.Fields(t) {
					if roleWords[w] && !seen[w] {
						seen[w] = true
						r = append(r, w)
					}
				}
			}
			roles[p] = r
		}
		return r
	}
	if err := each(func(ai int, art *AnalyzedArticle) error {
		mentions = mentions[:0]
		lastRole := map[string]*person{} // role word -> last person named with it in this article
		for si := range art.Sentences {
			s := &art.Sentences[si]
			toks := s.words()
			for i := 0; i < len(toks); i++ {
				if !toks[i].upper && toks[i].text != "the" {
					continue // no name, title or role starts here (resolveAt, titleReference and roleReference find none)
				}
				p, from, to := idx.resolveAt(s.Text, toks, i)
				if p != nil {
					to = withNameSuffix(s.Text, toks, from, to)
					for _, w := range rolesOf(p) {
						lastRole[w] = p
						if p.titles[w] > 0 {
							lastRole[strings.ToUpper(w[:1])+w[1:]] = p // "the President": who bears the title alone
						}
					}
					id, name := out.id(p, spell), out.name(p, spell)
					surface := s.Text[toks[from].start:toks[to-1].end]
					switch tf := titlePhraseBefore(s.Text, toks, from); {
					case tf >= 0 && tf == from-1:
						surface = s.Text[toks[tf].start:toks[to-1].end] // "President Trump"
					case tf >= 0 && tf < from-1 && idx.ownsTitle(p, toks[tf:from]):
						variant[id] = countInto(variant[id], s.Text[toks[tf].start:toks[from-1].end]) // "First Lady"
					}
					note(id, Person, name, surface, ai, si, int(toks[from].start), int(toks[to-1].end), s.Text)
					i = to - 1
					continue
				}
				if p, from, to := idx.titleReference(s.Text, toks, i); p != nil {
					note(out.id(p, spell), Person, out.name(p, spell), s.Text[toks[from].start:toks[to-1].end], ai, si, int(toks[from].start), int(toks[to-1].end), s.Text)
					i = to - 1
				} else if p := roleReference(toks, i, lastRole); p != nil {
					surface := s.Text[toks[i+1].start:toks[i+1].end]
					if !toks[i+1].upper {
						surface = "" // "the president": a mention, not a name of the man
					}
					note(out.id(p, spell), Person, out.name(p, spell), surface, ai, si, int(toks[i+1].start), int(toks[i+1].end), s.Text)
					i++
				}
			}
			if s.Heading {
				continue
			}
			runs = capitalRuns(s.Text, toks, runs)
			for _, r := range runs {
				ns := splitTitle(s.Text, toks, r)
				if ns.from >= ns.to {
					continue
				}
				keyBuf = appendRunKey(keyBuf[:0], toks, ns.from, ns.to)
				surface := s.Text[toks[ns.from].start:toks[ns.to-1].end]
				if act := idx.orgs[string(keyBuf)]; act != nil { // a look-up: string(keyBuf) is not copied
					note(thingID("org:", act), Organisation, act.Name, surface, ai, si, int(toks[ns.from].start), int(toks[ns.to-1].end), s.Text)
				} else if act := idx.places[string(keyBuf)]; act != nil {
					note(thingID("place:", act), Place, act.Name, surface, ai, si, int(toks[ns.from].start), int(toks[ns.to-1].end), s.Text)
				}
			}
		}
		return perArticle(ai, art, mentions)
	}); err != nil {
		return nil, err
	}
	for id, act := range counts {
		if act.Kind == Person {
			for p, pid := range out.ids {
				if pid == id {
					act.Titles = topKeys(p.titles, 4)
				}
			}
		}
		act.Variants = topKeys(variant[id], 0)
		sort.Strings(act.Variants)
		out.List = append(out.List, *act)
	}
	sort.Slice(out.List, func(i, j int) bool {
		a, b := out.List[i], out.List[j]
		if (a.Kind == Person) != (b.Kind == Person) {
			return a.Kind == Person
		}
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		return a.ID < b.ID
	})
	return out, nil
}

// learn records what one name span tells about its actor.
func (idx *actorIndex) learn(text string, toks []token, ns nameSpan, spell map[*person]*spelling) {
	if ns.from >= ns.to {
		// A title alone ("First Lady") is resolved in the second pass.
		return
	}
	if ns.to-ns.from >= 3 && toks[ns.to-1].lex2&lex2NameSuffix != 0 { // nameSuffixes
		ns.to-- // "Joseph R. Biden Jr."
	}
	name := toks[ns.from:ns.to]
	if len(name) == 1 && len(ns.title) > 0 && toks[ns.from-1].lex2&lex2FemaleTitle != 0 { // femaleTitles: the title's last word
		return // "Mrs. Kennedy" is not the President Kennedy a bare surname means
	}
	words := make([]string, len(name))
	for k, t := range name {
		words[k] = t.text
		if t.lex&lexThing != 0 {
			return
		}
	}
	key := strings.Join(words, " ")
	surface := text[name[0].start:name[len(name)-1].end]
	var lex uint32 // the word lists any word of the name is in
	for _, t := range name {
		lex |= t.lex
	}
	before := func(d int) string { // the lower-case word d before the name's title
		if k := ns.titleFrom - d; k >= 0 && !toks[k].upper {
			return toks[k].text
		}
		return ""
	}
	beforeLex2 := func(d int) uint16 { // the lex2 bits of before(d)'s word
		if k := ns.titleFrom - d; k >= 0 && !toks[k].upper {
			return toks[k].lex2
		}
		return 0
	}
	switch {
	case lex&lexWeekday != 0: // weekdays: "By Saturday"
		return
	case len(name) == 1 && name[0].lex2&lex2TimeZone != 0: // timeZones: "14:44 AKDT"
		return
	case len(name) == 1 && datelineAt(text, toks, ns.from, surface): // "BUSAN, Oct. 30 --"
		idx.addThing(idx.places, key, titleCase(surface), Place)
		return
	case ns.titleFrom == ns.from && orgNameTail(toks, ns.from): // "the Institute for Strategic Assessments"
		return
	case qualifierRun(text, toks, ns.to): // "chief Asia economist"
		return
	case before(1) == "of" && beforeLex2(2)&lex2Facility != 0 || hasHyphenParticle(text, name): // facilityWords; // "the border town of Dong Dang", "Mar-a-Lago"
		idx.addThing(idx.places, key, surface, Place)
		return
	case followedByNumber(toks, ns.to) && !strings.HasPrefix(text[toks[ns.to-1].end:toks[ns.to].start], ","): // "Boeing 747", "Il 96": a product
		return
	case facilityAfter(toks, ns.to) || lex&lexPlaceWord != 0: // placeWords; "Paya Lebar air base", "the Capella hotel", "Akita Prefecture"
		idx.addThing(idx.places, key, surface, Place)
		return
	case len(name) == 1 && name[0].lex2&lex2GenericOrg != 0: // genericOrgWords: "Centre", "Group": a word cut from a longer name
		return
	case lex&lexOrg != 0 || len(name) == 1 && isAcronym(surface) && name[0].lex2&lex2PlaceAcronym == 0 || words[0] == "air" && len(words) >= 2: // placeAcronyms; "Air China"
		idx.addThing(idx.orgs, key, surface, Organisation)
		return
	case beforeLex2(1)&lex2Vehicle != 0 || before(1) == "aboard" || before(2) == "aboard" && (before(1) == "a" || before(1) == "an" || before(1) == "the"):
		return // "the liner Georg Ots", "aboard an Aeroflot Ilyushin": a craft
	case workWords[before(1)]:
		return // "the 1982 film Yeh Vaada Raha": a work's title
	case name[0].lex2&lex2PlacePrefix != 0 && len(words) >= 2 || len(name) == 1 && name[0].lex2&lex2PlaceAcronym != 0: // placePrefixes, placeAcronyms
		idx.addThing(idx.places, key, surface, Place)
		return
	}
	// "Ursula von der Leyen": the particles join the given name to the
	// family name, whose key is its last word.
	particles := ""
	if len(name) >= 3 {
		var core []token
		var cw, parts []string
		for k, t := range name {
			if k > 0 && k < len(name)-1 && !t.upper && t.lex&lexJoinParticle != 0 { // joinParticles
				parts = append(parts, t.text)
				continue
			}
			core, cw = append(core, t), append(cw, words[k])
		}
		if len(parts) > 0 {
			name, words, particles = core, cw, strings.Join(parts, " ")
		}
	}
	evidence := 0
	if hasTitle(ns.title) {
		evidence += 2
	}
	fullName := len(name) >= 2 && len(name) <= 3 && !ns.afterThe && !ns.quoted && (name[0].lex|name[len(name)-1].lex)&lexDemonym == 0
	for k, t := range name {
		tail := k > 0 && !t.upper // "Jong-un": a syllable of a given name
		if !tail && !nameLike(text[t.start:t.end]) || idx.placeLike.value(t.text) > 0 {
			fullName = false
		}
		if k > 0 && !tail && !initialGap(text, name[k-1], t) && particles == "" {
			fullName = false // "Trump-Putin": two names joined, not one
		}
	}
	if fullName && ns.sentenceInitial && !ns.speechAfter && idx.bare.value(words[len(words)-1]) == 0 && name[len(name)-1].upper && !appositiveTitle(text, toks, ns.to) && !appositivePerson(text, toks, ns.to) && !affiliationThenSpeech(text, toks, ns.to) {
		fullName = false // "Geopolitical Messaging:" opening a list item
	}
	if fullName {
		evidence++
	}
	if !hasTitle(ns.title) && idx.personPos[key] == 0 {
		switch {
		case len(name) >= 2 && idx.placePos[key] > 0: // "in Nusa Dua", "On Capitol Hill", never as a person
			idx.addThing(idx.places, key, surface, Place)
			return
		case idx.thingPos[key] > 0: // "Toyo Bijin, a local sake"
			return
		}
	}
	if evidence == 0 && idx.personPos[key] > 0 && len(name) == 1 && appositivePerson(text, toks, ns.to) && nameLike(surface) && idx.placeLike.value(key) == 0 {
		evidence++ // "Renho, leader of the Democratic party, said"
	}
	if evidence == 0 {
		if len(name) == 1 && ns.afterPlacePrep && !ns.sentenceInitial && !runStopwords[key] {
			idx.addThing(idx.places, key, surface, Place)
		}
		return
	}
	if len(name) > 3 {
		return
	}
	sur := translit(words[len(words)-1])
	if z := germanZ(words[len(words)-1]); z != "" && z != sur {
		idx.germanAlias[sur] = z // "Selenskyj": Zelensky, if the corpus names him so
	}
	first := ""
	ff := idx.familyFirst(name, words)
	switch {
	case ff:
		sur, first = translit(words[0]), translit(strings.Join(words[1:], ""))
	case len(words) >= 2:
		first = translit(words[0])
	}
	var p *person
	if first == "" {
		p = idx.holders[sur]
		if p == nil {
			p = newPerson()
			p.surname = sur
			idx.holders[sur] = p
		}
	} else {
		p = idx.personFor(sur, first)
	}
	p.evidence += evidence
	if first != "" {
		p.first[first]++
	}
	p.surfaces[surface]++
	if particles != "" {
		p.middles[particles]++
	}
	if ff {
		p.familyFirst = true
		p.full[surface]++
		if tk := titleKey(ns.title); tk != "" {
			p.titles[tk]++
		}
		return
	}
	if tk := titleKey(ns.title); tk != "" {
		p.titles[tk]++
	}
	sp := spell[p]
	if sp == nil {
		sp = &spelling{first: map[string]int{}, middle: map[string]int{}, last: map[string]int{}}
		spell[p] = sp
	}
	sp.last[text[name[len(name)-1].start:name[len(name)-1].end]]++
	if first != "" {
		sp.first[text[name[0].start:name[0].end]]++
		// What stands between the first name and the surname (" Jong ",
		// " Jae-"), "" for two-word names: a middle name shown when most
		// full spellings have one.
		sp.middle[text[name[0].end:name[len(name)-1].start]]++
		if len(name) == 3 {
			p.middles[words[1]]++
		}
	}
}

// appositiveTitle reports whether a title follows the name ending at i
// after a comma ("Na Kyung-won, floor leader of…", "Kim Eui-kyeom, the
// presidential spokesman").
func appositiveTitle(text string, toks []token, i int) bool {
	if i == 0 || i >= len(toks) || !strings.HasPrefix(text[toks[i-1].end:toks[i].start], ",") {
		return false
	}
	for k := i; k < len(toks) && k <= i+3; k++ {
		if toks[k].upper {
			return false
		}
		if toks[k].lex&lexPersonTitle != 0 {
			return true
		}
	}
	return false
}

// hasHyphenParticle reports whether a lower-case particle joins the
// parts of a name with hyphens ("Mar-a-Lago").
func hasHyphenParticle(text string, name []token) bool {
	for k := 1; k+1 < len(name); k++ {
		if !name[k].upper && name[k].lex2&lex2HyphenParticle != 0 && text[name[k-1].end:name[k].start] == "-" && text[name[k].end:name[k+1].start] == "-" {
			return true
		}
	}
	return false
}

// followedByNumber reports whether the token at i is a number ("Boeing
// 747").
func followedByNumber(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	for _, c := range toks[i].text {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// facilityWords are lower-case nouns that make the capitalised words
// before them a place ("Paya Lebar air base", "the Capella hotel").
var facilityWords = setOf("base", "airport", "airfield", "hotel", "resort", "estate", "palace", "villa", "island", "stadium",
	"square", "street", "avenue", "bridge", "river", "lake", "mountain", "valley", "district", "province", "region",
	"county", "village", "town", "city", "port", "harbour", "harbor", "embassy", "consulate", "campus", "centre", "center")

// facilityAfter reports whether a facility noun follows at i or, after
// one lower-case word ("air base", "naval base"), at i+1.
func facilityAfter(toks []token, i int) bool {
	for k := i; k < len(toks) && k <= i+1; k++ {
		if toks[k].upper {
			return false
		}
		if toks[k].lex2&lex2Facility != 0 { // facilityWords
			return true
		}
	}
	return false
}

var placeAcronyms = setOf("us", "usa", "uk", "uae", "eu")

func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func anyTokIn(toks []token, set map[string]bool) bool {
	for _, t := range toks {
		if set[t.text] {
			return true
		}
	}
	return false
}

func (idx *actorIndex) addThing(m map[string]*Actor, key, surface string, kind ActorKind) {
	if m[key] == nil {
		m[key] = &Actor{ID: key, Name: surface, Kind: kind}
	}
}

// appendRunKey appends runKey(toks, from, to) to buf.
func appendRunKey(buf []byte, toks []token, from, to int) []byte {
	for k, t := range toks[from:to] {
		if k > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, t.text...)
	}
	return buf
}

// runKey is the key of the run of tokens [from, to): their words joined
// by spaces.
func runKey(toks []token, from, to int) string {
	if to-from == 1 {
		return toks[from].text
	}
	words := make([]string, 0, to-from)
	for _, t := range toks[from:to] {
		words = append(words, t.text)
	}
	return strings.Join(words, " ")
}

// familyFirst reports whether a name of two or three words is written
// family name first, as Korean, Chinese and Vietnamese names are: its
// given name ends in a lower-case syllable after a hyphen ("Moon Jae-in",
// "Choe Son-hui"); or it is a family name and two short syllables whose
// last is never used alone ("Kim Jong Un", "Ri Yong Ho"); or its first word
// is used alone ("Mr Xi", "Chairman Kim") more than its last ("Xi
// Jinping"). Such a name is referred to by its first word, never by its
// last ("Un", "Ho", "In").
func (idx *actorIndex) familyFirst(name []token, words []string) bool {
	n := len(name)
	if n < 2 || n > 3 || len(words[0]) > 6 || !isLetters(words[0]) {
		return false
	}
	if !name[n-1].upper {
		return true // a hyphenated given name
	}
	if n == 3 {
		return len(words[1]) <= 4 && len(words[2]) <= 4 && idx.alone.value(words[2]) == 0
	}
	return idx.alone.value(words[0]) > idx.alone.value(words[1])
}

// mergeInto adds what q says of a person to p.
func mergeInto(p, q *person, spell map[*person]*spelling) {
	for _, m := range [][2]map[string]int{{p.first, q.first}, {p.middles, q.middles}, {p.surfaces, q.surfaces}, {p.titles, q.titles}, {p.full, q.full}} {
		for k, v := range m[1] {
			m[0][k] += v
		}
	}
	p.evidence += q.evidence
	p.mentions += q.mentions
	sq := spell[q]
	if sq == nil {
		return
	}
	sp := spell[p]
	if sp == nil {
		spell[p] = sq
		return
	}
	for _, m := range [][2]map[string]int{{sp.first, sq.first}, {sp.middle, sq.middle}, {sp.last, sq.last}} {
		for k, v := range m[1] {
			m[0][k] += v
		}
	}
}

// holderTarget is the named person a bare surname means: a leader before
// anyone else, then the one sharing most of its titles, then the one with
// most evidence.
func holderTarget(group []*person, h *person) *person {
	best, bestScore := group[0], -1
	for _, p := range group {
		score := p.evidence
		for t, n := range h.titles {
			score += 10 * min(n, p.titles[t])
		}
		if p.isLeader() {
			score += 1 << 20
		}
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	return best
}

// personFor finds or adds the person with this surname key and first name.
// A first name within one edit of a known one is the same (Sergei, Sergey).
func (idx *actorIndex) personFor(sur, first string) *person {
	group := idx.groups[sur]
	for _, p := range group {
		if first == "" || len(p.first) == 0 {
			return p
		}
		for f := range p.first {
			if sameFirst(f, first) {
				return p
			}
		}
	}
	p := newPerson()
	p.surname = sur
	idx.groups[sur] = append(group, p)
	return p
}

// finish builds the look-ups that resolve bare first names and titles.
func (idx *actorIndex) finish(spell map[*person]*spelling) {
	for sur, h := range idx.holders {
		if group := idx.groups[sur]; len(group) > 0 {
			mergeInto(holderTarget(group, h), h, spell)
		} else {
			idx.groups[sur] = []*person{h}
		}
	}
	idx.mergeSpellings(spell)
	idx.mergeVariantSurnames(spell)
	firstOwners := map[string][]*person{}
	roleOwners := map[string][]*person{}
	titleOwners := map[string][]*person{}
	for _, group := range idx.groups {
		for _, p := range group {
			for f := range p.first {
				firstOwners[f] = append(firstOwners[f], p)
			}
			for t := range p.titles {
				words := strings.Fields(t)
				// Every ending of two words or more: "Vice Foreign Minister"
				// and "Czech Foreign Minister" are both "Foreign Minister".
				for k := 0; k+2 <= len(words); k++ {
					if words[k] != "us" && !isDemonym(words[k]) && personTitles[words[len(words)-1]] && words[len(words)-1] != "president" {
						tail := strings.Join(words[k:], " ")
						titleOwners[tail] = appendUnique(titleOwners[tail], p)
					}
				}
				for k, w := range words {
					if isDemonym(w) && k+1 < len(words) && (roleWords[words[k+1]] || words[k+1] == "minister" && k > 0 && words[k-1] == "prime") {
						roleOwners[w] = appendUnique(roleOwners[w], p)
					}
				}
			}
		}
	}
	for key := range idx.places {
		if idx.groups[translit(key)] != nil || firstOwners[translit(key)] != nil {
			delete(idx.places, key) // "a letter to Putin": a person after a preposition
		}
	}
	for f, ps := range firstOwners {
		if len(ps) == 1 && idx.groups[f] == nil {
			idx.byFirst[f] = ps[0]
		}
	}
	taken := map[string]bool{}
	for _, group := range idx.groups {
		for _, p := range group {
			idx.addBlends(p, spell, taken)
		}
	}
	for key := range idx.blend {
		if taken[key] || idx.groups[key] != nil || firstOwners[key] != nil || idx.placeLike.value(key) > 0 {
			delete(idx.blend, key)
		}
	}
	for r, ps := range roleOwners {
		if len(ps) == 1 {
			idx.byRole[r] = ps[0]
		}
	}
	idx.titleFirst = map[string]bool{}
	for t, ps := range titleOwners {
		if len(ps) == 1 {
			idx.byTitle[t] = ps[0]
			idx.titleFirst[strings.Fields(t)[0]] = true
		}
	}
}

// ownsTitle reports whether a title phrase written before p's name names
// p alone: it is qualified by a nationality ("Russian Foreign Minister")
// or nobody else in the corpus bears it ("First Lady", but not "Foreign
// Minister" when two foreign ministers are named).
func (idx *actorIndex) ownsTitle(p *person, title []token) bool {
	if title[0].lex&lexDemonym != 0 || title[0].text == "u" || title[0].text == "us" || placePrefixes[title[0].text] {
		return true
	}
	words := make([]string, len(title))
	for k, t := range title {
		words[k] = t.text
	}
	return idx.byTitle[strings.Join(words, " ")] == p
}

func appendUnique(ps []*person, p *person) []*person {
	for _, q := range ps {
		if q == p {
			return ps
		}
	}
	return append(ps, p)
}

// resolveAt returns the person named at token i (with the span of the
// name), or nil.
func (idx *actorIndex) resolveAt(text string, toks []token, i int) (*person, int, int) {
	t := toks[i]
	if !t.upper {
		return nil, 0, 0
	}
	wk := idx.keysOf(t.text)
	key := wk.translit
	// A family name and its given name ("Kim Jong Un", "Kim Jong-un",
	// "Xi Jinping").
	if group := wk.group; group != nil && i+1 < len(toks) && text[t.end:toks[i+1].start] == " " && toks[i+1].upper {
		end, given := i+2, toks[i+1].text
		if i+2 < len(toks) {
			if gap := text[toks[i+1].end:toks[i+2].start]; gap == " " && toks[i+2].upper || gap == "-" && isNameTail(toks[i+1], toks[i+2]) {
				end, given = i+3, given+toks[i+2].text
			}
		}
		for _, try := range [2]int{end, i + 2} {
			g := given
			if try < end {
				g = toks[i+1].text
			}
			g = translit(g)
			for _, p := range group {
				if p.familyFirst && p.first[g] > 0 {
					return p, i, try
				}
			}
		}
	}
	// A first name, a middle name and the surname ("Kim Jong Un",
	// "Kim Jong-un").
	if i+2 < len(toks) && toks[i+1].upper && text[t.end:toks[i+1].start] == " " {
		if gap := text[toks[i+1].end:toks[i+2].start]; initialGap(text, toks[i+1], toks[i+2]) && toks[i+2].upper || gap == "-" && isNameTail(toks[i+1], toks[i+2]) {
			initial := len(toks[i+1].text) == 1
			for _, p := range idx.keysOf(toks[i+2].text).group {
				if p.middles[toks[i+1].text] > 0 && p.first[key] > 0 {
					return p, i, i + 3
				}
				if initial && !p.familyFirst {
					for f := range p.first {
						if sameFirst(f, key) {
							return p, i, i + 3 // "Antony J. Blinken", "Joseph R. Biden"
						}
					}
				}
			}
		}
	}
	// "Vladimir Vladimirovich": a first name and a patronymic.
	if i+1 < len(toks) && toks[i+1].upper && text[t.end:toks[i+1].start] == " " && isPatronymic(toks[i+1].text) {
		if p := idx.patronyms[key+" "+translit(toks[i+1].text)]; p != nil {
			return p, i, i + 2
		}
	}
	// "Ursula von der Leyen": a first name, particles and the surname.
	if k := particlesAt(text, toks, i+1); k > i+1 {
		for _, p := range idx.keysOf(toks[k].text).surGroup {
			for f := range p.first {
				if sameFirst(f, key) {
					return p, i, k + 1
				}
			}
		}
	}
	// A hyphenated first name and the surname ("Jean-Noël Barrot",
	// "Hans-Jürgen Papier"): one given name, not "Jean" and "Barrot".
	if i+2 < len(toks) && toks[i+1].upper && toks[i+2].upper && text[t.end:toks[i+1].start] == "-" && text[toks[i+1].end:toks[i+2].start] == " " {
		for _, p := range idx.keysOf(toks[i+2].text).surGroup {
			for f := range p.first {
				if sameFirst(f, key) {
					return p, i, i + 3
				}
			}
		}
	}
	// A first name followed by its surname: resolve at the surname.
	if i+1 < len(toks) && toks[i+1].upper {
		if group := idx.keysOf(toks[i+1].text).surGroup; group != nil && text[t.end:toks[i+1].start] == " " {
			for _, p := range group {
				for f := range p.first {
					if sameFirst(f, key) {
						return p, i, i + 2
					}
				}
			}
		}
	}
	if t.lex&lexStarter != 0 {
		return nil, 0, 0 // "In", "Then": not a name alone
	}
	if group := wk.surGroup; group != nil {
		if i > 0 && toks[i-1].lex2&lex2FemaleTitle != 0 { // femaleTitles
			// "Mrs. Kennedy": the woman of the family, not the man a bare
			// surname means.
			for _, p := range group {
				for t := range p.titles {
					if f := strings.Fields(t); femaleTitles[f[len(f)-1]] || strings.HasSuffix(t, "first lady") {
						return p, i, i + 1
					}
				}
			}
			return nil, 0, 0
		}
		p := dominant(group)
		if i > 0 && toks[i-1].lex2&lex2NameParticle != 0 && p.first[toks[i-1].text] > 0 && text[toks[i-1].end:t.start] == " " {
			return p, i - 1, i + 1 // "de Gaulle"
		}
		for n := 2; n >= 1; n-- { // "von der Leyen", "bin Salman"
			if from := i - n; from >= 0 && particlesAt(text, toks, from) == i && (from == 0 || toks[from-1].upper || text[toks[from-1].end:toks[from].start] == " ") {
				parts := make([]string, 0, n)
				for _, pt := range toks[from:i] {
					parts = append(parts, pt.text)
				}
				if p.middles[strings.Join(parts, " ")] > 0 {
					return p, from, i + 1
				}
			}
		}
		return p, i, i + 1
	}
	if p := wk.byFirst; p != nil {
		return p, i, i + 1
	}
	if p := wk.blend; p != nil {
		return p, i, i + 1
	}
	return nil, 0, 0
}

// nameParticles start a surname ("de Gaulle", "von der Leyen").
var nameParticles = setOf("de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "ter", "ten", "dos", "das", "le", "la")

// dominant is the person a bare surname means: a leader (a president or
// prime minister) before anyone else, then the one with most evidence.
func dominant(group []*person) *person {
	best := group[0]
	for _, p := range group[1:] {
		if pl, bl := p.isLeader(), best.isLeader(); pl != bl {
			if pl {
				best = p
			}
			continue
		}
		if p.evidence > best.evidence {
			best = p
		}
	}
	return best
}

func (p *person) isLeader() bool {
	if len(p.titles) == p.leaderAt {
		return p.leader // none (leaderAt 0) or as last counted
	}
	p.leader, p.leaderAt = false, len(p.titles)
	for t := range p.titles {
		for _, w := range strings.Fields(t) {
			if roleWords[w] {
				p.leader = true
				return true
			}
		}
	}
	return false
}

// titleReference resolves "the Russian leader", "the U.S. President" and
// titles used alone ("First Lady") starting at token i.
func (idx *actorIndex) titleReference(text string, toks []token, i int) (*person, int, int) {
	t := toks[i]
	if t.text == "the" && i+2 < len(toks) {
		j := i + 1
		dem, isDem := toks[j].text, toks[j].lex&lexDemonym != 0
		if dem == "u" && j+2 < len(toks) && toks[j+1].text == "s" {
			dem, isDem, j = "us", true, j+1
		}
		if dem == "american" {
			dem = "us"
		}
		if isDem && j+1 < len(toks) && toks[j+1].lex&lexRole != 0 {
			if p := idx.byRole[dem]; p != nil {
				return p, i + 1, j + 2
			}
		}
	}
	if t.upper && i+1 < len(toks) && toks[i+1].upper && idx.keysOf(t.text).titleFirst {
		if p := idx.byTitle[t.text+" "+toks[i+1].text]; p != nil && (i+2 >= len(toks) || !toks[i+2].upper) {
			return p, i, i + 2
		}
	}
	return nil, 0, 0
}

// roleReference resolves "the president said", "the leader" at token i
// (lower case, not "the president of…") to the last person of the article
// named with that role in a title.
func roleReference(toks []token, i int, lastRole map[string]*person) *person {
	if toks[i].text != "the" || i+1 >= len(toks) || toks[i+1].lex&lexRole == 0 {
		return nil
	}
	if i+2 < len(toks) && (toks[i+2].upper || toks[i+2].text == "of") {
		return nil
	}
	if toks[i+1].upper {
		if p := lastRole[strings.ToUpper(toks[i+1].text[:1])+toks[i+1].text[1:]]; p != nil {
			return p
		}
	}
	return lastRole[toks[i+1].text]
}

func (a *Actors) id(p *person, spell map[*person]*spelling) string {
	if id, ok := a.ids[p]; ok {
		return id
	}
	id := p.surname
	if group := a.index.groups[p.surname]; len(group) > 1 {
		id = topKeys(p.first, 1)[0] + " " + p.surname
	}
	a.ids[p] = id
	return id
}

func (a *Actors) name(p *person, spell map[*person]*spelling) string {
	if n, ok := a.names[p]; ok {
		return n
	}
	n := displayName(p, spell)
	a.names[p] = n
	return n
}

func displayName(p *person, spell map[*person]*spelling) string {
	if p.familyFirst && len(p.full) > 0 {
		return topKeys(p.full, 1)[0]
	}
	sp := spell[p]
	last := plainSpelling(p, sp.last, topKeys(sp.last, 1)[0])
	if len(sp.first) == 0 {
		return last
	}
	middle := " "
	if m := topKeys(sp.middle, 1); len(m) > 0 && strings.TrimSpace(m[0]) != "" && 2*sp.middle[m[0]] >= sp.middle[" "] {
		middle = m[0] // "Kim Jong Un", "Moon Jae-in"
	}
	return topKeys(sp.first, 1)[0] + middle + last
}

// topKeys returns the keys of m by count (then alphabetically); n <= 0
// means all.
func topKeys(m map[string]int, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	if n > 0 && len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

// editDistance is the Levenshtein distance between short words.
func editDistance(a, b string) int {
	if len(a) <= 32 && len(b) <= 32 && isASCII(a) && isASCII(b) {
		// Bytes are letters: the rows fit on the stack.
		var prev, cur [33]int
		return levenshtein([]byte(a), []byte(b), prev[:len(b)+1], cur[:len(b)+1])
	}
	ra, rb := []rune(a), []rune(b)
	return levenshtein(ra, rb, make([]int, len(rb)+1), make([]int, len(rb)+1))
}

// levenshtein is the edit distance between two sequences, computed in the
// two rows of len(b)+1 it is given.
func levenshtein[T byte | rune](a, b []T, prev, cur []int) int {
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// titlePhraseBefore returns where a capitalised title phrase ending just
// before token from starts ("Russian Foreign Minister", "President"), or -1.
func titlePhraseBefore(text string, toks []token, from int) int {
	k := from - 1
	if k < 0 || !toks[k].upper || toks[k].lex&lexPersonTitle == 0 || text[toks[k].end:toks[from].start] != " " {
		return -1
	}
	for k > 0 && (toks[k-1].upper || toks[k-1].text == "of") {
		gap := text[toks[k-1].end:toks[k].start]
		if lex := toks[k-1].lex; gap != " " && gap != "." && gap != ". " || lex&lexStarter != 0 || lex&lexRunStop != 0 && lex&lexDemonym == 0 {
			break
		}
		k--
	}
	for k < from-1 && toks[k].text == "of" {
		k++
	}
	return k
}

func countInto(m map[string]int, key string) map[string]int {
	if m == nil {
		m = map[string]int{}
	}
	m[key]++
	return m
}

// forBodySentences calls fn for every sentence that is not a heading, with
// its words, walking the stream once.
func forBodySentences(each ArticleStream, fn func(*AnalyzedSentence, []token)) error {
	return each(func(_ int, a *AnalyzedArticle) error {
		for si := range a.Sentences {
			if s := &a.Sentences[si]; !s.Heading {
				fn(s, s.words())
			}
		}
		return nil
	})
}

// chunks gathers many values in fixed-size blocks, then copies them once
// into a slice of the exact length: appending a million mentions to one
// slice would copy and reallocate it again and again.
type chunks[T any] struct {
	full [][]T
	cur  []T
	n    int
}

func (c *chunks[T]) add(v T) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]T, 0, 16<<min(len(c.full), 8)) // 16 to 4096
	}
	c.cur = append(c.cur, v)
	c.n++
}

// all returns the values in the order added (nil when none).
func (c *chunks[T]) all() []T {
	if c.n == 0 {
		return nil
	}
	if len(c.full) == 0 {
		return c.cur
	}
	out := make([]T, 0, c.n)
	for _, b := range c.full {
		out = append(out, b...)
	}
	return append(out, c.cur...)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
