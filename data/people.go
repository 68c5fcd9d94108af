package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/newsreel/newsreel/timeline"
)

// The corpus-level people stage (migrations 009, 010): actors with the
// user's edits replayed, quotations clustered across sources, and claims'
// discrepancies. RefreshPeople computes it by streaming the stored
// articles (timeline.FindPeople: a walk of the corpus per pass, one article
// in memory at a time), parking each quotation and claim in a table as it
// is found: it holds the distinct wordings of the quotations (to cluster
// them) and one quantity's claims at a time, never the corpus's. It stores
// per actor and article the counts the screens sum, each cluster's
// variants and each discrepancy's claims as rows, so that reading a page
// of any of them is a few indexed look-ups. It is recomputed only when
// what it was computed from changed: the stored analysis (its stamp,
// bumped on every store), the schema, the engine, the articles, the
// sources' labels (corpus order) or the actor edits.

// peopleVersion changes when what the stage stores changes.
const peopleVersion = 2

// People is the corpus-level stage of the analysis — actors (with the user's edits replayed),
// quotations clustered across sources, and claims' discrepancies — as stored after the last refresh.
// It is materialised in SQLite and recomputed (streaming the stored articles: bounded memory) only when
// the stored analysis or the actor edits changed since it was computed.
type People struct {
	Actors        []timeline.Actor        // in timeline.FindActors order (people first, most mentioned first)
	Clusters      []timeline.QuoteCluster // in timeline.ClusterQuotes order, Variants filled
	Discrepancies []timeline.Discrepancy  // as timeline.FindDiscrepancies gives them
	// Skipped are the stored edits that no longer apply (their actors are gone).
	Skipped []timeline.ActorEdit
}

// ActorCell is one actor in one article: what the actors CSV and the screens sum.
type ActorCell struct {
	Actor       string // timeline.Actor.ID
	Source      string // source label
	File        string
	Copy        bool // the article is a wire copy (see Report.Counts / CountCopies)
	Mentions    int
	Sentences   int // sentences mentioning the actor
	Words       int // words of those sentences
	QuotedWords int // words quoted from the actor in this article
	Article     int // the article's index in corpus order (timeline.Quote.Article)
	ArticleID   int64
}

// ActorSourceCell is one actor's cells summed over one source's articles.
type ActorSourceCell struct {
	Actor       string
	Source      string
	Articles    int // articles of the source that mention or quote the actor
	Mentions    int
	Sentences   int
	Words       int
	QuotedWords int
}

// PeopleBrief is the stored stage without its bulk, for screens that list
// it: the actors, the first quotation clusters without their variants
// (see ClusterVariants), the most contested discrepancies with their first
// claims, and how many there are of each. Read with limits, its size does
// not grow with the corpus but with its distinct actors.
type PeopleBrief struct {
	Actors           []timeline.Actor
	Clusters         []ClusterBrief // the first in timeline.ClusterQuotes order
	ClusterCount     int            // all the clusters
	Discrepancies    []DiscrepancyBrief
	DiscrepancyCount int // all the discrepancies
	Skipped          []timeline.ActorEdit
}

// BriefLimits bound what PeopleBrief reads; 0 reads all.
type BriefLimits struct {
	Clusters      int // the first clusters
	Discrepancies int // the most contested discrepancies
	Claims        int // the first claims of each discrepancy
}

// ScreenBrief is what the window's people and disagreements screens read
// of the stage: the first clusters, the most contested discrepancies and
// the first claims of each.
var ScreenBrief = BriefLimits{Clusters: 500, Discrepancies: 30, Claims: 12}

// ClusterBrief is a quotation cluster without its variants (see
// ClusterVariants), with their numbers.
type ClusterBrief struct {
	timeline.QuoteCluster     // Variants and Changes nil
	VariantCount          int // quotations in the cluster
	SourceCount           int // distinct sources among them
}

// DiscrepancyBrief is a discrepancy with its first claims (in
// FindDiscrepancies order) and the numbers of all.
type DiscrepancyBrief struct {
	timeline.Discrepancy
	ClaimCount  int // claims in the discrepancy
	SourceCount int // distinct sources among them
}

const (
	qPeopleGen      = `SELECT gen, key FROM people_stage WHERE complete = 1 ORDER BY gen DESC LIMIT 1`
	qPeopleArticles = `SELECT a.id, a.source_id, s.label, a.file, a.body, a.copy_of IS NOT NULL
		FROM sources s CROSS JOIN articles a ON a.source_id = s.id WHERE a.id <= ?
		ORDER BY s.label COLLATE NOCASE, a.file, a.id`
	qPeopleSentences = `SELECT t.article_id, t.seq, t.paragraph, t.start_offset, t.end_offset, t.kind, t.words, t.text
		FROM sources s CROSS JOIN articles a ON a.source_id = s.id CROSS JOIN sentences t ON t.article_id = a.id WHERE a.id <= ?
		ORDER BY s.label COLLATE NOCASE, a.file, a.id, t.seq`
	// Each article's stored claims (JSON), in corpus order.
	qPeopleClaims = `SELECT s.label, a.file, c.claims
		FROM sources s CROSS JOIN articles a ON a.source_id = s.id LEFT JOIN article_claims c ON c.article_id = a.id WHERE a.id <= ?
		ORDER BY s.label COLLATE NOCASE, a.file, a.id`
	qActorCells = `SELECT source_id, file, copy, mentions, sentences, words, quoted_words, ord, article_id
		FROM actor_cells WHERE gen = ? AND actor = ? ORDER BY ord`
	// An actor's sentences in a source's articles, in corpus order (their
	// times are read from the articles' stored results after).
	qActorSentences = `SELECT c.article_id, c.file, t.seq, t.text
		FROM people_sources ps CROSS JOIN actor_cells c ON c.gen = ps.gen AND c.actor = ?2 AND c.ord BETWEEN ps.first_ord AND ps.last_ord
		CROSS JOIN json_each(c.seqs) j CROSS JOIN sentences t ON t.article_id = c.article_id AND t.seq = j.value
		WHERE ps.gen = ?1 AND ps.source_id = ?3 ORDER BY c.ord LIMIT ?4` // json_each walks the array in order
	qActorSources = `SELECT source_id, articles - copy_articles * (1 - ?3), mentions - copy_mentions * (1 - ?3), sentences - copy_sentences * (1 - ?3),
		words - copy_words * (1 - ?3), quoted_words - copy_quoted_words * (1 - ?3)
		FROM actor_sources WHERE gen = ?1 AND actor = ?2`
	// The parked quotations as a cluster's variants: by group, then by
	// source, place in the article and corpus order (timeline.ClusterQuotes),
	// with their speakers' names.
	qCopyVariants = `INSERT INTO quote_variants (gen, grp, pos, qid, wording, ord, source, file, sentence, start_offset, end_offset, text, speaker, speaker_name, words)
		SELECT q.gen, w.grp, row_number() OVER (PARTITION BY w.grp ORDER BY q.source, q.start_offset, q.qid) - 1,
			q.qid, q.wording, q.ord, q.source, q.file, q.sentence, q.start_offset, q.end_offset, q.text, q.speaker, COALESCE(a.name, ''), q.words
		FROM people_quotes q CROSS JOIN quote_wordings w ON w.gen = q.gen AND w.wording = q.wording
		LEFT JOIN people_actors a ON a.gen = q.gen AND a.id = q.speaker
		WHERE q.gen = ?`
	// Every variant, cluster by cluster, in order.
	qScanVariants = `SELECT grp, pos, qid, wording, speaker, speaker_name, source FROM quote_variants WHERE gen = ? ORDER BY grp, pos`
	// One cluster's variants from a place in it (?3), with their word changes.
	qClusterVariants = `SELECT v.ord, v.source, v.file, v.sentence, v.start_offset, v.end_offset, v.text, v.speaker, v.speaker_name, v.words, v.wording, w.changes
		FROM quote_variants v CROSS JOIN quote_wordings w ON w.gen = v.gen AND w.wording = v.wording
		WHERE v.gen = ?1 AND v.grp = ?2 AND v.pos >= ?3 ORDER BY v.pos LIMIT ?4`
	qClusters = `SELECT id, grp, speaker, speaker_name, text, variant_count, sources FROM quote_clusters WHERE gen = ?1 ORDER BY id LIMIT ?2`
	// Discrepancies, the most contested first (?2: how many), and one's claims.
	qContested = `SELECT id, quantity, phase, subject, moment, claim_count, source_count FROM discrepancies
		WHERE gen = ?1 ORDER BY claim_count DESC, id LIMIT ?2`
	qDiscrepancies     = `SELECT id, quantity, phase, subject, moment, claim_count, source_count FROM discrepancies WHERE gen = ? ORDER BY id`
	qDiscrepancyClaims = `SELECT claim FROM discrepancy_claims WHERE gen = ?1 AND id = ?2 ORDER BY pos LIMIT ?3`
)

