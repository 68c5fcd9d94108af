package chart

import (
	"bytes"
	"fmt"
	"syscall"
	"testing"
	"time"
)

// BenchmarkCharts renders each kind of chart for 50 sources × 10 phases at
// the default export size (1600×900), as PNG and SVG.
func BenchmarkCharts(b *testing.B) {
	charts := manySources()
	for _, name := range []string{"matrix", "attention", "lanes", "actors", "disagreements"} {
		ch := charts[name]
		for _, f := range []Format{PNG, SVG} {
			b.Run(name+"/"+string(f), func(b *testing.B) {
				cpu0 := cpuTime()
				for i := 0; i < b.N; i++ {
					var buf bytes.Buffer
					if err := Render(&buf, ch, f, 1600, 900, Light); err != nil {
						b.Fatal(err)
					}
				}
				// Processor time as well: on a shared machine it varies less
				// than the time on the clock.
				b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

// manySources is each kind of chart for 50 sources × 10 phases.
func manySources() map[string]Chart {
	var rows []string
	var vals [][]float64
	var labels [][]string
	cols := []string{"Before", "Arrival", "Flyover", "Motorcade", "Talks", "Lunch", "Press", "Departure", "After", "Reactions"}
	for i := 0; i < 50; i++ {
		rows = append(rows, "Source number "+string(rune('A'+i%26))+string(rune('a'+i/26)))
		var v []float64
		var l []string
		for j := range cols {
			share := float64((i*37+j*11)%97) / 400
			v = append(v, share)
			l = append(l, fmt.Sprintf("%.1f%%", 100*share))
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
	return charts
}

// cpuTime is the processor time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
