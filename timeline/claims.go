package timeline

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Claim is a number or time a source states about the event.
type Claim struct {
	Quantity  string  // what is measured: "duration of talks", "time of arrival", "count of drones"
	Phase     string  // the phase it belongs to, "" when none
	Source    string  // source label
	File      string  // article file
	Article   int     // index in the analysed corpus
	Sentence  int     // index in the article
	Value     string  // as written ("nearly three hours")
	Unit      string  // "h" (hours), "time" (Unix seconds), "time of day" (hours since midnight, when the day is unknown), "count", "%", "km"
	Low, High float64 // the range the wording allows, in Unit
	Qualifier string  // nearly, about, more than, shortly before, …
	Expected  bool    // an expectation or plan, not a measurement
	Text      string  // the sentence
	// Time claims: who or what the time is about (the sentence's leading
	// name, folded: "xi" for "Xi's motorcade arrived…"; "" for "The two
	// leaders…"), and the range as a time of day where the event took
	// place, so that sources with and without a date compare.
	Subject             string
	ClockLow, ClockHigh time.Duration
	// Day is the weekday a time claim falls on, folded ("thursday"), from
	// its resolved time or, without one, the weekday the sentence, its
	// paragraph or the article's lede names; "" when unknown. Times on
	// different days are different events.
	Day string
	// Moment is what a time claim marks within its phase (MomentLanding,
	// MomentGreeting, …; "" when no event word is near): times of
	// different moments are not compared.
	Moment string
	// Zoned marks a time claim whose clock named its zone ("09:36 GMT")
	// and could not be put in the event's local time (the event's UTC
	// offset is unknown): ClockLow and ClockHigh are then in that zone,
	// and it is compared only with other zoned claims, as instants.
	Zoned bool
}

// Discrepancy is a quantity on which sources' claims cannot all be true.
type Discrepancy struct {
	Quantity string
	Phase    string
	Subject  string // time claims: whose time it is ("" for the leaders together)
	Moment   string // time claims: the moment timed ("" when unknown)
	Claims   []Claim
}

// clockQualifiers are the words before a clock time that widen it, longest
// first.
var clockQualifiers = []string{"shortly before", "just before", "shortly after", "just after", "soon after", "some time after",
	"approximately", "around", "about", "roughly", "before", "after", "by", "until"}

// clockQualifier returns the qualifier that ends the text before a clock
// time ("shortly before" in "arrived shortly before 11 a.m."), with an
// optional "at" between ("at about 11:15").
func clockQualifier(before string) string {
	t := strings.ToLower(strings.TrimSpace(before))
	for _, q := range clockQualifiers {
		if strings.HasSuffix(t, " "+q) || t == q {
			return q
		}
	}
	return ""
}

// clockRange is the span of times of day a clock time with a qualifier
// allows. A bare time on the hour may be rounded (±10 min), on a quarter
// hour less so (±5 min); "9:04" means 9:04.
func clockRange(at time.Duration, qual string) (time.Duration, time.Duration) {
	m := time.Minute
	switch qual {
	case "shortly before", "just before":
		return at - 30*m, at - m
	case "shortly after", "just after", "soon after":
		return at + m, at + 30*m
	case "some time after":
		return at + m, at + 45*m
	case "before", "by", "until":
		return at - 3*time.Hour, at
	case "after":
		return at, at + 3*time.Hour
	case "approximately", "around", "about", "roughly":
		// As far as the rounding the time shows: "about 4:15" is not
		// 4:30.
		switch min := int(at/m) % 60; {
		case min == 0:
			return at - 15*m, at + 15*m
		case min%15 == 0:
			return at - 10*m, at + 10*m
		}
		return at - 5*m, at + 5*m
	}
	switch min := int(at/m) % 60; {
	case min == 0:
		return at - 10*m, at + 10*m
	case min%15 == 0:
		return at - 5*m, at + 5*m
	}
	return at, at
}

