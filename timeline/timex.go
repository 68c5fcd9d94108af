package timeline

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// TimeKind says what a time expression is.
type TimeKind string

// Kinds of time expression.
const (
	TimeClock    TimeKind = "clock"    // 10:25 a.m., 19:00 GMT
	TimeDate     TimeKind = "date"     // August 15, 15 August 2025, 2025-08-15
	TimeWeekday  TimeKind = "weekday"  // on Friday
	TimeDuration TimeKind = "duration" // nearly three hours, 2 h 45 min
	TimeRelative TimeKind = "relative" // later, hours before, the next day
)

// TimeMention is one time expression in a sentence.
type TimeMention struct {
	Kind       TimeKind
	Text       string
	Start, End int       // byte offsets in the sentence
	Time       time.Time // resolved instant (clock) or day (date, weekday); zero when unresolved
	Resolved   bool
	Duration   time.Duration // durations: the stated value
	Low, High  time.Duration // durations: the range the wording allows
	Qualifier  string        // nearly, about, more than, …
	Expected   bool          // an expectation or plan, not a measurement
	// Shift marks a duration that moves a time rather than measuring how
	// long something went on: "two hours later than planned", "nearly
	// three hours behind schedule", "about an hour after the meeting
	// ended", "delayed by 40 minutes".
	Shift      bool
	Relation   string        // relative cues: before, after, same-time
	HasZone    bool          // the clock time named its zone
	ClockOnly  time.Duration // clock: time of day since midnight
	DayOfMonth int
}

// reference is what relative times resolve against.
type reference struct {
	day   time.Time // midnight of the reference day, in loc; zero when unknown
	loc   *time.Location
	known bool
	// fromPublication: loc is only the publication's UTC offset, which
	// says where the publisher is, not where the event took place.
	fromPublication bool
}

func referenceTime(a Article, ev EventInfo) reference {
	if !a.EventDate.IsZero() {
		return reference{day: a.EventDate, loc: a.EventDate.Location(), known: true}
	}
	if d, err := ev.Day(); err == nil && !d.IsZero() {
		return reference{day: d, loc: d.Location(), known: true}
	}
	if !a.Published.IsZero() {
		p := a.Published
		return reference{day: time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, p.Location()), loc: p.Location(), known: true, fromPublication: true}
	}
	return reference{loc: time.UTC}
}

var (
	// zonePattern: abbreviations match in capitals only ("et" is a word in
	// French); place names with "time" in any case ("Beijing Time").
	zonePattern = `(ET|EDT|EST|CT|CDT|CST|MT|MDT|PT|PDT|PST|AKDT|AKST|GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|KST|SGT|HKT|AEST|AEDT|WIB|WITA|(?i:local time|Moscow time|Kyiv time|Kiev time|India time|Indian time|Alaska time|Anchorage time|Washington time|Eastern time|Pacific time|Helsinki time|Geneva time|Beijing time|China time|Tokyo time|Japan time|Seoul time|Korea time|Pyongyang time|Singapore time|Hong Kong time|Hanoi time|Bangkok time|Jakarta time|Bali time|Sydney time|London time|Paris time|Berlin time|Brussels time|Vienna time|Rome time|Madrid time|Istanbul time|Ankara time|Tehran time|Riyadh time|Doha time|Dubai time|Abu Dhabi time|Cairo time|New York time|Los Angeles time)|Eastern)`
	clock12Re   = regexp.MustCompile(`(?i)\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)(?:\s*\(?` + zonePattern + `\b)?`)
	clock24Re   = regexp.MustCompile(`\b([01]?\d|2[0-3])[:h]([0-5]\d)\b(?:\s*(?:hours|hrs|h)\b)?(?:\s*\(?` + zonePattern + `\b)?`)
	// clock24DotRe is the British 18.30, taken only after a word that
	// introduces a time ("at 18.30"): otherwise it is a decimal.
	clock24DotRe = regexp.MustCompile(`\b([01]?\d|2[0-3])\.([0-5]\d)\b(?:\s*(?:hours|hrs|h)\b)?(?:\s*\(?` + zonePattern + `\b)?`)
	noonRe       = regexp.MustCompile(`\b((?i:noon|midday|midnight))\b(?:\s*\(?` + zonePattern + `\b)?`) // "noon GMT"
	monthNames   = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	dateMDRe     = regexp.MustCompile(`\b` + monthNames + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`)
	dateDMRe     = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+` + monthNames + `\b(?:,?\s+(\d{4}))?`)
	dateISORe    = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	weekdayRe    = regexp.MustCompile(`\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b`)
	dayWordRe    = regexp.MustCompile(`(?i)\b(today|yesterday|tomorrow|tonight)\b`)
	numberWords  = `\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|a few|a couple of|a couple|several|half an?|one and a half|two and a half|three and a half|four and a half|five and a half|six and a half|seven and a half|eight and a half|nine and a half|ten and a half|eleven and a half|twelve and a half|one-and-a-half|two-and-a-half|three-and-a-half|four-and-a-half|five-and-a-half|six-and-a-half|seven-and-a-half|eight-and-a-half|nine-and-a-half|ten-and-a-half|eleven-and-a-half|twelve-and-a-half`
	qualifiers   = `nearly|almost|about|around|roughly|approximately|some|just over|just under|more than|over|less than|under|at least|at most|barely|only|just|up to|close to|well over|upwards of`
	durationRe   = regexp.MustCompile(`(?i)\b(?:(` + qualifiers + `)\s+)?(` + numberWords + `)[\s-]+(hours?|hrs?|h|minutes?|mins?|min)\b(?:[\s,]*(?:and\s+)?(` + numberWords + `)[\s-]*(minutes?|mins?|min)\b)?(?:[\s-]+(?:long))?`)
	expectedRe   = regexp.MustCompile(`(?i)\b(anticipated|expected|planned|scheduled|initially|originally|supposed to|slated|allotted|foreseen|budgeted)\b`)
)

