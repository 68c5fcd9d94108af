package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func article(source, file, body string) timeline.Article {
	return timeline.Article{Source: source, File: file, Body: body}
}

func TestImportArticleStoresSentencesOnce(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	art := article("Wire", "a.txt", "The leaders met on Friday. They talked for three hours.\n\nComments (0)\n")
	st, err := db.ImportArticle(ctx, art)
	if err != nil || st.Duplicate || st.Sentences != 2 || st.Stripped != 1 {
		t.Fatalf("first import: %+v err=%v", st, err)
	}
	// The same text from another file and source is a no-op.
	art2 := article("Other", "b.txt", art.Body+"\n")
	if st, err := db.ImportArticle(ctx, art2); err != nil || !st.Duplicate {
		t.Fatalf("second import: %+v err=%v", st, err)
	}
	srcs, err := db.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 1 || srcs[0].Label != "Wire" || srcs[0].Articles != 1 || srcs[0].Sentences != 2 {
		t.Fatalf("sources = %+v", srcs)
	}
	var stripped int
	if err := db.db.QueryRow(`SELECT COUNT(*) FROM stripped_lines`).Scan(&stripped); err != nil || stripped != 1 {
		t.Fatalf("stripped lines = %d, %v", stripped, err)
	}
	// Offsets point into the stored body.
	var body, text string
	var start, end int
	if err := db.db.QueryRow(`SELECT a.body, n.text, n.start_offset, n.end_offset FROM sentences n JOIN articles a ON a.id = n.article_id WHERE n.seq = 1`).Scan(&body, &text, &start, &end); err != nil {
		t.Fatal(err)
	}
	if body[start:end] != text {
		t.Fatalf("offsets [%d,%d) give %q, text %q", start, end, body[start:end], text)
	}
}

func TestImportRejectsTextWithoutSentences(t *testing.T) {
	db := openTemp(t)
	if _, err := db.ImportArticle(context.Background(), article("S", "x.txt", "Comments (0)\nAdd Comment\n")); err == nil {
		t.Fatal("want an error for an article that is only boilerplate")
	}
	if n, _ := db.CountArticles(context.Background()); n != 0 {
		t.Fatalf("%d articles stored", n)
	}
}

