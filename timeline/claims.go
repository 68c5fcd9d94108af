package timeline

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
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
	Unit      string  // "h" (hours), "time" (Unix seconds), "count", "%"
	Low, High float64 // the range the wording allows, in Unit
	Qualifier string  // nearly, about, more than, …
	Expected  bool    // an expectation or plan, not a measurement
	Text      string  // the sentence
}

// Discrepancy is a quantity on which sources' claims cannot all be true.
type Discrepancy struct {
	Quantity string
	Phase    string
	Claims   []Claim
}

// exactSlack widens a value stated without a qualifier ("three hours"):
// reporters round, so 2 h 45 min and "three hours" do not contradict.
const exactSlack = 0.1

// clockSlack is how far apart two sources' times for one moment may be.
const clockSlack = 30 * time.Minute

// FindClaims extracts duration, clock-time and count claims from analysed
// articles, each tied to a phase and a quantity.
func (s *Schema) FindClaims(arts []AnalyzedArticle) []Claim {
	var out []Claim
	for ai, a := range arts {
		for si := range a.Sentences {
			sent := &a.Sentences[si]
			if sent.Heading {
				continue
			}
			toks := sent.words()
			base := Claim{Phase: sent.Phase, Source: a.Source, File: a.File, Article: ai, Sentence: sent.Index, Text: sent.Text}
			var hits []hit // the sentence's cues, found for its first duration
			for _, tm := range sent.Times {
				switch tm.Kind {
				case TimeDuration:
					if hits == nil {
						hits = s.matcher.find(toks, []hit{})
					}
					phase, ok := s.durationSubject(*sent, toks, hits, tm)
					if !ok {
						continue
					}
					c := base
					c.Phase, c.Quantity = phase, "duration of "+phase
					c.Value, c.Unit, c.Qualifier, c.Expected = tm.Text, "h", tm.Qualifier, tm.Expected
					c.Low, c.High = round3(tm.Low.Hours()), round3(tm.High.Hours())
					if tm.Expected {
						c.Qualifier = strings.TrimSpace(c.Qualifier + " expected")
					}
					out = append(out, c)
				case TimeClock:
					if !tm.Resolved || sent.Phase == "" {
						continue
					}
					c := base
					c.Quantity = "time of " + sent.Phase
					c.Value, c.Unit = tm.Text, "time"
					c.Low, c.High = float64(tm.Time.Unix()), float64(tm.Time.Unix())
					out = append(out, c)
				}
			}
			out = append(out, countClaims(base, sent.Text, toks)...)
		}
	}
	return out
}

// durationSubject returns the phase a duration measures: the phase named by
// an anchor or event term (among the sentence's cue hits) near it
// ("three-hour talks", "the meeting lasted two hours"); an event term means
// the sentence's own phase.
func (s *Schema) durationSubject(sent AnalyzedSentence, toks []token, hits []hit, tm TimeMention) (string, bool) {
	at := -1
	for k, t := range toks {
		if t.start >= tm.Start {
			at = k
			break
		}
	}
	if at < 0 {
		return "", false
	}
	best, bestDist := "", 1<<30
	for _, h := range hits {
		if h.cue.kind != kindAnchor && h.cue.kind != kindEvent {
			continue
		}
		d := h.at - at
		if d < 0 {
			d = -d
		}
		if d > 10 || d >= bestDist {
			continue
		}
		phase := sent.Phase
		switch {
		case h.cue.kind == kindAnchor:
			phase = s.Phases[h.cue.target].ID
		case phase == "":
			phase = s.EventPhase // "the summit ended after a few hours"
		}
		if phase != "" {
			best, bestDist = phase, d
		}
	}
	return best, best != ""
}

// countNouns that are units or times rather than things counted.
var notCounted = setOf("hour", "minute", "day", "week", "month", "year", "hours", "minutes", "days", "weeks", "months", "years", "times", "seconds", "points", "percent", "am", "pm", "ones", "others", "sides")

var amountWords = map[string]float64{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozens": 24, "hundreds": 200,
	"thousands": 2000, "million": 1e6, "millions": 2e6}

