package timeline

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Gold is a hand annotation of a corpus (the format of
// shared/gold/alaska-2025.json): per file, the phases it reports and those
// a reader could argue either way.
type Gold struct {
	Event    string `json:"event"`
	Coverage map[string]struct {
		Phases    []string `json:"phases"`
		Ambiguous []string `json:"ambiguous"`
	} `json:"coverage"`
	Sources map[string]struct {
		Label string `json:"label"`
	} `json:"sources"`
	Actors []struct {
		Name     string   `json:"name"`
		Variants []string `json:"variants"`
	} `json:"actors"`
	Quotes []struct {
		ID      string   `json:"id"`
		Speaker string   `json:"speaker"`
		Gist    string   `json:"gist"`
		Sources []string `json:"sources"`
	} `json:"quotes"`
	Discrepancies []struct {
		Quantity string            `json:"quantity"`
		Values   map[string]string `json:"values"`
	} `json:"discrepancies"`
}

// ParseGold reads a gold annotation.
func ParseGold(raw []byte) (*Gold, error) {
	var g Gold
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("gold file: %w", err)
	}
	if len(g.Coverage) == 0 && len(g.Quotes) == 0 && len(g.Actors) == 0 {
		return nil, fmt.Errorf("gold file has no coverage, quote or actor annotation")
	}
	return &g, nil
}

// Score is precision, recall and F1 over (article, phase) pairs.
type Score struct {
	TP, FP, FN          int
	Precision, Recall   float64
	F1                  float64
	Errors              []string // "file: +phase" (false positive) or "file: -phase" (missed)
	FilesScored, Missed int      // files in gold; gold files without a prediction
}

// ScorePhases compares predicted phases per file with the gold annotation,
// micro-averaged; ambiguous pairs count neither way.
func ScorePhases(g *Gold, predicted map[string]map[string]bool) Score {
	var sc Score
	files := make([]string, 0, len(g.Coverage))
	for f := range g.Coverage {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		ann := g.Coverage[f]
		sc.FilesScored++
		pred, ok := predicted[f]
		if !ok {
			sc.Missed++
		}
		gold := setOf(ann.Phases...)
		amb := setOf(ann.Ambiguous...)
		var ids []string
		for p := range pred {
			ids = append(ids, p)
		}
		sort.Strings(ids)
		for _, p := range ids {
			switch {
			case amb[p]:
			case gold[p]:
				sc.TP++
			default:
				sc.FP++
				sc.Errors = append(sc.Errors, f+": +"+p)
			}
		}
		for _, p := range ann.Phases {
			if !pred[p] && !amb[p] {
				sc.FN++
				sc.Errors = append(sc.Errors, f+": -"+p)
			}
		}
	}
	if sc.TP+sc.FP > 0 {
		sc.Precision = float64(sc.TP) / float64(sc.TP+sc.FP)
	}
	if sc.TP+sc.FN > 0 {
		sc.Recall = float64(sc.TP) / float64(sc.TP+sc.FN)
	}
	if sc.Precision+sc.Recall > 0 {
		sc.F1 = 2 * sc.Precision * sc.Recall / (sc.Precision + sc.Recall)
	}
	return sc
}

// sameName reports whether two person names mean one person: the same
// surname after transliteration and compatible first names, or the same
// two words in either order ("Abe Shinzo", family name first, is "Shinzo
// Abe").
func sameName(a, b string) bool {
	ta, tb := tokenize(a), tokenize(b)
	if len(ta) == 2 && len(tb) == 2 && translit(ta[0].text) == translit(tb[1].text) && translit(ta[1].text) == translit(tb[0].text) {
		return true
	}
	if len(ta) == 0 || len(tb) == 0 || translit(ta[len(ta)-1].text) != translit(tb[len(tb)-1].text) {
		return false
	}
	if len(ta) == 1 || len(tb) == 1 {
		return true
	}
	return editDistance(translit(ta[0].text), translit(tb[0].text)) <= 2
}

// ActorScore says how the found actors compare with the gold ones.
type ActorScore struct {
	Found, Total int
	Missing      []string // gold actors not found
	Unmerged     []string // "actor: variant" not among the actor's variants
	MelaniaApart bool     // people who share a surname stayed apart
}