var zoneLocations = map[string]string{
	"et": "America/New_York", "edt": "America/New_York", "est": "America/New_York", "eastern": "America/New_York", "eastern time": "America/New_York", "washington time": "America/New_York",
	"ct": "America/Chicago", "cdt": "America/Chicago", "cst": "America/Chicago",
	"mt": "America/Denver", "mdt": "America/Denver",
	"pt": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pacific time": "America/Los_Angeles",
	"akdt": "America/Anchorage", "akst": "America/Anchorage", "alaska time": "America/Anchorage",
	"gmt": "UTC", "utc": "UTC", "bst": "Europe/London",
	"cet": "Europe/Paris", "cest": "Europe/Paris", "geneva time": "Europe/Zurich",
	"eet": "Europe/Helsinki", "eest": "Europe/Helsinki", "helsinki time": "Europe/Helsinki",
	"msk": "Europe/Moscow", "moscow time": "Europe/Moscow",
	// Kyiv keeps EET in winter and EEST in summer; the zone's rules pick
	// the offset for the date. IST is India's (+05:30, no summer time).
	"kyiv time": "Europe/Kyiv", "kiev time": "Europe/Kyiv",
	"ist": "Asia/Kolkata", "india time": "Asia/Kolkata", "indian time": "Asia/Kolkata",
	"anchorage time": "America/Anchorage", "new york time": "America/New_York", "los angeles time": "America/Los_Angeles",
	"jst": "Asia/Tokyo", "tokyo time": "Asia/Tokyo", "japan time": "Asia/Tokyo",
	"kst": "Asia/Seoul", "seoul time": "Asia/Seoul", "korea time": "Asia/Seoul", "pyongyang time": "Asia/Pyongyang",
	"beijing time": "Asia/Shanghai", "china time": "Asia/Shanghai",
	"sgt": "Asia/Singapore", "singapore time": "Asia/Singapore",
	"hkt": "Asia/Hong_Kong", "hong kong time": "Asia/Hong_Kong",
	"hanoi time": "Asia/Ho_Chi_Minh", "bangkok time": "Asia/Bangkok",
	"wib": "Asia/Jakarta", "jakarta time": "Asia/Jakarta", "wita": "Asia/Makassar", "bali time": "Asia/Makassar",
	"aest": "Australia/Sydney", "aedt": "Australia/Sydney", "sydney time": "Australia/Sydney",
	"london time": "Europe/London", "paris time": "Europe/Paris", "berlin time": "Europe/Berlin", "brussels time": "Europe/Brussels",
	"vienna time": "Europe/Vienna", "rome time": "Europe/Rome", "madrid time": "Europe/Madrid",
	"istanbul time": "Europe/Istanbul", "ankara time": "Europe/Istanbul", "tehran time": "Asia/Tehran",
	"riyadh time": "Asia/Riyadh", "doha time": "Asia/Qatar", "dubai time": "Asia/Dubai", "abu dhabi time": "Asia/Dubai",
	"cairo time": "Africa/Cairo",
}

var numberValues = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
	"half a": 0.5, "half an": 0.5, "one and a half": 1.5, "two and a half": 2.5, "three and a half": 3.5, "four and a half": 4.5,
	"one-and-a-half": 1.5, "two-and-a-half": 2.5, "a couple": 2, "a couple of": 2,
}

func init() {
	// "nine and a half", "nine-and-a-half"
	for _, w := range []string{"three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"} {
		numberValues[w+" and a half"] = numberValues[w] + 0.5
		numberValues[w+"-and-a-half"] = numberValues[w] + 0.5
	}
}

// vague amounts give a range rather than a value.
var vagueAmounts = map[string][2]float64{"a few": {2, 4}, "several": {3, 7}}

// FindTimes returns the time expressions in text, resolved against ref
// where it allows.
func FindTimes(text string, ref reference) []TimeMention {
	return findTimes(text, tokenize(text), ref)
}

