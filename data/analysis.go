package data

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

// The engine's analysis is stored with the articles (migration 006):
// import analyses each article in the worker pool against the cast known
// so far (the sums of the articles' name tallies, kept in cast_names) and
// stores its results in the article's transaction. An article's results
// depend on the rest of the corpus only through the cast, so each stored
// analysis records what it used (schema hash, engine version, principals,
// and gen: the highest article id the cast held). Refresh finds the
// analyses the current corpus makes out of date (another schema, other
// principals, a name in the article that has since become a person) and
// recomputes just those, chunk by chunk, on every core, with one writer.

// analysisState is a database's in-memory view of the cast, for the
// import workers.
type analysisState struct {
	mu      sync.Mutex
	schema  *timeline.Schema
	hash    string
	counts  timeline.CastCounts // nil until loaded
	maxID   int64               // the highest article id counts hold
	version int64               // changes whenever counts is replaced or added to
	// ahead sums the name tallies of the articles analysed in the worker
	// pool but not yet stored: the principals are chosen from counts and
	// ahead, so a batch is analysed with the names it brings (the first
	// batches of a new database, most of all) and the principals rarely
	// change after it. Persons come from counts only (see Refresh).
	ahead      timeline.CastCounts
	aheadSince int // articles added to ahead since the principals were chosen
	aheadN     int // articles in ahead
	snap       atomic.Pointer[castSnapshot]
}

// castSnapshot is the cast import workers analyse with.
type castSnapshot struct {
	gen        int64
	principals []string
	persons    map[string]bool
	// credit holds the names seen in person position only by articles
	// ahead of the store: an article that takes one for a person records
	// it (article_analysis.credit) and Refresh checks it became one.
	credit map[string]bool
}

// preparedAnalysis is one article's analysis, made in an import worker and
// stored by the writer. The worker encodes it as the rows to store, so
// the writer only binds values.
type preparedAnalysis struct {
	hash       string // of the schema
	principals string // comma-separated
	gen        int64
	names      []timeline.NameTally
	ahead      bool     // names are counted in analysisState.ahead until stored
	credit     []string // names taken for persons on the word of articles not yet stored
	claims     string   // the article's claims, JSON ("" for none)

	contentHash      string // of the article (ContentHash), when analysed for import
	words, sentences int
	sentenceWords    []int  // each sentence's words
	encodedNames     string // article_analysis.names
	results          string // article_analysis.results
	phases, themes   []timeline.CoverageCell
	phaseTimes       []phaseTime
	votes            [][3]string // the relative cues of its confident phase sentences: phase, after, before
}

// phaseTime is a phase_times row of an article.
type phaseTime struct {
	seq, k int
	phase  string
	kind   int
	t      int64
}

// UseSchema sets the schema imported articles are analysed with (until
// Refresh is given another). By default it is the bundled summit schema.
func (d *DB) UseSchema(s *timeline.Schema) {
	d.an.mu.Lock()
	defer d.an.mu.Unlock()
	d.an.schema, d.an.hash = s, s.Hash()
}

// analysisSchema returns the schema in use, loading the default.
func (d *DB) analysisSchema() (*timeline.Schema, string, error) {
	d.an.mu.Lock()
	defer d.an.mu.Unlock()
	if d.an.schema == nil {
		s, err := assets.LoadSchema("")
		if err != nil {
			return nil, "", err
		}
		d.an.schema, d.an.hash = s, s.Hash()
	}
	return d.an.schema, d.an.hash, nil
}

// loadCast reads the corpus-wide name sums.
func loadCast(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}) (timeline.CastCounts, int64, error) {
	var maxID int64
	// The id first: names added after it only make the cast newer than gen says.
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&maxID); err != nil {
		return nil, 0, err
	}
	rows, err := q.QueryContext(ctx, `SELECT name, count, person FROM cast_names`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	counts := timeline.CastCounts{}
	for rows.Next() {
		var t timeline.NameTally
		if err := rows.Scan(&t.Name, &t.Count, &t.Person); err != nil {
			return nil, 0, err
		}
		counts[t.Name] = t
	}
	return counts, maxID, rows.Err()
}

// publish makes the state's counts the snapshot workers use; the caller
// holds mu.
func (st *analysisState) publish() {
	persons := map[string]bool{}
	if old := st.snap.Load(); old != nil {
		persons = old.persons
	}
	fresh := false
	for n, t := range st.counts {
		if (t.Person > 0) != persons[n] {
			fresh = true
			break
		}
	}
	if fresh || st.snap.Load() == nil {
		persons = map[string]bool{}
		for n, t := range st.counts {
			if t.Person > 0 {
				persons[n] = true
			}
		}
	}
	st.snap.Store(&castSnapshot{gen: st.maxID, principals: st.principals(), persons: persons, credit: st.credit(persons)})
	st.aheadSince = 0
}

// credit returns the names in person position ahead of the store that the
// stored counts do not make persons; the caller holds mu.
func (st *analysisState) credit(persons map[string]bool) map[string]bool {
	var out map[string]bool
	for n, t := range st.ahead {
		if t.Person > 0 && !persons[n] {
			if out == nil {
				out = map[string]bool{}
			}
			out[n] = true
		}
	}
	return out
}

