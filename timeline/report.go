package timeline

import "sort"

// Report is the whole analysis of a corpus: what every screen, export and
// command shows.
type Report struct {
	Articles      []AnalyzedArticle
	Sources       []string // source labels, sorted
	Timeline      Timeline
	Coverage      []CoverageCell // source-file × phase
	Themes        []CoverageCell // source-file × theme
	Actors        *Actors
	Quotes        []Quote
	Clusters      []QuoteCluster
	Claims        []Claim
	Discrepancies []Discrepancy
	Blindspots    map[string][]string
	// CountCopies makes attention count wire copies (articles with a
	// CopyOf) as their sources' own text; by default a story reprinted by
	// several outlets counts once, for the original.
	CountCopies bool
}

// Report runs every stage over analysed articles, replaying the user's
// actor edits before quotations are attributed.
func (s *Schema) Report(arts []AnalyzedArticle, edits ...ActorEdit) *Report {
	r := &Report{Articles: arts}
	seen := map[string]bool{}
	for _, a := range arts {
		if !seen[a.Source] {
			seen[a.Source] = true
			r.Sources = append(r.Sources, a.Source)
		}
	}
	sort.Strings(r.Sources)
	r.Timeline = s.BuildTimeline(arts, MinConfidence)
	r.Coverage = s.Coverage(arts, MinConfidence)
	r.Themes = s.ThemeCoverage(arts)
	r.Actors = FindActors(arts)
	r.Actors.Apply(edits)
	r.Quotes = FindQuotes(arts, r.Actors)
	r.Clusters = ClusterQuotes(r.Quotes)
	r.Claims = s.FindClaims(arts)
	r.Discrepancies = FindDiscrepancies(r.Claims)
	r.Blindspots = Blindspots(r.Timeline, r.Sources)
	return r
}

// SourceShares sums cells per source and key (a source's articles add up)
// and returns the share of the source's words, and the sentence count.
// Wire copies count only when r.CountCopies is set.
func (r *Report) SourceShares(cells []CoverageCell) (share map[[2]string]float64, sentences map[[2]string]int) {
	words := map[string]int{}
	for _, a := range r.Articles {
		if r.Counts(a.Article) {
			words[a.Source] += a.Words
		}
	}
	sum := map[[2]string]int{}
	sentences = map[[2]string]int{}
	for _, c := range cells {
		if c.Copy && !r.CountCopies {
			continue
		}
		k := [2]string{c.Source, c.Key}
		sum[k] += c.Words
		sentences[k] += c.Sentences
	}
	share = map[[2]string]float64{}
	for k, w := range sum {
		if words[k[0]] > 0 {
			share[k] = float64(w) / float64(words[k[0]])
		}
	}
	return share, sentences
}

// Counts reports whether attention counts article a: always for an
// original, for a wire copy only when r.CountCopies is set.
func (r *Report) Counts(a Article) bool { return r.CountCopies || a.CopyOf.IsZero() }

// Copies lists the wire copies among the articles, each with its original.
func (r *Report) Copies() []Article {
	var out []Article
	for _, a := range r.Articles {
		if !a.CopyOf.IsZero() {
			out = append(out, a.Article)
		}
	}
	return out
}
