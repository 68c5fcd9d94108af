package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/data/corpusgen"
	"github.com/newsreel/newsreel/data/ingest"
)

// BenchmarkScreens measures, on a database of 10,000 generated articles,
// the window's first frame (shown before the analysis, which runs in the
// background) and switching to each screen with the analysis loaded.
func BenchmarkScreens(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("NEWSREEL_SCREENS_N")); err == nil && v > 0 {
		n = v // a smaller corpus for profiling
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
	dbPath := filepath.Join(b.TempDir(), "screens.db")
	db, err := data.Open(dbPath)
	if err != nil {
		b.Fatal(err)
	}
	ingest.Import(context.Background(), db, []string{dir}, ingest.Options{}, nil)
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
