package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/data/corpusgen"
	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// benchStore returns a database of n generated articles, imported and
// analysed; it is kept in the temporary folder between runs (named by the
// corpus, schema and analysis versions). With outlets > 0 the corpus is
// the data benchmarks' archive: that many outlets (Zipf-sized), 90% of the
// articles about the summit, a folder of 1,000 with its event file. Else
// it is the generator's default: an outlet per web site, thousands of
// small sources.
func benchStore(b *testing.B, n, outlets int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("newsreel-ui-bench-%d-o%d-s%d-a%d.db", n, outlets, data.SchemaVersion(), timeline.AnalysisVersion))
	db, err := data.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if got, _ := db.CountArticles(ctx); got == n {
		return path
	}
	db.Close()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		os.Remove(p)
	}
	dir := b.TempDir()
	g, err := corpusgen.New(3)
	if err != nil {
		b.Fatal(err)
	}
	if outlets > 0 {
		g.Outlets, g.Focus = outlets, 0.9
	}
	for i := 0; i < n; i++ {
		name, body := g.Article(i)
		sub := dir
		if outlets > 0 {
			sub = filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
			if i%1000 == 0 {
				os.MkdirAll(sub, 0o755)
				os.WriteFile(filepath.Join(sub, ingest.EventFileName), g.EventFile(i, min(1000, n-i)), 0o644)
			}
		}
		os.WriteFile(filepath.Join(sub, name), body, 0o644)
	}
	if db, err = data.Open(path); err != nil {
		b.Fatal(err)
	}
	if sum := ingest.Import(ctx, db, []string{dir}, ingest.Options{}, nil); sum.Imported != n {
		b.Fatalf("imported %d of %d", sum.Imported, n)
	}
	return path
}

// benchArticles is the corpus size of the window benchmarks: 10,000, or
// NEWSREEL_SCREENS_N (a smaller corpus for profiling, 100000 once).
func benchArticles() int {
	if v, err := strconv.Atoi(os.Getenv("NEWSREEL_SCREENS_N")); err == nil && v > 0 {
		return v
	}
	return 10000
}

// BenchmarkScreens measures, on a database of 10,000 generated articles,
// the window's first frame (shown before the analysis, which runs in the
// background) and switching to each screen with the analysis loaded.
func BenchmarkScreens(b *testing.B) {
	dbPath := benchStore(b, benchArticles(), 0)
	db, err := data.Open(dbPath)
	if err != nil {
		b.Fatal(err)
	}
	schema, _ := assets.LoadSchema("")
	a, err := loadAnalysis(context.Background(), db, schema)
	if err != nil {
		b.Fatal(err)
	}
	db.Close()

	app := test.NewTempApp(b)
	b.Run("first-frame", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			w := test.NewWindow(nil)
			w.Resize(fyne.NewSize(1180, 760))
			NewWindow(app, w, dbPath, "")
			w.Canvas().Content().Refresh()
			w.Close()
		}
	})
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1180, 760))
	v := NewWindow(app, w, dbPath, "")
	v.finishLoad(a, nil)
	for i, name := range screenNames {
		b.Run(fmt.Sprintf("switch-to-%s", name), func(b *testing.B) {
			for k := 0; k < b.N; k++ {
				v.tabs.SelectIndex((i + 1) % len(screenNames))
				v.tabs.SelectIndex(i)
				w.Canvas().Content().Refresh()
			}
		})
	}
	b.Run("show-analysis", func(b *testing.B) {
		for k := 0; k < b.N; k++ {
			v.finishLoad(a, nil) // every screen rebuilt from a new analysis
		}
	})
}

// BenchmarkLoadAnalysis opens the window's model on a database of 10,000
// generated articles (NEWSREEL_SCREENS_N to change), analysed and with
// the people stage stored: what the window reads on opening and on each
// reload. The archive has 60 outlets (as the data benchmarks); sites has
// an outlet per web site (BenchmarkScreens' corpus, thousands of
// sources). It reports the time per load, the memory it allocates, the
// memory the model keeps (heap growth while it is held) and the process's
// peak RSS (run one corpus at a time for that).
func BenchmarkLoadAnalysis(b *testing.B) {
	n := benchArticles()
	for _, corpus := range []struct {
		name    string
		outlets int
	}{{"archive", 60}, {"sites", 0}} {
		b.Run(fmt.Sprintf("articles=%d/%s", n, corpus.name), func(b *testing.B) {
			db, err := data.Open(benchStore(b, n, corpus.outlets))
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			ctx := context.Background()
			schema, _ := assets.LoadSchema("")
			// The stored stages brought up to date once, as the first open
			// after an import does.
			if err := db.Refresh(ctx, schema, nil); err != nil {
				b.Fatal(err)
			}
			if err := db.RefreshPeople(ctx, schema, nil); err != nil {
				b.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			b.ReportAllocs()
			b.ResetTimer()
			var a *analysis
			for i := 0; i < b.N; i++ {
				if a, err = loadAnalysis(ctx, db, schema); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			runtime.GC()
			runtime.ReadMemStats(&after)
			if a.articles != n || len(a.timeline.Phases) == 0 {
				b.Fatalf("%d articles, %d phases", a.articles, len(a.timeline.Phases))
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/load")
			b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "kept-MB")
			b.ReportMetric(peakRSS(), "peak-MB")
		})
	}
}

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