// peopleKey identifies what the stage would be computed from now; maxID is
// the newest article it would hold.
func (d *DB) peopleKey(ctx context.Context, schema *timeline.Schema) (key string, maxID int64, err error) {
	stamp, err := d.Setting(ctx, "analysis.stamp", "0")
	if err != nil {
		return "", 0, err
	}
	var count int64
	if err := d.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0), COUNT(*) FROM articles`).Scan(&maxID, &count); err != nil {
		return "", 0, d.describe(err)
	}
	h := sha256.New()
	edits, err := d.ActorEdits(ctx)
	if err != nil {
		return "", 0, err
	}
	for _, e := range edits {
		fmt.Fprintf(h, "%q %q %q %q\n", e.Op, e.Actor, e.Target, e.Name)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, label FROM sources ORDER BY id`)
	if err != nil {
		return "", 0, d.describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var label string
		if err := rows.Scan(&id, &label); err != nil {
			return "", 0, d.describe(err)
		}
		fmt.Fprintf(h, "%d %q\n", id, label)
	}
	if err := rows.Err(); err != nil {
		return "", 0, d.describe(err)
	}
	key = fmt.Sprintf("%d/%s/%d/%s/%d/%d/%x", peopleVersion, schema.Hash(), timeline.AnalysisVersion, stamp, maxID, count, h.Sum(nil)[:8])
	return key, maxID, nil
}

// peopleGen returns the stored stage's generation and key (0 and "" when
// none is stored).
func (d *DB) peopleGen(ctx context.Context) (int64, string, error) {
	var gen int64
	var key string
	err := d.db.QueryRowContext(ctx, qPeopleGen).Scan(&gen, &key)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", d.describe(err)
	}
	return gen, key, nil
}

// PeopleStale reports whether the stored people stage is missing or out of
// date for schema (the stored analysis itself is not checked: see Refresh).
func (d *DB) PeopleStale(ctx context.Context, schema *timeline.Schema) (bool, error) {
	key, _, err := d.peopleKey(ctx, schema)
	if err != nil {
		return false, err
	}
	_, stored, err := d.peopleGen(ctx)
	return stored != key, err
}

