package data

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"unicode"
)

// SearchHit is one sentence matching a full-text query.
type SearchHit struct {
	SentenceID int64
	ArticleID  int64
	Source     string
	File       string
	Seq        int
	Text       string
	Highlight  string // Text with matches wrapped in [ and ]
}

// MatchQuery turns what a user typed into a safe FTS5 query: every word
// becomes a quoted term (so stray quotes, brackets and operators are plain
// text), all terms must match, and a trailing * on a word keeps prefix
// search. It returns "" when the input holds no words.
func MatchQuery(input string) string {
	var terms []string
	for _, field := range strings.Fields(input) {
		prefix := strings.HasSuffix(field, "*")
		word := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return ' '
		}, field)
		parts := strings.Fields(word)
		for i, p := range parts {
			term := `"` + p + `"`
			if prefix && i == len(parts)-1 {
				term += "*"
			}
			terms = append(terms, term)
		}
	}
	return strings.Join(terms, " ")
}

// searchWindow is how many matches Search ranks: the most recently
// imported. A query that matches fewer is ranked whole; one that matches
// more (a common word: hundreds of thousands of sentences at 100,000
// articles) gives the best of its newest searchWindow matches. Ranking is
// the cost of a search (bm25 reads each match's size and positions), so
// its time is bounded by the window rather than by the corpus.
var searchWindow = 10000

// qSearchRank ranks the newest matches (?3 of them: FTS5 walks the
// matches in rowid order and stops there) and keeps the best ?2, best
// first.
const qSearchRank = `SELECT id FROM (SELECT rowid AS id, bm25(sentences_fts) AS score FROM sentences_fts
		WHERE sentences_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?3)
	ORDER BY score, id LIMIT ?2`

// qSearchHits reads the kept matches (?4, a JSON array of rowids from ?2
// to ?3) with their highlights, articles and sources. The highlights come
// from one walk of the matches between the first and the last kept:
// looking each up (rowid = ? AND MATCH) evaluates the query again for each
// hit, which for a prefix (ukr*) means merging every term it stands for,
// each time. The + keeps the IN list from becoming such look-ups.
const qSearchHits = `SELECT n.id, a.id, s.label, a.file, n.seq, n.text, h.hl
	FROM (SELECT rowid AS id, highlight(sentences_fts, 0, '[', ']') AS hl FROM sentences_fts
		WHERE sentences_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3 AND +rowid IN (SELECT value FROM json_each(?4))) h
	CROSS JOIN sentences n ON n.id = h.id
	CROSS JOIN articles a ON a.id = n.article_id
	CROSS JOIN sources s ON s.id = a.source_id`

// Search finds up to limit sentences matching the words of query, best
// first (bm25; ties: the first imported), among the newest searchWindow
// matches. Input with no words gives no hits and no error.
func (d *DB) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	match := MatchQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 100
	}
	// Two reads, not in a transaction: the store's transactions take the
	// write lock (BEGIN IMMEDIATE), which a search must not hold against
	// an import. A hit deleted in between is left out.
	rows, err := d.db.QueryContext(ctx, qSearchRank, match, limit, searchWindow)
	if err != nil {
		return nil, d.describe(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, d.describe(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return nil, d.describeErr(err)
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rank := make(map[int64]int, len(ids))
	for i, id := range ids {
		rank[id] = i
	}
	if rows, err = d.db.QueryContext(ctx, qSearchHits, match, slices.Min(ids), slices.Max(ids), string(list)); err != nil {
		return nil, d.describe(err)
	}
	defer rows.Close()
	hits := make([]SearchHit, len(ids))
	found := 0
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.SentenceID, &h.ArticleID, &h.Source, &h.File, &h.Seq, &h.Text, &h.Highlight); err != nil {
			return nil, d.describe(err)
		}
		hits[rank[h.SentenceID]] = h
		found++
	}
	if err := rows.Err(); err != nil {
		return nil, d.describe(err)
	}
	if found < len(ids) { // deleted since it was ranked
		hits = slices.DeleteFunc(hits, func(h SearchHit) bool { return h.SentenceID == 0 })
	}
	return hits, nil
}
