package data

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// TestHelperImport is not a test: the crash and concurrency tests run the
// test binary again with NEWSREEL_HELPER_DB set, to import in a separate
// process they can kill.
func TestHelperImport(t *testing.T) {
	dbPath, dir := os.Getenv("NEWSREEL_HELPER_DB"), os.Getenv("NEWSREEL_HELPER_DIR")
	if dbPath == "" {
		t.Skip("helper process only")
	}
	db, err := Open(dbPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "helper:", err)
		os.Exit(3)
	}
	sum := ingest.Import(context.Background(), db, []string{dir}, ingest.Options{}, nil)
	db.Close()
	if sum.Failed > 0 {
		for _, r := range sum.Results {
			if r.Err != nil {
				fmt.Fprintln(os.Stderr, "helper:", r.Path, r.Err)
			}
		}
		os.Exit(4)
	}
	os.Exit(0)
}

func helper(dbPath, dir string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperImport$")
	cmd.Env = append(os.Environ(), "NEWSREEL_HELPER_DB="+dbPath, "NEWSREEL_HELPER_DIR="+dir)
	return cmd
}

// checkConsistent verifies the database after a crash: SQLite's and the
// full-text index's integrity checks pass, and every stored article has
// all its sentences. It returns the number of articles.
func checkConsistent(t *testing.T, dbPath string) int {
	t.Helper()
	db, err := Open(dbPath)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer db.Close()
	var ok string
	if err := db.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	if _, err := db.db.Exec(`INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')`); err != nil {
		t.Fatalf("full-text index: %v", err)
	}
	rows, err := db.db.Query(`SELECT a.id, a.body, (SELECT COUNT(*) FROM sentences n WHERE n.article_id = a.id) FROM articles a`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id int64
		var body string
		var stored int
		if err := rows.Scan(&id, &body, &stored); err != nil {
			t.Fatal(err)
		}
		if want := len(timeline.Segment(body, timeline.DefaultBoilerplate).Sentences); stored != want {
			t.Fatalf("article %d has %d of its %d sentences", id, stored, want)
		}
		n++
	}
	return n
}

// TestKilledImportLosesNothing kills a real import process at random
// moments, checks the database each time, then lets an import finish and
// checks that every article is stored exactly once.
func TestKilledImportLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	const n = 1500
	dir := writeCorpus(t, n)
	dbPath := filepath.Join(t.TempDir(), "crash.db")
	rng := rand.New(rand.NewSource(7))
	for round := 0; round < 3; round++ {
		cmd := helper(dbPath, dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(100+rng.Intn(600)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		stored := checkConsistent(t, dbPath)
		t.Logf("round %d: killed with %d of %d articles stored", round, stored, n)
	}
	cmd := helper(dbPath, dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("final import: %v\n%s", err, out)
	}
	if got := checkConsistent(t, dbPath); got != n {
		t.Fatalf("%d articles after the final import, want %d (no duplicates, none lost)", got, n)
	}
}

// TestConcurrentWriterAndReader runs an import in another process while
// this one reads the database: neither may fail with "database is locked".
func TestConcurrentWriterAndReader(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	const n = 1200
	dir := writeCorpus(t, n)
	dbPath := filepath.Join(t.TempDir(), "shared.db")
	db, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cmd := helper(dbPath, dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	reads := 0
	for running := true; running; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("writer failed: %v\n%s", err, stderr.String())
			}
			running = false
		default:
			if _, err := db.Sources(context.Background()); err != nil {
				t.Fatalf("reader failed while the writer ran: %v", err)
			}
			if _, err := db.Search(context.Background(), "summit", 5); err != nil {
				t.Fatalf("search failed while the writer ran: %v", err)
			}
			reads++
			time.Sleep(10 * time.Millisecond)
		}
	}
	if got, _ := db.CountArticles(context.Background()); got != n {
		t.Fatalf("the reader sees %d articles after the import, want %d", got, n)
	}
	t.Logf("%d reads while the import ran", reads)
}

