package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsreel/newsreel/data"
)

// searchView is full-text search over all sentences, results grouped by
// source with the query words highlighted.
type searchView struct {
	w       *Window
	entry   *widget.Entry
	results *textList
	status  *widget.Label
	root    fyne.CanvasObject
	// searched is called (on the UI goroutine) after each search; tests use it.
	searched func()
}

func newSearchView(w *Window) *searchView {
	v := &searchView{w: w, results: newTextList(), status: widget.NewLabel("Type words and press Enter to search every sentence.")}
	v.entry = widget.NewEntry()
	v.entry.SetPlaceHolder("Search sentences, e.g. next time Moscow")
	v.entry.OnSubmitted = v.search
	button := widget.NewButton("Search", func() { v.search(v.entry.Text) })
	v.root = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, button, v.entry), v.status), nil, nil, nil, v.results)
	return v
}

func (v *searchView) content() fyne.CanvasObject { return v.root }

func (v *searchView) show(*analysis) {}

func (v *searchView) search(query string) {
	db := v.w.db
	if db == nil {
		return
	}
	v.status.SetText("Searching…")
	go func() {
		hits, err := db.Search(context.Background(), query, 200)
		fyne.Do(func() {
			v.showHits(query, hits, err)
			if v.searched != nil {
				v.searched()
			}
		})
	}()
}

func (v *searchView) showHits(query string, hits []data.SearchHit, err error) {
	v.results.SetRows(nil)
	switch {
	case err != nil:
		v.status.SetText("Search failed: " + err.Error())
		return
	case strings.TrimSpace(data.MatchQuery(query)) == "":
		v.status.SetText("Type some words to search for.")
		return
	case len(hits) == 0:
		v.status.SetText(fmt.Sprintf("No sentence contains all of: %s", query))
		return
	}
	v.status.SetText(fmt.Sprintf("%s for %q", plural(len(hits), "sentence"), query))
	groups := map[string][]data.SearchHit{}
	var order []string
	for _, h := range hits {
		if groups[h.Source] == nil {
			order = append(order, h.Source)
		}
		groups[h.Source] = append(groups[h.Source], h)
	}
	var rows [][]widget.RichTextSegment
	for _, src := range order {
		rows = append(rows, []widget.RichTextSegment{&widget.TextSegment{Text: fmt.Sprintf("%s (%d)", src, len(groups[src])), Style: widget.RichTextStyleStrong}})
		for _, h := range groups[src] {
			rows = append(rows, highlightSegments(h.Highlight))
		}
	}
	v.results.SetRows(rows)
}

// highlightSegments turns "a [match] b" into text with the matches bold.
func highlightSegments(s string) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for s != "" {
		i := strings.IndexByte(s, '[')
		j := strings.IndexByte(s, ']')
		if i < 0 || j < i {
			segs = append(segs, &widget.TextSegment{Text: s, Style: widget.RichTextStyleInline})
			break
		}
		if i > 0 {
			segs = append(segs, &widget.TextSegment{Text: s[:i], Style: widget.RichTextStyleInline})
		}
		segs = append(segs, &widget.TextSegment{Text: s[i+1 : j], Style: widget.RichTextStyleStrong})
		s = s[j+1:]
	}
	return segs
}
