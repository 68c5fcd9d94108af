package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// FetchOptions bound URL import.
type FetchOptions struct {
	Timeout     time.Duration // per request (default 20 s)
	MaxBytes    int64         // per page (default 5 MB)
	Concurrency int           // pages fetched at once (default 4)
	UserAgent   string
	Client      *http.Client // nil: a client with Timeout
}

// DefaultUserAgent names Newsreel to the sites it fetches.
const DefaultUserAgent = "Newsreel/0.1 (offline news-timeline research tool; one request per article)"

func (o FetchOptions) withDefaults() FetchOptions {
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 5 << 20
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 4
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: o.Timeout}
	}
	return o
}

// ReadURLList reads a list of links, one per line ("#" comments and blank
// lines ignored), and checks each is an http(s) URL.
func ReadURLList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{path, cleanOSError(err)}
	}
	defer f.Close()
	var urls []string
	sc := bufio.NewScanner(io.LimitReader(f, MaxFileBytes))
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, &FileError{path, fmt.Errorf("line %d: %q is not an http(s) link", line, s)}
		}
		urls = append(urls, s)
	}
	if err := sc.Err(); err != nil {
		return nil, &FileError{path, err}
	}
	return urls, nil
}

// ImportURLs fetches pages (several at once, each bounded in time and
// size) and imports them through the HTML path, reporting each as a file.
func ImportURLs(ctx context.Context, sink Sink, urls []string, opts Options, fo FetchOptions, progress Progress) Summary {
	fo = fo.withDefaults()
	type fetched struct {
		i    int
		arts []timeline.Article
		err  error
	}
	results := make(chan fetched)
	sem := make(chan struct{}, fo.Concurrency)
	var wg sync.WaitGroup
	for i, u := range urls {
		wg.Add(1)
		go func(i int, u string) {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				results <- fetched{i, nil, ctx.Err()}
				return
			}
			arts, err := fetchArticles(ctx, u, fo)
			<-sem
			results <- fetched{i, arts, err}
		}(i, u)
	}
	go func() { wg.Wait(); close(results) }()
	// The single writer: articles are stored here, one at a time.
	var sum Summary
	for f := range results {
		r := FileResult{Path: urls[f.i], Err: f.err}
		for _, art := range f.arts {
			if opts.Label != "" {
				art.Source = opts.Label
			}
			if opts.Event != nil && art.EventDate.IsZero() {
				art.EventDate, _ = opts.Event.Day()
			}
			r.Source = art.Source
			st, err := sink.ImportArticle(ctx, art)
			if err != nil {
				r.Err = err
			}
			r.record(st, err)
		}
		sum.add(r)
		if progress != nil {
			progress(sum.Files, len(urls), r)
		}
	}
	return sum
}

// fetchArticles gets one URL and parses it as a page or a feed.
func fetchArticles(ctx context.Context, u string, fo FetchOptions) ([]timeline.Article, error) {
	ctx, cancel := context.WithTimeout(ctx, fo.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("bad link: %w", err)
	}
	req.Header.Set("User-Agent", fo.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5")
	resp, err := fo.Client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || strings.Contains(err.Error(), "Timeout") {
			return nil, fmt.Errorf("no answer within %v", fo.Timeout)
		}
		return nil, fmt.Errorf("fetch failed: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("the server answered %s", resp.Status)
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, fo.MaxBytes+1))
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, fmt.Errorf("page not received within %v", fo.Timeout)
		}
		return nil, fmt.Errorf("reading the page: %w", err)
	}
	if int64(len(raw)) > fo.MaxBytes {
		return nil, fmt.Errorf("page larger than %d MB; not a news article", fo.MaxBytes>>20)
	}
	if _, err := checkText(raw); err != nil {
		return nil, err
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	name := pageName(resp.Request.URL)
	if strings.Contains(ct, "xml") && !strings.Contains(ct, "xhtml") {
		return ParseFeed(name, raw)
	}
	art, err := ParseHTML(name, raw, resp.Request.URL.String())
	if err != nil {
		return nil, err
	}
	return []timeline.Article{art}, nil
}

// pageName is a file-like name for a fetched page: host and path.
func pageName(u *url.URL) string {
	name := u.Host + strings.TrimSuffix(u.Path, "/")
	if len(name) > 120 {
		name = name[:120]
	}
	return name
}
