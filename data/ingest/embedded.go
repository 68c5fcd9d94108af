package ingest

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ImportFS imports the article folders of fsys (the bundled corpus, say) by
// copying them to a temporary folder and importing that like any other.
func ImportFS(ctx context.Context, sink Sink, fsys fs.FS, opts Options, progress Progress) (Summary, error) {
	dir, err := os.MkdirTemp("", "newsreel-corpus-")
	if err != nil {
		return Summary{}, fmt.Errorf("unpack bundled articles: %w", err)
	}
	defer os.RemoveAll(dir)
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		return Summary{}, fmt.Errorf("unpack bundled articles: %w", err)
	}
	return Import(ctx, sink, []string{dir}, opts, progress), nil
}
