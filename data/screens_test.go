package data

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// screensDB is a store with the mixed corpus and wire copies of bundled
// articles under another source, analysed.
func screensDB(t *testing.T) (*DB, *timeline.Report) {
	t.Helper()
	ctx := context.Background()
	db := openTemp(t)
	importMixed(t, db, 0)
	day := time.Date(2025, 8, 16, 0, 0, 0, 0, time.UTC)
	for i, b := range bundledBodies(t)[:2] {
		a := article("Reprinter", fmt.Sprintf("r%d.txt", i), reprint(b, "Reprinted headline"))
		a.Published = day
		if st, err := db.ImportArticle(ctx, a); err != nil || st.CopyOf == "" {
			t.Fatalf("reprint %d: %+v %v", i, st, err)
		}
	}
	schema := testSchema(t)
	r, err := db.Report(ctx, schema)
	if err != nil {
		t.Fatal(err)
	}
	return db, r
}

// TestScreenReadsMatchTheReport checks the on-demand reads against the
// whole Report: the sentences behind each coverage cell, one article,
// the sources' words, the wire copies.
func TestScreenReadsMatchTheReport(t *testing.T) {
	ctx := context.Background()
	db, r := screensDB(t)
	schema := testSchema(t)
	evidenceKey := func(e timeline.Evidence) string {
		return fmt.Sprintf("%s|%s|%d|%s|%v", e.Source, e.File, e.Sentence, e.Text, e.Times)
	}
	var keys []struct {
		themes bool
		key    string
	}
	for _, id := range schema.PhaseIDs() {
		keys = append(keys, struct {
			themes bool
			key    string
		}{false, id})
	}
	for _, th := range schema.Themes {
		keys = append(keys, struct {
			themes bool
			key    string
		}{true, th.ID})
	}
	cells := 0
	for _, src := range r.Sources {
		for _, k := range keys {
			var want []string
			for _, a := range r.Articles {
				if a.Source != src {
					continue
				}
				for _, s := range a.Sentences {
					has := contains(s.Themes, k.key)
					if !k.themes {
						has = s.Confidence >= timeline.MinConfidence && (s.Phase == k.key || contains(s.Also, k.key))
					}
					if has {
						want = append(want, evidenceKey(timeline.Evidence{Source: a.Source, File: a.File, Sentence: s.Index, Text: s.Text, Times: s.Times}))
					}
				}
			}
			for _, limit := range []int{0, 3} {
				evs, more, err := db.CellSentences(ctx, src, k.themes, k.key, limit)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, e := range evs {
					got = append(got, evidenceKey(e))
				}
				w := want
				if limit > 0 && len(w) > limit {
					w = w[:limit]
				}
				if more != (len(w) < len(want)) || !slices.Equal(got, w) {
					t.Errorf("%s × %s (limit %d): %d sentences, more %v, of %d\n got %.300q\nwant %.300q", src, k.key, limit, len(got), more, len(want), got, w)
				}
			}
			if len(want) > 0 {
				cells++
			}
		}
	}
	if cells < 20 {
		t.Fatalf("only %d cells with sentences", cells)
	}

	for _, countCopies := range []bool{false, true} {
		r.CountCopies = countCopies
		want := map[string]int{}
		for _, a := range r.Articles {
			if r.Counts(a.Article) {
				want[a.Source] += a.Words
			}
		}
		got, err := db.SourceWords(ctx, countCopies)
		if err != nil {
			t.Fatal(err)
		}
		for src, w := range want {
			if got[src] != w {
				t.Errorf("copies %v: %s has %d words, want %d", countCopies, src, got[src], w)
			}
		}
	}

	for _, i := range []int{0, len(r.Articles) / 2, len(r.Articles) - 1} {
		want := r.Articles[i]
		got, err := db.ArticleAt(ctx, want.Source, want.File)
		if err != nil || got == nil {
			t.Fatalf("%s / %s: %v, %v", want.Source, want.File, got, err)
		}
		if got.Title != want.Title || got.CopyOf != want.CopyOf || len(got.Sentences) != len(want.Sentences) {
			t.Fatalf("%s / %s: title %q copy of %v, %d sentences; want %q, %v, %d", want.Source, want.File, got.Title, got.CopyOf, len(got.Sentences), want.Title, want.CopyOf, len(want.Sentences))
		}
		for k, s := range got.Sentences {
			w := want.Sentences[k]
			if s.Sentence != w.Sentence || s.Phase != w.Phase || s.Confidence != w.Confidence || !slices.Equal(s.Also, w.Also) ||
				!slices.Equal(s.Themes, w.Themes) || fmt.Sprint(s.Times) != fmt.Sprint(w.Times) {
				t.Fatalf("%s / %s sentence %d:\n got %+v\nwant %+v", want.Source, want.File, k, s, w)
			}
		}
	}
	if a, err := db.ArticleAt(ctx, "No such source", "x.txt"); a != nil || err != nil {
		t.Fatalf("a missing article: %v, %v", a, err)
	}

	links, err := db.Copies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := db.CountCopies(ctx); err != nil || n != len(links) || n != len(r.Copies()) || n == 0 {
		t.Fatalf("%d copies (%v), want %d", n, err, len(links))
	}
	for _, src := range r.Sources {
		var wantCopies, wantReprinted []string
		for _, l := range links {
			if l.Copy.Source == src {
				wantCopies = append(wantCopies, l.Copy.String()+" of "+l.Original.String())
			}
			if l.Original.Source == src {
				wantReprinted = append(wantReprinted, l.Copy.String()+" of "+l.Original.String())
			}
		}
		copies, reprinted, err := db.SourceCopies(ctx, src)
		if err != nil {
			t.Fatal(err)
		}
		var gotCopies, gotReprinted []string
		for _, l := range copies {
			gotCopies = append(gotCopies, l.Copy.String()+" of "+l.Original.String())
		}
		for _, l := range reprinted {
			gotReprinted = append(gotReprinted, l.Copy.String()+" of "+l.Original.String())
		}
		slices.Sort(wantCopies)
		slices.Sort(wantReprinted)
		if !slices.Equal(gotCopies, wantCopies) || !slices.Equal(gotReprinted, wantReprinted) {
			t.Errorf("%s: copies %v reprinted %v; want %v, %v", src, gotCopies, gotReprinted, wantCopies, wantReprinted)
		}
	}
}

