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

// Options start the window; empty fields fall back to the preferences.
type Options struct {
	DB     string // database file
	View   string // first screen: timeline, sources, coverage, people, disagreements, search
	Theme  string // system, light or dark
	Schema string // schema file
}

// Run opens the Newsreel window and returns when it closes.
func Run(o Options) error {
	a := app.NewWithID(AppID)
	p := a.Preferences()
	if o.Theme == "" {
		o.Theme = p.StringWithFallback(prefTheme, themeSystem)
	}
	a.Settings().SetTheme(themeFor(o.Theme))
	if o.Schema == "" {
		o.Schema = p.String(prefSchema)
	}
	w := a.NewWindow("Newsreel")
	w.Resize(fyne.NewSize(float32(p.FloatWithFallback(prefWidth, 1180)), float32(p.FloatWithFallback(prefHeight, 760))))
	win := NewWindow(a, w, o.DB, o.Schema)
	win.addShortcuts()
	win.SelectView(firstNonEmpty(o.View, p.StringWithFallback(prefView, "timeline")))
	w.SetCloseIntercept(func() {
		size := w.Canvas().Size()
		p.SetFloat(prefWidth, float64(size.Width))
		p.SetFloat(prefHeight, float64(size.Height))
		win.Close()
		w.Close()
	})
	win.Start()
	w.ShowAndRun()
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// addShortcuts binds the keyboard: Ctrl+O import folder, Ctrl+Shift+O
// import file, Ctrl+L import links, Ctrl+E export a chart, Ctrl+S export the analysis, Ctrl+F
// search, Ctrl+R reload, Ctrl+1…6 screens, Ctrl+, preferences, Ctrl+Q quit.
func (v *Window) addShortcuts() {
	c := v.win.Canvas()
	add := func(key fyne.KeyName, mod fyne.KeyModifier, fn func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod}, func(fyne.Shortcut) { fn() })
	}
	ctrl := fyne.KeyModifierShortcutDefault
	add(fyne.KeyO, ctrl, v.askImportFolder)
	add(fyne.KeyO, ctrl|fyne.KeyModifierShift, v.askImportFile)
	add(fyne.KeyL, ctrl, v.askImportLinks)
	add(fyne.KeyR, ctrl, v.reload)
	add(fyne.KeyE, ctrl, v.askExportChart)
	add(fyne.KeyS, ctrl, v.askExportData)
	add(fyne.KeyF, ctrl, func() { v.SelectView("search"); v.win.Canvas().Focus(v.searchV.entry) })
	add(fyne.KeyComma, ctrl, v.showPreferences)
	add(fyne.KeyQ, ctrl, func() { v.Close(); v.app.Quit() })
	for i, key := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6} {
		i := i
		add(key, ctrl, func() { v.tabs.SelectIndex(i) })
	}
	v.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("File",
			fyne.NewMenuItem("Import folder…", v.askImportFolder),
			fyne.NewMenuItem("Import file…", v.askImportFile),
			fyne.NewMenuItem("Import links…", v.askImportLinks),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Export chart…", v.askExportChart),
			fyne.NewMenuItem("Export analysis (JSON)…", v.askExportData),
			fyne.NewMenuItemSeparator(),
			fyne.NewMenuItem("Preferences…", v.showPreferences),
		),
		fyne.NewMenu("View",
			fyne.NewMenuItem("Reload analysis", v.reload),
			fyne.NewMenuItem("Search", func() { v.SelectView("search") }),
		),
	))
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
