package timeline_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// dirArticles reads every article file of a test folder (not the gold), in
// name order.
func dirArticles(t *testing.T, dir string) []timeline.Article {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	sort.Strings(files)
	var arts []timeline.Article
	for _, f := range files {
		if strings.HasSuffix(f, ".json") || strings.HasSuffix(f, ".yaml") {
			continue
		}
		if st, err := os.Stat(f); err != nil || st.IsDir() {
			continue
		}
		got, err := ingest.ReadFile(f, "")
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		arts = append(arts, got...)
	}
	if len(arts) == 0 {
		t.Fatalf("%s: no articles", dir)
	}
	return arts
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// editsFor makes edits of every kind on a corpus's actors: a rename, a
// merge, a split of a variant as written, and (with bogus) one whose actor
// does not exist and one whose variant is never written, which are skipped.
func editsFor(acts *timeline.Actors, bogus bool) []timeline.ActorEdit {
	var persons []timeline.Actor
	for _, a := range acts.List {
		if a.Kind == timeline.Person {
			persons = append(persons, a)
		}
	}
	var edits []timeline.ActorEdit
	if len(persons) >= 3 {
		edits = append(edits, timeline.ActorEdit{Op: "rename", Actor: persons[0].ID, Name: "Someone Else"},
			timeline.ActorEdit{Op: "merge", Actor: persons[2].ID, Target: persons[1].ID})
	}
	if len(persons) > 0 {
		for _, m := range acts.Mentions {
			if m.Actor == persons[0].ID {
				edits = append(edits, timeline.ActorEdit{Op: "split", Actor: m.Actor, Target: m.Text, Name: "Split Off"})
				break
			}
		}
	}
	if bogus {
		edits = append(edits, timeline.ActorEdit{Op: "merge", Actor: "nobody-at-all", Target: "nobody-else"})
		if len(persons) > 1 {
			edits = append(edits, timeline.ActorEdit{Op: "split", Actor: persons[1].ID, Target: "Never Written This Way", Name: "X"})
		}
	}
	return edits
}

// TestFindPeopleMatchesInMemory: the people stage run over a stream (one
// article at a time, a pass per walk) gives exactly the actors, edits,
// quotations and per-article counts of FindActors, Apply and FindQuotes on
// the whole corpus, with and without edits that are skipped.
func TestFindPeopleMatchesInMemory(t *testing.T) {
	s := summitSchema(t)
	corpora := map[string][]timeline.Article{
		"bundled":   bundledArticles(t),
		"summits":   dirArticles(t, "testdata/summits"),
		"heldout3":  dirArticles(t, "testdata/heldout3"),
		"heldout4":  dirArticles(t, "testdata/heldout4"),
		"heldout5":  dirArticles(t, "testdata/heldout5"),
		"heldout":   dirArticles(t, "testdata/heldout"),
		"no people": {{Source: "S", File: "a.txt", Body: "It rained all day.\n\nNobody came."}},
	}
	for name, corpus := range corpora {
		for _, bogus := range []bool{false, true} {
			label := name
			if bogus {
				label += "/skipped edits"
			}
			t.Run(label, func(t *testing.T) {
				arts := s.AnalyzeCorpus(corpus)
				acts := timeline.FindActors(arts)
				edits := editsFor(acts, bogus)
				skipped := acts.Apply(edits)
				quotes := timeline.FindQuotes(arts, acts)
				t.Logf("%d articles, %d actors, %d mentions, %d quotes, %d edits (%d skipped)", len(arts), len(acts.List), len(acts.Mentions), len(quotes), len(edits), len(skipped))
				type key struct {
					article int
					actor   string
				}
				want := map[key]*timeline.ActorCount{}
				get := func(k key) *timeline.ActorCount {
					if want[k] == nil {
						want[k] = &timeline.ActorCount{Actor: k.actor}
					}
					return want[k]
				}
				for _, m := range acts.Mentions {
					c := get(key{m.Article, m.Actor})
					c.Mentions++
					if !contains(c.Sentences, m.Sentence) {
						c.Sentences = append(c.Sentences, m.Sentence)
						c.Words += arts[m.Article].Sentences[m.Sentence].WordCount
					}
				}
				for _, q := range quotes {
					if q.Speaker != "" {
						get(key{q.Article, q.Speaker}).QuotedWords += q.Words
					}
				}
				got := map[key]timeline.ActorCount{}
				restarts := 0
				var perArticleQuotes []timeline.Quote
				stage, err := timeline.FindPeople(timeline.SliceStream(arts), edits, timeline.PeopleSink{
					Article: func(ap *timeline.ArticlePeople) error {
						for _, c := range ap.Actors {
							c.Sentences = append([]int(nil), c.Sentences...)
							got[key{ap.Index, c.Actor}] = c
						}
						perArticleQuotes = append(perArticleQuotes, ap.Quotes...)
						return nil
					},
					Restart: func() error { restarts++; clear(got); perArticleQuotes = nil; return nil },
				})
				if err != nil {
					t.Fatal(err)
				}
				if g, w := mustJSON(t, stage.Actors.List), mustJSON(t, acts.List); g != w {
					t.Errorf("actors differ:\n got %.400s\nwant %.400s", g, w)
				}
				if g, w := mustJSON(t, stage.Quotes), mustJSON(t, quotes); g != w {
					t.Errorf("quotes differ:\n got %.400s\nwant %.400s", g, w)
				}
				if g, w := mustJSON(t, stage.Skipped), mustJSON(t, skipped); g != w {
					t.Errorf("skipped %s, want %s", g, w)
				}
				if (len(skipped) > 0) != (restarts > 0) || restarts > 1 {
					t.Errorf("%d restarts with %d edits skipped", restarts, len(skipped))
				}
				if len(perArticleQuotes) != len(quotes) {
					t.Errorf("sink got %d quotes, want %d", len(perArticleQuotes), len(quotes))
				}
				if len(got) != len(want) {
					t.Errorf("%d actor counts, want %d", len(got), len(want))
				}
				for k, w := range want {
					if g := got[k]; mustJSON(t, g) != mustJSON(t, *w) {
						t.Errorf("article %d actor %s: got %+v, want %+v", k.article, k.actor, g, *w)
					}
				}
			})
		}
	}
}

// TestFindPeopleStopsAtStreamErrors: an error of the stream ends the stage
// with it.
func TestFindPeopleStopsAtStreamErrors(t *testing.T) {
	broken := errors.New("disk gone")
	calls := 0
	stream := func(fn func(int, *timeline.AnalyzedArticle) error) error {
		calls++
		if calls == 2 {
			return broken
		}
		a := timeline.AnalyzedArticle{Article: timeline.Article{Source: "S", File: "a"}}
		return fn(0, &a)
	}
	if _, err := timeline.FindPeople(stream, nil, timeline.PeopleSink{}); !errors.Is(err, broken) {
		t.Fatalf("err = %v, want the stream's", err)
	}
}

func contains(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