// countClaims finds "29 Ukrainian drones", "more than a million people",
// "50% tariff".
func countClaims(base Claim, text string, toks []token) []Claim {
	var out []Claim
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		v, ok := tokenAmount(&t)
		if !ok {
			continue
		}
		// Years, clock times and list numbers are not counts.
		if v >= 1900 && v <= 2100 || t.end < len(text) && (text[t.end] == ':' || text[t.end] == '.') && i+1 < len(toks) && isAmountToken(&toks[i+1]) {
			continue
		}
		if t.text == "million" && i > 0 && toks[i-1].text == "a" {
			v = 1e6
		}
		qual := qualifierBefore(toks, i)
		if t.end < len(text) && strings.HasPrefix(text[t.end:], "%") || i+1 < len(toks) && toks[i+1].text == "percent" {
			noun := ""
			for k := i + 1; k < len(toks) && k <= i+4; k++ {
				if toks[k].text != "percent" && toks[k].text != "of" && toks[k].text != "the" && toks[k].text != "a" {
					noun = toks[k].text
					break
				}
			}
			c := base
			c.Quantity, c.Unit, c.Value, c.Qualifier = "percent "+noun, "%", strings.TrimSpace(text[toks[max(0, i-len(strings.Fields(qual)))].start:t.end]+"%"), qual
			c.Low, c.High = rangeFor(v, qual)
			out = append(out, c)
			continue
		}
		// The counted noun: a plural within three words ("29 Ukrainian drones").
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			w := toks[k].text
			if w == "of" && k+1 < len(toks) {
				if _, isNum := tokenAmount(&toks[k+1]); isNum {
					break // "61 of 85 drones": the 85 is the count
				}
			}
			if strings.HasSuffix(w, "s") && len(w) > 3 && toks[k].lex&lexNotCounted == 0 && !strings.HasSuffix(w, "ss") {
				c := base
				qualifier := ""
				if k > i+1 && !toks[k-1].upper {
					qualifier = toks[k-1].text + " "
				}
				c.Quantity = "count of " + qualifier + w
				c.Unit, c.Value, c.Qualifier = "count", strings.TrimSpace(qual+" "+text[t.start:toks[k].end]), qual
				c.Low, c.High = rangeFor(v, qual)
				out = append(out, c)
				break
			}
			if toks[k].lex&lexNotCounted != 0 || k == i+1 && strings.HasSuffix(w, "s") == false && notCounted[w+"s"] {
				break
			}
		}
	}
	return out
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
		case "more than", "less than", "fewer than", "at least", "up to", "just over", "just under", "close to":
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
		return v * 0.9, v
	case "less than", "fewer than", "under", "up to":
		return 0, v
	case "about", "around", "roughly", "approximately", "some":
		return v * 0.9, v * 1.1
	case "more than", "over", "at least", "just over":
		return v, v * 1.5
	}
	return v, v
}

// FindDiscrepancies groups claims by quantity and phase and keeps the
// groups whose claims, from two or more sources, cannot all be true.
// Expectations are shown but never contradict a measurement.
func FindDiscrepancies(claims []Claim) []Discrepancy {
	groups := map[string][]Claim{}
	var keys []string
	for _, c := range claims {
		k := c.Quantity + "\x00" + c.Phase
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], c)
	}
	sort.Strings(keys)
	var out []Discrepancy
	for _, k := range keys {
		cs := groups[k]
		sources := map[string]bool{}
		lo, hi := math.Inf(-1), math.Inf(1)
		for _, c := range cs {
			if c.Expected {
				continue
			}
			sources[c.Source] = true
			l, h := c.Low, c.High
			switch {
			case c.Unit == "time":
				l, h = l-clockSlack.Seconds(), h+clockSlack.Seconds()
			case c.Qualifier == "" && l == h:
				l, h = l*(1-exactSlack), h*(1+exactSlack)
			}
			lo, hi = math.Max(lo, l), math.Min(hi, h)
		}
		if len(sources) < 2 || lo <= hi {
			continue
		}
		out = append(out, Discrepancy{Quantity: cs[0].Quantity, Phase: cs[0].Phase, Claims: cs})
	}
	return out
}

// Describe renders a claim's value for people ("2.76–3 h").
func (c Claim) Describe() string {
	switch c.Unit {
	case "time":
		return time.Unix(int64(c.Low), 0).UTC().Format("15:04 UTC")
	case "h":
		if c.Low == c.High {
			return fmt.Sprintf("%g h", c.Low)
		}
		return fmt.Sprintf("%g–%g h", c.Low, c.High)
	}
	if c.Low == c.High {
		return fmt.Sprintf("%g %s", c.Low, c.Unit)
	}
	return fmt.Sprintf("%g–%g %s", c.Low, c.High, c.Unit)
}
