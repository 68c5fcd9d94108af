package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileCorpus imports a folder of nasty files (the committed ones in
// testdata/hostile plus large ones made here): each gets a clear error or a
// clean result, and the good file among them imports.
func TestHostileCorpus(t *testing.T) {
	dir := t.TempDir()
	entries, err := os.ReadDir("testdata/hostile")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join("testdata/hostile", e.Name()))
		os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644)
	}
	big := map[string]string{
		"one-line-1mb.txt":  strings.Repeat("word ", 200_000) + ".",
		"quotes-100k.txt":   "He said " + strings.Repeat("“", 100_000) + " done.",
		"zip-bomb-ish.html": "<html><body>" + strings.Repeat("<b><i><u>", 150_000) + "</body></html>",
		"good.txt":          "The leaders met on Friday. The talks lasted three hours.",
	}
	for name, body := range big {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	sum := Import(context.Background(), &memorySink{}, []string{dir}, Options{}, nil)
	want := map[string]string{
		"nul-bytes.txt":         "binary file",
		"mixed-encoding.txt":    "not valid UTF-8",
		"broken-frontmatter.md": "front matter",
		"deep-nesting.html":     "nested more than",
		"billion-laughs.rss":    "",
		"truncated-feed.rss":    "",
		"whitespace.txt":        "empty file",
		"zip-bomb-ish.html":     "elements",
		"one-line-1mb.txt":      "",
		"quotes-100k.txt":       "",
		"good.txt":              "",
	}
	seen := map[string]bool{}
	for _, r := range sum.Results {
		name := filepath.Base(r.Path)
		seen[name] = true
		w, listed := want[name]
		switch {
		case !listed:
			t.Errorf("unexpected file %s", name)
		case w != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), w)):
			t.Errorf("%s: err %v, want %q", name, r.Err, w)
		case name == "good.txt" && r.Imported != 1:
			t.Errorf("good.txt not imported: %+v", r)
		}
		if r.Err != nil && !strings.Contains(r.Path, name) {
			t.Errorf("%s: result does not name the file", name)
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("%s: no result", name)
		}
	}
}

// TestLinksOutOfTheFolderAreNotFollowed: a symbolic link inside the chosen
// folder that points elsewhere is skipped unless asked for.
func TestLinksOutOfTheFolderAreNotFollowed(t *testing.T) {
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("Private notes about the summit."), 0o644)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("The leaders met."), 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(outside, filepath.Join(dir, "linked-folder"))
	sum := Import(context.Background(), &memorySink{}, []string{dir}, Options{}, nil)
	if sum.Files != 1 || sum.Imported != 1 {
		t.Fatalf("followed links: %+v", sum)
	}
	sum = Import(context.Background(), &memorySink{}, []string{dir}, Options{FollowLinks: true}, nil)
	if sum.Imported != 2 {
		t.Fatalf("--follow-links: %+v", sum)
	}
}
