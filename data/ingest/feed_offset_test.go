package ingest

import (
	"os"
	"testing"
	"time"
)

// A feed item keeps the UTC offset its date states: gofeed gives the
// parsed time in UTC, and the article's clock times are read in the
// offset of its publication.
func TestFeedKeepsStatedOffset(t *testing.T) {
	raw, err := os.ReadFile("../../timeline/testdata/heldout3/bali.rss")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := ParseFeed("bali.rss", raw)
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	p := arts[0].Published
	if _, off := p.Zone(); off != 8*3600 {
		t.Errorf("published %v: offset %d s, want +08:00", p, off)
	}
	if want := time.Date(2022, 11, 14, 22, 0, 0, 0, time.UTC); !p.Equal(want) {
		t.Errorf("published %v, want the instant %v", p, want)
	}
}

func TestWithStatedOffset(t *testing.T) {
	at := time.Date(2022, 11, 14, 22, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		raw  string
		off  int
		name string
	}{
		{"Tue, 15 Nov 2022 06:00:00 +0800", 8 * 3600, ""},
		{"2022-11-15T06:00:00+08:00", 8 * 3600, ""},
		{"Mon, 14 Nov 2022 17:00:00 -0500", -5 * 3600, ""},
		{"2022-11-14T17:00:00-05:00", -5 * 3600, ""},
		{"2022-11-15T03:30:00+05:30", 5*3600 + 1800, ""},
		{"Mon, 14 Nov 2022 22:00:00 GMT", 0, "UTC"},
		{"Mon, 14 Nov 2022 22:00:00 +0000", 0, "UTC"},
		{"2022-11-14T22:00:00Z", 0, "UTC"},
		{"", 0, "UTC"},
	} {
		got := withStatedOffset(at, tc.raw)
		name, off := got.Zone()
		if off != tc.off || !got.Equal(at) || tc.name != "" && name != tc.name {
			t.Errorf("%q: %v (zone %q %d), want offset %d", tc.raw, got, name, off, tc.off)
		}
	}
}