// findTimes is FindTimes with the sentence's tokens already cut.
func findTimes(text string, toks []token, ref reference) []TimeMention {
	if h := halves(text); h != text {
		text, toks = h, tokenize(h) // "2½ hours" read as "2.5 hours"
	}
	need, at := timeTriggers(text, toks)
	if need == 0 {
		return nil
	}
	// near runs re only on windows of a few words around the trigger
	// words of its family: sentences are long and regular expressions slow.
	near := func(family int, re *regexp.Regexp, before, after int) [][]int {
		return findNear(func(w string) [][]int { return re.FindAllStringSubmatchIndex(w, -1) }, text, toks, at[family], before, after)
	}
	var out []TimeMention
	taken := func(s, e int) bool {
		for _, m := range out {
			if s < m.End && e > m.Start {
				return true
			}
		}
		return false
	}
	// Dates first: a clock time in the same sentence uses them.
	day, dayKnown := ref.day, ref.known
	for _, re := range []*regexp.Regexp{dateMDRe, dateDMRe, dateISORe} {
		var found [][]int
		switch {
		case need&needDigit == 0:
		case re == dateISORe:
			found = near(bitIndex(needDigit), re, 0, 5)
		case need&needMonth != 0:
			found = near(bitIndex(needMonth), re, 3, 4)
		}
		for _, m := range found {
			if taken(m[0], m[1]) {
				continue
			}
			d, ok := parseDate(text, m, re, ref)
			tm := TimeMention{Kind: TimeDate, Text: text[m[0]:m[1]], Start: m[0], End: m[1]}
			if ok {
				tm.Time, tm.Resolved = d, true
				day, dayKnown = d, true
			}
			out = append(out, tm)
		}
	}
	for _, m := range near(bitIndex(needWeekday), weekdayRe, 0, 2) {
		tm := TimeMention{Kind: TimeWeekday, Text: text[m[0]:m[1]], Start: m[0], End: m[1]}
		if ref.known {
			tm.Time, tm.Resolved = nearestWeekday(ref.day, text[m[2]:m[3]]), true
			if !dayKnown || day.Equal(ref.day) {
				day, dayKnown = tm.Time, true
			}
		}
		out = append(out, tm)
	}
	for _, m := range near(bitIndex(needDayWord), dayWordRe, 0, 1) {
		tm := TimeMention{Kind: TimeDate, Text: text[m[0]:m[1]], Start: m[0], End: m[1]}
		if ref.known {
			shift := map[string]int{"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[strings.ToLower(text[m[2]:m[3]])]
			tm.Time, tm.Resolved = ref.day.AddDate(0, 0, shift), true
		}
		out = append(out, tm)
	}
	addClock := func(s, e int, hour, minute int, zone string) {
		if taken(s, e) || hour > 23 || minute > 59 {
			return
		}
		tm := TimeMention{Kind: TimeClock, Text: text[s:e], Start: s, End: e, ClockOnly: time.Duration(hour)*time.Hour + time.Duration(minute)*time.Minute}
		tm.Expected = plannedBefore(text, toks, s) || plannedStamp(text, toks, s, e)
		loc := ref.loc
		if zone != "" {
			tm.HasZone = true
			if name, ok := zoneLocations[strings.ToLower(zone)]; ok {
				if l, err := time.LoadLocation(name); err == nil {
					loc = l
				}
			} else if ref.fromPublication {
				// "local time" is the event's place; the publication's
				// offset is the publisher's. Keep the time of day.
				loc = nil
			}
		}
		if dayKnown && loc != nil {
			// The day is the reference day as seen in the clock's zone.
			local := day.In(loc)
			if day.Location() == loc || !tm.HasZone {
				local = day
			} else {
				local = time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, day.Location()).In(loc)
			}
			tm.Time = time.Date(local.Year(), local.Month(), local.Day(), hour, minute, 0, 0, loc)
			tm.Resolved = true
		}
		out = append(out, tm)
	}
	for _, m := range near(bitIndex(needMeridiem), clock12Re, 4, 5) {
		hour, _ := strconv.Atoi(text[m[2]:m[3]])
		minute := 0
		if m[4] >= 0 {
			minute, _ = strconv.Atoi(text[m[4]:m[5]])
		}
		if hour < 1 || hour > 12 {
			continue
		}
		pm := strings.HasPrefix(strings.ToLower(text[m[6]:m[7]]), "p")
		if pm && hour != 12 {
			hour += 12
		} else if !pm && hour == 12 {
			hour = 0
		}
		zone := group(text, m, 4)
		if zone == "" {
			zone = zoneAfterWeekday(text, m[1]) // "4:30 a.m. Saturday, Japan time"
		}
		addClock(m[0], m[1], hour, minute, zone)
	}
	for _, m := range near(bitIndex(needColon), clock24Re, 1, 6) {
		hour, _ := strconv.Atoi(text[m[2]:m[3]])
		minute, _ := strconv.Atoi(text[m[4]:m[5]])
		addClock(m[0], m[1], hour, minute, group(text, m, 3))
	}
	for _, m := range near(bitIndex(needColon), clock24DotRe, 1, 6) {
		if rest := strings.TrimLeft(text[m[1]:], " "); !timePrepositionBefore(text, m[0]) || strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, "per") {
			continue
		}
		hour, _ := strconv.Atoi(text[m[2]:m[3]])
		minute, _ := strconv.Atoi(text[m[4]:m[5]])
		addClock(m[0], m[1], hour, minute, group(text, m, 3))
	}
	for _, m := range near(bitIndex(needNoon), noonRe, 0, 4) {
		h := 12
		if strings.EqualFold(text[m[2]:m[3]], "midnight") {
			h = 0
		}
		addClock(m[0], m[1], h, 0, group(text, m, 2))
	}
	for _, m := range findNear(findDurations, text, toks, at[bitIndex(needUnit)], 7, 5) {
		if taken(m[0], m[1]) {
			continue
		}
		if tm, ok := parseDuration(text, m); ok {
			tm.Shift = isShift(toks, tm)
			out = append(out, tm)
		}
	}
	if need&needRelative != 0 {
		for _, h := range relativeMatcher.find(toks, nil) {
			lo, hi := h.at, h.at+h.n-1
			if lo > 0 && h.cue.target == 1 && isAmount(toks[lo-1].text) && strings.TrimSpace(text[toks[lo-1].end:toks[lo].start]) == "" {
				lo-- // "two hours later"
			}
			s, e := int(toks[lo].start), int(toks[hi].end)
			if taken(s, e) {
				continue
			}
			out = append(out, TimeMention{Kind: TimeRelative, Text: text[s:e], Start: s, End: e, Relation: relationOf(text[s:e])})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// group returns the text of capture group g (1-based) or "".
func group(text string, m []int, g int) string {
	if 2*g+1 >= len(m) || m[2*g] < 0 {
		return ""
	}
	return text[m[2*g]:m[2*g+1]]
}

func relationOf(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.Contains(l, "later") || strings.Contains(l, "after") || strings.Contains(l, "next") || strings.Contains(l, "following"):
		return "after"
	case strings.Contains(l, "earlier") || strings.Contains(l, "before"):
		return "before"
	case strings.Contains(l, "same") || strings.Contains(l, "simultaneous") || strings.Contains(l, "each other") || strings.Contains(l, "as the") || strings.Contains(l, "meanwhile"):
		return "same-time"
	}
	return ""
}

func parseDate(text string, m []int, re *regexp.Regexp, ref reference) (time.Time, bool) {
	var month time.Month
	var dayNum, year int
	switch re {
	case dateISORe:
		year, _ = strconv.Atoi(group(text, m, 1))
		mo, _ := strconv.Atoi(group(text, m, 2))
		month = time.Month(mo)
		dayNum, _ = strconv.Atoi(group(text, m, 3))
	case dateMDRe:
		month = monthOf(group(text, m, 1))
		dayNum, _ = strconv.Atoi(group(text, m, 2))
		year, _ = strconv.Atoi(group(text, m, 3))
	default:
		dayNum, _ = strconv.Atoi(group(text, m, 1))
		month = monthOf(group(text, m, 2))
		year, _ = strconv.Atoi(group(text, m, 3))
	}
	if month < 1 || month > 12 || dayNum < 1 || dayNum > 31 {
		return time.Time{}, false
	}
	loc := ref.loc
	if loc == nil {
		loc = time.UTC
	}
	if year == 0 {
		if !ref.known {
			return time.Time{}, false
		}
		year = ref.day.Year()
	}
	return time.Date(year, month, dayNum, 0, 0, 0, 0, loc), true
}

func monthOf(s string) time.Month {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s[:min(3, len(s))]) {
			return m
		}
	}
	return 0
}

