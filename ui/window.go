package ui

import (
	"context"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsreel/newsreel/data"
)

// Window is the main Newsreel window's content and state. Its fields are
// touched only on the UI goroutine.
type Window struct {
	win    fyne.Window
	dbPath string
	db     *data.DB
	cancel context.CancelFunc

	status   *widget.Label
	sources  []data.SourceSummary
	articles []data.ArticleSummary
	selected int64 // source id shown in the article list; 0 = all

	sourceList  *widget.List
	articleList *widget.List

	// loaded is called (on the UI goroutine) after each load; tests use it.
	loaded func(error)
}

// NewWindow builds the main view into w; call Start to load the store.
func NewWindow(w fyne.Window, dbPath string) *Window {
	v := &Window{win: w, dbPath: dbPath, status: widget.NewLabel("Opening " + filepath.Base(dbPath) + " …")}
	v.sourceList = widget.NewList(
		func() int { return len(v.sources) + 1 },
		func() fyne.CanvasObject { return widget.NewLabel("source label placeholder") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id == 0 {
				o.(*widget.Label).SetText(fmt.Sprintf("All sources (%d)", len(v.sources)))
				return
			}
			s := v.sources[id-1]
			o.(*widget.Label).SetText(fmt.Sprintf("%s — %s, %s", s.Label, plural(s.Articles, "article"), plural(s.Sentences, "sentence")))
		})
	v.sourceList.OnSelected = func(id widget.ListItemID) {
		v.selected = 0
		if id > 0 && id <= len(v.sources) {
			v.selected = v.sources[id-1].ID
		}
		v.articleList.Refresh()
	}
	v.articleList = widget.NewList(
		func() int { return len(v.visibleArticles()) },
		func() fyne.CanvasObject { return widget.NewLabel("article placeholder") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			arts := v.visibleArticles()
			if id >= len(arts) {
				return
			}
			a := arts[id]
			title := a.Title
			if title == "" {
				title = a.File
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", a.Source, title, plural(a.Sentences, "sentence")))
		})
	split := container.NewHSplit(
		container.NewBorder(widget.NewLabelWithStyle("Sources", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, v.sourceList),
		container.NewBorder(widget.NewLabelWithStyle("Articles", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, v.articleList),
	)
	split.Offset = 0.4
	w.SetContent(container.NewBorder(nil, v.status, nil, nil, split))
	return v
}

func (v *Window) visibleArticles() []data.ArticleSummary {
	if v.selected == 0 {
		return v.articles
	}
	var out []data.ArticleSummary
	for _, a := range v.articles {
		if a.Source == v.sourceLabel(v.selected) {
			out = append(out, a)
		}
	}
	return out
}

func (v *Window) sourceLabel(id int64) string {
	for _, s := range v.sources {
		if s.ID == id {
			return s.Label
		}
	}
	return ""
}

// Start opens the store and loads it in the background.
func (v *Window) Start() {
	ctx, cancel := context.WithCancel(context.Background())
	v.cancel = cancel
	go func() {
		db, err := openStore(ctx, v.dbPath, func(msg string) { fyne.Do(func() { v.status.SetText(msg) }) })
		if err != nil {
			fyne.Do(func() { v.finishLoad(err) })
			return
		}
		srcs, arts, err := readLists(ctx, db)
		fyne.Do(func() {
			v.db = db
			v.sources, v.articles = srcs, arts
			v.finishLoad(err)
		})
	}()
}

func readLists(ctx context.Context, db *data.DB) ([]data.SourceSummary, []data.ArticleSummary, error) {
	srcs, err := db.Sources(ctx)
	if err != nil {
		return nil, nil, err
	}
	arts, err := db.Articles(ctx)
	return srcs, arts, err
}

func (v *Window) finishLoad(err error) {
	if err != nil {
		v.status.SetText("Could not open the database: " + err.Error())
	} else {
		v.status.SetText(fmt.Sprintf("%s, %s · %s", plural(len(v.sources), "source"), plural(len(v.articles), "article"), filepath.Base(v.dbPath)))
		v.sourceList.Refresh()
		v.articleList.Refresh()
	}
	if v.loaded != nil {
		v.loaded(err)
	}
}

// Close stops background work and closes the store.
func (v *Window) Close() {
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
