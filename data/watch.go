package data

import (
	"context"
	"time"
)

// Watch calls changed each time it notices that the database was written
// to through another connection: another process (newsreel import while
// the window is open) or another handle in this one. Every interval it
// reads PRAGMA data_version (a counter in the file's header that moves
// with each commit made elsewhere) on a connection of its own, so it is
// cheap and takes no lock writers wait for. Watch returns once it has read
// the counter, so any later commit is noticed; the polling goroutine it
// starts stops when ctx ends (a failed poll is retried at the next tick).
func (d *DB) Watch(ctx context.Context, interval time.Duration, changed func()) error {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return d.describe(err)
	}
	version := func() (int64, error) {
		var v int64
		err := conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
		return v, err
	}
	last, err := version()
	if err != nil {
		conn.Close()
		return d.describe(err)
	}
	go func() {
		defer conn.Close()
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			if v, err := version(); err == nil && v != last {
				last = v
				changed()
			}
		}
	}()
	return nil
}
