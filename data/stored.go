package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/newsreel/newsreel/timeline"
)

// Reads of the stored analysis (see analysis.go). Call Refresh first: these
// read what is stored, up to date or not. The hot queries are constants so
// that a test checks their plans.
const (
	qLoadAnalysis   = `SELECT article_id, results FROM article_analysis`
	qStoredCoverage = `SELECT s.label, a.file, c.key, c.sentences, c.words, c.first, c.share, c.position, c.lede, a.copy_of IS NOT NULL
		FROM sources s CROSS JOIN articles a ON a.source_id = s.id CROSS JOIN coverage_cells c ON c.article_id = a.id AND c.kind = ?
		ORDER BY s.label COLLATE NOCASE, a.file, a.id, c.ord` // CROSS JOIN: walk in corpus order, no sort
	// ?2 = 1 counts wire copies as their sources' own text.
	qCoverageMatrix = `SELECT s.label, c.key, c.sentences - c.copy_sentences * (1 - ?2), c.words - c.copy_words * (1 - ?2),
		c.articles - c.copy_articles * (1 - ?2), w.words - w.copy_words * (1 - ?2)
		FROM coverage_sources c JOIN sources s ON s.id = c.source_id JOIN source_words w ON w.source_id = c.source_id
		WHERE c.kind = ?1 AND c.articles - c.copy_articles * (1 - ?2) > 0 ORDER BY s.label, c.key`
	// The widths of the cells qStoredCoverage reads: source labels and
	// keys (of the sources with cells of the kind: coverage_sources), then
	// the cells' counts.
	qCoverageExtent = `SELECT
		(SELECT COALESCE(MAX(length(s.label)), 0) FROM sources s
			WHERE EXISTS (SELECT 1 FROM coverage_sources c WHERE c.source_id = s.id AND c.kind = ?1 AND c.articles > 0)),
		(SELECT COALESCE(MAX(length(c.key)), 0) FROM coverage_sources c WHERE c.kind = ?1 AND c.articles > 0),
		COALESCE(MAX(c.sentences), 0), COALESCE(MAX(c.words), 0)
		FROM coverage_cells c WHERE c.kind = ?1`
	// The longest file name shorter than ?1 (from the articles' index), and
	// whether an article with a file that long has cells of kind ?2.
	qLongestFile   = `SELECT MAX(length(file)) FROM articles WHERE length(file) < ?1`
	qFileWithCells = `SELECT EXISTS (SELECT 1 FROM articles a WHERE length(a.file) = ?1
		AND EXISTS (SELECT 1 FROM coverage_cells c WHERE c.article_id = a.id AND c.kind = ?2))`
	// The longest file name of an article with cells of kind ?1, looking
	// at every article.
	qFileExtent = `SELECT COALESCE(MAX(length(a.file)), 0) FROM articles a
		WHERE EXISTS (SELECT 1 FROM coverage_cells c WHERE c.article_id = a.id AND c.kind = ?1)`
	// A source's articles that report a phase, in corpus order, with their
	// stored results; then the text of chosen sentences (a JSON array of
	// [article id, seq]), in the order given.
	qPhaseResults = `SELECT pa.file, pa.article_id, aa.results
		FROM phase_articles pa CROSS JOIN article_analysis aa ON aa.article_id = pa.article_id
		WHERE pa.source_id = ?1 AND pa.phase = ?2 AND (pa.file, pa.article_id) > (?3, ?4)
		ORDER BY pa.file, pa.article_id LIMIT ?5`
	qEvidenceTexts = `SELECT t.article_id, t.seq, t.text FROM json_each(?) k
		CROSS JOIN sentences t ON t.article_id = k.value ->> 0 AND t.seq = k.value ->> 1`
	qPhaseSentenceCounts = `SELECT key, SUM(sentences) FROM coverage_sources WHERE kind = 0 GROUP BY key`
	qStoredClaims        = `SELECT s.label, a.file, c.claims
		FROM sources s CROSS JOIN articles a ON a.source_id = s.id LEFT JOIN article_claims c ON c.article_id = a.id
		ORDER BY s.label COLLATE NOCASE, a.file, a.id`
	// The phase sentences of each article, from its stored results (in
	// seq order), with their text.
	qStoredTimeline = `SELECT a.id, s.label, a.file, r.value, t.text
		FROM sources s CROSS JOIN articles a ON a.source_id = s.id
		CROSS JOIN article_analysis aa ON aa.article_id = a.id CROSS JOIN json_each(aa.results) r
		CROSS JOIN sentences t ON t.article_id = a.id AND t.seq = r.value ->> 'i'
		WHERE r.value ->> 'p' <> '' AND r.value ->> 'c' >= ?
		ORDER BY s.label COLLATE NOCASE, a.file, a.id`
)

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// LoadAnalyzed reads every article with its stored analysis, in corpus
// order (as LoadCorpus), without running the engine. It holds the corpus
// in memory: the stages that still need whole articles (actors, quotes)
// use it.
func (d *DB) LoadAnalyzed(ctx context.Context) ([]timeline.AnalyzedArticle, error) {
	stored, err := d.LoadCorpus(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]timeline.AnalyzedArticle, len(stored))
	index := make(map[int64]int, len(stored))
	for i, sa := range stored {
		index[sa.ID] = i
		a := &out[i]
		a.Article = sa.Article
		a.Sentences = make([]timeline.AnalyzedSentence, len(sa.Sentences))
		for k, s := range sa.Sentences {
			a.Sentences[k].Sentence = s
			a.Sentences[k].WordCount = s.Words()
			a.Words += a.Sentences[k].WordCount
		}
	}
	rows, err := d.db.QueryContext(ctx, qLoadAnalysis)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var raw []byte
		if err := rows.Scan(&id, &raw); err != nil {
			return nil, d.describe(err)
		}
		i, ok := index[id]
		if !ok {
			continue
		}
		var results []sentenceResult
		if err := json.Unmarshal(raw, &results); err != nil {
			return nil, fmt.Errorf("database %s: stored analysis of article %d: %w", d.Path, id, err)
		}
		for k := range results {
			r := &results[k]
			if r.Seq < 0 || r.Seq >= len(out[i].Sentences) {
				continue
			}
			if err := r.apply(&out[i].Sentences[r.Seq]); err != nil {
				return nil, fmt.Errorf("database %s: article %d: %w", d.Path, id, err)
			}
		}
	}
	return out, d.describeErr(rows.Err())
}

