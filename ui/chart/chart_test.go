package chart

import (
	"bytes"
	"hash/adler32"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/timeline"
)

func bundledReport(t testing.TB) (*timeline.Report, *timeline.Schema) {
	t.Helper()
	s, err := assets.LoadSchema("")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../assets/corpus/alaska-2025/*.txt")
	var arts []timeline.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, timeline.Article{Source: strings.TrimSuffix(filepath.Base(f), ".txt"), File: filepath.Base(f), Body: string(b)})
	}
	return s.Report(s.AnalyzeCorpus(arts)), s
}

// TestEveryChartRendersToPNGAndSVG decodes what is written: the PNG at the
// asked size and not blank, the SVG well formed with its labels.
func TestEveryChartRendersToPNGAndSVG(t *testing.T) {
	r, s := bundledReport(t)
	sizes := [][2]int{{800, 600}, {1920, 1080}}
	for _, name := range Names {
		ch, err := FromReport(name, r, s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range sizes {
			for _, theme := range []Theme{Light, Dark} {
				var buf bytes.Buffer
				if err := Render(&buf, ch, PNG, size[0], size[1], theme); err != nil {
					t.Fatalf("%s png: %v", name, err)
				}
				img, err := png.Decode(&buf)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if b := img.Bounds(); b.Dx() != size[0] || b.Dy() != size[1] {
					t.Fatalf("%s: size %v", name, b)
				}
				colors := map[uint32]bool{}
				for y := 0; y < size[1]; y += 7 {
					for x := 0; x < size[0]; x += 7 {
						r, g, b, _ := img.At(x, y).RGBA()
						colors[r<<16^g<<8^b] = true
					}
				}
				if len(colors) < 4 {
					t.Fatalf("%s %dx%d %s: blank image (%d colours)", name, size[0], size[1], theme.Name, len(colors))
				}
			}
			var svg bytes.Buffer
			if err := Render(&svg, ch, SVG, size[0], size[1], Light); err != nil {
				t.Fatalf("%s svg: %v", name, err)
			}
			text := svg.String()
			if !strings.HasPrefix(strings.TrimSpace(text), "<svg") || !strings.Contains(text, "</svg>") {
				t.Fatalf("%s: not SVG", name)
			}
			if !strings.Contains(text, "001_") {
				t.Errorf("%s svg lacks the source labels", name)
			}
		}
	}
}

func TestEmptyChartsSaySo(t *testing.T) {
	empty := &timeline.Report{Actors: &timeline.Actors{}}
	s, _ := assets.LoadSchema("")
	for _, name := range Names {
		ch, err := FromReport(name, empty, s, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var svg bytes.Buffer
		if err := Render(&svg, ch, SVG, 800, 600, Light); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !strings.Contains(svg.String(), "No data to chart yet") {
			t.Errorf("%s: no empty-state message", name)
		}
	}
}

func TestSVGEscapesLabelsAndSizeLimits(t *testing.T) {
	m := Matrix{Title: "A & B <c>", Rows: []string{"AT&T"}, Cols: []string{"x<y"}, Values: [][]float64{{0.5}}, Labels: [][]string{{"50%"}}}
	var svg bytes.Buffer
	if err := Render(&svg, m, SVG, 800, 600, Light); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(svg.String(), "AT&T") || !strings.Contains(svg.String(), "AT&amp;T") {
		t.Errorf("labels not escaped")
	}
	if err := Render(&svg, m, PNG, 10, 10, Light); err == nil {
		t.Error("a 10×10 chart should be refused")
	}
	if _, err := FromReport("pie", nil, nil, Options{}); err == nil {
		t.Error("unknown chart accepted")
	}
}

// TestDirectFillsPaintWhatTheRasterizerPaints draws the same rectangles
// (fractional, overlapping, off the edge) through go-chart's rasterizer
// and through fillRect, and compares every pixel.
func TestDirectFillsPaintWhatTheRasterizerPaints(t *testing.T) {
	fast, err := newCanvas(PNG, 300, 200, Dark)
	if err != nil {
		t.Fatal(err)
	}
	slow, _ := newCanvas(PNG, 300, 200, Dark)
	slowImg := slow.bitmap
	slow.bitmap = nil // through go-chart
	rects := [][4]float64{{0, 0, 300, 200}, {10.6, 20.2, 50.5, 30.9}, {-5, -5, 20, 20}, {290.3, 190.7, 40, 40}, {100, 50, 0.4, 60}, {120.99, 80.01, 33.3, 1.2}, {0, 0, 1, 1}}
	for i, r := range rects {
		col := PaletteColor(i)
		fast.rect(r[0], r[1], r[2], r[3], col)
		slow.rect(r[0], r[1], r[2], r[3], col)
	}
	if !bytes.Equal(fast.bitmap.Pix, slowImg.Pix) {
		for y := 0; y < 200; y++ {
			for x := 0; x < 300; x++ {
				if a, b := fast.bitmap.RGBAAt(x, y), slowImg.RGBAAt(x, y); a != b {
					t.Fatalf("pixel %d,%d: direct %v, rasterized %v", x, y, a, b)
				}
			}
		}
	}
}

// TestPNGEncoderRoundTrips decodes what encodePNG writes, in one band and
// in several, and compares every pixel.
func TestPNGEncoderRoundTrips(t *testing.T) {
	for _, size := range [][2]int{{1, 1}, {37, 5}, {301, 517}, {1600, 900}} {
		img := image.NewRGBA(image.Rect(0, 0, size[0], size[1]))
		for i := range img.Pix {
			img.Pix[i] = byte(i*7 + i/4093)
			if i%4 == 3 {
				img.Pix[i] = 0xff
			}
		}
		fillRect(img, 3, 2, size[0]/2, size[1]-1, Palette[3])
		var buf bytes.Buffer
		if err := encodePNG(&buf, img); err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%v: %v", size, err)
		}
		for y := 0; y < size[1]; y++ {
			for x := 0; x < size[0]; x++ {
				r1, g1, b1, a1 := got.At(x, y).RGBA()
				r2, g2, b2, a2 := img.At(x, y).RGBA()
				if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
					t.Fatalf("%v: pixel %d,%d differs", size, x, y)
				}
			}
		}
	}
	a, b := []byte("the first part of it"), bytes.Repeat([]byte("and the second, longer "), 9000)
	if got, want := adler32Combine(adler32.Checksum(a), adler32.Checksum(b), int64(len(b))), adler32.Checksum(append(a, b...)); got != want {
		t.Fatalf("adler32Combine %x, want %x", got, want)
	}
}
