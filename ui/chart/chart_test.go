package chart

import (
	"bytes"
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

// BenchmarkCharts renders each kind of chart for 50 sources × 10 phases at
// the default export size (1600×900), as PNG and SVG.
func BenchmarkCharts(b *testing.B) {
	var rows []string
	var vals [][]float64
	var labels [][]string
	cols := []string{"Before", "Arrival", "Flyover", "Motorcade", "Talks", "Lunch", "Press", "Departure", "After", "Reactions"}
	for i := 0; i < 50; i++ {
		rows = append(rows, "Source number "+string(rune('A'+i%26))+string(rune('a'+i/26)))
		var v []float64
		var l []string
		for j := range cols {
			v = append(v, float64((i*7+j*3)%20)/100)
			l = append(l, "9.9%")
		}
		vals = append(vals, v)
		labels = append(labels, l)
	}
	charts := map[string]Chart{
		"matrix":    Matrix{Title: "Coverage", Rows: rows, Cols: cols, Values: vals, Labels: labels},
		"attention": StackedBars{Title: "Attention", Bars: rows, Segments: cols, Values: vals, Percent: true},
		"lanes":     Lanes{Title: "Timeline", Phases: cols, Lanes: rows, Present: vals},
		"actors":    GroupedBars{Title: "People", Groups: cols, Series: rows[:8], Values: vals[:10]},
	}
	iv := Intervals{Title: "Sources disagree: talks duration", Unit: "hours", Rows: rows}
	for i := range rows {
		lo := 2 + float64(i%7)/2
		iv.Low, iv.High = append(iv.Low, lo), append(iv.High, lo+float64(i%3)/2)
		iv.Labels, iv.Muted = append(iv.Labels, "“about three hours”"), append(iv.Muted, i%5 == 0)
	}
	charts["disagreements"] = iv
	for _, name := range []string{"matrix", "attention", "lanes", "actors", "disagreements"} {
		ch := charts[name]
		for _, f := range []Format{PNG, SVG} {
			b.Run(name+"/"+string(f), func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					var buf bytes.Buffer
					if err := Render(&buf, ch, f, 1600, 900, Light); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
