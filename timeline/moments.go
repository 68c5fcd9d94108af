package timeline

// Moments: what a clock time marks. A phase holds several moments (the
// arrival has the plane landing, the car reaching the venue, the hosts'
// greeting), and sources that time different moments of one phase do not
// contradict each other. The moment of a clock time is read from the event
// verb or noun nearest to it.

// Moment classes.
const (
	MomentLanding   = "landing"   // landed, touched down, arrived at the airport
	MomentVenue     = "venue"     // reached, pulled up at, arrived at the hotel
	MomentGreeting  = "greeting"  // greeted, shook hands, welcomed, the handshake
	MomentStart     = "start"     // began, opened, started, resumed
	MomentEnd       = "end"       // ended, concluded, was over, wrapped up
	MomentDeparture = "departure" // left, took off, departed, flew out
)

// momentPhrase is a phrase (folded words) that marks a moment.
type momentPhrase struct {
	words []string
	class string
}

// momentPhrases by first word, longest first.
var momentPhrases = func() map[string][]momentPhrase {
	table := []struct {
		class   string
		phrases []string
	}{
		{MomentLanding, []string{"landed", "lands", "land", "landing", "touched down", "touches down", "touching down", "touchdown",
			"flew in", "flies in", "flown in", "wheels down", "taxied"}},
		{MomentVenue, []string{"reached", "reaches", "reaching", "pulled up", "pulls up", "pulled into", "pulls into", "pulled in",
			"drew up", "draws up", "rolled up", "rolled into", "drove up", "drove into", "swept into", "swept up"}},
		{MomentGreeting, []string{"greeted", "greets", "greet", "greeting", "welcomed", "welcomes", "shook hands", "shake hands",
			"shakes hands", "shaking hands", "handshake", "clasped hands", "clasp hands", "clasping hands", "embraced", "hugged"}},
		{MomentStart, []string{"began", "begins", "begin", "beginning", "started", "starts", "start", "opened", "opens",
			"got under way", "got underway", "kicked off", "resumed", "resumes", "convened", "reconvened", "sat down"}},
		{MomentEnd, []string{"ended", "ends", "concluded", "concludes", "finished", "finishes", "wrapped up", "broke up",
			"adjourned", "is over", "are over", "was over", "were over", "closed"}},
		{MomentDeparture, []string{"left", "leaves", "departed", "departs", "departure", "took off", "takes off", "taking off",
			"flew out", "flies out", "jetted out", "flew home", "lifted off", "wheels up", "set off", "headed home"}},
	}
	m := map[string][]momentPhrase{}
	for _, row := range table {
		for _, p := range row.phrases {
			var words []string
			for _, t := range tokenize(p) {
				words = append(words, t.text)
			}
			m[words[0]] = append(m[words[0]], momentPhrase{words, row.class})
		}
	}
	for k, ps := range m {
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
		m[k] = ps
	}
	return m
}()

// airportWords and venueWords after "arrived" tell where one arrived.
var (
	airportWords = setOf("airport", "airfield", "airbase", "tarmac", "runway", "aerodrome")
	venueWords   = setOf("hotel", "residence", "venue", "palace", "villa", "inn", "resort", "embassy", "house", "castle", "estate", "ministry", "hall", "building", "site", "compound", "entrance", "courtyard", "steps")
	arriveWords  = setOf("arrived", "arrives", "arriving", "arrival")
)

// momentAt is a moment phrase found in a sentence: its class and tokens.
type momentAt struct {
	class  string
	at, n  int
	strong bool // a verb of the clause, not a noun ("landing")
}

// findMoments returns the moment phrases of a sentence.
func findMoments(toks []token) []momentAt {
	var out []momentAt
	for i := 0; i < len(toks); i++ {
		w := toks[i].text
		if arriveWords[w] {
			class := MomentLanding // "arrived in Japan": the journey's end
			for k := i + 1; k < len(toks) && k <= i+5; k++ {
				if airportWords[toks[k].text] {
					break
				}
				if venueWords[toks[k].text] {
					class = MomentVenue
					break
				}
			}
			out = append(out, momentAt{class: class, at: i, n: 1})
			continue
		}
		for _, p := range momentPhrases[w] {
			if i+len(p.words) > len(toks) {
				continue
			}
			ok := true
			for k, pw := range p.words {
				ok = ok && toks[i+k].text == pw
			}
			if !ok {
				continue
			}
			if w == "left" && i+1 < len(toks) && (toks[i+1].text == "hand" || toks[i+1].text == "wing" || toks[i+1].text == "side") {
				break // "his left hand"
			}
			if w == "start" && i > 0 && (toks[i-1].text == "the" || toks[i-1].text == "a") {
				break // "since the start of the pandemic"
			}
			if w == "closed" && i+1 < len(toks) && toks[i+1].text == "doors" {
				break // "behind closed doors"
			}
			out = append(out, momentAt{class: p.class, at: i, n: len(p.words)})
			i += len(p.words) - 1
			break
		}
	}
	return out
}