// ScoreActors checks that every gold actor is found as a person with all
// its variants merged.
func ScoreActors(g *Gold, acts *Actors) ActorScore {
	sc := ActorScore{Total: len(g.Actors), MelaniaApart: true}
	people := map[string]string{} // gold name -> actor id
	for _, ga := range g.Actors {
		var found *Actor
		for i := range acts.List {
			a := &acts.List[i]
			if a.Kind == Person && sameName(a.Name, ga.Name) {
				found = a
				break
			}
		}
		if found == nil {
			sc.Missing = append(sc.Missing, ga.Name)
			continue
		}
		sc.Found++
		people[ga.Name] = found.ID
		var have []string
		for _, v := range found.Variants {
			have = append(have, " "+foldPhrase(v)+" ")
		}
		for _, v := range ga.Variants {
			fv := " " + foldPhrase(v) + " "
			ok := false
			for _, h := range have {
				if strings.Contains(h, fv) {
					ok = true
					break
				}
			}
			if !ok {
				sc.Unmerged = append(sc.Unmerged, ga.Name+": "+v)
			}
		}
	}
	// No two gold people may land on one actor.
	seen := map[string]string{}
	for name, id := range people {
		if other, ok := seen[id]; ok {
			sc.MelaniaApart = false
			sc.Unmerged = append(sc.Unmerged, name+" merged with "+other)
		}
		seen[id] = name
	}
	return sc
}

// foldPhrase lower-cases and folds a phrase to its words.
func foldPhrase(s string) string {
	var words []string
	for _, t := range tokenize(s) {
		words = append(words, t.text)
	}
	return strings.Join(words, " ")
}

// QuoteScore is the quote-cluster part of the evaluation.
type QuoteScore struct {
	Pairs, PairsTogether   int     // source pairs of gold quotes, and those in one cluster
	PairRecall             float64 // PairsTogether / Pairs
	Clusters, RightSpeaker int
	SpeakerAccuracy        float64
	Details                []string
	// Variants are the quotations of gold quotes in their sources (each
	// quotation counted for the gold quote whose gist it matches best),
	// RightVariants those attributed to the gold speaker: a cluster's
	// majority can hide a wrong or missing speaker on one variant.
	Variants, RightVariants int
	WrongVariants           []string // "file: text: speaker, want gold speaker"
}

// ScoreQuotes measures, for each gold quote, the share of its source pairs
// whose quotations land in one cluster, and whether that cluster's speaker
// is right. A source's quotation of a gold quote is the one sharing most of
// the gist's words.
func ScoreQuotes(g *Gold, clusters []QuoteCluster) QuoteScore {
	var sc QuoteScore
	clusterOf := map[[2]int]int{} // (article, start) -> cluster
	type ref struct {
		q Quote
		c int
	}
	bySource := map[string][]ref{}
	quotesOf := map[string][]Quote{}
	for ci, c := range clusters {
		for _, q := range c.Variants {
			clusterOf[[2]int{q.Article, q.Start}] = ci
			bySource[q.File] = append(bySource[q.File], ref{q, ci})
			quotesOf[q.File] = append(quotesOf[q.File], q)
		}
	}
	for _, gq := range g.Quotes {
		gist := contentWords(strings.Fields(foldPhrase(gq.Gist)))
		match := map[string]int{} // file -> cluster
		for _, f := range gq.Sources {
			best, bestScore := -1, 0.0
			for _, r := range bySource[f] {
				qw := contentWords(strings.Fields(foldPhrase(r.q.Text)))
				l := lcsLen(gist, qw)
				score := float64(l) / float64(max(1, min(len(gist), len(qw))))
				if l >= 2 && score >= 0.6 && score > bestScore {
					best, bestScore = r.c, score
				}
			}
			if best >= 0 {
				match[f] = best
			}
		}
		together, pairs := 0, 0
		for i := 0; i < len(gq.Sources); i++ {
			for j := i + 1; j < len(gq.Sources); j++ {
				pairs++
				ci, ok1 := match[gq.Sources[i]]
				cj, ok2 := match[gq.Sources[j]]
				if ok1 && ok2 && ci == cj {
					together++
				}
			}
		}
		sc.Pairs += pairs
		sc.PairsTogether += together
		votes := map[int]int{}
		for _, c := range match {
			votes[c]++
		}
		best, bestVotes := -1, 0
		for c, v := range votes {
			if v > bestVotes || v == bestVotes && c < best {
				best, bestVotes = c, v
			}
		}
		sc.Clusters++
		speaker := ""
		if best >= 0 {
			speaker = clusters[best].SpeakerName
		}
		if speaker != "" && sameName(speaker, gq.Speaker) {
			sc.RightSpeaker++
		}
		sc.Details = append(sc.Details, fmt.Sprintf("%s: %d/%d pairs, speaker %q", gq.ID, together, pairs, speaker))
	}
	scoreVariants(g, quotesOf, &sc)
	if sc.Pairs > 0 {
		sc.PairRecall = float64(sc.PairsTogether) / float64(sc.Pairs)
	}
	if sc.Clusters > 0 {
		sc.SpeakerAccuracy = float64(sc.RightSpeaker) / float64(sc.Clusters)
	}
	return sc
}

