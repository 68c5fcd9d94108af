package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseHTMLPage(t *testing.T) {
	arts, err := ParseFile("page.html", readFixture(t, "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Source != "The Lakeside Tribune" || a.Title != "Leaders meet in Geneva as talks end early" ||
		a.URL != "https://tribune.example/world/geneva-summit" || a.Meta["author"] != "Ana Reporter" {
		t.Fatalf("metadata: %+v", a)
	}
	if want := time.Date(2021, 6, 16, 17, 30, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published %v", a.Published)
	}
	for _, keep := range []string{"restricted format", "news conference", "Lawmakers at home"} {
		if !strings.Contains(a.Body, keep) {
			t.Errorf("body lacks %q:\n%s", keep, a.Body)
		}
	}
	for _, drop := range []string{"Advertisement", "Ten things to do", "All rights reserved", "Privacy"} {
		if strings.Contains(a.Body, drop) {
			t.Errorf("body keeps page furniture %q:\n%s", drop, a.Body)
		}
	}
	if strings.Count(a.Body, "\n\n") < 3 {
		t.Errorf("paragraphs lost:\n%s", a.Body)
	}
}

func TestParseFeeds(t *testing.T) {
	rss, err := ParseFile("feed.rss", readFixture(t, "feed.rss"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rss) != 2 || rss[0].Source != "Wire Service World" || rss[0].URL != "https://wire.example/1" || rss[0].File != "feed.rss#1" {
		t.Fatalf("rss %+v", rss)
	}
	if !strings.Contains(rss[0].Body, "red carpet") || !strings.Contains(rss[0].Body, "\n\nThe two leaders shook hands") {
		t.Errorf("rss body %q", rss[0].Body)
	}
	if rss[1].Published.Format(time.RFC3339) != "2025-08-15T23:40:00Z" {
		t.Errorf("rss date %v", rss[1].Published)
	}
	atom, err := ParseFile("feed.atom", readFixture(t, "feed.atom"))
	if err != nil || len(atom) != 1 || atom[0].Source != "Atom Daily" || !strings.Contains(atom[0].Body, "joint news conference") {
		t.Fatalf("atom %+v %v", atom, err)
	}
}

func TestHostileMarkup(t *testing.T) {
	arts, err := ParseFile("laughs.rss", readFixture(t, "laughs.rss"))
	if err == nil {
		for _, a := range arts {
			if len(a.Body) > 10000 {
				t.Fatalf("entities expanded into %d bytes", len(a.Body))
			}
		}
	}
	deep := strings.Repeat("<div>", 5000) + "<p>text</p>" + strings.Repeat("</div>", 5000)
	if _, err := ParseFile("deep.html", []byte(deep)); err == nil || !strings.Contains(err.Error(), "nested") {
		t.Errorf("deep HTML: %v", err)
	}
	wide := "<html><body>" + strings.Repeat("<span>x</span>", 400_000) + "</body></html>"
	if _, err := ParseFile("wide.html", []byte(wide)); err == nil || !strings.Contains(err.Error(), "elements") {
		t.Errorf("huge HTML: %v", err)
	}
	for name, body := range map[string]string{"empty.html": "<html></html>", "broken.rss": "<rss><channel><item>", "junk.xml": "not xml at all"} {
		if _, err := ParseFile(name, []byte(body)); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte("<html><body><p>The leaders met.</p></body></html>"))
	f.Add([]byte("<p><div><p>"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		ParseFile("f.html", raw)
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(`<rss><channel><item><title>a</title><description>b c d.</description></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content>x</content></entry></feed>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		ParseFile("f.rss", raw)
	})
}

func TestImportFeedCountsItems(t *testing.T) {
	sink := &memorySink{}
	sum := Import(t.Context(), sink, []string{"testdata/feed.rss", "testdata/page.html"}, Options{}, nil)
	if sum.Files != 2 || sum.Imported != 3 || sum.Failed != 0 {
		t.Fatalf("summary %+v", sum)
	}
}