func TestSearchNeverShowsSQLErrors(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if _, err := db.ImportArticle(ctx, article("S", "a.txt", "“Next time in Moscow,” Putin said. Trump laughed (briefly) and said \"AND\" twice.")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		hits  int
	}{
		{"moscow", 1},
		{"MOSCOW putin", 1},
		{"mosc*", 1},
		{`"Next time`, 1},
		{`(briefly`, 1},
		{`AND`, 1},
		{`NEAR(`, 0},
		{`trump AND`, 1},
		{`trump OR`, 0}, // every word must match; "or" is not in the text
		{`-moscow`, 1},
		{`text:moscow`, 0},
		{`***`, 0},
		{`"`, 0},
		{``, 0},
		{`^ ( ) " ' :`, 0},
		{`Zelensky`, 0},
	}
	for _, tt := range tests {
		hits, err := db.Search(ctx, tt.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		if len(hits) != tt.hits {
			t.Errorf("Search(%q) = %d hits, want %d", tt.query, len(hits), tt.hits)
		}
	}
	hits, _ := db.Search(ctx, "moscow", 10)
	if len(hits) == 1 && !strings.Contains(hits[0].Highlight, "[Moscow]") {
		t.Errorf("highlight %q", hits[0].Highlight)
	}
}

func TestOpenRejectsFilesThatAreNotDatabases(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	content := []byte("these are my notes, not a database\n" + strings.Repeat("x", 2000))
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a Newsreel database") {
		t.Fatalf("err = %v", err)
	}
	after, _ := os.ReadFile(path)
	if string(after) != string(content) {
		t.Fatal("the file was changed")
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.db.Exec(`INSERT INTO schema_version (version) VALUES (9999)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "newer Newsreel") {
		t.Fatalf("err = %v", err)
	}
}

func TestMigrationsAreNumberedAndReopenable(t *testing.T) {
	ms, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	want := 1
	for _, m := range ms {
		if m.version != want {
			t.Fatalf("migration %s has number %d, want %d", m.name, m.version, want)
		}
		want++
	}
	path := filepath.Join(t.TempDir(), "re.db")
	for i := 0; i < 2; i++ {
		db, err := Open(path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		var v int
		db.db.QueryRow(`SELECT MAX(version) FROM schema_version`).Scan(&v)
		if v != SchemaVersion() {
			t.Fatalf("schema version %d, want %d", v, SchemaVersion())
		}
		db.Close()
	}
}

func TestRenameSource(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	db.ImportArticle(ctx, article("Old", "a.txt", "One sentence here."))
	db.ImportArticle(ctx, article("Taken", "b.txt", "Another sentence here."))
	srcs, _ := db.Sources(ctx)
	if err := db.RenameSource(ctx, srcs[0].ID, "New name"); err != nil {
		t.Fatal(err)
	}
	if err := db.RenameSource(ctx, srcs[0].ID, "taken"); err == nil {
		t.Fatal("renaming onto another source's label should fail")
	}
	if err := db.RenameSource(ctx, srcs[0].ID, "  "); err == nil {
		t.Fatal("an empty label should fail")
	}
	srcs, _ = db.Sources(ctx)
	if srcs[0].Label != "New name" {
		t.Fatalf("sources = %+v", srcs)
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	if v, _ := db.Setting(ctx, "k", "def"); v != "def" {
		t.Fatalf("default = %q", v)
	}
	db.SetSetting(ctx, "k", "one")
	db.SetSetting(ctx, "k", "two")
	if v, _ := db.Setting(ctx, "k", "def"); v != "two" {
		t.Fatalf("value = %q", v)
	}
}

// TestMigrationUpgradesKeepData opens a database made at schema version 1
// with an article in it and checks the upgrade keeps everything.
func TestMigrationUpgradesKeepData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	old.Close()
	// Rebuild it as a version-1 database.
	os.Remove(path)
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	d := &DB{Path: path}
	if d.db, err = sqlOpen(path); err != nil {
		t.Fatal(err)
	}
	if err := d.migrate(ctx, 1); err != nil {
		t.Fatal(err)
	}
	// Stored the way version 1 stored articles (the current code needs
	// later tables): two outlets, one reprinting the other's story.
	story := strings.Repeat("The leaders met in the city and talked for hours about the war, the ceasefire and the sanctions on oil. ", 6)
	for i, src := range []string{"Old outlet", "Reprinter"} {
		body := story
		if i == 1 {
			body = "Reprinted. " + story
		}
		if _, err := d.db.ExecContext(ctx, `INSERT INTO sources (id, label) VALUES (?, ?)`, i+1, src); err != nil {
			t.Fatal(err)
		}
		if _, err := d.db.ExecContext(ctx, `INSERT INTO articles (id, source_id, file, body, content_hash) VALUES (?, ?, 'a.txt', ?, ?)`, i+1, i+1, body, ContentHash(body)); err != nil {
			t.Fatal(err)
		}
		seg := timeline.Segment(body, timeline.DefaultBoilerplate)
		for _, sent := range seg.Sentences {
			if _, err := d.db.ExecContext(ctx, `INSERT INTO sentences (article_id, seq, paragraph, start_offset, end_offset, words, text) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				i+1, sent.Index, sent.Paragraph, sent.Start, sent.End, sent.Words(), sent.Text); err != nil {
				t.Fatal(err)
			}
		}
	}
	d.Close()

	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	db.db.QueryRow(`SELECT MAX(version) FROM schema_version`).Scan(&v)
	if v != SchemaVersion() || v < 2 {
		t.Fatalf("version %d after upgrade", v)
	}
	srcs, _ := db.Sources(ctx)
	if len(srcs) != 2 || srcs[0].Sentences != 6 || srcs[1].Sentences != 7 {
		t.Fatalf("data after upgrade: %+v", srcs)
	}
	// Migration 008 rewrote the check on sentence kinds: the same rule,
	// and a sound database.
	var schema, ok string
	db.db.QueryRow(`SELECT sql FROM sqlite_schema WHERE name = 'sentences'`).Scan(&schema)
	if strings.Contains(schema, "kind IN") || !strings.Contains(schema, "kind = 'heading'") {
		t.Errorf("sentences after upgrade: %s", schema)
	}
	if err := db.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check after upgrade: %q %v", ok, err)
	}
	for kind, valid := range map[string]bool{"text": true, "heading": true, "item": true, "list": false, "": false} {
		_, err := db.db.ExecContext(ctx, `INSERT INTO sentences (article_id, seq, paragraph, start_offset, end_offset, kind, words, text) VALUES (1, 100, 0, 0, 0, ?, 0, '')`, kind)
		if (err == nil) != valid || err != nil && !strings.Contains(err.Error(), "CHECK") {
			t.Errorf("sentence of kind %q: %v", kind, err)
		}
		db.db.ExecContext(ctx, `DELETE FROM sentences WHERE seq = 100`)
	}
	if hits, _ := db.Search(ctx, "ceasefire", 20); len(hits) != 12 {
		t.Fatalf("search after upgrade: %d hits", len(hits))
	}
	// Articles stored before wire copies were tracked are printed on
	// opening, and their copies linked.
	copies, err := db.Copies(ctx)
	if err != nil || len(copies) != 1 || copies[0].Copy.Source != "Reprinter" || copies[0].Original.Source != "Old outlet" {
		t.Fatalf("copies after upgrade: %+v %v", copies, err)
	}
	// Articles stored before the analysis was are analysed on first use.
	arts, err := db.Analyze(ctx, testSchema(t))
	if err != nil || len(arts) != 2 || arts[0].Words == 0 {
		t.Fatalf("analysis after upgrade: %v, %d articles", err, len(arts))
	}
	var analysed int
	db.db.QueryRow(`SELECT COUNT(*) FROM article_analysis`).Scan(&analysed)
	if analysed != 2 {
		t.Fatalf("%d analyses stored after upgrade", analysed)
	}
}

