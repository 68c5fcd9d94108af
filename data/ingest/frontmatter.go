package ingest

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/newsreel/newsreel/timeline"
)

// FrontMatter holds the YAML header of a Markdown article.
type FrontMatter map[string]any

// SplitFrontMatter separates a leading "---" YAML block from the Markdown
// body. Text without one has empty front matter.
func SplitFrontMatter(text string) (FrontMatter, string, error) {
	first, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimRight(first, " \t\r") != "---" {
		return FrontMatter{}, text, nil
	}
	// Find the closing line; end is where it starts, pos where the body does.
	end, pos := -1, 0
	for pos < len(rest) {
		line, _, more := strings.Cut(rest[pos:], "\n")
		next := pos + len(line)
		if more {
			next++
		}
		if t := strings.TrimRight(line, " \t\r"); t == "---" || t == "..." {
			end, pos = pos, next
			break
		}
		pos = next
	}
	if end < 0 {
		return nil, "", errors.New("front matter: opening --- has no closing --- line")
	}
	fm := FrontMatter{}
	if err := yaml.Unmarshal([]byte(rest[:end]), &fm); err != nil {
		return nil, "", fmt.Errorf("front matter: %s (line numbers count from the line after the opening ---)", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if fm == nil {
		fm = FrontMatter{}
	}
	return fm, rest[pos:], nil
}

// apply copies the known keys into art and keeps the others as metadata.
func (fm FrontMatter) apply(art *timeline.Article) error {
	keys := make([]string, 0, len(fm))
	for k := range fm {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := fm[k]
		s := scalarString(v)
		switch strings.ToLower(k) {
		case "source", "outlet", "publisher", "site":
			if s != "" && (art.Source == "" || strings.EqualFold(k, "source") || art.Source == labelFromName(art.File)) {
				art.Source = s
			}
		case "title", "headline":
			art.Title = s
		case "url", "link", "canonical":
			art.URL = s
		case "dateline":
			art.Dateline = s
		case "published", "date", "pubdate":
			t, err := ParseTime(v)
			if err != nil {
				return fmt.Errorf("front matter: %s: %w", k, err)
			}
			art.Published = t
		default:
			if art.Meta == nil {
				art.Meta = map[string]string{}
			}
			art.Meta[k] = s
		}
	}
	return nil
}

// scalarString renders a YAML value as text; lists and maps become YAML.
func scalarString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(x)
	case time.Time:
		return x.Format(time.RFC3339)
	case fmt.Stringer:
		return x.String()
	case int, int64, float64, bool:
		return fmt.Sprint(x)
	}
	out, err := yaml.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSpace(string(out))
}

var timeLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04",
	"2006-01-02", time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700",
	"January 2, 2006 15:04", "January 2, 2006 3:04 PM", "January 2, 2006 3:04 pm", "January 2, 2006", "Jan 2, 2006",
	"Monday, January 2, 2006", "Monday, 2 January 2006", "2 January 2006 15:04", "2 January 2006", "02 Jan 2006", "2 Jan 2006",
	"2006/01/02",
}

// ParseTime reads a date or time in the common layouts of front matter and
// feeds.
func ParseTime(v any) (time.Time, error) {
	switch x := v.(type) {
	case time.Time:
		return x, nil
	case nil:
		return time.Time{}, nil
	}
	s := strings.TrimSpace(scalarString(v))
	if s == "" {
		return time.Time{}, nil
	}
	// A stamp with trailing words ("2025-08-16 10:21:45 (Beijing Time)",
	// "August 15, 2025 9:40 PM AKDT") is read up to the words: the layouts
	// are tried on the whole text, then without its last word, up to four
	// words off.
	// When the words cut off name a time zone the engine knows ("AKDT",
	// "(Moscow time)"), the clock is read in that zone.
	rest := s
	for cut := 0; cut <= 4 && rest != ""; cut++ {
		for _, layout := range timeLayouts {
			if t, err := time.Parse(layout, rest); err == nil {
				if cut > 0 && t.Location() == time.UTC {
					if loc, ok := timeline.ZoneNamed(s[len(rest):]); ok {
						t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
					}
				}
				return t, nil
			}
		}
		i := strings.LastIndexAny(rest, " \t")
		if i < 0 {
			break
		}
		rest = strings.TrimRight(rest[:i], " \t,;-–(")
	}
	return time.Time{}, fmt.Errorf("cannot read %q as a date (use 2006-01-02 or RFC 3339)", s)
}
