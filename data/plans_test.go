package data

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// queryPlan returns SQLite's plan for query, one step per element.
func queryPlan(t *testing.T, db *DB, query string, args ...any) []string {
	t.Helper()
	rows, err := db.db.Query("EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		rows.Scan(&id, &parent, &notused, &detail)
		plan = append(plan, detail)
	}
	return plan
}

// TestStoredAnalysisQueryPlans pins the plans of the queries behind the
// screens and commands: summary tables and indexes, no sort of the corpus
// and no scan of the sentences.
func TestStoredAnalysisQueryPlans(t *testing.T) {
	db := openTemp(t)
	importMixed(t, db, 0)
	if err := db.Refresh(context.Background(), testSchema(t), nil); err != nil {
		t.Fatal(err)
	}
	plans := map[string]struct {
		query   string
		args    []any
		want    []string
		mustNot []string
	}{
		"coverage matrix": {qCoverageMatrix, []any{0, 0}, []string{"SEARCH s USING INTEGER PRIMARY KEY", "SEARCH w USING INTEGER PRIMARY KEY"}, []string{"articles", "sentence"}},
		"article coverage": {qStoredCoverage, []any{0}, []string{"SCAN s USING COVERING INDEX sqlite_autoindex_sources", "USING COVERING INDEX articles_source_file", "SEARCH c USING PRIMARY KEY"},
			[]string{"TEMP B-TREE"}},
		"sources": {qSources, nil, []string{"SCAN s USING COVERING INDEX sqlite_autoindex_sources_1", "SEARCH c USING INTEGER PRIMARY KEY (rowid=?)"},
			[]string{"TEMP B-TREE", "articles", "sentences"}},
		"search: rank the newest matches": {qSearchRank, []any{`"talks"`, 50, 10000}, []string{"SCAN sentences_fts VIRTUAL TABLE INDEX 192:M1"}, []string{"SCAN sentences "}},
		"search: the hits": {qSearchHits, []any{`"talks"`, 1, 9, "[1,9]"}, []string{"SCAN sentences_fts VIRTUAL TABLE INDEX 0:M1><", "SEARCH n USING INTEGER PRIMARY KEY", "SEARCH a USING INTEGER PRIMARY KEY", "SEARCH s USING INTEGER PRIMARY KEY"},
			[]string{"SCAN n", "SCAN a", "INDEX 0:=M1"}},
		"screen: each source's phases' first articles": {qScreenPicks, []any{8}, []string{"SEARCH c USING PRIMARY KEY (source_id=? AND kind=?)",
			"CORRELATED SCALAR SUBQUERY", "SEARCH phase_articles USING PRIMARY KEY (source_id=? AND phase=?)"}, []string{"SCAN c", "SCAN phase_articles"}},
		"screen: articles' results":    {qArticleResults, []any{"[1,2]"}, []string{"SCAN k VIRTUAL TABLE", "SEARCH aa USING INTEGER PRIMARY KEY (rowid=?)"}, []string{"SCAN aa"}},
		"screen: evidence texts":       {qSentenceTexts, []any{"[[1,2],[3,4]]"}, []string{"SCAN k VIRTUAL TABLE", "SEARCH t USING INDEX sqlite_autoindex_sentences_1 (article_id=? AND seq=?)"}, []string{"SCAN t"}},
		"screen: a phase's first time": {fmt.Sprintf(qPhaseBound, "MIN"), []any{"talks", 0, 1 << 62}, []string{"SEARCH pt USING COVERING INDEX phase_times_phase (phase=? AND kind=? AND t=?)", "SEARCH phase_times USING COVERING INDEX phase_times_phase"}, []string{"SCAN"}},
		"coverage extent": {qCoverageExtent, []any{0}, []string{"SCAN c", "SEARCH c EXISTS USING PRIMARY KEY (source_id=? AND kind=?)"},
			[]string{"TEMP B-TREE", "SCAN s USING", "articles", "sentence"}},
		"coverage extent: longest file":   {qLongestFile, []any{20}, []string{"USING COVERING INDEX articles_source_file"}, []string{"SCAN articles", "TEMP B-TREE"}},
		"coverage extent: a file's cells": {qFileWithCells, []any{20, 0}, []string{"USING COVERING INDEX articles_source_file", "SEARCH c EXISTS USING PRIMARY KEY (article_id=? AND kind=?)"}, []string{"SCAN articles", "TEMP B-TREE"}},
		"timeline: a source's articles with a phase, and their results": {qPhaseResults, []any{1, "talks", "", -1, 64},
			[]string{"SEARCH pa USING PRIMARY KEY (source_id=? AND phase=? AND (file,article_id)>(?,?))", "SEARCH aa USING INTEGER PRIMARY KEY (rowid=?)"}, []string{"TEMP B-TREE", "SCAN"}},
		"timeline: evidence texts":  {qEvidenceTexts, []any{"[[1,2],[3,4]]"}, []string{"SCAN k VIRTUAL TABLE", "SEARCH t USING INDEX sqlite_autoindex_sentences_1 (article_id=? AND seq=?)"}, []string{"SCAN t"}},
		"timeline: phase sentences": {qPhaseSentenceCounts, nil, []string{"SCAN coverage_sources"}, []string{"articles", "sentence"}},
		"claims":                    {qStoredClaims, nil, []string{"SCAN s USING COVERING INDEX sqlite_autoindex_sources", "USING COVERING INDEX articles_source_file", "SEARCH c USING INTEGER PRIMARY KEY"}, []string{"TEMP B-TREE"}},
		"timeline": {qStoredTimeline, []any{0.3}, []string{"SCAN s USING COVERING INDEX sqlite_autoindex_sources", "articles_source_file",
			"SEARCH aa USING INTEGER PRIMARY KEY", "SEARCH t USING INDEX sqlite_autoindex_sentences_1 (article_id=? AND seq=?)"},
			[]string{"TEMP B-TREE", "SCAN t"}},
	}
	if err := db.RefreshPeople(context.Background(), testSchema(t), nil); err != nil {
		t.Fatal(err)
	}
	for name, p := range map[string]struct {
		query   string
		args    []any
		want    []string
		mustNot []string
	}{
		"people: an actor's cells":   {qActorCells, []any{1, "trump"}, []string{"SEARCH actor_cells USING PRIMARY KEY (gen=? AND actor=?)"}, []string{"TEMP B-TREE", "SCAN"}},
		"people: an actor's sources": {qActorSources, []any{1, "trump", 0}, []string{"SEARCH actor_sources USING PRIMARY KEY (gen=? AND actor=?)"}, []string{"TEMP B-TREE", "SCAN actor"}},
		"people: an actor's sentences": {qActorSentences, []any{1, "trump", 1, 10}, []string{"SEARCH ps USING PRIMARY KEY (gen=? AND source_id=?)", "SEARCH c USING PRIMARY KEY (gen=? AND actor=? AND ord>? AND ord<?)", "SEARCH t USING INDEX sqlite_autoindex_sentences_1 (article_id=? AND seq=?)"},
			[]string{"TEMP B-TREE", "SCAN c", "SCAN t", "article_analysis"}},
		"people: articles in order":  {qPeopleArticles, []any{1 << 40}, []string{"USING COVERING INDEX sqlite_autoindex_sources", "articles_source_file"}, []string{"TEMP B-TREE"}},
		"people: sentences in order": {qPeopleSentences, []any{1 << 40}, []string{"articles_source_file", "sqlite_autoindex_sentences_1"}, []string{"TEMP B-TREE"}},
		"people: claims in order":    {qPeopleClaims, []any{1 << 40}, []string{"USING COVERING INDEX sqlite_autoindex_sources", "articles_source_file"}, []string{"TEMP B-TREE"}},
		"people: a page of variants": {qClusterVariants, []any{1, 1, 100, 40}, []string{"SEARCH v USING PRIMARY KEY (gen=? AND grp=? AND pos>?)", "SEARCH w USING PRIMARY KEY (gen=? AND wording=?)"},
			[]string{"TEMP B-TREE", "SCAN"}},
		"people: the first clusters":      {qClusters, []any{1, 500}, []string{"SEARCH quote_clusters USING PRIMARY KEY (gen=?)"}, []string{"TEMP B-TREE", "SCAN"}},
		"people: every variant, in order": {qScanVariants, []any{1}, []string{"SEARCH quote_variants USING PRIMARY KEY (gen=?)"}, []string{"TEMP B-TREE"}},
		"people: the most contested":      {qContested, []any{1, 30}, []string{"SEARCH discrepancies USING INDEX discrepancies_contested (gen=?)"}, []string{"TEMP B-TREE", "SCAN"}},
		"people: shared files":            {qSharedFiles, nil, []string{"SCAN articles USING COVERING INDEX articles_source_file"}, []string{"SCAN articles;", "sentence"}},
		"people: shared files in order":   {qFilesInOrder, []any{`["a.txt"]`}, []string{"SCAN s USING COVERING INDEX sqlite_autoindex_sources", "articles_source_file"}, []string{"TEMP B-TREE"}},
		"people: a discrepancy's claims":  {qDiscrepancyClaims, []any{1, 1, 12}, []string{"SEARCH discrepancy_claims USING PRIMARY KEY (gen=? AND id=?)"}, []string{"TEMP B-TREE", "SCAN"}},
	} {
		plans[name] = p
	}
	for name, p := range plans {
		plan := strings.Join(queryPlan(t, db, p.query, p.args...), "; ")
		for _, w := range p.want {
			if !strings.Contains(plan, w) {
				t.Errorf("%s: plan %q, want %q", name, plan, w)
			}
		}
		for _, w := range p.mustNot {
			if strings.Contains(plan, w) {
				t.Errorf("%s: plan %q has %q", name, plan, w)
			}
		}
	}
}

