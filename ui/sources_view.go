package ui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/timeline"
)

// sourcesView lists the sources; the selected one shows its narrative order
// against the chronological one and its blindspots, and can be renamed.
type sourcesView struct {
	w       *Window
	a       *analysis
	list    *widget.List
	detail  *widget.RichText
	rename  *widget.Button
	current int
	seq     int // counts the details shown, so a late read does not overwrite a newer one
	root    fyne.CanvasObject
}

func newSourcesView(w *Window) *sourcesView {
	v := &sourcesView{w: w, current: -1}
	v.list = widget.NewList(
		func() int {
			if v.a == nil {
				return 0
			}
			return len(v.a.sources)
		},
		func() fyne.CanvasObject { return widget.NewLabel("source label placeholder") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			s := v.a.sources[id]
			o.(*widget.Label).SetText(fmt.Sprintf("%s — %s, %s", s.Label, plural(s.Articles, "article"), plural(s.Sentences, "sentence")))
		})
	v.list.OnSelected = func(id widget.ListItemID) { v.current = id; v.showDetail() }
	v.detail = widget.NewRichTextWithText("Select a source to see how it told the event.")
	v.detail.Wrapping = fyne.TextWrapWord
	v.rename = widget.NewButton("Rename…", v.askRename)
	v.rename.Disable()
	right := container.NewBorder(container.NewHBox(v.rename), nil, nil, nil, container.NewScroll(v.detail))
	split := container.NewHSplit(v.list, right)
	split.Offset = 0.4
	v.root = split
	return v
}

func (v *sourcesView) content() fyne.CanvasObject { return v.root }

func (v *sourcesView) show(a *analysis) {
	v.a = a
	v.list.Refresh()
	if len(a.sources) == 0 {
		v.detail.ParseMarkdown("No sources yet: import articles with **File ▸ Import** (Ctrl+O) or drop files on the window.")
		v.rename.Disable()
		return
	}
	if v.current < 0 || v.current >= len(a.sources) {
		v.current = 0
	}
	v.list.Select(v.current)
	v.showDetail()
}

func (v *sourcesView) showDetail() {
	if v.a == nil || v.current < 0 || v.current >= len(v.a.sources) {
		v.rename.Disable()
		return
	}
	v.rename.Enable()
	a, s := v.a, v.a.sources[v.current]
	v.seq++
	v.detail.ParseMarkdown(v.describe(s, nil, nil))
	if a.copies == 0 {
		return
	}
	// The source's wire copies, read from the store.
	seq := v.seq
	fetch(v.w, func(ctx context.Context, db *data.DB) ([2][]data.CopyLink, error) {
		copies, reprinted, err := db.SourceCopies(ctx, s.Label)
		return [2][]data.CopyLink{copies, reprinted}, err
	}, func(links [2][]data.CopyLink, err error) {
		if seq != v.seq || v.a != a {
			return // another source is shown now
		}
		if err != nil {
			v.detail.ParseMarkdown(v.describe(s, nil, nil) + "\n\nThe wire copies could not be read: " + err.Error())
			return
		}
		v.detail.ParseMarkdown(v.describe(s, links[0], links[1]))
	})
}

// describe is the Markdown of a source's detail: how it told the event,
// its blindspots and its wire copies.
func (v *sourcesView) describe(s data.SourceSummary, copies, reprinted []data.CopyLink) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n%s, %s.\n\n", s.Label, plural(s.Articles, "article"), plural(s.Sentences, "sentence"))
	var chrono []string
	for _, p := range v.a.timeline.Phases {
		chrono = append(chrono, p.Label)
	}
	var told []string
	for _, id := range v.a.timeline.Narrative[s.Label] {
		if p := v.a.schema.Phase(id); p != nil {
			told = append(told, p.Label)
		}
	}
	if len(told) == 0 {
		b.WriteString("This source reports none of the event's phases.\n\n")
	} else {
		fmt.Fprintf(&b, "**Order it told the event:** %s\n\n", strings.Join(told, " → "))
	}
	fmt.Fprintf(&b, "**Order of events:** %s\n\n", strings.Join(chrono, " → "))
	if spots := v.a.blindspots[s.Label]; len(spots) > 0 {
		var names []string
		for _, id := range spots {
			names = append(names, v.a.schema.Phase(id).Label)
		}
		fmt.Fprintf(&b, "**Blindspots** (phases most sources report and this one skips): %s\n", strings.Join(names, ", "))
	} else if len(told) > 0 {
		b.WriteString("**Blindspots:** none — it reports every phase most sources report.\n")
	}
	var copied, printed []string
	for _, c := range copies {
		copied = append(copied, fmt.Sprintf("%s (of %s / %s)", codeSpan(c.Copy.File), c.Original.Source, codeSpan(c.Original.File)))
	}
	for _, c := range reprinted {
		printed = append(printed, fmt.Sprintf("%s by %s", codeSpan(c.Original.File), c.Copy.Source))
	}
	if len(copied) > 0 {
		fmt.Fprintf(&b, "\n**Wire copies** (near-identical to an earlier article; attention counts them for the original unless you tick “Count wire copies” on the Coverage screen): %s\n", listed(copied))
	}
	if len(printed) > 0 {
		fmt.Fprintf(&b, "\n**Reprinted:** %s\n", listed(printed))
	}
	return b.String()
}

func (v *sourcesView) askRename() {
	if v.current < 0 || v.a == nil {
		return
	}
	src := v.a.sources[v.current]
	entry := widget.NewEntry()
	entry.SetText(src.Label)
	dialog.ShowForm("Rename source", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Label", entry)}, func(ok bool) {
		if ok {
			v.w.renameSource(src, entry.Text)
		}
	}, v.w.win)
}

// renameSource stores a new label and reloads; errors are shown.
func (w *Window) renameSource(src data.SourceSummary, label string) {
	if w.db == nil {
		return
	}
	db := w.db
	w.busy++
	go func() {
		err := db.RenameSource(context.Background(), src.ID, label)
		fyne.Do(func() {
			w.busy--
			if err != nil {
				dialog.ShowError(err, w.win)
				w.idle()
				return
			}
			w.reload()
		})
	}()
}

// saveActorEdit stores an actor edit and re-runs the analysis.
func (w *Window) saveActorEdit(e timeline.ActorEdit) {
	if w.db == nil {
		return
	}
	db := w.db
	w.busy++
	go func() {
		err := db.AddActorEdit(context.Background(), e)
		fyne.Do(func() {
			w.busy--
			if err != nil {
				dialog.ShowError(err, w.win)
				w.idle()
				return
			}
			w.reload()
		})
	}()
}

// codeSpan shows a file name verbatim in Markdown (underscores in names
// like 001_6c71.txt would otherwise start emphasis).
func codeSpan(s string) string { return "`" + strings.ReplaceAll(s, "`", "'") + "`" }

// listed joins items with semicolons, the first maxListed of them.
func listed(items []string) string {
	if len(items) > maxListed {
		return strings.Join(items[:maxListed], "; ") + fmt.Sprintf("; … and %d more", len(items)-maxListed)
	}
	return strings.Join(items, "; ")
}
