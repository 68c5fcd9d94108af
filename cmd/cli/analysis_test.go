package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func importedCorpus(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "x.db")
	if code, out, errOut := run(t, "--db", db, "import", corpusDir); code != ExitOK {
		t.Fatalf("import: %d\n%s%s", code, out, errOut)
	}
	return db
}

func TestCoverageCSV(t *testing.T) {
	db := importedCorpus(t)
	code, out, errOut := run(t, "--db", db, "coverage", "--format", "csv")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "source,file,phase,sentences,words,share" {
		t.Fatalf("header %v", rows[0])
	}
	files := map[string]bool{}
	phases := map[string]bool{}
	for _, r := range rows[1:] {
		files[r[1]] = true
		phases[r[2]] = true
		share, err := strconv.ParseFloat(r[5], 64)
		if err != nil || share <= 0 || share > 1 {
			t.Errorf("share %q in %v", r[5], r)
		}
		if n, _ := strconv.Atoi(r[3]); n < 1 {
			t.Errorf("sentences %q in %v", r[3], r)
		}
	}
	if len(files) != 5 || !files["000_23d4cbbaea02f920.txt"] {
		t.Errorf("files %v", files)
	}
	for _, p := range []string{"arrival", "talks", "press-conference", "reactions"} {
		if !phases[p] {
			t.Errorf("no source reports %s", p)
		}
	}
}

func TestTimelineJSON(t *testing.T) {
	db := importedCorpus(t)
	code, out, errOut := run(t, "--db", db, "timeline", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Phases []struct {
			ID       string   `json:"id"`
			Label    string   `json:"label"`
			Order    int      `json:"order"`
			Start    *string  `json:"start"`
			End      *string  `json:"end"`
			Sources  []string `json:"sources"`
			Evidence []struct {
				Source     string  `json:"source"`
				File       string  `json:"file"`
				Sentence   string  `json:"sentence"`
				Confidence float64 `json:"confidence"`
			} `json:"evidence"`
		} `json:"phases"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var ids []string
	for i, p := range doc.Phases {
		ids = append(ids, p.ID)
		if p.Order != i || p.Label == "" || len(p.Sources) == 0 || len(p.Evidence) == 0 {
			t.Errorf("phase %+v", p)
		}
		for _, e := range p.Evidence {
			if e.Sentence == "" || e.File == "" || e.Confidence <= 0 || e.Confidence > 1 {
				t.Errorf("evidence %+v", e)
			}
		}
	}
	got := strings.Join(ids, " ")
	if !strings.HasPrefix(got, "pre-summit arrival") || !strings.Contains(got, "talks press-conference") || !strings.HasSuffix(got, "post-summit reactions") {
		t.Errorf("phase order %s", got)
	}
	if !strings.Contains(out, `"start": null`) {
		t.Errorf("phases without clock times should have null start")
	}
	// Every stored sentence (--evidence 0) gives the same phases, spans and
	// sources, and at least as much evidence as the summaries.
	code, all, errOut := run(t, "--db", db, "timeline", "--format", "json", "--evidence", "0")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var full struct {
		Phases []struct {
			ID       string   `json:"id"`
			Start    *string  `json:"start"`
			End      *string  `json:"end"`
			Sources  []string `json:"sources"`
			Evidence []any    `json:"evidence"`
		} `json:"phases"`
	}
	if err := json.Unmarshal([]byte(all), &full); err != nil || len(full.Phases) != len(doc.Phases) {
		t.Fatalf("%d phases with --evidence 0, want %d (%v)", len(full.Phases), len(doc.Phases), err)
	}
	for i, p := range full.Phases {
		q := doc.Phases[i]
		str := func(s *string) string {
			if s == nil {
				return "null"
			}
			return *s
		}
		if p.ID != q.ID || str(p.Start) != str(q.Start) || str(p.End) != str(q.End) || strings.Join(p.Sources, ",") != strings.Join(q.Sources, ",") || len(p.Evidence) < len(q.Evidence) {
			t.Errorf("phase %d with --evidence 0: %s %v %v, want %s %v %v", i, p.ID, p.Sources, len(p.Evidence), q.ID, q.Sources, len(q.Evidence))
		}
	}
}

func TestThemesCSVAndSchemaErrors(t *testing.T) {
	db := importedCorpus(t)
	code, out, _ := run(t, "--db", db, "themes", "--format", "csv")
	if code != ExitOK || !strings.HasPrefix(out, "source,file,theme,sentences,share\n") || !strings.Contains(out, "humanitarian") {
		t.Fatalf("themes exit %d:\n%s", code, out)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("name: x\nphases:\n  - id: a\n    order: 1\n"), 0o644)
	code, _, errOut := run(t, "--db", db, "coverage", "--schema", bad)
	if code != ExitFailed || !strings.Contains(errOut, "bad.yaml:3") || !strings.Contains(errOut, "no cues") {
		t.Fatalf("exit %d stderr %q", code, errOut)
	}
}

func TestEvalCommand(t *testing.T) {
	code, out, errOut := run(t, "eval", "--gold", "../../timeline/testdata/alaska-2025.gold.json", "--corpus", corpusDir)
	if code != ExitOK || !strings.HasPrefix(out, "phase detection: F1 ") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	f1, err := strconv.ParseFloat(strings.Fields(out)[3], 64)
	if err != nil || f1 < 0.9 {
		t.Fatalf("F1 %v (%v)", f1, err)
	}
}

func TestActorsQuotesClaims(t *testing.T) {
	db := importedCorpus(t)
	code, out, errOut := run(t, "--db", db, "actors", "--format", "csv")
	if code != ExitOK {
		t.Fatalf("actors exit %d: %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "actor,variants,kind,source,file,mentions,quoted_words" {
		t.Fatalf("header %v", rows[0])
	}
	zel := false
	for _, r := range rows[1:] {
		if strings.HasPrefix(r[0], "Volodymyr Zelensk") && strings.Contains(r[1], "Zelenskiy") && strings.Contains(r[1], "Zelenskyy") && r[2] == "person" {
			zel = true
		}
	}
	if !zel {
		t.Errorf("Zelensky spellings not merged:\n%s", out)
	}

	code, out, _ = run(t, "--db", db, "quotes", "--format", "json")
	var q struct {
		Clusters []struct {
			ID       int    `json:"id"`
			Speaker  string `json:"speaker"`
			Text     string `json:"text"`
			Variants []struct {
				Source, File, Text, Speaker string
			} `json:"variants"`
		} `json:"clusters"`
	}
	if err := json.Unmarshal([]byte(out), &q); code != ExitOK || err != nil || len(q.Clusters) == 0 {
		t.Fatalf("quotes exit %d, %v", code, err)
	}
	if top := q.Clusters[0]; len(top.Variants) < 5 || top.Speaker != "Donald Trump" {
		t.Errorf("top cluster %+v", top)
	}

	code, out, _ = run(t, "--db", db, "claims", "--format", "json")
	var c struct {
		Claims []struct {
			Quantity string  `json:"quantity"`
			Low      float64 `json:"low"`
			High     float64 `json:"high"`
		} `json:"claims"`
		Discrepancies []struct {
			Quantity string `json:"quantity"`
			Values   []struct {
				File string `json:"file"`
			} `json:"values"`
		} `json:"discrepancies"`
	}
	if err := json.Unmarshal([]byte(out), &c); code != ExitOK || err != nil {
		t.Fatalf("claims exit %d, %v", code, err)
	}
	found := false
	for _, d := range c.Discrepancies {
		if d.Quantity == "duration of talks" && len(d.Values) >= 5 {
			found = true
		}
	}
	if !found {
		t.Errorf("no talks-duration discrepancy:\n%s", out)
	}
}

func TestActorEditsSurviveReanalysis(t *testing.T) {
	db := importedCorpus(t)
	actorsJSON := func() map[string]string {
		_, out, _ := run(t, "--db", db, "actors", "--format", "json")
		var doc struct {
			Actors []struct{ ID, Actor string } `json:"actors"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		names := map[string]string{}
		for _, a := range doc.Actors {
			names[a.ID] = a.Actor
		}
		return names
	}
	before := actorsJSON()
	if before["lavrov"] != "Sergei Lavrov" || before["ushakov"] == "" {
		t.Fatalf("actors %v", before)
	}
	steps := [][]string{
		{"actor", "rename", "lavrov", "Sergey Lavrov"},
		{"actor", "merge", "ushakov", "lavrov"},
	}
	for _, s := range steps {
		if code, out, errOut := run(t, append([]string{"--db", db}, s...)...); code != ExitOK {
			t.Fatalf("%v: exit %d %s%s", s, code, out, errOut)
		}
	}
	after := actorsJSON()
	if after["lavrov"] != "Sergey Lavrov" || after["ushakov"] != "" {
		t.Fatalf("after edits: lavrov %q, ushakov %q", after["lavrov"], after["ushakov"])
	}
	if code, _, _ := run(t, "--db", db, "actor", "merge", "nobody", "lavrov"); code != ExitFailed {
		t.Fatalf("merging an unknown actor: exit %d", code)
	}
	if code, out, _ := run(t, "--db", db, "actor", "undo"); code != ExitOK || !strings.Contains(out, "undid merge ushakov into lavrov") {
		t.Fatalf("undo: %d %s", code, out)
	}
	if got := actorsJSON(); got["ushakov"] == "" || got["lavrov"] != "Sergey Lavrov" {
		t.Fatalf("after undo: %v", got)
	}
	if code, _, _ := run(t, "--db", db, "actor", "frobnicate"); code != ExitUsage {
		t.Fatalf("bad edit: exit %d", code)
	}
}