// RefreshPeople brings the stored corpus stage up to date (after Refresh,
// which it runs first), reporting progress: done of total steps, a step
// being one article in one of the stage's walks of the corpus (three, or
// six when an edit turns out to be skipped), then the later phases on a
// budget of one walk's steps (see peopleProgress).
func (d *DB) RefreshPeople(ctx context.Context, schema *timeline.Schema, progress Progress) error {
	d.peopleMu.Lock() // one refresh at a time (another process's makes a generation of its own)
	defer d.peopleMu.Unlock()
	if err := d.Refresh(ctx, schema, nil); err != nil {
		return err
	}
	key, maxID, err := d.peopleKey(ctx, schema)
	if err != nil {
		return err
	}
	if _, stored, err := d.peopleGen(ctx); err != nil || stored == key {
		return err
	}
	stored, err := d.ActorEdits(ctx)
	if err != nil {
		return err
	}
	var total int
	if err := d.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE id <= ?`, maxID).Scan(&total); err != nil {
		return d.describe(err)
	}
	// A new generation, written beside the stage readers use.
	res, err := d.db.ExecContext(ctx, `INSERT INTO people_stage (key) VALUES (?)`, key)
	if err != nil {
		return d.describe(err)
	}
	gen, err := res.LastInsertId()
	if err != nil {
		return d.describe(err)
	}
	prog := &peopleProgress{report: progress, articles: total, walks: 3}
	w := &peopleWriter{d: d, ctx: ctx, gen: gen, progress: prog}
	defer w.rollback()
	var cur streamedArticle
	stream := d.streamArticles(ctx, maxID, &cur, prog.walked)
	stage, err := timeline.FindPeople(stream, EditsOnly(stored), timeline.PeopleSink{
		Article:     func(ap *timeline.ArticlePeople) error { return w.article(ap, cur) },
		Restart:     func() error { prog.walks += 3; return w.restart() }, // every pass again
		KeepsQuotes: true,                                                 // parked in people_quotes
	})
	if err != nil {
		return d.describeErr(err)
	}
	if err := w.commit(); err != nil {
		return d.describe(err)
	}
	if err := w.actors(stage.Actors.List); err != nil {
		return d.describeErr(err)
	}
	if err := w.clusters(); err != nil {
		return d.describeErr(err)
	}
	if err := w.discrepancies(maxID); err != nil {
		return d.describeErr(err)
	}
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		if err := w.finish(tx); err != nil {
			return err
		}
		skipped, err := json.Marshal(stage.Skipped)
		if err != nil {
			return err
		}
		texts, err := json.Marshal(stage.Texts)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE people_stage SET complete = 1, skipped = ?, texts = ? WHERE gen = ?`, skipped, texts, gen)
		return err
	})
	if err != nil {
		return d.describe(err)
	}
	// The generations before are out of use (and any a crash left half
	// written): dropped after the switch, a crash here leaves them for the
	// next refresh.
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		for i, table := range peopleTables {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE gen < ?`, gen); err != nil {
				return err
			}
			prog.in(phaseDrop, i+1, len(peopleTables))
		}
		return nil
	})
	if err != nil {
		return d.describe(err)
	}
	prog.finish()
	return nil
}

// peopleProgress reports RefreshPeople's progress as done of total steps:
// a step per article in each walk of the corpus, then the later phases
// (clustering the quotations, finding the discrepancies, dropping the
// generation before: a sixth of the time at 10,000 and 100,000 articles)
// on a budget of three fifths of a walk's steps, shared in proportion to
// their times (phaseShares), each moving through its share as its work
// goes. It calls report when the share done moves by 0.1%; done never
// goes back, and reaches total once, at the end.
type peopleProgress struct {
	report   Progress
	articles int // steps per walk
	walks    int
	done     int
}

// peoplePhase is one of RefreshPeople's phases after the walks.
type peoplePhase int

// The phases after the walks, in order.
const (
	phaseGroups        peoplePhase = iota // clustering the quotations' wordings
	phaseWordings                         // storing each wording's cluster
	phaseVariants                         // the quotations as the clusters' variants (one statement)
	phaseQuotes                           // dropping the parked quotations (one statement)
	phaseScan                             // each cluster's wordings, speakers and sources
	phaseClusters                         // storing the clusters
	phaseClaims                           // parking the claims by quantity
	phaseDiscrepancies                    // each quantity's discrepancies
	phaseDrop                             // dropping the generation before, a table at a time
)

// phaseShares are the phases' shares (per mille) of the budget after the
// walks: their times at 100,000 articles (walks 119 s; then 2.5, 0.1,
// 4.1, 1.0, 3.2, 0.02, 4.8, 4.6 and 4.0 s).
var phaseShares = [...]int{phaseGroups: 103, phaseWordings: 5, phaseVariants: 169, phaseQuotes: 39, phaseScan: 131,
	phaseClusters: 1, phaseClaims: 200, phaseDiscrepancies: 189, phaseDrop: 163}

func (p *peopleProgress) total() int { return p.walks*p.articles + p.budget() }

// budget is the steps of the phases after the walks.
func (p *peopleProgress) budget() int { return p.articles * 3 / 5 }

// walked counts one more article walked.
func (p *peopleProgress) walked() { p.set(p.done + 1) }

// in sets the progress to i of n done in phase ph.
func (p *peopleProgress) in(ph peoplePhase, i, n int) {
	p.set(p.phaseStart(ph) + p.budget()*phaseShares[ph]*min(i, n)/max(n, 1)/1000)
}

// phaseStart is where phase ph starts.
func (p *peopleProgress) phaseStart(ph peoplePhase) int {
	before := 0
	for _, s := range phaseShares[:ph] {
		before += s
	}
	return p.walks*p.articles + p.budget()*before/1000
}

// set moves the progress to done (never back, never to the end) and
// reports it when the share done has moved by 0.1%.
func (p *peopleProgress) set(done int) {
	total := p.total()
	if p.report == nil || total <= 1 {
		return
	}
	done = min(done, total-1)
	if done <= p.done {
		return
	}
	moved := done*1000/total != p.done*1000/total
	p.done = done
	if moved {
		p.report(done, total)
	}
}

// finish reports the end.
func (p *peopleProgress) finish() {
	if total := p.total(); p.report != nil && total > 0 {
		p.report(total, total)
	}
}

// peopleTables hold the stage's generations (people_stage last: the
// generation's row goes when its rows have gone).
var peopleTables = []string{"actor_cells", "actor_sources", "people_sources", "people_actors", "people_quotes", "quote_wordings",
	"quote_variants", "quote_clusters", "people_claims", "discrepancies", "discrepancy_claims", "people_stage"}

// streamedArticle is what the store knows of the article being streamed.
type streamedArticle struct {
	id, source int64
	copy       bool
}

// streamArticles streams the articles with ids up to maxID, with their
// sentences, in corpus order; cur is set to each article's ids before it
// is passed on, and step is called after each.
func (d *DB) streamArticles(ctx context.Context, maxID int64, cur *streamedArticle, step func()) timeline.ArticleStream {
	return func(fn func(int, *timeline.AnalyzedArticle) error) error {
		return d.scanConn(ctx, func(ac *sql.Conn) error {
			return d.scanConn(ctx, func(sc *sql.Conn) error {
				return d.streamOn(ctx, ac, sc, maxID, cur, step, fn)
			})
		})
	}
}

// streamOn is streamArticles reading the articles on ac, the sentences on sc.
func (d *DB) streamOn(ctx context.Context, ac, sc *sql.Conn, maxID int64, cur *streamedArticle, step func(), fn func(int, *timeline.AnalyzedArticle) error) error {
	arows, err := ac.QueryContext(ctx, qPeopleArticles, maxID)
	if err != nil {
		return d.describe(err)
	}
	defer arows.Close()
	srows, err := sc.QueryContext(ctx, qPeopleSentences, maxID)
	if err != nil {
		return d.describe(err)
	}
	defer srows.Close()
	var next struct {
		article int64
		s       timeline.AnalyzedSentence
	}
	have, more := false, true
	var kind string
	var sents []timeline.AnalyzedSentence // reused: an article lives only during fn
	for ai := 0; arows.Next(); ai++ {
		var meta streamedArticle
		a := timeline.AnalyzedArticle{Sentences: sents[:0]}
		if err := arows.Scan(&meta.id, &meta.source, &a.Source, &a.File, &a.Body, &meta.copy); err != nil {
			return d.describe(err)
		}
		for more {
			if !have {
				if more = srows.Next(); !more {
					break
				}
				s := &next.s
				*s = timeline.AnalyzedSentence{}
				if err := srows.Scan(&next.article, &s.Index, &s.Paragraph, &s.Start, &s.End, &kind, &s.WordCount, &s.Text); err != nil {
					return d.describe(err)
				}
				s.Heading, s.ListItem = kind == "heading", kind == "item"
				have = true
			}
			if next.article != meta.id {
				break
			}
			a.Sentences = append(a.Sentences, next.s)
			a.Words += next.s.WordCount
			have = false
		}
		*cur = meta
		if err := fn(ai, &a); err != nil {
			return err
		}
		sents = a.Sentences
		if step != nil {
			step()
		}
	}
	if err := arows.Err(); err != nil {
		return d.describe(err)
	}
	return d.describeErr(srows.Err())
}

// peopleWriter stores a generation's cells and quotations as they are
// found, in transactions of a few hundred articles, and sums the cells per
// source; then clusters the quotations and finds the discrepancies.
type peopleWriter struct {
	d        *DB
	ctx      context.Context
	gen      int64
	tx       *sql.Tx
	insert   *sql.Stmt // a cell
	quote    *sql.Stmt // a quotation
	articles int
	sums     map[actorSource]*[10]int // articles, mentions, sentences, words, quoted words; then the copies' part
	ranges   map[int64]*[2]int        // source -> first and last ord
	wordings timeline.QuoteWordings   // the quotations' distinct wordings
	quotes   int                      // quotations parked
	claims   int                      // claims parked
	progress *peopleProgress
}

type actorSource struct {
	actor  string
	source int64
}

// peopleBatch is how many articles' cells one transaction writes.
var peopleBatch = 512

func (w *peopleWriter) article(ap *timeline.ArticlePeople, meta streamedArticle) error {
	if w.sums == nil {
		w.sums, w.ranges = map[actorSource]*[10]int{}, map[int64]*[2]int{}
	}
	if r := w.ranges[meta.source]; r == nil {
		w.ranges[meta.source] = &[2]int{ap.Index, ap.Index}
	} else {
		r[0], r[1] = min(r[0], ap.Index), max(r[1], ap.Index)
	}
	if len(ap.Actors) == 0 && len(ap.Quotes) == 0 {
		return nil
	}
	if w.tx == nil {
		tx, err := w.d.db.BeginTx(w.ctx, nil)
		if err != nil {
			return err
		}
		w.tx = tx
		if w.insert, err = tx.PrepareContext(w.ctx, `INSERT INTO actor_cells (gen, actor, ord, article_id, source_id, file, copy, mentions, sentences, words, quoted_words, seqs)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
			return err
		}
		if w.quote, err = tx.PrepareContext(w.ctx, `INSERT INTO people_quotes (gen, qid, wording, ord, source, file, sentence, start_offset, end_offset, text, speaker, words)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
			return err
		}
	}
	for _, q := range ap.Quotes {
		if _, err := w.quote.ExecContext(w.ctx, w.gen, w.quotes, w.wordings.Add(q.Text), ap.Index, q.Source, q.File, q.Sentence, q.Start, q.End,
			q.Text, q.Speaker, q.Words); err != nil {
			return err
		}
		w.quotes++
	}
	var seqs []byte
	for _, c := range ap.Actors {
		seqs = append(seqs[:0], '[')
		for i, s := range c.Sentences {
			if i > 0 {
				seqs = append(seqs, ',')
			}
			seqs = strconv.AppendInt(seqs, int64(s), 10)
		}
		seqs = append(seqs, ']')
		if _, err := w.insert.ExecContext(w.ctx, w.gen, c.Actor, ap.Index, meta.id, meta.source, ap.Article.File, meta.copy,
			c.Mentions, len(c.Sentences), c.Words, c.QuotedWords, string(seqs)); err != nil {
			return err
		}
		k := actorSource{c.Actor, meta.source}
		sum := w.sums[k]
		if sum == nil {
			k.actor = strings.Clone(k.actor)
			sum = &[10]int{}
			w.sums[k] = sum
		}
		part := [5]int{1, c.Mentions, len(c.Sentences), c.Words, c.QuotedWords}
		for i, v := range part {
			sum[i] += v
			if meta.copy {
				sum[5+i] += v
			}
		}
	}
	if w.articles++; w.articles%peopleBatch == 0 {
		return w.commit()
	}
	return nil
}

// commit ends the current batch's transaction.
func (w *peopleWriter) commit() error {
	if w.tx == nil {
		return nil
	}
	w.insert.Close()
	w.quote.Close()
	err := w.tx.Commit()
	w.tx, w.insert, w.quote = nil, nil, nil
	return err
}

// rollback drops an unfinished batch.
func (w *peopleWriter) rollback() {
	if w.tx != nil {
		w.insert.Close()
		w.quote.Close()
		_ = w.tx.Rollback()
		w.tx, w.insert, w.quote = nil, nil, nil
	}
}

// restart forgets the cells and quotations written so far.
func (w *peopleWriter) restart() error {
	w.rollback()
	w.sums, w.ranges, w.articles = nil, nil, 0
	w.wordings, w.quotes = timeline.QuoteWordings{}, 0
	for _, table := range []string{"actor_cells", "people_quotes"} {
		if _, err := w.d.db.ExecContext(w.ctx, `DELETE FROM `+table+` WHERE gen = ?`, w.gen); err != nil {
			return err
		}
	}
	return nil
}

// inTx runs fn in a transaction with the statement q prepared.
func (w *peopleWriter) inTx(q string, fn func(*sql.Stmt) error) error {
	return w.d.inTx(w.ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(w.ctx, q)
		if err != nil {
			return err
		}
		defer st.Close()
		return fn(st)
	})
}

// actors stores the actors, in order.
func (w *peopleWriter) actors(list []timeline.Actor) error {
	return w.inTx(`INSERT INTO people_actors (gen, pos, id, name, actor) VALUES (?, ?, ?, ?, ?)`, func(st *sql.Stmt) error {
		for i, a := range list {
			raw, err := json.Marshal(a)
			if err != nil {
				return err
			}
			if _, err := st.ExecContext(w.ctx, w.gen, i, a.ID, a.Name, raw); err != nil {
				return err
			}
		}
		return nil
	})
}

// clusters groups the parked quotations' wordings (timeline.ClusterQuotes
// on the distinct wordings), turns the quotations into their clusters'
// variants, and stores each cluster with its representative wording,
// speaker and rank, reading the variants cluster by cluster.
func (w *peopleWriter) clusters() error {
	ctx := w.ctx
	groups := w.wordings.Groups(func(done, total int) { w.progress.in(phaseGroups, done, total) })
	err := w.inTx(`INSERT INTO quote_wordings (gen, wording, grp) VALUES (?, ?, ?)`, func(st *sql.Stmt) error {
		for wording, g := range groups {
			if _, err := st.ExecContext(ctx, w.gen, wording, g); err != nil {
				return err
			}
			w.progress.in(phaseWordings, wording+1, len(groups))
		}
		return nil
	})
	if err != nil {
		return err
	}
	groups = nil
	if err := w.d.scanConn(ctx, func(conn *sql.Conn) error {
		_, err := conn.ExecContext(ctx, qCopyVariants, w.gen)
		return err
	}); err != nil {
		return err
	}
	w.progress.in(phaseVariants, 1, 1)
	if _, err := w.d.db.ExecContext(ctx, `DELETE FROM people_quotes WHERE gen = ?`, w.gen); err != nil {
		return err
	}
	w.progress.in(phaseQuotes, 1, 1)
	// One cluster at a time: its wordings, speakers and sources; each
	// wording's changes are written as they are found.
	type stored struct {
		grp           int
		rank          timeline.ClusterRank
		speaker, name string
		sources       int
	}
	var out []stored
	tx, err := w.d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	update, err := tx.PrepareContext(ctx, `UPDATE quote_wordings SET changes = ? WHERE gen = ? AND wording = ?`)
	if err != nil {
		return err
	}
	defer update.Close()
	textAt, err := tx.PrepareContext(ctx, `SELECT text FROM quote_variants WHERE gen = ? AND grp = ? AND pos = ?`)
	if err != nil {
		return err
	}
	defer textAt.Close()
	var (
		cur      = -1
		uses     []timeline.WordingUse
		firstPos []int       // each use's first variant
		at       map[int]int // wording -> use
		votes    map[string]int
		names    map[string]string // speaker -> the first variant's name
		sources  map[string]bool
		firstQID int
	)
	flush := func() error {
		if cur < 0 {
			return nil
		}
		best := w.wordings.Representative(uses)
		c := stored{grp: cur, sources: len(sources)}
		c.rank = timeline.ClusterRank{First: firstQID}
		if err := textAt.QueryRowContext(ctx, w.gen, cur, firstPos[best]).Scan(&c.rank.Text); err != nil {
			return err
		}
		for _, u := range uses {
			c.rank.Variants += u.Count
			raw, err := json.Marshal(w.wordings.Changes(uses[best].Wording, u.Wording))
			if err != nil {
				return err
			}
			if _, err := update.ExecContext(ctx, raw, w.gen, u.Wording); err != nil {
				return err
			}
		}
		c.speaker = timeline.ClusterSpeaker(votes)
		c.name = names[c.speaker]
		out = append(out, c)
		return nil
	}
	err = w.d.scanConn(ctx, func(conn *sql.Conn) error {
		rows, err := conn.QueryContext(ctx, qScanVariants, w.gen)
		if err != nil {
			return err
		}
		defer rows.Close()
		var speaker, name, source sql.RawBytes
		for n := 1; rows.Next(); n++ {
			w.progress.in(phaseScan, n, w.quotes)
			var grp, pos, qid, wording int
			if err := rows.Scan(&grp, &pos, &qid, &wording, &speaker, &name, &source); err != nil {
				return err
			}
			if grp != cur {
				if err := flush(); err != nil {
					return err
				}
				cur, uses, firstPos, firstQID = grp, uses[:0], firstPos[:0], qid
				at, votes, names, sources = map[int]int{}, map[string]int{}, map[string]string{}, map[string]bool{}
			}
			firstQID = min(firstQID, qid)
			k, ok := at[wording]
			if !ok {
				k = len(uses)
				at[wording] = k
				uses = append(uses, timeline.WordingUse{Wording: wording})
				firstPos = append(firstPos, pos)
			}
			uses[k].Count++
			if len(speaker) > 0 {
				if _, ok := votes[string(speaker)]; !ok {
					names[string(speaker)] = string(name)
				}
				votes[string(speaker)]++
			}
			if !sources[string(source)] {
				sources[string(source)] = true
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		return flush()
	})
	if err != nil {
		return err
	}
	w.wordings = timeline.QuoteWordings{} // done with: not held through the discrepancies
	sort.Slice(out, func(i, j int) bool { return out[i].rank.Before(out[j].rank) })
	insert, err := tx.PrepareContext(ctx, `INSERT INTO quote_clusters (gen, id, grp, speaker, speaker_name, text, variant_count, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer insert.Close()
	for i, c := range out {
		if _, err := insert.ExecContext(ctx, w.gen, i+1, c.grp, c.speaker, c.name, c.rank.Text, c.rank.Variants, c.sources); err != nil {
			return err
		}
		w.progress.in(phaseClusters, i+1, len(out))
	}
	return tx.Commit()
}

// scanConn runs fn on a connection of the pool set for a long scan of
// the corpus, then sets it back: a small page cache (a scan reads each
// page once, and each connection's cache would fill up) and temporary
// files on disk (its sorts can be as big as the corpus).
func (d *DB) scanConn(ctx context.Context, fn func(*sql.Conn) error) error {
	conn, err := d.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var cache int
	if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = %d; PRAGMA temp_store = FILE`, scanCacheKB)); err != nil {
		return err
	}
	err = fn(conn)
	if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA cache_size = %d; PRAGMA temp_store = MEMORY`, cache)); err == nil {
		err = rerr
	}
	return err
}

