package timeline

import "strings"

// This file holds the corpus-level people stage (actors with the user's
// edits, quotations and their speakers) run over a stream of the corpus,
// so that a store can compute it without holding the corpus in memory:
// FindActors' passes each walk the stream once, and the last one finds
// each article's quotations as soon as its mentions are known, keeping
// only per-article aggregates.

// ArticleStream replays a corpus in order, one article at a time: each
// call walks it from the start, calling fn with each article's index in
// the corpus and the article (valid only during the call). It stops at
// fn's first error and returns it, or its own.
type ArticleStream func(fn func(ai int, a *AnalyzedArticle) error) error

// SliceStream streams articles held in memory.
func SliceStream(arts []AnalyzedArticle) ArticleStream {
	return func(fn func(int, *AnalyzedArticle) error) error {
		for i := range arts {
			if err := fn(i, &arts[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// ActorCount is one actor in one article: what its mentions and the
// quotations attributed to it add up to.
type ActorCount struct {
	Actor       string // Actor.ID, edits applied
	Mentions    int
	Sentences   []int // indexes of the sentences that mention it, in order
	Words       int   // words of those sentences
	QuotedWords int   // words of the article's quotations attributed to it
}

// ArticlePeople is what the people stage finds in one article.
type ArticlePeople struct {
	Index   int // in the corpus
	Article *AnalyzedArticle
	Actors  []ActorCount // in order of first mention; speakers never mentioned last
	Quotes  []Quote      // SpeakerName is filled only in PeopleStage.Quotes
}

// PeopleStage is the corpus-level result of FindPeople.
type PeopleStage struct {
	Actors  *Actors // List with the edits applied; no Mentions
	Quotes  []Quote // every quotation, as FindQuotes gives them (none when the sink KeepsQuotes)
	Skipped []ActorEdit
	// Texts counts each actor's mentions by how they are written (edits
	// applied): what ApplyCounted needs to replay more edits.
	Texts map[string]map[string]int
}

// PeopleSink receives the stage's per-article results. When the edits
// replayed turn out not to be the ones that apply (an edit is skipped
// because its actor is gone), the last pass runs again: Restart is called
// first, and what Article received before must be forgotten.
type PeopleSink struct {
	Article func(*ArticlePeople) error
	Restart func() error
	// KeepsQuotes says Article keeps the quotations (with speaker ids:
	// names are the actors'), so that the stage holds none: its Quotes
	// stay nil and its memory does not grow with the corpus.
	KeepsQuotes bool
}

// FindPeople finds the actors of the corpus each streams (replaying edits
// as Actors.Apply does), the quotations of every article with their
// speakers (FindQuotes), and per article and actor the counts a screen
// sums, passing them to sink article by article. It holds the corpus's
// actor index and quotations, never its articles: the result equals
// FindActors, Apply and FindQuotes on the whole corpus.
func FindPeople(each ArticleStream, edits []ActorEdit, sink PeopleSink) (*PeopleStage, error) {
	// The edits that move mentions are assumed to apply (they were checked
	// when made); the last pass attributes quotations with them.
	assumed := movingEdits(edits, func(ActorEdit) bool { return true })
	for {
		var quotes []Quote
		texts := map[string]map[string]int{} // actor -> mention text -> mentions, before the edits
		var kinds wordMap[ActorKind]
		noNames := map[string]string{}
		var qsc quoteScratch // quotesOf's buffers, reused from article to article
		var mapped []ActorMention
		acts, err := findActors(each, func(ai int, a *AnalyzedArticle, ms []ActorMention) error {
			mapped = mapped[:0]
			for _, m := range ms {
				byText := texts[m.Actor]
				if byText == nil {
					byText = map[string]int{}
					texts[strings.Clone(m.Actor)] = byText
				}
				if _, ok := byText[m.Text]; !ok {
					byText[strings.Clone(m.Text)] = 0
				}
				byText[m.Text]++
				m.Actor = relabelled(assumed, m.Actor, m.Text)
				if _, ok := kinds.get(m.Actor); !ok {
					kinds.set(strings.Clone(m.Actor), kindOfID(m.Actor))
				}
				mapped = append(mapped, m)
			}
			qs := quotesOf(nil, ai, *a, mapped, noNames, &kinds, &qsc)
			if !sink.KeepsQuotes {
				for i := range qs {
					// Kept for the whole corpus: own copies, not slices of the article.
					qs[i].Text = strings.Clone(qs[i].Text)
					qs[i].Source, qs[i].File = strings.Clone(qs[i].Source), strings.Clone(qs[i].File)
				}
				quotes = append(quotes, qs...)
			}
			if sink.Article == nil {
				return nil
			}
			return sink.Article(&ArticlePeople{Index: ai, Article: a, Actors: countActors(a, mapped, qs), Quotes: qs})
		})
		if err != nil {
			return nil, err
		}
		// The edits, on the mention counts.
		skipped, applied := acts.applyCounted(edits, texts)
		actual := movingEdits(applied, func(ActorEdit) bool { return true })
		if !sameEdits(actual, assumed) {
			// An edit was skipped: attribute the quotations again without it.
			assumed = actual
			if sink.Restart != nil {
				if err := sink.Restart(); err != nil {
					return nil, err
				}
			}
			continue
		}
		names := map[string]string{}
		for _, a := range acts.List {
			names[a.ID] = a.Name
		}
		for i := range quotes {
			quotes[i].SpeakerName = names[quotes[i].Speaker]
		}
		return &PeopleStage{Actors: acts, Quotes: quotes, Skipped: skipped, Texts: texts}, nil
	}
}

// ApplyCounted is Apply for actors without their mentions: texts counts
// each actor's mentions by how they are written, and is updated as the
// edits move them. It returns the edits skipped.
func (a *Actors) ApplyCounted(edits []ActorEdit, texts map[string]map[string]int) []ActorEdit {
	skipped, _ := a.applyCounted(edits, texts)
	return skipped
}

// applyCounted is ApplyCounted, returning the edits applied too.
func (a *Actors) applyCounted(edits []ActorEdit, texts map[string]map[string]int) (skipped, applied []ActorEdit) {
	for _, e := range edits {
		ok := a.applyWith(e, func(from, variant, to string) int {
			moved := 0
			src := texts[from]
			dst := texts[to]
			if dst == nil {
				dst = map[string]int{}
				texts[to] = dst
			}
			for t, n := range src {
				if variant == "" || t == variant {
					dst[t] += n
					moved += n
					delete(src, t)
				}
			}
			if len(dst) == 0 {
				delete(texts, to)
			}
			return moved
		})
		if ok {
			applied = append(applied, e)
		} else {
			skipped = append(skipped, e)
		}
	}
	return skipped, applied
}

// movingEdits returns the merges and splits among edits (renames move no
// mentions) that keep says apply.
func movingEdits(edits []ActorEdit, keep func(ActorEdit) bool) []ActorEdit {
	var out []ActorEdit
	for _, e := range edits {
		if (e.Op == "merge" || e.Op == "split") && keep(e) {
			out = append(out, e)
		}
	}
	return out
}

func sameEdits(a, b []ActorEdit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// relabelled is the actor a mention of actor written text belongs to once
// the merges and splits among edits (all of which apply) are replayed.
func relabelled(edits []ActorEdit, actor, text string) string {
	for _, e := range edits {
		switch e.Op {
		case "merge":
			if actor == e.Actor && e.Target != e.Actor {
				actor = e.Target
			}
		case "split":
			if v := strings.TrimSpace(e.Target); actor == e.Actor && text == v {
				actor = splitID(e.Actor, v)
			}
		}
	}
	return actor
}

// kindOfID is the kind of the actor with id: organisations' and places'
// ids carry their kind, and a split keeps its actor's id as a prefix.
func kindOfID(id string) ActorKind {
	switch {
	case strings.HasPrefix(id, "org:"):
		return Organisation
	case strings.HasPrefix(id, "place:"):
		return Place
	}
	return Person
}

// countActors sums an article's mentions and quotations per actor.
func countActors(a *AnalyzedArticle, mentions []ActorMention, quotes []Quote) []ActorCount {
	var out []ActorCount
	at := map[string]int{}
	get := func(id string) *ActorCount {
		k, ok := at[id]
		if !ok {
			k = len(out)
			at[id] = k
			out = append(out, ActorCount{Actor: id})
		}
		return &out[k]
	}
	for _, m := range mentions {
		c := get(m.Actor)
		c.Mentions++
		if n := len(c.Sentences); n == 0 || c.Sentences[n-1] != m.Sentence {
			c.Sentences = append(c.Sentences, m.Sentence)
			if m.Sentence < len(a.Sentences) {
				c.Words += a.Sentences[m.Sentence].WordCount
			}
		}
	}
	for _, q := range quotes {
		if q.Speaker != "" {
			get(q.Speaker).QuotedWords += q.Words
		}
	}
	return out
}
