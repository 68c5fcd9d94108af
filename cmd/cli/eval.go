package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data/ingest"
	"github.com/newsreel/newsreel/timeline"
)

func init() {
	register(command{
		name:    "eval",
		summary: "score phase detection against a gold annotation (micro-F1 over article × phase)",
		usage:   "--gold FILE [--corpus DIR] [--schema FILE]",
		run:     runEval,
	})
}

func runEval(env Env, args []string) int {
	f := newFlags(env, commandNamed("eval"))
	goldPath := f.String("gold", "", "gold annotation (JSON, as in shared/gold)")
	corpus := f.String("corpus", "", "folder of the annotated articles (default: the articles in the database)")
	schemaPath := f.String("schema", "", "event schema file (default: the bundled summit schema)")
	pos, code, done := f.parse(env, args)
	if done {
		return code
	}
	if len(pos) > 0 || *goldPath == "" {
		fmt.Fprintln(env.Stderr, "newsreel eval: give --gold FILE")
		f.usage(env.Stderr)
		return ExitUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(env.Stderr, "newsreel eval: %v\n", err)
		return ExitFailed
	}
	raw, err := os.ReadFile(*goldPath)
	if err != nil {
		return fail(err)
	}
	gold, err := timeline.ParseGold(raw)
	if err != nil {
		return fail(fmt.Errorf("%s: %w", *goldPath, err))
	}
	schema, err := assets.LoadSchema(*schemaPath)
	if err != nil {
		return fail(err)
	}
	var analysed []timeline.AnalyzedArticle
	if *corpus != "" {
		var arts []timeline.Article
		for file := range gold.Coverage {
			read, err := ingest.ReadFile(filepath.Join(*corpus, file), "")
			if err != nil {
				return fail(err)
			}
			arts = append(arts, read...)
		}
		analysed = schema.AnalyzeCorpus(arts)
	} else {
		db, code, done := f.open(env)
		if done {
			return code
		}
		defer db.Close()
		if analysed, err = db.Analyze(context.Background(), schema); err != nil {
			return fail(err)
		}
	}
	pred := map[string]map[string]bool{}
	for _, a := range analysed {
		reports := a.Reports(timeline.MinConfidence)
		if prev, ok := pred[a.File]; ok {
			for p := range prev {
				reports[p] = true
			}
		}
		pred[a.File] = reports
	}
	sc := timeline.ScorePhases(gold, pred)
	fmt.Fprintf(env.Stdout, "phase detection: F1 %.3f  precision %.3f  recall %.3f  (tp %d, fp %d, fn %d; %d files, %d without articles)\n",
		sc.F1, sc.Precision, sc.Recall, sc.TP, sc.FP, sc.FN, sc.FilesScored, sc.Missed)
	if len(sc.Errors) > 0 {
		fmt.Fprintf(env.Stdout, "errors (+ false positive, - missed): %s\n", strings.Join(sc.Errors, ", "))
	}
	if len(gold.Actors) == 0 && len(gold.Quotes) == 0 && len(gold.Discrepancies) == 0 {
		return ExitOK
	}
	r := schema.Report(analysed)
	if len(gold.Actors) > 0 {
		as := timeline.ScoreActors(gold, r.Actors)
		fmt.Fprintf(env.Stdout, "actors: %d of %d found; namesakes kept apart: %v\n", as.Found, as.Total, as.MelaniaApart)
		if len(as.Missing)+len(as.Unmerged) > 0 {
			fmt.Fprintf(env.Stdout, "  missing: %s; unmerged: %s\n", strings.Join(as.Missing, ", "), strings.Join(as.Unmerged, ", "))
		}
	}
	if len(gold.Quotes) > 0 {
		qs := timeline.ScoreQuotes(gold, r.Clusters)
		fmt.Fprintf(env.Stdout, "quotes: pair recall %.3f (%d/%d), right speaker %.3f (%d/%d)\n", qs.PairRecall, qs.PairsTogether, qs.Pairs,
			qs.SpeakerAccuracy, qs.RightSpeaker, qs.Clusters)
	}
	if len(gold.Discrepancies) > 0 {
		ds := timeline.ScoreDiscrepancies(gold, r.Discrepancies)
		fmt.Fprintf(env.Stdout, "disagreements: %d of %d found\n  %s\n", ds.Found, ds.Total, strings.Join(ds.Details, "\n  "))
	}
	return ExitOK
}
