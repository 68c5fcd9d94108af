package ui

import (
	"context"
	"time"

	"github.com/newsreel/newsreel/data"
)

// watchEvery is how often the window looks for changes made to its
// database by others (newsreel import in a terminal, say).
const watchEvery = 2 * time.Second

// watchStore has the analysis follow changes other programs make to the
// store: db.Watch notices their commits (from the moment it returns) and
// storeChanged re-analyses. It stops with ctx (when the window closes).
// every is the polling interval: zero for watchEvery, negative not to
// watch. Called off the UI goroutine.
func (v *Window) watchStore(ctx context.Context, db *data.DB, every time.Duration) error {
	switch {
	case every < 0:
		return nil
	case every == 0:
		every = watchEvery
	}
	return db.Watch(ctx, every, func() {
		// The window's own writes (the first start's import, the stored
		// analysis) also change the store: idle re-analyses only when
		// the store's mark differs from the one shown.
		v.onUI(func() { v.changedMeanwhile = true; v.idle() })
	})
}

// storeChanged re-analyses after another program changed the store. While
// the window's own import, edit or analysis runs it only notes the change
// (the commits may be its own); idle looks again when they are done.
func (v *Window) storeChanged() {
	if v.db == nil || v.busy > 0 { // still opening, or busy
		v.changedMeanwhile = true
		return
	}
	v.status.SetText("Another program changed the database: analysing again…")
	v.reloadWith("updated " + time.Now().Format("15:04") + " after changes by another program")
}

// idle runs when the window's own work is done: if the store changed
// meanwhile and its mark (articles, stored analyses, actor edits) is not
// the one the analysis shown was read at, it re-analyses.
func (v *Window) idle() {
	if !v.changedMeanwhile || v.busy > 0 || v.db == nil || v.a == nil {
		return
	}
	v.changedMeanwhile = false
	db, shown := v.db, v.a.mark
	v.busy++
	go func() {
		mark, err := db.StoreMark(context.Background())
		v.onUI(func() {
			v.busy--
			if err == nil && mark != shown {
				v.storeChanged()
			} else {
				v.idle()
			}
		})
	}()
}