// momentNear returns the moment nearest to tokens [first, last] (a clock
// time), within 16 tokens; on a tie, the one before (the verb that takes
// "at 5:40 p.m."). ok is false when none is near.
func momentNear(ms []momentAt, first, last int) (momentAt, bool) {
	best, bestD := momentAt{}, 17
	for _, m := range ms {
		d := 0
		switch {
		case m.at > last:
			d = m.at - last
		case m.at+m.n-1 < first:
			d = first - (m.at + m.n - 1)
		}
		if d < bestD {
			best, bestD = m, d
		}
	}
	return best, bestD <= 16
}

// clockMoment returns the moment a clock time in a sentence marks, and the
// phase it names when the moment is the start or end of something ("the
// first session opened at 12:45 p.m.": the talks; "The talks are over").
func (s *Schema) clockMoment(toks []token, tm TimeMention, hits []hit) (moment string, at int, phase string) {
	first, last := tokenSpan(toks, tm.Start, tm.End)
	if first < 0 {
		return "", -1, ""
	}
	m, ok := momentNear(findMoments(toks), first, last)
	if !ok {
		return "", -1, ""
	}
	if m.class == MomentStart || m.class == MomentEnd {
		phase = s.anchorNear(toks, hits, m.at, m.at+m.n-1)
		if phase == "" && m.at > 0 {
			// "Sunday's meeting at the Soviet Embassy … had been
			// scheduled for 10 a.m. but began at 10:15 a.m.": what
			// began is the sentence's subject.
			phase = s.anchorNear(toks, hits, 0, min(3, m.at-1))
			if phase != "" && !anchorOpens(toks, hits, m.at) {
				phase = ""
			}
		}
	}
	return m.class, m.at, phase
}

// anchorNear returns the phase named by the anchor or event term nearest
// to tokens [first, last] (within six tokens; an anchor preferred), or "".
func (s *Schema) anchorNear(toks []token, hits []hit, first, last int) string {
	best, bestD := "", 1<<30
	for _, h := range hits {
		if h.cue.kind != kindAnchor && h.cue.kind != kindEvent {
			continue
		}
		d := h.distance(first, last)
		if d > 8 {
			continue
		}
		if h.cue.kind == kindEvent {
			d += 2
		}
		if d >= bestD {
			continue
		}
		phase := s.EventPhase
		if h.cue.kind == kindAnchor {
			phase = s.Phases[h.cue.target].ID
		}
		if phase != "" {
			best, bestD = phase, d
		}
	}
	return best
}

// momentExamples name each moment the way schemas' cues do, to find the
// phase a moment belongs to in a sentence that reports none ("17:10 –
// Putin lands at Yamaguchi Ube Airport").
var momentExamples = map[string]string{MomentLanding: "the plane landed at the airport", MomentVenue: "they pulled up at the hotel",
	MomentGreeting: "the two shook hands", MomentDeparture: "the plane took off"}

// momentPhase returns the phase whose cues the moment's example matches
// best, or "".
func (s *Schema) momentPhase(moment string) string {
	ex, ok := momentExamples[moment]
	if !ok {
		return ""
	}
	score := map[int]float64{}
	for _, h := range s.matcher.find(tokenize(ex), nil) {
		if h.cue.kind == kindPhase || h.cue.kind == kindAnchor {
			score[h.cue.target] += h.cue.weight + 0.01
		}
	}
	best, bestScore := -1, 0.0
	for i, v := range score {
		if v > bestScore || v == bestScore && i < best {
			best, bestScore = i, v
		}
	}
	if best < 0 || best >= len(s.Phases) {
		return ""
	}
	return s.Phases[best].ID
}

// anchorOpens reports whether an anchor or event term opens the sentence
// (within its first four words) and comes before token at.
func anchorOpens(toks []token, hits []hit, at int) bool {
	for _, h := range hits {
		if (h.cue.kind == kindAnchor || h.cue.kind == kindEvent) && h.at <= 3 && h.at < at {
			return true
		}
	}
	return false
}

// distance is how many tokens lie between the hit and the span [first,
// last] of token indices (0 when they touch or overlap).
func (h hit) distance(first, last int) int {
	switch {
	case h.at > last:
		return h.at - last
	case h.at+h.n-1 < first:
		return first - (h.at + h.n - 1)
	}
	return 0
}
