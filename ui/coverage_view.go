package ui

import (
	"context"
	"fmt"
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/timeline"
	"github.com/newsreel/newsreel/ui/chart"
)

// Coverage modes.
const (
	modePhases    = "Phases"
	modeThemes    = "Themes"
	modeActors    = "People"
	modeAttention = "Attention chart"
)

// coverageView is the source × phase (or theme, or person) matrix, cells
// shaded by normalised share, with the sentences behind a chosen cell.
type coverageView struct {
	w       *Window
	a       *analysis
	mode    string
	raw     bool
	copies  *widget.Check // count wire copies
	keys    []string      // column keys
	labels  []string      // column labels
	cells   map[cellKey]cellSum
	table   *widget.Table
	detail  *fyne.Container
	caption *widget.Label
	image   *canvas.Image // the attention chart
	// charts are the attention charts drawn for the analysis chartsFor.
	charts    map[chartKey]image.Image
	chartsFor *analysis
	split     *container.Split
	seq       int // counts the cells shown, so a late read does not overwrite a newer one
	// charted is called (on the UI goroutine) when the chart is shown; tests use it.
	charted func()
	root    fyne.CanvasObject
}

func newCoverageView(w *Window) *coverageView {
	v := &coverageView{w: w, mode: modePhases, detail: container.NewVBox()}
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.rowLabels()), len(v.keys) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			l := canvas.NewText("00.0%", theme.Color(theme.ColorNameForeground))
			l.Alignment = fyne.TextAlignCenter
			return container.NewStack(bg, container.NewCenter(l))
		},
		v.updateCell)
	v.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("header label")
		l.Truncation = fyne.TextTruncateEllipsis
		l.TextStyle.Bold = true
		return l
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Row < 0 && id.Col >= 0 && id.Col < len(v.labels):
			l.SetText(v.labels[id.Col])
		case id.Col < 0 && id.Row >= 0 && id.Row < len(v.rowLabels()):
			l.SetText(v.rowLabels()[id.Row])
		default:
			l.SetText("")
		}
	}
	v.table.OnSelected = func(id widget.TableCellID) { v.showCell(id) }
	modes := widget.NewRadioGroup([]string{modePhases, modeThemes, modeActors, modeAttention}, func(m string) {
		if m != "" && m != v.mode {
			v.mode = m
			v.rebuild()
		}
	})
	modes.Required = true
	modes.Horizontal = true
	modes.SetSelected(modePhases)
	raw := widget.NewCheck("Raw sentence counts", func(on bool) {
		v.raw = on
		v.table.Refresh()
		if v.mode == modeAttention {
			v.showAttention()
		}
	})
	v.copies = widget.NewCheck("Count wire copies", func(on bool) {
		if v.a != nil && v.a.countCopies != on {
			v.a.countCopies = on
			v.rebuild()
		}
	})
	v.copies.Disable()
	v.caption = widget.NewLabel("")
	v.caption.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewHBox(modes, raw, v.copies), v.caption)
	v.split = container.NewVSplit(v.table, container.NewScroll(v.detail))
	v.split.Offset = 0.6
	v.image = &canvas.Image{FillMode: canvas.ImageFillContain}
	v.image.Hide()
	v.root = container.NewBorder(top, nil, nil, nil, container.NewStack(v.split, v.image))
	return v
}

// Size the attention chart is drawn at (the image scales to the screen).
const attentionW, attentionH = 1400, 800

// chartKey identifies a drawn attention chart: the analysis it shows and
// how.
type chartKey struct {
	a                 *analysis
	raw, dark, copies bool
}