// principals chooses the principals from the stored counts and the
// articles ahead; the caller holds mu.
func (st *analysisState) principals() []string {
	if len(st.ahead) == 0 {
		return st.counts.Principals()
	}
	// Only names in person position named twice can be principals.
	m := make(timeline.CastCounts, len(st.ahead)+16)
	for n, t := range st.counts {
		if t.Person > 0 && t.Count >= 2 {
			m[n] = t
		}
	}
	for n, t := range st.ahead {
		c := st.counts[n]
		c.Name, c.Count, c.Person = n, c.Count+t.Count, c.Person+t.Person
		m[n] = c
	}
	return m.Principals()
}

// goAhead counts an article's names as ahead of the store and returns the
// principals to analyse it with. While the corpus is small the principals
// are chosen again for every article, then every aheadEvery articles.
func (st *analysisState) goAhead(names []timeline.NameTally) *castSnapshot {
	const small, aheadEvery = 512, 32
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.ahead == nil {
		st.ahead = timeline.CastCounts{}
	}
	st.ahead.Add(names, 1)
	st.aheadN++
	st.aheadSince++
	snap := st.snap.Load()
	if st.counts != nil && (st.maxID+int64(st.aheadN) < small || st.aheadSince >= aheadEvery) {
		p, c := st.principals(), st.credit(snap.persons)
		if !slices.Equal(p, snap.principals) || !maps.Equal(c, snap.credit) {
			snap = &castSnapshot{gen: snap.gen, principals: p, persons: snap.persons, credit: c}
			st.snap.Store(snap)
		}
		st.aheadSince = 0
	}
	return snap
}

// settleAhead takes the stored (or failed) articles' names out of ahead;
// the caller holds mu.
func (st *analysisState) settleAhead(batch []ingest.Prepared) {
	for i := range batch {
		pa, _ := batch[i].Analysis.(*preparedAnalysis)
		if pa == nil || !pa.ahead {
			continue
		}
		pa.ahead = false
		st.ahead.Add(pa.names, -1)
		for _, n := range pa.names {
			if t := st.ahead[n.Name]; t.Count == 0 && t.Person == 0 {
				delete(st.ahead, n.Name)
			}
		}
		st.aheadN--
	}
}

// snapshot returns the cast workers analyse with, loading it on first use.
func (d *DB) snapshot(ctx context.Context) (*castSnapshot, error) {
	if s := d.an.snap.Load(); s != nil {
		return s, nil
	}
	d.an.mu.Lock()
	defer d.an.mu.Unlock()
	if s := d.an.snap.Load(); s != nil {
		return s, nil
	}
	counts, maxID, err := loadCast(ctx, d.db)
	if err != nil {
		return nil, d.describe(err)
	}
	d.an.counts, d.an.maxID = counts, maxID
	d.an.publish()
	return d.an.snap.Load(), nil
}

// AnalyzePrepared analyses a prepared article against the cast known so
// far; import workers call it, so the CPU work runs on every core. An
// article left unanalysed (an error) is analysed by the writer.
func (d *DB) AnalyzePrepared(p *ingest.Prepared) {
	if p.Err != nil || len(p.Seg.Sentences) == 0 {
		return
	}
	schema, hash, err := d.analysisSchema()
	if err != nil {
		return
	}
	if _, err := d.snapshot(context.Background()); err != nil {
		return
	}
	tp, names := prepareOne(p.Article, p.Seg.Sentences)
	snap := d.an.goAhead(names)
	var credited []string
	pa := analyzeWith(schema, hash, snap.principals, snap.gen, tp, names, func(n string) bool {
		if snap.persons[n] {
			return true
		}
		if snap.credit[n] {
			credited = append(credited, n)
			return true
		}
		return false
	})
	sort.Strings(credited)
	pa.ahead, pa.credit = true, slices.Compact(credited)
	pa.contentHash = ContentHash(p.Article.Body)
	p.Analysis = pa
}

// prepareOne cuts an article's words and tallies its names.
func prepareOne(a timeline.Article, sents []timeline.Sentence) (*timeline.Prepared, []timeline.NameTally) {
	// As the store gives the times back (an offset, no zone name), so an
	// article analysed on import and one re-analysed later agree.
	a.Published = storedTime(a.Published)
	a.EventDate = storedTime(a.EventDate)
	tp := timeline.Prepare(a, sents)
	return tp, tp.Names()
}

// analyzeOne analyses an article: the corpus cast is given by principals
// and isPerson, to which the article's own names are added.
func analyzeOne(schema *timeline.Schema, hash string, principals []string, gen int64, a timeline.Article, sents []timeline.Sentence, isPerson func(string) bool) *preparedAnalysis {
	tp, names := prepareOne(a, sents)
	return analyzeWith(schema, hash, principals, gen, tp, names, isPerson)
}