// TestFullDiskKeepsData fills a database to a small size limit: the import
// fails with a clear message and what was stored stays.
func TestFullDiskKeepsData(t *testing.T) {
	ctx := context.Background()
	dbPath := filepath.Join(t.TempDir(), "full.db")
	db, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ImportArticle(ctx, article("First", "a.txt", "The leaders met on Friday. They talked.")); err != nil {
		t.Fatal(err)
	}
	db.db.SetMaxOpenConns(1) // the page limit is set per connection
	var pages int
	db.db.QueryRow(`PRAGMA page_count`).Scan(&pages)
	if _, err := db.db.Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages+2)); err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("The summit talks went on for hours and hours in the hall. ", 3000)
	_, err = db.ImportArticle(ctx, article("Second", "b.txt", big))
	if err == nil || !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), dbPath) {
		t.Fatalf("err = %v", err)
	}
	if n, _ := db.CountArticles(ctx); n != 1 {
		t.Fatalf("%d articles after the failed import", n)
	}
}

// TestFailedArticleLeavesTheRestOfItsBatch makes one article of a batch
// fail halfway through storing it (a trigger rejects one of its
// sentences): it is reported and absent, with none of its rows, and the
// articles before and after it are stored with their analysis and are
// searchable.
func TestFailedArticleLeavesTheRestOfItsBatch(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	db.db.SetMaxOpenConns(1) // the temporary trigger belongs to one connection
	if _, err := db.db.Exec(`CREATE TEMP TRIGGER poison BEFORE INSERT ON main.sentences WHEN new.text LIKE '%poisoned%'
		BEGIN SELECT RAISE(ABORT, 'rejected sentence'); END`); err != nil {
		t.Fatal(err)
	}
	arts := []timeline.Article{
		article("Wire", "a.txt", "The leaders met on Friday. They talked for three hours."),
		// A new source, rolled back with the article: the next article
		// from it stores it again.
		article("Herald", "b.txt", "The talks began at noon. Then a poisoned sentence came."),
		article("Herald", "c.txt", "Putin arrived in Anchorage. The summit ended without a deal."),
	}
	batch := make([]ingest.Prepared, len(arts))
	for i, a := range arts {
		batch[i] = ingest.Prepare(a)
		if i != 2 {
			db.AnalyzePrepared(&batch[i]) // the third is analysed by the writer
		}
	}
	res := db.StoreBatch(ctx, batch)
	if res[0].Err != nil || res[2].Err != nil || res[1].Err == nil || !strings.Contains(res[1].Err.Error(), "rejected sentence") {
		t.Fatalf("results %+v", res)
	}
	for _, q := range []struct {
		query string
		want  int
	}{
		{`SELECT COUNT(*) FROM articles`, 2},
		{`SELECT COUNT(*) FROM sentences`, 4},
		{`SELECT COUNT(*) FROM article_analysis`, 2},
		{`SELECT COUNT(*) FROM copy_prints`, 2},
		{`SELECT COUNT(*) FROM articles WHERE file = 'b.txt'`, 0},
		{`SELECT COUNT(*) FROM sentences_fts WHERE sentences_fts MATCH 'talked OR deal'`, 2},
	} {
		var got int
		if err := db.db.QueryRow(q.query).Scan(&got); err != nil || got != q.want {
			t.Errorf("%s = %d (%v), want %d", q.query, got, err, q.want)
		}
	}
	if _, err := db.db.Exec(`INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')`); err != nil {
		t.Fatalf("full-text index: %v", err)
	}
	// The failed article can be stored once the cause is gone.
	if _, err := db.db.Exec(`DROP TRIGGER temp.poison`); err != nil {
		t.Fatal(err)
	}
	if st, err := db.ImportArticle(ctx, arts[1]); err != nil || st.Duplicate {
		t.Fatalf("import again: %+v %v", st, err)
	}
}

// TestReadOnlyDatabaseSaysSo opens a database read-only (as a file without
// write permission is) and tries to import.
func TestReadOnlyDatabaseSaysSo(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "ro.db")
	db, err := Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := sqlOpenMode(dbPath, "ro")
	if err != nil {
		t.Fatal(err)
	}
	d := &DB{db: ro, Path: dbPath}
	defer d.Close()
	_, err = d.ImportArticle(context.Background(), article("S", "a.txt", "Text of an article."))
	if err == nil || !strings.Contains(err.Error(), "read-only") || !strings.Contains(err.Error(), dbPath) {
		t.Fatalf("err = %v", err)
	}
}
