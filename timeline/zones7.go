package timeline

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// bracketGMTRe is a local clock time followed by its conversion to GMT in
// brackets, as wire copy gives it: "10:05 a.m. (0905 GMT; 4:05 a.m.
// EST)", "1 p.m. (7 a.m. EST, 1200 GMT)", "4:48 p.m. (1548 GMT)".
var bracketGMTRe = regexp.MustCompile(`\b(\d{1,2})(?:[:.](\d{2}))?\s?([ap])\.?\s?m\b\.?\s*\((?:[^()]{0,30}?[;,]\s*)?(\d{1,2}):?(\d{2})\s?(?:GMT|UTC)\b`)

// bracketOffset returns the UTC offset that a local clock time and its
// bracketed GMT conversion state together: "10:05 a.m. (0905 GMT)" is
// GMT+1.
func bracketOffset(text string) (int, bool) {
	if !strings.Contains(text, "GMT") && !strings.Contains(text, "UTC") || !strings.Contains(text, "(") {
		return 0, false
	}
	m := bracketGMTRe.FindStringSubmatch(text)
	if m == nil {
		return 0, false
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	gh, _ := strconv.Atoi(m[4])
	gm, _ := strconv.Atoi(m[5])
	if h < 1 || h > 12 || mi > 59 || gh > 23 || gm > 59 {
		return 0, false
	}
	h %= 12
	if m[3] == "p" || m[3] == "P" {
		h += 12
	}
	off := (h*60 + mi) - (gh*60 + gm)
	switch {
	case off > 14*60:
		off -= 24 * 60
	case off <= -12*60:
		off += 24 * 60
	}
	if off%15 != 0 || off > 14*60 || off < -12*60 {
		return 0, false
	}
	return off * 60, true
}

// fixedZoneMinutes are the UTC offsets (in minutes) of zone abbreviations
// that name standard or summer time outright, so hold on any date.
var fixedZoneMinutes = map[string]int{
	"gmt": 0, "utc": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180, "msk": 180,
	"est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
	"akst": -540, "akdt": -480, "ist": 330, "sgt": 480, "hkt": 480, "jst": 540, "kst": 540,
}

// clockZoneMinutes is the fixed offset of the zone abbreviation ending a
// clock time's text ("7 a.m. EST"), if it has one.
func clockZoneMinutes(text string) (int, bool) {
	i := strings.LastIndexAny(text, " (")
	w := strings.ToLower(strings.Trim(text[i+1:], ".)"))
	off, ok := fixedZoneMinutes[w]
	return off, ok
}

// localClockOfDay converts the time of day of a clock whose day is
// unknown from the zone it names ("7 a.m. EST") to the event's (1 p.m. at
// GMT+1), when both offsets hold on any date. zoned reports a clock in a
// named zone that cannot be converted: it is no time of day at the
// event. Clocks without a fixed zone abbreviation ("local time") are left
// as they are.
func localClockOfDay(text string, low, high time.Duration, event *time.Location, known bool) (time.Duration, time.Duration, bool) {
	zone, ok := clockZoneMinutes(text)
	if !ok {
		return low, high, false
	}
	if !known || event == nil {
		return low, high, true
	}
	_, winter := time.Date(2001, 1, 15, 12, 0, 0, 0, time.UTC).In(event).Zone()
	_, summer := time.Date(2001, 7, 15, 12, 0, 0, 0, time.UTC).In(event).Zone()
	switch {
	case zone == winter/60 || zone == summer/60:
		return low, high, false // the event's own zone ("11:02 AKDT" in Alaska)
	case winter != summer:
		return low, high, true // which offset holds depends on the unknown day
	}
	shift := time.Duration(winter/60-zone) * time.Minute
	low, high = low+shift, high+shift
	for low < 0 {
		low, high = low+24*time.Hour, high+24*time.Hour
	}
	for low >= 24*time.Hour {
		low, high = low-24*time.Hour, high-24*time.Hour
	}
	return low, high, false
}

// localizeZoned puts the zoned time claims of a corpus ("3pm GMT" in an
// article whose event offset was unknown) in the event's local time when
// the corpus's other resolved time claims all show one UTC offset for it
// (a report that names "CET", a clock with its GMT in brackets): then "3pm
// GMT" compares with another outlet's "4:48 p.m.". It returns claims
// itself when nothing changes, else a converted copy.
func localizeZoned(claims []Claim) []Claim {
	const day = 24 * time.Hour
	clockOf := func(unix float64) time.Duration {
		return time.Duration(math.Mod(math.Mod(unix, 86400)+86400, 86400)) * time.Second
	}
	offset, found, zoned := time.Duration(0), false, false
	for _, c := range claims {
		if c.Unit != "time" {
			continue
		}
		if c.Zoned {
			zoned = true
			continue
		}
		off := c.ClockLow - clockOf(c.Low)
		for off <= -12*time.Hour {
			off += day
		}
		for off > 14*time.Hour {
			off -= day
		}
		switch {
		case !found:
			offset, found = off, true
		case off != offset:
			return claims // the sources' offsets disagree
		}
	}
	if !found || !zoned {
		return claims
	}
	out := make([]Claim, len(claims))
	copy(out, claims)
	for i := range out {
		c := &out[i]
		if c.Unit != "time" || !c.Zoned {
			continue
		}
		c.ClockLow = clockOf(c.Low) + offset
		c.ClockHigh = c.ClockLow + time.Duration(c.High-c.Low)*time.Second
		for c.ClockLow < 0 {
			c.ClockLow, c.ClockHigh = c.ClockLow+day, c.ClockHigh+day
		}
		for c.ClockLow >= day {
			c.ClockLow, c.ClockHigh = c.ClockLow-day, c.ClockHigh-day
		}
		c.Day = strings.ToLower(time.Unix(int64(c.Low), 0).UTC().Add(offset).Weekday().String())
		c.Zoned = false
	}
	return out
}
