package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsreel/newsreel/timeline"
)

// Caps on the evidence panel.
const (
	maxEvidenceSources   = 24
	maxEvidencePerSource = 8
)

// timelineView is the home screen: the event's phases along a time axis,
// each a block sized by its coverage, and the evidence of the selected one.
type timelineView struct {
	w        *Window
	a        *analysis
	blocks   *fyne.Container
	axis     *fyne.Container
	legend   *fyne.Container
	evidence *sizedList // the selected phase's evidence, a row per line
	rows     []evidenceRow
	cols     int     // sources side by side in the evidence panel
	sizedFor float32 // the panel width the rows' heights are for
	title    *widget.Label
	selected string
	root     fyne.CanvasObject
}

func newTimelineView(w *Window) *timelineView {
	v := &timelineView{w: w, blocks: container.NewHBox(), axis: container.NewHBox(), legend: container.NewHBox(), cols: 1}
	v.evidence = newSizedList(func() int { return len(v.rows) }, v.newEvidenceRow, v.updateEvidenceRow, func(width float32) {
		if width != v.sizedFor {
			v.sizeRows(width)
		}
	})
	v.evidence.HideSeparators = true
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.Wrapping = fyne.TextWrapWord
	scroll := container.NewHScroll(container.NewVBox(v.blocks, v.axis))
	scroll.SetMinSize(fyne.NewSize(200, 136))
	top := container.NewVBox(scroll, container.NewHScroll(v.legend))
	v.root = container.NewBorder(top, nil, nil, nil,
		container.NewBorder(v.title, nil, nil, nil, v.evidence))
	return v
}

func (v *timelineView) content() fyne.CanvasObject { return v.root }

func (v *timelineView) show(a *analysis) {
	v.a = a
	v.blocks.RemoveAll()
	v.axis.RemoveAll()
	// The legend is built whole (Add lays the row out each time) and names
	// at most as many sources as the evidence panel shows.
	var items []fyne.CanvasObject
	for i, label := range a.labels {
		if i == maxEvidenceSources {
			items = append(items, widget.NewLabel(fmt.Sprintf("and %s more", plural(len(a.labels)-i, "source"))))
			break
		}
		dot := canvas.NewCircle(sourceColor(i))
		dot.StrokeColor = theme.Color(theme.ColorNameForeground)
		dot.StrokeWidth = 1
		size := canvas.NewRectangle(color.Transparent)
		size.SetMinSize(fyne.NewSize(12, 12))
		items = append(items, container.NewHBox(container.NewCenter(container.NewStack(size, dot)), widget.NewLabel(ellipsis(label, 28))))
	}
	v.legend.Objects = items
	v.legend.Refresh()
	if len(a.timeline.Phases) == 0 {
		v.title.SetText("No timeline yet: import articles about an event (File ▸ Import, Ctrl+O, or drop files on the window).")
		v.setEvidence(nil, 1)
		return
	}
	index := make(map[string]int, len(a.labels))
	for i, label := range a.labels {
		index[label] = i
	}
	var blocks, ticks []fyne.CanvasObject
	for i, p := range a.timeline.Phases {
		p := p
		b := newPhaseBlock(p, a.phaseEvidence(p.ID), i, index, func() { v.selectPhase(p.ID) })
		b.selected = p.ID == v.selected
		blocks = append(blocks, b)
		ticks = append(ticks, newAxisLabel(p, i, b.MinSize().Width))
	}
	// Set whole: Add lays the row out each time.
	v.blocks.Objects, v.axis.Objects = blocks, ticks
	v.blocks.Refresh()
	v.axis.Refresh()
	if v.selected == "" || v.phase(v.selected) == nil {
		v.selected = a.timeline.Phases[0].ID
	}
	v.selectPhase(v.selected)
}

func (v *timelineView) phase(id string) *timeline.TimelinePhase {
	for i := range v.a.timeline.Phases {
		if v.a.timeline.Phases[i].ID == id {
			return &v.a.timeline.Phases[i]
		}
	}
	return nil
}