func TestSameURLIsStoredOnce(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	a := article("Wire", "a.html", "First version of the story.")
	a.URL = "https://example.org/story"
	b := article("Wire", "b.html", "Updated version of the story, with more text.")
	b.URL = a.URL
	db.ImportArticle(ctx, a)
	if st, err := db.ImportArticle(ctx, b); err != nil || !st.Duplicate {
		t.Fatalf("%+v %v", st, err)
	}
}

// TestHotQueriesUseIndexes checks the query plans of the look-ups that run
// once per article or per screen.
func TestHotQueriesUseIndexes(t *testing.T) {
	db := openTemp(t)
	plans := map[string]struct {
		query string
		args  []any
		want  string
	}{
		"duplicate by hash":    {`SELECT 1 FROM articles WHERE content_hash = ?`, []any{"x"}, "INDEX sqlite_autoindex_articles"},
		"duplicate by url":     {`SELECT 1 FROM articles WHERE url = ?1 AND url <> '' AND ?1 <> ''`, []any{"u"}, "INDEX articles_url"},
		"articles of source":   {`SELECT COUNT(*) FROM articles a WHERE a.source_id = ?`, []any{1}, "USING COVERING INDEX articles_source"},
		"sentences of article": {`SELECT text FROM sentences WHERE article_id = ? ORDER BY seq`, []any{1}, "USING INDEX sqlite_autoindex_sentences"},
	}
	for name, p := range plans {
		rows, err := db.db.Query("EXPLAIN QUERY PLAN "+p.query, p.args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			rows.Scan(&id, &parent, &notused, &detail)
			plan = append(plan, detail)
		}
		rows.Close()
		if !strings.Contains(strings.Join(plan, "; "), p.want) {
			t.Errorf("%s: plan %q, want %q", name, plan, p.want)
		}
	}
}

// qSourcesCounted is what Sources ran before migration 011: it counts
// every source's articles and sentences.
const qSourcesCounted = `SELECT s.id, s.label,
	(SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id),
	(SELECT COUNT(*) FROM sentences n JOIN articles a ON a.id = n.article_id WHERE a.source_id = s.id)
	FROM sources s ORDER BY s.label COLLATE NOCASE`