// nearestWeekday returns the day with the named weekday closest to ref
// (within three days either way).
func nearestWeekday(ref time.Time, name string) time.Time {
	var wd time.Weekday
	for d := time.Sunday; d <= time.Saturday; d++ {
		if d.String() == name {
			wd = d
		}
	}
	delta := (int(wd) - int(ref.Weekday()) + 7) % 7
	if delta > 3 {
		delta -= 7
	}
	return ref.AddDate(0, 0, delta)
}

func parseDuration(text string, m []int) (TimeMention, bool) {
	qual := strings.ToLower(group(text, m, 1))
	amount := strings.ToLower(group(text, m, 2))
	unit := unitOf(group(text, m, 3))
	tm := TimeMention{Kind: TimeDuration, Text: text[m[0]:m[1]], Start: m[0], End: m[1], Qualifier: qual}
	lowV, highV, ok := amountRange(amount)
	if !ok {
		return tm, false
	}
	low := time.Duration(lowV * float64(unit))
	high := time.Duration(highV * float64(unit))
	var extraStep time.Duration // the rounding of a second part ("and 45 minutes")
	if extra := strings.ToLower(group(text, m, 4)); extra != "" {
		l2, h2, ok := amountRange(extra)
		if ok {
			u2 := unitOf(group(text, m, 5))
			extraStep = roundingStep(l2, h2, u2)
			low += time.Duration(l2 * float64(u2))
			high += time.Duration(h2 * float64(u2))
		}
	}
	tm.Duration = (low + high) / 2
	switch qual {
	case "nearly", "almost", "just under", "close to", "barely":
		low = time.Duration(float64(high) * 0.92)
	case "less than", "under", "at most", "up to":
		low = 0
	case "about", "around", "roughly", "approximately", "some":
		// About as far as the rounding the number shows (half an hour
		// for hours, 2.5 min for "45 minutes", 1 min for "38 minutes"),
		// and at least 5%.
		step := roundingStep(lowV, highV, unit)
		if extraStep > 0 {
			step = extraStep
		}
		tol := max(time.Duration(0.05*float64(high)), step/2)
		if step == time.Hour {
			// "about 11 hours" is rounded to the hour: within half an
			// hour (the next hour's rounding starts there).
			tol = step / 2
		}
		low, high = low-tol, high+tol
	case "more than", "over", "just over", "at least", "well over", "upwards of":
		high = time.Duration(float64(high) * 1.25)
		high = slightlyOver(text[max(0, m[0]-12):m[0]], qual, low, high) // "a little over four hours"
	}
	tm.Low, tm.High = low, high
	// "shorter than the seven hours initially anticipated": a plan, not a
	// measurement.
	// But "lasted about three hours, longer than either side had
	// planned" measures: the plan is what it is compared with.
	window := text[max(0, m[0]-40):min(len(text), m[1]+40)]
	if comparedAfter(text[m[1]:]) {
		window = text[max(0, m[0]-40):m[1]]
	}
	if saysExpected(window) || saysFuture(text[max(0, m[0]-60):m[0]]) {
		tm.Expected = true
	}
	return tm, true
}

