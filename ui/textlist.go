package ui

import (
	"math"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// textList shows paragraphs of wrapped rich text (quotations, claims,
// search results) in a virtualised list: only the paragraphs on screen are
// widgets. A box of hundreds of wrapped texts re-wrapped every one of them
// each time it was laid out or redrawn; here a paragraph's height is
// worked out once per width, from the widths of its words.
type textList struct {
	sizedList
	rows  [][]widget.RichTextSegment
	width float32 // the width the heights are for
}

func newTextList() *textList {
	l := &textList{}
	l.Length = func() int { return len(l.rows) }
	l.CreateItem = func() fyne.CanvasObject {
		rt := widget.NewRichText()
		rt.Wrapping = fyne.TextWrapWord
		return rt
	}
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) {
		if id < len(l.rows) {
			rt := o.(*widget.RichText)
			rt.Segments = l.rows[id]
			rt.Refresh()
		}
	}
	l.resized = func(width float32) {
		if width != l.width {
			l.measure(width)
		}
	}
	l.HideSeparators = true
	l.OnSelected = l.Unselect // paragraphs are read, not chosen
	l.ExtendBaseWidget(l)
	return l
}

// SetRows shows rows, one paragraph each, from the top.
func (l *textList) SetRows(rows [][]widget.RichTextSegment) {
	l.rows = rows
	l.measure(l.Size().Width)
	if !l.Size().IsZero() { // laid out (before that, ScrollToTop panics)
		l.ScrollToTop()
	}
	l.Refresh()
}

// measure sets each paragraph's height for the list's width.
func (l *textList) measure(width float32) {
	l.width = width
	if width <= 0 {
		return
	}
	var m measurer
	for i, segs := range l.rows {
		l.SetItemHeight(i, m.height(segs, width))
	}
}

// measurer works out how tall paragraphs of rich text are when wrapped.
type measurer struct {
	words wordWidths
	rt    *widget.RichText
}

// height is the height a word-wrapped RichText of segs needs at width.
// Plain paragraphs are measured a word at a time (RichText itself
// re-measures ever shorter prefixes of each line); a paragraph of several
// segments is wrapped by a RichText, since RichText breaks lines between
// segments in its own way.
func (m *measurer) height(segs []widget.RichTextSegment, width float32) float32 {
	if len(segs) > 1 {
		if m.rt == nil {
			m.rt = widget.NewRichText()
			m.rt.Wrapping = fyne.TextWrapWord
		}
		m.rt.Segments = segs
		if size := fyne.NewSize(width, 1); m.rt.Size() != size {
			m.rt.Resize(size) // re-wraps
		} else {
			m.rt.Refresh() // re-wraps (Resize to the same size would not)
		}
		return m.rt.MinSize().Height
	}
	inner := theme.Current().Size(theme.SizeNameInnerPadding)
	return m.words.height(segs, width-2*inner) + 2*inner
}

// wordWidths measures text a word at a time, caching each word's width.
type wordWidths map[wordKey]float32

type wordKey struct {
	text  string
	size  float32
	style fyne.TextStyle
}

func (m *wordWidths) measure(text string, size float32, style fyne.TextStyle) fyne.Size {
	if *m == nil {
		*m = wordWidths{}
	}
	k := wordKey{text, size, style}
	if w, ok := (*m)[k]; ok {
		return fyne.NewSize(w, 0)
	}
	s := fyne.MeasureText(text, size, style)
	(*m)[k] = s.Width
	return s
}

// height is how tall segs are when wrapped at word boundaries to width:
// lines filled greedily with whole words, as RichText wraps them, a word
// wider than a line taking as many lines as it needs. A quarter pixel of
// slack keeps rounding (word widths added up, not the line measured
// whole) from making it a line short.
func (m *wordWidths) height(segs []widget.RichTextSegment, width float32) float32 {
	const slack = 0.25
	width = max(width-slack, 1)
	th := theme.Current()
	lineH := float32(0) // the tallest segment's line
	lines, x := 1, float32(0)
	gap := false // a space comes before the next word
	var word float32
	flush := func() {
		if word == 0 {
			return
		}
		space := float32(0)
		if x > 0 && gap {
			space = m.measure(" ", th.Size(theme.SizeNameText), fyne.TextStyle{}).Width
		}
		switch {
		case x+space+word <= width:
			x += space + word
		case word > width:
			extra := int(math.Ceil(float64(word/width))) - 1
			if x > 0 {
				extra++
			}
			lines += extra
			x = word - float32(int(word/width))*width
		default:
			lines++
			x = word
		}
		word, gap = 0, false
	}
	for _, seg := range segs {
		ts, ok := seg.(*widget.TextSegment)
		if !ok {
			continue
		}
		size := ts.Style.SizeName
		textSize := th.Size(theme.SizeNameText)
		if size != "" {
			textSize = th.Size(size)
		}
		lineH = max(lineH, fyne.MeasureText("Ag", textSize, ts.Style.TextStyle).Height)
		for i, part := range strings.Split(ts.Text, "\n") {
			if i > 0 { // a hard line break
				flush()
				lines++
				x = 0
			}
			start := -1
			for j, r := range part + " " {
				if unicode.IsSpace(r) || j == len(part) {
					if start >= 0 {
						word += m.measure(part[start:j], textSize, ts.Style.TextStyle).Width
						start = -1
					}
					if j < len(part) {
						flush()
						gap = true
					}
					continue
				}
				if start < 0 {
					start = j
				}
			}
		}
	}
	flush()
	if lineH == 0 {
		lineH = fyne.MeasureText("Ag", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height
	}
	return float32(lines) * lineH
}
