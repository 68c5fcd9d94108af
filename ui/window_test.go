package ui

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
	"github.com/newsreel/newsreel/ui/chart"
)

// startWindow builds the main window on a fresh database (which loads the
// bundled corpus) and waits for the analysis.
func startWindow(t *testing.T, dbPath string) (*Window, fyne.Window) {
	t.Helper()
	return startWindowWith(t, dbPath, nil)
}

// startWindowWith is startWindow with setup run on the window before it
// starts.
func startWindowWith(t *testing.T, dbPath string, setup func(*Window)) (*Window, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1100, 700))
	v := NewWindow(a, w, dbPath, "")
	// The test driver runs fyne.Do's function on the calling goroutine,
	// so a watcher's reloads would race with the test's own; only the
	// test of watching watches.
	v.watchEvery = -1
	if setup != nil {
		setup(v)
	}
	done := make(chan error, 1)
	v.loaded = func(err error) { done <- err }
	v.Start()
	t.Cleanup(v.Close)
	waitFor(t, done)
	v.fetches.Wait() // the reads the screens started: in the test driver their results are shown on the reading goroutine
	return v, w
}

func waitFor(t *testing.T, done chan error) {
	t.Helper()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("load: %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("timed out")
	}
}

func TestFirstStartShowsTheBundledTimeline(t *testing.T) {
	v, w := startWindow(t, filepath.Join(t.TempDir(), "first.db"))
	if len(v.a.labels) != 5 || v.a.articles != 5 {
		t.Fatalf("%d sources, %d articles", len(v.a.labels), v.a.articles)
	}
	if !strings.HasPrefix(v.status.Text, "5 sources, 5 articles, 9 phases · first.db") {
		t.Fatalf("status %q", v.status.Text)
	}
	if got := len(v.timelineV.blocks.Objects); got != 9 {
		t.Fatalf("%d phase blocks", got)
	}
	test.AssertRendersToMarkup(t, "timeline.xml", w.Canvas())
}

func TestSelectingAPhaseShowsItsEvidence(t *testing.T) {
	v, _ := startWindow(t, filepath.Join(t.TempDir(), "sel.db"))
	var talks *phaseBlock
	for _, o := range v.timelineV.blocks.Objects {
		if b := o.(*phaseBlock); b.phase.ID == "talks" {
			talks = b
		}
	}
	test.Tap(talks)
	if v.timelineV.selected != "talks" || !talks.selected {
		t.Fatalf("selected %q", v.timelineV.selected)
	}
	if !strings.HasPrefix(v.timelineV.title.Text, "Talks — ") || !strings.Contains(v.timelineV.title.Text, "reported by 5 of 5 sources") {
		t.Fatalf("title %q", v.timelineV.title.Text)
	}
}

func TestEveryScreenRenders(t *testing.T) {
	v, w := startWindow(t, filepath.Join(t.TempDir(), "screens.db"))
	for i, name := range screenNames {
		v.SelectView(name)
		if v.tabs.SelectedIndex() != i {
			t.Fatalf("%s: tab %d", name, v.tabs.SelectedIndex())
		}
		if name == "coverage" {
			v.coverageV.table.Select(widget.TableCellID{Row: 0, Col: 0})
		}
		if name == "people" {
			v.peopleV.actors.Select(0)
			v.peopleV.clusters.Select(0)
		}
		v.fetches.Wait() // the cell's sentences, the person's coverage
		test.AssertRendersToMarkup(t, "screen_"+name+".xml", w.Canvas())
	}
}

func TestRenameSourcePersists(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "rename.db")
	v, _ := startWindow(t, dbPath)
	done := make(chan error, 1)
	v.loaded = func(err error) { done <- err }
	src := v.a.sources[0]
	v.renameSource(src, "Renamed outlet")
	waitFor(t, done)
	v.fetches.Wait()
	if !contains(v.a.labels, "Renamed outlet") || contains(v.a.labels, src.Label) {
		t.Fatalf("labels after rename: %v", v.a.labels)
	}
	// A clash is refused and nothing changes.
	v.renameSource(v.a.sources[0], v.a.sources[1].Label)
	time.Sleep(200 * time.Millisecond)
	if len(v.a.labels) != 5 {
		t.Fatalf("labels %v", v.a.labels)
	}
}

