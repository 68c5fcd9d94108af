package ui

import (
	"fmt"
	"image/color"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
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
	evidence *fyne.Container
	title    *widget.Label
	selected string
	root     fyne.CanvasObject
}

func newTimelineView(w *Window) *timelineView {
	v := &timelineView{w: w, blocks: container.NewHBox(), axis: container.NewHBox(), legend: container.NewHBox(), evidence: container.NewVBox()}
	v.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.title.Wrapping = fyne.TextWrapWord
	scroll := container.NewHScroll(container.NewVBox(v.blocks, v.axis))
	scroll.SetMinSize(fyne.NewSize(200, 136))
	top := container.NewVBox(scroll, container.NewHScroll(v.legend))
	v.root = container.NewBorder(top, nil, nil, nil,
		container.NewBorder(v.title, nil, nil, nil, container.NewScroll(v.evidence)))
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
	if len(a.Timeline.Phases) == 0 {
		v.title.SetText("No timeline yet: import articles about an event (File ▸ Import, Ctrl+O, or drop files on the window).")
		v.evidence.RemoveAll()
		return
	}
	for i, p := range a.Timeline.Phases {
		p := p
		b := newPhaseBlock(p, i, a.labels, func() { v.selectPhase(p.ID) })
		b.selected = p.ID == v.selected
		v.blocks.Add(b)
		v.axis.Add(newAxisLabel(p, i, b.MinSize().Width))
	}
	if v.selected == "" || v.phase(v.selected) == nil {
		v.selected = a.Timeline.Phases[0].ID
	}
	v.selectPhase(v.selected)
}

func (v *timelineView) phase(id string) *timeline.TimelinePhase {
	for i := range v.a.Timeline.Phases {
		if v.a.Timeline.Phases[i].ID == id {
			return &v.a.Timeline.Phases[i]
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
	v.evidence.RemoveAll()
	if p == nil {
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
		p.Label, plural(len(p.Evidence), "sentence"), len(p.Sources), plural(len(v.a.labels), "source"), span))
	bySource := map[string][]timeline.Evidence{}
	for _, e := range p.Evidence {
		bySource[e.Source] = append(bySource[e.Source], e)
	}
	// Many sources: show those with the most evidence (the panel is not
	// virtualised; thousands of sentences would freeze it).
	sources := append([]string(nil), p.Sources...)
	more := 0
	if len(sources) > maxEvidenceSources {
		sort.SliceStable(sources, func(i, j int) bool { return len(bySource[sources[i]]) > len(bySource[sources[j]]) })
		more = len(sources) - maxEvidenceSources
		sources = sources[:maxEvidenceSources]
		sort.Strings(sources)
	}
	var cols []fyne.CanvasObject
	for _, src := range sources {
		col := container.NewVBox(widget.NewLabelWithStyle(src, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		evs := bySource[src]
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].Sentence < evs[j].Sentence })
		for k, e := range evs {
			if k == maxEvidencePerSource {
				col.Add(widget.NewLabel(fmt.Sprintf("… and %d more", len(evs)-maxEvidencePerSource)))
				break
			}
			e := e
			text := evidenceText(e)
			open := widget.NewButtonWithIcon("", theme.DocumentIcon(), func() { v.w.openArticle(e.Source, e.File, e.Sentence) })
			open.Importance = widget.LowImportance
			col.Add(container.NewBorder(nil, nil, nil, open, text))
		}
		cols = append(cols, col)
	}
	v.evidence.Add(container.NewGridWithColumns(max(1, min(len(cols), 3)), cols...))
	if more > 0 {
		v.evidence.Add(widget.NewLabel(fmt.Sprintf("… and %s more (the Coverage screen lists every source).", plural(more, "source"))))
	}
	v.evidence.Refresh()
}

// evidenceText renders a sentence with its time words in bold.
func evidenceText(e timeline.Evidence) *widget.RichText {
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
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// phaseBlock is one phase on the timeline: a tappable block whose width
// grows with the evidence, with one dot per reporting source.
type phaseBlock struct {
	widget.BaseWidget
	phase    timeline.TimelinePhase
	index    int
	labels   []string // every source, for dot colours
	selected bool
	onTap    func()
}

func newPhaseBlock(p timeline.TimelinePhase, index int, labels []string, onTap func()) *phaseBlock {
	b := &phaseBlock{phase: p, index: index, labels: labels, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

func (b *phaseBlock) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

func (b *phaseBlock) MinSize() fyne.Size {
	w := float32(120 + 6*min(len(b.phase.Evidence), 30))
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
	r.count.Text = fmt.Sprintf("%s · %d/%d sources", plural(len(r.b.phase.Evidence), "sentence"), len(r.b.phase.Sources), len(r.b.labels))
	r.count.Color = theme.Color(theme.ColorNameForeground)
	if len(r.dots) != len(r.b.phase.Sources) {
		r.dots = nil
		for _, src := range r.b.phase.Sources {
			d := canvas.NewCircle(sourceColor(indexOf(r.b.labels, src)))
			d.StrokeColor = theme.Color(theme.ColorNameForeground)
			d.StrokeWidth = 1
			r.dots = append(r.dots, d)
		}
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
