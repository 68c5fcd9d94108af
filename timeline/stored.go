package timeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strings"
)

// This file holds the entry points that let a store analyse a corpus one
// article at a time, without holding it in memory, and still get exactly
// what AnalyzeSplit gives for the whole corpus at once.
//
// An article's analysis depends on the rest of the corpus only through the
// cast: whether each capitalised word of the article is a principal, and
// whether it is a person seen anywhere in the corpus. The cast is computed
// from per-article name tallies (ArticleNames), which a store can sum
// (CastCounts); an article analysed with the cast of the final corpus gives
// the same result as the in-memory path.

// AnalysisVersion changes whenever the engine's per-article output changes
// in a way stored results must be recomputed for.
const AnalysisVersion = 8

// NameTally is what one article adds to the corpus-wide cast for one
// capitalised word: Count and Person are its contributions to the name's
// mentions and mentions in person position (as castFromTokens counts them).
// A name with both zero is still listed: the article's analysis depends on
// whether it is a person elsewhere.
type NameTally struct {
	Name          string
	Count, Person int
}

// Prepared is an article cut into sentences and words once, for ArticleNames
// and AnalyzeWith.
type Prepared struct {
	Article   Article
	Sentences []Sentence
	tokens    [][]token
}

// Prepare cuts the words of sents (the article's sentences, as split).
func Prepare(a Article, sents []Sentence) *Prepared {
	p := &Prepared{Article: a, Sentences: sents, tokens: make([][]token, len(sents))}
	for i, s := range sents {
		p.tokens[i] = tokenize(s.Text)
	}
	return p
}

// Names returns the article's tallies, sorted by name: every capitalised
// word that could be a person's name, with its contributions to the cast.
func (p *Prepared) Names() []NameTally {
	byName := map[string]*NameTally{}
	get := func(n string) *NameTally {
		t := byName[n]
		if t == nil {
			t = &NameTally{Name: strings.Clone(n)}
			byName[n] = t
		}
		return t
	}
	for _, toks := range p.tokens {
		for i, t := range toks {
			if !t.upper || len(t.text) < 3 || stopNames[t.text] || titleWords[t.text] {
				continue // never a person (see castFromTokens)
			}
			tally := get(t.text)
			if i == 0 && !speechVerbs[neighbor(toks, i, 1)] {
				continue
			}
			tally.Count++
			prev := neighbor(toks, i, -1)
			if titleWords[prev] || speechVerbs[neighbor(toks, i, 1)] || (i > 0 && toks[i-1].upper && titleWords[neighbor(toks, i, -2)]) {
				tally.Person++
			}
		}
	}
	out := make([]NameTally, 0, len(byName))
	for _, t := range byName {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// CastCounts is the corpus-wide sum of the articles' name tallies.
type CastCounts map[string]NameTally

// Add sums an article's tallies in (sign -1 takes them out).
func (c CastCounts) Add(names []NameTally, sign int) {
	for _, n := range names {
		t := c[n.Name]
		t.Name = n.Name
		t.Count += sign * n.Count
		t.Person += sign * n.Person
		c[n.Name] = t
	}
}

// Principals returns the principals of the corpus, as castFromTokens
// chooses them: the (up to) two most mentioned names seen in person
// position and named more than once, the second only when it is not
// dwarfed by the first.
func (c CastCounts) Principals() []string {
	var best [3]NameTally // the three best, to keep the order stable
	n := 0
	better := func(a, b NameTally) bool {
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Name < b.Name
	}
	for _, t := range c {
		if t.Person <= 0 || t.Count < 2 {
			continue
		}
		k := n
		if n < len(best) {
			n++
		} else if !better(t, best[n-1]) {
			continue
		} else {
			k = n - 1
		}
		best[k] = t
		for k > 0 && better(best[k], best[k-1]) {
			best[k], best[k-1] = best[k-1], best[k]
			k--
		}
	}
	var names []string
	for i := 0; i < n && i < 2; i++ {
		names = append(names, best[i].Name)
	}
	if len(names) == 2 && best[1].Count*4 < best[0].Count {
		names = names[:1]
	}
	return names
}

// IsPerson reports whether the corpus has seen name in person position.
func (c CastCounts) IsPerson(name string) bool { return c[name].Person > 0 }

// AnalyzeWith analyses the article against a corpus cast given by its
// principals and by isPerson (whether a folded name is seen in person
// position anywhere in the corpus, this article included). With the cast
// of the whole corpus it gives what AnalyzeSplit gives for the article.
func (s *Schema) AnalyzeWith(p *Prepared, principals []string, isPerson func(string) bool) AnalyzedArticle {
	cast := Cast{Principals: principals}
	for _, toks := range p.tokens {
		for _, t := range toks {
			if t.upper && !cast.isPerson(t.text) && isPerson(t.text) {
				cast.persons.set(t.text, 1)
			}
		}
	}
	return s.analyzeTokens(p.Article, p.Sentences, p.tokens, cast)
}

// Hash identifies what the schema makes the engine do: stored analyses
// computed with another hash are out of date.
func (s *Schema) Hash() string {
	raw, _ := json.Marshal(s) // exported fields: everything the YAML gives
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:8])
}

// PhaseIndex returns the position of phase id in the schema's order, or -1.
func (s *Schema) PhaseIndex(id string) int {
	for i := range s.Phases {
		if s.Phases[i].ID == id {
			return i
		}
	}
	return -1
}

// ThemeIndex returns the position of theme id in the schema's order, or -1.
func (s *Schema) ThemeIndex(id string) int {
	for i := range s.Themes {
		if s.Themes[i].ID == id {
			return i
		}
	}
	return -1
}

// Narrative returns the phases an article reports (with minConfidence) in
// order of first mention.
func (a AnalyzedArticle) Narrative(minConfidence float64) []string {
	var out []string
	for _, sent := range a.Sentences {
		if sent.Phase == "" || sent.Confidence < minConfidence {
			continue
		}
		for _, id := range append([]string{sent.Phase}, sent.Also...) {
			if !contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}
