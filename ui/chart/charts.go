package chart

import (
	"fmt"
	"math"
)

// Matrix is a heat map: rows × columns, cells shaded by Values (0..1) with
// Labels printed in them.
type Matrix struct {
	Title   string
	Rows    []string
	Cols    []string
	Values  [][]float64 // [row][col], 0..1
	Labels  [][]string  // [row][col], printed in the cell
	Caption string
}

func (m Matrix) chartTitle() string { return m.Title }

func (m Matrix) draw(c *canvas) error {
	if len(m.Rows) == 0 || len(m.Cols) == 0 {
		return errNoData
	}
	top := c.title(m.Title)
	w, h := float64(c.w), float64(c.h)
	labelSize, cellSize := 12.0, 11.0
	left := labelColumn(c, m.Rows, labelSize)
	headerH := 52 * c.scale
	bottom := h - 30*c.scale
	cellW := (w - left - 20) / float64(len(m.Cols))
	cellH := math.Min((bottom-top-headerH)/float64(len(m.Rows)), 60*c.scale)
	rowSize, cellSize := c.sizeFor(labelSize, cellH), c.sizeFor(cellSize, cellH)
	for j, col := range m.Cols {
		x := left + float64(j)*cellW
		lines := c.wrap2(col, labelSize, cellW-6)
		for k, line := range lines {
			y := top + headerH - 10*c.scale - float64(len(lines)-1-k)*16*c.scale
			c.text(line, x+cellW/2, y, labelSize, c.theme.Foreground, alignCenter)
		}
	}
	base := PaletteColor(4)
	for i, row := range m.Rows {
		y := top + headerH + float64(i)*cellH
		c.text(c.fit(row, rowSize, left-30), 20, y+cellH/2+4*c.scale*rowSize/labelSize, rowSize, c.theme.Foreground, alignLeft)
		for j := range m.Cols {
			x := left + float64(j)*cellW
			v := at2(m.Values, i, j)
			fill := c.theme.Background
			if v > 0 {
				fill = c.shade(base, 0.15+0.85*math.Min(1, v*4))
			}
			c.rect(x+1, y+1, cellW-2, cellH-2, fill)
			if label := at2s(m.Labels, i, j); label != "" {
				col := contrast(fill)
				if v <= 0 {
					col = c.theme.Muted
				}
				c.text(c.fit(label, cellSize, cellW-6), x+cellW/2, y+cellH/2+4*c.scale*cellSize/11, cellSize, col, alignCenter)
			}
		}
	}
	if m.Caption != "" {
		c.text(c.fit(m.Caption, 10, w-40), 20, h-10*c.scale, 10, c.theme.Muted, alignLeft)
	}
	return nil
}

func at2(v [][]float64, i, j int) float64 {
	if i < len(v) && j < len(v[i]) {
		return v[i][j]
	}
	return 0
}

func at2s(v [][]string, i, j int) string {
	if i < len(v) && j < len(v[i]) {
		return v[i][j]
	}
	return ""
}

// labelColumn is the width of the row-label column: the longest label and
// its margins, at most 30% of the chart (longer labels get an ellipsis).
func labelColumn(c *canvas, labels []string, size float64) float64 {
	return math.Min(float64(c.w)*0.3, 50+maxWidth(c, labels, size))
}

func maxWidth(c *canvas, labels []string, size float64) float64 {
	best := 0.0
	for _, l := range labels {
		best = math.Max(best, c.textWidth(l, size))
	}
	return best
}

// StackedBars are horizontal bars, one per row, split into segments; with
// Percent each bar is normalised to 100%.
type StackedBars struct {
	Title    string
	Bars     []string
	Segments []string
	Values   [][]float64 // [bar][segment]
	Percent  bool
	Unit     string // for raw values ("sentences")
}

func (s StackedBars) chartTitle() string { return s.Title }

