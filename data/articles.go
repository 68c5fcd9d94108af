package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
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
	r := d.StoreBatch(ctx, []ingest.Prepared{ingest.Prepare(art)})
	return r[0].Stored, r[0].Err
}

// StoreBatch stores prepared articles in one transaction: an article that
// fails is rolled back alone and reported, the others commit together. A
// crash leaves each article fully stored or absent.
//
// The batch is first stored without savepoints (they cost a copy of every
// page an article changes); when an article fails, that transaction is
// rolled back and the batch stored again with a savepoint per article.
func (d *DB) StoreBatch(ctx context.Context, batch []ingest.Prepared) []ingest.StoreResult {
	out, err := d.storeBatch(ctx, batch, false)
	if errors.Is(err, errArticleFailed) {
		out, err = d.storeBatch(ctx, batch, true)
	}
	if err != nil {
		err = d.describe(err)
		for i := range out {
			if out[i].Err == nil {
				out[i] = ingest.StoreResult{Err: err}
			}
		}
	}
	return out
}

// errArticleFailed stops a batch stored without savepoints when one of its
// articles fails.
var errArticleFailed = errors.New("an article failed")

// storeBatch stores a batch in one transaction; with savepoints, each
// article in its own (see StoreBatch).
func (d *DB) storeBatch(ctx context.Context, batch []ingest.Prepared, savepoints bool) ([]ingest.StoreResult, error) {
	out := make([]ingest.StoreResult, len(batch))
	var delta timeline.CastCounts
	var maxID, version int64
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		var lastID int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM sentences`).Scan(&lastID); err != nil {
			return err
		}
		// The cast as stored: reloaded when another process imported since.
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&maxID); err != nil {
			return err
		}
		d.an.mu.Lock()
		if d.an.counts == nil || d.an.maxID != maxID {
			c, _, err := loadCast(ctx, tx)
			if err != nil {
				d.an.mu.Unlock()
				return err
			}
			d.an.counts, d.an.maxID = c, maxID
			d.an.version++
			d.an.publish()
		}
		version = d.an.version
		d.an.mu.Unlock()
		st, err := newStatements(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		ast, err := prepareAnalysisStatements(ctx, tx)
		if err != nil {
			return err
		}
		defer ast.close()
		delta = timeline.CastCounts{}
		changed := false
		for i := range batch {
			p := &batch[i] // an analysis made now is kept in batch[i] (see settleAhead)
			if p.Err != nil {
				out[i].Err = p.Err
				continue
			}
			if len(p.Seg.Sentences) == 0 {
				out[i].Err = errNoSentences
				continue
			}
			if savepoints {
				if _, err := tx.ExecContext(ctx, `SAVEPOINT article`); err != nil {
					return err
				}
			}
			stored, pa, err := d.storeArticle(ctx, st, ast, p)
			if err != nil && !savepoints {
				return fmt.Errorf("%w: %w", errArticleFailed, err)
			}
			if err != nil {
				if _, rerr := tx.ExecContext(ctx, `ROLLBACK TO article`); rerr != nil {
					// SQLite already rolled the whole transaction back (a full
					// disk does that): the batch fails with the cause.
					return err
				}
				clear(st.sourceIDs) // the article's new source is gone
				out[i].Err = d.describe(err)
			} else if pa != nil {
				st.count(stored.sourceID, stored.Sentences)
				delta.Add(pa.names, 1)
				maxID = max(maxID, stored.ID)
				ast.add(stored.sourceID, pa.words, stored.cells, 1, stored.CopyOf != "")
				if stored.demoted != 0 {
					if err := becameCopy(ctx, tx, ast, stored.demoted); err != nil {
						return err
					}
				}
				changed = true
			}
			out[i].Stored = stored.Stored
			if savepoints {
				if _, err := tx.ExecContext(ctx, `RELEASE article`); err != nil {
					return err
				}
			}
		}
		if err := st.flushCounts(ctx); err != nil {
			return err
		}
		if err := addNames(ctx, tx, delta, maxID); err != nil {
			return err
		}
		if err := ast.flush(ctx, tx); err != nil {
			return err
		}
		if changed {
			if err := bumpStamp(ctx, tx); err != nil {
				return err
			}
		}
		// Index the batch's sentences in one statement, in the same
		// transaction: they are searchable exactly when they are stored.
		_, err = tx.ExecContext(ctx, `INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ?`, lastID)
		return err
	})
	d.an.mu.Lock()
	d.an.settleAhead(batch)
	if err == nil && d.an.version == version {
		for _, t := range delta {
			d.an.counts.Add([]timeline.NameTally{t}, 1)
		}
		d.an.maxID = maxID
		d.an.version++
		d.an.publish()
	}
	d.an.mu.Unlock()
	return out, err
}

var errNoSentences = errors.New("no sentences in the text (only boilerplate or punctuation)")

// statements are the prepared statements of one batch.
type statements struct {
	exists, source, article, stripped, counts *sql.Stmt
	sentences                                 *rowInserter
	copies                                    copyStatements
	sourceIDs                                 map[string]int64 // the sources stored in the batch, by label
	// the articles and sentences stored in the batch per source, added to
	// source_counts by flushCounts
	added map[int64]*[2]int
}

func newStatements(ctx context.Context, tx *sql.Tx) (*statements, error) {
	st := &statements{sourceIDs: map[string]int64{}, added: map[int64]*[2]int{}}
	pr := &preparer{ctx: ctx, tx: tx}
	prep := pr.prep
	// Two indexed look-ups (an OR across columns would scan the table).
	st.exists = prep(`SELECT EXISTS (SELECT 1 FROM articles WHERE content_hash = ?1)
		OR EXISTS (SELECT 1 FROM articles WHERE url = ?2 AND url <> '' AND ?2 <> '')`)
	st.source = prep(`INSERT INTO sources (label) VALUES (?) ON CONFLICT (label) DO UPDATE SET label = label RETURNING id`)
	st.article = prep(`INSERT INTO articles (source_id, file, title, url, published, event_date, dateline, meta, body, content_hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	st.sentences = newRowInserter(ctx, tx, "INSERT INTO sentences", "article_id", "seq", "paragraph", "start_offset", "end_offset", "kind", "words", "text")
	st.stripped = prep(`INSERT INTO stripped_lines (article_id, start_offset, end_offset, rule, text) VALUES (?, ?, ?, ?, ?)`)
	st.counts = prep(`INSERT INTO source_counts (source_id, articles, sentences) VALUES (?, ?, ?)
		ON CONFLICT (source_id) DO UPDATE SET articles = articles + excluded.articles, sentences = sentences + excluded.sentences`)
	st.copies = prepareCopyStatements(pr)
	if pr.err != nil {
		st.close()
		return nil, pr.err
	}
	return st, nil
}

func (st *statements) close() {
	closeStatements([]*sql.Stmt{st.exists, st.source, st.article, st.stripped, st.counts})
	st.sentences.close()
	st.copies.close()
}

// count adds a stored article with its sentences to its source's counts.
func (st *statements) count(sourceID int64, sentences int) {
	c := st.added[sourceID]
	if c == nil {
		c = &[2]int{}
		st.added[sourceID] = c
	}
	c[0]++
	c[1] += sentences
}

// flushCounts adds the counts of the articles stored since the last flush
// to source_counts.
func (st *statements) flushCounts(ctx context.Context) error {
	for id, c := range st.added {
		if _, err := st.counts.ExecContext(ctx, id, c[0], c[1]); err != nil {
			return fmt.Errorf("store source counts: %w", err)
		}
	}
	clear(st.added)
	return nil
}

// storedArticle is what storing one article wrote.
type storedArticle struct {
	ingest.Stored
	ID, sourceID int64
	cells        []timeline.CoverageCell // its coverage, for the per-source sums
	demoted      int64                   // the article it took the place of as the original of a group of copies
}

// storeArticle writes one prepared article with its analysis (made now if
// the worker pool did not). It returns the analysis stored, nil for a
// duplicate.
func (d *DB) storeArticle(ctx context.Context, st *statements, ast *analysisStatements, p *ingest.Prepared) (storedArticle, *preparedAnalysis, error) {
	pa, _ := p.Analysis.(*preparedAnalysis)
	sa, err := st.store(ctx, *p, pa)
	if err != nil || sa.Duplicate {
		return sa, nil, err
	}
	if pa == nil {
		if d.AnalyzePrepared(p); p.Analysis == nil {
			return sa, nil, fmt.Errorf("analyse: cannot load the schema or the cast")
		}
		pa = p.Analysis.(*preparedAnalysis)
	}
	cells, err := ast.store(ctx, sa.ID, sa.sourceID, p.Article.File, pa)
	if err != nil {
		return sa, nil, err
	}
	sa.cells = cells
	return sa, pa, nil
}

// store writes one prepared article, with what its analysis (pa, nil when
// it has none yet) computed ahead: its hash and its sentences' words.
func (st *statements) store(ctx context.Context, p ingest.Prepared, pa *preparedAnalysis) (storedArticle, error) {
	art, seg := p.Article, p.Seg
	if len(seg.Sentences) == 0 {
		return storedArticle{}, errNoSentences
	}
	var hash string
	var words []int
	if pa != nil {
		hash, words = pa.contentHash, pa.sentenceWords
	}
	if hash == "" {
		hash = ContentHash(art.Body)
	}
	var exists int
	if err := st.exists.QueryRowContext(ctx, hash, art.URL).Scan(&exists); err != nil {
		return storedArticle{}, fmt.Errorf("look up article: %w", err)
	}
	if exists > 0 {
		return storedArticle{Stored: ingest.Stored{Duplicate: true}}, nil
	}
	source := strings.TrimSpace(art.Source)
	if source == "" {
		source = art.File
	}
	meta, err := json.Marshal(art.Meta)
	if err != nil || art.Meta == nil {
		meta = []byte("{}")
	}
	sourceID := st.sourceIDs[source]
	if sourceID == 0 {
		if err := st.source.QueryRowContext(ctx, source).Scan(&sourceID); err != nil {
			return storedArticle{}, fmt.Errorf("store source: %w", err)
		}
		st.sourceIDs[source] = sourceID
	}
	res, err := st.article.ExecContext(ctx, sourceID, art.File, art.Title, art.URL, nullTime(art.Published), nullTime(art.EventDate),
		art.Dateline, string(meta), art.Body, hash)
	if err != nil {
		return storedArticle{}, fmt.Errorf("store article: %w", err)
	}
	articleID, err := res.LastInsertId()
	if err != nil {
		return storedArticle{}, err
	}
	for i, s := range seg.Sentences {
		n := 0
		if i < len(words) {
			n = words[i]
		} else {
			n = s.Words()
		}
		st.sentences.add(articleID, int64(s.Index), int64(s.Paragraph), int64(s.Start), int64(s.End), sentenceKind(s), int64(n), s.Text)
	}
	if err := st.sentences.flush(); err != nil {
		return storedArticle{}, fmt.Errorf("store sentences: %w", err)
	}
	for _, l := range seg.Stripped {
		if _, err := st.stripped.ExecContext(ctx, articleID, l.Start, l.End, l.Rule, l.Text); err != nil {
			return storedArticle{}, fmt.Errorf("store stripped line: %w", err)
		}
	}
	stored := storedArticle{Stored: ingest.Stored{Sentences: len(seg.Sentences), Stripped: len(seg.Stripped)}, ID: articleID, sourceID: sourceID}
	original, demoted, err := st.copies.linkCopy(ctx, articleID, art.Published, p.Print)
	if err != nil {
		return storedArticle{}, err
	}
	stored.demoted = demoted
	if original != 0 {
		ref, err := st.copies.refOf(ctx, original)
		if err != nil {
			return storedArticle{}, fmt.Errorf("read original: %w", err)
		}
		stored.CopyOf = ref.String()
	}
	return stored, nil
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

// qSources lists the sources with their counts, kept in source_counts as
// articles are stored (migration 011).
const qSources = `SELECT s.id, s.label, COALESCE(c.articles, 0), COALESCE(c.sentences, 0)
	FROM sources s LEFT JOIN source_counts c ON c.source_id = s.id ORDER BY s.label COLLATE NOCASE`

// Sources lists the sources by label with article and sentence counts.
func (d *DB) Sources(ctx context.Context) ([]SourceSummary, error) {
	rows, err := d.db.QueryContext(ctx, qSources)
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