// showAttention shows the attention chart (go-chart, through ui/chart) in
// place of the matrix, drawn off the UI goroutine once per analysis and
// setting and kept for the next time.
func (v *coverageView) showAttention() {
	v.split.Hide()
	v.image.Show()
	v.caption.SetText("How each source divided its coverage between the phases (100% = all it gave to them). Export it with Ctrl+E." + v.copiesNote())
	dark := v.w.app.Settings().ThemeVariant() == theme.VariantDark
	if t, ok := v.w.app.Settings().Theme().(variantTheme); ok {
		dark = t.variant == theme.VariantDark
	}
	key := chartKey{v.a, v.raw, dark, v.a.countCopies}
	if img, ok := v.charts[key]; ok {
		v.setChart(img)
		return
	}
	// The chart of the stored sums (the toggles may change while it draws).
	var keys, labels []string
	for _, p := range v.a.timeline.Phases {
		keys, labels = append(keys, p.ID), append(labels, p.Label)
	}
	all := 0
	if key.copies {
		all = 1
	}
	cells := matrixCells(v.a.matrix[0][all])
	bars := chart.AttentionOf(v.a.labels, keys, labels, false, key.raw, func(source, key string) (float64, int) {
		s := cells[cellKey{source, key}]
		return s.share(), s.sentences
	})
	go func() {
		th := chart.Light
		if key.dark {
			th = chart.Dark
		}
		img, err := chart.Image(bars, attentionW, attentionH, th)
		fyne.Do(func() {
			if err != nil {
				v.caption.SetText(fmt.Sprintf("The chart could not be drawn: %v", err))
				return
			}
			if v.charts == nil || v.chartsFor != key.a {
				v.charts, v.chartsFor = map[chartKey]image.Image{}, key.a // a new analysis: forget the old charts
			}
			v.charts[key] = img
			if v.mode == modeAttention && v.a == key.a && v.raw == key.raw && v.a.countCopies == key.copies {
				v.setChart(img)
			}
		})
	}()
}

func (v *coverageView) setChart(img image.Image) {
	v.image.Image = img
	v.image.Refresh()
	if v.charted != nil {
		v.charted()
	}
}

func (v *coverageView) content() fyne.CanvasObject { return v.root }

func (v *coverageView) rowLabels() []string {
	if v.a == nil {
		return nil
	}
	return v.a.labels
}

func (v *coverageView) show(a *analysis) {
	v.a = a
	if n := a.copies; n > 0 {
		a.countCopies = v.copies.Checked // the choice outlives a reload
		v.copies.SetText(fmt.Sprintf("Count wire copies (%d)", n))
		v.copies.Enable()
	} else {
		v.copies.SetText("Count wire copies (none found)")
		v.copies.Disable()
	}
	v.rebuild()
}

// copiesNote says how wire copies are counted, when there are any.
func (v *coverageView) copiesNote() string {
	n := v.a.copies
	switch {
	case n == 0:
		return ""
	case v.a.countCopies:
		return fmt.Sprintf(" %s counted as their outlets' own text.", pluralCopies(n))
	}
	return fmt.Sprintf(" %s count once, for their originals (tick “Count wire copies” to count them).", pluralCopies(n))
}

func pluralCopies(n int) string {
	if n == 1 {
		return "1 wire copy"
	}
	return fmt.Sprintf("%d wire copies", n)
}