// TestSearchRanksAsTheJoinedQuery: ranking before joining gives the hits
// (and order) of the plain query that joins every match, among the newest
// searchWindow matches.
func TestSearchRanksAsTheJoinedQuery(t *testing.T) {
	db := openTemp(t)
	importMixed(t, db, 0)
	defer func(w int) { searchWindow = w }(searchWindow)
	for _, window := range []int{10000, 12, 3} {
		searchWindow = window
		for _, q := range []string{"talks moscow", "putin", "trump said", "ukr*"} {
			got, err := db.Search(context.Background(), q, 7)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := db.db.Query(`SELECT n.id, highlight(sentences_fts, 0, '[', ']') FROM sentences_fts f JOIN sentences n ON n.id = f.rowid
				WHERE sentences_fts MATCH ?1 AND f.rowid >= COALESCE((SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1
					ORDER BY rowid DESC LIMIT 1 OFFSET ?2 - 1), 0)
				ORDER BY bm25(sentences_fts), n.id LIMIT 7`, MatchQuery(q), window)
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for rows.Next() {
				var id int64
				var hl string
				rows.Scan(&id, &hl)
				want = append(want, fmt.Sprint(id, hl))
			}
			rows.Close()
			var have []string
			for _, h := range got {
				have = append(have, fmt.Sprint(h.SentenceID, h.Highlight))
			}
			if len(want) == 0 || strings.Join(have, "\n") != strings.Join(want, "\n") {
				t.Errorf("window %d, %q: hits\n%s\nwant\n%s", window, q, strings.Join(have, "\n"), strings.Join(want, "\n"))
			}
		}
	}
}

// TestSearchDuringAWrite: a search reads while an import holds the write
// lock (the store's transactions begin IMMEDIATE), without waiting for it.
func TestSearchDuringAWrite(t *testing.T) {
	db := openTemp(t)
	importMixed(t, db, 0)
	tx, err := db.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE settings SET value = value WHERE key = 'none'`); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	hits, err := db.Search(ctx, "talks moscow", 5)
	if err != nil || len(hits) == 0 {
		t.Fatalf("%d hits, %v", len(hits), err)
	}
}
