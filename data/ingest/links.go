package ingest

import (
	"net/url"
	"strings"
	"unicode"
)

// FindLinks returns the http(s) links in text, in order and once each: a
// list of links one per line, or links pasted among other words ("see
// <https://…>", "(https://…)."). Punctuation around a link is not part of
// it, except a closing bracket that closes one inside the link.
func FindLinks(text string) []string {
	var links []string
	seen := map[string]bool{}
	for _, field := range strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`<>"“”‘’«»`, r)
	}) {
		i := strings.Index(strings.ToLower(field), "http")
		for i >= 0 {
			rest := field[i:]
			if l := strings.ToLower(rest); strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
				break
			}
			j := strings.Index(strings.ToLower(rest[1:]), "http")
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 {
			continue
		}
		link := trimLinkEnd(field[i:])
		u, err := url.Parse(link)
		if err != nil || u.Host == "" || seen[link] {
			continue
		}
		seen[link] = true
		links = append(links, link)
	}
	return links
}

// trimLinkEnd drops sentence punctuation after a link, and closing
// brackets that have no opening one inside it.
func trimLinkEnd(s string) string {
	for s != "" {
		last := s[len(s)-1]
		switch {
		case strings.IndexByte(".,;:!?'", last) >= 0:
			s = s[:len(s)-1]
		case last == ')' && strings.Count(s, "(") < strings.Count(s, ")"),
			last == ']' && strings.Count(s, "[") < strings.Count(s, "]"),
			last == '}' && strings.Count(s, "{") < strings.Count(s, "}"):
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}