// countedSources runs qSourcesCounted.
func countedSources(t *testing.T, db *DB) []SourceSummary {
	t.Helper()
	rows, err := db.db.Query(qSourcesCounted)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []SourceSummary
	for rows.Next() {
		var s SourceSummary
		if err := rows.Scan(&s.ID, &s.Label, &s.Articles, &s.Sentences); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// checkSourceCounts compares Sources with the counting query.
func checkSourceCounts(t *testing.T, db *DB, when string) {
	t.Helper()
	got, err := db.Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := countedSources(t, db)
	if len(want) == 0 || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%s: sources\n%v\nwant (counted)\n%v", when, got, want)
	}
}

// TestSourceCountsMatchTheCountingQuery: the per-source counts the writer
// keeps (source_counts) give what counting the stored rows gives, after
// imports through the worker pool and one article at a time, duplicates
// (the same files again, the same text under another source) and
// articles that fail.
func TestSourceCountsMatchTheCountingQuery(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	dir := writeCorpus(t, 300)
	steps := []struct {
		name string
		run  func() ingest.Summary
	}{
		{"import", func() ingest.Summary { return ingest.Import(ctx, db, []string{dir}, ingest.Options{}, nil) }},
		{"import again (all duplicates)", func() ingest.Summary { return ingest.Import(ctx, db, []string{dir}, ingest.Options{}, nil) }},
		{"mixed folders", func() ingest.Summary {
			return ingest.Import(ctx, db, []string{"../assets/corpus/alaska-2025", dir}, ingest.Options{}, nil)
		}},
		{"one at a time, under another label", func() ingest.Summary {
			return ingest.Import(ctx, sequentialSink{db}, []string{writeCorpus(t, 320)}, ingest.Options{Label: "Relabelled"}, nil)
		}},
	}
	for _, s := range steps {
		sum := s.run()
		if sum.Failed > 0 {
			t.Fatalf("%s: %+v", s.name, sum)
		}
		checkSourceCounts(t, db, s.name)
	}
	// A batch with articles that fail: only those stored count.
	r := db.StoreBatch(ctx, []ingest.Prepared{
		ingest.Prepare(article("Failing", "empty.txt", "Comments (0)\n")),
		ingest.Prepare(article("Failing", "ok.txt", "The talks ended at noon. Both sides left.")),
		{Article: article("Failing", "unreadable.txt", ""), Err: errors.New("unreadable")},
	})
	if r[0].Err == nil || r[1].Err != nil || r[2].Err == nil {
		t.Fatalf("batch with failures: %+v", r)
	}
	checkSourceCounts(t, db, "batch with failures")
	srcs, _ := db.Sources(ctx)
	for _, s := range srcs {
		if s.Label == "Failing" && (s.Articles != 1 || s.Sentences != 2) {
			t.Fatalf("source of the batch with failures: %+v", s)
		}
	}
}

// TestSourceCountsMigration upgrades a database of schema 10 (the same
// rows without source_counts, the full-text index merging four segments at
// a time) and checks migration 011 counts what was stored, that the counts
// go on from there, and the index's merge setting.
func TestSourceCountsMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v10.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if sum := ingest.Import(ctx, db, []string{"../assets/corpus/alaska-2025", writeCorpus(t, 120)}, ingest.Options{}, nil); sum.Failed > 0 || sum.Imported == 0 {
		t.Fatalf("import: %+v", sum)
	}
	want := countedSources(t, db)
	if _, err := db.db.Exec(`DROP TABLE source_counts; INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('automerge', 4);
		DELETE FROM schema_version WHERE version >= 11`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if db, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.Sources(ctx)
	if err != nil || fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("after the upgrade: %v %v\nwant %v", got, err, want)
	}
	var automerge int
	if err := db.db.QueryRow(`SELECT v FROM sentences_fts_config WHERE k = 'automerge'`).Scan(&automerge); err != nil || automerge != 8 {
		t.Errorf("full-text automerge after the upgrade: %d %v", automerge, err)
	}
	if st, err := db.ImportArticle(ctx, article(want[0].Label, "new.txt", "A new article came in. It has three sentences. The last is short.")); err != nil || st.Sentences != 3 {
		t.Fatalf("import after the upgrade: %+v %v", st, err)
	}
	checkSourceCounts(t, db, "import after the upgrade")
	if hits, err := db.Search(ctx, "\"three sentences\"", 5); err != nil || len(hits) != 1 {
		t.Fatalf("phrase search after the upgrade: %v %v", hits, err)
	}
}
