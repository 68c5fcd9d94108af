package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/newsreel/newsreel/timeline"
)

// Reads for the window's screens that load one source, article or cell on
// demand, so that no screen holds the corpus: each is a few indexed
// look-ups whatever the size of the store. The hot queries are constants
// so that a test checks their plans.
const (
	// The store's state: articles, the newest, the analysis stamp (bumped
	// whenever analyses are stored) and the actor edits.
	qStoreMark = `SELECT (SELECT COUNT(*) FROM articles), (SELECT COALESCE(MAX(id), 0) FROM articles),
		(SELECT COALESCE((SELECT value FROM settings WHERE key = 'analysis.stamp'), '0')),
		(SELECT COUNT(*) FROM actor_edits), (SELECT COALESCE(MAX(id), 0) FROM actor_edits)`
	qCopyCount = `SELECT COUNT(*) FROM articles WHERE copy_of IS NOT NULL`
	// A source's wire copies (?1 = its label) and, with ?2 = 1, its
	// articles others reprinted; by file.
	qSourceCopies = `SELECT cs.label, c.file, os.label, o.file, COALESCE(c.copy_similarity, 0)
		FROM sources cs CROSS JOIN articles c ON c.source_id = cs.id CROSS JOIN articles o ON o.id = c.copy_of CROSS JOIN sources os ON os.id = o.source_id
		WHERE cs.label = ?1 AND c.copy_of IS NOT NULL ORDER BY c.file, c.id`
	qSourceReprints = `SELECT cs.label, c.file, os.label, o.file, COALESCE(c.copy_similarity, 0)
		FROM sources os CROSS JOIN articles o ON o.source_id = os.id CROSS JOIN articles c ON c.copy_of = o.id CROSS JOIN sources cs ON cs.id = c.source_id
		WHERE os.label = ?1 AND c.copy_of IS NOT NULL ORDER BY o.file, o.id, cs.label COLLATE NOCASE, c.file`
	// ?1 = 1 counts wire copies as their sources' own text.
	qSourceWords = `SELECT s.label, w.words - w.copy_words * (1 - ?1) FROM source_words w JOIN sources s ON s.id = w.source_id`
	// The analysed sentences of a source's articles with a coverage cell
	// for the key (?2 kind, ?3 key), in corpus order.
	qCellSentences = `SELECT a.file, r.value, t.text
		FROM sources s CROSS JOIN articles a ON a.source_id = s.id
		CROSS JOIN article_analysis aa ON aa.article_id = a.id CROSS JOIN json_each(aa.results) r
		CROSS JOIN sentences t ON t.article_id = a.id AND t.seq = r.value ->> 'i'
		WHERE s.label = ?1 AND EXISTS (SELECT 1 FROM coverage_cells c WHERE c.article_id = a.id AND c.kind = ?2 AND c.key = ?3)
		ORDER BY a.file, a.id` // json_each walks an article's results in seq order
	qArticleAt = `SELECT a.id, a.title, a.url, a.dateline, a.published, a.event_date, a.meta, a.body, COALESCE(os.label, ''), COALESCE(o.file, '')
		FROM sources s CROSS JOIN articles a ON a.source_id = s.id
		LEFT JOIN articles o ON o.id = a.copy_of LEFT JOIN sources os ON os.id = o.source_id
		WHERE s.label = ? AND a.file = ? ORDER BY a.id LIMIT 1`
	qArticleSentences = `SELECT t.seq, t.paragraph, t.start_offset, t.end_offset, t.kind, t.text
		FROM sentences t WHERE t.article_id = ? ORDER BY t.seq`
)

// StoreMark identifies what the store holds: it changes when articles are
// added or removed, analyses are stored or actor edits are made, by this
// process or another. Comparing marks tells a window whether what it shows
// is out of date without reading the articles.
func (d *DB) StoreMark(ctx context.Context) (string, error) {
	var articles, newest, edits, lastEdit int64
	var stamp string
	if err := d.db.QueryRowContext(ctx, qStoreMark).Scan(&articles, &newest, &stamp, &edits, &lastEdit); err != nil {
		return "", d.describe(err)
	}
	return fmt.Sprintf("articles %d up to %d, analysis %s, edits %d up to %d", articles, newest, stamp, edits, lastEdit), nil
}

// CountCopies returns how many articles are wire copies of another.
func (d *DB) CountCopies(ctx context.Context) (int, error) {
	var n int
	if err := d.db.QueryRowContext(ctx, qCopyCount).Scan(&n); err != nil {
		return 0, d.describe(err)
	}
	return n, nil
}

// SourceCopies returns the wire copies among a source's articles (by
// file), and its articles other sources reprinted (by original, then
// reprinting source and file).
func (d *DB) SourceCopies(ctx context.Context, source string) (copies, reprinted []CopyLink, err error) {
	if copies, err = d.copyLinks(ctx, qSourceCopies, source); err != nil {
		return nil, nil, err
	}
	if reprinted, err = d.copyLinks(ctx, qSourceReprints, source); err != nil {
		return nil, nil, err
	}
	return copies, reprinted, nil
}