// rebuild recomputes the columns for the current mode.
func (v *coverageView) rebuild() {
	if v.a == nil {
		return
	}
	if v.mode == modeAttention {
		v.showAttention()
		return
	}
	v.image.Hide()
	v.split.Show()
	v.keys, v.labels = nil, nil
	all := v.a.copyIndex()
	switch v.mode {
	case modeThemes:
		for _, t := range v.a.schema.Themes {
			v.keys, v.labels = append(v.keys, t.ID), append(v.labels, t.Label)
		}
		v.cells = matrixCells(v.a.matrix[1][all])
		v.caption.SetText("Share of each source's words in sentences touching each theme (a sentence can touch several). Click a cell for its sentences.")
	case modeActors:
		v.keys = append(v.keys, v.a.personIDs...)
		v.labels = append(v.labels, v.a.personNames...)
		v.cells = personCellSums(v.a.personSums[all], v.a.words[all])
		v.caption.SetText("Share of each source's words in sentences that mention each of the twelve most-mentioned people. Click a cell for its sentences.")
	default:
		for _, p := range v.a.timeline.Phases {
			v.keys, v.labels = append(v.keys, p.ID), append(v.labels, p.Label)
		}
		v.cells = matrixCells(v.a.matrix[0][all])
		v.caption.SetText("Share of each source's words given to each phase, in the order of events. Click a cell for its sentences; tick “Raw sentence counts” for counts.")
	}
	v.caption.SetText(v.caption.Text + v.copiesNote())
	if len(v.rowLabels()) == 0 || len(v.keys) == 0 {
		v.caption.SetText("Nothing to compare yet: import articles about an event (File ▸ Import, Ctrl+O).")
	}
	v.table.SetColumnWidth(-1, 220)
	// Columns as wide as their names (bold, with the label's padding),
	// between the width of "100.0%" and 240.
	pad := 2*theme.InnerPadding() + theme.Padding()
	for i, label := range v.labels {
		w := fyne.MeasureText(label, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + pad
		v.table.SetColumnWidth(i, min(max(w, 96), 240))
	}
	v.detail.RemoveAll()
	v.detail.Add(widget.NewLabel("Click a cell to see the sentences behind it."))
	v.table.Refresh()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func (v *coverageView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	st := o.(*fyne.Container)
	bg := st.Objects[0].(*canvas.Rectangle)
	l := st.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
	rows := v.rowLabels()
	if id.Row >= len(rows) || id.Col >= len(v.keys) {
		return
	}
	s := v.cells[cellKey{rows[id.Row], v.keys[id.Col]}]
	share := s.share()
	alpha := uint8(0)
	if s.sentences > 0 {
		alpha = uint8(40 + 215*minf(1, share*4)) // 25% or more is full strength
	}
	bg.FillColor = withAlpha(paletteColor(4), alpha)
	bg.Refresh()
	// Dark cells take white text in either theme; pale ones the theme's.
	l.Color = theme.Color(theme.ColorNameForeground)
	if alpha > 150 {
		l.Color = color.White
	}
	switch {
	case s.sentences == 0:
		l.Text = "–"
	case v.raw:
		l.Text = fmt.Sprintf("%d", s.sentences)
	default:
		l.Text = fmt.Sprintf("%.1f%%", 100*share)
	}
	l.Refresh()
}

func minf(a, b float64) float64 {
	if a < b {
		return a
	}
	return b
}

// Most sentences listed behind a cell.
const maxCellSentences = 200

// showCell lists the sentences behind a cell, read from the store.
func (v *coverageView) showCell(id widget.TableCellID) {
	rows := v.rowLabels()
	if id.Row < 0 || id.Col < 0 || id.Row >= len(rows) || id.Col >= len(v.keys) {
		return
	}
	src, key, mode := rows[id.Row], v.keys[id.Col], v.mode
	v.detail.RemoveAll()
	v.detail.Add(widget.NewLabelWithStyle(fmt.Sprintf("%s · %s", src, v.labels[id.Col]), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	v.detail.Refresh()
	v.seq++
	seq, a := v.seq, v.a
	stored := 0 // the cell's sentences, copies included
	for _, c := range a.matrix[boolIndex(mode == modeThemes)][1] {
		if c.Source == src && c.Key == key {
			stored = c.Sentences
		}
	}
	type sentences struct {
		evs   []timeline.Evidence
		total int
	}
	fetch(v.w, func(ctx context.Context, db *data.DB) (sentences, error) {
		if mode == modeActors {
			// The first sentences; how many: the stored sums, copies included as listed.
			evs, err := db.ActorSentencesN(ctx, key, src, maxCellSentences)
			total := len(evs)
			if total == maxCellSentences {
				for _, c := range a.personSums[1] {
					if c.Source == src && c.Actor == key {
						total = max(total, c.Sentences)
					}
				}
			}
			return sentences{evs, total}, err
		}
		evs, more, err := db.CellSentences(ctx, src, mode == modeThemes, key, maxCellSentences)
		total := len(evs)
		if more { // how many: the stored sums, copies included as listed
			total = max(total+1, stored)
		}
		return sentences{evs, total}, err
	}, func(got sentences, err error) {
		if seq != v.seq || v.a != a {
			return // another cell is shown now
		}
		switch {
		case err != nil:
			v.detail.Add(widget.NewLabel("The sentences could not be read: " + err.Error()))
		case got.total == 0:
			v.detail.Add(widget.NewLabel("This source has no sentence here."))
		}
		for _, e := range got.evs {
			v.detail.Add(evidenceText(e))
		}
		if n := got.total - len(got.evs); n > 0 {
			v.detail.Add(widget.NewLabel(fmt.Sprintf("… and %d more (search them on the Search screen, or export the analysis).", n)))
		}
		v.detail.Refresh()
	})
}

func contains(list []string, s string) bool { return indexOf(list, s) >= 0 }