// TestAnalyzeAfterSchemaChange: analysing with another schema re-analyses
// every article with a progress line; the analysis commands then read the
// stored analysis of that schema, and going back re-analyses again.
func TestAnalyzeAfterSchemaChange(t *testing.T) {
	db := importedCorpus(t)
	raw, err := os.ReadFile("../../assets/schemas/summit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	// The same schema under another label: another hash.
	other := filepath.Join(t.TempDir(), "other.yaml")
	text := strings.Replace(string(raw), "label:", "label: renamed", 1)
	if err := os.WriteFile(other, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "--db", db, "analyze", "--schema", other)
	if code != ExitOK || !strings.Contains(errOut, "analysing 5 of 5 articles") || !strings.Contains(out, "up to date: 5 articles") {
		t.Fatalf("analyze: %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut = run(t, "--db", db, "coverage", "--schema", other); code != ExitOK || errOut != "" {
		t.Fatalf("coverage after analyze: %d, stderr %q (want nothing left to analyse)", code, errOut)
	}
	if code, _, errOut = run(t, "--db", db, "coverage"); code != ExitOK || !strings.Contains(errOut, "analysing 5 of 5") {
		t.Fatalf("coverage with the bundled schema again: %d, stderr %q", code, errOut)
	}
	if code, _, errOut = run(t, "--db", db, "analyze", "--schema", filepath.Join(t.TempDir(), "missing.yaml")); code == ExitOK || !strings.Contains(errOut, "missing.yaml") {
		t.Fatalf("missing schema: %d, %q", code, errOut)
	}
}
