package ingest

import (
	"testing"
	"time"
)

func TestParseTimeLayouts(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		in   string
		want time.Time // zero: an error is expected
	}{
		{"2025-08-15", day(2025, 8, 15)},
		{"2025-08-15T21:40:00Z", time.Date(2025, 8, 15, 21, 40, 0, 0, time.UTC)},
		{"2025-08-16 10:21:45 (Beijing Time)", time.Date(2025, 8, 16, 2, 21, 45, 0, time.UTC)},
		{"August 15, 2025 9:40 PM AKDT", time.Date(2025, 8, 16, 5, 40, 0, 0, time.UTC)},
		{"2025-08-15 18:00 (Moscow time)", time.Date(2025, 8, 15, 15, 0, 0, 0, time.UTC)},
		{"Friday, August 15, 2025", day(2025, 8, 15)},
		{"15 August 2025, updated", day(2025, 8, 15)},
		{"2025/08/15", day(2025, 8, 15)},
		{"sometime last week", time.Time{}},
		{"2025-13-45", time.Time{}},
	}
	for _, c := range cases {
		got, err := ParseTime(c.in)
		if c.want.IsZero() {
			if err == nil {
				t.Errorf("ParseTime(%q) = %v, want an error", c.in, got)
			}
			continue
		}
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
}
