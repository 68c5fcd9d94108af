package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsreel/newsreel/data/export"
)

func TestExportCharts(t *testing.T) {
	db := importedCorpus(t)
	dir := t.TempDir()
	for _, name := range []string{"coverage", "attention", "attention-themes", "timeline", "actors", "disagreements"} {
		pngPath := filepath.Join(dir, name+".png")
		if code, _, errOut := run(t, "--db", db, "export", "chart", name, "--out", pngPath, "--width", "800", "--height", "600", "--theme", "dark"); code != ExitOK {
			t.Fatalf("%s: exit %d: %s", name, code, errOut)
		}
		raw, _ := os.ReadFile(pngPath)
		img, err := png.Decode(bytes.NewReader(raw))
		if err != nil || img.Bounds().Dx() != 800 || img.Bounds().Dy() != 600 {
			t.Fatalf("%s: %v %v", name, err, img.Bounds())
		}
		svgPath := filepath.Join(dir, name+".svg")
		if code, _, errOut := run(t, "--db", db, "export", "chart", name, "--out", svgPath); code != ExitOK {
			t.Fatalf("%s svg: exit %d: %s", name, code, errOut)
		}
		svg, _ := os.ReadFile(svgPath)
		if !bytes.HasPrefix(svg, []byte("<svg")) || !bytes.Contains(svg, []byte("</svg>")) {
			t.Fatalf("%s: not an SVG", name)
		}
	}
	for _, bad := range [][]string{
		{"export", "chart", "pie", "--out", filepath.Join(dir, "x.png")},
		{"export", "chart", "coverage", "--out", filepath.Join(dir, "x.gif")},
		{"export", "chart", "coverage", "--out", filepath.Join(dir, "x.png"), "--width", "5"},
		{"export", "chart", "coverage", "--out", filepath.Join(dir, "x.png"), "--theme", "pink"},
		{"export", "xml", "--out", filepath.Join(dir, "x")},
		{"export", "csv"},
	} {
		if code, _, _ := run(t, append([]string{"--db", db}, bad...)...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, ExitUsage)
		}
	}
}

func TestExportCSVRoundTrips(t *testing.T) {
	db := importedCorpus(t)
	dir := filepath.Join(t.TempDir(), "csv")
	if code, _, errOut := run(t, "--db", db, "export", "csv", "--out", dir); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, name := range export.CSVFiles {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(rows) < 2 {
			t.Fatalf("%s: %d rows", name, len(rows))
		}
		// Writing the rows again gives the same bytes (RFC 4180 quoting).
		var again bytes.Buffer
		w := csv.NewWriter(&again)
		w.WriteAll(rows)
		if again.String() != string(raw) {
			t.Errorf("%s does not round-trip", name)
		}
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "sentences.csv"))
	if !strings.Contains(string(raw), "“Next time in Moscow,”") {
		t.Error("sentences.csv lost quotation marks or UTF-8")
	}
}

func TestExportJSONAndTimelineJS(t *testing.T) {
	db := importedCorpus(t)
	dir := t.TempDir()
	jsonPath := filepath.Join(dir, "all.json")
	if code, _, errOut := run(t, "--db", db, "export", "json", "--out", jsonPath); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc export.Document
	raw, _ := os.ReadFile(jsonPath)
	if err := json.Unmarshal(raw, &doc); err != nil || doc.Schema != "newsreel/1" || len(doc.Phases) == 0 || len(doc.Discrepancies) == 0 {
		t.Fatalf("json: %v %+v", err, doc.Schema)
	}
	tlPath := filepath.Join(dir, "tl.json")
	if code, _, errOut := run(t, "--db", db, "export", "timelinejs", "--out", tlPath, "--title", "Anchorage summit"); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var tl struct {
		Title struct {
			Text struct{ Headline string } `json:"text"`
		} `json:"title"`
		Events []struct {
			StartDate *struct {
				Year, Month, Day, Hour, Minute string
			} `json:"start_date"`
			DisplayDate string `json:"display_date"`
			Text        struct {
				Headline string `json:"headline"`
				Text     string `json:"text"`
			} `json:"text"`
			Group string `json:"group"`
		} `json:"events"`
	}
	raw, _ = os.ReadFile(tlPath)
	if err := json.Unmarshal(raw, &tl); err != nil {
		t.Fatal(err)
	}
	if tl.Title.Text.Headline != "Anchorage summit" || len(tl.Events) != 9 {
		t.Fatalf("title %q, %d events", tl.Title.Text.Headline, len(tl.Events))
	}
	for _, e := range tl.Events {
		// TimelineJS requires a start date with a year on every event.
		if e.StartDate == nil || e.StartDate.Year != "2025" || e.StartDate.Month != "8" || e.StartDate.Day != "15" || e.StartDate.Minute == "" {
			t.Errorf("event %q start %+v", e.Text.Headline, e.StartDate)
		}
		if e.Text.Headline == "" || e.Text.Text == "" || e.Group == "" || e.DisplayDate == "" {
			t.Errorf("event %+v lacks headline, text, group or display date", e)
		}
	}
}