// StoredCoverage returns the stored coverage cells of every article (kind
// phases, or themes when themes is set), in corpus order and schema order
// within an article: what Schema.Coverage and ThemeCoverage give.
func (d *DB) StoredCoverage(ctx context.Context, themes bool) ([]timeline.CoverageCell, error) {
	var out []timeline.CoverageCell
	err := d.EachStoredCoverage(ctx, themes, func(c timeline.CoverageCell) error {
		out = append(out, c)
		return nil
	})
	return out, err
}

// EachStoredCoverage passes the cells StoredCoverage returns to fn one at
// a time, as they are read: commands that print them all hold none.
func (d *DB) EachStoredCoverage(ctx context.Context, themes bool, fn func(timeline.CoverageCell) error) error {
	rows, err := d.db.QueryContext(ctx, qStoredCoverage, coverageKind(themes))
	if err != nil {
		return d.describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c timeline.CoverageCell
		if err := rows.Scan(&c.Source, &c.File, &c.Key, &c.Sentences, &c.Words, &c.First, &c.Share, &c.Position, &c.Lede, &c.Copy); err != nil {
			return d.describe(err)
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return d.describeErr(rows.Err())
}

func coverageKind(themes bool) int {
	if themes {
		return kindTheme
	}
	return kindPhase
}

// CoverageExtent is how wide the stored coverage cells of a kind are:
// the longest source label, file and key (in characters) and the largest
// counts among the cells StoredCoverage returns. A command that aligns
// them in columns streams them with it.
type CoverageExtent struct {
	Source, File, Key int
	Sentences, Words  int
}

// StoredCoverageExtent returns the extent of the cells StoredCoverage
// returns, without reading them in corpus order: the labels and keys of
// the sources' sums, the longest file name of an article with cells (the
// articles' index, longest first) and the cells' counts.
func (d *DB) StoredCoverageExtent(ctx context.Context, themes bool) (CoverageExtent, error) {
	var e CoverageExtent
	kind := coverageKind(themes)
	if err := d.db.QueryRowContext(ctx, qCoverageExtent, kind).Scan(&e.Source, &e.Key, &e.Sentences, &e.Words); err != nil {
		return e, d.describe(err)
	}
	below := int64(1) << 62
	for tries := 0; ; tries++ {
		if tries == 8 { // many long names without cells: look at every article
			err := d.db.QueryRowContext(ctx, qFileExtent, kind).Scan(&e.File)
			return e, d.describeErr(err)
		}
		var longest sql.NullInt64
		if err := d.db.QueryRowContext(ctx, qLongestFile, below).Scan(&longest); err != nil {
			return e, d.describe(err)
		}
		if !longest.Valid {
			return e, nil // no article has cells
		}
		var cells bool
		if err := d.db.QueryRowContext(ctx, qFileWithCells, longest.Int64, kind).Scan(&cells); err != nil {
			return e, d.describe(err)
		}
		if cells {
			e.File = int(longest.Int64)
			return e, nil
		}
		below = longest.Int64
	}
}

// StoredClaims returns the claims of every article, stored with its
// analysis, in corpus order: what Schema.FindClaims gives for the corpus.
func (d *DB) StoredClaims(ctx context.Context) ([]timeline.Claim, error) {
	rows, err := d.db.QueryContext(ctx, qStoredClaims)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var out []timeline.Claim
	for i := 0; rows.Next(); i++ {
		var source, file string
		var raw sql.NullString
		if err := rows.Scan(&source, &file, &raw); err != nil {
			return nil, d.describe(err)
		}
		if !raw.Valid {
			continue
		}
		var claims []timeline.Claim
		if err := json.Unmarshal([]byte(raw.String), &claims); err != nil {
			return nil, fmt.Errorf("database %s: stored claims of %s / %s: %w", d.Path, source, file, err)
		}
		for k := range claims {
			claims[k].Source, claims[k].File, claims[k].Article = source, file, i
		}
		out = append(out, claims...)
	}
	return out, d.describeErr(rows.Err())
}

// SourceCell is one cell of the source × phase (or theme) matrix.
type SourceCell struct {
	Source      string
	Key         string
	Sentences   int
	Words       int
	Articles    int // articles of the source with the phase
	SourceWords int // words in all the source's articles
}

// CoverageMatrix returns the source × phase (themes: × theme) sums kept up
// to date on import, by source label. Wire copies count only with
// countCopies (as timeline.Report.SourceShares counts them).
func (d *DB) CoverageMatrix(ctx context.Context, themes, countCopies bool) ([]SourceCell, error) {
	kind, all := kindPhase, 0
	if themes {
		kind = kindTheme
	}
	if countCopies {
		all = 1
	}
	rows, err := d.db.QueryContext(ctx, qCoverageMatrix, kind, all)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var out []SourceCell
	for rows.Next() {
		var c SourceCell
		if err := rows.Scan(&c.Source, &c.Key, &c.Sentences, &c.Words, &c.Articles, &c.SourceWords); err != nil {
			return nil, d.describe(err)
		}
		out = append(out, c)
	}
	return out, d.describeErr(rows.Err())
}

// AnalysedSources returns the labels of the sources with articles, sorted
// as the engine sorts them.
func (d *DB) AnalysedSources(ctx context.Context) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT s.label FROM sources s WHERE EXISTS (SELECT 1 FROM articles a WHERE a.source_id = s.id) ORDER BY s.label`)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return nil, d.describe(err)
		}
		out = append(out, l)
	}
	sort.Strings(out)
	return out, d.describeErr(rows.Err())
}

// StoredTimeline merges the stored per-sentence phases into the timeline,
// streaming the sentences that report a phase in corpus order. With
// evidencePerSource > 0, each phase keeps that many evidence sentences per
// source. It reads every stored result and holds all the evidence: it is
// the reference SummaryTimeline and EachPhaseEvidence are tested against;
// the screens and commands read those.
func (d *DB) StoredTimeline(ctx context.Context, schema *timeline.Schema, evidencePerSource int) (timeline.Timeline, error) {
	b := schema.NewTimelineBuilder(timeline.MinConfidence)
	b.EvidencePerSource = evidencePerSource
	rows, err := d.db.QueryContext(ctx, qStoredTimeline, timeline.MinConfidence)
	if err != nil {
		return timeline.Timeline{}, d.describe(err)
	}
	defer rows.Close()
	var cur timeline.AnalyzedArticle
	var curID int64 = -1
	for rows.Next() {
		var id int64
		var source, file, text string
		var raw []byte
		if err := rows.Scan(&id, &source, &file, &raw, &text); err != nil {
			return timeline.Timeline{}, d.describe(err)
		}
		var r sentenceResult
		if err := json.Unmarshal(raw, &r); err != nil {
			return timeline.Timeline{}, fmt.Errorf("database %s: stored analysis of article %d: %w", d.Path, id, err)
		}
		if id != curID {
			if curID >= 0 {
				b.Add(cur)
			}
			cur = timeline.AnalyzedArticle{Article: timeline.Article{Source: source, File: file}}
			curID = id
		}
		s := timeline.AnalyzedSentence{Sentence: timeline.Sentence{Index: r.Seq, Text: text}}
		if err := r.apply(&s); err != nil {
			return timeline.Timeline{}, fmt.Errorf("database %s: article %d: %w", d.Path, id, err)
		}
		cur.Sentences = append(cur.Sentences, s)
	}
	if err := rows.Err(); err != nil {
		return timeline.Timeline{}, d.describe(err)
	}
	if curID >= 0 {
		b.Add(cur)
	}
	return b.Timeline(), nil
}

// evidenceArticles is how many articles EachPhaseEvidence reads the
// evidence of at a time, then the sentences' text.
const evidenceArticles = 64

// EachPhaseEvidence passes every sentence that reports phase (as its phase
// or among its others, confidently) to fn one at a time, in the order of
// the phase's Evidence in StoredTimeline(ctx, schema, 0): by source label
// (byte order), then corpus order, then sentence order. It reads the
// articles each source reports the phase in (phase_articles), a batch of
// sentences' text at a time: a command prints every phase's evidence
// holding none of it. Call Refresh first.
func (d *DB) EachPhaseEvidence(ctx context.Context, phase string, fn func(timeline.Evidence) error) error {
	sources, err := d.sourceList(ctx)
	if err != nil {
		return err
	}
	sort.Slice(sources, func(i, j int) bool { return sources[i].label < sources[j].label })
	stmt, err := d.db.PrepareContext(ctx, qPhaseResults)
	if err != nil {
		return d.describe(err)
	}
	defer stmt.Close()
	b := evidenceBatcher{d: d, ctx: ctx, fn: fn}
	for _, src := range sources {
		if err := b.source(stmt, src, phase); err != nil {
			return err
		}
	}
	return nil
}

// evidenceBatcher gathers evidence sentences and their places, and passes
// them on with their text a batch at a time.
type evidenceBatcher struct {
	d    *DB
	ctx  context.Context
	fn   func(timeline.Evidence) error
	evs  []timeline.Evidence
	keys [][2]int64 // article id, seq
}

// source reads one source's evidence of phase, a batch of articles at a
// time (one statement open at a time: the store may have one connection).
func (b *evidenceBatcher) source(stmt *sql.Stmt, src sourceRow, phase string) error {
	lastFile, lastID := "", int64(-1)
	for {
		n, err := b.articles(stmt, src, phase, &lastFile, &lastID)
		if err != nil {
			return err
		}
		if err := b.flush(); err != nil {
			return err
		}
		if n < evidenceArticles {
			return nil
		}
	}
}

// articles reads the evidence of the next batch of a source's articles
// after (lastFile, lastID), moving them on, and returns how many it read.
func (b *evidenceBatcher) articles(stmt *sql.Stmt, src sourceRow, phase string, lastFile *string, lastID *int64) (int, error) {
	rows, err := stmt.QueryContext(b.ctx, src.id, phase, *lastFile, *lastID, evidenceArticles)
	if err != nil {
		return 0, b.d.describe(err)
	}
	defer rows.Close()
	n := 0
	for ; rows.Next(); n++ {
		var file string
		var article int64
		var raw sql.RawBytes
		if err := rows.Scan(&file, &article, &raw); err != nil {
			return 0, b.d.describe(err)
		}
		*lastFile, *lastID = file, article
		results, err := decodeResults(string(raw))
		if err != nil {
			return 0, fmt.Errorf("database %s: stored analysis of article %d: %w", b.d.Path, article, err)
		}
		for k := range results {
			r := &results[k]
			if r.Phase == "" || r.Confidence < timeline.MinConfidence {
				continue
			}
			// As often as the builder adds it: once for the phase, once
			// for each time among the others.
			times := 0
			if r.Phase == phase {
				times++
			}
			for _, p := range splitList(r.Also) {
				if p == phase {
					times++
				}
			}
			if times == 0 {
				continue
			}
			ev := timeline.Evidence{Source: src.label, File: file, Sentence: r.Seq, Confidence: r.Confidence}
			if r.hasTimes() {
				if ev.Times, err = decodeTimes(r.Times); err != nil {
					return 0, fmt.Errorf("database %s: stored times of article %d sentence %d: %w", b.d.Path, article, r.Seq, err)
				}
			}
			for ; times > 0; times-- {
				b.evs = append(b.evs, ev)
				b.keys = append(b.keys, [2]int64{article, int64(r.Seq)})
			}
		}
	}
	return n, b.d.describeErr(rows.Err())
}

// flush reads the gathered sentences' text and passes them on.
func (b *evidenceBatcher) flush() error {
	if len(b.evs) == 0 {
		return nil
	}
	raw, err := json.Marshal(b.keys)
	if err != nil {
		return err
	}
	rows, err := b.d.db.QueryContext(b.ctx, qEvidenceTexts, string(raw))
	if err != nil {
		return b.d.describe(err)
	}
	i := 0
	for rows.Next() {
		var article, seq int64
		var text string
		if err := rows.Scan(&article, &seq, &text); err != nil {
			rows.Close()
			return b.d.describe(err)
		}
		for ; i < len(b.keys) && b.keys[i] == [2]int64{article, seq}; i++ { // in the order given
			b.evs[i].Text = text
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return b.d.describe(err)
	}
	for _, ev := range b.evs {
		if err := b.fn(ev); err != nil {
			return err
		}
	}
	b.evs, b.keys = b.evs[:0], b.keys[:0]
	return nil
}

// sourceRow is a source's id and label.
type sourceRow struct {
	id    int64
	label string
}

// sourceList reads every source.
func (d *DB) sourceList(ctx context.Context) ([]sourceRow, error) {
	labels, err := d.sourceLabels(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]sourceRow, 0, len(labels))
	for id, label := range labels {
		out = append(out, sourceRow{id, label})
	}
	return out, nil
}

// PhaseSentenceCounts returns, per phase, how many sentences report it
// (as their phase or among their others, confidently): the length of the
// phase's Evidence in StoredTimeline(ctx, schema, 0), from the per-source
// sums kept on import.
func (d *DB) PhaseSentenceCounts(ctx context.Context) (map[string]int, error) {
	rows, err := d.db.QueryContext(ctx, qPhaseSentenceCounts)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var key string
		var n int
		if err := rows.Scan(&key, &n); err != nil {
			return nil, d.describe(err)
		}
		out[key] = n
	}
	return out, d.describeErr(rows.Err())
}

const (
	// The files that several articles have.
	qSharedFiles = `SELECT file FROM articles GROUP BY file HAVING COUNT(*) > 1`
	// The articles with the given files (a JSON array) in corpus order,
	// and those of them the stored people stage finds anyone in.
	qFilesInOrder = `SELECT a.source_id, a.file, a.id FROM sources s CROSS JOIN articles a ON a.source_id = s.id
		WHERE a.file IN (SELECT value FROM json_each(?1)) ORDER BY s.label COLLATE NOCASE, a.file, a.id`
	qNamingArticles = `SELECT DISTINCT article_id FROM actor_cells
		WHERE gen = ?1 AND mentions > 0 AND article_id IN (SELECT value FROM json_each(?2))`
)

// SharedFileSources returns, for each file that several articles have, the
// source label of the last of them in corpus order that the stored people
// stage finds anyone in (no entry when none does). With the source of a
// file only one article has, it is what the actors command prints beside
// a file; the stage's cells are read only for the shared files.
func (d *DB) SharedFileSources(ctx context.Context) (map[string]string, error) {
	out := map[string]string{}
	rows, err := d.db.QueryContext(ctx, qSharedFiles)
	if err != nil {
		return nil, d.describe(err)
	}
	var shared []string
	for rows.Next() {
		var file string
		if err := rows.Scan(&file); err != nil {
			rows.Close()
			return nil, d.describe(err)
		}
		shared = append(shared, file)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(shared) == 0 {
		return out, d.describeErr(err)
	}
	gen, _, err := d.peopleGen(ctx)
	if err != nil {
		return nil, err
	}
	labels, err := d.sourceLabels(ctx)
	if err != nil {
		return nil, err
	}
	// The shared files' articles in corpus order, and which name anyone.
	files, err := json.Marshal(shared)
	if err != nil {
		return nil, err
	}
	type article struct {
		source, id int64
		file       string
	}
	var arts []article
	var ids []int64
	rows, err = d.db.QueryContext(ctx, qFilesInOrder, string(files))
	if err != nil {
		return nil, d.describe(err)
	}
	for rows.Next() {
		var a article
		if err := rows.Scan(&a.source, &a.file, &a.id); err != nil {
			rows.Close()
			return nil, d.describe(err)
		}
		arts, ids = append(arts, a), append(ids, a.id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, d.describe(err)
	}
	rawIDs, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err = d.db.QueryContext(ctx, qNamingArticles, gen, string(rawIDs))
	if err != nil {
		return nil, d.describe(err)
	}
	naming := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, d.describe(err)
		}
		naming[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, d.describe(err)
	}
	for _, a := range arts { // the last that names anyone wins
		if naming[a.id] {
			out[a.file] = labels[a.source]
		}
	}
	return out, nil
}