// scoreVariants checks the speaker of every quotation of a gold quote:
// each quotation of a source goes to the gold quote (citing that source)
// whose gist it matches best.
func scoreVariants(g *Gold, bySource map[string][]Quote, sc *QuoteScore) {
	gists := make([][]string, len(g.Quotes))
	for i, gq := range g.Quotes {
		gists[i] = contentWords(strings.Fields(foldPhrase(gq.Gist)))
	}
	files := make([]string, 0, len(bySource))
	for f := range bySource {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		qs := bySource[f]
		sort.Slice(qs, func(i, j int) bool { return qs[i].Start < qs[j].Start })
		for _, q := range qs {
			qw := contentWords(strings.Fields(foldPhrase(q.Text)))
			best, bestScore := -1, 0.0
			for i, gq := range g.Quotes {
				cites := false
				for _, s := range gq.Sources {
					cites = cites || s == f
				}
				if !cites {
					continue
				}
				l := lcsLen(gists[i], qw)
				score := float64(l) / float64(max(1, min(len(gists[i]), len(qw))))
				if l >= 2 && score >= 0.6 && score > bestScore {
					best, bestScore = i, score
				}
			}
			if best < 0 {
				continue
			}
			sc.Variants++
			if q.SpeakerName != "" && sameName(q.SpeakerName, g.Quotes[best].Speaker) {
				sc.RightVariants++
				continue
			}
			sc.WrongVariants = append(sc.WrongVariants, fmt.Sprintf("%s: %s %q: speaker %q, want %q", f, g.Quotes[best].ID, q.Text, q.SpeakerName, g.Quotes[best].Speaker))
		}
	}
}

// DiscrepancyScore is the disagreement part of the evaluation.
type DiscrepancyScore struct {
	Found, Total int
	Details      []string
}

// ScoreDiscrepancies counts the gold disagreements found: a found
// discrepancy of a compatible kind (the gold quantity's first word:
// duration, time, count, distance, money — against the unit of the
// found claims) in which, for every file the gold lists, some measurement
// from that file carries the gold value's numbers ("some 50,000" is
// 50000, "9:36 GMT" is the clock time 09:36, "about 11 hours" is 11). A
// discrepancy that only has a claim from each file, with other numbers,
// is not the gold one.
func ScoreDiscrepancies(g *Gold, found []Discrepancy) DiscrepancyScore {
	var sc DiscrepancyScore
	for _, gd := range g.Discrepancies {
		sc.Total++
		match := ""
		for _, d := range found {
			if discrepancyMatches(gd.Quantity, gd.Values, d) {
				match = d.Quantity
				break
			}
		}
		if match != "" {
			sc.Found++
			sc.Details = append(sc.Details, fmt.Sprintf("%s: found as %q", gd.Quantity, match))
		} else {
			sc.Details = append(sc.Details, gd.Quantity+": not found")
		}
	}
	return sc
}

// kindUnits are the claim units each gold kind (a quantity's first word)
// accepts.
var kindUnits = map[string][]string{
	"duration": {"h"},
	"time":     {"time", "time of day"},
	"count":    {"count"},
	"distance": {"km"},
	"height":   {"m"},
	"length":   {"m"},
	"money":    {"money"},
	"percent":  {"%"},
	"status":   {"status"},
}

