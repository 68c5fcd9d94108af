package timeline

import (
	"encoding/json"
	"fmt"
	"sort"
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
	for ci, c := range clusters {
		for _, q := range c.Variants {
			clusterOf[[2]int{q.Article, q.Start}] = ci
			bySource[q.File] = append(bySource[q.File], ref{q, ci})
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
	if sc.Pairs > 0 {
		sc.PairRecall = float64(sc.PairsTogether) / float64(sc.Pairs)
	}
	if sc.Clusters > 0 {
		sc.SpeakerAccuracy = float64(sc.RightSpeaker) / float64(sc.Clusters)
	}
	return sc
}

// DiscrepancyScore is the disagreement part of the evaluation.
type DiscrepancyScore struct {
	Found, Total int
	Details      []string
}

// ScoreDiscrepancies counts the gold disagreements found: a found
// discrepancy of the same kind (its quantity's first word: duration, time,
// count…) with a measurement from every file the gold lists.
func ScoreDiscrepancies(g *Gold, found []Discrepancy) DiscrepancyScore {
	var sc DiscrepancyScore
	for _, gd := range g.Discrepancies {
		sc.Total++
		match := ""
		for _, d := range found {
			if firstWord(d.Quantity) != firstWord(gd.Quantity) {
				continue
			}
			files := map[string]bool{}
			for _, c := range d.Claims {
				if !c.Expected {
					files[c.File] = true
				}
			}
			all := true
			for f := range gd.Values {
				all = all && files[f]
			}
			if all {
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

func firstWord(s string) string {
	if f := strings.Fields(s); len(f) > 0 {
		return f[0]
	}
	return ""
}
