package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// maxCopyCandidates bounds the prints compared for one new article (a band
// shared by hundreds of articles means boilerplate, not a copy).
const maxCopyCandidates = 64

// copyStatements are the prepared statements that file an article's print
// and link it to its original.
type copyStatements struct {
	print, candidates, candidatePrint, root, relink, link, ref *sql.Stmt
	bands                                                      *rowInserter
}

func prepareCopyStatements(pr *preparer) copyStatements {
	prep := pr.prep
	return copyStatements{
		print: prep(`INSERT INTO copy_prints (article_id, print) VALUES (?, ?)`),
		bands: newRowInserter(pr.ctx, pr.tx, "INSERT OR IGNORE INTO copy_bands", "band", "article_id"),
		candidates: prep(`SELECT DISTINCT article_id FROM copy_bands
			WHERE band IN (?, ?, ?, ?, ?, ?) AND article_id <> ? LIMIT ` + fmt.Sprint(maxCopyCandidates)),
		candidatePrint: prep(`SELECT p.print, COALESCE(a.copy_of, a.id) FROM copy_prints p JOIN articles a ON a.id = p.article_id WHERE p.article_id = ?`),
		root:           prep(`SELECT published FROM articles WHERE id = ?`),
		relink:         prep(`UPDATE articles SET copy_of = ?1, copy_similarity = CASE WHEN id = ?2 THEN ?3 ELSE copy_similarity END WHERE id = ?2 OR copy_of = ?2`),
		link:           prep(`UPDATE articles SET copy_of = ?, copy_similarity = ? WHERE id = ?`),
		ref:            prep(`SELECT s.label, a.file FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?`),
	}
}

func (c copyStatements) close() {
	closeStatements([]*sql.Stmt{c.print, c.candidates, c.candidatePrint, c.root, c.relink, c.link, c.ref})
	c.bands.close()
}

// linkCopy files the print of a stored article and, when it is a
// near-identical copy of an article already stored, links the group to the
// earliest published of them (the one stored first when a date is
// unknown). It returns the id of the original when the new article is a
// copy, 0 otherwise, and the id of the original it replaced when it came
// out before the group's original (which becomes a copy).
func (c copyStatements) linkCopy(ctx context.Context, id int64, published time.Time, p timeline.CopyPrint) (original, demoted int64, err error) {
	blob, _ := p.MarshalBinary()
	if _, err := c.print.ExecContext(ctx, id, blob); err != nil {
		return 0, 0, fmt.Errorf("store copy print: %w", err)
	}
	bands := p.Bands()
	if bands == nil {
		return 0, 0, nil
	}
	args := make([]any, 0, len(bands)+1)
	for _, b := range bands {
		c.bands.add(b, id)
		args = append(args, b)
	}
	if err := c.bands.flush(); err != nil {
		return 0, 0, fmt.Errorf("store copy bands: %w", err)
	}
	rows, err := c.candidates.QueryContext(ctx, append(args, id)...)
	if err != nil {
		return 0, 0, fmt.Errorf("find copy candidates: %w", err)
	}
	var cands []int64
	for rows.Next() {
		var cand int64
		if err := rows.Scan(&cand); err != nil {
			rows.Close()
			return 0, 0, err
		}
		cands = append(cands, cand)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, err
	}
	best, bestSim, root := int64(0), 0.0, int64(0)
	for _, cand := range cands {
		var blob []byte
		var candRoot int64
		if err := c.candidatePrint.QueryRowContext(ctx, cand).Scan(&blob, &candRoot); err != nil {
			return 0, 0, fmt.Errorf("read copy print: %w", err)
		}
		q, err := timeline.ParseCopyPrint(blob)
		if err != nil {
			continue // a damaged print only loses the link
		}
		if sim := p.Similarity(q); sim >= timeline.CopySimilarity && (sim > bestSim || sim == bestSim && cand < best) {
			best, bestSim, root = cand, sim, candRoot
		}
	}
	if best == 0 {
		return 0, 0, nil
	}
	var rootPublished sql.NullString
	if err := c.root.QueryRowContext(ctx, root).Scan(&rootPublished); err != nil {
		return 0, 0, fmt.Errorf("read original: %w", err)
	}
	if earlier(published, parseStoredTime(rootPublished)) {
		// The new article came out first: it becomes the group's original.
		if _, err := c.relink.ExecContext(ctx, id, root, bestSim); err != nil {
			return 0, 0, fmt.Errorf("link wire copies: %w", err)
		}
		return 0, root, nil
	}
	if _, err := c.link.ExecContext(ctx, root, bestSim, id); err != nil {
		return 0, 0, fmt.Errorf("link wire copy: %w", err)
	}
	return root, 0, nil
}

