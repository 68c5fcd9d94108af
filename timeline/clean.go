package timeline

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// BoilerplateRule recognises one kind of non-article line: navigation,
// promotion, comment widgets, social-media credits and the like.
type BoilerplateRule struct {
	Name    string
	Pattern *regexp.Regexp
}

// DefaultBoilerplate lists the line patterns stripped from every article.
// They describe web page furniture, not any event, so they live here rather
// than in an event schema; a schema can add more with its own
// "boilerplate" list.
var DefaultBoilerplate = []BoilerplateRule{
	{"read-also", regexp.MustCompile(`(?i)^\s*(also read|read also|read more|see also|related|recommended|must read|don'?t miss|trending)\s*[:|-]`)},
	{"also-visit", regexp.MustCompile(`(?i)^\s*(also visit|advertisement|sponsored( content)?|story continues below|scroll to continue|continue reading)\s*[.:]?\s*$`)},
	{"comments", regexp.MustCompile(`(?i)^\s*(comments?\s*\(\d+\)|add (a )?comment|leave a (comment|reply)|\d+\s+comments?|post a comment|view comments)\s*$`)},
	{"share", regexp.MustCompile(`(?i)^\s*(share( this( article| story)?)?( on)?|follow us( on)?|subscribe( now| to)?|sign up( for)?|newsletter|click here|tap here|download (the|our) app)\b.{0,60}$`)},
	{"hashtags", regexp.MustCompile(`^\s*(#[\p{L}\p{N}_]+[\s,]*){2,}$`)},
	{"agency-inputs", regexp.MustCompile(`(?i)^\s*\(?\s*(with|from)\s+(agency\s+)?inputs?\b[^)]{0,60}\)?\.?\s*\)?\s*$`)},
	{"social-credit", regexp.MustCompile(`(?i)^\s*[—–-]+\s*[^()\n]{1,80}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$`)},
	{"pic-link", regexp.MustCompile(`(?i)^\s*(pic\.twitter\.com/\S+|https?://t\.co/\S+)\s*$`)},
	{"copyright", regexp.MustCompile(`(?i)^\s*(©|copyright\b|all rights reserved)`)},
	{"photo-credit", regexp.MustCompile(`(?i)^\s*(photo|image|video|file photo|picture)\s*(credit)?\s*:\s*\S.{0,80}$`)},
}

// StrippedLine is a line the cleaner removed, with the rule that matched.
type StrippedLine struct {
	Start, End int    // byte offsets of the line in the body
	Text       string // the line
	Rule       string // the rule's name
}

// line is a span of the body without its line terminator.
type line struct{ start, end int }

// splitLines cuts body into lines, keeping byte offsets.
func splitLines(body string) []line {
	lines := make([]line, 0, strings.Count(body, "\n")+1)
	start := 0
	for i := 0; i < len(body); i++ {
		if body[i] == '\n' {
			end := i
			if end > start && body[end-1] == '\r' {
				end--
			}
			lines = append(lines, line{start, end})
			start = i + 1
		}
	}
	if start < len(body) {
		lines = append(lines, line{start, len(body)})
	}
	return lines
}

// matchBoilerplate returns the name of the first rule matching text, or "".
func matchBoilerplate(text string, rules []BoilerplateRule) string {
	t := strings.TrimSpace(text)
	if t == "" || len(t) > 300 {
		return ""
	}
	// Running prose (a sentence end after many words) is never furniture;
	// skipping it spares the regular expressions most lines.
	if len(t) > 80 && endsSentence(t) && CountWords(t) > 12 {
		return ""
	}
	// Inline social credits and picture links end an embedded post.
	if strings.Contains(t, "pic.twitter.com/") && len(t) < 200 {
		return "pic-link"
	}
	for _, r := range rules {
		if r.Pattern.MatchString(t) {
			return r.Name
		}
	}
	return ""
}

// isBlank reports whether s holds only white space.
func isBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// CountWords counts runs of letters or digits in s (apostrophes and hyphens
// inside a word do not split it).
func CountWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r < utf8.RuneSelf && r != '\'' && r != '-' {
			// ASCII: letters and digits go on or start a word, the rest
			// (but the joiners) ends it.
			i++
			if isASCIIWordByte(byte(r)) {
				if !in {
					n++
					in = true
				}
			} else {
				in = false
			}
			continue
		}
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		if isLetterOrDigit(r) {
			if !in {
				n++
				in = true
			}
			continue
		}
		if in && (r == '\'' || r == '’' || r == '-') && i < len(s) {
			next, _ := utf8.DecodeRuneInString(s[i:])
			if isLetterOrDigit(next) {
				continue
			}
		}
		in = false
	}
	return n
}
