package data

import (
	"context"
	"strings"
	"testing"
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
		"coverage matrix": {qCoverageMatrix, []any{0}, []string{"SEARCH s USING INTEGER PRIMARY KEY", "SEARCH w USING INTEGER PRIMARY KEY"}, []string{"articles", "sentence"}},
		"article coverage": {qStoredCoverage, []any{0}, []string{"SCAN s USING COVERING INDEX sqlite_autoindex_sources", "USING COVERING INDEX articles_source_file", "SEARCH c USING PRIMARY KEY"},
			[]string{"TEMP B-TREE"}},
		"timeline": {qStoredTimeline, []any{0.3}, []string{"SCAN s USING COVERING INDEX sqlite_autoindex_sources", "articles_source_file", "SEARCH sa USING INDEX sentence_analysis_article", "SEARCH t USING INTEGER PRIMARY KEY"},
			[]string{"TEMP B-TREE"}},
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
