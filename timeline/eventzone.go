package timeline

import (
	"regexp"
	"strings"
	"time"
)

// An article's own event zone, when neither the schema nor an event file
// gives one: the zone of the place its dateline names ("ANCHORAGE, Alaska
// —", "**ANCHORAGE, August 16.**"), or the zone a live blog keeps its
// stamps in ("All times Alaska Daylight Time (AKDT)") when that zone is the
// one of a place the article reports from ("meet in Alaska").

// placeZones are places whose zone a dateline or stamp settles.
var placeZones = map[string]string{
	"anchorage": "America/Anchorage", "alaska": "America/Anchorage", "juneau": "America/Anchorage",
	"honolulu": "Pacific/Honolulu", "hawaii": "Pacific/Honolulu",
	"washington": "America/New_York", "new york": "America/New_York",
	"los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles", "woodside": "America/Los_Angeles",
	"london": "Europe/London", "paris": "Europe/Paris", "berlin": "Europe/Berlin", "brussels": "Europe/Brussels",
	"geneva": "Europe/Zurich", "helsinki": "Europe/Helsinki", "moscow": "Europe/Moscow", "vienna": "Europe/Vienna",
	"reykjavik": "Atlantic/Reykjavik", "singapore": "Asia/Singapore", "hanoi": "Asia/Ho_Chi_Minh", "beijing": "Asia/Shanghai",
	"busan": "Asia/Seoul", "seoul": "Asia/Seoul", "gyeongju": "Asia/Seoul", "tokyo": "Asia/Tokyo", "osaka": "Asia/Tokyo",
	"bali": "Asia/Makassar", "nusa dua": "Asia/Makassar", "kuala lumpur": "Asia/Kuala_Lumpur", "bangkok": "Asia/Bangkok",
}

var (
	// "ANCHORAGE, Alaska (AP) —", "**ANCHORAGE, August 16. /Agency/.**",
	// "BUSAN, Oct. 30 (Yonhap) --": a dateline's place in capitals.
	datelineRe = regexp.MustCompile(`^[*_\s]*([A-Z][A-Z .'-]*[A-Z])\s*[,(—–-]`)
	// "All times Alaska Daylight Time (AKDT)", "All times are BST".
	allTimesRe = regexp.MustCompile(`(?i)\ball times(?: are| in)?\s+(?:[A-Z][a-z]+ ){0,3}\(?(` + zonePattern + `)\)?`)
)

// articleZone returns the zone of the article's own event place, from its
// dateline or a stamp zone whose place it names.
func articleZone(a AnalyzedArticle) (*time.Location, bool) {
	seen := 0
	for _, sent := range a.Sentences {
		if sent.Heading {
			continue
		}
		if seen++; seen > 2 {
			break
		}
		if m := datelineRe.FindStringSubmatch(sent.Text); m != nil {
			if name, ok := placeZones[strings.ToLower(m[1])]; ok && reportsFrom(a, name) {
				if l, err := time.LoadLocation(name); err == nil {
					return l, true
				}
			}
		}
	}
	for si := range a.Sentences {
		sent := &a.Sentences[si]
		// Its words first, then the text, before the expression (slow).
		if !mayHoldAllTimes(sent.Text, sent.words()) || !containsFoldASCII(sent.Text, "all times") {
			continue
		}
		m := allTimesRe.FindStringSubmatch(sent.Text)
		if m == nil {
			continue
		}
		name, ok := zoneLocations[strings.ToLower(m[1])]
		if !ok || name == "UTC" {
			return nil, false
		}
		// The zone is the event's when the article reports from one of
		// its places.
		for _, s2 := range a.Sentences {
			low := strings.ToLower(s2.Text)
			for place, zone := range placeZones {
				if zone == name && (strings.Contains(low, " in "+place) || strings.Contains(low, " at "+place)) {
					if l, err := time.LoadLocation(name); err == nil {
						return l, true
					}
				}
			}
		}
		return nil, false
	}
	return nil, false
}

// reportsFrom reports whether the article places its events in the zone
// at least as often as in any other ("in Anchorage", "at Busan"): a
// dateline is where the reporter files from, which need not be the event.
func reportsFrom(a AnalyzedArticle, zone string) bool {
	counts := map[string]int{}
	for _, sent := range a.Sentences {
		low := strings.ToLower(sent.Text)
		for place, z := range placeZones {
			counts[z] += strings.Count(low, " in "+place) + strings.Count(low, " at "+place)
		}
	}
	for z, n := range counts {
		if z != zone && n > counts[zone] {
			return false
		}
	}
	return counts[zone] > 0
}

// mayHoldAllTimes reports whether text, whose tokens are toks, may hold
// "all times" in any case: a word ending in "all", one space, and a word
// starting with "times".
func mayHoldAllTimes(text string, toks []token) bool {
	for k := 1; k < len(toks); k++ {
		if strings.HasPrefix(toks[k].text, "times") && strings.HasSuffix(toks[k-1].text, "all") && text[toks[k-1].end:toks[k].start] == " " {
			return true
		}
	}
	return false
}

// containsFoldASCII reports whether s holds sub, ASCII letters compared
// without case (sub in lower case), without allocating. It looks for the
// rarest letter of sub (in either case) with strings.IndexByte and
// compares sub around each one found.
func containsFoldASCII(s, sub string) bool {
	n := len(sub)
	if n == 0 {
		return true
	}
	k := rarestByte(sub)
	lo := sub[k]
	up := lo
	if 'a' <= lo && lo <= 'z' {
		up = lo - ('a' - 'A')
	}
	end := len(s) - (n - k - 1) // anchors lie in s[k:end]
	nextLo, nextUp := -1, -1    // next anchor at or after i, -2: none left
	for i := k; i < end; i++ {
		if nextLo != -2 && nextLo < i {
			if p := strings.IndexByte(s[i:end], lo); p >= 0 {
				nextLo = i + p
			} else {
				nextLo = -2
			}
		}
		if up == lo {
			nextUp = -2
		} else if nextUp != -2 && nextUp < i {
			if p := strings.IndexByte(s[i:end], up); p >= 0 {
				nextUp = i + p
			} else {
				nextUp = -2
			}
		}
		switch {
		case nextLo == -2 && nextUp == -2:
			return false
		case nextLo == -2:
			i = nextUp
		case nextUp == -2:
			i = nextLo
		default:
			i = min(nextLo, nextUp)
		}
		if equalFoldASCIIAt(s[i-k:], sub) {
			return true
		}
	}
	return false
}

// equalFoldASCIIAt reports whether s starts with sub (in lower case),
// ASCII letters of s compared without case.
func equalFoldASCIIAt(s, sub string) bool {
	if len(s) < len(sub) {
		return false
	}
	for j := 0; j < len(sub); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != sub[j] {
			return false
		}
	}
	return true
}

// letterFrequency ranks the lower-case letters, most frequent first.
const letterFrequency = "etaoinshrdlcumwfgypbvkjxqz"

// rarestByte returns the index in sub of its least frequent byte (a space
// counts as more frequent than any letter, another byte as rarer).
func rarestByte(sub string) int {
	best, rank := 0, -2
	for j := 0; j < len(sub); j++ {
		r := strings.IndexByte(letterFrequency, sub[j])
		switch {
		case sub[j] == ' ':
			r = -1
		case r < 0:
			r = len(letterFrequency)
		}
		if r > rank {
			best, rank = j, r
		}
	}
	return best
}