// analyzeWith analyses a prepared article with its names.
func analyzeWith(schema *timeline.Schema, hash string, principals []string, gen int64, tp *timeline.Prepared, names []timeline.NameTally, isPerson func(string) bool) *preparedAnalysis {
	own := map[string]bool{}
	for _, n := range names {
		if n.Person > 0 {
			own[n.Name] = true
		}
	}
	art := schema.AnalyzeWith(tp, principals, func(n string) bool { return own[n] || isPerson(n) })
	pa := &preparedAnalysis{hash: hash, principals: strings.Join(principals, ","), gen: gen, names: names,
		words: art.Words, sentences: len(art.Sentences), encodedNames: encodeNames(names)}
	if claims := schema.FindClaims([]timeline.AnalyzedArticle{art}); len(claims) > 0 {
		for i := range claims {
			claims[i].Source, claims[i].File = "", "" // read from the article
		}
		raw, err := json.Marshal(claims)
		if err == nil {
			pa.claims = string(raw)
		}
	}
	pa.sentenceWords = make([]int, len(art.Sentences))
	for i, s := range art.Sentences {
		pa.sentenceWords[i] = s.WordCount
	}
	pa.results = encodeResults(art.Sentences)
	one := []timeline.AnalyzedArticle{art}
	pa.phases, pa.themes = schema.Coverage(one, timeline.MinConfidence), schema.ThemeCoverage(one)
	for _, s := range art.Sentences {
		if s.Phase == "" || s.Confidence < timeline.MinConfidence {
			continue
		}
		for _, pt := range schema.PhaseTimes(s) {
			kind, t := timeKindClock, pt.Clock.UnixNano()
			if pt.Clock.IsZero() {
				kind, t = timeKindDuration, int64(pt.Duration)
			}
			pa.phaseTimes = append(pa.phaseTimes, phaseTime{s.Index, pt.Index, pt.Phase, kind, t})
		}
		if s.After != "" || s.Before != "" {
			pa.votes = append(pa.votes, [3]string{s.Phase, s.After, s.Before})
		}
	}
	return pa
}

// sentenceResult is a sentence's analysis as stored: article_analysis.results
// holds those of an article's sentences that report something (a phase, a
// theme, a time or a relative cue), by seq, as a JSON array.
type sentenceResult struct {
	Seq        int             `json:"i"`
	Phase      string          `json:"p,omitempty"`
	Confidence float64         `json:"c,omitempty"`
	Also       string          `json:"a,omitempty"` // other phases, comma-separated
	Themes     string          `json:"t,omitempty"` // comma-separated
	After      string          `json:"af,omitempty"`
	Before     string          `json:"b,omitempty"`
	Times      json.RawMessage `json:"tm,omitempty"` // storedTimes; absent or null when none
}