// futureRe, before a duration, makes it a plan or a forecast: "could
// last six hours", "was prepared for a meeting of “six or seven hours”",
// "talks that will run for two hours".
var futureRe = regexp.MustCompile(`(?i)\b(?:(?:could|would|might|may|will|should|shall|to)\s+(?:\w+\s+)?(?:last|run|take|go\s+on)|prepared\s+for|ready\s+for|braced\s+for|bracing\s+for|going\s+to)\b`)

// futureNeedles are words one of which every match of futureRe holds: the
// verbs after a modal or "to" (last, run, take, go), and prepared, ready,
// braced and bracing ("brac"); going holds "go".
var futureNeedles = []string{"last", "run", "take", "go", "prepared", "ready", "brac"}

// saysFuture is futureRe.MatchString(s), the expression (slow: it is tried
// at every byte) run only when s holds one of futureNeedles in any ASCII
// case, or one of the two non-ASCII letters (?i) folds onto ASCII ones.
func saysFuture(s string) bool {
	if strings.Contains(s, "ſ") || strings.Contains(s, "\u212a") {
		return futureRe.MatchString(s)
	}
	for _, n := range futureNeedles {
		if containsFoldASCII(s, n) {
			return futureRe.MatchString(s)
		}
	}
	return false
}

// roundingStep is the precision a stated amount shows: five minutes for
// a multiple of five minutes, else its unit.
func roundingStep(low, high float64, unit time.Duration) time.Duration {
	if low == high && low == float64(int(low)) && unit == time.Minute && int(low)%5 == 0 {
		return 5 * time.Minute
	}
	if low == high && low != float64(int(low)) && unit == time.Hour {
		return 30 * time.Minute // "nine and a half hours"
	}
	return unit
}

func amountRange(a string) (float64, float64, bool) {
	if r, ok := vagueAmounts[a]; ok {
		return r[0], r[1], true
	}
	if v, ok := numberValues[a]; ok {
		return v, v, true
	}
	v, err := strconv.ParseFloat(a, 64)
	if err != nil || v <= 0 || v > 10000 {
		return 0, 0, false
	}
	return v, v, true
}

func unitOf(u string) time.Duration {
	if strings.HasPrefix(strings.ToLower(u), "h") {
		return time.Hour
	}
	return time.Minute
}

// Families of time expression, as bits, so that FindTimes runs only the
// regular expressions a sentence's words make possible.
const (
	needDigit = 1 << iota
	needMonth
	needWeekday
	needDayWord
	needMeridiem
	needColon
	needNoon
	needUnit
	needRelative
)

var timeTriggerWords = func() map[string]int {
	m := map[string]int{}
	for _, w := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"} {
		m[w] |= needMonth
	}
	for _, w := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		m[w] |= needWeekday
	}
	for _, w := range []string{"today", "yesterday", "tomorrow", "tonight"} {
		m[w] |= needDayWord
	}
	for _, w := range []string{"am", "pm", "m"} {
		m[w] |= needMeridiem
	}
	for _, w := range []string{"noon", "midday", "midnight"} {
		m[w] |= needNoon
	}
	for _, w := range []string{"hour", "hours", "hr", "hrs", "h", "minute", "minutes", "min", "mins"} {
		m[w] |= needUnit | needRelative // "hours later"
	}
	m["days"] |= needRelative
	m["day"] |= needRelative
	for _, w := range []string{"later", "earlier", "afterward", "afterwards", "beforehand", "next", "following", "within", "same", "simultaneously", "shook", "meanwhile", "moments", "shortly", "soon"} {
		m[w] |= needRelative
	}
	return m
}()

