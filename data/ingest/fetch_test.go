package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestImportURLsFromALocalServer(t *testing.T) {
	page := readFixture(t, "page.html")
	feed := readFixture(t, "feed.rss")
	var mu sync.Mutex
	var agents []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		switch r.URL.Path {
		case "/page":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page)
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(feed)
		case "/slow":
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		case "/huge":
			w.Header().Set("Content-Type", "text/html")
			chunk := []byte(strings.Repeat("<p>word word word</p>", 1000))
			for i := 0; i < 400; i++ {
				if _, err := w.Write(chunk); err != nil {
					return
				}
			}
		case "/garbage":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte{0x00, 0xff, 0x13, 0x37, 0x00, 0x01})
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	urls := []string{srv.URL + "/page", srv.URL + "/feed", srv.URL + "/slow", srv.URL + "/huge", srv.URL + "/garbage", srv.URL + "/missing"}
	sink := &memorySink{}
	var calls int
	sum := ImportURLs(context.Background(), sink, urls, Options{}, FetchOptions{Timeout: 500 * time.Millisecond, MaxBytes: 1 << 20, Concurrency: 2}, func(done, total int, r FileResult) {
		calls++
		if total != len(urls) {
			t.Errorf("total %d", total)
		}
	})
	if calls != len(urls) || sum.Imported != 3 || sum.Failed != 4 {
		for _, r := range sum.Results {
			t.Logf("%s: %+v", r.Path, r)
		}
		t.Fatalf("summary %+v", sum)
	}
	want := map[string]string{"/slow": "within", "/huge": "larger than 1 MB", "/garbage": "binary", "/missing": "404"}
	for _, r := range sum.Results {
		for suffix, msg := range want {
			if strings.HasSuffix(r.Path, suffix) && (r.Err == nil || !strings.Contains(r.Err.Error(), msg)) {
				t.Errorf("%s: err %v, want %q", suffix, r.Err, msg)
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for _, a := range agents {
		if a != DefaultUserAgent {
			t.Errorf("user agent %q", a)
		}
	}
}

func TestReadURLList(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "urls.txt")
	os.WriteFile(good, []byte("# links\nhttps://a.example/1\n\nhttp://b.example/2\n"), 0o644)
	urls, err := ReadURLList(good)
	if err != nil || len(urls) != 2 {
		t.Fatalf("%v %v", urls, err)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("https://a.example/1\nftp://nope\n"), 0o644)
	if _, err := ReadURLList(bad); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("err %v", err)
	}
}
