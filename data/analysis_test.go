package data

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data/corpusgen"
	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

func testSchema(t testing.TB) *timeline.Schema {
	t.Helper()
	s, err := assets.LoadSchema("")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// importMixed imports the bundled corpus, the engine's other summits (and
// two held-out sets) and n
// generated articles (other leaders: the principals are contested while
// the first batches come in).
func importMixed(t *testing.T, db *DB, n int) {
	t.Helper()
	ctx := context.Background()
	dirs := []string{"../assets/corpus/alaska-2025"}
	summits := t.TempDir()
	// Other summits, and the held-out sets' live blogs, feeds, zones and
	// start/end times (their pages and feeds too).
	var files []string
	for _, dir := range []string{"summits", "heldout3", "heldout4"} {
		more, _ := filepath.Glob("../timeline/testdata/" + dir + "/*")
		files = append(files, more...)
	}
	for _, f := range files {
		if !strings.HasSuffix(f, ".json") {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(summits, filepath.Base(f)), b, 0o644)
		}
	}
	dirs = append(dirs, summits)
	if n > 0 {
		dirs = append(dirs, writeCorpus(t, n))
	}
	sum := ingest.Import(ctx, db, dirs, ingest.Options{}, nil)
	if sum.Failed > 0 || sum.Imported == 0 {
		t.Fatalf("import: %+v", sum)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// inMemoryReport is the analysis as it was computed before it was stored:
// the whole corpus loaded and analysed at once.
func inMemoryReport(t *testing.T, db *DB, s *timeline.Schema) *timeline.Report {
	t.Helper()
	stored, err := db.LoadCorpus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	arts := make([]timeline.Article, len(stored))
	sents := make([][]timeline.Sentence, len(stored))
	for i, sa := range stored {
		arts[i], sents[i] = sa.Article, sa.Sentences
	}
	return s.Report(s.AnalyzeSplit(arts, sents))
}

// sameReport compares every part of two reports, and every sentence's
// analysis.
func sameReport(t *testing.T, got, want *timeline.Report) {
	t.Helper()
	if len(got.Articles) != len(want.Articles) {
		t.Fatalf("%d articles, want %d", len(got.Articles), len(want.Articles))
	}
	for i, a := range got.Articles {
		w := want.Articles[i]
		if a.File != w.File || a.Words != w.Words || len(a.Sentences) != len(w.Sentences) {
			t.Fatalf("article %d: %s (%d words), want %s (%d words)", i, a.File, a.Words, w.File, w.Words)
		}
		for k, s := range a.Sentences {
			if g, ws := jsonOf(t, s), jsonOf(t, w.Sentences[k]); g != ws {
				t.Fatalf("%s sentence %d:\n got %s\nwant %s", a.File, k, g, ws)
			}
			for m, tm := range s.Times {
				if gz, _ := tm.Time.Zone(); true {
					if wz, _ := w.Sentences[k].Times[m].Time.Zone(); gz != wz {
						t.Fatalf("%s sentence %d time %d: zone %s, want %s", a.File, k, m, gz, wz)
					}
				}
			}
		}
	}
	for name, pair := range map[string][2]any{
		"sources":       {got.Sources, want.Sources},
		"timeline":      {got.Timeline, want.Timeline},
		"coverage":      {got.Coverage, want.Coverage},
		"themes":        {got.Themes, want.Themes},
		"actors":        {got.Actors.List, want.Actors.List},
		"quotes":        {got.Quotes, want.Quotes},
		"clusters":      {got.Clusters, want.Clusters},
		"claims":        {got.Claims, want.Claims},
		"discrepancies": {got.Discrepancies, want.Discrepancies},
		"blindspots":    {got.Blindspots, want.Blindspots},
	} {
		if g, w := jsonOf(t, pair[0]), jsonOf(t, pair[1]); g != w {
			t.Errorf("%s differ:\n got %.300s\nwant %.300s", name, g, w)
		}
	}
}

// TestStoredAnalysisMatchesInMemory: the analysis stored on import (in the
// worker pool, against the cast known so far, then refreshed) is exactly
// what analysing the whole corpus in memory gives, and so are the stored
// coverage, timeline and per-source sums.
func TestStoredAnalysisMatchesInMemory(t *testing.T) {
	ctx := context.Background()
	s := testSchema(t)
	db := openTemp(t)
	importMixed(t, db, 700)
	var total int
	if err := db.Refresh(ctx, s, func(done, all int) { total = all }); err != nil {
		t.Fatal(err)
	}
	n, _ := db.CountArticles(ctx)
	// Import analyses with the names of the articles on their way to the
	// store: the cast rarely changes after the first few articles.
	if total*20 > n {
		t.Errorf("refresh re-analysed %d of %d articles; want under 5%%", total, n)
	}
	t.Logf("refresh re-analysed %d of %d articles", total, n)
	want := inMemoryReport(t, db, s)
	got, err := db.Report(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	sameReport(t, got, want)

	cov, err := db.StoredCoverage(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	themes, err := db.StoredCoverage(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := jsonOf(t, cov), jsonOf(t, want.Coverage); g != w {
		t.Errorf("stored coverage differs:\n got %.300s\nwant %.300s", g, w)
	}
	if g, w := jsonOf(t, themes), jsonOf(t, want.Themes); g != w {
		t.Errorf("stored theme coverage differs")
	}
	for _, kind := range []struct {
		themes bool
		cells  []timeline.CoverageCell
	}{{false, cov}, {true, themes}} {
		var ext CoverageExtent
		for _, c := range kind.cells {
			ext.Source = max(ext.Source, utf8.RuneCountInString(c.Source))
			ext.File = max(ext.File, utf8.RuneCountInString(c.File))
			ext.Key = max(ext.Key, utf8.RuneCountInString(c.Key))
			ext.Sentences, ext.Words = max(ext.Sentences, c.Sentences), max(ext.Words, c.Words)
		}
		if got, err := db.StoredCoverageExtent(ctx, kind.themes); err != nil || got != ext || ext.Words == 0 {
			t.Errorf("themes %v: coverage extent %+v, want %+v (%v)", kind.themes, got, ext, err)
		}
	}
	tl, err := db.StoredTimeline(ctx, s, 0)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := jsonOf(t, tl), jsonOf(t, want.Timeline); g != w {
		t.Errorf("stored timeline differs:\n got %.300s\nwant %.300s", g, w)
	}
	sameScreenTimeline(t, db, s, want)
	samePhaseEvidence(t, db, want.Timeline)
	srcs, err := db.AnalysedSources(ctx)
	if err != nil || jsonOf(t, srcs) != jsonOf(t, want.Sources) {
		t.Errorf("sources %v, want %v (%v)", srcs, want.Sources, err)
	}
	sameMatrix(t, db, want)
	claims, err := db.StoredClaims(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := jsonOf(t, claims), jsonOf(t, want.Claims); g != w || len(claims) == 0 {
		for i := range claims {
			if i < len(want.Claims) && jsonOf(t, claims[i]) != jsonOf(t, want.Claims[i]) {
				t.Errorf("stored claim %d differs:\n got %s\nwant %s", i, jsonOf(t, claims[i]), jsonOf(t, want.Claims[i]))
				break
			}
		}
		t.Errorf("stored claims (%d, want %d) differ", len(claims), len(want.Claims))
	}
	// Up to date: nothing left to do.
	total = 0
	if err := db.Refresh(ctx, s, func(done, all int) { total = all }); err != nil || total != 0 {
		t.Errorf("second refresh re-analysed %d articles (%v)", total, err)
	}
}

// TestImportThatChangesTheCastReanalysesWhatItChanged imports a corpus
// about other leaders, then the Alaska corpus: the principals change, and
// the refreshed analysis matches the in-memory one.
func TestImportThatChangesTheCastReanalysesWhatItChanged(t *testing.T) {
	ctx := context.Background()
	s := testSchema(t)
	db := openTemp(t)
	g, err := corpusgen.New(7)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 30; i++ {
		name, body := g.Article(i)
		art, err := ingest.Parse(name, body)
		if err != nil {
			t.Fatal(err)
		}
		art.Body = strings.NewReplacer("Putin", "Orban", "Trump", "Meloni").Replace(art.Body)
		if _, err := db.ImportArticle(ctx, art); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Refresh(ctx, s, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ScreenTimeline(ctx, s); err != nil { // cached, then outdated by the import
		t.Fatal(err)
	}
	before := inMemoryReport(t, db, s)
	importMixed(t, db, 0)
	var total int
	if err := db.Refresh(ctx, s, func(done, all int) { total = all }); err != nil {
		t.Fatal(err)
	}
	want := inMemoryReport(t, db, s)
	got, err := db.Report(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	sameReport(t, got, want)
	// The screen timeline followed the import.
	sameScreenTimeline(t, db, s, want)
	samePhaseEvidence(t, db, want.Timeline)
	if total == 0 {
		t.Errorf("no article re-analysed, though the principals changed from %v", before.Articles[0].Source)
	}
}

// TestRefreshAfterSchemaChangeReanalysesEverything: another schema makes
// every stored analysis stale; Refresh reports its progress.
func TestRefreshAfterSchemaChangeReanalysesEverything(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	importMixed(t, db, 300)
	s := testSchema(t)
	if err := db.Refresh(ctx, s, nil); err != nil {
		t.Fatal(err)
	}
	raw, err := assets.Schema(assets.DefaultSchema)
	if err != nil {
		t.Fatal(err)
	}
	other, err := timeline.ParseSchema("other.yaml", []byte(strings.Replace(string(raw), "label:", "label: x", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if other.Hash() == s.Hash() {
		t.Fatal("another schema has the same hash")
	}
	var calls, last, total int
	if err := db.Refresh(ctx, other, func(done, all int) { calls++; last, total = done, all }); err != nil {
		t.Fatal(err)
	}
	n, _ := db.CountArticles(ctx)
	if total != n || last != n || calls < 2 {
		t.Errorf("progress %d/%d in %d calls; want %d articles", last, total, calls, n)
	}
	want := inMemoryReport(t, db, other)
	sameReport(t, mustReport(t, db, other), want)
	sameScreenTimeline(t, db, other, want)
	samePhaseEvidence(t, db, want.Timeline)
	var votes int
	db.db.QueryRow(`SELECT COUNT(*) FROM phase_votes`).Scan(&votes)
	if votes == 0 {
		t.Error("no relative cues counted")
	}
}

func mustReport(t *testing.T, db *DB, s *timeline.Schema) *timeline.Report {
	t.Helper()
	r, err := db.Report(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestCreditedPersonsAreChecked: an article analysed while another one
// naming a person was on its way to the store takes that name for a
// person; when the other one is not stored (a duplicate by URL), Refresh
// re-analyses the article, and the stored analysis matches the in-memory
// one.
func TestCreditedPersonsAreChecked(t *testing.T) {
	ctx := context.Background()
	s := testSchema(t)
	db := openTemp(t)
	importMixed(t, db, 0)
	if err := db.Refresh(ctx, s, nil); err != nil {
		t.Fatal(err)
	}
	first := timeline.Article{Source: "Dup", File: "dup.txt", URL: "https://example.org/a",
		Body: "The leaders met in Anchorage on Friday.\n\nReporters waited outside the base for hours."}
	if _, err := db.ImportArticle(ctx, first); err != nil {
		t.Fatal(err)
	}
	dup := ingest.Prepare(timeline.Article{Source: "Dup", File: "dup2.txt", URL: "https://example.org/a",
		Body: "President Zorblax said the talks were useful. President Zorblax said so twice.\n\nAdviser Zorblax agreed."})
	other := ingest.Prepare(timeline.Article{Source: "Other", File: "other.txt",
		Body: "The meeting at Zorblax ended early, and the leaders left for the airport.\n\nThe talks lasted three hours."})
	db.AnalyzePrepared(&dup)
	db.AnalyzePrepared(&other)
	if pa := other.Analysis.(*preparedAnalysis); !contains(pa.credit, "zorblax") {
		t.Fatalf("credit %v, want zorblax", pa.credit)
	}
	res := db.StoreBatch(ctx, []ingest.Prepared{dup, other})
	if res[0].Err != nil || !res[0].Duplicate || res[1].Err != nil || res[1].Duplicate {
		t.Fatalf("store: %+v", res)
	}
	var total int
	if err := db.Refresh(ctx, s, func(_, all int) { total = all }); err != nil {
		t.Fatal(err)
	}
	if total != 1 {
		t.Errorf("refresh re-analysed %d articles, want the one that took zorblax for a person", total)
	}
	var credits int
	db.db.QueryRow(`SELECT COUNT(*) FROM article_analysis WHERE credit <> ''`).Scan(&credits)
	if credits != 0 {
		t.Errorf("%d articles still hold names on credit", credits)
	}
	want := inMemoryReport(t, db, s)
	sameReport(t, mustReport(t, db, s), want)
	sameScreenTimeline(t, db, s, want)
	samePhaseEvidence(t, db, want.Timeline)
}

// sameMatrix checks the stored per-source sums against the in-memory
// report's, counting wire copies once and as their sources' own text.
func sameMatrix(t *testing.T, db *DB, want *timeline.Report) {
	t.Helper()
	defer func() { want.CountCopies = false }()
	for _, countCopies := range []bool{false, true} {
		want.CountCopies = countCopies
		matrix, err := db.CoverageMatrix(context.Background(), false, countCopies)
		if err != nil {
			t.Fatal(err)
		}
		share, sentences := want.SourceShares(want.Coverage)
		if len(matrix) != len(sentences) {
			t.Errorf("copies counted %v: matrix has %d cells, want %d", countCopies, len(matrix), len(sentences))
		}
		for _, c := range matrix {
			k := [2]string{c.Source, c.Key}
			if c.Sentences != sentences[k] || float64(c.Words)/float64(c.SourceWords) != share[k] {
				t.Errorf("copies counted %v: matrix %v: %d sentences, share %v; want %d, %v", countCopies, k, c.Sentences, float64(c.Words)/float64(c.SourceWords), sentences[k], share[k])
			}
		}
	}
}

// sameScreenTimeline checks the screen timeline, rebuilt from the summary
// tables, against the builder's with evidence capped per source (and its
// durations those among the evidence kept).
func sameScreenTimeline(t *testing.T, db *DB, s *timeline.Schema, want *timeline.Report) {
	t.Helper()
	b := s.NewTimelineBuilder(timeline.MinConfidence)
	b.EvidencePerSource = ScreenEvidence
	for _, a := range want.Articles {
		b.Add(a)
	}
	capped := b.Timeline()
	for i := range capped.Phases {
		p := &capped.Phases[i]
		kept := map[[3]any]bool{}
		for _, ev := range p.Evidence {
			kept[[3]any{ev.Source, ev.File, ev.Sentence}] = true
		}
		var durations []timeline.Evidence
		for _, ev := range p.Durations {
			if kept[[3]any{ev.Source, ev.File, ev.Sentence}] {
				durations = append(durations, ev)
			}
		}
		p.Durations = durations
	}
	screen, err := db.ScreenTimeline(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := jsonOf(t, screen), jsonOf(t, capped); g != w {
		for i := range capped.Phases {
			if i < len(screen.Phases) {
				if g, w := jsonOf(t, screen.Phases[i]), jsonOf(t, capped.Phases[i]); g != w {
					at := 0
					for at < len(g) && at < len(w) && g[at] == w[at] {
						at++
					}
					from := max(0, at-200)
					t.Errorf("screen timeline phase %d differs at byte %d:\n got …%.400s\nwant …%.400s", i, at, g[from:], w[from:])
					break
				}
			}
		}
		if g, w := jsonOf(t, screen.Narrative), jsonOf(t, capped.Narrative); g != w {
			t.Errorf("screen narrative differs:\n got %.300s\nwant %.300s", g, w)
		}
		t.Errorf("screen timeline differs:\n got %.300s\nwant %.300s", g, w)
	}
	var gz, wz []string
	walkTimes(&screen, func(tm *time.Time) { z, _ := tm.Zone(); gz = append(gz, z) })
	walkTimes(&capped, func(tm *time.Time) { z, _ := tm.Zone(); wz = append(wz, z) })
	if strings.Join(gz, ",") != strings.Join(wz, ",") {
		t.Errorf("screen timeline zones %v, want %v", gz, wz)
	}
}

// walkTimes calls fn for every time in tl, in a fixed order.
func walkTimes(tl *timeline.Timeline, fn func(*time.Time)) {
	for i := range tl.Phases {
		p := &tl.Phases[i]
		for _, b := range []*timeline.Bound{p.Start, p.End} {
			if b != nil {
				fn(&b.Time)
			}
		}
		for _, evs := range [][]timeline.Evidence{p.Durations, p.Evidence} {
			for k := range evs {
				for m := range evs[k].Times {
					fn(&evs[k].Times[m].Time)
				}
			}
		}
	}
}

// TestEncodeResultsRoundTrips: the stored results of sentences decode to
// the analysis they were made from, whatever the phase and theme names
// hold (quotes, back slashes, control characters, other scripts, invalid
// UTF-8 as encoding/json stores it) and whatever the confidence.
func TestEncodeResultsRoundTrips(t *testing.T) {
	at := time.Date(2025, 8, 15, 11, 0, 0, 0, time.FixedZone("AKDT", -8*3600))
	tests := []struct {
		name string
		sent timeline.AnalyzedSentence
	}{
		{"phase only", timeline.AnalyzedSentence{SentencePhases: timeline.SentencePhases{Phase: "talks", Confidence: 0.865}}},
		{"every field", timeline.AnalyzedSentence{SentencePhases: timeline.SentencePhases{Phase: "arrival", Confidence: 0.5, Also: []string{"motorcade", "talks"},
			Themes: []string{"history-symbolism"}, After: "talks", Before: "press-conference"}}},
		{"theme only", timeline.AnalyzedSentence{SentencePhases: timeline.SentencePhases{Themes: []string{"a", "b"}}}},
		{"odd names", timeline.AnalyzedSentence{SentencePhases: timeline.SentencePhases{Phase: "say \"hi\"\\now\n\t", Confidence: 1e-9,
			Themes: []string{"Überblick", "日本", "bad\xffutf8"}}}},
		{"one character to escape", timeline.AnalyzedSentence{SentencePhases: timeline.SentencePhases{Phase: "a\"b", Confidence: 0.4, After: "c\\d", Before: "e\x01f"}}},
		{"tiny and huge confidence", timeline.AnalyzedSentence{SentencePhases: timeline.SentencePhases{Phase: "x", Confidence: 1e22, After: "y"}}},
		{"times", timeline.AnalyzedSentence{SentencePhases: timeline.SentencePhases{Phase: "talks", Confidence: 0.3},
			Times: []timeline.TimeMention{{Kind: timeline.TimeClock, Text: "11 a.m.", Time: at, Resolved: true}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.sent.Index = 7
			raw := encodeResults([]timeline.AnalyzedSentence{{}, tc.sent})
			results, err := decodeResults(raw)
			if err != nil || len(results) != 1 || results[0].Seq != 7 {
				t.Fatalf("%s: %+v %v", raw, results, err)
			}
			var got timeline.AnalyzedSentence
			got.Index = 7
			if err := results[0].apply(&got); err != nil {
				t.Fatal(err)
			}
			want := tc.sent
			want.Phase, want.Themes = jsonRoundTrip(t, want.Phase), nil
			for _, th := range tc.sent.Themes {
				want.Themes = append(want.Themes, jsonRoundTrip(t, th))
			}
			if g, w := jsonOf(t, got), jsonOf(t, want); g != w {
				t.Errorf("%s\n got %s\nwant %s", raw, g, w)
			}
			if len(want.Times) > 0 {
				if z, _ := got.Times[0].Time.Zone(); z != "AKDT" {
					t.Errorf("zone %s", z)
				}
			}
		})
	}
	if got := encodeResults([]timeline.AnalyzedSentence{{}}); got != "[]" {
		t.Errorf("no results: %q", got)
	}
}

// jsonRoundTrip is s as encoding/json gives it back (invalid UTF-8
// replaced).
func jsonRoundTrip(t *testing.T, s string) string {
	t.Helper()
	var out string
	raw, _ := json.Marshal(s)
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// samePhaseEvidence: every phase's evidence streamed, and the sums of
// its sentences, are the phase's Evidence in the whole stored timeline.
func samePhaseEvidence(t *testing.T, db *DB, tl timeline.Timeline) {
	t.Helper()
	ctx := context.Background()
	counts, err := db.PhaseSentenceCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range tl.Phases {
		var got []timeline.Evidence
		if err := db.EachPhaseEvidence(ctx, p.ID, func(e timeline.Evidence) error { got = append(got, e); return nil }); err != nil {
			t.Fatal(err)
		}
		if g, w := jsonOf(t, got), jsonOf(t, p.Evidence); g != w || len(got) == 0 {
			t.Errorf("phase %s: %d evidence sentences streamed, want %d:\n got %.300s\nwant %.300s", p.ID, len(got), len(p.Evidence), g, w)
		}
		if counts[p.ID] != len(p.Evidence) {
			t.Errorf("phase %s: %d sentences summed, want %d", p.ID, counts[p.ID], len(p.Evidence))
		}
	}
	if len(counts) != len(tl.Phases) {
		t.Errorf("%d phases summed, want %d", len(counts), len(tl.Phases))
	}
}

// TestCoverageExtentSkipsFilesWithoutCells: the extent's file width is
// that of the longest file with cells, however many longer files report
// nothing (articles without phase or theme sentences).
func TestCoverageExtentSkipsFilesWithoutCells(t *testing.T) {
	ctx := context.Background()
	s := testSchema(t)
	for _, longer := range []int{0, 1, 12} {
		t.Run(fmt.Sprintf("%d longer files without cells", longer), func(t *testing.T) {
			db := openTemp(t)
			importMixed(t, db, 0)
			for i := 0; i < longer; i++ {
				body := fmt.Sprintf("Tide tables for pier %d.\n\nLow water at the pier comes late in the season.\n", i)
				if _, err := db.ImportArticle(ctx, article("Harbour Notes", strings.Repeat("x", 60+i)+".txt", body)); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.Refresh(ctx, s, nil); err != nil {
				t.Fatal(err)
			}
			for _, themes := range []bool{false, true} {
				cells, err := db.StoredCoverage(ctx, themes)
				if err != nil {
					t.Fatal(err)
				}
				var want CoverageExtent
				for _, c := range cells {
					want.Source = max(want.Source, utf8.RuneCountInString(c.Source))
					want.File = max(want.File, utf8.RuneCountInString(c.File))
					want.Key = max(want.Key, utf8.RuneCountInString(c.Key))
					want.Sentences, want.Words = max(want.Sentences, c.Sentences), max(want.Words, c.Words)
				}
				if got, err := db.StoredCoverageExtent(ctx, themes); err != nil || got != want || want.File >= 60 {
					t.Errorf("themes %v: extent %+v, want %+v (%v)", themes, got, want, err)
				}
			}
		})
	}
}
