package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// ScreenEvidence is how many evidence sentences per source and phase the
// cached screen timeline keeps.
const ScreenEvidence = 8

// cachedTimeline is a timeline as cached: JSON keeps each time's offset
// but not its zone's name, kept alongside in walk order.
type cachedTimeline struct {
	Timeline timeline.Timeline
	Zones    []string
}

// walkTimes calls fn for every time in tl, in a fixed order.
func walkTimes(tl *timeline.Timeline, fn func(*time.Time)) {
	for i := range tl.Phases {
		p := &tl.Phases[i]
		for _, b := range []*timeline.Bound{p.Start, p.End} {
			if b != nil {
				fn(&b.Time)
			}
		}
		for _, evs := range [][]timeline.Evidence{p.Durations, p.Evidence} {
			for k := range evs {
				for m := range evs[k].Times {
					fn(&evs[k].Times[m].Time)
				}
			}
		}
	}
}

// ScreenTimeline returns the timeline with at most ScreenEvidence evidence
// sentences per source and phase, from a cache kept in the database until
// a stored analysis or the schema changes (then rebuilt from the stored
// analysis). Call Refresh first.
func (d *DB) ScreenTimeline(ctx context.Context, schema *timeline.Schema) (timeline.Timeline, error) {
	stamp, err := d.Setting(ctx, "analysis.stamp", "0")
	if err != nil {
		return timeline.Timeline{}, err
	}
	stamp += "/" + schema.Hash()
	var raw []byte
	err = d.db.QueryRowContext(ctx, `SELECT value FROM analysis_cache WHERE name = 'timeline' AND stamp = ?`, stamp).Scan(&raw)
	if err == nil {
		var c cachedTimeline
		if err := json.Unmarshal(raw, &c); err == nil {
			k := 0
			walkTimes(&c.Timeline, func(t *time.Time) {
				if k < len(c.Zones) && !t.IsZero() {
					_, off := t.Zone()
					if c.Zones[k] == "UTC" && off == 0 {
						*t = t.UTC()
					} else {
						*t = t.In(time.FixedZone(c.Zones[k], off))
					}
				}
				k++
			})
			return c.Timeline, nil
		}
	} else if err != sql.ErrNoRows {
		return timeline.Timeline{}, d.describe(err)
	}
	tl, err := d.StoredTimeline(ctx, schema, ScreenEvidence)
	if err != nil {
		return tl, err
	}
	c := cachedTimeline{Timeline: tl}
	walkTimes(&tl, func(t *time.Time) {
		z, _ := t.Zone()
		c.Zones = append(c.Zones, z)
	})
	if raw, err = json.Marshal(c); err != nil {
		return tl, fmt.Errorf("cache the timeline: %w", err)
	}
	// A cache that cannot be written (a read-only file) is no error.
	_, _ = d.db.ExecContext(ctx, `INSERT INTO analysis_cache (name, stamp, value) VALUES ('timeline', ?, ?)
		ON CONFLICT (name) DO UPDATE SET stamp = excluded.stamp, value = excluded.value`, stamp, raw)
	return tl, nil
}