// selectPhase shows the evidence of phase id, side by side per source.
func (v *timelineView) selectPhase(id string) {
	v.selected = id
	for _, o := range v.blocks.Objects {
		if b, ok := o.(*phaseBlock); ok {
			b.selected = b.phase.ID == id
			b.Refresh()
		}
	}
	p := v.phase(id)
	if p == nil {
		v.setEvidence(nil, 1)
		return
	}
	span := "no clock time given"
	if p.Start != nil {
		span = p.Start.Time.Format("15:04 MST")
		if !p.End.Time.Equal(p.Start.Time) {
			span += " – " + p.End.Time.Format("15:04 MST")
		}
	}
	v.title.SetText(fmt.Sprintf("%s — %s · reported by %d of %s · %s",
		p.Label, plural(v.a.phaseEvidence(id), "sentence"), len(p.Sources), plural(len(v.a.labels), "source"), span))
	// The screen timeline keeps the first sentences of each source;
	// count is how many it has in all.
	bySource := map[string][]timeline.Evidence{}
	for _, e := range p.Evidence {
		bySource[e.Source] = append(bySource[e.Source], e)
	}
	count := func(src string) int { return max(v.a.evidence[[2]string{id, src}], len(bySource[src])) }
	// Many sources: show those with the most evidence.
	sources := append([]string(nil), p.Sources...)
	more := 0
	if len(sources) > maxEvidenceSources {
		sort.SliceStable(sources, func(i, j int) bool { return count(sources[i]) > count(sources[j]) })
		more = len(sources) - maxEvidenceSources
		sources = sources[:maxEvidenceSources]
		sort.Strings(sources)
	}
	cols := max(1, min(len(sources), 3))
	var rows []evidenceRow
	for start := 0; start < len(sources); start += cols {
		group := sources[start:min(start+cols, len(sources))]
		head := evidenceRow{kind: rowHeader}
		lines := 0
		for c, src := range group {
			head.cells[c].text = src
			evs := bySource[src]
			sort.SliceStable(evs, func(i, j int) bool { return evs[i].Sentence < evs[j].Sentence })
			lines = max(lines, min(len(evs), maxEvidencePerSource))
		}
		rows = append(rows, head)
		for k := 0; k < lines; k++ {
			row := evidenceRow{kind: rowSentence}
			for c, src := range group {
				if evs := bySource[src]; k < len(evs) {
					row.cells[c].ev = &evs[k]
				}
			}
			rows = append(rows, row)
		}
		tail := evidenceRow{kind: rowNote}
		for c, src := range group {
			if n := count(src) - min(len(bySource[src]), maxEvidencePerSource); n > 0 {
				tail.cells[c].text = fmt.Sprintf("… and %d more", n)
			}
		}
		if tail.cells != [3]evidenceCell{} {
			rows = append(rows, tail)
		}
	}
	if more > 0 {
		rows = append(rows, evidenceRow{kind: rowNote, cells: [3]evidenceCell{{text: fmt.Sprintf("… and %s more (the Coverage screen lists every source).", plural(more, "source"))}}})
	}
	v.setEvidence(rows, cols)
}

// Kinds of rows in the evidence panel.
const (
	rowHeader   = iota // source names
	rowSentence        // one sentence of each source
	rowNote            // "… and 3 more"
)

// evidenceRow is one row of the evidence panel: a cell for each of up to
// three sources side by side.
type evidenceRow struct {
	kind  int
	cells [3]evidenceCell
}

// evidenceCell is a source name or note (text), or a sentence (ev).
type evidenceCell struct {
	text string
	ev   *timeline.Evidence
}

// setEvidence shows rows in the evidence panel, cols sources side by side.
// The panel is a virtualised list: only the rows on screen exist as
// widgets, so a phase with 24 sources × 8 sentences lays out and redraws
// a screenful, not 192 wrapped texts (each redraw of the old panel
// re-wrapped them all).
func (v *timelineView) setEvidence(rows []evidenceRow, cols int) {
	v.rows, v.cols = rows, cols
	v.sizeRows(v.evidence.Size().Width)
	if !v.evidence.Size().IsZero() { // laid out (before that, ScrollToTop panics)
		v.evidence.ScrollToTop()
	}
	v.evidence.Refresh()
}