// scanCacheKB is a scanning connection's page cache (negative: KiB).
const scanCacheKB = -2048

// discrepancies finds the claims' discrepancies (timeline.FindDiscrepancies)
// one quantity at a time: the stored claims of the articles up to maxID are
// parked by quantity, then each quantity's are read back.
func (w *peopleWriter) discrepancies(maxID int64) error {
	ctx := w.ctx
	err := w.inTx(`INSERT INTO people_claims (gen, quantity, n, claim) VALUES (?, ?, ?, ?)`, func(st *sql.Stmt) error {
		return w.d.scanConn(ctx, func(conn *sql.Conn) error { return w.parkClaims(ctx, conn, st, maxID) })
	})
	if err != nil {
		return err
	}
	return w.findDiscrepancies()
}

// parkClaims parks the stored claims of the articles up to maxID by
// quantity, reading them on conn.
func (w *peopleWriter) parkClaims(ctx context.Context, conn *sql.Conn, st *sql.Stmt, maxID int64) error {
	rows, err := conn.QueryContext(ctx, qPeopleClaims, maxID)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	var claims []timeline.Claim
	for i := 0; rows.Next(); i++ {
		w.progress.in(phaseClaims, i+1, w.progress.articles)
		var source, file string
		var raw sql.RawBytes
		if err := rows.Scan(&source, &file, &raw); err != nil {
			return err
		}
		if raw == nil {
			continue
		}
		claims = claims[:0]
		if err := json.Unmarshal(raw, &claims); err != nil {
			return fmt.Errorf("database %s: stored claims of %s / %s: %w", w.d.Path, source, file, err)
		}
		for _, c := range claims {
			c.Source, c.File, c.Article = source, file, i // as StoredClaims gives them
			one, err := json.Marshal(c)
			if err != nil {
				return err
			}
			if _, err := st.ExecContext(ctx, w.gen, c.Quantity, n, one); err != nil {
				return err
			}
			n++
		}
	}
	w.claims = n
	return rows.Err()
}

