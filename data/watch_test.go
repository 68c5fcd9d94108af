package data

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// TestWatchSeesCommitsFromAnotherHandle writes through a second handle on
// the same file, as another process would, and waits for Watch to notice;
// reads are not changes.
func TestWatchSeesCommitsFromAnotherHandle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "watch.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx, cancel := context.WithCancel(context.Background())
	changed := make(chan struct{}, 16)
	defer cancel()
	if err := db.Watch(ctx, time.Millisecond, func() { changed <- struct{}{} }); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ { // reads change nothing
		if _, err := db.CountArticles(ctx); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-changed:
		t.Fatal("a read was taken for a change")
	default:
	}
	if err := other.SetSetting(ctx, "probe", "1"); err != nil {
		t.Fatal(err)
	}
	select {
	case <-changed:
	case <-time.After(30 * time.Second):
		t.Fatal("the other handle's commit was not noticed")
	}
}