// refOf names a stored article.
func (c copyStatements) refOf(ctx context.Context, id int64) (timeline.ArticleRef, error) {
	var r timeline.ArticleRef
	err := c.ref.QueryRowContext(ctx, id).Scan(&r.Source, &r.File)
	return r, err
}

// earlier reports whether a precedes b, both known (when either date is
// unknown, the article stored first stays the original).
func earlier(a, b time.Time) bool {
	return !a.IsZero() && !b.IsZero() && a.Before(b)
}

// CopyLink is a stored wire copy with its original.
type CopyLink struct {
	Copy, Original timeline.ArticleRef
	Similarity     float64
}

// Copies lists the wire copies, by original then copy.
func (d *DB) Copies(ctx context.Context) ([]CopyLink, error) {
	return d.copyLinks(ctx, `SELECT cs.label, c.file, os.label, o.file, COALESCE(c.copy_similarity, 0)
		FROM articles c
		JOIN sources cs ON cs.id = c.source_id
		JOIN articles o ON o.id = c.copy_of
		JOIN sources os ON os.id = o.source_id
		WHERE c.copy_of IS NOT NULL
		ORDER BY os.label COLLATE NOCASE, o.file, cs.label COLLATE NOCASE, c.file`)
}

// printMissing files the prints of articles stored before prints existed
// (a database from an earlier version), linking their copies, a batch per
// transaction.
func (d *DB) printMissing(ctx context.Context) error {
	// Every article printed (a print is deleted with its article): two
	// counts, where looking for an unprinted article read the whole
	// articles table on every open (seconds at 100,000 articles when the
	// file is not in the page cache).
	var all bool
	if err := d.db.QueryRowContext(ctx, qAllPrinted).Scan(&all); err != nil {
		return d.describe(err)
	}
	if all {
		return nil
	}
	for {
		ids, err := d.unprinted(ctx, 256)
		if err != nil || len(ids) == 0 {
			return err
		}
		err = d.inTx(ctx, func(tx *sql.Tx) error {
			pr := &preparer{ctx: ctx, tx: tx}
			cs := prepareCopyStatements(pr)
			defer cs.close()
			if pr.err != nil {
				return pr.err
			}
			linked := false
			for _, id := range ids {
				var published sql.NullString
				if err := tx.QueryRowContext(ctx, `SELECT published FROM articles WHERE id = ?`, id).Scan(&published); err != nil {
					return err
				}
				sents, err := sentencesOf(ctx, tx, id)
				if err != nil {
					return err
				}
				original, demoted, err := cs.linkCopy(ctx, id, parseStoredTime(published), timeline.FingerprintSentences(sents))
				if err != nil {
					return err
				}
				linked = linked || original != 0 || demoted != 0
			}
			if linked { // copies the stored per-source sums counted as originals
				return recountCopies(ctx, tx)
			}
			return nil
		})
		if err != nil {
			return d.describe(fmt.Errorf("print stored articles for wire copies: %w", err))
		}
	}
}

// qAllPrinted says whether every article has its print.
const qAllPrinted = `SELECT (SELECT COUNT(*) FROM articles) = (SELECT COUNT(*) FROM copy_prints)`

func (d *DB) unprinted(ctx context.Context, limit int) ([]int64, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT a.id FROM articles a
		WHERE NOT EXISTS (SELECT 1 FROM copy_prints p WHERE p.article_id = a.id) ORDER BY a.id LIMIT ?`, limit)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// sentencesOf reads one article's sentences (text and kind, enough to
// print it).
func sentencesOf(ctx context.Context, tx *sql.Tx, id int64) ([]timeline.Sentence, error) {
	rows, err := tx.QueryContext(ctx, `SELECT seq, kind, text FROM sentences WHERE article_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []timeline.Sentence
	for rows.Next() {
		var s timeline.Sentence
		var kind string
		if err := rows.Scan(&s.Index, &kind, &s.Text); err != nil {
			return nil, err
		}
		s.Heading, s.ListItem = kind == "heading", kind == "item"
		out = append(out, s)
	}
	return out, rows.Err()
}

// preparer prepares statements in a transaction, keeping the first error
// so that a block of statements is checked once (err).
type preparer struct {
	ctx context.Context
	tx  *sql.Tx
	err error
}

func (p *preparer) prep(q string) *sql.Stmt {
	if p.err != nil {
		return nil
	}
	s, err := p.tx.PrepareContext(p.ctx, q)
	p.err = err
	return s
}

func closeStatements(sts []*sql.Stmt) {
	for _, s := range sts {
		if s != nil {
			s.Close()
		}
	}
}