func (d *DB) copyLinks(ctx context.Context, query string, args ...any) ([]CopyLink, error) {
	rows, err := d.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var out []CopyLink
	for rows.Next() {
		var l CopyLink
		if err := rows.Scan(&l.Copy.Source, &l.Copy.File, &l.Original.Source, &l.Original.File, &l.Similarity); err != nil {
			return nil, d.describe(err)
		}
		out = append(out, l)
	}
	return out, d.describeErr(rows.Err())
}

// SourceWords returns the words of each source's analysed articles, by
// label; wire copies count only with countCopies (as CoverageMatrix
// counts them).
func (d *DB) SourceWords(ctx context.Context, countCopies bool) (map[string]int, error) {
	all := 0
	if countCopies {
		all = 1
	}
	rows, err := d.db.QueryContext(ctx, qSourceWords, all)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var label string
		var words int
		if err := rows.Scan(&label, &words); err != nil {
			return nil, d.describe(err)
		}
		out[label] = words
	}
	return out, d.describeErr(rows.Err())
}

// CellSentences returns the sentences behind one cell of the coverage
// matrix: those of the source's articles (wire copies included) that
// report the phase key (themes: touch the theme key), as evidence in
// corpus order — the first limit of them (limit <= 0: all), and whether
// there are more. It stops reading there: a source's cell can hold a
// hundred thousand sentences (CoverageMatrix counts them).
func (d *DB) CellSentences(ctx context.Context, source string, themes bool, key string, limit int) ([]timeline.Evidence, bool, error) {
	kind := kindPhase
	if themes {
		kind = kindTheme
	}
	rows, err := d.db.QueryContext(ctx, qCellSentences, source, kind, key)
	if err != nil {
		return nil, false, d.describe(err)
	}
	defer rows.Close()
	var out []timeline.Evidence
	for rows.Next() {
		var file, text string
		var raw []byte
		if err := rows.Scan(&file, &raw, &text); err != nil {
			return nil, false, d.describe(err)
		}
		var r sentenceResult
		if err := json.Unmarshal(raw, &r); err != nil {
			return nil, false, fmt.Errorf("database %s: stored analysis of %s / %s: %w", d.Path, source, file, err)
		}
		if themes && !contains(splitList(r.Themes), key) ||
			!themes && (r.Confidence < timeline.MinConfidence || r.Phase != key && !contains(splitList(r.Also), key)) {
			continue
		}
		if limit > 0 && len(out) == limit {
			return out, true, nil
		}
		ev := timeline.Evidence{Source: source, File: file, Sentence: r.Seq, Text: text, Confidence: r.Confidence}
		if r.hasTimes() {
			if ev.Times, err = decodeTimes(r.Times); err != nil {
				return nil, false, fmt.Errorf("database %s: stored times of %s / %s sentence %d: %w", d.Path, source, file, r.Seq, err)
			}
		}
		out = append(out, ev)
	}
	return out, false, d.describeErr(rows.Err())
}

// ArticleAt reads one article (the first stored with that source and
// file) with its sentences and their stored analysis; nil when there is
// none. Sentences' WordCount and the article's Words are not filled.
func (d *DB) ArticleAt(ctx context.Context, source, file string) (*timeline.AnalyzedArticle, error) {
	out := &timeline.AnalyzedArticle{Article: timeline.Article{Source: source, File: file}}
	a := &out.Article
	var id int64
	var published, eventDate sql.NullString
	var meta string
	err := d.db.QueryRowContext(ctx, qArticleAt, source, file).Scan(&id, &a.Title, &a.URL, &a.Dateline, &published, &eventDate, &meta, &a.Body, &a.CopyOf.Source, &a.CopyOf.File)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	if err != nil {
		return nil, d.describe(err)
	}
	a.Published, a.EventDate = parseStoredTime(published), parseStoredTime(eventDate)
	_ = json.Unmarshal([]byte(meta), &a.Meta)
	rows, err := d.db.QueryContext(ctx, qArticleSentences, id)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s timeline.AnalyzedSentence
		var kind string
		if err := rows.Scan(&s.Index, &s.Paragraph, &s.Start, &s.End, &kind, &s.Text); err != nil {
			return nil, d.describe(err)
		}
		s.Heading, s.ListItem = kind == "heading", kind == "item"
		out.Sentences = append(out.Sentences, s)
	}
	if err := rows.Err(); err != nil {
		return nil, d.describe(err)
	}
	var raw string
	err = d.db.QueryRowContext(ctx, `SELECT results FROM article_analysis WHERE article_id = ?`, id).Scan(&raw)
	if err == sql.ErrNoRows {
		return out, nil // not analysed yet
	}
	if err != nil {
		return nil, d.describe(err)
	}
	results, err := decodeResults(raw)
	if err != nil {
		return nil, fmt.Errorf("database %s: stored analysis of %s / %s: %w", d.Path, source, file, err)
	}
	for i := range results {
		r := &results[i]
		if r.Seq < 0 || r.Seq >= len(out.Sentences) || out.Sentences[r.Seq].Index != r.Seq {
			continue
		}
		if err := r.apply(&out.Sentences[r.Seq]); err != nil {
			return nil, fmt.Errorf("database %s: %s / %s: %w", d.Path, source, file, err)
		}
	}
	return out, nil
}