// nameStarts are capitalised words that start a sentence without naming
// anyone.
var nameStarts = setOf("the", "a", "an", "at", "on", "in", "after", "before", "when", "as", "by", "shortly", "later", "then", "earlier", "about", "around", "his", "her", "their", "its", "this", "that", "both", "while", "during", "once", "just", "u", "s", "us",
	"but", "and", "so", "yet", "over", "from", "with", "for", "meanwhile", "afterwards", "afterward", "inside", "outside", "soon", "hours", "minutes", "moments", "days",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening", "night")

// compassWords make a demonym of the next word ("North Korean").
var compassWords = setOf("north", "south", "east", "west")

// extraDemonyms are demonyms isDemonym's suffixes miss.
var extraDemonyms = setOf("soviet", "russian", "icelandic", "israeli", "iraqi", "saudi", "pakistani", "afghan", "vietnamese", "emirati", "nordic", "korean", "american", "mexican", "german", "cuban", "african", "european")

func isDemonymToken(t token) bool {
	return t.lex&lexDemonym != 0 || extraDemonyms[t.text]
}

// leadingName returns the name the subject of a sentence holds, folded:
// "kim" for "Kim's black limousine pulled up", "trump" for "Mr. Trump
// landed". Function words, titles and days before it are skipped; a word
// opening the sentence counts only when the article capitalises it
// elsewhere (names holds such words; nil accepts any). A demonym
// ("The Chinese motorcade", "The North Korean convoy") names no one: ""
// as for "The two leaders…", where the subject is unknown.
func leadingName(toks []token, names *articleNames) string {
	for i := 0; i < len(toks) && i < 5; i++ {
		t := toks[i]
		switch {
		case t.lex2&lex2NameStart != 0 || t.lex&lexPersonTitle != 0 || t.lex&lexTitle != 0: // nameStarts
			continue
		case !t.upper:
			return "" // the subject's head noun: no name before it
		case t.lex2&lex2Compass != 0 && i+1 < len(toks) && isDemonymToken(toks[i+1]): // compassWords
			continue
		case isDemonymToken(t) && !(i+1 < len(toks) && toks[i+1].text == "s"):
			continue
		case i == 0 && names != nil && !names.has(t.text) && !(i+1 < len(toks) && toks[i+1].text == "s"):
			continue // a capitalised first word is a name when seen elsewhere, or possessive
		case isDesignation(toks, i):
			return "" // "the Russian leader's Il-96 aircraft": a model, not whose
		}
		return t.text
	}
	return ""
}

// articleNames is the set of words an article capitalises after the first
// word of a sentence: its names. It is gathered on the first question,
// into a map kept from article to article (a word is in the set when its
// stamp is the article's).
type articleNames struct {
	sents    []AnalyzedSentence
	gathered bool
	stamp    int32
	seen     wordMap[int32] // word -> stamp of the last article naming it
}

// reset makes the set the names of the article with sentences sents.
func (n *articleNames) reset(sents []AnalyzedSentence) {
	n.sents, n.gathered = sents, false
	n.stamp++
}

// has reports whether the article capitalises w (folded) in mid-sentence.
func (n *articleNames) has(w string) bool {
	if !n.gathered {
		n.gathered = true
		for si := range n.sents {
			toks := n.sents[si].words()
			for i := 1; i < len(toks); i++ {
				if toks[i].upper {
					n.seen.set(toks[i].text, n.stamp)
				}
			}
		}
	}
	return n.seen.value(w) == n.stamp
}

// exactSlack widens a value stated without a qualifier ("three hours"):
// reporters round, so 2 h 45 min and "three hours" do not contradict.
const exactSlack = 0.1

// FindClaims extracts duration, clock-time, count and distance claims from
// analysed articles, each tied to a phase and a quantity.
func (s *Schema) FindClaims(arts []AnalyzedArticle) []Claim {
	var out []Claim
	var names articleNames
	for ai, a := range arts {
		// The event's zone per article (the schema's, the article's event
		// day's, or one the article states), so that a store can keep each
		// article's claims as the whole corpus would give them.
		offset, offsetKnown := s.eventOffset(arts[ai : ai+1])
		names.reset(a.Sentences)
		days := sentenceWeekdays(a.Sentences)
		for si := range a.Sentences {
			sent := &a.Sentences[si]
			if sent.Heading {
				continue
			}
			toks := sent.words()
			base := Claim{Phase: sent.Phase, Source: a.Source, File: a.File, Article: ai, Sentence: sent.Index, Text: sent.Text}
			subject := leadingName(toks, &names)
			var hits []hit // the sentence's cues, found once a clock time needs them
			for _, tm := range sent.Times {
				switch tm.Kind {
				case TimeDuration:
					if isShift(toks, tm) {
						if c, ok := s.delayClaim(base, *sent, toks, tm); ok {
							out = append(out, c)
						}
						continue
					}
					if callDuration(a.Sentences, si, toks) {
						continue // how long a phone call took
					}
					phase, ok := s.durationSubject(*sent, toks, tm)
					if !ok {
						phase, ok = s.subjectDuration(toks, tm) // "The meeting, which …, lasted nearly three hours"
					}
					if !ok {
						phase, ok = s.pronounDuration(a.Sentences, si, toks, tm) // "The session … . It lasted four hours."
					}
					waiting := waitedFor(toks, tm)
					if !ok && !waiting && pressBefore(toks, tm) {
						// "appeared together before reporters for
						// about 12 minutes": the press appearance.
						phase = s.examplePhase("the press conference")
						ok = phase != ""
					}
					activity := activityDuration(toks, tm) // the noun just before the duration says what it measures
					if !ok && !waiting && activity == "" {
						continue
					}
					c := base
					c.Phase, c.Quantity = phase, "duration of "+phase
					if activity != "" && !waiting {
						c.Phase, c.Quantity = sent.Phase, "duration of "+activity // "a boat ride lasting about 40 minutes"
					}
					if waiting {
						// "waited on the tarmac for about 12 minutes":
						// how long someone waited, not the phase's length.
						c.Phase, c.Quantity = sent.Phase, "duration of waiting"
					}
					c.Value, c.Unit, c.Qualifier, c.Expected = tm.Text, "h", tm.Qualifier, tm.Expected
					c.Low, c.High = round3(tm.Low.Hours()), round3(tm.High.Hours())
					if tm.Expected {
						c.Qualifier = strings.TrimSpace(c.Qualifier + " expected")
					}
					out = append(out, c)
				case TimeClock:
					if elsewhereClock(sent.Text, tm) {
						continue // "it was nearly midnight in Berlin"
					}
					c := base
					if hits == nil {
						hits = s.matcher.find(toks, []hit{})
					}
					moment, _, named := s.clockMoment(toks, tm, hits)
					c.Moment = moment
					if named == "" && sent.Phase == "" && moment != "" && moment != MomentStart && moment != MomentEnd {
						named = s.momentPhase(moment)
					}
					switch {
					case named != "":
						// "where the first session opened at 12:45
						// p.m.": the time the talks began, whatever
						// the sentence is mostly about.
						c.Phase, c.Quantity = named, "time of "+named
					case sent.Phase != "":
						c.Quantity = "time of " + sent.Phase
					default:
						// No phase: what the subject did ("The leaders
						// emerged … at about 6:30 p.m." is the time they
						// emerged).
						v := predicateVerb(toks)
						if v == "" {
							continue
						}
						c.Quantity = "time " + v
					}
					c.Subject = subject
					c.Qualifier = clockQualifier(sent.Text[:tm.Start])
					c.Value = strings.TrimSpace(c.Qualifier + " " + tm.Text)
					c.ClockLow, c.ClockHigh = clockRange(tm.ClockOnly, c.Qualifier)
					c.Day = days[si]
					if tm.Resolved {
						c.Day = strings.ToLower(tm.Time.Weekday().String())
						c.Unit = "time"
						c.Low = float64(tm.Time.Add(c.ClockLow - tm.ClockOnly).Unix())
						c.High = float64(tm.Time.Add(c.ClockHigh - tm.ClockOnly).Unix())
						if tm.HasZone {
							// "09:36 GMT": in the event's local time
							// when its offset is known ("5:36 p.m."
							// there is the same instant).
							if offsetKnown {
								local := tm.Time.In(offset)
								at := time.Duration(local.Hour())*time.Hour + time.Duration(local.Minute())*time.Minute
								c.ClockLow, c.ClockHigh = c.ClockLow-tm.ClockOnly+at, c.ClockHigh-tm.ClockOnly+at
								c.Day = strings.ToLower(local.Weekday().String())
								if a.EventDate.IsZero() && s.Event.Date == "" && !namesDay(sent.Times) && !dayStatedApart(a.Sentences, si) {
									// "landed at 21:35 Moscow time" in a
									// report dated the next day: the day
									// was the publication's, not the
									// event's; keep the weekday the text
									// names.
									c.Day = days[si]
								}
							} else {
								c.Zoned = true
							}
						}
					} else {
						c.Unit = "time of day"
						if tm.HasZone { // "7 a.m. EST" in a report whose day is unknown
							c.ClockLow, c.ClockHigh, c.Zoned = localClockOfDay(tm.Text, c.ClockLow, c.ClockHigh, offset, offsetKnown)
						}
						c.Low, c.High = round3(c.ClockLow.Hours()), round3(c.ClockHigh.Hours())
					}
					if tm.Expected {
						// "a ceremony scheduled for 2:05 p.m.": a plan.
						c.Expected = true
						c.Qualifier = strings.TrimSpace(c.Qualifier + " expected")
					}
					out = append(out, c)
				}
			}
			for _, c := range countClaims(base, sent.Text, toks, sent.Times) {
				if !lengthCount(c) { // "three metres": a length
					out = append(out, c)
				}
			}
			out = append(out, heightClaims(base, sent.Text, toks)...)
			out = append(out, vagueCountClaims(base, sent.Text, toks)...)
			out = append(out, distanceClaims(base, sent.Text, toks, subject)...)
			out = append(out, moneyClaims(base, sent.Text, toks)...)
		}
	}
	return out
}

// sentenceWeekdays returns for each sentence the weekday its clock times
// fall on by name (folded), for articles whose days are not resolved: the
// weekday the sentence names, else the last one named earlier in its
// paragraph, else the first one the lede names.
func sentenceWeekdays(sents []AnalyzedSentence) []string {
	out := make([]string, len(sents))
	lede, seen := "", 0
	for _, s := range sents {
		if s.Heading {
			continue
		}
		if seen++; seen > ledeSentences || lede != "" {
			break
		}
		for _, tm := range s.Times {
			if tm.Kind == TimeWeekday {
				lede = weekdayName(tm.Text)
				break
			}
		}
	}
	carried, para := "", -1
	for i, s := range sents {
		if s.Paragraph != para || s.Heading {
			carried, para = "", s.Paragraph
		}
		for _, tm := range s.Times {
			if tm.Kind == TimeWeekday && !plannedWeekday(s.Text, tm) {
				carried = weekdayName(tm.Text)
			}
		}
		out[i] = carried
		if out[i] == "" {
			out[i] = lede
		}
	}
	return out
}

// weekdayName folds "Thursday's" to "thursday".
func weekdayName(s string) string {
	s = strings.ToLower(s)
	if i := strings.IndexAny(s, "'’"); i > 0 {
		s = s[:i]
	}
	return s
}

// irregularPast are past tenses predicateVerb knows besides those in -ed.
var irregularPast = setOf("left", "met", "went", "came", "took", "flew", "drove", "rode", "sat", "began", "spoke", "held", "gave", "made", "stood", "ran", "swept", "sped", "shook", "got", "led", "broke", "rose", "stole")

// predicateVerb returns the verb of a sentence's main clause when it comes
// early ("emerged" in "The leaders emerged from Hofdi House at about
// 6:30 p.m."): the first past tense among its first eight words, after
// the subject.
func predicateVerb(toks []token) string {
	for i := 1; i < len(toks) && i < 8; i++ {
		w := toks[i].text
		if toks[i].upper || toks[i-1].text == "the" || toks[i-1].text == "a" || toks[i-1].text == "an" {
			continue
		}
		if irregularPast[w] || len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") {
			return w
		}
	}
	return ""
}

