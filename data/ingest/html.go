package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsreel/newsreel/timeline"
)

// Limits on HTML pages: beyond them a page is refused rather than parsed.
const (
	maxHTMLDepth = 512     // nesting of elements
	maxHTMLNodes = 300_000 // elements in the page
)

// ParseHTML extracts the article from a saved web page: the main text with
// the go-readability library (Mozilla's Readability algorithm), and the
// title, site name (the source label), author, publication time and
// canonical URL from the page's metadata (OpenGraph, JSON-LD NewsArticle,
// <time>, <link rel=canonical>), falling back on readability's guesses.
func ParseHTML(name string, raw []byte, pageURL string) (timeline.Article, error) {
	if err := checkHTMLShape(raw); err != nil {
		return timeline.Article{}, err
	}
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return timeline.Article{}, fmt.Errorf("HTML: %w", err)
	}
	meta := pageMeta(doc)
	base, _ := url.Parse(firstNonEmpty(meta.canonical, pageURL, "https://example.invalid/"))
	parser := readability.NewParser()
	parser.MaxElemsToParse = maxHTMLNodes
	page, err := parser.ParseDocument(doc, base)
	if err != nil {
		return timeline.Article{}, fmt.Errorf("no article text found in the page: %w", err)
	}
	art := timeline.Article{File: name, Meta: map[string]string{}}
	art.Body = blockText(page.Node)
	if strings.TrimSpace(art.Body) == "" {
		return timeline.Article{}, errors.New("no article text found in the page")
	}
	art.Title = firstNonEmpty(meta.headline, meta.ogTitle, page.Title)
	if art.Title != "" && !strings.HasPrefix(strings.TrimSpace(art.Body), art.Title) {
		art.Body = art.Title + "\n\n" + art.Body // the headline opens the text, as in a .txt
	}
	art.Source = firstNonEmpty(meta.publisher, meta.siteName, page.SiteName, hostLabel(meta.canonical, pageURL), labelFromName(name))
	art.URL = firstNonEmpty(meta.canonical, meta.ogURL, pageURL)
	if byline := firstNonEmpty(meta.author, page.Byline); byline != "" {
		art.Meta["author"] = byline
	}
	for _, v := range []string{meta.published, meta.timeTag} {
		if t, err := ParseTime(v); err == nil && !t.IsZero() {
			art.Published = t
			break
		}
	}
	if art.Published.IsZero() && page.PublishedTime != nil {
		art.Published = *page.PublishedTime
	}
	return art, nil
}

// checkHTMLShape refuses pages nested too deeply or too large to parse
// safely, by a cheap token scan.
func checkHTMLShape(raw []byte) error {
	z := html.NewTokenizer(bytes.NewReader(raw))
	depth, nodes := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil // io.EOF or a parse error the parser will tolerate
		case html.StartTagToken:
			nodes++
			if name, _ := z.TagName(); !voidElement(atom.Lookup(name)) {
				depth++
			}
			if depth > maxHTMLDepth {
				return fmt.Errorf("HTML nested more than %d elements deep; not a news page", maxHTMLDepth)
			}
			if nodes > maxHTMLNodes {
				return fmt.Errorf("HTML has more than %d elements; not a news page", maxHTMLNodes)
			}
		case html.EndTagToken:
			if depth > 0 {
				depth--
			}
		}
	}
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// metadata found in a page's head.
type metadata struct {
	canonical, ogURL, ogTitle, siteName string
	headline, publisher, author         string
	published, timeTag                  string
}

func pageMeta(doc *html.Node) metadata {
	var m metadata
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:url":
					m.ogURL = firstNonEmpty(m.ogURL, val)
				case "og:title", "twitter:title":
					m.ogTitle = firstNonEmpty(m.ogTitle, val)
				case "og:site_name", "application-name":
					m.siteName = firstNonEmpty(m.siteName, val)
				case "article:published_time", "datepublished", "pubdate", "date", "dc.date", "sailthru.date":
					m.published = firstNonEmpty(m.published, val)
				case "author", "article:author":
					m.author = firstNonEmpty(m.author, val)
				}
			case atom.Script:
				if strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil {
					m.jsonLD(n.FirstChild.Data)
				}
			case atom.Time:
				if m.timeTag == "" {
					m.timeTag = attr(n, "datetime")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	return m
}

// jsonLD reads a NewsArticle (or Article) object, alone, in a list or in
// an @graph.
func (m *metadata) jsonLD(text string) {
	var v any
	if json.Unmarshal([]byte(text), &v) != nil {
		return
	}
	var visit func(any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
			typ := fmt.Sprint(x["@type"])
			if !strings.Contains(typ, "Article") && !strings.Contains(typ, "Report") && !strings.Contains(typ, "Posting") {
				return
			}
			m.headline = firstNonEmpty(m.headline, str(x["headline"]))
			m.published = firstNonEmpty(m.published, str(x["datePublished"]))
			m.publisher = firstNonEmpty(m.publisher, nameOf(x["publisher"]))
			m.author = firstNonEmpty(m.author, nameOf(x["author"]))
			if u := str(x["url"]); u != "" && m.canonical == "" {
				m.canonical = u
			}
		}
	}
	visit(v)
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return ""
}

// nameOf reads a schema.org Person or Organization (or a list of them).
func nameOf(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case map[string]any:
		return str(x["name"])
	case []any:
		var names []string
		for _, e := range x {
			if n := nameOf(e); n != "" {
				names = append(names, n)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return strings.TrimSpace(x)
		}
	}
	return ""
}

// hostLabel makes a source label from a URL's host ("www.example.org" ->
// "example.org").
func hostLabel(urls ...string) string {
	for _, u := range urls {
		if p, err := url.Parse(u); err == nil && p.Host != "" {
			return strings.TrimPrefix(p.Hostname(), "www.")
		}
	}
	return ""
}

// blockText renders readability's content as text: one paragraph per
// block element (paragraphs, headings, list items, quotes), separated by
// blank lines, inline elements joined.
func blockText(n *html.Node) string {
	var b strings.Builder
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(t)
		}
		cur.Reset()
	}
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if n == nil || depth > maxHTMLDepth {
			return
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Figure, atom.Figcaption, atom.Nav, atom.Aside, atom.Footer, atom.Form, atom.Button:
				return
			case atom.Br:
				cur.WriteString(" ")
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.DataAtom)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if block {
			flush()
		}
	}
	walk(n, 0)
	flush()
	return b.String()
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Blockquote,
		atom.Section, atom.Article, atom.Header, atom.Pre, atom.Table, atom.Tr, atom.Dd, atom.Dt, atom.Ul, atom.Ol:
		return true
	}
	return false
}