// encodeResults encodes the stored results of an article's sentences (as
// encoding/json would encode []sentenceResult, written directly: the
// import workers run it for every article).
func encodeResults(sents []timeline.AnalyzedSentence) string {
	var b []byte
	for _, s := range sents {
		if s.Phase == "" && len(s.Themes) == 0 && len(s.Times) == 0 && s.After == "" && s.Before == "" && len(s.Also) == 0 {
			continue
		}
		if b == nil {
			b = make([]byte, 0, 2048)
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		b = append(b, `{"i":`...)
		b = strconv.AppendInt(b, int64(s.Index), 10)
		b = appendJSONField(b, "p", s.Phase)
		if c := s.Confidence; c != 0 && !math.IsNaN(c) && !math.IsInf(c, 0) {
			format := byte('f')
			if a := math.Abs(c); a < 1e-6 || a >= 1e21 {
				format = 'e'
			}
			b = append(b, `,"c":`...)
			b = strconv.AppendFloat(b, c, format, -1, 64)
		}
		b = appendJSONField(b, "a", strings.Join(s.Also, ","))
		b = appendJSONField(b, "t", strings.Join(s.Themes, ","))
		b = appendJSONField(b, "af", s.After)
		b = appendJSONField(b, "b", s.Before)
		if len(s.Times) > 0 {
			// Marshalling a struct of strings, numbers and times cannot fail.
			raw, _ := json.Marshal(storedTimes{s.Times, zoneNames(s.Times)})
			b = append(b, `,"tm":`...)
			b = append(b, raw...)
		}
		b = append(b, '}')
	}
	if b == nil {
		return "[]"
	}
	return string(append(b, ']'))
}

// appendJSONField appends ,"key":value to a JSON object unless value is
// empty.
func appendJSONField(b []byte, key, value string) []byte {
	if value == "" {
		return b
	}
	b = append(b, `,"`...)
	b = append(b, key...)
	b = append(b, `":`...)
	for i := 0; i < len(value); i++ {
		if c := value[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x80 {
			raw, _ := json.Marshal(value) // escapes, and replaces invalid UTF-8
			return append(b, raw...)
		}
	}
	b = append(b, '"')
	b = append(b, value...)
	return append(b, '"')
}

// decodeResults reads an article's stored results back.
func decodeResults(raw string) ([]sentenceResult, error) {
	return parseResults([]byte(raw))
}

// hasTimes reports whether a stored result has time mentions.
func (r *sentenceResult) hasTimes() bool { return len(r.Times) > 0 && string(r.Times) != "null" }

// apply sets a sentence's analysis from its stored result.
func (r *sentenceResult) apply(s *timeline.AnalyzedSentence) error {
	s.Phase, s.Confidence, s.After, s.Before = r.Phase, r.Confidence, r.After, r.Before
	s.Also, s.Themes = splitList(r.Also), splitList(r.Themes)
	if r.hasTimes() {
		ts, err := decodeTimes(r.Times)
		if err != nil {
			return fmt.Errorf("stored times of sentence %d: %w", r.Seq, err)
		}
		s.Times = ts
	}
	return nil
}

// analysisStatements store analyses in one transaction.
type analysisStatements struct {
	article, sourceCell, sourceWords, vote, claims *sql.Stmt
	coverage, phaseArticles, phaseTimes            *rowInserter
	votes                                          map[[2]string]int // relative cues added since the last flush
	// per-source sums of the articles stored so far, written by flush:
	// all articles, then the part from wire copies
	cells map[sourceKey]*[6]int // sentences, words, articles, copy_*
	words map[int64]*[4]int     // words, articles, copy_*
}

type sourceKey struct {
	source int64
	kind   int
	key    string
}

func prepareAnalysisStatements(ctx context.Context, tx *sql.Tx) (*analysisStatements, error) {
	st := &analysisStatements{cells: map[sourceKey]*[6]int{}, words: map[int64]*[4]int{}, votes: map[[2]string]int{}}
	pr := &preparer{ctx: ctx, tx: tx}
	prep := pr.prep
	st.article = prep(`INSERT INTO article_analysis (article_id, schema_hash, version, principals, gen, words, sentences, names, credit, results)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	st.coverage = newRowInserter(ctx, tx, "INSERT INTO coverage_cells", "article_id", "kind", "ord", "key", "sentences", "words", "first", "share", "position", "lede")
	st.sourceCell = prep(`INSERT INTO coverage_sources (source_id, kind, key, sentences, words, articles, copy_sentences, copy_words, copy_articles)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (source_id, kind, key) DO UPDATE SET sentences = sentences + excluded.sentences, words = words + excluded.words,
			articles = articles + excluded.articles, copy_sentences = copy_sentences + excluded.copy_sentences,
			copy_words = copy_words + excluded.copy_words, copy_articles = copy_articles + excluded.copy_articles`)
	st.sourceWords = prep(`INSERT INTO source_words (source_id, words, articles, copy_words, copy_articles) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (source_id) DO UPDATE SET words = words + excluded.words, articles = articles + excluded.articles,
			copy_words = copy_words + excluded.copy_words, copy_articles = copy_articles + excluded.copy_articles`)
	st.phaseArticles = newRowInserter(ctx, tx, "INSERT INTO phase_articles", "source_id", "phase", "file", "article_id", "sentences", "first")
	st.phaseTimes = newRowInserter(ctx, tx, "INSERT INTO phase_times", "article_id", "seq", "k", "phase", "kind", "t")
	st.claims = prep(`INSERT INTO article_claims (article_id, claims) VALUES (?, ?)`)
	st.vote = prep(`INSERT INTO phase_votes (earlier, later, votes) VALUES (?, ?, ?)
		ON CONFLICT (earlier, later) DO UPDATE SET votes = votes + excluded.votes`)
	if pr.err != nil {
		st.close()
		return nil, pr.err
	}
	return st, nil
}

func (st *analysisStatements) close() {
	closeStatements([]*sql.Stmt{st.article, st.sourceCell, st.sourceWords, st.vote, st.claims})
	st.coverage.close()
	st.phaseArticles.close()
	st.phaseTimes.close()
}

// Coverage kinds in coverage_cells and coverage_sources.
const (
	kindPhase = 0
	kindTheme = 1
)

// store writes an article's analysis. Its coverage counts in the
// per-source sums once add is called (after the article is known to
// commit); it returns the cells to add.
func (st *analysisStatements) store(ctx context.Context, articleID, sourceID int64, file string, pa *preparedAnalysis) ([]timeline.CoverageCell, error) {
	if _, err := st.article.ExecContext(ctx, articleID, pa.hash, timeline.AnalysisVersion, pa.principals, pa.gen,
		pa.words, pa.sentences, pa.encodedNames, strings.Join(pa.credit, ","), pa.results); err != nil {
		return nil, fmt.Errorf("store analysis: %w", err)
	}
	for kind, cells := range [][]timeline.CoverageCell{pa.phases, pa.themes} {
		for ord, c := range cells {
			st.coverage.add(articleID, int64(kind), int64(ord), c.Key, int64(c.Sentences), int64(c.Words), int64(c.First), c.Share, c.Position, c.Lede)
		}
	}
	if err := st.coverage.flush(); err != nil {
		return nil, fmt.Errorf("store coverage: %w", err)
	}
	if pa.claims != "" {
		if _, err := st.claims.ExecContext(ctx, articleID, pa.claims); err != nil {
			return nil, fmt.Errorf("store claims: %w", err)
		}
	}
	// The timeline's summaries.
	for _, c := range pa.phases {
		st.phaseArticles.add(sourceID, c.Key, file, articleID, int64(c.Sentences), int64(c.First))
	}
	if err := st.phaseArticles.flush(); err != nil {
		return nil, fmt.Errorf("store phase summary: %w", err)
	}
	for _, pt := range pa.phaseTimes {
		st.phaseTimes.add(articleID, int64(pt.seq), int64(pt.k), pt.phase, int64(pt.kind), pt.t)
	}
	if err := st.phaseTimes.flush(); err != nil {
		return nil, fmt.Errorf("store phase times: %w", err)
	}
	for _, v := range pa.votes {
		st.addVotes(v[0], v[1], v[2], 1)
	}
	cells := make([]timeline.CoverageCell, 0, len(pa.phases)+len(pa.themes))
	cells = append(cells, pa.phases...)
	for _, c := range pa.themes {
		c.First = -1 // marks theme cells for add
		cells = append(cells, c)
	}
	return cells, nil
}

// Kinds of phase_times rows.
const (
	timeKindClock    = 0
	timeKindDuration = 1
)

// addVotes counts a sentence's relative cues (sign -1 takes them out).
func (st *analysisStatements) addVotes(phase, after, before string, sign int) {
	if after != "" {
		st.votes[[2]string{after, phase}] += sign
	}
	if before != "" {
		st.votes[[2]string{phase, before}] += sign
	}
}

// add counts an article's coverage cells (sign -1 takes them out) in the
// per-source sums; copy says the article is a wire copy.
func (st *analysisStatements) add(sourceID int64, words int, cells []timeline.CoverageCell, sign int, copy bool) {
	for _, c := range cells {
		kind := kindPhase
		if c.First < 0 {
			kind = kindTheme
		}
		k := sourceKey{sourceID, kind, c.Key}
		v := st.cells[k]
		if v == nil {
			v = &[6]int{}
			st.cells[k] = v
		}
		v[0] += sign * c.Sentences
		v[1] += sign * c.Words
		v[2] += sign
		if copy {
			v[3] += sign * c.Sentences
			v[4] += sign * c.Words
			v[5] += sign
		}
	}
	w := st.words[sourceID]
	if w == nil {
		w = &[4]int{}
		st.words[sourceID] = w
	}
	w[0] += sign * words
	w[1] += sign
	if copy {
		w[2] += sign * words
		w[3] += sign
	}
}

// storedCells reads an article's stored coverage cells and words (false
// when it has no stored analysis).
func storedCells(ctx context.Context, tx *sql.Tx, articleID int64) ([]timeline.CoverageCell, int, bool, error) {
	var words int
	err := tx.QueryRowContext(ctx, `SELECT words FROM article_analysis WHERE article_id = ?`, articleID).Scan(&words)
	if err == sql.ErrNoRows {
		return nil, 0, false, nil
	}
	if err != nil {
		return nil, 0, false, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT kind, key, sentences, words FROM coverage_cells WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, 0, false, err
	}
	defer rows.Close()
	var cells []timeline.CoverageCell
	for rows.Next() {
		var c timeline.CoverageCell
		var kind int
		if err := rows.Scan(&kind, &c.Key, &c.Sentences, &c.Words); err != nil {
			return nil, 0, false, err
		}
		if kind == kindTheme {
			c.First = -1
		}
		cells = append(cells, c)
	}
	return cells, words, true, rows.Err()
}

// becameCopy moves a stored article's coverage to the wire copies' part of
// its source's sums (an article published earlier took its place as the
// original of its group).
func becameCopy(ctx context.Context, tx *sql.Tx, st *analysisStatements, articleID int64) error {
	var sourceID int64
	if err := tx.QueryRowContext(ctx, `SELECT source_id FROM articles WHERE id = ?`, articleID).Scan(&sourceID); err != nil {
		return err
	}
	cells, words, ok, err := storedCells(ctx, tx, articleID)
	if err != nil || !ok {
		return err
	}
	st.add(sourceID, words, cells, -1, false)
	st.add(sourceID, words, cells, 1, true)
	return nil
}

// recountCopies recomputes the wire copies' part of every per-source sum
// (after copies were linked outside an import: see printMissing).
func recountCopies(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE coverage_sources SET (copy_sentences, copy_words, copy_articles) = (
			SELECT COALESCE(SUM(c.sentences), 0), COALESCE(SUM(c.words), 0), COUNT(*)
			FROM articles a JOIN coverage_cells c ON c.article_id = a.id
			WHERE a.source_id = coverage_sources.source_id AND a.copy_of IS NOT NULL
				AND c.kind = coverage_sources.kind AND c.key = coverage_sources.key);
		UPDATE source_words SET (copy_words, copy_articles) = (
			SELECT COALESCE(SUM(aa.words), 0), COUNT(*)
			FROM articles a JOIN article_analysis aa ON aa.article_id = a.id
			WHERE a.source_id = source_words.source_id AND a.copy_of IS NOT NULL)`)
	return err
}

// flush writes the per-source sums added since the last flush.
func (st *analysisStatements) flush(ctx context.Context, tx *sql.Tx) error {
	for k, v := range st.cells {
		if *v == ([6]int{}) {
			continue
		}
		if _, err := st.sourceCell.ExecContext(ctx, k.source, k.kind, k.key, v[0], v[1], v[2], v[3], v[4], v[5]); err != nil {
			return err
		}
	}
	for id, w := range st.words {
		if *w == ([4]int{}) {
			continue
		}
		if _, err := st.sourceWords.ExecContext(ctx, id, w[0], w[1], w[2], w[3]); err != nil {
			return err
		}
	}
	if len(st.cells) > 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM coverage_sources WHERE articles <= 0`); err != nil {
			return err
		}
	}
	for k, n := range st.votes {
		if n == 0 {
			continue
		}
		if _, err := st.vote.ExecContext(ctx, k[0], k[1], n); err != nil {
			return err
		}
	}
	if len(st.votes) > 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM phase_votes WHERE votes <= 0`); err != nil {
			return err
		}
	}
	clear(st.cells)
	clear(st.words)
	clear(st.votes)
	return nil
}

