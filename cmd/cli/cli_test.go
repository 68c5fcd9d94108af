package cli

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const corpusDir = "../../assets/corpus/alaska-2025"

// run runs the command line and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(Env{Stdout: &out, Stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

func TestImportThenSourcesCSV(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, out, errOut := run(t, "--db", db, "import", corpusDir)
	if code != ExitOK {
		t.Fatalf("import exit %d\n%s%s", code, out, errOut)
	}
	if !strings.Contains(out, "5 files: 5 imported, 0 already stored, 0 failed") {
		t.Fatalf("import output:\n%s", out)
	}
	code, out, _ = run(t, "--db", db, "sources", "--format", "csv")
	if code != ExitOK {
		t.Fatalf("sources exit %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || strings.Join(rows[0], ",") != "source,articles,sentences" {
		t.Fatalf("sources csv:\n%s", out)
	}
	labels := map[string]bool{}
	for _, r := range rows[1:] {
		labels[r[0]] = true
		if r[1] != "1" || r[2] == "0" {
			t.Errorf("row %v", r)
		}
	}
	if !labels["Wire-style report"] {
		t.Errorf("labels from event.yaml missing: %v", labels)
	}
	// Importing again adds nothing.
	code, out, _ = run(t, "import", "--db", db, corpusDir)
	if code != ExitOK || !strings.Contains(out, "0 imported, 5 already stored") {
		t.Fatalf("re-import exit %d:\n%s", code, out)
	}
	_, again, _ := run(t, "--db", db, "sources", "--format", "csv")
	if again != rows2csv(rows) {
		t.Fatalf("sources changed after re-import:\n%s", again)
	}
}

func rows2csv(rows [][]string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.String()
}

func TestImportPartialFailureExitsOne(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("The talks lasted three hours."), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte{0, 1, 2, 3}, 0o644)
	db := filepath.Join(t.TempDir(), "x.db")
	code, out, errOut := run(t, "--db", db, "import", dir, filepath.Join(dir, "nope.txt"))
	if code != ExitFailed {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(errOut, "bad.txt: binary file") || !strings.Contains(errOut, "nope.txt: no such file") {
		t.Fatalf("stderr:\n%s", errOut)
	}
	if !strings.Contains(out, "1 imported") {
		t.Fatalf("stdout:\n%s", out)
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"--db", db, "import"},
		{"--db", db, "frobnicate"},
		{"--db", db, "sources", "--format", "xml"},
		{"--db", db, "search"},
		{"--no-such-flag"},
		{"--db", db, "import", "--event-date", "15/08/2025", "x"},
	} {
		if code, _, _ := run(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

func TestHelpOnEveryCommand(t *testing.T) {
	code, out, _ := run(t, "--help")
	if code != ExitOK || !strings.Contains(out, "--db PATH") {
		t.Fatalf("--help exit %d:\n%s", code, out)
	}
	for _, c := range commands {
		code, out, _ := run(t, c.name, "--help")
		if code != ExitOK || !strings.Contains(out, "Usage: newsreel "+c.name) || !strings.Contains(out, "--db") {
			t.Errorf("%s --help exit %d:\n%s", c.name, code, out)
		}
	}
}

func TestSearchOddInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	run(t, "--db", db, "import", corpusDir)
	for _, q := range []string{`"`, `(`, `NEAR(x`, `AND OR NOT`, `*`, `moscow"`, `'; DROP TABLE sentences; --`} {
		code, _, errOut := run(t, "--db", db, "search", q)
		if code != ExitOK || errOut != "" {
			t.Errorf("search %q: exit %d, stderr %q", q, code, errOut)
		}
	}
	code, out, _ := run(t, "--db", db, "search", "--format", "csv", "next", "time", "moscow")
	if code != ExitOK || strings.Count(out, "\n") < 4 {
		t.Fatalf("search csv:\n%s", out)
	}
}

func TestBadDatabaseIsNamed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(path, bytes.Repeat([]byte("not sqlite "), 500), 0o644)
	code, _, errOut := run(t, "--db", path, "sources")
	if code != ExitFailed || !strings.Contains(errOut, path) {
		t.Fatalf("exit %d stderr %q", code, errOut)
	}
}

func TestVersionMatchesFyneAppToml(t *testing.T) {
	raw, err := os.ReadFile("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if string(m[1]) != Version {
		t.Fatalf("FyneApp.toml version %s, binary %s", m[1], Version)
	}
	_, out, _ := run(t, "--version")
	if out != "newsreel "+Version+"\n" {
		t.Fatalf("--version printed %q", out)
	}
}

func TestImportURLsFromLocalServer(t *testing.T) {
	page, err := os.ReadFile("../../data/ingest/testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/story" {
			w.Header().Set("Content-Type", "text/html")
			w.Write(page)
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	list := filepath.Join(t.TempDir(), "urls.txt")
	os.WriteFile(list, []byte(srv.URL+"/story\n"+srv.URL+"/gone\n"), 0o644)
	db := filepath.Join(t.TempDir(), "x.db")
	code, out, errOut := run(t, "--db", db, "import", "--urls", list)
	if code != ExitFailed || !strings.Contains(out, "The Lakeside Tribune") || !strings.Contains(errOut, "404") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
}