// findDiscrepancies finds each parked quantity's discrepancies and stores
// them, then drops the park.
func (w *peopleWriter) findDiscrepancies() error {
	ctx := w.ctx
	var quantities []string
	rows, err := w.d.db.QueryContext(ctx, `SELECT DISTINCT quantity FROM people_claims WHERE gen = ? ORDER BY quantity`, w.gen)
	if err != nil {
		return err
	}
	for rows.Next() {
		var q string
		if err := rows.Scan(&q); err != nil {
			rows.Close()
			return err
		}
		quantities = append(quantities, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	id := 0
	err = w.d.inTx(ctx, func(tx *sql.Tx) error {
		pr := &preparer{ctx: ctx, tx: tx}
		disc := pr.prep(`INSERT INTO discrepancies (gen, id, quantity, phase, subject, moment, claim_count, source_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
		claim := pr.prep(`INSERT INTO discrepancy_claims (gen, id, pos, claim) VALUES (?, ?, ?, ?)`)
		read := pr.prep(`SELECT n, claim FROM people_claims WHERE gen = ? AND quantity = ? ORDER BY n`)
		parked := pr.prep(`SELECT claim FROM people_claims WHERE gen = ? AND quantity = ? AND n = ?`)
		count := pr.prep(`SELECT COUNT(*) FROM people_claims WHERE gen = ? AND quantity = ?`)
		defer closeStatements([]*sql.Stmt{disc, claim, read, parked, count})
		if pr.err != nil {
			return pr.err
		}
		seen := 0 // claims read
		for _, q := range quantities {
			claims, err := readClaims(ctx, count, read, w.gen, q)
			if err != nil {
				return err
			}
			seen += len(claims)
			for _, d := range timeline.FindDiscrepancies(claims) {
				id++
				sources := map[string]bool{}
				for pos, c := range d.Claims {
					sources[c.Source] = true
					n, err := strconv.Atoi(c.Text) // its number (see readClaims)
					if err != nil {
						return err
					}
					var raw []byte
					if err := parked.QueryRowContext(ctx, w.gen, q, n).Scan(&raw); err != nil {
						return err
					}
					if _, err := claim.ExecContext(ctx, w.gen, id, pos, raw); err != nil {
						return err
					}
				}
				if _, err := disc.ExecContext(ctx, w.gen, id, d.Quantity, d.Phase, d.Subject, d.Moment, len(d.Claims), len(sources)); err != nil {
					return err
				}
			}
			w.progress.in(phaseDiscrepancies, seen, w.claims)
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM people_claims WHERE gen = ?`, w.gen)
		return err
	})
	return err
}

// readClaims reads one quantity's parked claims for the discrepancy
// rules, small: without their sentence, wording and file (which the rules
// never read: the equality tests hold them to it), their other strings
// shared. Text carries the claim's number in the park instead, so that
// each claim of a discrepancy is stored whole, as parked.
func readClaims(ctx context.Context, count, read *sql.Stmt, gen int64, quantity string) ([]timeline.Claim, error) {
	var n int
	if err := count.QueryRowContext(ctx, gen, quantity).Scan(&n); err != nil {
		return nil, err
	}
	rows, err := read.QueryContext(ctx, gen, quantity)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]timeline.Claim, 0, n)
	shared := map[string]string{}
	share := func(s *string) {
		if v, ok := shared[*s]; ok {
			*s = v
		} else {
			shared[*s] = *s
		}
	}
	for rows.Next() {
		var n int
		var raw sql.RawBytes
		if err := rows.Scan(&n, &raw); err != nil {
			return nil, err
		}
		var c timeline.Claim
		if err := json.Unmarshal(raw, &c); err != nil {
			return nil, err
		}
		c.Text, c.Value, c.File = strconv.Itoa(n), "", ""
		for _, s := range []*string{&c.Quantity, &c.Phase, &c.Source, &c.Unit, &c.Qualifier, &c.Subject, &c.Day, &c.Moment} {
			share(s)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// finish writes the sums and the sources' runs.
func (w *peopleWriter) finish(tx *sql.Tx) error {
	ctx := w.ctx
	pr := &preparer{ctx: ctx, tx: tx}
	sums := pr.prep(`INSERT INTO actor_sources (gen, actor, source_id, articles, mentions, sentences, words, quoted_words,
		copy_articles, copy_mentions, copy_sentences, copy_words, copy_quoted_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	ranges := pr.prep(`INSERT INTO people_sources (gen, source_id, first_ord, last_ord) VALUES (?, ?, ?, ?)`)
	defer closeStatements([]*sql.Stmt{sums, ranges})
	if pr.err != nil {
		return pr.err
	}
	for k, s := range w.sums {
		if _, err := sums.ExecContext(ctx, w.gen, k.actor, k.source, s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9]); err != nil {
			return err
		}
	}
	for source, r := range w.ranges {
		if _, err := ranges.ExecContext(ctx, w.gen, source, r[0], r[1]); err != nil {
			return err
		}
	}
	return nil
}

// People reads the stored corpus stage whole (calls RefreshPeople first if
// it is stale): every quotation and claim of the stage. Screens read
// PeopleBrief and ClusterVariants; commands that print it all stream it
// (EachCluster, EachActorCell).
func (d *DB) People(ctx context.Context, schema *timeline.Schema) (*People, error) {
	gen, err := d.freshPeople(ctx, schema)
	if err != nil {
		return nil, err
	}
	p := &People{}
	if p.Actors, p.Skipped, err = d.peopleActors(ctx, gen); err != nil {
		return nil, err
	}
	err = d.eachCluster(ctx, gen, func(c timeline.QuoteCluster) error {
		p.Clusters = append(p.Clusters, c)
		return nil
	})
	if err != nil {
		return nil, err
	}
	ds, _, err := d.discrepancies(ctx, gen, qDiscrepancies, nil, 0)
	if err != nil {
		return nil, err
	}
	for _, b := range ds {
		p.Discrepancies = append(p.Discrepancies, b.Discrepancy)
	}
	return p, nil
}

// PeopleBrief reads the stored stage without its bulk, within limits
// (calls RefreshPeople first if it is stale): the actors, the first
// clusters, the most contested discrepancies with their first claims.
func (d *DB) PeopleBrief(ctx context.Context, schema *timeline.Schema, limits BriefLimits) (*PeopleBrief, error) {
	gen, err := d.freshPeople(ctx, schema)
	if err != nil {
		return nil, err
	}
	p := &PeopleBrief{}
	if p.Actors, p.Skipped, err = d.peopleActors(ctx, gen); err != nil {
		return nil, err
	}
	if err := d.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM quote_clusters WHERE gen = ?`, gen).Scan(&p.ClusterCount); err != nil {
		return nil, d.describe(err)
	}
	if p.Clusters, err = d.clusterBriefs(ctx, gen, limits.Clusters); err != nil {
		return nil, err
	}
	if p.Discrepancies, p.DiscrepancyCount, err = d.discrepancies(ctx, gen, qContested, []any{noLimit(limits.Discrepancies)}, limits.Claims); err != nil {
		return nil, err
	}
	return p, nil
}

// noLimit turns 0 (no limit) into SQLite's.
func noLimit(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

// peopleActors reads the stage's actors and skipped edits.
func (d *DB) peopleActors(ctx context.Context, gen int64) ([]timeline.Actor, []timeline.ActorEdit, error) {
	var skipped []timeline.ActorEdit
	var raw []byte
	if err := d.db.QueryRowContext(ctx, `SELECT skipped FROM people_stage WHERE gen = ?`, gen).Scan(&raw); err != nil {
		return nil, nil, d.describe(err)
	}
	if err := json.Unmarshal(raw, &skipped); err != nil {
		return nil, nil, fmt.Errorf("database %s: stored people stage: %w", d.Path, err)
	}
	rows, err := d.db.QueryContext(ctx, `SELECT actor FROM people_actors WHERE gen = ? ORDER BY pos`, gen)
	if err != nil {
		return nil, nil, d.describe(err)
	}
	defer rows.Close()
	var actors []timeline.Actor
	for rows.Next() {
		var raw sql.RawBytes
		if err := rows.Scan(&raw); err != nil {
			return nil, nil, d.describe(err)
		}
		var a timeline.Actor
		if err := json.Unmarshal(raw, &a); err != nil {
			return nil, nil, fmt.Errorf("database %s: stored actor: %w", d.Path, err)
		}
		actors = append(actors, a)
	}
	return actors, skipped, d.describeErr(rows.Err())
}

// clusterBrief is a stored cluster and its group of variants.
type clusterBrief struct {
	ClusterBrief
	grp int
}

func (d *DB) clusterBriefRows(ctx context.Context, gen int64, limit int) ([]clusterBrief, error) {
	rows, err := d.db.QueryContext(ctx, qClusters, gen, noLimit(limit))
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var out []clusterBrief
	for rows.Next() {
		var c clusterBrief
		if err := rows.Scan(&c.ID, &c.grp, &c.Speaker, &c.SpeakerName, &c.Text, &c.VariantCount, &c.SourceCount); err != nil {
			return nil, d.describe(err)
		}
		out = append(out, c)
	}
	return out, d.describeErr(rows.Err())
}

// clusterBriefs reads the first clusters (all with limit 0).
func (d *DB) clusterBriefs(ctx context.Context, gen int64, limit int) ([]ClusterBrief, error) {
	rows, err := d.clusterBriefRows(ctx, gen, limit)
	out := make([]ClusterBrief, len(rows))
	for i, c := range rows {
		out[i] = c.ClusterBrief
	}
	return out, err
}

// EachCluster passes every stored quotation cluster to fn in order, one
// at a time, without its variants: fn reads them one at a time with
// variants (it reads the stored stage).
func (d *DB) EachCluster(ctx context.Context, fn func(c ClusterBrief, variants func(func(timeline.Quote, []timeline.WordChange) error) error) error) error {
	gen, _, err := d.peopleGen(ctx)
	if err != nil || gen == 0 {
		return err
	}
	cs, err := d.clusterBriefRows(ctx, gen, 0)
	if err != nil {
		return err
	}
	for _, c := range cs {
		variants := func(each func(timeline.Quote, []timeline.WordChange) error) error {
			decoded := map[int][]timeline.WordChange{} // wordings share their changes
			return d.eachVariant(ctx, gen, c.grp, 0, -1, func(q timeline.Quote, wording int, changes []byte) error {
				ch, ok := decoded[wording]
				if !ok {
					if err := json.Unmarshal(changes, &ch); err != nil {
						return fmt.Errorf("database %s: stored quotation cluster %d: %w", d.Path, c.ID, err)
					}
					decoded[wording] = ch
				}
				return each(q, ch)
			})
		}
		if err := fn(c.ClusterBrief, variants); err != nil {
			return err
		}
	}
	return nil
}

func (d *DB) eachCluster(ctx context.Context, gen int64, fn func(timeline.QuoteCluster) error) error {
	cs, err := d.clusterBriefRows(ctx, gen, 0)
	if err != nil {
		return err
	}
	for _, c := range cs {
		q := c.QuoteCluster
		if err := d.readVariants(ctx, gen, c.grp, 0, -1, &q); err != nil {
			return err
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return nil
}

// ClusterVariants reads one stored quotation cluster with limit of its
// variants from offset (all with limit 0), and how many it has (ok false
// when the stage has no cluster id). It reads the stored stage.
func (d *DB) ClusterVariants(ctx context.Context, id, offset, limit int) (c timeline.QuoteCluster, total int, ok bool, err error) {
	gen, _, err := d.peopleGen(ctx)
	if err != nil {
		return c, 0, false, err
	}
	var grp int
	err = d.db.QueryRowContext(ctx, `SELECT id, grp, speaker, speaker_name, text, variant_count FROM quote_clusters WHERE gen = ? AND id = ?`, gen, id).
		Scan(&c.ID, &grp, &c.Speaker, &c.SpeakerName, &c.Text, &total)
	if errors.Is(err, sql.ErrNoRows) {
		return c, 0, false, nil
	}
	if err != nil {
		return c, 0, false, d.describe(err)
	}
	return c, total, true, d.readVariants(ctx, gen, grp, max(offset, 0), noLimit(limit), &c)
}

// readVariants appends a cluster's variants (group grp) from offset to c.
func (d *DB) readVariants(ctx context.Context, gen int64, grp, offset, limit int, c *timeline.QuoteCluster) error {
	changes := map[int][]timeline.WordChange{} // wordings share their changes
	return d.eachVariant(ctx, gen, grp, offset, limit, func(q timeline.Quote, wording int, raw []byte) error {
		ch, ok := changes[wording]
		if !ok {
			if err := json.Unmarshal(raw, &ch); err != nil {
				return fmt.Errorf("database %s: stored quotation cluster %d: %w", d.Path, c.ID, err)
			}
			changes[wording] = ch
		}
		c.Variants = append(c.Variants, q)
		c.Changes = append(c.Changes, ch)
		return nil
	})
}

// eachVariant passes a cluster's variants (group grp) from offset to fn,
// with their wordings and word changes (JSON, valid during the call).
func (d *DB) eachVariant(ctx context.Context, gen int64, grp, offset, limit int, fn func(q timeline.Quote, wording int, changes []byte) error) error {
	rows, err := d.db.QueryContext(ctx, qClusterVariants, gen, grp, offset, limit)
	if err != nil {
		return d.describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		var q timeline.Quote
		var wording int
		var raw sql.RawBytes
		if err := rows.Scan(&q.Article, &q.Source, &q.File, &q.Sentence, &q.Start, &q.End, &q.Text, &q.Speaker, &q.SpeakerName, &q.Words, &wording, &raw); err != nil {
			return d.describe(err)
		}
		if err := fn(q, wording, raw); err != nil {
			return err
		}
	}
	return d.describeErr(rows.Err())
}

// discrepancies reads the stored discrepancies q selects (with args after
// the generation), each with its first claims (all with claims 0, none
// below), and how many there are.
func (d *DB) discrepancies(ctx context.Context, gen int64, q string, args []any, claims int) ([]DiscrepancyBrief, int, error) {
	var total int
	if err := d.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM discrepancies WHERE gen = ?`, gen).Scan(&total); err != nil {
		return nil, 0, d.describe(err)
	}
	rows, err := d.db.QueryContext(ctx, q, append([]any{gen}, args...)...)
	if err != nil {
		return nil, 0, d.describe(err)
	}
	var out []DiscrepancyBrief
	var ids []int
	for rows.Next() {
		var b DiscrepancyBrief
		var id int
		if err := rows.Scan(&id, &b.Quantity, &b.Phase, &b.Subject, &b.Moment, &b.ClaimCount, &b.SourceCount); err != nil {
			rows.Close()
			return nil, 0, d.describe(err)
		}
		out, ids = append(out, b), append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, d.describe(err)
	}
	if claims < 0 {
		return out, total, nil
	}
	stmt, err := d.db.PrepareContext(ctx, qDiscrepancyClaims)
	if err != nil {
		return nil, 0, d.describe(err)
	}
	defer stmt.Close()
	for i := range out {
		rows, err := stmt.QueryContext(ctx, gen, ids[i], noLimit(claims))
		if err != nil {
			return nil, 0, d.describe(err)
		}
		for rows.Next() {
			var raw sql.RawBytes
			var c timeline.Claim
			if err := rows.Scan(&raw); err == nil {
				err = json.Unmarshal(raw, &c)
			}
			if err != nil {
				rows.Close()
				return nil, 0, fmt.Errorf("database %s: stored discrepancy: %w", d.Path, err)
			}
			out[i].Claims = append(out[i].Claims, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, 0, d.describe(err)
		}
	}
	return out, total, nil
}

// freshPeople refreshes the stage if stale and returns its generation.
func (d *DB) freshPeople(ctx context.Context, schema *timeline.Schema) (int64, error) {
	if err := d.RefreshPeople(ctx, schema, nil); err != nil {
		return 0, err
	}
	gen, _, err := d.peopleGen(ctx)
	return gen, err
}

// MentionTexts returns, per actor of the stored stage, its mentions by how
// they are written (edits applied): with People.Actors, what
// timeline.Actors.ApplyCounted needs to check that an edit applies.
func (d *DB) MentionTexts(ctx context.Context) (map[string]map[string]int, error) {
	gen, _, err := d.peopleGen(ctx)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]int{}
	raw := []byte("{}")
	if gen > 0 {
		if err := d.db.QueryRowContext(ctx, `SELECT texts FROM people_stage WHERE gen = ?`, gen).Scan(&raw); err != nil {
			return nil, d.describe(err)
		}
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("database %s: stored mention texts: %w", d.Path, err)
	}
	return out, nil
}

// sourceLabels maps source ids to labels.
func (d *DB) sourceLabels(ctx context.Context) (map[int64]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, label FROM sources`)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var label string
		if err := rows.Scan(&id, &label); err != nil {
			return nil, d.describe(err)
		}
		out[id] = label
	}
	return out, d.describeErr(rows.Err())
}

// storedActorIDs returns the stored stage's actor ids in People.Actors order.
func (d *DB) storedActorIDs(ctx context.Context, gen int64) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id FROM people_actors WHERE gen = ? ORDER BY pos`, gen)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, d.describe(err)
		}
		ids = append(ids, id)
	}
	return ids, d.describeErr(rows.Err())
}

// ActorCells returns the cells of the given actors (all actors, in
// People.Actors order, when ids is empty): actor by actor, each actor's
// cells in corpus order. It reads the stored stage (see RefreshPeople).
func (d *DB) ActorCells(ctx context.Context, ids []string) ([]ActorCell, error) {
	var out []ActorCell
	err := d.EachActorCell(ctx, ids, func(c ActorCell) error {
		out = append(out, c)
		return nil
	})
	return out, err
}

// EachActorCell passes the cells ActorCells returns to fn one at a time.
func (d *DB) EachActorCell(ctx context.Context, ids []string, fn func(ActorCell) error) error {
	gen, _, err := d.peopleGen(ctx)
	if err != nil || gen == 0 {
		return err
	}
	if len(ids) == 0 {
		if ids, err = d.storedActorIDs(ctx, gen); err != nil {
			return err
		}
	}
	labels, err := d.sourceLabels(ctx)
	if err != nil {
		return err
	}
	stmt, err := d.db.PrepareContext(ctx, qActorCells)
	if err != nil {
		return d.describe(err)
	}
	defer stmt.Close()
	for _, id := range ids {
		if err := d.eachCellOf(ctx, stmt, gen, id, labels, fn); err != nil {
			return err
		}
	}
	return nil
}

func (d *DB) eachCellOf(ctx context.Context, stmt *sql.Stmt, gen int64, id string, labels map[int64]string, fn func(ActorCell) error) error {
	rows, err := stmt.QueryContext(ctx, gen, id)
	if err != nil {
		return d.describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		c := ActorCell{Actor: id}
		var source int64
		if err := rows.Scan(&source, &c.File, &c.Copy, &c.Mentions, &c.Sentences, &c.Words, &c.QuotedWords, &c.Article, &c.ArticleID); err != nil {
			return d.describe(err)
		}
		c.Source = labels[source]
		if err := fn(c); err != nil {
			return err
		}
	}
	return d.describeErr(rows.Err())
}

// ActorSentences returns the sentences of one source that mention the actor, as evidence (File,
// Sentence index, Text, Times), in corpus order: all of them, as many as the actor's mentions (a third
// of a million for the most mentioned actor in a wire service's 100,000 articles). The coverage
// screen's "sentences behind a cell" reads the first ones (ActorSentencesN).
func (d *DB) ActorSentences(ctx context.Context, actor, source string) ([]timeline.Evidence, error) {
	return d.ActorSentencesN(ctx, actor, source, 0)
}

// ActorSentencesN is ActorSentences up to limit sentences (0: all): the
// first in corpus order.
func (d *DB) ActorSentencesN(ctx context.Context, actor, source string, limit int) ([]timeline.Evidence, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	gen, _, err := d.peopleGen(ctx)
	if err != nil || gen == 0 {
		return nil, err
	}
	var sourceID int64
	var label string
	err = d.db.QueryRowContext(ctx, `SELECT id, label FROM sources WHERE label = ?`, source).Scan(&sourceID, &label)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, d.describe(err)
	}
	rows, err := d.db.QueryContext(ctx, qActorSentences, gen, actor, sourceID, limit)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	var out []timeline.Evidence
	var articles []int64 // each sentence's
	for rows.Next() {
		e := timeline.Evidence{Source: label}
		var article int64
		if err := rows.Scan(&article, &e.File, &e.Sentence, &e.Text); err != nil {
			return nil, d.describe(err)
		}
		out = append(out, e)
		articles = append(articles, article)
	}
	if err := rows.Err(); err != nil {
		return nil, d.describe(err)
	}
	// Their times, from their articles' stored results: each article's
	// read once.
	times, err := d.sentenceTimes(ctx, articles)
	if err != nil {
		return nil, err
	}
	for i := range out {
		e := &out[i]
		raw, ok := times[sentenceKey{articles[i], e.Sentence}]
		if !ok {
			continue
		}
		if e.Times, err = decodeTimes(raw); err != nil {
			return nil, fmt.Errorf("database %s: stored times of %s sentence %d: %w", d.Path, e.File, e.Sentence, err)
		}
	}
	return out, nil
}

// sentenceTimes reads the stored times of the sentences of articles (ids,
// repeated or not), by sentence: those with times only.
func (d *DB) sentenceTimes(ctx context.Context, articles []int64) (map[sentenceKey]json.RawMessage, error) {
	out := map[sentenceKey]json.RawMessage{}
	ids := slices.Compact(slices.Sorted(slices.Values(articles)))
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := d.db.QueryContext(ctx, qArticleResults, string(list))
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		var article int64
		var raw sql.RawBytes
		if err := rows.Scan(&article, &raw); err != nil {
			return nil, d.describe(err)
		}
		results, err := parseResults(raw)
		if err != nil {
			return nil, fmt.Errorf("database %s: stored analysis of article %d: %w", d.Path, article, err)
		}
		for _, r := range results {
			k := sentenceKey{article, r.Seq}
			if _, seen := out[k]; !seen && r.hasTimes() {
				out[k] = r.Times
			}
		}
	}
	return out, d.describeErr(rows.Err())
}

// QuotedWords returns the words quoted from one actor, summed per source
// (wire copies included), for the people screen.
func (d *DB) QuotedWords(ctx context.Context, actor string) (map[string]int, error) {
	cells, err := d.ActorSources(ctx, []string{actor}, true)
	if err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, c := range cells {
		if c.QuotedWords > 0 {
			out[c.Source] += c.QuotedWords
		}
	}
	return out, nil
}

// ActorSources returns the given actors' cells summed per source (all
// actors when ids is empty), actor by actor in the order given (People.Actors
// order), sources by label. Wire copies count only with countCopies.
func (d *DB) ActorSources(ctx context.Context, ids []string, countCopies bool) ([]ActorSourceCell, error) {
	gen, _, err := d.peopleGen(ctx)
	if err != nil || gen == 0 {
		return nil, err
	}
	if len(ids) == 0 {
		if ids, err = d.storedActorIDs(ctx, gen); err != nil {
			return nil, err
		}
	}
	labels, err := d.sourceLabels(ctx)
	if err != nil {
		return nil, err
	}
	all := 0
	if countCopies {
		all = 1
	}
	stmt, err := d.db.PrepareContext(ctx, qActorSources)
	if err != nil {
		return nil, d.describe(err)
	}
	defer stmt.Close()
	var out []ActorSourceCell
	for _, id := range ids {
		rows, err := stmt.QueryContext(ctx, gen, id, all)
		if err != nil {
			return nil, d.describe(err)
		}
		from := len(out)
		for rows.Next() {
			c := ActorSourceCell{Actor: id}
			var source int64
			if err := rows.Scan(&source, &c.Articles, &c.Mentions, &c.Sentences, &c.Words, &c.QuotedWords); err != nil {
				rows.Close()
				return nil, d.describe(err)
			}
			if c.Articles == 0 {
				continue // only wire copies, not counted
			}
			c.Source = labels[source]
			out = append(out, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, d.describe(err)
		}
		part := out[from:]
		sort.Slice(part, func(i, j int) bool { return part[i].Source < part[j].Source })
	}
	return out, nil
}

// PeopleActors reads the stored stage's actors, in People.Actors order.
func (d *DB) PeopleActors(ctx context.Context) ([]timeline.Actor, error) {
	gen, _, err := d.peopleGen(ctx)
	if err != nil || gen == 0 {
		return nil, err
	}
	actors, _, err := d.peopleActors(ctx, gen)
	return actors, err
}

// EachDiscrepancy passes the stored discrepancies to fn one at a time,
// in timeline.FindDiscrepancies order, without their claims: fn reads
// them one at a time with claims.
func (d *DB) EachDiscrepancy(ctx context.Context, fn func(d DiscrepancyBrief, claims func(func(timeline.Claim) error) error) error) error {
	gen, _, err := d.peopleGen(ctx)
	if err != nil || gen == 0 {
		return err
	}
	ds, _, err := d.discrepancies(ctx, gen, qDiscrepancies, nil, -1)
	if err != nil {
		return err
	}
	for i, x := range ds {
		id := i + 1 // ids number the discrepancies in order
		claims := func(each func(timeline.Claim) error) error {
			rows, err := d.db.QueryContext(ctx, qDiscrepancyClaims, gen, id, -1)
			if err != nil {
				return d.describe(err)
			}
			defer rows.Close()
			for rows.Next() {
				var raw sql.RawBytes
				var c timeline.Claim
				if err := rows.Scan(&raw); err == nil {
					err = json.Unmarshal(raw, &c)
				}
				if err != nil {
					return fmt.Errorf("database %s: stored discrepancy: %w", d.Path, err)
				}
				if err := each(c); err != nil {
					return err
				}
			}
			return d.describeErr(rows.Err())
		}
		if err := fn(x, claims); err != nil {
			return err
		}
	}
	return nil
}

// EachStoredClaim passes the stored claims to fn one article at a time, in
// corpus order, as StoredClaims gives them.
func (d *DB) EachStoredClaim(ctx context.Context, fn func([]timeline.Claim) error) error {
	var maxID int64
	if err := d.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&maxID); err != nil {
		return d.describe(err)
	}
	rows, err := d.db.QueryContext(ctx, qPeopleClaims, maxID)
	if err != nil {
		return d.describe(err)
	}
	defer rows.Close()
	for i := 0; rows.Next(); i++ {
		var source, file string
		var raw sql.RawBytes
		if err := rows.Scan(&source, &file, &raw); err != nil {
			return d.describe(err)
		}
		if raw == nil {
			continue
		}
		var claims []timeline.Claim
		if err := json.Unmarshal(raw, &claims); err != nil {
			return fmt.Errorf("database %s: stored claims of %s / %s: %w", d.Path, source, file, err)
		}
		for k := range claims {
			claims[k].Source, claims[k].File, claims[k].Article = source, file, i
		}
		if err := fn(claims); err != nil {
			return err
		}
	}
	return d.describeErr(rows.Err())
}
