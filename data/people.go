package data

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/newsreel/newsreel/timeline"
)

// The corpus-level people stage (migration 009): actors with the user's
// edits replayed, quotations clustered across sources, and claims'
// discrepancies. RefreshPeople computes it by streaming the stored
// articles (timeline.FindPeople: a walk of the corpus per pass, one article
// in memory at a time) and stores per actor and article the counts the
// screens sum, so that reading it is a few indexed look-ups. It is
// recomputed only when what it was computed from changed: the stored
// analysis (its stamp, bumped on every store), the schema, the engine, the
// articles, the sources' labels (corpus order) or the actor edits.

// peopleVersion changes when what the stage stores changes.
const peopleVersion = 1

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
// it: quotation clusters without their variants, discrepancies with one
// claim per value. Its size grows with the number of distinct actors,
// utterances and disagreements, not with the corpus.
type PeopleBrief struct {
	Actors        []timeline.Actor
	Clusters      []ClusterBrief // in timeline.ClusterQuotes order
	Discrepancies []DiscrepancyBrief
	Skipped       []timeline.ActorEdit
}

// ClusterBrief is a quotation cluster without its variants (see
// ClusterVariants), with their numbers.
type ClusterBrief struct {
	timeline.QuoteCluster     // Variants and Changes nil
	VariantCount          int // quotations in the cluster
	SourceCount           int // distinct sources among them
}

// DiscrepancyBrief is a discrepancy with only the first claim (in corpus
// order) of each value, and the numbers of all.
type DiscrepancyBrief struct {
	timeline.Discrepancy
	ClaimCount  int // claims in the discrepancy
	SourceCount int // distinct sources among them
}

// briefDiscrepancies keeps the first claim of each value.
func briefDiscrepancies(ds []timeline.Discrepancy) []DiscrepancyBrief {
	out := make([]DiscrepancyBrief, len(ds))
	for i, d := range ds {
		b := DiscrepancyBrief{Discrepancy: d, ClaimCount: len(d.Claims)}
		b.Discrepancy.Claims = nil
		values, sources := map[string]bool{}, map[string]bool{}
		for _, c := range d.Claims {
			sources[c.Source] = true
			if !values[c.Value] {
				values[c.Value] = true
				b.Discrepancy.Claims = append(b.Discrepancy.Claims, c)
			}
		}
		b.SourceCount = len(sources)
		out[i] = b
	}
	return out
}

