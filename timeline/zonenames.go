package timeline

import (
	"strings"
	"time"
)

// ZoneNamed returns the location of a time-zone name as articles write it
// ("AKDT", "Moscow time", "(Beijing Time)"), case-insensitively, using the
// same table as the engine's clock times.
func ZoneNamed(name string) (*time.Location, bool) {
	name = strings.ToLower(strings.Trim(strings.TrimSpace(name), "()[]"))
	loc, ok := zoneLocations[name]
	if !ok {
		return nil, false
	}
	l, err := time.LoadLocation(loc)
	if err != nil {
		return nil, false
	}
	return l, true
}