// encodeNames writes name tallies as stored in article_analysis.names.
func encodeNames(names []timeline.NameTally) string {
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s:%d:%d", n.Name, n.Count, n.Person)
	}
	return b.String()
}

// decodeNames reads article_analysis.names back.
func decodeNames(s string) []timeline.NameTally {
	var out []timeline.NameTally
	for _, f := range strings.Fields(s) {
		var t timeline.NameTally
		i := strings.LastIndexByte(f, ':')
		j := strings.LastIndexByte(f[:max(i, 0)], ':')
		if i < 0 || j < 0 {
			continue
		}
		t.Name = f[:j]
		fmt.Sscan(f[j+1:i], &t.Count)
		fmt.Sscan(f[i+1:], &t.Person)
		out = append(out, t)
	}
	return out
}

// unstore removes an article's analysis and takes its coverage out of the
// per-source sums.
func unstore(ctx context.Context, tx *sql.Tx, st *analysisStatements, articleID, sourceID int64, copy bool) error {
	cells, words, ok, err := storedCells(ctx, tx, articleID)
	if err != nil || !ok {
		return err // nil: never analysed
	}
	st.add(sourceID, words, cells, -1, copy)
	var raw string
	if err := tx.QueryRowContext(ctx, `SELECT results FROM article_analysis WHERE article_id = ?`, articleID).Scan(&raw); err != nil {
		return err
	}
	results, err := decodeResults(raw)
	if err != nil {
		return fmt.Errorf("stored analysis of article %d: %w", articleID, err)
	}
	for _, r := range results {
		if r.Phase != "" && r.Confidence >= timeline.MinConfidence {
			st.addVotes(r.Phase, r.After, r.Before, -1)
		}
	}
	for _, q := range []string{
		`DELETE FROM phase_articles WHERE article_id = ?`,
		`DELETE FROM article_claims WHERE article_id = ?`,
		`DELETE FROM phase_times WHERE article_id = ?`,
		`DELETE FROM coverage_cells WHERE article_id = ?`,
		`DELETE FROM article_analysis WHERE article_id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, articleID); err != nil {
			return err
		}
	}
	return nil
}

// addNames adds a batch's name tallies to cast_names; gen is the batch's
// highest article id, recorded for names that become persons.
func addNames(ctx context.Context, tx *sql.Tx, delta timeline.CastCounts, gen int64) error {
	if len(delta) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO cast_names (name, count, person, person_gen) VALUES (?1, ?2, ?3, CASE WHEN ?3 > 0 THEN ?4 ELSE 0 END)
		ON CONFLICT (name) DO UPDATE SET count = count + excluded.count, person = person + excluded.person,
		person_gen = CASE WHEN person = 0 AND excluded.person > 0 THEN ?4 ELSE person_gen END`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	names := make([]string, 0, len(delta))
	for n := range delta {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t := delta[n]
		if _, err := stmt.ExecContext(ctx, n, t.Count, t.Person, gen); err != nil {
			return err
		}
	}
	return nil
}

// Progress reports re-analysis: done of total articles.
type Progress func(done, total int)

// Refresh brings the stored analysis up to date for schema: it
// re-analyses every article analysed with another schema or engine
// version, or whose analysis the corpus cast has since changed, and
// reports progress. Later imports are analysed with schema.
func (d *DB) Refresh(ctx context.Context, schema *timeline.Schema, progress Progress) error {
	d.UseSchema(schema)
	hash := schema.Hash()
	// Nothing stored or re-analysed since the last complete Refresh with
	// this schema: nothing can be stale.
	mark, err := d.freshMark(ctx, hash)
	if err != nil {
		return err
	}
	if last, _ := d.Setting(ctx, "analysis.fresh", ""); last == mark {
		return nil
	}
	counts, gen, err := loadCast(ctx, d.db)
	if err != nil {
		return d.describe(err)
	}
	principals := counts.Principals()
	stale, err := d.staleArticles(ctx, hash, counts, principals)
	if err != nil {
		return d.describe(err)
	}
	if len(stale) == 0 {
		return d.settle(ctx, principals, gen)
	}
	if progress != nil {
		progress(0, len(stale))
	}
	isPerson := counts.IsPerson
	const chunk = ingest.BatchSize
	for from := 0; from < len(stale); from += chunk {
		ids := stale[from:min(from+chunk, len(stale))]
		arts, err := d.loadArticles(ctx, ids)
		if err != nil {
			return err
		}
		analysed := make([]*preparedAnalysis, len(arts))
		var wg sync.WaitGroup
		next := atomic.Int64{}
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1) - 1)
					if i >= len(arts) {
						return
					}
					analysed[i] = analyzeOne(schema, hash, principals, gen, arts[i].Article, arts[i].Sentences, isPerson)
				}
			}()
		}
		wg.Wait()
		err = d.inTx(ctx, func(tx *sql.Tx) error {
			st, err := prepareAnalysisStatements(ctx, tx)
			if err != nil {
				return err
			}
			defer st.close()
			for i, a := range arts {
				if err := unstore(ctx, tx, st, a.ID, a.sourceID, a.copy); err != nil {
					return err
				}
				cells, err := st.store(ctx, a.ID, a.sourceID, a.Article.File, analysed[i])
				if err != nil {
					return err
				}
				st.add(a.sourceID, analysed[i].words, cells, 1, a.copy)
			}
			if err := bumpStamp(ctx, tx); err != nil {
				return err
			}
			return st.flush(ctx, tx)
		})
		if err != nil {
			return d.describe(err)
		}
		if progress != nil {
			progress(min(from+chunk, len(stale)), len(stale))
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return d.settle(ctx, principals, gen)
}

