package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

func TestParseFrontMatter(t *testing.T) {
	md := "---\nsource: Example Wire\ntitle: Leaders meet\nurl: https://example.org/a\npublished: 2025-08-16T02:30:00Z\ndateline: ANCHORAGE, Alaska\nauthor: Jane Doe\ntags: [summit, alaska]\n---\nThe leaders met.\n"
	art, err := Parse("a.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2025, 8, 16, 2, 30, 0, 0, time.UTC)
	if art.Source != "Example Wire" || art.Title != "Leaders meet" || art.URL != "https://example.org/a" ||
		art.Dateline != "ANCHORAGE, Alaska" || !art.Published.Equal(want) || art.Body != "The leaders met.\n" {
		t.Fatalf("article = %+v", art)
	}
	if art.Meta["author"] != "Jane Doe" || !strings.Contains(art.Meta["tags"], "summit") {
		t.Fatalf("unknown keys not kept: %+v", art.Meta)
	}
}

func TestParseVariants(t *testing.T) {
	tests := []struct {
		name, file, text string
		source, body     string
	}{
		{"txt label from name", "000_abc.txt", "Body text.", "000_abc", "Body text."},
		{"md without front matter", "x.md", "Just text.", "x", "Just text."},
		{"bom", "b.txt", "\xef\xbb\xbfText after a BOM.", "b", "Text after a BOM."},
		{"date only", "d.md", "---\npublished: 2025-08-15\n---\nText.", "d", "Text."},
		{"crlf", "c.md", "---\r\nsource: CR\r\n---\r\nText.", "CR", "Text."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art, err := Parse(tt.file, []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if art.Source != tt.source || art.Body != tt.body {
				t.Fatalf("source %q body %q", art.Source, art.Body)
			}
		})
	}
}

func TestParseRejectsBadInput(t *testing.T) {
	tests := []struct {
		name, file string
		raw        []byte
		want       string
	}{
		{"empty", "e.txt", nil, "empty file"},
		{"white space", "w.txt", []byte(" \n\t\n"), "empty file"},
		{"binary", "b.txt", []byte("PK\x03\x04\x00\x00binary"), "binary file"},
		{"invalid utf8", "l.txt", []byte("Caf\xe9 au lait.\nMore."), "not valid UTF-8 (first bad byte at offset 3, line 1)"},
		{"utf16", "u.txt", []byte("\xff\xfeT\x00e\x00"), "UTF-16"},
		{"bad yaml", "y.md", []byte("---\ntitle: [unclosed\n---\nText."), "front matter"},
		{"unclosed front matter", "u.md", []byte("---\ntitle: x\nText."), "no closing ---"},
		{"bad date", "d.md", []byte("---\npublished: yesterday\n---\nText."), "cannot read \"yesterday\" as a date"},
		{"only front matter", "o.md", []byte("---\ntitle: x\n---\n\n"), "no article text"},
		{"unsupported", "x.pdf", []byte("%PDF-1.4 text"), "unsupported file type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, tt.raw)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// memorySink stores articles in memory, with the same duplicate rule as the
// database (same body = same article).
type memorySink struct{ bodies map[string]timeline.Article }

func (m *memorySink) ImportArticle(_ context.Context, art timeline.Article) (Stored, error) {
	if m.bodies == nil {
		m.bodies = map[string]timeline.Article{}
	}
	if _, ok := m.bodies[art.Body]; ok {
		return Stored{Duplicate: true}, nil
	}
	m.bodies[art.Body] = art
	return Stored{Sentences: 1}, nil
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestImportBatchReportsEachBadFileAndImportsTheRest(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "good1.txt"), []byte("The leaders met on Friday."))
	write(t, filepath.Join(dir, "sub", "good2.md"), []byte("---\nsource: Wire\n---\nThey talked for hours."))
	write(t, filepath.Join(dir, "empty.txt"), nil)
	write(t, filepath.Join(dir, "binary.txt"), []byte("\x00\x01\x02\x03"))
	write(t, filepath.Join(dir, "latin1.txt"), []byte("Caf\xe9"))
	write(t, filepath.Join(dir, "broken.md"), []byte("---\n: : :\n  - [\n---\nText."))
	write(t, filepath.Join(dir, ".hidden.txt"), []byte("Hidden text."))
	write(t, filepath.Join(dir, "notes.pdf"), []byte("ignored in folders"))
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // a sparse 200 MB file
		t.Fatal(err)
	}
	f.Close()
	missing := filepath.Join(dir, "missing.txt")

	sink := &memorySink{}
	var calls int
	sum := Import(context.Background(), sink, []string{dir, missing}, Options{}, func(done, total int, r FileResult) {
		calls++
		if done != calls || total != 8 {
			t.Errorf("progress %d/%d after %d calls", done, total, calls)
		}
	})
	if sum.Files != 8 || sum.Imported != 2 || sum.Failed != 6 {
		for _, r := range sum.Results {
			t.Logf("%s: %v", r.Path, r.Err)
		}
		t.Fatalf("summary %+v", sum)
	}
	wantErr := map[string]string{
		"empty.txt": "empty file", "binary.txt": "binary file", "latin1.txt": "UTF-8",
		"broken.md": "front matter", "huge.txt": "file too large", "missing.txt": "no such file",
	}
	for _, r := range sum.Results {
		base := filepath.Base(r.Path)
		if want, bad := wantErr[base]; bad {
			if r.Err == nil || !strings.Contains(r.Err.Error(), want) {
				t.Errorf("%s: err %v, want %q", base, r.Err, want)
			}
		} else if r.Err != nil {
			t.Errorf("%s: unexpected error %v", base, r.Err)
		}
	}
	// Importing again stores nothing new.
	again := Import(context.Background(), sink, []string{dir}, Options{}, nil)
	if again.Imported != 0 || again.Duplicates != 2 {
		t.Fatalf("second import %+v", again)
	}
}

func TestImportUsesEventFile(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, EventFileName), []byte("name: Test summit\ndate: 2021-06-16\ntimezone: Europe/Zurich\nsources:\n  a.txt: Readable Label\n"))
	write(t, filepath.Join(dir, "a.txt"), []byte("The presidents met in Geneva."))
	sink := &memorySink{}
	sum := Import(context.Background(), sink, []string{dir}, Options{}, nil)
	if sum.Imported != 1 || sum.Failed != 0 {
		t.Fatalf("summary %+v", sum)
	}
	art := sink.bodies["The presidents met in Geneva."]
	if art.Source != "Readable Label" {
		t.Errorf("source %q", art.Source)
	}
	if art.EventDate.Format(time.RFC3339) != "2021-06-16T00:00:00+02:00" {
		t.Errorf("event date %v", art.EventDate)
	}
}

func TestBadEventFileIsReportedAndArticlesStillImport(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, EventFileName), []byte("date: 16 June\n"))
	write(t, filepath.Join(dir, "a.txt"), []byte("Text of the article."))
	sum := Import(context.Background(), &memorySink{}, []string{dir}, Options{}, nil)
	if sum.Imported != 1 || sum.Failed != 1 || !strings.Contains(sum.Results[0].Err.Error(), "2006-01-02") {
		t.Fatalf("summary %+v", sum)
	}
}

func TestImportCancelled(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), []byte("Text."))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sum := Import(ctx, &memorySink{}, []string{dir}, Options{}, nil)
	if sum.Imported != 0 || sum.Failed != 1 || !errors.Is(sum.Results[0].Err, context.Canceled) {
		t.Fatalf("summary %+v", sum)
	}
}

func FuzzParseMarkdown(f *testing.F) {
	for _, s := range []string{"---\ntitle: x\n---\nBody.", "---\n---\n", "---\n: [\n---\n", "no front matter", "---\r\npublished: 2025-01-01\r\n...\r\nx"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		art, err := Parse("f.md", raw)
		if err == nil && strings.TrimSpace(art.Body) == "" {
			t.Fatal("accepted an article without text")
		}
	})
}
