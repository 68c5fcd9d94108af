package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// StoredArticle is an article as stored, with its sentences.
type StoredArticle struct {
	ID        int64
	Article   timeline.Article
	Sentences []timeline.Sentence
}

// LoadCorpus reads every article with its sentences, ordered by source and
// file, for the engine to analyse.
func (d *DB) LoadCorpus(ctx context.Context) ([]StoredArticle, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT a.id, s.label, a.file, a.title, a.url, a.dateline,
		a.published, a.event_date, a.meta, a.body, COALESCE(os.label, ''), COALESCE(o.file, '')
		FROM articles a JOIN sources s ON s.id = a.source_id
		LEFT JOIN articles o ON o.id = a.copy_of
		LEFT JOIN sources os ON os.id = o.source_id
		ORDER BY s.label COLLATE NOCASE, a.file, a.id`)
	if err != nil {
		return nil, d.describe(err)
	}
	var out []StoredArticle
	index := map[int64]int{}
	for rows.Next() {
		var sa StoredArticle
		var published, eventDate sql.NullString
		var meta string
		a := &sa.Article
		if err := rows.Scan(&sa.ID, &a.Source, &a.File, &a.Title, &a.URL, &a.Dateline, &published, &eventDate, &meta, &a.Body, &a.CopyOf.Source, &a.CopyOf.File); err != nil {
			rows.Close()
			return nil, d.describe(err)
		}
		a.Published = parseStoredTime(published)
		a.EventDate = parseStoredTime(eventDate)
		_ = json.Unmarshal([]byte(meta), &a.Meta)
		index[sa.ID] = len(out)
		out = append(out, sa)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, d.describe(err)
	}
	srows, err := d.db.QueryContext(ctx, `SELECT article_id, seq, paragraph, start_offset, end_offset, kind, text
		FROM sentences ORDER BY article_id, seq`)
	if err != nil {
		return nil, d.describe(err)
	}
	defer srows.Close()
	for srows.Next() {
		var id int64
		var s timeline.Sentence
		var kind string
		if err := srows.Scan(&id, &s.Index, &s.Paragraph, &s.Start, &s.End, &kind, &s.Text); err != nil {
			return nil, d.describe(err)
		}
		s.Heading, s.ListItem = kind == "heading", kind == "item"
		if i, ok := index[id]; ok {
			out[i].Sentences = append(out[i].Sentences, s)
		}
	}
	return out, d.describeErr(srows.Err())
}

// parseStoredTime reads an RFC 3339 column, keeping its offset as a fixed
// zone (time zone names are not stored).
func parseStoredTime(v sql.NullString) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339, v.String)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Analyze brings the stored analysis up to date for schema (see Refresh)
// and reads every article with it.
func (d *DB) Analyze(ctx context.Context, schema *timeline.Schema) ([]timeline.AnalyzedArticle, error) {
	if err := d.Refresh(ctx, schema, nil); err != nil {
		return nil, err
	}
	return d.LoadAnalyzed(ctx)
}

// Report brings the stored analysis up to date for schema, reads it and
// runs the corpus-level stages, replaying the stored actor edits.
func (d *DB) Report(ctx context.Context, schema *timeline.Schema) (*timeline.Report, error) {
	arts, err := d.Analyze(ctx, schema)
	if err != nil {
		return nil, err
	}
	edits, err := d.ActorEdits(ctx)
	if err != nil {
		return nil, err
	}
	return schema.Report(arts, EditsOnly(edits)...), nil
}
