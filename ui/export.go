package ui

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/newsreel/newsreel/data/export"
	"github.com/newsreel/newsreel/timeline"
	"github.com/newsreel/newsreel/ui/chart"
)

// chartLabels name the charts in the export dialog.
var chartLabels = map[string]string{
	"coverage": "Coverage matrix", "attention": "Attention by phase", "attention-themes": "Attention by theme",
	"timeline": "Timeline lanes", "actors": "People", "disagreements": "Disagreements",
}

// parseSize reads "1600x900".
func parseSize(s string) (int, int, error) {
	w, h, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "x")
	wi, err1 := strconv.Atoi(w)
	hi, err2 := strconv.Atoi(h)
	if !ok || err1 != nil || err2 != nil || wi < chart.MinSide || hi < chart.MinSide || wi > chart.MaxSide || hi > chart.MaxSide {
		return 0, 0, fmt.Errorf("size %q: use WIDTHxHEIGHT, each %d–%d", s, chart.MinSide, chart.MaxSide)
	}
	return wi, hi, nil
}

// askExportChart (Ctrl+E) picks a chart, size and format, then a file.
func (v *Window) askExportChart() {
	if v.a == nil {
		return
	}
	var names []string
	for _, n := range chart.Names {
		names = append(names, chartLabels[n])
	}
	which := widget.NewSelect(names, nil)
	which.SetSelectedIndex(v.suggestedChart())
	format := widget.NewRadioGroup([]string{"PNG", "SVG"}, nil)
	format.Horizontal = true
	format.SetSelected("PNG")
	size := widget.NewEntry()
	size.SetText(v.app.Preferences().StringWithFallback(prefExportSize, "1600x900"))
	theme := widget.NewRadioGroup([]string{themeLight, themeDark}, nil)
	theme.Horizontal = true
	theme.SetSelected(themeLight)
	items := []*widget.FormItem{
		widget.NewFormItem("Chart", which), widget.NewFormItem("Format", format),
		widget.NewFormItem("Size", size), widget.NewFormItem("Theme", theme),
	}
	dialog.ShowForm("Export chart", "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		w, h, err := parseSize(size.Text)
		if err != nil {
			dialog.ShowError(err, v.win)
			return
		}
		name := chart.Names[which.SelectedIndex()]
		ext := strings.ToLower(format.Selected)
		report := v.exportReport()
		v.saveFile(name+"."+ext, func(out io.Writer) error {
			r, err := report()
			if err != nil {
				return err
			}
			ch, err := chart.FromReport(name, r, v.schema, chart.Options{})
			if err != nil {
				return err
			}
			th, _ := chart.ThemeNamed(theme.Selected)
			return chart.Render(out, ch, chart.Format(ext), w, h, th)
		})
	}, v.win)
}

// suggestedChart is the chart that fits the screen on show.
func (v *Window) suggestedChart() int {
	switch screenNames[v.tabs.SelectedIndex()] {
	case "coverage":
		return 0
	case "people":
		return 4
	case "disagreements":
		return 5
	}
	return 3
}

// askExportData (Ctrl+S) saves the whole analysis as JSON.
func (v *Window) askExportData() {
	if v.a == nil {
		return
	}
	report := v.exportReport()
	v.saveFile("newsreel-analysis.json", func(out io.Writer) error {
		r, err := report()
		if err != nil {
			return err
		}
		return writeJSON(out, export.NewDocument(r, v.schema))
	})
}

// exportReport returns how an export reads the whole analysis: the
// charts and the JSON document are drawn from the full Report, which loads
// every article and runs the corpus-level stages, so the function it
// returns is called off the UI goroutine (saveFile's writer) and says
// what it does in the status line. Wire copies count as the Coverage
// screen counts them.
func (v *Window) exportReport() func() (*timeline.Report, error) {
	db, schema, countCopies := v.db, v.schema, v.a.countCopies
	return func() (*timeline.Report, error) {
		if db == nil {
			return nil, fmt.Errorf("no database open")
		}
		ctx := context.Background()
		if err := db.Refresh(ctx, schema, v.analysisProgress); err != nil {
			return nil, err
		}
		v.onUI(func() { v.status.SetText("Exporting: reading and analysing every article…") })
		r, err := db.Report(ctx, schema)
		if err != nil {
			return nil, err
		}
		r.CountCopies = countCopies
		v.onUI(func() { v.status.SetText("Exporting: writing the file…") })
		return r, nil
	}
}

// saveFile asks where to save and writes there off the UI goroutine.
func (v *Window) saveFile(name string, write func(io.Writer) error) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, v.win)
			return
		}
		if wc == nil {
			return
		}
		go func() {
			err := write(wc)
			if cerr := wc.Close(); err == nil {
				err = cerr
			}
			fyne.Do(func() {
				if err != nil {
					dialog.ShowError(fmt.Errorf("export %s: %w", wc.URI().Name(), err), v.win)
					return
				}
				v.status.SetText("Saved " + wc.URI().Path())
			})
		}()
	}, v.win)
	d.SetFileName(name)
	if ext := name[strings.LastIndex(name, "."):]; ext != "" {
		d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	}
	d.Show()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