const (
	qPeopleGen      = `SELECT gen, key FROM people_stage WHERE complete = 1 ORDER BY gen DESC LIMIT 1`
	qPeopleArticles = `SELECT a.id, a.source_id, s.label, a.file, a.body, a.copy_of IS NOT NULL
		FROM sources s CROSS JOIN articles a ON a.source_id = s.id WHERE a.id <= ?
		ORDER BY s.label COLLATE NOCASE, a.file, a.id`
	qPeopleSentences = `SELECT t.article_id, t.seq, t.paragraph, t.start_offset, t.end_offset, t.kind, t.words, t.text
		FROM sources s CROSS JOIN articles a ON a.source_id = s.id CROSS JOIN sentences t ON t.article_id = a.id WHERE a.id <= ?
		ORDER BY s.label COLLATE NOCASE, a.file, a.id, t.seq`
	qActorCells = `SELECT source_id, file, copy, mentions, sentences, words, quoted_words, ord, article_id
		FROM actor_cells WHERE gen = ? AND actor = ? ORDER BY ord`
	// The sentence's times come from its article's stored results.
	qActorSentences = `SELECT c.file, t.seq, t.text,
			(SELECT r.value -> 'tm' FROM article_analysis aa CROSS JOIN json_each(aa.results) r
				WHERE aa.article_id = c.article_id AND r.value ->> 'i' = t.seq)
		FROM people_sources ps CROSS JOIN actor_cells c ON c.gen = ps.gen AND c.actor = ?2 AND c.ord BETWEEN ps.first_ord AND ps.last_ord
		CROSS JOIN json_each(c.seqs) j CROSS JOIN sentences t ON t.article_id = c.article_id AND t.seq = j.value
		WHERE ps.gen = ?1 AND ps.source_id = ?3 ORDER BY c.ord LIMIT ?4` // json_each walks the array in order
	qActorSources = `SELECT source_id, articles - copy_articles * (1 - ?3), mentions - copy_mentions * (1 - ?3), sentences - copy_sentences * (1 - ?3),
		words - copy_words * (1 - ?3), quoted_words - copy_quoted_words * (1 - ?3)
		FROM actor_sources WHERE gen = ?1 AND actor = ?2`
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
// six when an edit turns out to be skipped).
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
	w := &peopleWriter{d: d, ctx: ctx, gen: gen}
	defer w.rollback()
	walks := 3
	done := 0
	var cur streamedArticle
	stream := d.streamArticles(ctx, maxID, &cur, func() {
		done++
		// At most a few hundred calls: when the share done moves by 1%.
		if progress != nil && done < walks*total && done*100/max(walks*total, 1) != (done-1)*100/max(walks*total, 1) {
			progress(min(done, walks*total), walks*total)
		}
	})
	stage, err := timeline.FindPeople(stream, EditsOnly(stored), timeline.PeopleSink{
		Article: func(ap *timeline.ArticlePeople) error { return w.article(ap, cur) },
		Restart: func() error { walks += 3; return w.restart() }, // every pass again
	})
	if err != nil {
		return d.describeErr(err)
	}
	if err := w.commit(); err != nil {
		return d.describe(err)
	}
	clusters := timeline.ClusterQuotes(stage.Quotes)
	claims, err := d.StoredClaims(ctx)
	if err != nil {
		return err
	}
	discrepancies := timeline.FindDiscrepancies(claims)
	claims = nil
	err = d.inTx(ctx, func(tx *sql.Tx) error {
		if err := w.finish(tx, clusters); err != nil {
			return err
		}
		actors, err := json.Marshal(stage.Actors.List)
		if err != nil {
			return err
		}
		disc, err := json.Marshal(discrepancies)
		if err != nil {
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
		brief, err := json.Marshal(briefDiscrepancies(discrepancies))
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE people_stage SET complete = 1, actors = ?, discrepancies = ?, skipped = ?, texts = ?, brief = ? WHERE gen = ?`,
			actors, disc, skipped, texts, brief, gen)
		return err
	})
	if err != nil {
		return d.describe(err)
	}
	if progress != nil {
		progress(walks*total, walks*total)
	}
	// The generations before are out of use (and any a crash left half
	// written): dropped after the switch, a crash here leaves them for the
	// next refresh.
	return d.describeErr(d.inTx(ctx, func(tx *sql.Tx) error {
		for _, table := range []string{"actor_cells", "actor_sources", "people_sources", "quote_clusters", "quote_variants", "people_stage"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE gen < ?`, gen); err != nil {
				return err
			}
		}
		return nil
	}))
}

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
		arows, err := d.db.QueryContext(ctx, qPeopleArticles, maxID)
		if err != nil {
			return d.describe(err)
		}
		defer arows.Close()
		srows, err := d.db.QueryContext(ctx, qPeopleSentences, maxID)
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
}

