package data

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/timeline"
)

// bundledBodies reads the bundled corpus's articles.
func bundledBodies(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../assets/corpus/alaska-2025/*.txt")
	if err != nil || len(files) < 2 {
		t.Fatalf("bundled corpus: %v", err)
	}
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// reprint is how an outlet runs agency copy: its own headline and a cut
// last paragraph.
func reprint(body, headline string) string {
	paras := strings.Split(strings.TrimSpace(body), "\n\n")
	return headline + "\n\n" + strings.Join(paras[1:len(paras)-1], "\n\n") + "\n"
}

func TestWireCopiesLinkToTheEarliestOriginal(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	bodies := bundledBodies(t)
	day := time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC)
	imp := func(source, file, body string, published time.Time) string {
		t.Helper()
		a := article(source, file, body)
		a.Published = published
		st, err := db.ImportArticle(ctx, a)
		if err != nil || st.Duplicate {
			t.Fatalf("%s: %+v %v", file, st, err)
		}
		return st.CopyOf
	}
	// Independent reports of one event are not copies of each other.
	for i, b := range bodies {
		if got := imp("Outlet", string(rune('a'+i))+".txt", b, day.Add(time.Duration(10+i)*time.Hour)); got != "" {
			t.Fatalf("independent report %d stored as a copy of %s", i, got)
		}
	}
	// A reprint published later links to the stored original.
	if got := imp("Reprinter", "r1.txt", reprint(bodies[0], "Leaders meet"), day.Add(20*time.Hour)); got != "Outlet / a.txt" {
		t.Fatalf("reprint linked to %q", got)
	}
	if got := imp("Reprinter", "r2.txt", reprint(bodies[1], "Summit ends"), day.Add(21*time.Hour)); got != "Outlet / b.txt" {
		t.Fatalf("second reprint linked to %q", got)
	}
	// The agency's text, published before the report that reprinted it,
	// becomes the original of its group: the stored report and its copy
	// relink to it.
	if got := imp("Agency", "wire.txt", reprint(bodies[1], "Agency headline"), day.Add(8*time.Hour)); got != "" {
		t.Fatalf("earliest wire text linked as a copy of %q", got)
	}
	links, err := db.Copies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range links {
		got[l.Copy.String()] = l.Original.String()
		if l.Similarity < timeline.CopySimilarity || l.Similarity > 1 {
			t.Errorf("%s: similarity %v", l.Copy, l.Similarity)
		}
	}
	want := map[string]string{
		"Reprinter / r1.txt": "Outlet / a.txt",
		"Outlet / b.txt":     "Agency / wire.txt",
		"Reprinter / r2.txt": "Agency / wire.txt",
	}
	if len(got) != len(want) {
		t.Fatalf("copies %v, want %v", got, want)
	}
	for c, o := range want {
		if got[c] != o {
			t.Errorf("%s: original %q, want %q", c, got[c], o)
		}
	}
	// The engine sees the links.
	stored, err := db.LoadCorpus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, sa := range stored {
		ref := timeline.ArticleRef{Source: sa.Article.Source, File: sa.Article.File}.String()
		if sa.Article.CopyOf.String() != want[ref] {
			t.Errorf("%s: loaded CopyOf %q, want %q", ref, sa.Article.CopyOf, want[ref])
		}
	}
	// The stored coverage and per-source sums know the copies, the
	// relinked original included.
	s := testSchema(t)
	if err := db.Refresh(ctx, s, nil); err != nil {
		t.Fatal(err)
	}
	mem := inMemoryReport(t, db, s)
	cov, err := db.StoredCoverage(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	copies := 0
	for _, c := range cov {
		if c.Copy {
			copies++
		}
	}
	if g, w := jsonOf(t, cov), jsonOf(t, mem.Coverage); g != w || copies == 0 {
		t.Errorf("stored coverage (%d copy cells) differs:\n got %.300s\nwant %.300s", copies, g, w)
	}
	sameMatrix(t, db, mem)
	sameScreenTimeline(t, db, s, mem)
	samePhaseEvidence(t, db, mem.Timeline)
	// Re-analysed (another schema) they still do.
	raw, err := assets.Schema(assets.DefaultSchema)
	if err != nil {
		t.Fatal(err)
	}
	other, err := timeline.ParseSchema("other.yaml", []byte(strings.Replace(string(raw), "label:", "label: x", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Refresh(ctx, other, nil); err != nil {
		t.Fatal(err)
	}
	mem = inMemoryReport(t, db, other)
	sameMatrix(t, db, mem)
	sameScreenTimeline(t, db, other, mem)
	samePhaseEvidence(t, db, mem.Timeline)
}

// TestMigration007RecomputesWhatImportKeeps: the statements by which
// migration 007 fills the per-source copy sums, phase_articles and
// phase_votes of an older database give what import and re-analysis keep.
func TestMigration007RecomputesWhatImportKeeps(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	importMixed(t, db, 200)
	bodies := bundledBodies(t)
	day := time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC)
	for i, b := range bodies[:2] { // copies, one of them published first
		a := article("Reprinter", string(rune('p'+i))+".txt", reprint(b, "Headline"))
		a.Published = day.Add(time.Duration(1-2*i) * 24 * time.Hour)
		if _, err := db.ImportArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Refresh(ctx, testSchema(t), nil); err != nil {
		t.Fatal(err)
	}
	fills := migrationStatements(t, "007_scale.sql", "UPDATE coverage_sources", "UPDATE source_words", "INSERT INTO phase_articles", "INSERT INTO phase_votes")
	if len(fills) != 4 {
		t.Fatalf("%d fill statements in migration 007", len(fills))
	}
	// The per-sentence results as migration 007 found them (a table that
	// migration 008 folds into article_analysis.results).
	oldSentenceAnalysis(t, db)
	dump := func() string {
		var b strings.Builder
		for _, q := range []string{
			`SELECT source_id, kind, key, sentences, words, articles, copy_sentences, copy_words, copy_articles FROM coverage_sources ORDER BY 1, 2, 3`,
			`SELECT source_id, words, articles, copy_words, copy_articles FROM source_words ORDER BY 1`,
			`SELECT source_id, phase, file, article_id, sentences, first FROM phase_articles ORDER BY 1, 2, 3, 4`,
			`SELECT earlier, later, votes FROM phase_votes ORDER BY 1, 2`,
		} {
			rows, err := db.db.Query(q)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				vals := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				rows.Scan(ptrs...)
				fmt.Fprintln(&b, vals...)
			}
			rows.Close()
		}
		return b.String()
	}
	kept := dump()
	var copies int
	db.db.QueryRow(`SELECT COUNT(*) FROM coverage_sources WHERE copy_articles > 0`).Scan(&copies)
	if copies == 0 {
		t.Fatal("no copies counted")
	}
	for _, q := range []string{`UPDATE coverage_sources SET copy_sentences = 0, copy_words = 0, copy_articles = 0`,
		`UPDATE source_words SET copy_words = 0, copy_articles = 0`, `DELETE FROM phase_articles`, `DELETE FROM phase_votes`} {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range fills {
		if _, err := db.db.Exec(q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	if got := dump(); got != kept {
		t.Errorf("migration 007 fills differ from what import keeps:\n got %.500s\nwant %.500s", got, kept)
	}
}

// migrationStatements returns the statements of a migration that start
// with one of prefixes, without comments.
func migrationStatements(t *testing.T, file string, prefixes ...string) []string {
	t.Helper()
	raw, err := migrationFS.ReadFile("migrations/" + file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, stmt := range strings.Split(string(raw), ";\n") {
		var lines []string
		for _, l := range strings.Split(stmt, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "--") {
				lines = append(lines, l)
			}
		}
		stmt = strings.TrimSpace(strings.Join(lines, "\n"))
		for _, p := range prefixes {
			if strings.HasPrefix(stmt, p) {
				out = append(out, stmt)
			}
		}
	}
	return out
}

// oldSentenceAnalysis recreates (as a temporary table, which the
// migrations' unqualified name finds) the per-sentence results table of
// schema versions 6 and 7 from the stored results.
func oldSentenceAnalysis(t *testing.T, db *DB) {
	t.Helper()
	db.db.SetMaxOpenConns(1) // temporary tables belong to one connection
	if _, err := db.db.Exec(`CREATE TEMP TABLE sentence_analysis AS
		SELECT aa.article_id AS article_id, r.value ->> 'i' AS seq, COALESCE(r.value ->> 'p', '') AS phase,
			COALESCE(r.value ->> 'c', 0.0) AS confidence, COALESCE(r.value ->> 'a', '') AS also, COALESCE(r.value ->> 't', '') AS themes,
			COALESCE(r.value ->> 'af', '') AS after_phase, COALESCE(r.value ->> 'b', '') AS before_phase,
			CASE WHEN r.value ->> 'tm' IS NOT NULL THEN r.value -> 'tm' END AS times
		FROM article_analysis aa CROSS JOIN json_each(aa.results) r`); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.db.QueryRow(`SELECT COUNT(*) FROM sentence_analysis WHERE times IS NOT NULL AND also <> '' AND phase <> ''`).Scan(&n); err != nil || n == 0 {
		t.Fatalf("%d sentences with times and several phases (%v)", n, err)
	}
}

// TestMigration008KeepsEveryResult: the statement by which migration 008
// folds the per-sentence results of an older database into
// article_analysis.results gives back every sentence's analysis, and the
// timelines read from it, as import stored them.
func TestMigration008KeepsEveryResult(t *testing.T) {
	ctx := context.Background()
	s := testSchema(t)
	db := openTemp(t)
	importMixed(t, db, 200)
	if err := db.Refresh(ctx, s, nil); err != nil {
		t.Fatal(err)
	}
	fill := migrationStatements(t, "008_article_results.sql", "UPDATE article_analysis SET results")
	if len(fill) != 1 {
		t.Fatalf("%d fill statements in migration 008", len(fill))
	}
	dump := func() string {
		arts, err := db.LoadAnalyzed(ctx)
		if err != nil {
			t.Fatal(err)
		}
		stream, err := db.StoredTimeline(ctx, s, 3)
		if err != nil {
			t.Fatal(err)
		}
		screen, err := db.ScreenTimeline(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		return jsonOf(t, arts) + jsonOf(t, stream) + jsonOf(t, screen)
	}
	kept := dump()
	oldSentenceAnalysis(t, db)
	if _, err := db.db.Exec(`UPDATE article_analysis SET results = '[]'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(fill[0]); err != nil {
		t.Fatalf("%v\n%s", err, fill[0])
	}
	var empty int
	db.db.QueryRow(`SELECT COUNT(*) FROM article_analysis WHERE results = '[]'`).Scan(&empty)
	if got := dump(); got != kept {
		t.Errorf("migration 008 results differ from what import stored (%d articles without results)", empty)
	}
}

// TestOpenPrintsUnprintedArticles: articles stored without their prints
// (a database from before prints) are printed when the file is opened, and
// their wire copies found again; a database with every print is left as
// it is.
func TestOpenPrintsUnprintedArticles(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name, drop string
	}{
		{"every print kept", ""},
		{"no prints", `DELETE FROM copy_prints; DELETE FROM copy_bands`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := openTemp(t)
			importMixed(t, db, 0)
			day := time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC)
			for i, b := range bundledBodies(t) { // agency copy run by two outlets
				if strings.Count(strings.TrimSpace(b), "\n\n") < 3 {
					continue
				}
				for k, outlet := range []string{"Reprinter A", "Reprinter B"} {
					a := article(outlet, fmt.Sprintf("copy-%d.txt", i), reprint(b, fmt.Sprintf("Headline %d of %s", i, outlet)))
					a.Published = day.Add(time.Duration(30+i+k) * time.Hour)
					if _, err := db.ImportArticle(ctx, a); err != nil {
						t.Fatal(err)
					}
				}
			}
			want, err := db.Copies(ctx)
			if err != nil || len(want) == 0 {
				t.Fatalf("%d copies (%v)", len(want), err)
			}
			if tc.drop != "" {
				if _, err := db.db.Exec(tc.drop); err != nil {
					t.Fatal(err)
				}
				if _, err := db.db.Exec(`UPDATE articles SET copy_of = NULL, copy_similarity = NULL`); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()
			again, err := Open(db.Path)
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			var articles, prints int
			again.db.QueryRow(`SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM copy_prints)`).Scan(&articles, &prints)
			got, err := again.Copies(ctx)
			if err != nil || prints != articles || jsonOf(t, got) != jsonOf(t, want) {
				t.Errorf("%d prints of %d articles; copies %d, want %d (%v)", prints, articles, len(got), len(want), err)
			}
		})
	}
}