func TestSearchHighlightsAndSurvivesOddInput(t *testing.T) {
	v, _ := startWindow(t, filepath.Join(t.TempDir(), "search.db"))
	done := make(chan error, 1)
	v.searchV.searched = func() { done <- nil }
	v.SelectView("search")
	test.Type(v.searchV.entry, "next time Moscow")
	v.searchV.entry.OnSubmitted(v.searchV.entry.Text)
	waitFor(t, done)
	if !strings.HasPrefix(v.searchV.status.Text, "3 sentences") {
		t.Fatalf("status %q", v.searchV.status.Text)
	}
	for _, q := range []string{`"(`, `NEAR(`, `*`, `AND OR`} {
		v.searchV.search(q)
		waitFor(t, done)
		if strings.Contains(strings.ToLower(v.searchV.status.Text), "sql") || strings.Contains(v.searchV.status.Text, "failed") {
			t.Errorf("%q: status %q", q, v.searchV.status.Text)
		}
	}
}

func TestImportFolderReportsProgressAndFailures(t *testing.T) {
	v, _ := startWindow(t, filepath.Join(t.TempDir(), "import.db"))
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "new.txt"), []byte("The leaders arrived on the tarmac and shook hands. Then the talks began behind closed doors."), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.txt"), []byte{0, 1, 2, 3, 4}, 0o644)
	imported := make(chan ingest.Summary, 1)
	v.imported = func(s ingest.Summary) { imported <- s }
	loaded := make(chan error, 1)
	v.loaded = func(err error) { loaded <- err }
	v.importPaths([]string{dir})
	var sum ingest.Summary
	select {
	case sum = <-imported:
	case <-time.After(30 * time.Second):
		t.Fatal("import did not finish")
	}
	if sum.Imported != 1 || sum.Failed != 1 {
		t.Fatalf("summary %+v", sum)
	}
	run := v.lastImport
	if run.bar.Value != run.bar.Max || run.bar.Max != 2 {
		t.Fatalf("progress %v of %v", run.bar.Value, run.bar.Max)
	}
	waitFor(t, loaded)
	v.fetches.Wait()
	if len(v.a.labels) != 6 {
		t.Fatalf("labels after import: %v", v.a.labels)
	}
}

func TestBadDatabaseShowsErrorInStatus(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	v := NewWindow(a, w, t.TempDir(), "") // a folder is not a database
	done := make(chan error, 1)
	v.loaded = func(err error) { done <- err }
	v.Start()
	if err := <-done; err == nil {
		t.Fatal("want an error")
	}
	if !strings.HasPrefix(v.status.Text, "Could not open the database") {
		t.Fatalf("status %q", v.status.Text)
	}
}

func TestEmptyDatabaseScreensSayWhatToDo(t *testing.T) {
	a := &analysis{}
	v := newTimelineView(nil)
	a.timeline.Narrative = map[string][]string{}
	v.show(a)
	if !strings.Contains(v.title.Text, "import articles") {
		t.Fatalf("timeline empty state %q", v.title.Text)
	}
}

func TestExportSizeParsing(t *testing.T) {
	for in, ok := range map[string]bool{"1600x900": true, " 800X600 ": true, "10x10": false, "big": false, "9000x900": false} {
		if _, _, err := parseSize(in); (err == nil) != ok {
			t.Errorf("%q: err %v", in, err)
		}
	}
}

