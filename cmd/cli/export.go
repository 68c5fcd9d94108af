package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data/export"
	"github.com/newsreel/newsreel/timeline"
	"github.com/newsreel/newsreel/ui/chart"
)

func init() {
	register(command{
		name:    "export",
		summary: "export charts (PNG/SVG) and data (CSV, JSON, TimelineJS)",
		usage: `chart NAME --out FILE.png|FILE.svg [--width W --height H] [--theme light|dark] [--raw] [--quantity Q] [--count-copies]
       newsreel export csv --out DIR
       newsreel export json --out FILE.json
       newsreel export timelinejs --out FILE.json [--title TEXT]

Charts: ` + strings.Join(chart.Names, ", "),
		run: runExport,
	})
}

func runExport(env Env, args []string) int {
	f := newFlags(env, commandNamed("export"))
	out := f.String("out", "", "output file (folder for csv)")
	width := f.Int("width", 1600, "chart width in pixels")
	height := f.Int("height", 900, "chart height in pixels")
	themeName := f.String("theme", "light", "chart theme: light or dark")
	raw := f.Bool("raw", false, "charts: raw sentence counts instead of shares")
	countCopies := f.Bool("count-copies", false, "count wire copies as their outlets' own text (default: a reprinted story counts once, for its original)")
	quantity := f.String("quantity", "", "disagreements chart: the quantity to show (default: the first)")
	title := f.String("title", "", "timelinejs: the timeline's title")
	schemaPath := f.String("schema", "", "event schema file (default: the bundled summit schema)")
	pos, code, done := f.parse(env, args)
	if done {
		return code
	}
	usage := func(msg string) int {
		fmt.Fprintf(env.Stderr, "newsreel export: %s\n", msg)
		f.usage(env.Stderr)
		return ExitUsage
	}
	if len(pos) == 0 {
		return usage("say what to export: chart, csv, json or timelinejs")
	}
	if *out == "" {
		return usage("give --out")
	}
	kind := pos[0]
	var chartName string
	var format chart.Format
	var theme chart.Theme
	switch kind {
	case "chart":
		if len(pos) != 2 {
			return usage("give the chart's name: " + strings.Join(chart.Names, ", "))
		}
		chartName = pos[1]
		if !checkChoice(env, "chart", chartName, chart.Names...) {
			return ExitUsage
		}
		var err error
		if format, err = chart.FormatOf(*out); err != nil {
			return usage(err.Error())
		}
		if theme, err = chart.ThemeNamed(*themeName); err != nil {
			return usage(err.Error())
		}
		if *width < chart.MinSide || *height < chart.MinSide || *width > chart.MaxSide || *height > chart.MaxSide {
			return usage(fmt.Sprintf("--width and --height must be %d–%d", chart.MinSide, chart.MaxSide))
		}
	case "csv", "json", "timelinejs":
		if len(pos) != 1 {
			return usage("unexpected " + strings.Join(pos[1:], " "))
		}
	default:
		return usage(fmt.Sprintf("cannot export %q: chart, csv, json or timelinejs", kind))
	}
	schema, err := assets.LoadSchema(*schemaPath)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel export: %v\n", err)
		return ExitFailed
	}
	db, code, done := f.open(env)
	if done {
		return code
	}
	defer db.Close()
	err = db.Refresh(context.Background(), schema, progressLine(env, "export"))
	var r *timeline.Report
	if err == nil {
		r, err = db.Report(context.Background(), schema)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel export: %v\n", err)
		return ExitFailed
	}
	r.CountCopies = *countCopies
	switch kind {
	case "chart":
		ch, _ := chart.FromReport(chartName, r, schema, chart.Options{Raw: *raw, Quantity: *quantity})
		err = export.WriteFile(*out, func(w io.Writer) error { return chart.Render(w, ch, format, *width, *height, theme) })
	case "csv":
		err = export.CSV(*out, r)
	case "json":
		err = export.JSON(*out, r, schema)
	case "timelinejs":
		t := *title
		if t == "" {
			t = "Timeline of the event"
		}
		err = export.TimelineJS(*out, r, t, time.Time{})
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel export: %v\n", err)
		return ExitFailed
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", *out)
	return ExitOK
}
