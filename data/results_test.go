package data

import (
	"context"
	"encoding/json"
	"github.com/newsreel/newsreel/data/ingest"
	"reflect"
	"testing"
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// resultInputs are stored results as the store writes them, and the odd
// ones json.Unmarshal reads differently or refuses.
func resultInputs() []string {
	at := time.Date(2025, 8, 15, 11, 0, 0, 0, time.FixedZone("AKDT", -8*3600))
	sent := func(seq int, ph timeline.SentencePhases, times ...timeline.TimeMention) timeline.AnalyzedSentence {
		return timeline.AnalyzedSentence{Sentence: timeline.Sentence{Index: seq}, SentencePhases: ph, Times: times}
	}
	sents := []timeline.AnalyzedSentence{
		sent(0, timeline.SentencePhases{}),
		sent(3, timeline.SentencePhases{Phase: "talks", Confidence: 0.75, Also: []string{"arrival", "press"}, After: "arrival", Themes: []string{"peace"}}),
		sent(4, timeline.SentencePhases{Phase: "say \"hi\"\\now\n", Confidence: 1e-9, Themes: []string{"Überblick", "日本", "bad\xffutf8"}}),
		sent(9, timeline.SentencePhases{Phase: "x", Confidence: 1e22, Before: "y"}),
		sent(12, timeline.SentencePhases{Phase: "talks", Confidence: 0.3}, timeline.TimeMention{Kind: timeline.TimeClock, Text: "11 a.m. \"local\"", Time: at, Resolved: true}),
	}
	return []string{
		encodeResults(sents),
		encodeResults(sents[:1]),
		encodeResults(sents[1:2]),
		encodeResults(sents[4:]),
		// As migration 008's json_group_array writes them: every key, nulls.
		`[{"i":2,"p":"talks","c":0.5,"a":"","t":"","af":"","b":"","tm":null}]`,
		` [ { "i" : 1 , "p" : "talks" , "tm" : { "m" : [ 1 , "x" ] } } ] `,
		`[]`, `null`, ``, `[`, `[{}]`, `[{"i":1},]`, `[{"i":1}] x`, `{"i":1}`,
		`[{"I":1}]`, `[{"i":1.5}]`, `[{"i":1e2}]`, `[{"i":-0}]`, `[{"i":01}]`, `[{"i":99999999999999999999}]`,
		`[{"c":1e400}]`, `[{"c":.5}]`, `[{"c":-}]`, `[{"c":"0.5"}]`, `[{"p":null}]`, `[{"p":1}]`,
		`[{"p":"a\u0062"}]`, "[{\"p\":\"a\x01\"}]", "[{\"p\":\"\xff\"}]", `[{"i\u0000":1}]`, `[{"x":1}]`,
		`[{"i":1,"i":2,"p":"a","p":"b"}]`, `[{"tm":[1,2}]`, `[{"tm":"a\"b"}]`, `[{"tm":tru}]`, `[{"tm":true}]`, `[{"tm":{"a":[{"b":"]"}]}}]`,
	}
}

// TestParseResultsAsUnmarshal: the fast reader gives what json.Unmarshal
// gives, results and errors.
func TestParseResultsAsUnmarshal(t *testing.T) {
	for _, raw := range resultInputs() {
		sameAsUnmarshal(t, raw)
	}
	// The fast path is taken for what the store writes.
	for _, raw := range resultInputs()[1:7] {
		if _, ok := fastResults([]byte(raw)); !ok {
			t.Errorf("%s: not read by the fast path", raw)
		}
	}
}

func sameAsUnmarshal(t *testing.T, raw string) {
	t.Helper()
	var want []sentenceResult
	werr := json.Unmarshal([]byte(raw), &want)
	if werr != nil {
		want = nil
	}
	got, err := parseResults([]byte(raw))
	if (err != nil) != (werr != nil) || err != nil && err.Error() != werr.Error() {
		t.Fatalf("%q: error %v, want %v", raw, err, werr)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: %#v, want %#v", raw, got, want)
	}
}

// TestPhaseResults: the lean reader keeps the results parseResults gives
// that have a phase and the confidence, with what the screens read.
func TestPhaseResults(t *testing.T) {
	for _, raw := range resultInputs() {
		all, werr := parseResults([]byte(raw))
		got, err := phaseResults([]byte(raw), 0.3)
		if (err != nil) != (werr != nil) {
			t.Fatalf("%q: error %v, want %v", raw, err, werr)
		}
		var want []sentenceResult
		for _, r := range all {
			if r.Phase != "" && r.Confidence >= 0.3 {
				r.Themes, r.After, r.Before = "", "", ""
				want = append(want, r)
			}
		}
		if len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %#v, want %#v", raw, got, want)
		}
	}
}

func FuzzParseResults(f *testing.F) {
	for _, raw := range resultInputs() {
		f.Add(raw)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		sameAsUnmarshal(t, raw)
	})
}

// BenchmarkParseResults reads a generated article's stored results.
func BenchmarkParseResults(b *testing.B) {
	// An article of thirty results, as the store writes them.
	var results []json.RawMessage
	for len(results) < 30 {
		for _, raw := range resultInputs()[2:4] {
			var some []json.RawMessage
			if err := json.Unmarshal([]byte(raw), &some); err != nil {
				b.Fatal(err)
			}
			results = append(results, some...)
		}
	}
	raw, err := json.Marshal(results)
	if err != nil {
		b.Fatal(err)
	}
	if _, ok := fastResults(raw); !ok {
		b.Fatal("not the fast path")
	}
	for _, bc := range []struct {
		name  string
		parse func([]byte) error
	}{
		{"fast", func(raw []byte) error { _, err := parseResults(raw); return err }},
		{"unmarshal", func(raw []byte) error { var out []sentenceResult; return json.Unmarshal(raw, &out) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for i := 0; i < b.N; i++ {
				if err := bc.parse(raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestScreenTimelineGenerated checks the screen timeline against the
// builder's on a generated archive: dozens of sources, every phase, and
// sources with fewer articles of a phase than the evidence takes.
func TestScreenTimelineGenerated(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	if sum := ingest.Import(ctx, db, []string{writeCorpus(t, 400)}, ingest.Options{}, nil); sum.Imported != 400 {
		t.Fatalf("imported %d", sum.Imported)
	}
	s := testSchema(t)
	if err := db.Refresh(ctx, s, nil); err != nil {
		t.Fatal(err)
	}
	sameScreenTimeline(t, db, s, inMemoryReport(t, db, s))
}