// discrepancyMatches reports whether a found discrepancy is the gold one.
func discrepancyMatches(quantity string, values map[string]string, d Discrepancy) bool {
	kind := firstWord(quantity)
	units, known := goldKindUnits(quantity, values)
	for f, v := range values {
		want := valueNumbers(remarkRe.ReplaceAllString(v, ""))
		ok := false
		for _, c := range d.Claims {
			if c.Expected || c.File != f {
				continue
			}
			if known && !containsUnit(units, c.Unit) || !known && firstWord(d.Quantity) != kind {
				continue
			}
			if hasNumbers(valueNumbers(c.Value), want) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func containsUnit(units []string, u string) bool {
	for _, x := range units {
		if strings.HasPrefix(u, x) {
			return true
		}
	}
	return false
}

// number is a number read from a value's text: an amount, or a clock time
// (minutes since midnight).
type number struct {
	v     float64
	clock bool
}

// hasNumbers reports whether have holds every number of want.
func hasNumbers(have, want []number) bool {
	for _, w := range want {
		ok := false
		for _, h := range have {
			if h.clock == w.clock && math.Abs(h.v-w.v) <= 1e-9*math.Max(1, math.Abs(w.v)) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

var (
	// H:MM (a.m.), H.MM a.m., H a.m.
	valueClockRe = regexp.MustCompile(`(?i)\b(\d{1,2}):(\d{2})(?:\s*([ap])\.?\s?m\b\.?)?|\b(\d{1,2})\.(\d{2})\s*([ap])\.?\s?m\b\.?|\b(\d{1,2})\s*([ap])\.?\s?m\b\.?`)
	unitHyphenRe = regexp.MustCompile(`(?i)-(hours?|minutes?|days?|weeks?|long|miles?|km|kilomet\w*|strong|member\w*)\b`)
	// A gold value's parenthesised remark ("nearly four hours (seven had
	// been expected)") is the annotator's note, not the value.
	remarkRe   = regexp.MustCompile(`\s*\([^)]*\)`)
	valueNumRe = regexp.MustCompile(`(?i)(\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)*)`)
)

var valueUnits = map[string]float64{"hundred": 100, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}

var valueWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}

// valueNumbers reads the numbers of a value as written: clock times
// ("5:36 p.m.", "17:50", "11.40am", "6 p.m."), figures with thousands
// separators and multipliers ("50,000", "$2.5 billion", "$3bn") and
// number words ("twelve", "two and a half").
func valueNumbers(s string) []number {
	s = unitHyphenRe.ReplaceAllString(s, " $1") // "three-hour" reads as "three hour"
	var out []number
	// Clock times first, blanked out of the text.
	b := []byte(s)
	for _, m := range valueClockRe.FindAllStringSubmatchIndex(s, -1) {
		h, _ := strconv.Atoi(group(s, m, 1))
		if h == 0 && group(s, m, 1) == "" {
			h, _ = strconv.Atoi(group(s, m, 4))
		}
		min, _ := strconv.Atoi(group(s, m, 2) + group(s, m, 5))
		switch mer := strings.ToLower(group(s, m, 3) + group(s, m, 6) + group(s, m, 8)); {
		case mer == "p" && h < 12:
			h += 12
		case mer == "a" && h == 12:
			h = 0
		}
		if group(s, m, 7) != "" {
			h, _ = strconv.Atoi(group(s, m, 7))
			if mer := strings.ToLower(group(s, m, 8)); mer == "p" && h < 12 {
				h += 12
			} else if mer == "a" && h == 12 {
				h = 0
			}
		}
		if h > 24 || min > 59 {
			continue
		}
		out = append(out, number{v: float64(h*60 + min), clock: true})
		for i := m[0]; i < m[1]; i++ {
			b[i] = ' '
		}
	}
	s = string(b)
	ms := valueNumRe.FindAllString(s, -1)
	for i := 0; i < len(ms); i++ {
		w := strings.ToLower(ms[i])
		var v float64
		switch {
		case isDigitByte(w[0]):
			f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimRight(w, ","), ",", ""), 64)
			if err != nil {
				continue
			}
			v = f
		default:
			f, ok := valueWords[w]
			if !ok {
				// "twenty-five"
				parts := strings.Split(w, "-")
				if len(parts) != 2 || valueWords[parts[0]] == 0 || valueWords[parts[1]] == 0 {
					continue
				}
				f = valueWords[parts[0]] + valueWords[parts[1]]
			}
			v = f
		}
		// "and a half"
		if i+3 < len(ms) && strings.EqualFold(ms[i+1], "and") && strings.EqualFold(ms[i+2], "a") && strings.EqualFold(ms[i+3], "half") {
			v += 0.5
			i += 3
		}
		// multipliers: "2.5 billion", "3bn" (read as one match "3bn"? no: digits then letters)
		if i+1 < len(ms) {
			if u, ok := valueUnits[strings.ToLower(ms[i+1])]; ok {
				v *= u
				i++
			}
		}
		out = append(out, number{v: v})
	}
	return out
}

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}
