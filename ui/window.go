package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// view is one screen of the window.
type view interface {
	content() fyne.CanvasObject
	show(*analysis)
}

// Screen names, as used by --view and the preferences.
var screenNames = []string{"timeline", "sources", "coverage", "people", "disagreements", "search"}

// Window is the main Newsreel window's content and state. Its fields are
// touched only on the UI goroutine.
type Window struct {
	app        fyne.App
	win        fyne.Window
	dbPath     string
	schemaPath string
	db         *data.DB
	schema     *timeline.Schema
	cancel     context.CancelFunc
	a          *analysis

	status *widget.Label
	tabs   *container.AppTabs
	views  []view

	timelineV *timelineView
	sourcesV  *sourcesView
	coverageV *coverageView
	peopleV   *peopleView
	searchV   *searchView

	lastImport  *importRun
	linksDialog *dialog.CustomDialog // the last "Import links" dialog
	fetch       ingest.FetchOptions  // how links are fetched (zero: the defaults)

	// busy counts the window's own imports, edits and analyses running;
	// changes to the store noticed meanwhile set changedMeanwhile.
	busy             int
	changedMeanwhile bool
	watchEvery       time.Duration  // how often to look for others' changes (zero: watchEvery; negative: never)
	loadNote         string         // said in the status bar after the next load
	uiMu             sync.Mutex     // see onUI
	fetches          sync.WaitGroup // the on-demand reads under way (see fetch)

	// loaded and imported are called (on the UI goroutine) after each load
	// and import; tests use them.
	loaded   func(error)
	imported func(ingest.Summary)
}

// NewWindow builds the main view into w; call Start to load the store.
func NewWindow(a fyne.App, w fyne.Window, dbPath, schemaPath string) *Window {
	v := &Window{app: a, win: w, dbPath: dbPath, schemaPath: schemaPath, status: widget.NewLabel("Opening " + filepath.Base(dbPath) + " …")}
	v.timelineV = newTimelineView(v)
	v.sourcesV = newSourcesView(v)
	v.coverageV = newCoverageView(v)
	v.peopleV = newPeopleView(v)
	v.searchV = newSearchView(v)
	dis := newDisagreementsView(v)
	v.views = []view{v.timelineV, v.sourcesV, v.coverageV, v.peopleV, dis, v.searchV}
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Timeline", theme.HistoryIcon(), newScreen(v.timelineV.content())),
		container.NewTabItemWithIcon("Sources", theme.ListIcon(), newScreen(v.sourcesV.content())),
		container.NewTabItemWithIcon("Coverage", theme.GridIcon(), newScreen(v.coverageV.content())),
		container.NewTabItemWithIcon("People & quotes", theme.AccountIcon(), newScreen(v.peopleV.content())),
		container.NewTabItemWithIcon("Disagreements", theme.WarningIcon(), newScreen(dis.content())),
		container.NewTabItemWithIcon("Search", theme.SearchIcon(), newScreen(v.searchV.content())),
	)
	v.tabs.OnSelected = func(*container.TabItem) {
		v.app.Preferences().SetString(prefView, screenNames[v.tabs.SelectedIndex()])
	}
	toolbar := widget.NewToolbar(
		widget.NewToolbarAction(theme.FolderOpenIcon(), v.askImportFolder),
		widget.NewToolbarAction(theme.FileIcon(), v.askImportFile),
		widget.NewToolbarAction(theme.ContentPasteIcon(), v.askImportLinks),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), v.askExportChart),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ViewRefreshIcon(), v.reload),
		widget.NewToolbarAction(theme.SettingsIcon(), v.showPreferences),
	)
	w.SetContent(container.NewBorder(toolbar, v.status, nil, nil, v.tabs))
	w.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		var paths []string
		for _, u := range uris {
			if u.Scheme() == "file" {
				paths = append(paths, u.Path())
			}
		}
		if len(paths) > 0 {
			v.importPaths(paths)
		}
	})
	return v
}

// SelectView shows the named screen (see screenNames).
func (v *Window) SelectView(name string) {
	for i, n := range screenNames {
		if n == name {
			v.tabs.SelectIndex(i)
		}
	}
}

// Start opens the store and loads it in the background.
func (v *Window) Start() {
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	schemaPath, every := v.schemaPath, v.watchEvery
	go func() {
		schema, err := assets.LoadSchema(schemaPath)
		if err != nil {
			fyne.Do(func() { v.finishLoad(nil, err) })
			return
		}
		db, err := openStore(ctx, v.dbPath, func(msg string) { fyne.Do(func() { v.status.SetText(msg) }) })
		if err != nil {
			fyne.Do(func() { v.finishLoad(nil, err) })
			return
		}
		// Watching starts before the analysis reads the store: whatever
		// others commit after the read is noticed.
		werr := v.watchStore(ctx, db, every)
		fyne.Do(func() { v.status.SetText("Analysing…") })
		a, err := loadAnalysisProgress(ctx, db, schema, v.analysisProgress)
		v.onUI(func() {
			v.db, v.schema = db, schema
			v.finishLoad(a, err)
			if werr != nil && err == nil {
				v.status.SetText(v.status.Text + " · not watching for changes by other programs: " + werr.Error())
			}
			v.idle()
		})
	}()
}