// spanWords before a duration make it how long something went on ("met
// for nearly three hours", "spent nearly 11 hours together").
var spanWords = setOf("for", "spent", "spend", "spending", "lasted", "lasting", "lasts", "last", "ran", "took", "taking", "over")

// travelWords near a duration make it the length of a journey, not of a
// phase of the event.
var travelWords = setOf("motorcade", "convoy", "carried", "drove", "journey", "journeys", "trip", "flight", "flights", "flew", "fly", "flying", "flown", "drive", "drove", "driven", "driving", "ride", "rode", "train", "plane", "car", "road", "voyage", "travel", "travelled", "traveled", "travelling", "traveling", "trek", "crossing", "sailed", "sailing", "route")

// shiftWords after a duration make it an offset from another time ("two
// hours later", "an hour early"), not a length.
var shiftWords = setOf("later", "earlier", "early", "late", "ago", "before", "after", "behind", "ahead", "beforehand", "afterwards", "afterward", "sooner")

// tokenSpan returns the indices of the first and last tokens inside
// [start, end), or -1, -1.
func tokenSpan(toks []token, start, end int) (int, int) {
	first, last := -1, -1
	for k, t := range toks {
		if int(t.start) >= start && int(t.end) <= end {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	return first, last
}

// isShift reports whether a duration is a shift or an offset rather than
// the length of something: "moved up his press conference by two hours",
// "two hours later", "within minutes".
func isShift(toks []token, tm TimeMention) bool {
	first, last := tokenSpan(toks, tm.Start, tm.End)
	if first < 0 {
		return false
	}
	if first > 0 && (toks[first-1].text == "by" || toks[first-1].text == "within") {
		return true
	}
	if first > 0 && spanWords[toks[first-1].text] {
		return false // "met for 45 minutes before their advisers joined"
	}
	return last+1 < len(toks) && shiftWords[toks[last+1].text]
}

// nearWord reports whether a word of set is within n tokens of [first,
// last].
func nearWord(toks []token, first, last, n int, set map[string]bool) bool {
	for k := max(0, first-n); k < len(toks) && k <= last+n; k++ {
		if set[toks[k].text] {
			return true
		}
	}
	return false
}

// durationSubject returns the phase a duration measures: the phase named by
// the nearest anchor ("three-hour talks", "the press conference lasted an
// hour") or event term ("a tête-à-tête that lasted about 40 minutes" is the
// event's own phase, the talks). Without either, a duration of something
// going on ("met behind closed doors for nearly three hours", "the two men
// spent nearly 11 hours together") measures the sentence's phase, or the
// event when the sentence is about the principals.
func (s *Schema) durationSubject(sent AnalyzedSentence, toks []token, tm TimeMention) (string, bool) {
	first, last := tokenSpan(toks, tm.Start, tm.End)
	if first < 0 {
		return "", false
	}
	travel := nearWord(toks, first, last, 3, travelWords)
	hits := s.matcher.find(toks, nil)
	best, bestDist := "", 1<<30
	principals := false
	for _, h := range hits {
		if h.cue.kind == kindPrincipal {
			principals = true
		}
		if h.cue.kind != kindAnchor && h.cue.kind != kindEvent {
			continue
		}
		d := h.distance(first, last)
		if d > 10 {
			continue
		}
		if h.cue.kind == kindEvent {
			if travel {
				continue // "a 12-hour trip"
			}
			d += 2 // an anchor names its phase; an event term only the event
		}
		if d >= bestDist {
			continue
		}
		phase := s.EventPhase
		if h.cue.kind == kindAnchor {
			phase = s.Phases[h.cue.target].ID
		} else if phase == "" {
			phase = sent.Phase
		}
		if phase != "" {
			best, bestDist = phase, d
		}
	}
	if best != "" {
		return best, true
	}
	span := false
	for k := max(0, first-3); k < first; k++ {
		span = span || spanWords[toks[k].text]
	}
	if travel || !span {
		return "", false
	}
	if p := s.phaseByID(sent.Phase); p != nil && p.Principals {
		return sent.Phase, true
	}
	if sent.Phase == "" && principals && s.EventPhase != "" {
		return s.EventPhase, true
	}
	return "", false
}

// phaseByID returns the phase with the id, or nil.
func (s *Schema) phaseByID(id string) *Phase {
	for i := range s.Phases {
		if s.Phases[i].ID == id {
			return &s.Phases[i]
		}
	}
	return nil
}

// countNouns that are units or times rather than things counted.
var notCounted = setOf("hour", "minute", "day", "week", "month", "year", "hours", "minutes", "days", "weeks", "months", "years", "times", "seconds", "points", "percent", "am", "pm", "ones", "others", "sides")

var amountWords = map[string]float64{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozens": 24, "hundreds": 200,
	"thousands": 2000, "million": 1e6, "millions": 2e6}

// irregularPlurals are counted nouns without the -s.
var irregularPlurals = setOf("men", "women", "people", "children", "police", "personnel", "staff", "crew")

// countSynonyms fold counted nouns that name the same people: "3,000
// journalists" and "2,000 reporters" count the same crowd.
var countSynonyms = map[string]string{"reporters": "journalists", "correspondents": "journalists", "newsmen": "journalists",
	"newspeople": "journalists", "newspapermen": "journalists", "journalists": "journalists",
	"soldiers": "troops", "troops": "troops",
	"rockets": "missiles", "missiles": "missiles",
	"people": "people", "persons": "people"}

// signedThings are what leaders sign: counted as one thing when the
// sentence is about signing.
var signedThings = setOf("agreements", "deals", "documents", "accords", "contracts", "memorandums", "memoranda", "treaties", "pacts")

var signWords = setOf("sign", "signed", "signing", "signs", "inked", "concluded")

// crowdWords before "of" and a number make it a count of people ("a
// crowd of 20,000").
var crowdWords = setOf("crowd", "crowds", "throng", "throngs", "gathering", "audience")

// peopleNouns count people however a source names them: "50,000
// Viennese", "100,000 spectators", "some 2,000 onlookers".
var peopleNouns = setOf("people", "persons", "residents", "spectators", "onlookers", "bystanders", "inhabitants", "citizens",
	"townspeople", "locals", "well-wishers", "wellwishers", "supporters", "demonstrators", "protesters", "protestors", "fans", "admirers", "villagers", "viewers")

// isPeopleNoun reports whether the word after a number counts people: a
// people noun, or a demonym used as a noun ("Some 50,000 Viennese
// stood") — not one before a noun ("29 Ukrainian drones"), which the
// caller's next word tells.
func isPeopleNoun(toks []token, k int) bool {
	t := toks[k]
	if peopleNouns[t.text] {
		return true
	}
	sing := strings.TrimSuffix(t.text, "s")
	if !t.upper || !(isDemonymToken(t) || isDemonym(t.text) || sing != t.text && (isDemonym(sing) || strings.HasSuffix(sing, "an"))) {
		return false
	}
	if k+1 < len(toks) {
		n := toks[k+1]
		if n.upper || irregularPlurals[n.text] || peopleNouns[n.text] || len(n.text) > 3 && strings.HasSuffix(n.text, "s") && !strings.HasSuffix(n.text, "ss") && n.text != "were" {
			return false // "29 Ukrainian drones", "3 Chinese officials"
		}
	}
	return true
}

// inTimeMention reports whether [start, end) lies inside a clock time or
// date of the sentence.
func inTimeMention(times []TimeMention, start, end int) bool {
	for _, tm := range times {
		if (tm.Kind == TimeClock || tm.Kind == TimeDate) && start >= tm.Start && end <= tm.End {
			return true
		}
	}
	return false
}

// distanceUnits are the units distanceClaims reads, in kilometres.
var distanceUnits = map[string]float64{"km": 1, "kms": 1, "kilometres": 1, "kilometers": 1, "kilometre": 1, "kilometer": 1, "miles": 1.609344, "mile": 1.609344}

// legWords before a distance make it part of a journey ("the last 170 km").
var legWords = setOf("last", "first", "final", "remaining", "another", "extra", "further", "additional", "next")

// amountAt reads the number at toks[i], joining thousands groups ("3,000",
// "240,000"): its value and the index of its last token.
func amountAt(text string, toks []token, i int) (float64, int, bool) {
	v, ok := tokenAmount(&toks[i])
	if !ok {
		return 0, i, false
	}
	last := i
	for last+1 < len(toks) && isDigits(toks[last].text) && int(toks[last].end) < len(text) && text[toks[last].end] == ',' &&
		toks[last+1].start == toks[last].end+1 && len(toks[last+1].text) == 3 && isDigits(toks[last+1].text) && (last > i || len(toks[i].text) <= 3) {
		g, _ := strconv.Atoi(toks[last+1].text)
		v = v*1000 + float64(g)
		last++
	}
	return v, last, true
}

func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) {
			return false
		}
	}
	return w != ""
}

