package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsreel/newsreel/data/corpusgen"
	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// writeCorpus writes n generated articles into a temporary folder.
func writeCorpus(tb testing.TB, n int) string {
	tb.Helper()
	dir := tb.TempDir()
	g, err := corpusgen.New(1)
	if err != nil {
		tb.Fatal(err)
	}
	// An archive about one summit from a few dozen outlets.
	g.Outlets, g.Focus = benchOutlets, benchFocus
	for i := 0; i < n; i++ {
		name, body := g.Article(i)
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			os.MkdirAll(sub, 0o755)
			if err := os.WriteFile(filepath.Join(sub, ingest.EventFileName), g.EventFile(i, min(1000, n-i)), 0o644); err != nil {
				tb.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, name), body, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// The generated corpora's outlets and the share of their articles about
// the summit's pair of leaders.
const (
	benchOutlets = 60
	benchFocus   = 0.9
)

// peakRSS reads the process's peak resident memory (Linux), in MB.
func peakRSS() float64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(line)[1])
			return float64(kb) / 1024
		}
	}
	return 0
}

// cpuTime is the CPU time (user and system) the process has used: a
// measure the other processes on shared cores disturb less than the wall
// clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkImport imports N generated articles end to end (read, clean,
// split, analyse, store with full-text index and the analysis, refresh
// what the first batches' cast left stale) into a new database: articles/s and
// the process's peak RSS. N=100000 runs with NEWSREEL_BENCH_LARGE=1 (make
// bench).
func BenchmarkImport(b *testing.B) {
	sizes := benchSizes(1000, 10000)
	schema := testSchema(b)
	for _, n := range sizes {
		dir := writeCorpus(b, n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			cpu0 := cpuTime()
			var reanalysed int
			for i := 0; i < b.N; i++ {
				path := benchPath(n) // kept for BenchmarkQueries
				for _, p := range []string{path, path + "-wal", path + "-shm"} {
					os.Remove(p)
				}
				db, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				sum := ingest.Import(context.Background(), db, []string{dir}, ingest.Options{}, nil)
				if sum.Imported != n {
					b.Fatalf("imported %d of %d (%d failed)", sum.Imported, n, sum.Failed)
				}
				// What the first batches' cast left stale.
				if err := db.Refresh(context.Background(), schema, func(_, total int) { reanalysed = total }); err != nil {
					b.Fatal(err)
				}
				db.Close()
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric((cpuTime()-cpu0).Seconds()*1000/float64(n*b.N), "cpu-ms/article")
			b.ReportMetric(100*float64(reanalysed)/float64(n), "%reanalysed")
			b.ReportMetric(peakRSS(), "peak-MB")
		})
	}
}

// sequentialSink hides StoreBatch, so Import stores one article at a time
// on one goroutine.
type sequentialSink struct{ db *DB }

func (s sequentialSink) ImportArticle(ctx context.Context, art timeline.Article) (ingest.Stored, error) {
	return s.db.ImportArticle(ctx, art)
}

// TestParallelImportMatchesSequential imports one corpus through the worker
// pool and one article at a time: the stored corpora are identical.
func TestParallelImportMatchesSequential(t *testing.T) {
	dir := writeCorpus(t, 600)
	ctx := context.Background()
	load := func(sink func(*DB) ingest.Sink) []StoredArticle {
		db := openTemp(t)
		sum := ingest.Import(ctx, sink(db), []string{dir}, ingest.Options{}, nil)
		if sum.Imported != 600 {
			t.Fatalf("imported %d", sum.Imported)
		}
		arts, err := db.LoadCorpus(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return arts
	}
	par := load(func(db *DB) ingest.Sink { return db })
	seq := load(func(db *DB) ingest.Sink { return sequentialSink{db} })
	if len(par) != len(seq) {
		t.Fatalf("%d vs %d articles", len(par), len(seq))
	}
	for i := range par {
		if par[i].ID != seq[i].ID || par[i].Article.File != seq[i].Article.File || par[i].Article.Body != seq[i].Article.Body ||
			len(par[i].Sentences) != len(seq[i].Sentences) {
			t.Fatalf("article %d differs: %s vs %s", i, par[i].Article.File, seq[i].Article.File)
		}
		for k := range par[i].Sentences {
			if par[i].Sentences[k] != seq[i].Sentences[k] {
				t.Fatalf("article %s sentence %d differs", par[i].Article.File, k)
			}
		}
	}
}

// benchDB returns a database holding n generated articles, imported and
// analysed, kept in the temporary folder between runs.
func benchDB(b *testing.B, n int) *DB {
	b.Helper()
	path := benchPath(n)
	db, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if got, _ := db.CountArticles(ctx); got != n {
		db.Close()
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			os.Remove(p)
		}
		if db, err = Open(path); err != nil {
			b.Fatal(err)
		}
		if sum := ingest.Import(ctx, db, []string{writeCorpus(b, n)}, ingest.Options{}, nil); sum.Imported != n {
			b.Fatalf("imported %d of %d", sum.Imported, n)
		}
	}
	if err := db.Refresh(ctx, testSchema(b), nil); err != nil {
		b.Fatal(err)
	}
	return db
}