// peopleWriter stores a generation's cells as they are found, in
// transactions of a few hundred articles, and sums them per source.
type peopleWriter struct {
	d        *DB
	ctx      context.Context
	gen      int64
	tx       *sql.Tx
	insert   *sql.Stmt
	articles int
	sums     map[actorSource]*[10]int // articles, mentions, sentences, words, quoted words; then the copies' part
	ranges   map[int64]*[2]int        // source -> first and last ord
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
	if len(ap.Actors) == 0 {
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
		part := []int{1, c.Mentions, len(c.Sentences), c.Words, c.QuotedWords}
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
	err := w.tx.Commit()
	w.tx, w.insert = nil, nil
	return err
}

// rollback drops an unfinished batch.
func (w *peopleWriter) rollback() {
	if w.tx != nil {
		w.insert.Close()
		_ = w.tx.Rollback()
		w.tx, w.insert = nil, nil
	}
}

// restart forgets the cells written so far.
func (w *peopleWriter) restart() error {
	w.rollback()
	w.sums, w.ranges, w.articles = nil, nil, 0
	_, err := w.d.db.ExecContext(w.ctx, `DELETE FROM actor_cells WHERE gen = ?`, w.gen)
	return err
}

// finish writes the sums, the sources' runs and the clusters.
func (w *peopleWriter) finish(tx *sql.Tx, clusters []timeline.QuoteCluster) error {
	ctx := w.ctx
	pr := &preparer{ctx: ctx, tx: tx}
	sums := pr.prep(`INSERT INTO actor_sources (gen, actor, source_id, articles, mentions, sentences, words, quoted_words,
		copy_articles, copy_mentions, copy_sentences, copy_words, copy_quoted_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	ranges := pr.prep(`INSERT INTO people_sources (gen, source_id, first_ord, last_ord) VALUES (?, ?, ?, ?)`)
	cluster := pr.prep(`INSERT INTO quote_clusters (gen, id, speaker, speaker_name, text, variant_count, sources) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	variant := pr.prep(`INSERT INTO quote_variants (gen, id, variants, changes) VALUES (?, ?, ?, ?)`)
	if pr.err != nil {
		return pr.err
	}
	defer sums.Close()
	defer ranges.Close()
	defer cluster.Close()
	defer variant.Close()
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
	for _, c := range clusters {
		variants, err := json.Marshal(c.Variants)
		if err != nil {
			return err
		}
		changes, err := json.Marshal(c.Changes)
		if err != nil {
			return err
		}
		sources := map[string]bool{}
		for _, v := range c.Variants {
			sources[v.Source] = true
		}
		if _, err := cluster.ExecContext(ctx, w.gen, c.ID, c.Speaker, c.SpeakerName, c.Text, len(c.Variants), len(sources)); err != nil {
			return err
		}
		if _, err := variant.ExecContext(ctx, w.gen, c.ID, variants, changes); err != nil {
			return err
		}
	}
	return nil
}

// People reads the stored corpus stage (calls RefreshPeople first if it is stale).
// It holds every quotation and claim of the stage: screens that list the
// stage read PeopleBrief, and ClusterVariants for one cluster.
func (d *DB) People(ctx context.Context, schema *timeline.Schema) (*People, error) {
	gen, err := d.freshPeople(ctx, schema)
	if err != nil {
		return nil, err
	}
	p := &People{}
	if err := d.peopleParts(ctx, gen, "discrepancies", &p.Actors, &p.Discrepancies, &p.Skipped); err != nil {
		return nil, err
	}
	rows, err := d.db.QueryContext(ctx, `SELECT c.id, c.speaker, c.speaker_name, c.text, v.variants, v.changes
		FROM quote_clusters c JOIN quote_variants v ON v.gen = c.gen AND v.id = c.id WHERE c.gen = ? ORDER BY c.id`, gen)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c timeline.QuoteCluster
		var variants, changes []byte
		if err := rows.Scan(&c.ID, &c.Speaker, &c.SpeakerName, &c.Text, &variants, &changes); err != nil {
			return nil, d.describe(err)
		}
		if err := d.decodeVariants(&c, variants, changes); err != nil {
			return nil, err
		}
		p.Clusters = append(p.Clusters, c)
	}
	return p, d.describeErr(rows.Err())
}

// PeopleBrief reads the stored stage without its bulk (calls RefreshPeople
// first if it is stale).
func (d *DB) PeopleBrief(ctx context.Context, schema *timeline.Schema) (*PeopleBrief, error) {
	gen, err := d.freshPeople(ctx, schema)
	if err != nil {
		return nil, err
	}
	p := &PeopleBrief{}
	if err := d.peopleParts(ctx, gen, "brief", &p.Actors, &p.Discrepancies, &p.Skipped); err != nil {
		return nil, err
	}
	rows, err := d.db.QueryContext(ctx, `SELECT id, speaker, speaker_name, text, variant_count, sources FROM quote_clusters WHERE gen = ? ORDER BY id`, gen)
	if err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c ClusterBrief
		if err := rows.Scan(&c.ID, &c.Speaker, &c.SpeakerName, &c.Text, &c.VariantCount, &c.SourceCount); err != nil {
			return nil, d.describe(err)
		}
		p.Clusters = append(p.Clusters, c)
	}
	return p, d.describeErr(rows.Err())
}

// ClusterVariants reads one stored quotation cluster with its variants
// (ok false when the stage has no cluster id). It reads the stored stage.
func (d *DB) ClusterVariants(ctx context.Context, id int) (c timeline.QuoteCluster, ok bool, err error) {
	gen, _, err := d.peopleGen(ctx)
	if err != nil {
		return c, false, err
	}
	var variants, changes []byte
	err = d.db.QueryRowContext(ctx, `SELECT c.id, c.speaker, c.speaker_name, c.text, v.variants, v.changes
		FROM quote_clusters c JOIN quote_variants v ON v.gen = c.gen AND v.id = c.id WHERE c.gen = ? AND c.id = ?`, gen, id).
		Scan(&c.ID, &c.Speaker, &c.SpeakerName, &c.Text, &variants, &changes)
	if errors.Is(err, sql.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, d.describe(err)
	}
	return c, true, d.decodeVariants(&c, variants, changes)
}

