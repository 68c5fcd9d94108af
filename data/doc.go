// Package data is Newsreel's storage: a SQLite database (github.com/mattn/
// go-sqlite3, built with the sqlite_fts5 tag) with embedded, numbered
// migrations applied in transactions, WAL journaling, foreign keys and a busy
// timeout. It is the only package that speaks SQL; it stores what the
// timeline engine produces and reads it back for the UI and command line.
package data