// countClaims finds "29 Ukrainian drones", "more than a million people",
// "50% tariff", "More than 3,000 journalists". A count is keyed by its
// head noun ("59 Tomahawk cruise missiles" and "60 Tomahawk missiles" are
// both the count of missiles), folded with its synonyms.
func countClaims(base Claim, text string, toks []token, times []TimeMention) []Claim {
	var out []Claim
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		v, last, ok := amountAt(text, toks, i)
		if !ok || designationNumber(text, toks, i) {
			continue // "F-35": a model, not 35 of anything
		}
		next := i
		i = last // the thousands groups are read
		// Years, clock times and list numbers are not counts; nor is a
		// number that is part of a time expression ("12:50 GMT – The
		// talks are over": not 50 talks).
		if last == next && v >= 1900 && v <= 2100 || int(t.end) < len(text) && (text[t.end] == ':' || text[t.end] == '.') && last+1 < len(toks) && isAmountToken(&toks[last+1]) ||
			inTimeMention(times, int(t.start), int(toks[last].end)) || t.start > 0 && (text[t.start-1] == ':' || text[t.start-1] == '.') && t.start > 1 && isDigitByte(text[t.start-2]) {
			continue
		}
		if quotedAmount(text, int(t.start), int(toks[last].end)) {
			continue // "whether Trump's “10” survives": a quoted number, no count
		}
		from := next // where the amount's words start
		if t.text == "million" && next > 0 && toks[next-1].text == "a" {
			v, from = 1e6, next-1 // "more than a million people"
		}
		if v == 2 && next > 0 && (toks[next-1].text == "the" || toks[next-1].text == "both") {
			continue // "the two men": a pair already known, not a count
		}
		end := int(toks[last].end)
		qual := qualifierBefore(toks, from)
		if end < len(text) && strings.HasPrefix(text[end:], "%") || last+1 < len(toks) && toks[last+1].text == "percent" {
			noun := ""
			for k := last + 1; k < len(toks) && k <= last+4; k++ {
				if toks[k].text != "percent" && toks[k].text != "of" && toks[k].text != "the" && toks[k].text != "a" {
					noun = toks[k].text
					break
				}
			}
			c := base
			c.Quantity, c.Unit, c.Value, c.Qualifier = "percent "+noun, "%", strings.TrimSpace(text[toks[max(0, next-len(strings.Fields(qual)))].start:end]+"%"), qual
			c.Low, c.High = rangeFor(v, qual)
			out = append(out, c)
			continue
		}
		// "a crowd of 20,000", "Some 50,000 Viennese", "100,000
		// spectators": people.
		crowd := from >= 2 && toks[from-1].text == "of" && crowdWords[toks[from-2].text]
		if crowd || last+1 < len(toks) && isPeopleNoun(toks, last+1) {
			c := base
			end := toks[last].end
			if !crowd {
				end = toks[last+1].end
			}
			c.Quantity, c.Unit, c.Qualifier = "count of people", "count", qual
			c.Value = text[toks[max(0, from-len(strings.Fields(qual)))].start:end]
			c.Low, c.High = rangeFor(v, qual)
			out = append(out, c)
			continue
		}
		// The counted noun: a plural within three words ("29 Ukrainian
		// drones"), not a name ("11 United Nations resolutions").
		for k, limit := last+1, last+3; k < len(toks) && k <= limit; k++ {
			if isDesignation(toks, k) && text[toks[k].end] == '-' {
				k, limit = k+1, limit+2 // "four F-35 fighter jets"
				continue
			}
			w := toks[k].text
			if w == "of" && k+1 < len(toks) {
				if _, isNum := tokenAmount(&toks[k+1]); isNum {
					break // "61 of 85 drones": the 85 is the count
				}
			}
			if distanceUnits[w] != 0 {
				break // distanceClaims
			}
			plural := irregularPlurals[w] || strings.HasSuffix(w, "s") && len(w) > 3 && toks[k].lex&lexNotCounted == 0 && !strings.HasSuffix(w, "ss")
			if plural && toks[k].upper {
				break // a name: "11 United Nations"
			}
			if plural {
				noun := w
				if syn, ok := countSynonyms[w]; ok {
					noun = syn
				}
				if signedThings[w] && nearWord(toks, 0, len(toks)-1, 0, signWords) {
					noun = "agreements" // "sign more than 80 documents", "signed 68 deals"
				}
				c := base
				c.Quantity = "count of " + noun
				c.Unit, c.Value, c.Qualifier = "count", text[toks[max(0, from-len(strings.Fields(qual)))].start:toks[k].end], qual
				c.Low, c.High = rangeFor(v, qual)
				out = append(out, c)
				break
			}
			if toks[k].lex&lexNotCounted != 0 || k == last+1 && strings.HasSuffix(w, "s") == false && notCounted[w+"s"] ||
				!toks[k].upper && len(w) > 4 && strings.HasSuffix(w, "ed") && text[toks[k].start-1] != '-' || irregularPast[w] {
				break // a unit, or a verb: "the two men shook hands"
			}
		}
	}
	return out
}

