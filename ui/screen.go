package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// screen holds one screen's content in the window's tabs. Selecting a tab
// makes AppTabs refresh the content of every tab, and a refresh of the
// window walks hidden tabs too: with 10,000 articles that redrew all six
// screens on every switch. A hidden screen instead only notes that it
// missed a refresh, and refreshes its content once when shown again.
// (The screens update their own widgets directly when data changes; a
// refresh from above only matters for theme changes.)
type screen struct {
	widget.BaseWidget
	content fyne.CanvasObject
	stale   bool // a refresh arrived while hidden
}

func newScreen(content fyne.CanvasObject) *screen {
	s := &screen{content: content}
	s.ExtendBaseWidget(s)
	return s
}

// Refresh redraws the content when the screen is visible.
func (s *screen) Refresh() {
	if !s.Visible() {
		s.stale = true
		return
	}
	s.stale = false
	s.BaseWidget.Refresh()
}

// Show shows the screen, refreshing its content if it missed a refresh.
func (s *screen) Show() {
	if s.Visible() {
		return
	}
	s.Hidden = false
	if s.stale {
		s.Refresh()
		return
	}
	canvas.Refresh(s)
}

func (s *screen) CreateRenderer() fyne.WidgetRenderer { return &screenRenderer{s} }

type screenRenderer struct{ s *screen }

func (r *screenRenderer) Layout(size fyne.Size) {
	r.s.content.Move(fyne.NewPos(0, 0))
	r.s.content.Resize(size)
}

func (r *screenRenderer) MinSize() fyne.Size { return r.s.content.MinSize() }

func (r *screenRenderer) Refresh() { r.s.content.Refresh() }

func (r *screenRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.s.content} }

func (r *screenRenderer) Destroy() {}
