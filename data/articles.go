package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// ContentHash identifies an article's text: the SHA-256 of its body with line
// endings and surrounding white space normalised, so that the same text
// imported twice (from any file) is stored once.
func ContentHash(body string) string {
	norm := strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:])
}

// ImportArticle segments art and stores it with its sentences in one
// transaction. An article whose text, or canonical URL, is already stored
// is left alone and reported as a duplicate.
func (d *DB) ImportArticle(ctx context.Context, art timeline.Article) (ingest.Stored, error) {
	seg := timeline.Segment(art.Body, timeline.DefaultBoilerplate)
	if len(seg.Sentences) == 0 {
		return ingest.Stored{}, fmt.Errorf("no sentences in the text (only boilerplate or punctuation)")
	}
	duplicate := false
	source := strings.TrimSpace(art.Source)
	if source == "" {
		source = art.File
	}
	meta, err := json.Marshal(art.Meta)
	if err != nil || art.Meta == nil {
		meta = []byte("{}")
	}
	hash := ContentHash(art.Body)
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE content_hash = ? OR (? <> '' AND url = ?)`,
			hash, art.URL, art.URL).Scan(&exists); err != nil {
			return fmt.Errorf("look up article: %w", err)
		}
		if exists > 0 {
			duplicate = true
			return nil
		}
		var sourceID int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO sources (label) VALUES (?)
			ON CONFLICT (label) DO UPDATE SET label = label RETURNING id`, source).Scan(&sourceID); err != nil {
			return fmt.Errorf("store source: %w", err)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO articles
			(source_id, file, title, url, published, event_date, dateline, meta, body, content_hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			sourceID, art.File, art.Title, art.URL, nullTime(art.Published), nullTime(art.EventDate),
			art.Dateline, string(meta), art.Body, hash)
		if err != nil {
			return fmt.Errorf("store article: %w", err)
		}
		articleID, err := res.LastInsertId()
		if err != nil {
			return err
		}
		return insertSentences(ctx, tx, articleID, seg)
	})
	if err != nil {
		return ingest.Stored{}, d.describe(err)
	}
	if duplicate {
		return ingest.Stored{Duplicate: true}, nil
	}
	return ingest.Stored{Sentences: len(seg.Sentences), Stripped: len(seg.Stripped)}, nil
}

func insertSentences(ctx context.Context, tx *sql.Tx, articleID int64, seg timeline.Segmented) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO sentences
		(article_id, seq, paragraph, start_offset, end_offset, kind, words, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, s := range seg.Sentences {
		if _, err := stmt.ExecContext(ctx, articleID, s.Index, s.Paragraph, s.Start, s.End, sentenceKind(s), s.Words(), s.Text); err != nil {
			return fmt.Errorf("store sentence %d: %w", s.Index, err)
		}
	}
	for _, l := range seg.Stripped {
		if _, err := tx.ExecContext(ctx, `INSERT INTO stripped_lines (article_id, start_offset, end_offset, rule, text) VALUES (?, ?, ?, ?, ?)`,
			articleID, l.Start, l.End, l.Rule, l.Text); err != nil {
			return fmt.Errorf("store stripped line: %w", err)
		}
	}
	return nil
}

func sentenceKind(s timeline.Sentence) string {
	switch {
	case s.Heading:
		return "heading"
	case s.ListItem:
		return "item"
	}
	return "text"
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.RFC3339)
}

// SourceSummary is one source with its counts.
type SourceSummary struct {
	ID        int64
	Label     string
	Articles  int
	Sentences int
}

// Sources lists the sources by label with article and sentence counts.
func (d *DB) Sources(ctx context.Context) ([]SourceSummary, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT s.id, s.label,
		(SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id),
		(SELECT COUNT(*) FROM sentences n JOIN articles a ON a.id = n.article_id WHERE a.source_id = s.id)
		FROM sources s ORDER BY s.label COLLATE NOCASE`)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var out []SourceSummary
	for rows.Next() {
		var s SourceSummary
		if err := rows.Scan(&s.ID, &s.Label, &s.Articles, &s.Sentences); err != nil {
			return nil, d.describe(err)
		}
		out = append(out, s)
	}
	return out, d.describeErr(rows.Err())
}

func (d *DB) describeErr(err error) error {
	if err == nil {
		return nil
	}
	return d.describe(err)
}

// RenameSource gives a source a new label.
func (d *DB) RenameSource(ctx context.Context, id int64, label string) error {
	label = strings.TrimSpace(label)
	if label == "" {
		return fmt.Errorf("a source label cannot be empty")
	}
	res, err := d.db.ExecContext(ctx, `UPDATE sources SET label = ? WHERE id = ?`, label, id)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return fmt.Errorf("another source is already called %q", label)
		}
		return d.describe(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("no source with id %d", id)
	}
	return nil
}

// ArticleSummary is one stored article without its body.
type ArticleSummary struct {
	ID        int64
	Source    string
	File      string
	Title     string
	Sentences int
}

// Articles lists the stored articles by source and file.
func (d *DB) Articles(ctx context.Context) ([]ArticleSummary, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT a.id, s.label, a.file, a.title,
		(SELECT COUNT(*) FROM sentences n WHERE n.article_id = a.id)
		FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY s.label COLLATE NOCASE, a.file, a.id`)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var out []ArticleSummary
	for rows.Next() {
		var a ArticleSummary
		if err := rows.Scan(&a.ID, &a.Source, &a.File, &a.Title, &a.Sentences); err != nil {
			return nil, d.describe(err)
		}
		out = append(out, a)
	}
	return out, d.describeErr(rows.Err())
}

// CountArticles returns how many articles are stored.
func (d *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0, d.describe(err)
	}
	return n, nil
}