func TestExportChartWritesTheChart(t *testing.T) {
	v, _ := startWindow(t, filepath.Join(t.TempDir(), "export.db"))
	r, err := v.exportReport()()
	if err != nil || len(r.Articles) != 5 {
		t.Fatalf("export report: %v", err)
	}
	for _, name := range []string{"coverage", "disagreements"} {
		ch, err := chart.FromReport(name, r, v.schema, chart.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := chart.Render(&buf, ch, chart.SVG, 800, 600, chart.Light); err != nil || !bytes.Contains(buf.Bytes(), []byte("</svg>")) {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

func TestActorRenameFromTheWindowPersists(t *testing.T) {
	v, _ := startWindow(t, filepath.Join(t.TempDir(), "actors.db"))
	done := make(chan error, 1)
	v.loaded = func(err error) { done <- err }
	v.saveActorEdit(timeline.ActorEdit{Op: "rename", Actor: "lavrov", Name: "Sergey V. Lavrov"})
	waitFor(t, done)
	v.fetches.Wait()
	found := false
	for _, a := range v.a.people.Actors {
		if a.ID == "lavrov" && a.Name == "Sergey V. Lavrov" {
			found = true
		}
	}
	if !found {
		t.Fatal("rename not applied after reload")
	}
}

func TestCoverageShowsTheAttentionChart(t *testing.T) {
	v, _ := startWindow(t, filepath.Join(t.TempDir(), "attention.db"))
	done := make(chan error, 1)
	v.coverageV.charted = func() { done <- nil }
	v.coverageV.mode = modeAttention
	v.coverageV.rebuild()
	waitFor(t, done)
	img := v.coverageV.image.Image
	if img == nil || img.Bounds().Dx() != 1400 || !v.coverageV.image.Visible() || v.coverageV.split.Visible() {
		t.Fatalf("attention chart not shown (image %v)", img)
	}
	// Back to the matrix and to the chart: the drawn chart is shown again
	// at once; raw counts draw a new one.
	v.coverageV.mode = modePhases
	v.coverageV.rebuild()
	charted := false
	v.coverageV.charted = func() { charted = true }
	v.coverageV.mode = modeAttention
	v.coverageV.rebuild()
	if !charted || v.coverageV.image.Image != img {
		t.Fatal("the attention chart was drawn again")
	}
	v.coverageV.charted = func() { done <- nil }
	v.coverageV.raw = true
	v.coverageV.showAttention()
	waitFor(t, done)
	if v.coverageV.image.Image == img {
		t.Fatal("raw counts show the chart of shares")
	}
}

// TestParagraphHeightsMatchRichText checks the heights the virtualised
// lists give their rows against RichText's own wrapping, for every
// sentence of the bundled articles at one width and a sample at two
// others: never a line short
// (the next row would cover it), rarely a line too many.
func TestParagraphHeightsMatchRichText(t *testing.T) {
	v, _ := startWindow(t, filepath.Join(t.TempDir(), "heights.db"))
	arts, err := v.db.LoadAnalyzed(context.Background())
	if err != nil || len(arts) == 0 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	rt := widget.NewRichText()
	rt.Wrapping = fyne.TextWrapWord
	var m measurer
	n, over := 0, 0
	for k, width := range []float32{321.5, 200, 500} {
		for _, art := range arts {
			for i, s := range art.Sentences {
				if k > 0 && i%4 != 0 { // a sample at the other widths
					continue
				}
				segs := plainText(s.Text) // (several segments are measured by a RichText)
				rt.Segments = segs
				rt.Resize(fyne.NewSize(width, 1))
				rt.Refresh()
				want, got := rt.MinSize().Height, m.height(segs, width)
				if got < want-0.5 {
					t.Fatalf("width %v: %v high, RichText needs %v: %q", width, got, want, s.Text)
				}
				if got > want+0.5 {
					over++
				}
				n++
			}
		}
	}
	if over > n/50 {
		t.Errorf("%d of %d paragraphs a line too high", over, n)
	}
}

// TestImportLinksFromTheDialog pastes text with links into the "Import
// links" dialog: one page is fetched from a local server and imported,
// the missing one is named in the summary with the server's answer.
func TestImportLinksFromTheDialog(t *testing.T) {
	page, err := os.ReadFile("../data/ingest/testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	agents := make(chan string, 2) // the links are fetched at once
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		agents <- r.UserAgent()
		if r.URL.Path == "/story" {
			w.Header().Set("Content-Type", "text/html")
			w.Write(page)
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	v, w := startWindow(t, filepath.Join(t.TempDir(), "links.db"))
	imported := make(chan ingest.Summary, 1)
	v.imported = func(s ingest.Summary) { imported <- s }
	loaded := make(chan error, 1)
	v.loaded = func(err error) { loaded <- err }

	v.app.Clipboard().SetContent("Worth reading: " + srv.URL + "/story, and this (" + srv.URL + "/gone).")
	v.askImportLinks()
	entry := find[*widget.Entry](w.Canvas().Overlays().Top())
	if entry == nil || !strings.Contains(entry.Text, srv.URL+"/story") {
		t.Fatalf("the dialog does not hold the clipboard's links (entry %v)", entry)
	}
	var importButton *widget.Button
	for _, b := range findAll[*widget.Button](w.Canvas().Overlays().Top()) {
		if b.Text == "Import" {
			importButton = b
		}
	}
	entry.SetText("no links at all")
	if !importButton.Disabled() {
		t.Fatal("Import is enabled without links")
	}
	entry.SetText("Worth reading: " + srv.URL + "/story, and this (" + srv.URL + "/gone).")
	test.Tap(importButton)
	var sum ingest.Summary
	select {
	case sum = <-imported:
	case <-time.After(30 * time.Second):
		t.Fatal("import did not finish")
	}
	if sum.Files != 2 || sum.Imported != 1 || sum.Failed != 1 {
		t.Fatalf("summary %+v", sum)
	}
	if run := v.lastImport; run.bar.Value != 2 || run.bar.Max != 2 {
		t.Fatalf("progress %v of %v", run.bar.Value, run.bar.Max)
	}
	summary := find[*widget.Label](w.Canvas().Overlays().Top())
	if summary == nil || !strings.Contains(summary.Text, "2 links: 1 imported") || !strings.Contains(summary.Text, srv.URL+"/gone: ") || !strings.Contains(summary.Text, "404") {
		t.Fatalf("summary dialog %v", summary)
	}
	if agent := <-agents; !strings.HasPrefix(agent, "Newsreel/") {
		t.Errorf("user agent %q", agent)
	}
	waitFor(t, loaded)
	v.fetches.Wait()
	if v.a.articles != 6 {
		t.Fatalf("%d articles after importing a link", v.a.articles)
	}
}

// findAll returns the objects of type T in o's tree.
func findAll[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var out []T
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil {
			return
		}
		if x, ok := o.(T); ok {
			out = append(out, x)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, ch := range c.Objects {
				walk(ch)
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(c).Objects() {
				walk(ch)
			}
		}
	}
	walk(o)
	return out
}

// find returns the first object of type T in o's tree.
func find[T fyne.CanvasObject](o fyne.CanvasObject) T {
	var zero T
	if all := findAll[T](o); len(all) > 0 {
		return all[0]
	}
	return zero
}

// TestWireCopiesCountOnceUntilTicked imports a reprint of a bundled
// article under another source: attention does not count it until the
// user ticks "Count wire copies".
func TestWireCopiesCountOnceUntilTicked(t *testing.T) {
	v, _ := startWindow(t, filepath.Join(t.TempDir(), "copies.db"))
	arts, err := v.db.LoadAnalyzed(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	orig := arts[0]
	paras := strings.Split(strings.TrimSpace(orig.Body), "\n\n")
	reprint := timeline.Article{Source: "Reprinter", File: "wire.txt", Body: "Our headline\n\n" + strings.Join(paras[1:], "\n\n")}
	if st, err := v.db.ImportArticle(t.Context(), reprint); err != nil || st.CopyOf != orig.Source+" / "+orig.File {
		t.Fatalf("reprint stored as %+v, %v", st, err)
	}
	done := make(chan error, 1)
	v.loaded = func(err error) { done <- err }
	fyne.DoAndWait(v.reload)
	waitFor(t, done)
	v.fetches.Wait()
	v.SelectView("Coverage")
	cv := v.coverageV
	if cv.copies.Disabled() || cv.copies.Text != "Count wire copies (1)" {
		t.Fatalf("toggle %q disabled=%v", cv.copies.Text, cv.copies.Disabled())
	}
	talks := cellKey{"Reprinter", "talks"}
	if s := cv.cells[talks]; s.sentences != 0 || s.share() != 0 {
		t.Fatalf("a wire copy counted by default: %+v", s)
	}
	if !strings.Contains(cv.caption.Text, "1 wire copy count once") {
		t.Fatalf("caption %q", cv.caption.Text)
	}
	test.Tap(cv.copies)
	if s := cv.cells[talks]; s.sentences == 0 || s.share() <= 0 {
		t.Fatalf("ticked, the copy still does not count: %+v", s)
	}
	// The Sources screen says which article is a copy of which.
	v.SelectView("Sources")
	for i, s := range v.a.sources {
		if s.Label == "Reprinter" {
			v.sourcesV.current = i
		}
	}
	v.sourcesV.showDetail()
	v.fetches.Wait()
	if md := richText(v.sourcesV.detail); !strings.Contains(md, "Wire copies") || !strings.Contains(md, "wire.txt (of "+orig.Source+" / "+orig.File+")") && !strings.Contains(md, "wire.txt(of "+orig.Source+" / "+orig.File+")") {
		t.Fatalf("sources detail:\n%s", md)
	}
}

// richText is the plain text of a RichText's segments.
func richText(r *widget.RichText) string {
	var b strings.Builder
	for _, s := range r.Segments {
		b.WriteString(s.Textual())
	}
	return b.String()
}

// TestWindowPicksUpAnotherProcesssImports writes an article through a
// second handle on the window's database, as newsreel import in a
// terminal would, and waits for the window to analyse again on its own.
func TestWindowPicksUpAnotherProcesssImports(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "shared.db")
	v, _ := startWindowWith(t, dbPath, func(v *Window) { v.watchEvery = 5 * time.Millisecond })
	loaded := make(chan error, 1)
	v.loaded = func(err error) { loaded <- err }
	other, err := data.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "terminal.txt"), []byte("The leaders arrived on the tarmac and shook hands. Then the talks began behind closed doors."), 0o644)
	if sum := ingest.Import(context.Background(), other, []string{dir}, ingest.Options{}, nil); sum.Imported != 1 {
		t.Fatalf("import through the other handle: %+v", sum)
	}
	waitFor(t, loaded)
	v.fetches.Wait()
	if v.a.articles != 6 || !contains(v.a.labels, "terminal") {
		t.Fatalf("after the other handle's import: %d articles, sources %v", v.a.articles, v.a.labels)
	}
	if !strings.Contains(v.status.Text, "after changes by another program") {
		t.Fatalf("status %q", v.status.Text)
	}
}