// freshMark identifies the stored analysis: schema, engine version, the
// analysis stamp (bumped whenever analyses are stored) and the newest
// article.
func (d *DB) freshMark(ctx context.Context, hash string) (string, error) {
	stamp, err := d.Setting(ctx, "analysis.stamp", "0")
	if err != nil {
		return "", err
	}
	var maxID int64
	if err := d.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&maxID); err != nil {
		return "", d.describe(err)
	}
	return fmt.Sprintf("%s/%d/%s/%d", hash, timeline.AnalysisVersion, stamp, maxID), nil
}

// settle records that every analysis not found stale agrees with the cast
// of principals and gen, so the next Refresh does not look at it again.
func (d *DB) settle(ctx context.Context, principals []string, gen int64) error {
	hash := d.an.hash
	defer func() {
		// Remember the state found up to date (unless something changed
		// meanwhile: the mark is taken after the last write).
		if mark, err := d.freshMark(ctx, hash); err == nil {
			var maxID int64
			if d.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&maxID) == nil && maxID == gen {
				_ = d.SetSetting(ctx, "analysis.fresh", mark)
			}
		}
	}()
	err := d.inTx(ctx, func(tx *sql.Tx) error {
		// Only articles the cast held: later ones are checked next time.
		if _, err := tx.ExecContext(ctx, `UPDATE article_analysis SET principals = ?1 WHERE principals <> ?1 AND article_id <= ?2`,
			strings.Join(principals, ","), gen); err != nil {
			return err
		}
		// Names taken on credit are persons now.
		if _, err := tx.ExecContext(ctx, `UPDATE article_analysis SET credit = '' WHERE credit <> '' AND article_id <= ?`, gen); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE article_analysis SET gen = ?1
			WHERE gen < ?1 AND article_id <= ?1 AND gen < (SELECT COALESCE(MAX(person_gen), 0) FROM cast_names)`, gen)
		return err
	})
	return d.describeErr(err)
}

// staleArticles lists the articles whose stored analysis is missing or out
// of date, by id.
func (d *DB) staleArticles(ctx context.Context, hash string, counts timeline.CastCounts, principals []string) ([]int64, error) {
	set := map[int64]bool{}
	collect := func(q string, args ...any) error {
		rows, err := d.db.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			set[id] = true
		}
		return rows.Err()
	}
	// Never analysed, or with another schema or engine.
	if err := collect(`SELECT a.id FROM articles a LEFT JOIN article_analysis aa ON aa.article_id = a.id
		WHERE aa.article_id IS NULL OR aa.schema_hash <> ? OR aa.version <> ?`, hash, timeline.AnalysisVersion); err != nil {
		return nil, err
	}
	// Other principals, and the article names one that changed.
	now := strings.Join(principals, ",")
	rows, err := d.db.QueryContext(ctx, `SELECT article_id, principals, names FROM article_analysis WHERE principals <> ?`, now)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var used, names string
		if err := rows.Scan(&id, &used, &names); err != nil {
			rows.Close()
			return nil, err
		}
		old := splitList(used)
		for _, n := range decodeNames(names) {
			if contains(old, n.Name) != contains(principals, n.Name) {
				set[id] = true
				break
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// A name the article took for a person on the word of an article then
	// on its way to the store is not one (that article was not stored).
	rows, err = d.db.QueryContext(ctx, `SELECT article_id, credit FROM article_analysis WHERE credit <> ''`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var credit string
		if err := rows.Scan(&id, &credit); err != nil {
			rows.Close()
			return nil, err
		}
		for _, n := range splitList(credit) {
			if !counts.IsPerson(n) {
				set[id] = true
				break
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// A name in the article became a person after its analysis (by another
	// article: its own person mentions were counted; names taken on
	// credit were persons already).
	var minGen int64
	if err := d.db.QueryRowContext(ctx, `SELECT COALESCE(MIN(gen), 0) FROM article_analysis`).Scan(&minGen); err != nil {
		return nil, err
	}
	since := map[string]int64{}
	rows, err = d.db.QueryContext(ctx, `SELECT name, person_gen FROM cast_names WHERE person > 0 AND person_gen > ?`, minGen)
	if err != nil {
		return nil, err
	}
	var maxGen int64
	for rows.Next() {
		var n string
		var g int64
		if err := rows.Scan(&n, &g); err != nil {
			rows.Close()
			return nil, err
		}
		since[n] = g
		maxGen = max(maxGen, g)
	}
	rows.Close()
	if len(since) > 0 {
		rows, err = d.db.QueryContext(ctx, `SELECT article_id, gen, names, credit FROM article_analysis WHERE gen < ?`, maxGen)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, gen int64
			var names, credit string
			if err := rows.Scan(&id, &gen, &names, &credit); err != nil {
				rows.Close()
				return nil, err
			}
			credited := splitList(credit)
			for _, n := range decodeNames(names) {
				if g, ok := since[n.Name]; ok && g > gen && n.Person == 0 && !contains(credited, n.Name) {
					set[id] = true
					break
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	out := make([]int64, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// storedForAnalysis is an article loaded for re-analysis.
type storedForAnalysis struct {
	StoredArticle
	sourceID int64
	copy     bool // a wire copy
}

// loadArticles reads the given articles with their sentences.
func (d *DB) loadArticles(ctx context.Context, ids []int64) ([]storedForAnalysis, error) {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	in := `(?` + strings.Repeat(",?", len(ids)-1) + `)`
	rows, err := d.db.QueryContext(ctx, `SELECT a.id, a.source_id, s.label, a.file, a.title, a.url, a.dateline,
		a.published, a.event_date, a.body, a.copy_of IS NOT NULL FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN `+in+` ORDER BY a.id`, args...)
	if err != nil {
		return nil, d.describe(err)
	}
	var out []storedForAnalysis
	index := map[int64]int{}
	for rows.Next() {
		var sa storedForAnalysis
		var published, eventDate sql.NullString
		a := &sa.Article
		if err := rows.Scan(&sa.ID, &sa.sourceID, &a.Source, &a.File, &a.Title, &a.URL, &a.Dateline, &published, &eventDate, &a.Body, &sa.copy); err != nil {
			rows.Close()
			return nil, d.describe(err)
		}
		a.Published = parseStoredTime(published)
		a.EventDate = parseStoredTime(eventDate)
		index[sa.ID] = len(out)
		out = append(out, sa)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, d.describe(err)
	}
	srows, err := d.db.QueryContext(ctx, `SELECT article_id, seq, paragraph, start_offset, end_offset, kind, text
		FROM sentences WHERE article_id IN `+in+` ORDER BY article_id, seq`, args...)
	if err != nil {
		return nil, d.describe(err)
	}
	defer srows.Close()
	for srows.Next() {
		var art int64
		var s timeline.Sentence
		var kind string
		if err := srows.Scan(&art, &s.Index, &s.Paragraph, &s.Start, &s.End, &kind, &s.Text); err != nil {
			return nil, d.describe(err)
		}
		s.Heading, s.ListItem = kind == "heading", kind == "item"
		if i, ok := index[art]; ok {
			out[i].Sentences = append(out[i].Sentences, s)
		}
	}
	return out, d.describeErr(srows.Err())
}

// storedTimes is a sentence's time mentions as stored: JSON keeps a time's
// offset but not its zone's name, which screens show ("15:04 AKDT").
type storedTimes struct {
	Mentions []timeline.TimeMention `json:"m"`
	Zones    []string               `json:"z"`
}

func zoneNames(ts []timeline.TimeMention) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i], _ = t.Time.Zone()
	}
	return out
}

// decodeTimes reads stored time mentions back.
func decodeTimes(raw []byte) ([]timeline.TimeMention, error) {
	var st storedTimes
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, err
	}
	for i := range st.Mentions {
		t := &st.Mentions[i].Time
		if t.IsZero() || i >= len(st.Zones) {
			continue
		}
		_, off := t.Zone()
		if st.Zones[i] == "UTC" && off == 0 {
			*t = t.UTC()
		} else {
			*t = t.In(time.FixedZone(st.Zones[i], off))
		}
	}
	return st.Mentions, nil
}

// storedTime is t as the store gives it back.
func storedTime(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return parseStoredTime(sql.NullString{String: t.Format(time.RFC3339), Valid: true})
}

// bumpStamp records that stored analyses changed, so cached corpus-level
// results are recomputed.
func bumpStamp(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('analysis.stamp', '1')
		ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`)
	return err
}
