package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	sqlite3 "github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is an open Newsreel database.
type DB struct {
	db   *sql.DB
	Path string
	an   analysisState // the cast import analyses with (see analysis.go)
	// peopleMu serialises RefreshPeople (see people.go).
	peopleMu sync.Mutex
}

// DefaultPath is where the database lives unless --db or NEWSREEL_DB say
// otherwise: newsreel/newsreel.db in the user's data directory
// ($XDG_DATA_HOME or ~/.local/share on Linux, %AppData% on Windows,
// ~/Library/Application Support on macOS).
func DefaultPath() string {
	if p := os.Getenv("NEWSREEL_DB"); p != "" {
		return p
	}
	return filepath.Join(userDataDir(), "newsreel", "newsreel.db")
}

func userDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return d
	}
	if d, err := os.UserConfigDir(); err == nil && (os.PathSeparator == '\\' || strings.Contains(d, "Library")) {
		return d // Windows %AppData%, macOS Application Support
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share")
	}
	return os.TempDir()
}

// Open opens (creating if needed) the database at path and brings its schema
// up to date. Errors name the file and say what is wrong with it.
func Open(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("no database path given")
	}
	if path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("database %s: cannot create its folder: %w", path, err)
		}
	}
	sqldb, err := sqlOpen(path)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", path, err)
	}
	d := &DB{db: sqldb, Path: path}
	if err := d.check(); err != nil {
		sqldb.Close()
		return nil, err
	}
	if err := d.migrate(context.Background(), SchemaVersion()); err != nil {
		sqldb.Close()
		return nil, err
	}
	if err := d.printMissing(context.Background()); err != nil {
		sqldb.Close()
		return nil, err
	}
	return d, nil
}

// driverName is go-sqlite3 with a connection hook that keeps temporary
// files (the statement journals of per-article savepoints) in memory and
// lets the write-ahead log grow to 10,000 pages (40 MB) before it is
// copied into the database: an import rewrites the same index pages batch
// after batch, and a checkpoint every 1,000 pages (the default) wrote a
// third more and synced the file ten times as often.
const driverName = "sqlite3_newsreel"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			_, err := c.Exec("PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 10000", nil)
			return err
		},
	})
}

// sqlOpen opens the file with WAL, foreign keys, a busy timeout and
// immediate write transactions.
func sqlOpen(path string) (*sql.DB, error) { return sqlOpenMode(path, "") }

// sqlOpenMode opens with an SQLite open mode ("ro", "rw"; "" for read,
// write and create).
func sqlOpenMode(path, mode string) (*sql.DB, error) {
	q := url.Values{}
	if mode != "" {
		q.Set("mode", mode)
	}
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "10000")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	// database/sql never uses a connection from two goroutines at once, so
	// SQLite need not lock one on every call (binding each value took a
	// lock).
	q.Set("_mutex", "no")
	q.Set("_cache_size", "-32768") // 32 MB of page cache: the FTS index stays in memory while importing
	return sql.Open(driverName, "file:"+path+"?"+q.Encode())
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// check makes sure the file is a usable SQLite database with FTS5.
func (d *DB) check() error {
	var mode string
	if err := d.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil {
		return d.describe(err)
	}
	if _, err := d.db.Exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts5_probe USING fts5(x)`); err != nil {
		if strings.Contains(err.Error(), "no such module") {
			return fmt.Errorf("database %s: this build of Newsreel lacks SQLite FTS5; build with -tags sqlite_fts5 (the Makefile does): %w", d.Path, err)
		}
		return d.describe(err)
	}
	_, _ = d.db.Exec(`DROP TABLE IF EXISTS temp.fts5_probe`)
	return nil
}

// describe turns low-level SQLite errors into messages that name the file.
func (d *DB) describe(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB:
			return fmt.Errorf("database %s: not a Newsreel database (not SQLite, or damaged): %w", d.Path, err)
		case sqlite3.ErrCorrupt:
			return fmt.Errorf("database %s: the file is damaged; restore a copy or choose another file: %w", d.Path, err)
		case sqlite3.ErrReadonly:
			return fmt.Errorf("database %s: read-only; choose a writable file or fix its permissions: %w", d.Path, err)
		case sqlite3.ErrCantOpen, sqlite3.ErrPerm:
			return fmt.Errorf("database %s: cannot open the file (check the path and permissions): %w", d.Path, err)
		case sqlite3.ErrBusy, sqlite3.ErrLocked:
			return fmt.Errorf("database %s: busy, another program holds a lock on it; try again: %w", d.Path, err)
		case sqlite3.ErrFull:
			return fmt.Errorf("database %s: the disk is full; nothing was changed: %w", d.Path, err)
		}
	}
	return fmt.Errorf("database %s: %w", d.Path, err)
}

type migration struct {
	version int
	name    string
	sql     string
}

func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", e.Name())
		}
		body, err := fs.ReadFile(migrationFS, "migrations/"+e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, e.Name(), string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int {
	ms, _ := loadMigrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies, each in its own transaction, every migration newer than
// the database's schema version, up to version upto.
func (d *DB) migrate(ctx context.Context, upto int) error {
	if _, err := d.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return d.describe(err)
	}
	var current int
	if err := d.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return d.describe(err)
	}
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	if latest := SchemaVersion(); current > latest {
		return fmt.Errorf("database %s: written by a newer Newsreel (schema %d; this one knows up to %d); upgrade Newsreel to open it", d.Path, current, latest)
	}
	for _, m := range ms {
		if m.version <= current || m.version > upto {
			continue
		}
		err := d.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, m.version)
			return err
		})
		if err != nil {
			return d.describe(err)
		}
	}
	return nil
}

// inTx runs fn in a transaction, committing when it returns nil.
func (d *DB) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Setting returns a stored setting, or def when it is not set.
func (d *DB) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := d.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	if err != nil {
		return def, d.describe(err)
	}
	return v, nil
}

// SetSetting stores a setting.
func (d *DB) SetSetting(ctx context.Context, key, value string) error {
	_, err := d.db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return d.describe(err)
	}
	return nil
}