func (s StackedBars) draw(c *canvas) error {
	if len(s.Bars) == 0 || len(s.Segments) == 0 || total2(s.Values) == 0 {
		return errNoData
	}
	top := c.title(s.Title)
	w, h := float64(c.w), float64(c.h)
	labelSize := 12.0
	legendH := legendHeight(c, s.Segments, w-40)
	left := labelColumn(c, s.Bars, labelSize)
	right := w - 40
	bottom := h - legendH - 36*c.scale
	barH := math.Min((bottom-top)/float64(len(s.Bars)), 48*c.scale)
	rowSize := c.sizeFor(labelSize, barH)
	maxTotal := 0.0
	for _, row := range s.Values {
		maxTotal = math.Max(maxTotal, sum(row))
	}
	for i, bar := range s.Bars {
		y := top + float64(i)*barH
		c.text(c.fit(bar, rowSize, left-30), 20, y+barH/2+4*c.scale*rowSize/labelSize, rowSize, c.theme.Foreground, alignLeft)
		row := s.Values[i]
		scale := (right - left) / maxTotal
		if s.Percent {
			if t := sum(row); t > 0 {
				scale = (right - left) / t
			}
		}
		x := left
		for j, v := range row {
			wid := v * scale
			c.rect(x, y+barH*0.15, wid, barH*0.7, PaletteColor(j))
			x += wid
		}
	}
	// Axis: 0, 50, 100% (or raw counts).
	axisY := top + float64(len(s.Bars))*barH + 14*c.scale
	for k := 0; k <= 4; k++ {
		x := left + (right-left)*float64(k)/4
		c.line(x, top, x, axisY-10*c.scale, c.theme.Grid, 1)
		label := fmt.Sprintf("%d%%", k*25)
		if !s.Percent {
			label = fmt.Sprintf("%.0f", maxTotal*float64(k)/4)
		}
		c.text(label, x, axisY+4*c.scale, 10, c.theme.Muted, alignCenter)
	}
	if !s.Percent && s.Unit != "" {
		c.text(s.Unit, right, axisY+18*c.scale, 10, c.theme.Muted, alignRight)
	}
	drawLegend(c, s.Segments, 20, h-legendH-8*c.scale, w-40)
	return nil
}

func sum(v []float64) float64 {
	t := 0.0
	for _, x := range v {
		t += x
	}
	return t
}

func total2(v [][]float64) float64 {
	t := 0.0
	for _, row := range v {
		t += sum(row)
	}
	return t
}

// legendHeight is the height the legend needs when wrapped into width.
func legendHeight(c *canvas, items []string, width float64) float64 {
	lines := 1
	x := 0.0
	for _, it := range items {
		iw := 22*c.scale + c.textWidth(it, 10) + 14*c.scale
		if x+iw > width && x > 0 {
			lines++
			x = 0
		}
		x += iw
	}
	return float64(lines) * 20 * c.scale
}

// drawLegend writes colour swatches with labels, wrapping at width.
func drawLegend(c *canvas, items []string, x0, y0, width float64) {
	x, y := x0, y0
	for i, it := range items {
		iw := 22*c.scale + c.textWidth(it, 10) + 14*c.scale
		if x+iw > x0+width && x > x0 {
			x = x0
			y += 20 * c.scale
		}
		c.rect(x, y, 14*c.scale, 14*c.scale, PaletteColor(i))
		c.text(it, x+20*c.scale, y+12*c.scale, 10, c.theme.Foreground, alignLeft)
		x += iw
	}
}

// Lanes is a timeline: phases along the x axis in event order, one lane per
// source, a mark where the source reports the phase.
type Lanes struct {
	Title      string
	Phases     []string
	AxisLabels []string // under each phase: a clock time or step
	Lanes      []string
	Present    [][]float64 // [lane][phase]: share of the source's text (0 = not reported)
}

func (l Lanes) chartTitle() string { return l.Title }