func (d *DB) decodeVariants(c *timeline.QuoteCluster, variants, changes []byte) error {
	if err := json.Unmarshal(variants, &c.Variants); err != nil {
		return fmt.Errorf("database %s: stored quotation cluster %d: %w", d.Path, c.ID, err)
	}
	if err := json.Unmarshal(changes, &c.Changes); err != nil {
		return fmt.Errorf("database %s: stored quotation cluster %d: %w", d.Path, c.ID, err)
	}
	return nil
}

// freshPeople refreshes the stage if stale and returns its generation.
func (d *DB) freshPeople(ctx context.Context, schema *timeline.Schema) (int64, error) {
	if err := d.RefreshPeople(ctx, schema, nil); err != nil {
		return 0, err
	}
	gen, _, err := d.peopleGen(ctx)
	return gen, err
}

// peopleParts reads the stage's actors, discrepancies (the column named)
// and skipped edits.
func (d *DB) peopleParts(ctx context.Context, gen int64, discColumn string, actors, disc, skipped any) error {
	var a, ds, sk []byte
	err := d.db.QueryRowContext(ctx, `SELECT actors, `+discColumn+`, skipped FROM people_stage WHERE gen = ?`, gen).Scan(&a, &ds, &sk)
	if err != nil {
		return d.describe(err)
	}
	for _, part := range []struct {
		raw []byte
		v   any
	}{{a, actors}, {ds, disc}, {sk, skipped}} {
		if err := json.Unmarshal(part.raw, part.v); err != nil {
			return fmt.Errorf("database %s: stored people stage: %w", d.Path, err)
		}
	}
	return nil
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
	var raw []byte
	if err := d.db.QueryRowContext(ctx, `SELECT actors FROM people_stage WHERE gen = ?`, gen).Scan(&raw); err != nil {
		return nil, d.describe(err)
	}
	var actors []struct{ ID string }
	if err := json.Unmarshal(raw, &actors); err != nil {
		return nil, fmt.Errorf("database %s: stored actors: %w", d.Path, err)
	}
	ids := make([]string, len(actors))
	for i, a := range actors {
		ids[i] = a.ID
	}
	return ids, nil
}

// ActorCells returns the cells of the given actors (all actors, in
// People.Actors order, when ids is empty): actor by actor, each actor's
// cells in corpus order. It reads the stored stage (see RefreshPeople).
func (d *DB) ActorCells(ctx context.Context, ids []string) ([]ActorCell, error) {
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
	stmt, err := d.db.PrepareContext(ctx, qActorCells)
	if err != nil {
		return nil, d.describe(err)
	}
	defer stmt.Close()
	var out []ActorCell
	for _, id := range ids {
		rows, err := stmt.QueryContext(ctx, gen, id)
		if err != nil {
			return nil, d.describe(err)
		}
		for rows.Next() {
			c := ActorCell{Actor: id}
			var source int64
			if err := rows.Scan(&source, &c.File, &c.Copy, &c.Mentions, &c.Sentences, &c.Words, &c.QuotedWords, &c.Article, &c.ArticleID); err != nil {
				rows.Close()
				return nil, d.describe(err)
			}
			c.Source = labels[source]
			out = append(out, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, d.describe(err)
		}
	}
	return out, nil
}

// ActorSentences returns the sentences of one source that mention the actor, as evidence (File,
// Sentence index, Text, Times), in corpus order — the "sentences behind a cell" of the coverage screen.
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
	for rows.Next() {
		e := timeline.Evidence{Source: label}
		var times sql.NullString
		if err := rows.Scan(&e.File, &e.Sentence, &e.Text, &times); err != nil {
			return nil, d.describe(err)
		}
		if times.Valid && times.String != "null" {
			if e.Times, err = decodeTimes([]byte(times.String)); err != nil {
				return nil, fmt.Errorf("database %s: stored times of %s sentence %d: %w", d.Path, e.File, e.Sentence, err)
			}
		}
		out = append(out, e)
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