// sizeRows sets each row's height for a panel width: a sentence row is as
// tall as its longest sentence wrapped in its column. It runs when a phase
// is chosen and when the width changes, not on every redraw.
func (v *timelineView) sizeRows(width float32) {
	v.sizedFor = width
	if width <= 0 || len(v.rows) == 0 {
		return
	}
	th := theme.Current()
	pad := th.Size(theme.SizeNamePadding)
	button := widget.NewButtonWithIcon("", theme.DocumentIcon(), nil).MinSize().Width
	textW := (width-float32(v.cols-1)*pad)/float32(v.cols) - button - pad
	line := fyne.MeasureText("Ag", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height + 2*th.Size(theme.SizeNameInnerPadding)
	var m measurer
	for i, r := range v.rows {
		h := line
		for _, c := range r.cells {
			if c.ev != nil {
				h = max(h, m.height(evidenceSegments(*c.ev), textW))
			}
		}
		v.evidence.SetItemHeight(i, h)
	}
}

func (v *timelineView) newEvidenceRow() fyne.CanvasObject {
	var cells []fyne.CanvasObject
	for range 3 {
		rt := widget.NewRichText()
		rt.Wrapping = fyne.TextWrapWord
		open := widget.NewButtonWithIcon("", theme.DocumentIcon(), nil)
		open.Importance = widget.LowImportance
		cells = append(cells, container.NewBorder(nil, nil, nil, open, rt))
	}
	return container.NewGridWithColumns(3, cells...)
}

func (v *timelineView) updateEvidenceRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(v.rows) {
		return
	}
	row := v.rows[id]
	grid := o.(*fyne.Container)
	grid.Layout = layout.NewGridLayoutWithColumns(v.cols)
	for c, obj := range grid.Objects {
		cell := obj.(*fyne.Container)
		rt, open := cell.Objects[0].(*widget.RichText), cell.Objects[1].(*widget.Button)
		if c >= v.cols {
			cell.Hide()
			continue
		}
		cell.Show()
		cc := row.cells[c]
		switch {
		case cc.ev != nil:
			e := *cc.ev
			rt.Segments = evidenceSegments(e)
			open.OnTapped = func() { v.w.openArticle(e.Source, e.File, e.Sentence) }
			open.Show()
		case row.kind == rowHeader:
			rt.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: cc.text, Style: widget.RichTextStyleStrong}}
			open.Hide()
		default:
			rt.Segments = []widget.RichTextSegment{&widget.TextSegment{Text: cc.text, Style: widget.RichTextStyleInline}}
			open.Hide()
		}
		rt.Refresh()
	}
	grid.Refresh()
}

// sizedList is a list that reports changes of its width, for rows whose
// height depends on it.
type sizedList struct {
	widget.List
	resized func(width float32)
}

func newSizedList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), resized func(float32)) *sizedList {
	l := &sizedList{resized: resized}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.OnSelected = l.Unselect // rows are read, not chosen
	l.ExtendBaseWidget(l)
	return l
}

// Resize tells of the new width before laying the rows out.
func (l *sizedList) Resize(size fyne.Size) {
	if size.Width != l.Size().Width {
		l.resized(size.Width)
	}
	l.List.Resize(size)
}

