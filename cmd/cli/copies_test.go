package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCopiesAreListedAndCountOnceInCharts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if code, out, errOut := run(t, "--db", db, "import", corpusDir); code != ExitOK {
		t.Fatalf("import: %s%s", out, errOut)
	}
	// Another outlet reprints the first bundled article under its own
	// headline, without the last paragraph.
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	raw, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(raw)), "\n\n")
	reprint := filepath.Join(dir, "reprint.txt")
	os.WriteFile(reprint, []byte("Our own headline\n\n"+strings.Join(paras[1:len(paras)-1], "\n\n")), 0o644)
	code, out, errOut := run(t, "--db", db, "import", "--label", "Reprinter", reprint)
	if code != ExitOK || !strings.Contains(out, "1 wire copy of ") || !strings.Contains(out, "1 imported (1 wire copy linked to originals)") {
		t.Fatalf("import of a reprint (exit %d):\n%s%s", code, out, errOut)
	}
	code, out, _ = run(t, "--db", db, "copies", "--format", "json")
	var got struct {
		Copies []struct {
			Source, File, OriginalSource, OriginalFile string
			Similarity                                 float64
		} `json:"copies"`
	}
	if code != ExitOK || json.Unmarshal([]byte(strings.ReplaceAll(out, "original_", "original")), &got) != nil || len(got.Copies) != 1 {
		t.Fatalf("copies (exit %d):\n%s", code, out)
	}
	if c := got.Copies[0]; c.Source != "Reprinter" || c.File != "reprint.txt" || c.OriginalFile != filepath.Base(files[0]) || c.Similarity < 0.8 {
		t.Fatalf("copy %+v", c)
	}
	// The coverage chart leaves the copy out unless asked.
	for _, count := range []bool{false, true} {
		svg := filepath.Join(dir, "coverage.svg")
		args := []string{"--db", db, "export", "chart", "coverage", "--out", svg}
		if count {
			args = append(args, "--count-copies")
		}
		if code, out, errOut := run(t, args...); code != ExitOK {
			t.Fatalf("export: %s%s", out, errOut)
		}
		b, _ := os.ReadFile(svg)
		if note := strings.Contains(string(b), "Wire copies (1) count once"); note == count {
			t.Errorf("count-copies=%v: chart note present=%v", count, note)
		}
	}
}
