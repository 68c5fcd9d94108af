package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/newsreel/newsreel/timeline"
)

// ParseFeed reads an RSS or Atom file with gofeed: one article per item,
// its full content when present, else its summary, with the item's link,
// date and the feed's title as the source label.
func ParseFeed(name string, raw []byte) ([]timeline.Article, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	if len(feed.Items) == 0 {
		return nil, errors.New("feed has no items")
	}
	source := firstNonEmpty(feed.Title, hostLabel(feed.Link), labelFromName(name))
	var out []timeline.Article
	for i, it := range feed.Items {
		text := htmlToText(firstNonEmpty(it.Content, it.Description))
		if strings.TrimSpace(text) == "" {
			continue
		}
		if it.Title != "" && !strings.HasPrefix(text, it.Title) {
			text = it.Title + "\n\n" + text
		}
		a := timeline.Article{Source: source, File: fmt.Sprintf("%s#%d", name, i+1), Title: it.Title, URL: it.Link, Body: text, Meta: map[string]string{}}
		if it.PublishedParsed != nil {
			a.Published = withStatedOffset(*it.PublishedParsed, it.Published)
		} else if it.UpdatedParsed != nil {
			a.Published = withStatedOffset(*it.UpdatedParsed, it.Updated)
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			a.Meta["author"] = it.Authors[0].Name
		}
		if it.GUID != "" {
			a.Meta["guid"] = it.GUID
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, errors.New("feed items have no text")
	}
	return out, nil
}

// withStatedOffset returns t (as gofeed parsed it, often in UTC) in the UTC
// offset the raw date states ("Tue, 15 Nov 2022 06:00:00 +0800",
// "2022-11-15T06:00:00+08:00"): the offset says where the publisher is,
// and the clock times of the article are read in it. A date without a
// numeric offset keeps t as it is.
func withStatedOffset(t time.Time, raw string) time.Time {
	m := statedOffsetRe.FindStringSubmatch(strings.TrimSpace(raw))
	if m == nil {
		return t
	}
	h, _ := strconv.Atoi(m[2])
	min, _ := strconv.Atoi(m[3])
	if h > 14 || min > 59 {
		return t
	}
	off := h*3600 + min*60
	if m[1] == "-" {
		off = -off
	}
	if off == 0 {
		return t.UTC()
	}
	return t.In(time.FixedZone("", off))
}

// statedOffsetRe is a numeric UTC offset ending a date: +0800, -05:00.
var statedOffsetRe = regexp.MustCompile(`(?:\d|\s)([+-])(\d{2}):?(\d{2})$`)

// htmlToText turns a fragment of HTML (or plain text) into paragraphs.
func htmlToText(s string) string {
	if !strings.Contains(s, "<") {
		return leftoverEntities(strings.TrimSpace(s))
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return strings.TrimSpace(s)
	}
	return leftoverEntities(blockText(doc))
}

// leftoverEntities decodes the character references left in a feed item's
// text after its HTML was decoded: a feed that escapes its HTML twice
// ("&amp;amp;#8220;") leaves "&#8220;" where a curly quotation mark
// belongs, and its quotations unseen.
func leftoverEntities(s string) string {
	if !strings.Contains(s, "&") || !entityRe.MatchString(s) {
		return s
	}
	return html.UnescapeString(s)
}

// entityRe is an HTML character reference: "&#8220;", "&#x201C;", "&rsquo;".
var entityRe = regexp.MustCompile(`&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});`)