func (l Lanes) draw(c *canvas) error {
	if len(l.Phases) == 0 || len(l.Lanes) == 0 {
		return errNoData
	}
	top := c.title(l.Title)
	w, h := float64(c.w), float64(c.h)
	labelSize := 12.0
	left := labelColumn(c, l.Lanes, labelSize)
	right := w - 30
	headerH := 48 * c.scale
	bottom := h - 40*c.scale
	colW := (right - left) / float64(len(l.Phases))
	laneH := math.Min((bottom-top-headerH)/float64(len(l.Lanes)), 56*c.scale)
	rowSize := c.sizeFor(labelSize, laneH)
	for j, p := range l.Phases {
		x := left + colW*(float64(j)+0.5)
		lines := c.wrap2(p, 11, colW-4)
		for k, line := range lines {
			c.text(line, x, top+headerH-12*c.scale-float64(len(lines)-1-k)*15*c.scale, 11, PaletteColor(j), alignCenter)
		}
		c.line(x, top+headerH, x, top+headerH+laneH*float64(len(l.Lanes)), c.theme.Grid, 1)
		if j < len(l.AxisLabels) {
			c.text(l.AxisLabels[j], x, top+headerH+laneH*float64(len(l.Lanes))+18*c.scale, 10, c.theme.Muted, alignCenter)
		}
	}
	for i, lane := range l.Lanes {
		y := top + headerH + laneH*(float64(i)+0.5)
		c.line(left, y, right, y, c.theme.Grid, 1)
		c.text(c.fit(lane, rowSize, left-30), 20, y+4*c.scale*rowSize/labelSize, rowSize, c.theme.Foreground, alignLeft)
		for j := range l.Phases {
			v := at2(l.Present, i, j)
			if v <= 0 {
				continue
			}
			r := (4 + 20*math.Min(1, math.Sqrt(v*3))) * c.scale
			r = math.Min(r, math.Min(colW, laneH)*0.45)
			c.circle(left+colW*(float64(j)+0.5), y, r, PaletteColor(j))
		}
	}
	c.text("dot size: share of the source's text", right, h-12*c.scale, 10, c.theme.Muted, alignRight)
	return nil
}

// GroupedBars are vertical bars per group (actor), one per series (source).
type GroupedBars struct {
	Title  string
	Groups []string
	Series []string
	Values [][]float64 // [group][series]
	Unit   string
}

func (g GroupedBars) chartTitle() string { return g.Title }

func (g GroupedBars) draw(c *canvas) error {
	if len(g.Groups) == 0 || len(g.Series) == 0 || total2(g.Values) == 0 {
		return errNoData
	}
	top := c.title(g.Title)
	w, h := float64(c.w), float64(c.h)
	legendH := legendHeight(c, g.Series, w-40)
	left, right := 70*c.scale, w-20
	bottom := h - legendH - 48*c.scale
	maxV := 0.0
	for _, row := range g.Values {
		for _, v := range row {
			maxV = math.Max(maxV, v)
		}
	}
	maxV = niceCeil(maxV)
	groupW := (right - left) / float64(len(g.Groups))
	barW := groupW * 0.8 / float64(len(g.Series))
	for k := 0; k <= 4; k++ {
		y := bottom - (bottom-top)*float64(k)/4
		c.line(left, y, right, y, c.theme.Grid, 1)
		c.text(fmt.Sprintf("%.0f", maxV*float64(k)/4), left-8*c.scale, y+4*c.scale, 10, c.theme.Muted, alignRight)
	}
	for i, grp := range g.Groups {
		x0 := left + groupW*float64(i) + groupW*0.1
		for j := range g.Series {
			v := at2(g.Values, i, j)
			bh := (bottom - top) * v / maxV
			c.rect(x0+barW*float64(j), bottom-bh, barW-1, bh, PaletteColor(j))
		}
		c.text(c.fit(grp, 10, groupW-4), left+groupW*(float64(i)+0.5), bottom+16*c.scale, 10, c.theme.Foreground, alignCenter)
	}
	if g.Unit != "" {
		c.text(g.Unit, left-8*c.scale, bottom+34*c.scale, 10, c.theme.Muted, alignRight)
	}
	drawLegend(c, g.Series, 20, h-legendH-8*c.scale, w-40)
	return nil
}