// BenchmarkQueries times the queries behind the screens and commands on a
// database of N analysed articles (100,000 with NEWSREEL_BENCH_LARGE=1):
// ms per query. The stages that still load every article (actors, quotes:
// the whole Report) run at N <= 10,000 only.
func BenchmarkQueries(b *testing.B) {
	sizes := benchSizes(10000)
	ctx := context.Background()
	schema := testSchema(b)
	for _, n := range sizes {
		db := benchDB(b, n)
		// The people stage stored once (BenchmarkRefreshPeople times it).
		if err := db.RefreshPeople(ctx, schema, nil); err != nil {
			b.Fatal(err)
		}
		top, err := benchTopCell(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		queries := []struct {
			name string
			run  func() (int, error)
		}{
			{"coverage-matrix", func() (int, error) { c, err := db.CoverageMatrix(ctx, false, false); return len(c), err }},
			{"theme-matrix", func() (int, error) { c, err := db.CoverageMatrix(ctx, true, false); return len(c), err }},
			{"coverage-cells", func() (int, error) { c, err := db.StoredCoverage(ctx, false); return len(c), err }},
			// What the commands that print a whole corpus's rows read:
			// the first row (the wait before output), and all of them.
			{"coverage-cells-first", func() (int, error) { return firstOf(db.EachStoredCoverage(ctx, false, stopAt[timeline.CoverageCell])) }},
			{"coverage-cells-each", func() (int, error) {
				return countEach(func(fn func(timeline.CoverageCell) error) error { return db.EachStoredCoverage(ctx, false, fn) })
			}},
			{"coverage-extent", func() (int, error) { e, err := db.StoredCoverageExtent(ctx, false); return e.Words, err }},
			{"theme-extent", func() (int, error) { e, err := db.StoredCoverageExtent(ctx, true); return e.Words, err }},
			{"phase-sentence-counts", func() (int, error) { c, err := db.PhaseSentenceCounts(ctx); return len(c), err }},
			{"phase-evidence-talks-first", func() (int, error) { return firstOf(db.EachPhaseEvidence(ctx, "talks", stopAt[timeline.Evidence])) }},
			{"phase-evidence-talks", func() (int, error) {
				return countEach(func(fn func(timeline.Evidence) error) error { return db.EachPhaseEvidence(ctx, "talks", fn) })
			}},
			{"shared-file-sources", func() (int, error) { f, err := db.SharedFileSources(ctx); return len(f) + 1, err }},
			{"actor-cells-first", func() (int, error) { return firstOf(db.EachActorCell(ctx, nil, stopAt[ActorCell])) }},
			{"actor-cells-each", func() (int, error) {
				return countEach(func(fn func(ActorCell) error) error { return db.EachActorCell(ctx, nil, fn) })
			}},
			{"stored-claims-first", func() (int, error) { return firstOf(db.EachStoredClaim(ctx, stopAt[[]timeline.Claim])) }},
			{"stored-claims-each", func() (int, error) {
				return countEach(func(fn func([]timeline.Claim) error) error { return db.EachStoredClaim(ctx, fn) })
			}},
			{"clusters-each-with-variants", func() (int, error) {
				n := 0
				err := db.EachCluster(ctx, func(_ ClusterBrief, variants func(func(timeline.Quote, []timeline.WordChange) error) error) error {
					return variants(func(timeline.Quote, []timeline.WordChange) error { n++; return nil })
				})
				return n, err
			}},
			{"discrepancies-each-with-claims", func() (int, error) {
				n := 0
				err := db.EachDiscrepancy(ctx, func(_ DiscrepancyBrief, claims func(func(timeline.Claim) error) error) error {
					return claims(func(timeline.Claim) error { n++; return nil })
				})
				return n, err
			}},
			{"timeline-screen", func() (int, error) { tl, err := db.ScreenTimeline(ctx, schema); return len(tl.Phases), err }},
			{"sources", func() (int, error) { s, err := db.Sources(ctx); return len(s), err }},
			{"search", func() (int, error) { h, err := db.Search(ctx, "talks moscow", 50); return len(h), err }},
			{"refresh-uptodate", func() (int, error) { return 1, db.Refresh(ctx, schema, nil) }},
			// The people stage: the look-ups of the people and coverage
			// screens for the most mentioned actor and the source that
			// mentions it most.
			// What the people and disagreements screens read.
			{"people-brief-screen", func() (int, error) {
				p, err := db.PeopleBrief(ctx, schema, ScreenBrief)
				return len(p.Actors) + len(p.Clusters) + len(p.Discrepancies), err
			}},
			{"cluster-variants-largest-page", func() (int, error) {
				c, _, _, err := db.ClusterVariants(ctx, 1, 0, 40)
				return len(c.Variants), err
			}},
			{"cluster-variants-largest-last-page", func() (int, error) {
				_, total, _, err := db.ClusterVariants(ctx, 1, 0, 1)
				if err != nil {
					return 0, err
				}
				c, _, _, err := db.ClusterVariants(ctx, 1, total-40, 40)
				return len(c.Variants), err
			}},
			{"actor-sentences-top-100", func() (int, error) { e, err := db.ActorSentencesN(ctx, top.Actor, top.Source, 100); return len(e), err }},
			{"people-refresh-uptodate", func() (int, error) { return 1, db.RefreshPeople(ctx, schema, nil) }},
			{"quoted-words-top", func() (int, error) { q, err := db.QuotedWords(ctx, top.Actor); return len(q) + 1, err }},
			{"actor-sources-all", func() (int, error) { c, err := db.ActorSources(ctx, nil, false); return len(c), err }},
			// The coverage screen's people: the first dozen actors, per source.
			{"actor-sources-first12", func() (int, error) {
				gen, _, err := db.peopleGen(ctx)
				if err != nil {
					return 0, err
				}
				ids, err := db.storedActorIDs(ctx, gen)
				if err != nil {
					return 0, err
				}
				c, err := db.ActorSources(ctx, ids[:min(12, len(ids))], false)
				return len(c), err
			}},
		}
		// Reads whole results no screen or command uses (the reference
		// the streaming reads are tested against, and unpaged variants of
		// the screens' pages): they grow with the corpus, so they run
		// only with NEWSREEL_BENCH_UNREAD=1.
		if os.Getenv("NEWSREEL_BENCH_UNREAD") != "" {
			queries = append(queries, []struct {
				name string
				run  func() (int, error)
			}{
				{"timeline-stream", func() (int, error) { tl, err := db.StoredTimeline(ctx, schema, 8); return len(tl.Phases), err }},
				{"claims", func() (int, error) {
					c, err := db.StoredClaims(ctx)
					return len(timeline.FindDiscrepancies(c)) + 1, err
				}},
				{"people", func() (int, error) {
					p, err := db.People(ctx, schema)
					return len(p.Actors) + len(p.Clusters) + len(p.Discrepancies), err
				}},
				{"people-brief", func() (int, error) {
					p, err := db.PeopleBrief(ctx, schema, BriefLimits{})
					return len(p.Actors) + len(p.Clusters) + len(p.Discrepancies), err
				}},
				{"cluster-variants-largest", func() (int, error) {
					c, _, _, err := db.ClusterVariants(ctx, 1, 0, 0)
					return len(c.Variants), err
				}},
				{"actor-cells-top", func() (int, error) { c, err := db.ActorCells(ctx, []string{top.Actor}); return len(c), err }},
				{"actor-sentences-top", func() (int, error) { e, err := db.ActorSentences(ctx, top.Actor, top.Source); return len(e), err }},
			}...)
		}
		if n <= 10000 {
			queries = append(queries,
				struct {
					name string
					run  func() (int, error)
				}{"actors-quotes-claims", func() (int, error) {
					r, err := db.Report(ctx, schema)
					if err != nil {
						return 0, err
					}
					return len(r.Actors.List) + len(r.Clusters) + len(r.Claims), nil
				}})
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

// benchTopCell returns the most mentioned actor, with the source that
// mentions it most.
func benchTopCell(ctx context.Context, db *DB) (ActorSourceCell, error) {
	gen, _, err := db.peopleGen(ctx)
	if err != nil {
		return ActorSourceCell{}, err
	}
	ids, err := db.storedActorIDs(ctx, gen)
	if err != nil || len(ids) == 0 {
		return ActorSourceCell{}, fmt.Errorf("no actors (%v)", err)
	}
	cells, err := db.ActorSources(ctx, ids[:1], true)
	if err != nil {
		return ActorSourceCell{}, err
	}
	best := ActorSourceCell{Actor: ids[0]}
	for _, c := range cells {
		if c.Mentions > best.Mentions {
			best = c
		}
	}
	return best, nil
}

// BenchmarkRefreshPeople recomputes the people stage (actors, quotations,
// discrepancies: three walks of the stored corpus) of the benchmark
// database of N articles (100,000 with NEWSREEL_BENCH_LARGE=1):
// articles/s, CPU per article and the process's peak RSS during the
// refresh (the database is built first when missing: run BenchmarkQueries
// before for a peak of the refresh alone).
func BenchmarkRefreshPeople(b *testing.B) {
	sizes := benchSizes(10000)
	ctx := context.Background()
	schema := testSchema(b)
	for _, n := range sizes {
		db := benchDB(b, n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			resetPeakRSS()
			cpu0 := cpuTime()
			for i := 0; i < b.N; i++ {
				// Stale: as if the stored analysis had changed.
				if _, err := db.db.ExecContext(ctx, `UPDATE people_stage SET key = 'outdated'`); err != nil {
					b.Fatal(err)
				}
				steps := 0
				if err := db.RefreshPeople(ctx, schema, func(_, total int) { steps = total }); err != nil {
					b.Fatal(err)
				}
				if steps == 0 {
					b.Fatal("the stage was not recomputed")
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric((cpuTime()-cpu0).Seconds()*1000/float64(n*b.N), "cpu-ms/article")
			b.ReportMetric(peakRSS(), "peak-MB")
		})
		db.Close()
	}
}

// resetPeakRSS starts the process's peak resident memory afresh (Linux).
func resetPeakRSS() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0o644) }

// benchPath is where the benchmarks keep a database of n articles.
func benchPath(n int) string {
	return filepath.Join(os.TempDir(), fmt.Sprintf("newsreel-bench-%d-o%d-f%g-s%d-a%d.db", n, benchOutlets, benchFocus, SchemaVersion(), timeline.AnalysisVersion))
}

// BenchmarkStoreBatch times the writer alone: N generated articles are
// parsed, split and analysed first, then stored a batch per transaction
// into a new database, as Import's writer stores them. writer-ms/article
// is the CPU the writer needs per article: an import cannot go faster than
// 1000/writer-ms articles a second.
func BenchmarkStoreBatch(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, batches := preparedBatches(b, 5120)
		runtime.GC()
		cpu0 := cpuTime()
		b.StartTimer()
		stored := storeBatches(b, db, batches)
		b.StopTimer()
		b.ReportMetric((cpuTime()-cpu0).Seconds()*1000/float64(stored), "writer-ms/article")
		db.Close()
	}
}

// preparedBatches opens a new database and prepares n generated articles
// for it (parsed, split, analysed), in import batches.
func preparedBatches(b *testing.B, n int) (*DB, [][]ingest.Prepared) {
	g, err := corpusgen.New(1)
	if err != nil {
		b.Fatal(err)
	}
	g.Outlets, g.Focus = benchOutlets, benchFocus
	db, err := Open(filepath.Join(b.TempDir(), "store.db"))
	if err != nil {
		b.Fatal(err)
	}
	var batches [][]ingest.Prepared
	var batch []ingest.Prepared
	var day time.Time
	for k := 0; k < n; k++ {
		if k%1000 == 0 {
			ev, err := ingest.ParseEvent(ingest.EventFileName, g.EventFile(k, min(1000, n-k)))
			if err != nil {
				b.Fatal(err)
			}
			day, _ = ev.Day()
		}
		name, body := g.Article(k)
		arts, err := ingest.ParseFile(name, body)
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range arts {
			if a.EventDate.IsZero() {
				a.EventDate = day
			}
			p := ingest.Prepare(a)
			db.AnalyzePrepared(&p)
			batch = append(batch, p)
			if len(batch) == ingest.BatchSize {
				batches, batch = append(batches, batch), nil
			}
		}
	}
	return db, append(batches, batch)
}

// storeBatches stores the batches, failing on any error, and returns the
// number of articles stored.
func storeBatches(b *testing.B, db *DB, batches [][]ingest.Prepared) int {
	stored := 0
	for _, batch := range batches {
		for _, r := range db.StoreBatch(context.Background(), batch) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			stored++
		}
	}
	return stored
}

// benchSizes is the corpus sizes a benchmark runs at: the small ones given,
// and 100,000 with NEWSREEL_BENCH_LARGE=1 (make bench).
func benchSizes(small ...int) []int {
	if os.Getenv("NEWSREEL_BENCH_LARGE") != "" {
		return append(small, 100000)
	}
	return small
}

// errStop ends a walk at its first row.
var errStop = errors.New("stop")

func stopAt[T any](T) error { return errStop }

// firstOf is 1 when a walk stopped at its first row.
func firstOf(err error) (int, error) {
	if errors.Is(err, errStop) {
		return 1, nil
	}
	return 0, err
}

// countEach counts the rows of a walk.
func countEach[T any](each func(func(T) error) error) (int, error) {
	n := 0
	err := each(func(T) error { n++; return nil })
	return n, err
}
