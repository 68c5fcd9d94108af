package chart

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsreel/newsreel/timeline"
)

// Names of the charts, as the command line takes them.
var Names = []string{"coverage", "attention", "attention-themes", "timeline", "actors", "disagreements"}

// Options tune the charts built from a report.
type Options struct {
	Raw      bool   // raw sentence counts instead of shares
	Quantity string // disagreements: which quantity ("" = the first)
}

// FromReport builds the named chart from an analysis.
func FromReport(name string, r *timeline.Report, s *timeline.Schema, o Options) (Chart, error) {
	switch name {
	case "coverage":
		return CoverageMatrix(r), nil
	case "attention":
		return Attention(r, s, false, o.Raw), nil
	case "attention-themes":
		return Attention(r, s, true, o.Raw), nil
	case "timeline":
		return TimelineLanes(r), nil
	case "actors":
		return ActorMentions(r, 8), nil
	case "disagreements":
		return Disagreement(r, o.Quantity), nil
	}
	return nil, fmt.Errorf("unknown chart %q (one of %s)", name, strings.Join(Names, ", "))
}

// CoverageMatrix is sources × phases in event order, shaded by share.
func CoverageMatrix(r *timeline.Report) Matrix {
	m := Matrix{Title: "Coverage: share of each source's text per phase", Rows: r.Sources,
		Caption: "Cells: share of the source's words in sentences reporting the phase; – = not reported."}
	if n := len(r.Copies()); n > 0 && !r.CountCopies {
		m.Caption += fmt.Sprintf(" Wire copies (%d) count once, for their originals.", n)
	}
	share, n := r.SourceShares(r.Coverage)
	for _, p := range r.Timeline.Phases {
		m.Cols = append(m.Cols, p.Label)
	}
	for _, src := range r.Sources {
		var vals []float64
		var labels []string
		for _, p := range r.Timeline.Phases {
			k := [2]string{src, p.ID}
			vals = append(vals, share[k])
			if n[k] == 0 {
				labels = append(labels, "–")
			} else {
				labels = append(labels, fmt.Sprintf("%.1f%%", 100*share[k]))
			}
		}
		m.Values = append(m.Values, vals)
		m.Labels = append(m.Labels, labels)
	}
	return m
}

// Attention is one bar per source, split by phase (or theme).
func Attention(r *timeline.Report, s *timeline.Schema, themes, raw bool) StackedBars {
	cells := r.Coverage
	var keys, labels []string
	if themes {
		cells = r.Themes
		for _, t := range s.Themes {
			keys, labels = append(keys, t.ID), append(labels, t.Label)
		}
	} else {
		for _, p := range r.Timeline.Phases {
			keys, labels = append(keys, p.ID), append(labels, p.Label)
		}
	}
	share, n := r.SourceShares(cells)
	return AttentionOf(r.Sources, keys, labels, themes, raw, func(source, key string) (float64, int) {
		k := [2]string{source, key}
		return share[k], n[k]
	})
}

// AttentionOf is the attention chart of sums per source and key (phase,
// or theme with themes): value gives a source's share of its words and
// its sentences for a key; keys are named by labels.
func AttentionOf(sources, keys, labels []string, themes, raw bool, value func(source, key string) (share float64, sentences int)) StackedBars {
	b := StackedBars{Title: "Attention by phase", Bars: sources, Percent: !raw, Unit: "sentences", Segments: labels}
	if themes {
		b.Title = "Attention by theme"
	}
	if raw {
		b.Title += ": sentences per source"
	} else {
		b.Title += ": each source's coverage split to 100%"
	}
	for _, src := range sources {
		var row []float64
		for _, k := range keys {
			share, n := value(src, k)
			if raw {
				row = append(row, float64(n))
			} else {
				row = append(row, share)
			}
		}
		b.Values = append(b.Values, row)
	}
	return b
}

// TimelineLanes is the phases on the time axis, a lane per source.
func TimelineLanes(r *timeline.Report) Lanes {
	l := Lanes{Title: "Timeline: which phases each source reported", Lanes: r.Sources}
	share, _ := r.SourceShares(r.Coverage)
	for i, p := range r.Timeline.Phases {
		l.Phases = append(l.Phases, p.Label)
		axis := fmt.Sprintf("step %d", i+1)
		if p.Start != nil {
			axis = p.Start.Time.Format("15:04 MST")
		}
		l.AxisLabels = append(l.AxisLabels, axis)
	}
	for _, src := range r.Sources {
		var row []float64
		for _, p := range r.Timeline.Phases {
			row = append(row, share[[2]string{src, p.ID}])
		}
		l.Present = append(l.Present, row)
	}
	return l
}

// ActorMentions is mentions of the top people, grouped by source.
func ActorMentions(r *timeline.Report, top int) GroupedBars {
	g := GroupedBars{Title: "People: mentions per source", Series: r.Sources, Unit: "mentions"}
	var ids []string
	for _, a := range r.Actors.List {
		if a.Kind == timeline.Person && len(ids) < top {
			ids = append(ids, a.ID)
			g.Groups = append(g.Groups, a.Name)
		}
	}
	count := map[[2]string]int{}
	for _, m := range r.Actors.Mentions {
		count[[2]string{m.Actor, r.Articles[m.Article].Source}]++
	}
	for _, id := range ids {
		var row []float64
		for _, src := range r.Sources {
			row = append(row, float64(count[[2]string{id, src}]))
		}
		g.Values = append(g.Values, row)
	}
	return g
}

// Disagreement is each source's value for one contested quantity.
func Disagreement(r *timeline.Report, quantity string) Intervals {
	iv := Intervals{Title: "Disagreements"}
	var d *timeline.Discrepancy
	for i := range r.Discrepancies {
		if quantity == "" || r.Discrepancies[i].Quantity == quantity {
			d = &r.Discrepancies[i]
			break
		}
	}
	if d == nil {
		return iv
	}
	iv.Title = "Sources disagree: " + d.Quantity
	claims := append([]timeline.Claim(nil), d.Claims...)
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Source < claims[j].Source })
	for _, c := range claims {
		iv.Rows = append(iv.Rows, c.Source)
		iv.Low = append(iv.Low, c.Low)
		iv.High = append(iv.High, c.High)
		label := "“" + c.Value + "”"
		if c.Expected {
			label += " (expected)"
		}
		iv.Labels = append(iv.Labels, label)
		iv.Muted = append(iv.Muted, c.Expected)
		iv.Unit = unitName(c.Unit)
	}
	return iv
}

func unitName(u string) string {
	switch u {
	case "h":
		return "hours"
	case "time":
		return "Unix time"
	case "%":
		return "percent"
	}
	return u
}
