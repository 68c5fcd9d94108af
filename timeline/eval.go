package timeline

import (
	"encoding/json"
	"fmt"
	"sort"
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
}

// ParseGold reads a gold annotation.
func ParseGold(raw []byte) (*Gold, error) {
	var g Gold
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("gold file: %w", err)
	}
	if len(g.Coverage) == 0 {
		return nil, fmt.Errorf("gold file has no coverage annotation")
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
