package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/data/ingest"
)

// AppID is the reverse-DNS id of the app; FyneApp.toml carries the same.
const AppID = "io.github.newsreel.newsreel"

// Run opens the Newsreel window on the database at dbPath and returns when
// the window closes.
func Run(dbPath string) error {
	a := app.NewWithID(AppID)
	w := a.NewWindow("Newsreel")
	w.Resize(fyne.NewSize(1100, 720))
	win := NewWindow(w, dbPath)
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { a.Quit() })
	w.SetOnClosed(win.Close)
	win.Start()
	w.ShowAndRun()
	return nil
}

// openStore opens the database and, when it is empty, imports the bundled
// corpus so that a new user sees a real timeline at once.
func openStore(ctx context.Context, dbPath string, progress func(string)) (*data.DB, error) {
	db, err := data.Open(dbPath)
	if err != nil {
		return nil, err
	}
	n, err := db.CountArticles(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	if n == 0 {
		_, err := ingest.ImportFS(ctx, db, assets.Corpus(), ingest.Options{}, func(done, total int, r ingest.FileResult) {
			progress(fmt.Sprintf("Loading the bundled articles: %d of %d files", done, total))
		})
		if err != nil {
			db.Close()
			return nil, err
		}
	}
	return db, nil
}
