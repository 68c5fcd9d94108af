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
	s := v.a.sources[v.current]
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n%s, %s.\n\n", s.Label, plural(s.Articles, "article"), plural(s.Sentences, "sentence"))
	var chrono []string
	for _, p := range v.a.Timeline.Phases {
		chrono = append(chrono, p.Label)
	}
	var told []string
	for _, id := range v.a.Timeline.Narrative[s.Label] {
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
	if spots := v.a.Blindspots[s.Label]; len(spots) > 0 {
		var names []string
		for _, id := range spots {
			names = append(names, v.a.schema.Phase(id).Label)
		}
		fmt.Fprintf(&b, "**Blindspots** (phases most sources report and this one skips): %s\n", strings.Join(names, ", "))
	} else if len(told) > 0 {
		b.WriteString("**Blindspots:** none — it reports every phase most sources report.\n")
	}
	var copies, reprinted []string
	for _, c := range v.a.Copies() {
		switch {
		case c.Source == s.Label:
			copies = append(copies, fmt.Sprintf("%s (of %s / %s)", codeSpan(c.File), c.CopyOf.Source, codeSpan(c.CopyOf.File)))
		case c.CopyOf.Source == s.Label:
			reprinted = append(reprinted, fmt.Sprintf("%s by %s", codeSpan(c.CopyOf.File), c.Source))
		}
	}
	if len(copies) > 0 {
		fmt.Fprintf(&b, "\n**Wire copies** (near-identical to an earlier article; attention counts them for the original unless you tick “Count wire copies” on the Coverage screen): %s\n", strings.Join(copies, "; "))
	}
	if len(reprinted) > 0 {
		fmt.Fprintf(&b, "\n**Reprinted:** %s\n", strings.Join(reprinted, "; "))
	}
	v.detail.ParseMarkdown(b.String())
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
