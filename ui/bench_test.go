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
// schema and analysis versions).
func benchStore(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("newsreel-ui-bench-%d-s%d-a%d.db", n, data.SchemaVersion(), timeline.AnalysisVersion))
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
	for i := 0; i < n; i++ {
		name, body := g.Article(i)
		os.WriteFile(filepath.Join(dir, name), body, 0o644)
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
	dbPath := benchStore(b, benchArticles())
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
// reload. It reports the time per load, the memory it allocates and the
// memory the model keeps (heap growth while it is held), and the
// process's peak RSS.
func BenchmarkLoadAnalysis(b *testing.B) {
	n := benchArticles()
	db, err := data.Open(benchStore(b, n))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	schema, _ := assets.LoadSchema("")
	// The stored stages brought up to date once, as the first open after
	// an import does.
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