// distanceClaims finds the length of journeys: "had travelled some 4,000
// km by armoured train", "a journey of … roughly 4,500 km". Distances in a
// sentence without travel are places ("50 km from the border"), not
// claims; a leg ("the last 170 km") is part of a journey. The subject
// keeps apart whose journey it is.
func distanceClaims(base Claim, text string, toks []token, subject string) []Claim {
	var out []Claim
	travel := false
	for k := range toks {
		if toks[k].lex&lexTravel != 0 { // travelWords
			travel = true
			break
		}
	}
	if !travel {
		return nil
	}
	for i := 0; i < len(toks); i++ {
		v, last, ok := amountAt(text, toks, i)
		if !ok {
			continue
		}
		first := i
		i = last
		if last+1 >= len(toks) || distanceUnits[toks[last+1].text] == 0 {
			continue
		}
		qual := qualifierBefore(toks, first)
		before := first - len(strings.Fields(qual)) - 1
		if before >= 0 && legWords[toks[before].text] {
			continue
		}
		c := base
		c.Quantity, c.Subject, c.Unit, c.Qualifier = "distance of journey", subject, "km", qual
		c.Value = text[toks[max(0, first-len(strings.Fields(qual)))].start:toks[last+1].end]
		c.Low, c.High = distanceRange(v*distanceUnits[toks[last+1].text], qual)
		c.Low, c.High = round3(c.Low), round3(c.High)
		out = append(out, c)
	}
	return out
}

