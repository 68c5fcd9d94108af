package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsreel/newsreel/data/ingest"
)

func (v *Window) askImportFolder() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			dialog.ShowError(err, v.win)
			return
		}
		if dir != nil {
			v.importPaths([]string{dir.Path()})
		}
	}, v.win)
}

func (v *Window) askImportFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, v.win)
			return
		}
		if r != nil {
			path := r.URI().Path()
			r.Close()
			v.importPaths([]string{path})
		}
	}, v.win)
	d.Show()
}

// importRun is one import in progress: its dialog and what it reports.
type importRun struct {
	bar     *widget.ProgressBar
	label   *widget.Label
	dlg     dialog.Dialog
	cancel  context.CancelFunc
	summary ingest.Summary
}

// importPaths imports files and folders off the UI goroutine, with a
// progress bar, a cancel button and a summary naming each failed file.
func (v *Window) importPaths(paths []string) {
	if v.db == nil {
		dialog.ShowInformation("Not ready", "The database is not open yet.", v.win)
		return
	}
	run := v.startImport(paths)
	db := v.db
	ctx, cancel := context.WithCancel(context.Background())
	run.cancel = cancel
	go func() {
		sum := ingest.Import(ctx, db, paths, ingest.Options{}, func(done, total int, r ingest.FileResult) {
			fyne.Do(func() {
				run.bar.Max = float64(total)
				run.bar.SetValue(float64(done))
				run.label.SetText(fmt.Sprintf("%d of %d files · %s", done, total, filepath.Base(r.Path)))
			})
		})
		fyne.Do(func() { v.finishImport(run, sum) })
	}()
}

func (v *Window) startImport(paths []string) *importRun {
	run := &importRun{bar: widget.NewProgressBar(), label: widget.NewLabel("Looking for articles…")}
	cancel := widget.NewButton("Cancel", func() {
		if run.cancel != nil {
			run.cancel()
		}
	})
	content := container.NewVBox(widget.NewLabel("Importing "+strings.Join(baseNames(paths), ", ")), run.bar, run.label, container.NewHBox(cancel))
	run.dlg = dialog.NewCustomWithoutButtons("Import", content, v.win)
	run.dlg.Resize(fyne.NewSize(480, 180))
	run.dlg.Show()
	v.lastImport = run
	return run
}

func (v *Window) finishImport(run *importRun, sum ingest.Summary) {
	run.summary = sum
	run.dlg.Hide()
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d imported, %d already stored, %d failed.", plural(sum.Files, "file"), sum.Imported, sum.Duplicates, sum.Failed)
	for _, r := range sum.Results {
		if r.Err != nil {
			fmt.Fprintf(&b, "\n• %s: %v", filepath.Base(r.Path), r.Err)
		}
	}
	msg := widget.NewLabel(b.String())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Import finished", "OK", container.NewVScroll(msg), v.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
	if v.imported != nil {
		v.imported(sum)
	}
	if sum.Imported > 0 {
		v.reload()
	}
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}
