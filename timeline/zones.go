package timeline

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The event's UTC offset lets clock times stated in another zone ("09:36
// GMT") be compared with local ones ("5:36 p.m. local time"). It comes
// from the schema's event time zone or, without one, from what an article
// says: "Bali is eight hours ahead", "local time is GMT+8", "(UTC+08:00)".

var (
	offsetAheadRe = regexp.MustCompile(`(?i)\b(?:is|are|runs?|being)\s+(` + numberWords + `)\s+hours?\s+(ahead|behind)(?:\s+of\s+(?:GMT|UTC|London|Greenwich))?\b`)
	offsetGMTRe   = regexp.MustCompile(`\b(?:GMT|UTC)\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?\b`)
)

// statedOffset returns the UTC offset a text states for the event's place.
// "N hours ahead" counts from GMT, as live blogs in GMT say it.
func statedOffset(text string) (int, bool) {
	// Each expression needs a literal the text must hold: checked first,
	// as most sentences hold neither.
	if strings.Contains(text, "GMT") || strings.Contains(text, "UTC") {
		if m := offsetGMTRe.FindStringSubmatch(text); m != nil {
			h, _ := strconv.Atoi(m[2])
			min, _ := strconv.Atoi(m[3])
			if h <= 14 && min < 60 {
				off := h*3600 + min*60
				if m[1] != "+" {
					off = -off
				}
				return off, true
			}
		}
	}
	if off, ok := bracketOffset(text); ok {
		return off, true // "10:05 a.m. (0905 GMT)"
	}
	if !containsFoldASCII(text, "ahead") && !containsFoldASCII(text, "behind") {
		return 0, false // offsetAheadRe cannot match
	}
	if m := offsetAheadRe.FindStringSubmatch(text); m != nil {
		v, ok := numberValues[strings.ToLower(m[1])]
		if !ok {
			f, err := strconv.ParseFloat(m[1], 64)
			if err != nil {
				return 0, false
			}
			v = f
		}
		if v <= 0 || v > 14 {
			return 0, false
		}
		off := int(v * 3600)
		if strings.EqualFold(m[2], "behind") {
			off = -off
		}
		return off, true
	}
	return 0, false
}

// eventOffset returns the zone of the event's place: the schema's, else
// that of an article's event day (from an event file), else the one the
// articles state (the first found, when none contradicts it).
func (s *Schema) eventOffset(arts []AnalyzedArticle) (*time.Location, bool) {
	if s.Event.Timezone != "" {
		if d, err := s.Event.Day(); err == nil && !d.IsZero() {
			return d.Location(), true
		}
		if l, err := time.LoadLocation(s.Event.Timezone); err == nil {
			return l, true
		}
	}
	for _, a := range arts {
		if !a.EventDate.IsZero() && a.EventDate.Location() != time.UTC {
			return a.EventDate.Location(), true // from the article's event file
		}
	}
	if len(arts) == 1 {
		if l, ok := articleZone(arts[0]); ok {
			return l, true // the article's dateline or stamp zone
		}
	}
	found, off := false, 0
	for _, a := range arts {
		for si := range a.Sentences {
			text := a.Sentences[si].Text
			if !strings.Contains(text, "hour") && !strings.Contains(text, "GMT") && !strings.Contains(text, "UTC") {
				continue
			}
			o, ok := statedOffset(text)
			switch {
			case !ok:
			case !found:
				found, off = true, o
			case o != off:
				return nil, false // sources disagree: compare no zones
			}
		}
	}
	if !found {
		if len(arts) == 1 && hasZonedClock(arts[0]) {
			return placeZone(arts[0]) // the place it reports from, without a dateline
		}
		return nil, false
	}
	return time.FixedZone("", off), true
}

// zoneLane keeps zoned time claims (in a zone the event's offset could not
// convert) apart from local ones; other claims have no lane.
func zoneLane(c Claim) string {
	switch {
	case c.Unit != "time" && c.Unit != "time of day":
		return ""
	case c.Zoned && c.Unit == "time of day":
		return "zoned " + c.Value // a clock of no known day in a zone the event's offset could not convert: compared with none
	case c.Zoned:
		return "zoned"
	}
	return "local"
}