// distanceRange is rangeFor for distances, which sources state from maps
// and schedules: "some 4,000 km" is within 5%.
func distanceRange(v float64, qual string) (float64, float64) {
	switch qual {
	case "about", "around", "roughly", "approximately", "some":
		return v * 0.95, v * 1.05
	case "nearly", "almost", "just under", "close to":
		return v * 0.93, v
	case "more than", "over", "at least", "just over":
		return v, v * 1.25
	}
	return rangeFor(v, qual)
}

func isAmountToken(t *token) bool { _, ok := tokenAmount(t); return ok }

// tokenAmount is amountOf(t.text), skipping the look-up for words that are
// not amounts.
func tokenAmount(t *token) (float64, bool) {
	if t.text != "" && (t.text[0] < '0' || t.text[0] > '9') && t.lex&lexAmount == 0 {
		return 0, false
	}
	return amountOf(t.text)
}

func amountOf(w string) (float64, bool) {
	if w == "" {
		return 0, false
	}
	if w[0] >= '0' && w[0] <= '9' {
		v, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
		return v, err == nil
	}
	v, ok := amountWords[w]
	return v, ok
}

func qualifierBefore(toks []token, i int) string {
	if i >= 2 {
		two := toks[i-2].text + " " + toks[i-1].text
		switch two {
		case "more than", "less than", "fewer than", "at least", "up to", "just over", "just under", "close to", "upwards of", "well over":
			return two
		}
	}
	if i >= 1 {
		switch toks[i-1].text {
		case "nearly", "almost", "about", "around", "roughly", "approximately", "some", "over", "under":
			return toks[i-1].text
		}
	}
	return ""
}

func rangeFor(v float64, qual string) (float64, float64) {
	switch qual {
	case "nearly", "almost", "just under", "close to":
		return tidy(v * 0.9), v
	case "less than", "fewer than", "under", "up to":
		return 0, v
	case "about", "around", "roughly", "approximately", "some":
		return tidy(v * 0.9), tidy(v * 1.1)
	case "more than", "over", "at least", "just over", "upwards of", "well over":
		return v, tidy(v * 1.5)
	}
	return v, v
}

