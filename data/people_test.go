package data

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// inMemoryPeople is the in-memory report with the stored actor edits
// replayed, as screens computed it before the people stage was stored.
func inMemoryPeople(t *testing.T, db *DB, s *timeline.Schema) *timeline.Report {
	t.Helper()
	stored, err := db.LoadCorpus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	edits, err := db.ActorEdits(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	arts := make([]timeline.Article, len(stored))
	sents := make([][]timeline.Sentence, len(stored))
	for i, sa := range stored {
		arts[i], sents[i] = sa.Article, sa.Sentences
	}
	return s.Report(s.AnalyzeSplit(arts, sents), EditsOnly(edits)...)
}

// samePeople compares the stored stage with the in-memory report: actors,
// clusters, discrepancies, and every actor's counts in every article.
func samePeople(t *testing.T, db *DB, s *timeline.Schema, want *timeline.Report) {
	t.Helper()
	ctx := context.Background()
	got, err := db.People(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	for name, pair := range map[string][2]any{
		"actors":        {got.Actors, want.Actors.List},
		"clusters":      {got.Clusters, want.Clusters},
		"discrepancies": {got.Discrepancies, want.Discrepancies},
	} {
		if g, w := jsonOf(t, pair[0]), jsonOf(t, pair[1]); g != w {
			t.Errorf("%s differ:\n got %.300s\nwant %.300s", name, g, w)
		}
	}
	// The brief stage is the stage without its bulk.
	brief, err := db.PeopleBrief(ctx, s, BriefLimits{})
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, brief.Actors) != jsonOf(t, got.Actors) || len(brief.Clusters) != len(got.Clusters) || len(brief.Discrepancies) != len(got.Discrepancies) ||
		brief.ClusterCount != len(got.Clusters) || brief.DiscrepancyCount != len(got.Discrepancies) {
		t.Fatalf("brief stage: %d actors, %d clusters, %d discrepancies", len(brief.Actors), len(brief.Clusters), len(brief.Discrepancies))
	}
	for i, c := range got.Clusters {
		b := brief.Clusters[i]
		sources := map[string]bool{}
		for _, v := range c.Variants {
			sources[v.Source] = true
		}
		if b.ID != c.ID || b.Text != c.Text || b.SpeakerName != c.SpeakerName || b.VariantCount != len(c.Variants) || b.SourceCount != len(sources) || b.Variants != nil {
			t.Fatalf("brief cluster %+v, want %+v", b, c)
		}
		if i < 3 {
			one, total, ok, err := db.ClusterVariants(ctx, c.ID, 0, 0)
			if err != nil || !ok || total != len(c.Variants) || jsonOf(t, one) != jsonOf(t, c) {
				t.Fatalf("cluster %d read alone differs (%v, %v)", c.ID, ok, err)
			}
			// A page of its variants.
			page, _, _, err := db.ClusterVariants(ctx, c.ID, 1, 2)
			want := c.Variants[min(1, len(c.Variants)):min(3, len(c.Variants))]
			if err != nil || jsonOf(t, page.Variants) != jsonOf(t, want) || len(page.Changes) != len(want) {
				t.Fatalf("cluster %d variants 1-2: %v (%v)", c.ID, page.Variants, err)
			}
		}
	}
	// The discrepancies, the most contested first.
	contested := append([]timeline.Discrepancy(nil), got.Discrepancies...)
	sort.SliceStable(contested, func(i, j int) bool { return len(contested[i].Claims) > len(contested[j].Claims) })
	for i, d := range contested {
		b := brief.Discrepancies[i]
		sources := map[string]bool{}
		for _, c := range d.Claims {
			sources[c.Source] = true
		}
		if b.Quantity != d.Quantity || b.ClaimCount != len(d.Claims) || b.SourceCount != len(sources) || jsonOf(t, b.Claims) != jsonOf(t, d.Claims) {
			t.Fatalf("brief discrepancy %+v, want %+v", b, d)
		}
	}
	few, err := db.PeopleBrief(ctx, s, BriefLimits{Clusters: 2, Discrepancies: 1, Claims: 1})
	if err != nil || len(few.Clusters) != min(2, len(got.Clusters)) || few.ClusterCount != len(got.Clusters) ||
		len(few.Discrepancies) != min(1, len(got.Discrepancies)) || few.DiscrepancyCount != len(got.Discrepancies) ||
		len(contested) > 0 && (len(few.Discrepancies[0].Claims) != 1 || jsonOf(t, few.Discrepancies[0].Claims[0]) != jsonOf(t, contested[0].Claims[0])) {
		t.Fatalf("brief within limits: %d clusters of %d, %d discrepancies of %d (%v)", len(few.Clusters), few.ClusterCount, len(few.Discrepancies), few.DiscrepancyCount, err)
	}
	if _, _, ok, err := db.ClusterVariants(ctx, len(got.Clusters)+1, 0, 0); ok || err != nil {
		t.Errorf("cluster %d found (%v)", len(got.Clusters)+1, err)
	}
	if len(got.Actors) == 0 || len(got.Clusters) == 0 || len(got.Discrepancies) == 0 {
		t.Errorf("%d actors, %d clusters, %d discrepancies: the corpus should have some of each", len(got.Actors), len(got.Clusters), len(got.Discrepancies))
	}
	// Per article and actor, from the mentions and quotations.
	type key struct {
		article int
		actor   string
	}
	cells := map[key]*ActorCell{}
	seqs := map[key][]int{}
	cell := func(k key) *ActorCell {
		if cells[k] == nil {
			a := want.Articles[k.article]
			cells[k] = &ActorCell{Actor: k.actor, Source: a.Source, File: a.File, Copy: !a.CopyOf.IsZero(), Article: k.article}
		}
		return cells[k]
	}
	for _, m := range want.Actors.Mentions {
		k := key{m.Article, m.Actor}
		c := cell(k)
		c.Mentions++
		if n := len(seqs[k]); n == 0 || seqs[k][n-1] != m.Sentence {
			seqs[k] = append(seqs[k], m.Sentence)
			c.Sentences++
			c.Words += want.Articles[m.Article].Sentences[m.Sentence].WordCount
		}
	}
	quoted := map[[2]string]int{}
	for _, q := range want.Quotes {
		if q.Speaker != "" {
			cell(key{q.Article, q.Speaker}).QuotedWords += q.Words
			quoted[[2]string{q.Speaker, q.Source}] += q.Words
		}
	}
	stored, err := db.ActorCells(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != len(cells) {
		t.Errorf("%d stored cells, want %d", len(stored), len(cells))
	}
	for _, c := range stored {
		w := cells[key{c.Article, c.Actor}]
		c.ArticleID = 0
		if w == nil || *w != c {
			t.Errorf("cell %+v, want %+v", c, w)
			break
		}
	}
	// A few actors' cells on their own, and their sentences and quoted words per source.
	for _, a := range got.Actors[:min(4, len(got.Actors))] {
		own, err := db.ActorCells(ctx, []string{a.ID})
		if err != nil {
			t.Fatal(err)
		}
		sources := map[string]bool{}
		for _, c := range own {
			if c.Actor != a.ID {
				t.Fatalf("cells of %s hold %s", a.ID, c.Actor)
			}
			sources[c.Source] = true
		}
		for source := range sources {
			var wantEv []string
			for _, c := range own { // corpus order
				k := key{c.Article, c.Actor}
				if c.Source != source {
					continue
				}
				for _, si := range seqs[k] {
					wantEv = append(wantEv, fmt.Sprintf("%s/%d: %s", c.File, si, want.Articles[c.Article].Sentences[si].Text))
				}
			}
			ev, err := db.ActorSentences(ctx, a.ID, source)
			if err != nil {
				t.Fatal(err)
			}
			var gotEv []string
			for _, e := range ev {
				if e.Source != source {
					t.Fatalf("evidence of %s from %s", source, e.Source)
				}
				gotEv = append(gotEv, fmt.Sprintf("%s/%d: %s", e.File, e.Sentence, e.Text))
			}
			if g, w := jsonOf(t, gotEv), jsonOf(t, wantEv); g != w {
				t.Errorf("%s in %s: sentences\n got %.300s\nwant %.300s", a.ID, source, g, w)
			}
			if first, err := db.ActorSentencesN(ctx, a.ID, source, 2); err != nil || len(first) != min(2, len(ev)) || len(first) > 0 && first[0].Text != ev[0].Text {
				t.Errorf("%s in %s: first 2 sentences %+v (%v)", a.ID, source, first, err)
			}
		}
		qw, err := db.QuotedWords(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for source, n := range qw {
			if quoted[[2]string{a.ID, source}] != n {
				t.Errorf("%s quoted in %s: %d words, want %d", a.ID, source, n, quoted[[2]string{a.ID, source}])
			}
		}
		for k, n := range quoted {
			if k[0] == a.ID && qw[k[1]] != n {
				t.Errorf("%s quoted in %s: %d words, want %d", a.ID, k[1], qw[k[1]], n)
			}
		}
	}
}

// TestStoredPeopleMatchesInMemory: the people stage stored by streaming
// the articles equals the in-memory report's actors, clusters,
// discrepancies and per-article counts on the bundled corpus, the other
// summits and two held-out sets (with generated articles), without and
// with actor edits; the evidence sentences behind each cell are the
// mentions' sentences.
func TestStoredPeopleMatchesInMemory(t *testing.T) {
	ctx := context.Background()
	s := testSchema(t)
	db := openTemp(t)
	importMixed(t, db, 120)
	want := inMemoryPeople(t, db, s)
	samePeople(t, db, s, want)
	// Edits of every kind, and one that no longer applies.
	var persons []timeline.Actor
	for _, a := range want.Actors.List {
		if a.Kind == timeline.Person {
			persons = append(persons, a)
		}
	}
	var variant string
	for _, m := range want.Actors.Mentions {
		if m.Actor == persons[0].ID {
			variant = m.Text
			break
		}
	}
	for _, e := range []timeline.ActorEdit{
		{Op: "rename", Actor: persons[1].ID, Name: "Renamed Person"},
		{Op: "merge", Actor: persons[3].ID, Target: persons[2].ID},
		{Op: "split", Actor: persons[0].ID, Target: variant, Name: "Split Person"},
		{Op: "merge", Actor: "gone-actor", Target: persons[0].ID},
	} {
		if err := db.AddActorEdit(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	want = inMemoryPeople(t, db, s)
	samePeople(t, db, s, want)
	p, err := db.People(ctx, s)
	if err != nil || len(p.Skipped) != 1 || p.Skipped[0].Actor != "gone-actor" {
		t.Errorf("skipped %+v (%v), want the edit of gone-actor", p.Skipped, err)
	}
	// The stored mention texts check edits as Apply does.
	texts, err := db.MentionTexts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []struct {
		edit  timeline.ActorEdit
		apply bool
	}{
		{timeline.ActorEdit{Op: "split", Actor: persons[0].ID, Target: variant, Name: "Again"}, false}, // already split off
		{timeline.ActorEdit{Op: "merge", Actor: persons[4].ID, Target: persons[2].ID}, true},
		{timeline.ActorEdit{Op: "rename", Actor: "nobody", Name: "X"}, false},
	} {
		acts := &timeline.Actors{List: append([]timeline.Actor(nil), p.Actors...)}
		if skipped := acts.ApplyCounted([]timeline.ActorEdit{e.edit}, texts); (len(skipped) == 0) != e.apply {
			t.Errorf("%s: applies %v, want %v", e.edit, len(skipped) == 0, e.apply)
		}
	}
}

// refreshes reports whether RefreshPeople recomputed the stage.
func refreshes(t *testing.T, db *DB, s *timeline.Schema) bool {
	t.Helper()
	calls := 0
	if err := db.RefreshPeople(context.Background(), s, func(done, total int) { calls++ }); err != nil {
		t.Fatal(err)
	}
	return calls > 0
}

// TestPeopleRecomputedWhenStale: the stage is recomputed after an import,
// an actor edit or a source renamed (corpus order), and only then.
func TestPeopleRecomputedWhenStale(t *testing.T) {
	ctx := context.Background()
	s := testSchema(t)
	db := openTemp(t)
	importMixed(t, db, 0)
	if !refreshes(t, db, s) {
		t.Fatal("first refresh computed nothing")
	}
	if refreshes(t, db, s) {
		t.Error("nothing changed, yet the stage was recomputed")
	}
	if _, err := db.ImportArticle(ctx, article("Late Wire", "late.txt", "President Donald Trump said the talks in Alaska were “very productive and very warm”.\n\nVladimir Putin agreed.")); err != nil {
		t.Fatal(err)
	}
	if !refreshes(t, db, s) {
		t.Error("an import did not recompute the stage")
	}
	samePeople(t, db, s, inMemoryPeople(t, db, s))
	if refreshes(t, db, s) {
		t.Error("recomputed twice after one import")
	}
	p, err := db.People(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AddActorEdit(ctx, timeline.ActorEdit{Op: "rename", Actor: p.Actors[0].ID, Name: "The President"}); err != nil {
		t.Fatal(err)
	}
	if !refreshes(t, db, s) {
		t.Error("an actor edit did not recompute the stage")
	}
	if p, err = db.People(ctx, s); err != nil || p.Actors[0].Name != "The President" {
		t.Errorf("rename not replayed: %v", err)
	}
	if _, err := db.UndoActorEdit(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if !refreshes(t, db, s) {
		t.Error("undoing an edit did not recompute the stage")
	}
	srcs, _ := db.Sources(ctx)
	if err := db.RenameSource(ctx, srcs[0].ID, "zzz last now"); err != nil {
		t.Fatal(err)
	}
	if !refreshes(t, db, s) {
		t.Error("a source renamed (corpus order) did not recompute the stage")
	}
	samePeople(t, db, s, inMemoryPeople(t, db, s))
	var gens int
	db.db.QueryRow(`SELECT COUNT(DISTINCT gen) FROM actor_cells`).Scan(&gens)
	if gens != 1 {
		t.Errorf("%d generations of cells kept, want 1", gens)
	}
}

// TestInterruptedPeopleRefreshKeepsTheOldStage: a refresh that fails half
// way (here: cancelled) leaves the stage readers use as it was; the next
// refresh completes and drops the half-written generation.
func TestInterruptedPeopleRefreshKeepsTheOldStage(t *testing.T) {
	ctx := context.Background()
	s := testSchema(t)
	db := openTemp(t)
	importMixed(t, db, 0)
	before, err := db.People(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	beforeCells, _ := db.ActorCells(ctx, nil)
	if err := db.AddActorEdit(ctx, timeline.ActorEdit{Op: "merge", Actor: before.Actors[1].ID, Target: before.Actors[0].ID}); err != nil {
		t.Fatal(err)
	}
	defer func(n int) { peopleBatch = n }(peopleBatch)
	peopleBatch = 4 // a few transactions of cells committed before the stop
	cctx, cancel := context.WithCancel(ctx)
	err = db.RefreshPeople(cctx, s, func(done, total int) {
		if done > total*9/10 { // in the last walk, cells written
			cancel()
		}
	})
	cancel()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("the interrupted refresh returned %v", err)
	}
	var partial int
	db.db.QueryRow(`SELECT COUNT(*) FROM actor_cells WHERE gen > (SELECT MAX(gen) FROM people_stage WHERE complete = 1)`).Scan(&partial)
	if partial == 0 {
		t.Error("the interrupted refresh wrote no cells before it stopped: the test tests nothing")
	}
	// Readers still see the old stage.
	cells, err := db.ActorCells(ctx, nil)
	if err != nil || jsonOf(t, cells) != jsonOf(t, beforeCells) {
		t.Fatalf("cells changed by an interrupted refresh (%v)", err)
	}
	if stale, err := db.PeopleStale(ctx, s); err != nil || !stale {
		t.Fatalf("stale = %v (%v), want true", stale, err)
	}
	samePeople(t, db, s, inMemoryPeople(t, db, s)) // People refreshes
	var leftovers int
	db.db.QueryRow(`SELECT COUNT(*) FROM actor_cells WHERE gen <> (SELECT MAX(gen) FROM people_stage WHERE complete = 1)`).Scan(&leftovers)
	if leftovers != 0 {
		t.Errorf("%d cells of other generations left", leftovers)
	}
}

// TestPeopleMigrationKeepsData: a database from before the people stage
// (schema 7) gains it on opening, with its articles and analysis intact.
func TestPeopleMigrationKeepsData(t *testing.T) {
	ctx := context.Background()
	s := testSchema(t)
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	importMixed(t, db, 0)
	if err := db.Refresh(ctx, s, nil); err != nil {
		t.Fatal(err)
	}
	n, _ := db.CountArticles(ctx)
	// Back to the schema before migration 009 (and 011, which follows it).
	for _, q := range []string{`DROP TABLE people_stage`, `DROP TABLE actor_cells`, `DROP TABLE actor_sources`, `DROP TABLE people_sources`,
		`DROP TABLE quote_clusters`, `DROP TABLE quote_variants`, `DROP TABLE people_actors`, `DROP TABLE people_quotes`, `DROP TABLE quote_wordings`,
		`DROP TABLE people_claims`, `DROP TABLE discrepancies`, `DROP TABLE discrepancy_claims`, `DROP TABLE source_counts`, `DELETE FROM schema_version WHERE version >= 9`} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if m, _ := db.CountArticles(ctx); m != n {
		t.Fatalf("%d articles after the upgrade, want %d", m, n)
	}
	calls := 0
	if err := db.Refresh(ctx, s, func(int, int) { calls++ }); err != nil || calls != 0 {
		t.Errorf("the stored analysis was recomputed after the upgrade (%v)", err)
	}
	samePeople(t, db, s, inMemoryPeople(t, db, s))
}

// TestRefreshPeopleProgress: the people stage's progress moves through
// every phase, clustering included (several calls while the wordings are
// compared), never goes back, and reaches its end once, last.
func TestRefreshPeopleProgress(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if sum := ingest.Import(ctx, db, []string{writeCorpus(t, 300)}, ingest.Options{}, nil); sum.Imported != 300 {
		t.Fatalf("imported %d", sum.Imported)
	}
	type call struct{ done, total int }
	var calls []call
	if err := db.RefreshPeople(ctx, testSchema(t), func(done, total int) { calls = append(calls, call{done, total}) }); err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 {
		t.Fatal("no progress")
	}
	total := calls[0].total
	// The phases' steps: three walks of 300 articles, then the phases'
	// shares of their budget.
	steps := &peopleProgress{articles: 300, walks: 3}
	if total != steps.total() || total <= 900 {
		t.Fatalf("total %d, want %d", total, steps.total())
	}
	phaseStart := steps.phaseStart
	inPhase := map[peoplePhase]int{}
	for i, c := range calls {
		if c.total != total || c.done > total || i > 0 && c.done <= calls[i-1].done {
			t.Fatalf("call %d: %d of %d after %v", i, c.done, c.total, calls[max(i-1, 0)])
		}
		if c.done == total && i != len(calls)-1 {
			t.Fatalf("call %d of %d reaches the end", i, len(calls))
		}
		for ph := phaseGroups; ph <= phaseDrop; ph++ {
			if c.done > phaseStart(ph) && (ph == phaseDrop || c.done <= phaseStart(ph+1)) {
				inPhase[ph]++
			}
		}
	}
	if last := calls[len(calls)-1]; last.done != total {
		t.Errorf("last call %d of %d", last.done, last.total)
	}
	for _, ph := range []peoplePhase{phaseGroups, phaseScan, phaseClaims, phaseDiscrepancies} {
		if inPhase[ph] < 2 {
			t.Errorf("phase %d: %d calls, want several (%v)", ph, inPhase[ph], inPhase)
		}
	}
}

// TestSharedFileSources: a file several articles have takes the source
// of the last of them in corpus order that names anyone, as the actors'
// cells give it; the others are left to their one article's cells.
func TestSharedFileSources(t *testing.T) {
	ctx := context.Background()
	s := testSchema(t)
	for _, tc := range []struct {
		name   string
		rename string // SQL giving some articles the same files
	}{
		{"files of one article", ""},
		{"files shared across sources", `UPDATE articles SET file = 'shared-' || (id % 5) || '.txt' WHERE id % 3 = 0`},
		{"every file shared", `UPDATE articles SET file = 'all.txt'`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTemp(t)
			importMixed(t, db, 40)
			if tc.rename != "" {
				if _, err := db.db.Exec(tc.rename); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.RefreshPeople(ctx, s, nil); err != nil {
				t.Fatal(err)
			}
			type at struct {
				article int
				source  string
			}
			want := map[string]at{}
			articles := map[string]map[int64]bool{} // naming articles per file
			err := db.EachActorCell(ctx, nil, func(c ActorCell) error {
				if c.Mentions > 0 {
					if w, ok := want[c.File]; !ok || c.Article >= w.article {
						want[c.File] = at{c.Article, c.Source}
					}
					if articles[c.File] == nil {
						articles[c.File] = map[int64]bool{}
					}
					articles[c.File][c.ArticleID] = true
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			got, err := db.SharedFileSources(ctx)
			if err != nil {
				t.Fatal(err)
			}
			several := 0
			for file, w := range want {
				src, ok := got[file]
				if len(articles[file]) > 1 {
					several++
					if !ok {
						t.Errorf("%s: %d articles name someone, not looked up", file, len(articles[file]))
					}
				}
				if ok && src != w.source {
					t.Errorf("%s: source %q, want %q", file, src, w.source)
				}
			}
			if len(want) == 0 || (tc.rename != "") != (several > 0) || (tc.rename == "") != (len(got) == 0) {
				t.Errorf("%d files, %d named in several articles, %d looked up", len(want), several, len(got))
			}
		})
	}
}