// timeTriggers returns the families of time expression text may hold, and
// for each family (by bit index) the tokens that trigger it.
func timeTriggers(text string, toks []token) (int, [][]int) {
	need := 0
	var at [][]int
	mark := func(bits, i int) {
		need |= bits
		for b := 0; bits>>b != 0; b++ {
			if bits&(1<<b) != 0 {
				if at == nil {
					at = make([][]int, familyCount)
				}
				at[b] = append(at[b], i)
			}
		}
	}
	for i, t := range toks {
		if c := t.text[0]; c >= '0' && c <= '9' {
			bits := needDigit
			if int(t.end) < len(text) && (text[t.end] == ':' || text[t.end] == '.' && int(t.end)+1 < len(text) && text[t.end+1] >= '0' && text[t.end+1] <= '9') {
				bits |= needColon
			}
			if strings.IndexByte(t.text, 'h') > 0 {
				bits |= needColon | needUnit // 19h00, 2h
			}
			if strings.HasSuffix(t.text, "am") || strings.HasSuffix(t.text, "pm") {
				bits |= needMeridiem // 6pm, 10.30am
			}
			mark(bits, i)
			continue
		}
		if bits := lexTimeBits(t.lex); bits != 0 {
			mark(bits, i)
		}
	}
	return need, at
}

const familyCount = 9

func bitIndex(bit int) int {
	i := 0
	for bit > 1 {
		bit >>= 1
		i++
	}
	return i
}

// findNear runs find (a regular expression's FindAllStringSubmatchIndex)
// over windows of text around the given tokens (from before tokens earlier
// to after tokens later), merging windows that overlap, and returns the
// matches with offsets into text.
func findNear(find func(string) [][]int, text string, toks []token, at []int, before, after int) [][]int {
	var out [][]int
	for k := 0; k < len(at); {
		lo, hi := max(0, at[k]-before), min(len(toks)-1, at[k]+after)
		k++
		for k < len(at) && at[k]-before <= hi+1 {
			hi = min(len(toks)-1, at[k]+after)
			k++
		}
		// Extend to the surrounding punctuation ("a.m.", "(ET)").
		ws, we := int(toks[lo].start), int(toks[hi].end)
		for we < len(text) && we < int(toks[hi].end)+3 && !isSpaceByte(text[we]) {
			we++
		}
		for _, m := range find(text[ws:we]) {
			for j := range m {
				if m[j] >= 0 {
					m[j] += ws
				}
			}
			out = append(out, m)
		}
	}
	return out
}

// relativeMatcher finds relative time cues by words; target 1 marks those a
// preceding amount can extend ("two hours later").
var relativeMatcher = func() *matcher {
	m := &matcher{exact: map[string][]*cue{}, prefix: map[string][]*cue{}}
	add := func(target int, phrases ...string) {
		for _, p := range phrases {
			c := &cue{kind: kindBefore, target: target, text: p}
			for _, t := range tokenize(p) {
				c.words = append(c.words, t.text)
			}
			m.exact[c.words[0]] = append(m.exact[c.words[0]], c)
		}
	}
	add(0, "later", "earlier", "afterward", "afterwards", "beforehand", "meanwhile", "simultaneously",
		"the next day", "the following day", "the day before", "the night before", "within minutes of each other",
		"at the same time", "shortly after", "shortly before", "soon after")
	for _, unit := range []string{"hour", "hours", "minute", "minutes", "day", "days", "moments"} {
		for _, rel := range []string{"later", "earlier", "before", "after"} {
			add(1, unit+" "+rel)
		}
	}
	// A phrase is found once: drop single words that a longer phrase at the
	// same place covers (handled by the overlap check in findTimes, which
	// keeps the first, longest match).
	for k, cs := range m.exact {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].words) > len(cs[j].words) })
		m.exact[k] = cs
	}
	m.seal()
	return m
}()

// isAmount reports whether a folded token is a number or number word.
func isAmount(w string) bool {
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return true
	}
	_, ok := numberValues[w]
	return ok || w == "few" || w == "several"
}

// The alternatives of durationRe in its order of preference, for
// findDurations.
var (
	durationQualifiers = strings.Split(qualifiers, "|")
	durationNumbers    = strings.Split(numberWords, "|")[1:] // after \d+(?:\.\d+)?
	// The same by first letter (a to z), in their order: only those can
	// match where a word starts with that letter in either case.
	qualifiersByFirst = byFirstLetter(durationQualifiers)
	numbersByFirst    = byFirstLetter(durationNumbers)
)

// byFirstLetter sorts lower-case alternatives by first letter, keeping
// their order.
func byFirstLetter(alts []string) (out [26][]string) {
	for _, a := range alts {
		if c := a[0]; c >= 'a' && c <= 'z' {
			out[c-'a'] = append(out[c-'a'], a)
		} else {
			panic("alternative not starting with a lower-case letter: " + a)
		}
	}
	return out
}