// evidenceText renders a sentence with its time words in bold.
func evidenceText(e timeline.Evidence) *widget.RichText {
	rt := widget.NewRichText(evidenceSegments(e)...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// evidenceSegments are a sentence's text with its time words in bold.
func evidenceSegments(e timeline.Evidence) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	at := 0
	for _, tm := range e.Times {
		if tm.Start < at || tm.End > len(e.Text) {
			continue
		}
		segs = append(segs, &widget.TextSegment{Text: e.Text[at:tm.Start], Style: widget.RichTextStyleInline})
		segs = append(segs, &widget.TextSegment{Text: e.Text[tm.Start:tm.End], Style: widget.RichTextStyleStrong})
		at = tm.End
	}
	segs = append(segs, &widget.TextSegment{Text: e.Text[at:], Style: widget.RichTextStyleInline})
	return segs
}

// phaseBlock is one phase on the timeline: a tappable block whose width
// grows with the evidence, with a dot for each reporting source (as many
// as fit).
type phaseBlock struct {
	widget.BaseWidget
	phase    timeline.TimelinePhase
	evidence int // the phase's evidence sentences, all sources
	index    int
	sources  int           // sources in the analysis
	dots     []color.NRGBA // colours of the first reporting sources' dots
	selected bool
	onTap    func()
}

// newPhaseBlock makes the block of phase p, with evidence sentences in
// all; labels maps each source label to its position, for dot colours.
func newPhaseBlock(p timeline.TimelinePhase, evidence, index int, labels map[string]int, onTap func()) *phaseBlock {
	b := &phaseBlock{phase: p, evidence: evidence, index: index, sources: len(labels), onTap: onTap}
	b.ExtendBaseWidget(b)
	fit := int(b.MinSize().Width-8) / 16
	for _, src := range p.Sources[:min(len(p.Sources), fit)] {
		b.dots = append(b.dots, sourceColor(labels[src]))
	}
	return b
}

func (b *phaseBlock) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

func (b *phaseBlock) MinSize() fyne.Size {
	w := float32(120 + 6*min(b.evidence, 30))
	return fyne.NewSize(w, 96)
}

func (b *phaseBlock) CreateRenderer() fyne.WidgetRenderer {
	r := &phaseBlockRenderer{b: b, bg: canvas.NewRectangle(color.Transparent)}
	r.bg.CornerRadius = 6
	r.label = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	r.label.TextStyle.Bold = true
	r.count = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	r.count.TextSize = theme.CaptionTextSize()
	r.refreshObjects()
	return r
}

type phaseBlockRenderer struct {
	b     *phaseBlock
	bg    *canvas.Rectangle
	label *canvas.Text
	count *canvas.Text
	dots  []*canvas.Circle
}

func (r *phaseBlockRenderer) refreshObjects() {
	c := paletteColor(r.b.phase.Order)
	alpha := uint8(90)
	if r.b.selected {
		alpha = 230
	}
	r.bg.FillColor = withAlpha(c, alpha)
	r.bg.StrokeColor = c
	r.bg.StrokeWidth = 1
	if r.b.selected {
		r.bg.StrokeWidth = 3
	}
	r.label.Text = ellipsis(r.b.phase.Label, int(r.b.MinSize().Width/8))
	r.label.Color = theme.Color(theme.ColorNameForeground)
	r.count.Text = fmt.Sprintf("%s · %d/%d sources", plural(r.b.evidence, "sentence"), len(r.b.phase.Sources), r.b.sources)
	r.count.Color = theme.Color(theme.ColorNameForeground)
	if len(r.dots) != len(r.b.dots) {
		r.dots = nil
		for _, c := range r.b.dots {
			d := canvas.NewCircle(c)
			d.StrokeWidth = 1
			r.dots = append(r.dots, d)
		}
	}
	for _, d := range r.dots {
		d.StrokeColor = theme.Color(theme.ColorNameForeground)
	}
}

func (r *phaseBlockRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.label.Move(fyne.NewPos(8, 8))
	r.count.Move(fyne.NewPos(8, 34))
	for i, d := range r.dots {
		d.Resize(fyne.NewSize(12, 12))
		d.Move(fyne.NewPos(8+float32(i)*16, size.Height-22))
	}
}

func (r *phaseBlockRenderer) MinSize() fyne.Size { return r.b.MinSize() }

func (r *phaseBlockRenderer) Refresh() {
	r.refreshObjects()
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *phaseBlockRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.bg, r.label, r.count}
	for _, d := range r.dots {
		objs = append(objs, d)
	}
	return objs
}

func (r *phaseBlockRenderer) Destroy() {}

// newAxisLabel is the time-axis tick under a block: the clock time where
// sources give one, else the phase's place in the order of events.
func newAxisLabel(p timeline.TimelinePhase, position int, width float32) fyne.CanvasObject {
	text := fmt.Sprintf("step %d", position+1)
	if p.Start != nil {
		text = p.Start.Time.Format("15:04")
	}
	l := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	l.TextSize = theme.CaptionTextSize()
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(width, 16))
	return container.NewStack(spacer, container.NewHBox(l))
}

// ellipsis shortens s to n runes with "…".
func ellipsis(s string, n int) string {
	r := []rune(s)
	if n < 2 || len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
