// Package chart draws Newsreel's charts (coverage matrix, attention,
// timeline lanes, actors, disagreements) to PNG or SVG at any size, for the
// window and the command line alike. It is the only package that imports
// github.com/wcharczuk/go-chart/v2, which is archived upstream: everything
// goes through the small canvas in this file, so the library can be
// replaced by rewriting it alone. It does not import Fyne.
package chart

import (
	"errors"
	"fmt"
	"html"
	"image"
	"image/color"
	"io"
	"strings"

	"github.com/golang/freetype/truetype"
	gochart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// Format is an output format.
type Format string

// Output formats.
const (
	PNG Format = "png"
	SVG Format = "svg"
)

// FormatOf returns the format for a file name's extension.
func FormatOf(path string) (Format, error) {
	switch {
	case strings.HasSuffix(strings.ToLower(path), ".png"):
		return PNG, nil
	case strings.HasSuffix(strings.ToLower(path), ".svg"):
		return SVG, nil
	}
	return "", fmt.Errorf("%s: charts are written as .png or .svg", path)
}

// Theme is a chart's colours.
type Theme struct {
	Name                         string
	Background, Foreground, Grid color.NRGBA
	Muted                        color.NRGBA
}

// Themes by name.
var (
	Light = Theme{"light", color.NRGBA{0xff, 0xff, 0xff, 0xff}, color.NRGBA{0x21, 0x21, 0x21, 0xff}, color.NRGBA{0xdd, 0xdd, 0xdd, 0xff}, color.NRGBA{0x75, 0x75, 0x75, 0xff}}
	Dark  = Theme{"dark", color.NRGBA{0x1e, 0x1e, 0x1e, 0xff}, color.NRGBA{0xee, 0xee, 0xee, 0xff}, color.NRGBA{0x44, 0x44, 0x44, 0xff}, color.NRGBA{0xaa, 0xaa, 0xaa, 0xff}}
)

// ThemeNamed returns the light or dark theme.
func ThemeNamed(name string) (Theme, error) {
	switch name {
	case "", "light":
		return Light, nil
	case "dark":
		return Dark, nil
	}
	return Theme{}, fmt.Errorf("unknown chart theme %q (light or dark)", name)
}

// Palette is the Okabe–Ito set, distinguishable by colour-blind readers.
var Palette = []color.NRGBA{
	{0xE6, 0x9F, 0x00, 0xff}, {0x56, 0xB4, 0xE9, 0xff}, {0x00, 0x9E, 0x73, 0xff}, {0xF0, 0xE4, 0x42, 0xff},
	{0x00, 0x72, 0xB2, 0xff}, {0xD5, 0x5E, 0x00, 0xff}, {0xCC, 0x79, 0xA7, 0xff}, {0x99, 0x99, 0x99, 0xff},
	{0x88, 0x44, 0x11, 0xff}, {0x44, 0x77, 0xAA, 0xff},
}

// PaletteColor is the i-th palette colour, cycling.
func PaletteColor(i int) color.NRGBA { return Palette[((i%len(Palette))+len(Palette))%len(Palette)] }

// Size limits for a chart, in pixels.
const (
	MinSide = 200
	MaxSide = 8000
)

// canvas is the drawing surface every chart uses: rectangles, lines,
// circles and text, in pixels from the top left.
type canvas struct {
	r     gochart.Renderer
	w, h  int
	svg   bool
	theme Theme
	font  *truetype.Font
	scale float64 // font scale for the chart size
	// widths caches text measurements: go-chart builds a font face for
	// every measurement, the slowest part of drawing labels.
	widths map[widthKey]float64
	faces  map[float64]xfont.Face // SVG: a face per text size, for measuring
	glyphs map[float64]xfont.Face // PNG: a face per text size, for drawing
	// bitmap is the PNG renderer's image, where opaque rectangles and
	// text are drawn directly (nil for SVG).
	bitmap *image.RGBA
}

type widthKey struct {
	s    string
	size float64
}

func newCanvas(format Format, width, height int, theme Theme) (*canvas, error) {
	if width < MinSide || height < MinSide || width > MaxSide || height > MaxSide {
		return nil, fmt.Errorf("chart size %dx%d is outside %d–%d pixels", width, height, MinSide, MaxSide)
	}
	var r gochart.Renderer
	var err error
	switch format {
	case PNG:
		r, err = gochart.PNG(width, height)
	case SVG:
		r, err = gochart.SVG(width, height)
	default:
		return nil, fmt.Errorf("unknown chart format %q", format)
	}
	if err != nil {
		return nil, fmt.Errorf("chart renderer: %w", err)
	}
	font, err := gochart.GetDefaultFont()
	if err != nil {
		return nil, fmt.Errorf("chart font: %w", err)
	}
	c := &canvas{r: r, w: width, h: height, svg: format == SVG, theme: theme, font: font, widths: map[widthKey]float64{}, faces: map[float64]xfont.Face{}, glyphs: map[float64]xfont.Face{}}
	c.scale = float64(min(width, height*16/9)) / 1250
	if c.scale < 0.8 {
		c.scale = 0.8
	}
	c.r.SetFont(font)
	if !c.svg {
		if c.bitmap, err = c.image(); err != nil {
			return nil, err
		}
	}
	c.rect(0, 0, float64(width), float64(height), theme.Background)
	return c, nil
}

func dc(c color.NRGBA) drawing.Color { return drawing.Color{R: c.R, G: c.G, B: c.B, A: c.A} }

// rect fills a rectangle.
func (c *canvas) rect(x, y, w, h float64, fill color.NRGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	if c.bitmap != nil && fill.A == 0xff {
		fillRect(c.bitmap, int(x), int(y), int(x+w), int(y+h), fill)
		return
	}
	c.r.ResetStyle()
	c.r.SetFillColor(dc(fill))
	c.r.SetStrokeColor(dc(fill))
	c.r.SetStrokeWidth(0)
	c.r.MoveTo(int(x), int(y))
	c.r.LineTo(int(x+w), int(y))
	c.r.LineTo(int(x+w), int(y+h))
	c.r.LineTo(int(x), int(y+h))
	c.r.Close()
	c.r.Fill()
}

// fillRect paints the pixels [x0,x1) × [y0,y1) with an opaque colour: the
// pixels go-chart's rasterizer paints for that rectangle (its corners are
// whole pixels, so each pixel is covered fully or not at all), without
// rasterizing. The background alone took an eighth of a PNG chart's time.
func fillRect(img *image.RGBA, x0, y0, x1, y1 int, col color.NRGBA) {
	r := image.Rect(x0, y0, x1, y1).Intersect(img.Bounds())
	if r.Empty() {
		return
	}
	px := [4]byte{col.R, col.G, col.B, 0xff}
	first := img.Pix[img.PixOffset(r.Min.X, r.Min.Y):][:4*r.Dx()]
	for i := 0; i < len(first); i += 4 {
		copy(first[i:], px[:])
	}
	for y := r.Min.Y + 1; y < r.Max.Y; y++ {
		copy(img.Pix[img.PixOffset(r.Min.X, y):], first)
	}
}

// line draws a straight line.
func (c *canvas) line(x1, y1, x2, y2 float64, col color.NRGBA, width float64) {
	c.r.ResetStyle()
	c.r.SetStrokeColor(dc(col))
	c.r.SetStrokeWidth(width)
	c.r.MoveTo(int(x1), int(y1))
	c.r.LineTo(int(x2), int(y2))
	c.r.Stroke()
}

// circle fills a circle.
func (c *canvas) circle(x, y, radius float64, fill color.NRGBA) {
	c.r.ResetStyle()
	c.r.SetFillColor(dc(fill))
	c.r.SetStrokeColor(dc(c.theme.Foreground))
	c.r.SetStrokeWidth(1)
	c.r.Circle(radius, int(x), int(y))
	c.r.FillStroke()
}

// Text alignment.
const (
	alignLeft = iota
	alignCenter
	alignRight
)

// text writes s with its baseline at y; size is in points at 1000 px.
func (c *canvas) text(s string, x, y, size float64, col color.NRGBA, align int) {
	if s == "" {
		return
	}
	c.r.ResetStyle()
	c.r.SetFont(c.font)
	c.r.SetFontSize(size * c.scale)
	c.r.SetFontColor(dc(col))
	w := c.textWidth(s, size)
	switch align {
	case alignCenter:
		x -= w / 2
	case alignRight:
		x -= w
	}
	if c.svg {
		s = html.EscapeString(s) // go-chart writes SVG text unescaped
	} else if c.bitmap != nil {
		c.drawText(s, int(x), int(y), size, col)
		return
	}
	c.r.Text(s, int(x), int(y))
}

// drawText writes s on the bitmap with its baseline starting at x, y, as
// go-chart's raster renderer would, but through a font face that keeps
// each glyph's coverage once drawn: go-chart traces and rasterizes every
// glyph outline each time, the slowest part of a chart with many labels.
// The face has go-chart's pixel size (it takes a size of s points as s×1.5
// pixels per em), no hinting, and glyphs placed to a quarter pixel.
func (c *canvas) drawText(s string, x, y int, size float64, col color.NRGBA) {
	face, ok := c.glyphs[size]
	if !ok {
		face = truetype.NewFace(c.font, &truetype.Options{Size: size * c.scale * 1.5, DPI: 72, Hinting: xfont.HintingNone})
		c.glyphs[size] = face
	}
	d := xfont.Drawer{Dst: c.bitmap, Src: image.NewUniform(col), Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// textWidth measures s at size.
func (c *canvas) textWidth(s string, size float64) float64 {
	k := widthKey{s, size}
	if w, ok := c.widths[k]; ok {
		return w
	}
	var w float64
	if c.svg {
		// What go-chart's SVG renderer measures, without the new font
		// face (and its glyph bitmap) it builds for every measurement.
		face, ok := c.faces[size]
		if !ok {
			face = truetype.NewFace(c.font, &truetype.Options{DPI: c.r.GetDPI(), Size: size * c.scale})
			c.faces[size] = face
		}
		w = float64(xfont.MeasureString(face, s).Ceil())
	} else {
		c.r.SetFont(c.font)
		c.r.SetFontSize(size * c.scale)
		w = float64(c.r.MeasureText(s).Width())
	}
	c.widths[k] = w
	return w
}

// sizeFor is size, or the smaller size at which text fits rows room
// pixels high (many sources make rows thinner than the text).
func (c *canvas) sizeFor(size, room float64) float64 {
	// go-chart's raster renderer draws a size of s points at s×1.5 pixels
	// per em at its 96 dpi (its SVG text is a little smaller).
	em := size * c.scale * 1.5
	if em <= room {
		return size
	}
	return max(4, size*room/em)
}

// fit shortens s with an ellipsis until it is at most width wide.
func (c *canvas) fit(s string, size, width float64) string {
	if c.textWidth(s, size) <= width {
		return s
	}
	r := []rune(s)
	// The longest prefix that fits, by bisection.
	lo, hi := 0, len(r)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.textWidth(strings.TrimSpace(string(r[:mid]))+"…", size) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return "…"
	}
	return strings.TrimSpace(string(r[:lo])) + "…"
}

// title draws the chart's title and returns the y where content starts.
func (c *canvas) title(s string) float64 {
	size := 18.0
	y := 28 * c.scale
	c.text(c.fit(s, size, float64(c.w)-40), 20, y+6*c.scale, size, c.theme.Foreground, alignLeft)
	return y + 24*c.scale
}

// wrap2 splits s into at most two lines that fit width at size (the second
// shortened with an ellipsis if need be).
func (c *canvas) wrap2(s string, size, width float64) []string {
	if c.textWidth(s, size) <= width {
		return []string{s}
	}
	words := strings.Fields(s)
	best := 1
	for k := 1; k < len(words); k++ {
		if c.textWidth(strings.Join(words[:k], " "), size) <= width {
			best = k
		}
	}
	if len(words) < 2 {
		return []string{c.fit(s, size, width)}
	}
	return []string{c.fit(strings.Join(words[:best], " "), size, width), c.fit(strings.Join(words[best:], " "), size, width)}
}

// empty draws an empty-state message instead of a chart.
func (c *canvas) empty(title, msg string) {
	c.title(title)
	c.text(c.fit(msg, 14, float64(c.w)-40), float64(c.w)/2, float64(c.h)/2, 14, c.theme.Muted, alignCenter)
}

// save writes the image: SVG as go-chart writes it, PNG through encodePNG.
func (c *canvas) save(w io.Writer) error {
	if !c.svg {
		img, err := c.image()
		if err != nil {
			return err
		}
		return encodePNG(w, img)
	}
	if err := c.r.Save(w); err != nil {
		return fmt.Errorf("write chart: %w", err)
	}
	return nil
}

// image returns the drawn bitmap of a PNG canvas.
func (c *canvas) image() (*image.RGBA, error) {
	var col collector
	if err := c.r.Save(&col); err != nil || col.img == nil {
		return nil, fmt.Errorf("chart bitmap: %v", err)
	}
	return col.img, nil
}

// collector receives go-chart's bitmap instead of its PNG encoding
// (go-chart's raster renderer hands the image to a gochart.RGBACollector).
type collector struct{ img *image.RGBA }

func (c *collector) SetRGBA(img *image.RGBA)     { c.img = img }
func (c *collector) Write(p []byte) (int, error) { return 0, errors.New("not a bitmap") }

// Chart is something this package can draw.
type Chart interface {
	draw(c *canvas) error
}

// errNoData marks a chart with nothing to draw; Render turns it into an
// empty-state image.
var errNoData = errors.New("no data")

// Render draws ch to w in the format, size and theme given. A chart without
// data becomes an image that says so, never an error.
func Render(w io.Writer, ch Chart, format Format, width, height int, theme Theme) error {
	c, err := drawn(ch, format, width, height, theme)
	if err != nil {
		return err
	}
	return c.save(w)
}

// Image draws ch as a bitmap, as Render would write it to a PNG, for
// showing on screen without encoding and decoding a file.
func Image(ch Chart, width, height int, theme Theme) (image.Image, error) {
	c, err := drawn(ch, PNG, width, height, theme)
	if err != nil {
		return nil, err
	}
	return c.image()
}

// drawn is a canvas with ch drawn on it, or its empty state.
func drawn(ch Chart, format Format, width, height int, theme Theme) (*canvas, error) {
	c, err := newCanvas(format, width, height, theme)
	if err != nil {
		return nil, err
	}
	if err := ch.draw(c); err != nil {
		if !errors.Is(err, errNoData) {
			return nil, err
		}
		c, _ = newCanvas(format, width, height, theme)
		c.empty(titleOf(ch), "No data to chart yet: import articles about an event.")
	}
	return c, nil
}

func titleOf(ch Chart) string {
	if t, ok := ch.(interface{ chartTitle() string }); ok {
		return t.chartTitle()
	}
	return "Newsreel"
}

// shade mixes col into the background by share (0..1).
func (c *canvas) shade(col color.NRGBA, share float64) color.NRGBA {
	if share < 0 {
		share = 0
	}
	if share > 1 {
		share = 1
	}
	bg := c.theme.Background
	mix := func(a, b uint8) uint8 { return uint8(float64(a)*(1-share) + float64(b)*share) }
	return color.NRGBA{mix(bg.R, col.R), mix(bg.G, col.G), mix(bg.B, col.B), 0xff}
}

// contrast returns black or white, whichever reads better on bg.
func contrast(bg color.NRGBA) color.NRGBA {
	lum := 0.299*float64(bg.R) + 0.587*float64(bg.G) + 0.114*float64(bg.B)
	if lum > 140 {
		return color.NRGBA{0x10, 0x10, 0x10, 0xff}
	}
	return color.NRGBA{0xff, 0xff, 0xff, 0xff}
}
