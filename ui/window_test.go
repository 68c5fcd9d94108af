package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// startWindow builds the main window on a fresh database and waits for it
// to finish loading.
func startWindow(t *testing.T, dbPath string) (*Window, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(900, 600))
	v := NewWindow(w, dbPath)
	done := make(chan error, 1)
	v.loaded = func(err error) { done <- err }
	v.Start()
	t.Cleanup(v.Close)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("load: %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("window did not finish loading")
	}
	return v, w
}

func TestFirstStartLoadsBundledCorpus(t *testing.T) {
	v, w := startWindow(t, filepath.Join(t.TempDir(), "first.db"))
	if len(v.sources) != 5 || len(v.articles) != 5 {
		t.Fatalf("%d sources, %d articles", len(v.sources), len(v.articles))
	}
	if got := v.status.Text; got != "5 sources, 5 articles · first.db" {
		t.Fatalf("status %q", got)
	}
	test.AssertRendersToMarkup(t, "main_window.xml", w.Canvas())
}

func TestSelectingASourceFiltersArticles(t *testing.T) {
	v, _ := startWindow(t, filepath.Join(t.TempDir(), "sel.db"))
	v.sourceList.Select(1)
	arts := v.visibleArticles()
	if len(arts) != 1 || arts[0].Source != v.sources[0].Label {
		t.Fatalf("visible %+v", arts)
	}
	v.sourceList.Select(0)
	if len(v.visibleArticles()) != 5 {
		t.Fatal("All sources should show every article")
	}
}

func TestBadDatabaseShowsErrorInStatus(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	dir := t.TempDir()
	v := NewWindow(w, dir) // a folder is not a database
	done := make(chan error, 1)
	v.loaded = func(err error) { done <- err }
	v.Start()
	if err := <-done; err == nil {
		t.Fatal("want an error")
	}
	if got := v.status.Text; len(got) < 30 || got[:27] != "Could not open the database" {
		t.Fatalf("status %q", got)
	}
}
