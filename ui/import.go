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

	"github.com/newsreel/newsreel/data"
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

// askImportLinks (Ctrl+L) asks for links to fetch: typed or pasted one
// per line, or text with links among other words (the clipboard's, when
// it holds any).
func (v *Window) askImportLinks() {
	entry := widget.NewMultiLineEntry()
	entry.SetPlaceHolder("https://example.com/news/summit-story\nhttps://example.org/live/summit")
	entry.Wrapping = fyne.TextWrapBreak
	if clip := v.app.Clipboard().Content(); len(ingest.FindLinks(clip)) > 0 {
		entry.SetText(clip)
	}
	found := widget.NewLabel("")
	var d *dialog.CustomDialog
	importButton := widget.NewButton("Import", func() {
		d.Hide()
		v.importLinks(ingest.FindLinks(entry.Text))
	})
	importButton.Importance = widget.HighImportance
	count := func(text string) {
		n := len(ingest.FindLinks(text))
		found.SetText(fmt.Sprintf("%s found. Each page is fetched (20 s and 5 MB at most, four at a time) and read like a saved web page.", plural(n, "link")))
		if n == 0 {
			importButton.Disable()
		} else {
			importButton.Enable()
		}
	}
	entry.OnChanged = count
	count(entry.Text)
	found.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel("Paste or type links to news articles or feeds, one per line; other words around them are ignored.")
	note.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons("Import links", container.NewBorder(note, found, nil, nil, entry), v.win)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", func() { d.Hide() }), importButton})
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
	v.win.Canvas().Focus(entry)
	v.linksDialog = d
}

// importRun is one import in progress: its dialog and what it reports.
type importRun struct {
	noun    string // what is imported: "file" or "link"
	bar     *widget.ProgressBar
	label   *widget.Label
	dlg     dialog.Dialog
	cancel  context.CancelFunc
	summary ingest.Summary
}

// importPaths imports files and folders off the UI goroutine, with a
// progress bar, a cancel button and a summary naming each failed file.
func (v *Window) importPaths(paths []string) {
	v.runImport("Importing "+strings.Join(baseNames(paths), ", "), "file", func(ctx context.Context, db *data.DB, progress ingest.Progress) ingest.Summary {
		return ingest.Import(ctx, db, paths, ingest.Options{}, progress)
	})
}

// importLinks fetches and imports links the same way, naming each link
// that failed and why.
func (v *Window) importLinks(links []string) {
	if len(links) == 0 {
		return
	}
	fetch := v.fetch
	v.runImport("Fetching "+plural(len(links), "link"), "link", func(ctx context.Context, db *data.DB, progress ingest.Progress) ingest.Summary {
		return ingest.ImportURLs(ctx, db, links, ingest.Options{}, fetch, progress)
	})
}

// runImport runs an import off the UI goroutine with a progress dialog
// (counts and a cancel button), then shows its summary and reloads.
func (v *Window) runImport(title, noun string, imp func(context.Context, *data.DB, ingest.Progress) ingest.Summary) {
	if v.db == nil {
		dialog.ShowInformation("Not ready", "The database is not open yet.", v.win)
		return
	}
	run := v.startImport(title, noun)
	db := v.db
	ctx, cancel := context.WithCancel(context.Background())
	run.cancel = cancel
	v.busy++
	go func() {
		sum := imp(ctx, db, func(done, total int, r ingest.FileResult) {
			fyne.Do(func() {
				run.bar.Max = float64(total)
				run.bar.SetValue(float64(done))
				run.label.SetText(fmt.Sprintf("%d of %s · %s", done, plural(total, noun), run.name(r.Path)))
			})
		})
		cancel()
		fyne.Do(func() {
			v.busy--
			v.finishImport(run, sum)
			v.idle()
		})
	}()
}

// name is how a summary names an imported file or link.
func (run *importRun) name(path string) string {
	if run.noun == "file" {
		return filepath.Base(path)
	}
	return path
}

func (v *Window) startImport(title, noun string) *importRun {
	run := &importRun{noun: noun, bar: widget.NewProgressBar(), label: widget.NewLabel("Looking for articles…")}
	if noun == "link" {
		run.label.SetText("Fetching…")
	}
	run.label.Truncation = fyne.TextTruncateEllipsis
	cancel := widget.NewButton("Cancel", func() {
		if run.cancel != nil {
			run.cancel()
		}
	})
	content := container.NewVBox(widget.NewLabel(title), run.bar, run.label, container.NewHBox(cancel))
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
	fmt.Fprintf(&b, "%s: %d imported, %d already stored, %d failed.", plural(sum.Files, run.noun), sum.Imported, sum.Duplicates, sum.Failed)
	for _, r := range sum.Results {
		if r.Err != nil {
			fmt.Fprintf(&b, "\n• %s: %v", run.name(r.Path), r.Err)
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