// FindDiscrepancies groups claims by quantity and keeps the
// groups whose claims, from two or more sources, cannot all be true.
// Claims about different subjects ("xi", "trump") are kept apart; a claim
// whose subject is unknown ("The Chinese motorcade…", "The leaders…") is
// compared with each. Expectations are shown but never contradict a
// measurement.
func FindDiscrepancies(claims []Claim) []Discrepancy {
	claims = localizeZoned(claims) // "3pm GMT" at the event's offset, when the corpus shows it
	groups := map[string][]Claim{}
	var keys []string
	for _, c := range claims {
		k := c.Quantity // a duration's or time's quantity names its phase
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], c)
	}
	sort.Strings(keys)
	var out []Discrepancy
	for _, k := range keys {
		cs := groups[k]
		for _, byDay := range splitByKey(cs, func(c Claim) string { return c.Day }) {
			for _, sub := range splitByKey(byDay, func(c Claim) string { return c.Subject }) {
				for _, mom := range splitByKey(sub, func(c Claim) string { return c.Moment }) {
					for _, lane := range splitByKey(mom, zoneLane) {
						if d, ok := discrepancy(lane); ok {
							out = append(out, d)
						}
					}
				}
			}
		}
	}
	return out
}

// roundingQualifiers make a stated amount a rounding of the true one.
var roundingQualifiers = setOf("about", "around", "roughly", "approximately", "some")