// Intervals shows each row's value as a range (a point when low = high) on
// one axis, so a disagreement's spread is visible.
type Intervals struct {
	Title  string
	Unit   string
	Rows   []string
	Low    []float64
	High   []float64
	Labels []string // the wording, printed next to the mark
	Muted  []bool   // expectations rather than measurements
}

func (iv Intervals) chartTitle() string { return iv.Title }

func (iv Intervals) draw(c *canvas) error {
	if len(iv.Rows) == 0 {
		return errNoData
	}
	top := c.title(iv.Title)
	w, h := float64(c.w), float64(c.h)
	labelSize := 12.0
	left := labelColumn(c, iv.Rows, labelSize)
	right := w - 30
	bottom := h - 50*c.scale
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range iv.Rows {
		lo, hi = math.Min(lo, iv.Low[i]), math.Max(hi, iv.High[i])
	}
	if hi-lo < 1e-9 { // zero range: widen so the axis has length
		lo, hi = lo-1, hi+1
	}
	pad := (hi - lo) * 0.1
	lo, hi = math.Max(0, lo-pad), hi+pad
	xOf := func(v float64) float64 { return left + (right-left)*(v-lo)/(hi-lo) }
	rowH := math.Min((bottom-top)/float64(len(iv.Rows)), 50*c.scale)
	rowSize, noteSize := c.sizeFor(labelSize, rowH), c.sizeFor(10, rowH)
	for k := 0; k <= 5; k++ {
		v := lo + (hi-lo)*float64(k)/5
		x := xOf(v)
		c.line(x, top, x, bottom, c.theme.Grid, 1)
		c.text(trimFloat(v), x, bottom+16*c.scale, 10, c.theme.Muted, alignCenter)
	}
	c.text(iv.Unit, right, bottom+34*c.scale, 10, c.theme.Muted, alignRight)
	for i, row := range iv.Rows {
		y := top + rowH*(float64(i)+0.5)
		col := PaletteColor(i)
		if i < len(iv.Muted) && iv.Muted[i] {
			col = c.theme.Muted
		}
		c.text(c.fit(row, rowSize, left-30), 20, y+4*c.scale*rowSize/labelSize, rowSize, c.theme.Foreground, alignLeft)
		x1, x2 := xOf(iv.Low[i]), xOf(iv.High[i])
		if x2-x1 < 2 {
			c.circle(x1, y, math.Min(6*c.scale, rowH*0.4), col)
		} else {
			bh := math.Min(10*c.scale, rowH*0.7)
			c.rect(x1, y-bh/2, x2-x1, bh, col)
		}
		if i < len(iv.Labels) {
			// The wording goes right of the mark, or left where there is more room.
			dy := 4 * c.scale * noteSize / 10
			if room := right - x2 - 10; room >= c.textWidth(iv.Labels[i], noteSize) || room >= x1-left-10 {
				c.text(c.fit(iv.Labels[i], noteSize, room), x2+8*c.scale, y+dy, noteSize, c.theme.Foreground, alignLeft)
			} else {
				c.text(c.fit(iv.Labels[i], noteSize, x1-left-10), x1-8*c.scale, y+dy, noteSize, c.theme.Foreground, alignRight)
			}
		}
	}
	return nil
}

func trimFloat(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	for len(s) > 1 && (s[len(s)-1] == '0' || s[len(s)-1] == '.') {
		if s[len(s)-1] == '.' {
			return s[:len(s)-1]
		}
		s = s[:len(s)-1]
	}
	return s
}

// niceCeil rounds v up to 1, 2, 2.5 or 5 times a power of ten, so axis
// ticks at quarters are round numbers.
func niceCeil(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 4, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}