// reload re-runs the analysis on the open store.
func (v *Window) reload() { v.reloadWith("") }

// reloadWith re-runs the analysis; note, if any, follows the status after.
func (v *Window) reloadWith(note string) {
	if v.db == nil || v.schema == nil {
		return
	}
	db, schema := v.db, v.schema
	if note == "" {
		v.status.SetText("Analysing…")
	}
	v.busy++
	go func() {
		a, err := loadAnalysisProgress(context.Background(), db, schema, v.analysisProgress)
		v.onUI(func() {
			v.busy--
			v.loadNote = note
			v.finishLoad(a, err)
			v.idle()
		})
	}()
}

// analysisProgress shows re-analysis progress in the status line.
func (v *Window) analysisProgress(done, total int) {
	v.onUI(func() { v.status.SetText(fmt.Sprintf("Analysing: %d of %d articles…", done, total)) })
}

func (v *Window) finishLoad(a *analysis, err error) {
	if err != nil {
		v.status.SetText("Could not open the database: " + err.Error())
	} else {
		v.a = a
		for _, view := range v.views {
			view.show(a)
		}
		status := fmt.Sprintf("%s, %s, %s · %s · schema %s", plural(len(a.labels), "source"), plural(a.articles, "article"),
			plural(len(a.timeline.Phases), "phase"), filepath.Base(v.dbPath), a.schema.Name)
		if v.loadNote != "" {
			status += " · " + v.loadNote
		}
		v.status.SetText(status)
	}
	v.loadNote = ""
	if v.loaded != nil {
		v.loaded(err)
	}
}

// fetch is an on-demand read of the open store — one article, cell,
// source or person: read runs off the UI goroutine, then show gets its
// result on the UI goroutine. Tests wait for the reads under way with
// v.fetches.Wait().
func fetch[T any](v *Window, read func(context.Context, *data.DB) (T, error), show func(T, error)) {
	db := v.db
	if db == nil {
		return
	}
	v.fetches.Add(1)
	go func() {
		x, err := read(context.Background(), db)
		v.onUI(func() {
			defer v.fetches.Done()
			show(x, err)
		})
	}()
}

// openArticle shows an article with the given sentence selected, read
// from the store.
func (v *Window) openArticle(source, file string, sentence int) {
	fetch(v, func(ctx context.Context, db *data.DB) (*timeline.AnalyzedArticle, error) {
		return db.ArticleAt(ctx, source, file)
	}, func(art *timeline.AnalyzedArticle, err error) {
		switch {
		case err != nil:
			dialog.ShowError(err, v.win)
		case art != nil:
			v.showArticle(art, sentence)
		}
	})
}

// showArticle shows an article in a dialog with a sentence selected.
func (v *Window) showArticle(art *timeline.AnalyzedArticle, sentence int) {
	list := widget.NewList(
		func() int { return len(art.Sentences) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("sentence")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			s := art.Sentences[id]
			l := o.(*widget.Label)
			l.TextStyle = fyne.TextStyle{Bold: s.Heading || id == sentence}
			text := s.Text
			if s.Phase != "" {
				text += "  [" + s.Phase + "]"
			}
			l.SetText(text)
		})
	d := dialog.NewCustom(fmt.Sprintf("%s — %s", art.Source, nonEmpty(art.Title, art.File)), "Close", list, v.win)
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
	list.Select(sentence)
	list.ScrollTo(sentence)
}

// onUI runs fn on the UI goroutine (fyne.Do) holding uiMu. The app's
// driver already runs such functions one at a time; Fyne's test driver runs
// them on the calling goroutine, and the lock keeps the background loads,
// the store watcher and Close apart there too. fn must not call onUI.
func (v *Window) onUI(fn func()) {
	fyne.Do(func() {
		v.uiMu.Lock()
		defer v.uiMu.Unlock()
		fn()
	})
}

// Close stops background work and closes the store.
func (v *Window) Close() {
	v.uiMu.Lock()
	defer v.uiMu.Unlock()
	if v.cancel != nil {
		v.cancel()
	}
	if v.db != nil {
		v.db.Close()
		v.db = nil
	}
}

// plural writes n with the noun, adding an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