// splitByKey splits claims by a key, a claim with an empty key going with
// every group; claims with at most one key stay together.
func splitByKey(cs []Claim, key func(Claim) string) [][]Claim {
	var keys []string
	seen := map[string]bool{}
	for _, c := range cs {
		if k := key(c); k != "" && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	if len(keys) <= 1 {
		return [][]Claim{cs}
	}
	sort.Strings(keys)
	out := make([][]Claim, 0, len(keys))
	for _, k := range keys {
		var sub []Claim
		for _, c := range cs {
			if kc := key(c); kc == k || kc == "" {
				sub = append(sub, c)
			}
		}
		out = append(out, sub)
	}
	return out
}

// discrepancy reports whether claims, from two or more sources, cannot all
// be true.
func discrepancy(cs []Claim) (Discrepancy, bool) {
	sources := map[string]bool{}
	lo, hi := math.Inf(-1), math.Inf(1)
	openHigh := false // hi is the open end of a rounding ("about 11 hours" is below 11.5)
	subject, moment := "", ""
	instants := true // zoned time claims compare as instants
	for _, c := range cs {
		instants = instants && c.Zoned && c.Unit == "time"
	}
	for _, c := range cs {
		if c.Subject != "" {
			subject = c.Subject
		}
		if c.Moment != "" {
			moment = c.Moment
		}
		if c.Expected {
			continue
		}
		sources[c.Source] = true
		l, h := c.Low, c.High
		switch {
		case instants:
			// Low and High are Unix seconds.
		case c.Unit == "time" || c.Unit == "time of day":
			// Compared as times of day at the event (a source without
			// a date still has its clock).
			l, h = c.ClockLow.Seconds(), c.ClockHigh.Seconds()
		case c.Unit == "count" && c.Qualifier == "" && l == h && l < 100:
			// "59 missiles" and "60 missiles": small counts are exact.
		case c.Unit == "h" && c.Qualifier == "" && l == h && int(math.Round(l*60))%5 != 0:
			// "three hours and 12 minutes": stated to the minute.
			l, h = l-1.0/60, h+1.0/60
		case c.Qualifier == "" && l == h:
			l, h = l*(1-exactSlack), h*(1+exactSlack)
		}
		lo = math.Max(lo, l)
		if h < hi {
			hi, openHigh = h, c.Unit == "h" && roundingQualifiers[c.Qualifier]
		}
	}
	if len(sources) < 2 || lo < hi || lo == hi && !openHigh {
		return Discrepancy{}, false
	}
	return Discrepancy{Quantity: cs[0].Quantity, Phase: cs[0].Phase, Subject: subject, Moment: moment, Claims: cs}, true
}

// Describe renders a claim's value for people ("2.76–3 h").
func (c Claim) Describe() string {
	switch c.Unit {
	case "time":
		return time.Unix(int64(c.Low), 0).UTC().Format("15:04 UTC")
	case "time of day":
		return fmt.Sprintf("%02d:%02d", int(c.ClockLow.Hours()), int(c.ClockLow.Minutes())%60)
	case "h":
		if c.Low == c.High {
			return fmt.Sprintf("%g h", c.Low)
		}
		return fmt.Sprintf("%g–%g h", c.Low, c.High)
	}
	if c.Low == c.High {
		return fmt.Sprintf("%g %s", tidy(c.Low), c.Unit)
	}
	return fmt.Sprintf("%g–%g %s", tidy(c.Low), tidy(c.High), c.Unit)
}

// delayWords after a duration make it how late something was ("nearly
// three hours behind schedule", "almost three hours late", "two hours
// later than planned").
var delayWords = setOf("late", "behind", "later", "delayed", "overdue")

// delayClaim reads a delay: a shift that says how late a phase of the
// event ran ("arrived nearly three hours behind schedule", "was delayed
// by two hours"). A delay is its own quantity, not the phase's length.
func (s *Schema) delayClaim(base Claim, sent AnalyzedSentence, toks []token, tm TimeMention) (Claim, bool) {
	first, last := tokenSpan(toks, tm.Start, tm.End)
	if first < 0 {
		return Claim{}, false
	}
	delay := false
	if last+1 < len(toks) {
		switch w := toks[last+1].text; {
		case w == "late" || w == "overdue":
			delay = true
		case w == "behind":
			delay = last+2 < len(toks) && (toks[last+2].text == "schedule" || toks[last+2].text == "time")
		case w == "later":
			// "two hours later than planned", not "two hours later, …"
			delay = last+2 < len(toks) && toks[last+2].text == "than"
		}
	}
	if first >= 2 && toks[first-1].text == "by" && (toks[first-2].text == "delayed" || toks[first-2].text == "late" || toks[first-2].text == "postponed") {
		delay = true
	}
	if !delay {
		return Claim{}, false
	}
	phase := sent.Phase
	c := base
	c.Phase, c.Quantity = phase, "delay"
	if phase != "" {
		c.Quantity = "delay of " + phase
	}
	c.Value, c.Unit, c.Qualifier = tm.Text, "h", tm.Qualifier
	c.Low, c.High = round3(tm.Low.Hours()), round3(tm.High.Hours())
	return c, true
}

// currencies by their signs, codes and words.
var currencyNames = map[string]string{"$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD", "dollar": "USD",
	"€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP",
	"¥": "JPY", "jpy": "JPY", "yen": "JPY", "yuan": "CNY", "cny": "CNY", "rmb": "CNY", "renminbi": "CNY",
	"rubles": "RUB", "roubles": "RUB", "rub": "RUB", "won": "KRW", "rupees": "INR"}

var moneyMultipliers = map[string]float64{"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}

var moneyRe = regexp.MustCompile(`(?i)(?:\b(about|around|roughly|approximately|some|nearly|almost|more than|over|up to|upwards of|at least|close to)\s+)?` +
	`(?:(US\$|\$|€|£|¥)\s?(\d[\d,]*(?:\.\d+)?)(?:\s*(billion|million|trillion|thousand|bn|mn|mln|tn|m|b)\b)?|` +
	`\b(\d[\d,]*(?:\.\d+)?)\s*(billion|million|trillion|thousand|bn|mn)?\s*(yen|dollars|euros|pounds|rubles|roubles|yuan|renminbi|won|rupees|USD|EUR|GBP|JPY|CNY|RUB)\b)`)

// moneyClaims finds sums of money: "worth about $3bn", "about 300 billion
// yen ($2.5 billion)". A parenthesised conversion is the same claim in
// another currency; sums compare only in one currency. toks are the
// text's tokens.
func moneyClaims(base Claim, text string, toks []token) []Claim {
	if !containsASCIIDigit(text) { // a sum has figures (the tests below are dearer)
		return nil
	}
	if !containsCurrencySign(text) && !containsFoldASCII(text, "yen") && !containsCurrencyWord(toks) {
		return nil
	}
	var out []Claim
	ms := moneyRe.FindAllStringSubmatchIndex(text, -1)
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		value := text[m[0]:m[1]]
		// "($2.5 billion)" right after: a conversion of this sum.
		var conv []int
		if i+1 < len(ms) {
			between := text[m[1]:ms[i+1][0]]
			if strings.TrimSpace(between) == "(" {
				conv = ms[i+1]
				end := ms[i+1][1]
				if end < len(text) && text[end] == ')' {
					end++
				}
				value = text[m[0]:end]
				i++
			}
		}
		qual := ""
		for _, mm := range [][]int{m, conv} {
			if mm == nil {
				continue
			}
			c, ok := moneyClaim(base, text, mm, qual)
			if !ok {
				continue
			}
			qual = c.Qualifier // the conversion is as approximate as the sum
			c.Value = value
			out = append(out, c)
		}
	}
	return out
}

// containsCurrencySign is strings.ContainsAny(text, "$€£¥"): a search per
// sign is far quicker than ContainsAny's rune by rune walk.
func containsCurrencySign(text string) bool {
	return strings.IndexByte(text, '$') >= 0 || strings.Contains(text, "€") || strings.Contains(text, "£") || strings.Contains(text, "¥")
}

// containsCurrencyWord reports whether a text's tokens name a currency.
func containsCurrencyWord(toks []token) bool {
	for _, t := range toks {
		if len(t.text) > 1 && currencyNames[t.text] != "" {
			return true
		}
	}
	return false
}

func moneyClaim(base Claim, text string, m []int, qual string) (Claim, bool) {
	if q := strings.ToLower(group(text, m, 1)); q != "" {
		qual = q
	}
	cur, num, mult := group(text, m, 2), group(text, m, 3), group(text, m, 4)
	if cur == "" {
		num, mult, cur = group(text, m, 5), group(text, m, 6), group(text, m, 7)
	}
	code := currencyNames[strings.ToLower(cur)]
	v, err := strconv.ParseFloat(strings.ReplaceAll(num, ",", ""), 64)
	if code == "" || err != nil {
		return Claim{}, false
	}
	if f, ok := moneyMultipliers[strings.ToLower(mult)]; ok {
		v *= f
	}
	c := base
	c.Quantity, c.Unit, c.Qualifier = "money in "+code, "money "+code, qual
	c.Low, c.High = distanceRange(v, qual) // sums are stated from documents: "about" is within 5%
	return c, true
}

// quotedAmount reports whether the number in text[start:end] stands alone
// between quotation marks ("Trump's “10”", "a «10»").
func quotedAmount(text string, start, end int) bool {
	if start == 0 || end >= len(text) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return strings.ContainsRune("\"“‘'«„", before) && strings.ContainsRune("\"”’'»“", after)
}