// TestStoreMarkMovesWithTheStore: the mark changes with imports, stored
// analyses and actor edits, and not with other settings.
func TestStoreMarkMovesWithTheStore(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	mark := func() string {
		t.Helper()
		m, err := db.StoreMark(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	steps := []struct {
		name    string
		do      func() error
		changes bool
	}{
		{"import", func() error {
			_, err := db.ImportArticle(ctx, article("A", "a.txt", "The leaders arrived on the tarmac and shook hands. Then the talks began."))
			return err
		}, true},
		{"a setting", func() error { return db.SetSetting(ctx, "ui.something", "1") }, false},
		{"refresh with another schema", func() error {
			s := testSchema(t)
			s.Name += " (changed)"
			s.Phases = s.Phases[:len(s.Phases)-1]
			return db.Refresh(ctx, s, nil)
		}, true},
		{"actor edit", func() error {
			return db.AddActorEdit(ctx, timeline.ActorEdit{Op: "rename", Actor: "a", Name: "B"})
		}, true},
		{"undo", func() error { _, err := db.UndoActorEdit(ctx, 0); return err }, true},
		{"nothing", func() error { return nil }, false},
	}
	last := mark()
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		now := mark()
		if (now != last) != s.changes {
			t.Errorf("%s: mark %q → %q", s.name, last, now)
		}
		last = now
	}
}

// TestScreenQueryPlans pins the plans of the on-demand reads: indexes, no
// scan of the articles or sentences, no sort.
func TestScreenQueryPlans(t *testing.T) {
	db, _ := screensDB(t)
	plans := map[string]struct {
		query   string
		args    []any
		want    []string
		mustNot []string
	}{
		"store mark":   {qStoreMark, nil, []string{"articles"}, []string{"TEMP B-TREE"}},
		"copy count":   {qCopyCount, nil, []string{"articles_copy_of"}, []string{"SCAN articles "}},
		"source words": {qSourceWords, []any{0}, []string{"SEARCH w USING INTEGER PRIMARY KEY"}, []string{"articles", "sentence"}},
		"a source's copies": {qSourceCopies, []any{"Reprinter"}, []string{"SEARCH cs USING COVERING INDEX sqlite_autoindex_sources", "SEARCH c USING", "SEARCH o USING INTEGER PRIMARY KEY"},
			[]string{"TEMP B-TREE", "SCAN"}},
		"a source's reprints": {qSourceReprints, []any{"Reprinter"}, []string{"SEARCH os USING COVERING INDEX sqlite_autoindex_sources", "SEARCH o USING", "SEARCH c USING", "articles_copy_of"},
			[]string{"SCAN"}},
		"cell sentences": {qCellSentences, []any{"Reprinter", 0, "talks"}, []string{"SEARCH s USING COVERING INDEX sqlite_autoindex_sources", "SEARCH a USING COVERING INDEX articles_source_file",
			"SEARCH aa USING INTEGER PRIMARY KEY", "SEARCH t USING INDEX sqlite_autoindex_sentences_1 (article_id=? AND seq=?)", "SEARCH c EXISTS USING PRIMARY KEY (article_id=? AND kind=?)"},
			[]string{"TEMP B-TREE", "SCAN t", "SCAN a", "SCAN c"}},
		"article":           {qArticleAt, []any{"Reprinter", "r0.txt"}, []string{"SEARCH a USING INDEX articles_source_file"}, []string{"SCAN"}},
		"article sentences": {qArticleSentences, []any{1}, []string{"SEARCH t USING INDEX sqlite_autoindex_sentences"}, []string{"SCAN", "TEMP B-TREE"}},
	}
	for name, p := range plans {
		plan := strings.Join(queryPlan(t, db, p.query, p.args...), "; ")
		for _, w := range p.want {
			if !strings.Contains(plan, w) {
				t.Errorf("%s: plan %q, want %q", name, plan, w)
			}
		}
		for _, w := range p.mustNot {
			if strings.Contains(plan, w) {
				t.Errorf("%s: plan %q has %q", name, plan, w)
			}
		}
	}
}

// BenchmarkScreenQueries times the on-demand reads of the window's screens
// on a database of N analysed articles (100,000 with
// NEWSREEL_BENCH_LARGE=1): ms per query.
func BenchmarkScreenQueries(b *testing.B) {
	sizes := []int{10000}
	if os.Getenv("NEWSREEL_BENCH_LARGE") != "" {
		sizes = append(sizes, 100000)
	}
	ctx := context.Background()
	for _, n := range sizes {
		db := benchDB(b, n)
		var source, file string
		if err := db.db.QueryRow(`SELECT s.label, a.file FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = (SELECT MAX(id) / 2 FROM articles)`).Scan(&source, &file); err != nil {
			b.Fatal(err)
		}
		queries := []struct {
			name string
			run  func() (int, error)
		}{
			{"store-mark", func() (int, error) { m, err := db.StoreMark(ctx); return len(m), err }},
			{"copy-count", func() (int, error) { _, err := db.CountCopies(ctx); return 1, err }},
			{"source-copies", func() (int, error) { _, _, err := db.SourceCopies(ctx, source); return 1, err }},
			{"source-words", func() (int, error) { w, err := db.SourceWords(ctx, false); return len(w), err }},
			{"sources", func() (int, error) { s, err := db.Sources(ctx); return len(s), err }},
			{"cell-sentences", func() (int, error) {
				e, _, err := db.CellSentences(ctx, source, false, "talks", 200)
				return len(e), err
			}},
			{"theme-sentences", func() (int, error) {
				e, _, err := db.CellSentences(ctx, source, true, "ceasefire-peace", 200)
				return len(e), err
			}},
			{"article", func() (int, error) { a, err := db.ArticleAt(ctx, source, file); return len(a.Sentences), err }},
		}
		for _, q := range queries {
			b.Run(fmt.Sprintf("articles=%d/%s", n, q.name), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					if got, err := q.run(); err != nil || got == 0 {
						b.Fatalf("%d results, %v", got, err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/query")
			})
		}
		db.Close()
	}
}