// foldedLetter returns the letter c is in lower case (0 to 25), or -1.
func foldedLetter(c byte) int {
	switch {
	case c >= 'a' && c <= 'z':
		return int(c - 'a')
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	}
	return -1
}

// findDurations is durationRe.FindAllStringSubmatchIndex(w, -1) written
// out by hand: the regular expression, with its many alternatives, is
// tried at every byte, while this tries each alternative only where a word
// starts. It follows the expression's leftmost-first choices exactly; the
// two non-ASCII letters that (?i) folds onto ASCII ones (ſ and the Kelvin
// sign) send it back to the expression.
func findDurations(w string) [][]int {
	if strings.Contains(w, "ſ") || strings.Contains(w, "\u212a") {
		return durationRe.FindAllStringSubmatchIndex(w, -1)
	}
	var out [][]int
	for p := 0; p < len(w); p++ {
		if !isASCIIWordByte(w[p]) || p > 0 && isREWordByte(w[p-1]) {
			continue // no \b before a letter or digit here
		}
		if m := durationAt(w, p); m != nil {
			out = append(out, m)
			p = m[1] - 1
		}
	}
	return out
}

// durationAt matches durationRe anchored at p (a word start), or returns
// nil.
func durationAt(w string, p int) []int {
	var quals []string // the qualifiers that may start at p
	if l := foldedLetter(w[p]); l >= 0 {
		quals = qualifiersByFirst[l]
	}
	for qi := 0; qi <= len(quals); qi++ {
		q, qs, qe := p, -1, -1
		if qi < len(quals) {
			qual := quals[qi]
			if !hasFoldPrefix(w, p, qual) {
				continue
			}
			k := skipSpaces(w, p+len(qual))
			if k == p+len(qual) {
				continue // \s+
			}
			qs, qe, q = p, p+len(qual), k
		}
		var m []int
		numberAt(w, q, func(ns, ne int) bool {
			k := skipSpacesHyphens(w, ne)
			if k == ne {
				return false // [\s-]+
			}
			ue := unitAt(w, k, false)
			if ue < 0 {
				return false
			}
			m = []int{p, ue, qs, qe, ns, ne, k, ue, -1, -1, -1, -1}
			return true
		})
		if m == nil {
			continue
		}
		// (?:[\s,]*(?:and\s+)?(number)[\s-]*(minutes?|mins?|min)\b)?
		j := m[1]
		for j < len(w) && (isRESpace(w[j]) || w[j] == ',') {
			j++
		}
		for _, and := range []bool{true, false} {
			s := j
			if and {
				if !hasFoldPrefix(w, s, "and") {
					continue
				}
				s = skipSpaces(w, j+3)
				if s == j+3 {
					continue
				}
			}
			if numberAt(w, s, func(ns, ne int) bool {
				k := skipSpacesHyphens(w, ne)
				me := unitAt(w, k, true)
				if me < 0 {
					return false
				}
				m[1], m[8], m[9], m[10], m[11] = me, ns, ne, k, me
				return true
			}) {
				break
			}
		}
		// (?:[\s-]+(?:long))?
		if k := skipSpacesHyphens(w, m[1]); k > m[1] && hasFoldPrefix(w, k, "long") {
			m[1] = k + len("long")
		}
		return m
	}
	return nil
}

// numberAt tries the number alternatives of durationRe at q in their
// order, calling rest with each match's span until rest accepts one.
func numberAt(w string, q int, rest func(ns, ne int) bool) bool {
	if q >= len(w) {
		return false
	}
	if isDigitByte(w[q]) {
		d := q
		for d < len(w) && isDigitByte(w[d]) {
			d++
		}
		if d+1 < len(w) && w[d] == '.' && isDigitByte(w[d+1]) {
			e := d + 1
			for e < len(w) && isDigitByte(w[e]) {
				e++
			}
			if rest(q, e) {
				return true
			}
		}
		if rest(q, d) {
			return true
		}
	}
	l := foldedLetter(w[q])
	if l < 0 {
		return false // every number word starts with a letter
	}
	for _, n := range numbersByFirst[l] {
		if n == "an?" {
			if hasFoldPrefix(w, q, "an") && rest(q, q+2) || hasFoldPrefix(w, q, "a") && rest(q, q+1) {
				return true
			}
			continue
		}
		if n == "half an?" {
			if hasFoldPrefix(w, q, "half an") && rest(q, q+7) || hasFoldPrefix(w, q, "half a") && rest(q, q+6) {
				return true
			}
			continue
		}
		if hasFoldPrefix(w, q, n) && rest(q, q+len(n)) {
			return true
		}
	}
	return false
}

// unitAt matches hours?|hrs?|h|minutes?|mins?|min (only the minutes when
// minutes is set) and the \b after it at k, returning its end or -1.
func unitAt(w string, k int, minutes bool) int {
	e := k
	for e < len(w) && isREWordByte(w[e]) {
		e++
	}
	for _, u := range [...]string{"minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr", "h"} {
		if len(u) == e-k && hasFoldPrefix(w, k, u) {
			if minutes && u[0] == 'h' {
				return -1
			}
			return e
		}
	}
	return -1
}

// hasFoldPrefix reports whether w[p:] starts with the lower-case ASCII
// literal lit, ignoring the case of ASCII letters.
func hasFoldPrefix(w string, p int, lit string) bool {
	if len(w)-p < len(lit) {
		return false
	}
	for i := 0; i < len(lit); i++ {
		c := w[p+i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lit[i] {
			return false
		}
	}
	return true
}

func skipSpaces(w string, k int) int {
	for k < len(w) && isRESpace(w[k]) {
		k++
	}
	return k
}

func skipSpacesHyphens(w string, k int) int {
	for k < len(w) && (isRESpace(w[k]) || w[k] == '-') {
		k++
	}
	return k
}

// isRESpace is \s of Go's regular expressions.
func isRESpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// isREWordByte is \w of Go's regular expressions (what \b looks at).
func isREWordByte(c byte) bool { return isASCIIWordByte(c) || c == '_' }

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// expectedWords are the alternatives of expectedRe.
var expectedWords = []string{"anticipated", "expected", "planned", "scheduled", "initially", "originally", "supposed to", "slated", "allotted", "foreseen", "budgeted"}

// comparativeRe opens the text after a measurement compared with a plan
// (", longer than either side had planned").
var comparativeRe = regexp.MustCompile(`^[\s,;]*(?:(?:far|much|well|slightly|somewhat|a\s+little|an\s+hour|\w+\s+minutes)\s+)?(?:longer|shorter|more|less|later|earlier|sooner)\s+than\b`)

// comparedAfter reports whether rest (the text after a duration) compares
// it with something else.
func comparedAfter(rest string) bool {
	return comparativeRe.MatchString(rest[:min(len(rest), 40)])
}

// saysExpected is expectedRe.MatchString(w), looking only where words
// start (ſ and the Kelvin sign, which (?i) folds onto s and k, go to the
// expression).
func saysExpected(w string) bool {
	if strings.Contains(w, "ſ") || strings.Contains(w, "\u212a") {
		return expectedRe.MatchString(w)
	}
	for p := 0; p < len(w); p++ {
		if !isASCIIWordByte(w[p]) || p > 0 && isREWordByte(w[p-1]) {
			continue
		}
		for _, e := range expectedWords {
			if hasFoldPrefix(w, p, e) && (p+len(e) == len(w) || !isREWordByte(w[p+len(e)])) {
				return true
			}
		}
	}
	return false
}

// timePrepositions introduce a clock time written like a decimal
// ("at 18.30").
var timePrepositions = setOf("at", "by", "until", "till", "from", "before", "after", "around", "about", "approximately", "roughly", "since")

// timePrepositionBefore reports whether the word just before text[at:] is
// one of timePrepositions (and no currency sign sits between them).
func timePrepositionBefore(text string, at int) bool {
	end := at
	for end > 0 && text[end-1] == ' ' {
		end--
	}
	if end == at {
		return false
	}
	start := end
	for start > 0 && isASCIIWordByte(text[start-1]) {
		start--
	}
	return timePrepositions[strings.ToLower(text[start:end])]
}

// planWords, a few words before a clock time, make it a plan rather than
// what happened: "a ceremony scheduled for 2:05 p.m.", "a news conference
// that had been set for 4 p.m.", "was due to start at 3".
var planWords = setOf("scheduled", "planned", "slated", "due", "expected", "supposed", "originally", "initially", "set", "rescheduled")

// plannedBefore reports whether a plan word is among the four words before
// the clock time starting at byte at ("set" only as "set for" or "set to").
func plannedBefore(text string, toks []token, at int) bool {
	k := len(toks)
	for i, t := range toks {
		if int(t.start) >= at {
			k = i
			break
		}
	}
	for i := k - 1; i >= 0 && i >= k-4; i-- {
		w := toks[i].text
		if !planWords[w] {
			continue
		}
		if w == "set" && !(i+1 < len(toks) && (toks[i+1].text == "for" || toks[i+1].text == "to")) {
			continue
		}
		return true
	}
	return false
}

// plannedStamp reports whether a clock time that stamps an entry ("15:00 –
// originally scheduled landing", "**16:00:** planned start of the talks")
// is a plan: a plan word among the first four words of the entry.
func plannedStamp(text string, toks []token, start, end int) bool {
	if strings.TrimLeft(text[:start], " *_#-•>\t") != "" && !strings.EqualFold(strings.TrimSpace(strings.Trim(text[:start], " *_#-•>")), "about") {
		return false
	}
	rest := strings.TrimLeft(text[end:], " *_")
	switch {
	case strings.HasPrefix(rest, "–"), strings.HasPrefix(rest, "—"), strings.HasPrefix(rest, "-"), strings.HasPrefix(rest, ":"), strings.HasPrefix(rest, "|"):
	default:
		return false
	}
	n := 0
	for _, t := range toks {
		if int(t.start) < end {
			continue
		}
		if n++; n > 4 {
			break
		}
		if planWords[t.text] && t.text != "set" && t.text != "due" || t.text == "planned" {
			return true
		}
	}
	return false
}
