package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data"
	"github.com/newsreel/newsreel/data/export"
	"github.com/newsreel/newsreel/timeline"
)

func init() {
	register(command{
		name:    "coverage",
		summary: "per source and phase: sentences, words and share of the text",
		usage:   "[--schema FILE] [--format csv|table|json]",
		run:     runCoverage,
	})
	register(command{
		name:    "themes",
		summary: "per source and theme: sentences and share of the text",
		usage:   "[--schema FILE] [--format csv|table|json]",
		run:     runThemes,
	})
	register(command{
		name:    "analyze",
		summary: "bring the stored analysis up to date (after a schema change, say), with progress",
		usage:   "[--schema FILE]",
		run:     runAnalyze,
	})
	register(command{
		name:    "timeline",
		summary: "the event's phases in order with times, sources and evidence",
		usage:   "[--schema FILE] [--format table|json] [--evidence N]",
		run:     runTimeline,
	})
}

// analysisCommand is the shared setup of the commands that run the engine.
type analysisCommand struct {
	*flags
	schemaPath *string
	format     *string
	formats    []string
}

func newAnalysisCommand(env Env, name string, formats ...string) *analysisCommand {
	f := newFlags(env, commandNamed(name))
	return &analysisCommand{
		flags:      f,
		schemaPath: f.String("schema", "", "event schema file (default: the bundled summit schema)"),
		format:     f.formatFlag(formats...),
		formats:    formats,
	}
}

// prepare parses args, loads the schema, opens the store and brings its
// stored analysis up to date (with a progress line on stderr); done is
// true when the command should return code. The caller closes db.
func (c *analysisCommand) prepare(env Env, args []string) (*timeline.Schema, *data.DB, int, bool) {
	pos, code, done := c.parse(env, args)
	if done {
		return nil, nil, code, true
	}
	if len(pos) > 0 || !checkChoice(env, "format", *c.format, c.formats...) {
		c.usage(env.Stderr)
		return nil, nil, ExitUsage, true
	}
	schema, err := assets.LoadSchema(*c.schemaPath)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel %s: %v\n", c.cmd.name, err)
		return nil, nil, ExitFailed, true
	}
	db, code, done := c.open(env)
	if done {
		return nil, nil, code, true
	}
	if err := db.Refresh(context.Background(), schema, progressLine(env, c.cmd.name)); err != nil {
		db.Close()
		fmt.Fprintf(env.Stderr, "newsreel %s: %v\n", c.cmd.name, err)
		return nil, nil, ExitFailed, true
	}
	return schema, db, 0, false
}

// progressLine reports re-analysis on stderr, rewriting one line.
func progressLine(env Env, cmd string) data.Progress {
	return func(done, total int) {
		fmt.Fprintf(env.Stderr, "\rnewsreel %s: analysing %d of %d articles", cmd, done, total)
		if done == total {
			fmt.Fprintln(env.Stderr)
		}
	}
}

// people is prepare, then brings the stored people stage (actors,
// quotations, discrepancies) up to date, with a progress line: the
// commands stream what they print from it. The caller closes db.
func (c *analysisCommand) people(env Env, args []string) (*data.DB, int, bool) {
	schema, db, code, done := c.prepare(env, args)
	if done {
		return nil, code, true
	}
	if err := db.RefreshPeople(context.Background(), schema, peopleProgress(env, c.cmd.name)); err != nil {
		db.Close()
		return nil, c.fail(env, err), true
	}
	return db, 0, false
}

// done reports the error that ended a command's output, if any.
func (c *analysisCommand) done(env Env, err error) int {
	if err != nil {
		return c.fail(env, err)
	}
	return ExitOK
}

// peopleProgress reports the people stage's refresh on stderr, rewriting
// one line.
func peopleProgress(env Env, cmd string) data.Progress {
	return func(done, total int) {
		fmt.Fprintf(env.Stderr, "\rnewsreel %s: finding actors and quotations: %d%%", cmd, done*100/max(total, 1))
		if done == total {
			fmt.Fprintln(env.Stderr)
		}
	}
}

func runCoverage(env Env, args []string) int {
	c := newAnalysisCommand(env, "coverage", "csv", "table", "json")
	schema, db, code, done := c.prepare(env, args)
	if done {
		return code
	}
	defer db.Close()
	ctx := context.Background()
	type row struct {
		Source    string  `json:"source"`
		File      string  `json:"file"`
		Phase     string  `json:"phase"`
		Sentences int     `json:"sentences"`
		Words     int     `json:"words"`
		Share     float64 `json:"share"`
		Position  float64 `json:"first_position"`
		Lede      bool    `json:"lede"`
	}
	out, err := c.coverageStream(ctx, env.Stdout, db, false, []string{"source", "file", "phase", "sentences", "words", "share"})
	if err != nil {
		return c.fail(env, err)
	}
	if *c.format == "json" {
		tl, err := db.SummaryTimeline(ctx, schema, 1) // the phases' sources, for the blindspots
		if err != nil {
			return c.fail(env, err)
		}
		sources, err := db.AnalysedSources(ctx)
		if err != nil {
			return c.fail(env, err)
		}
		out.value("blindspots", timeline.Blindspots(tl, sources))
		out.list("coverage")
	}
	err = db.EachStoredCoverage(ctx, false, func(cell timeline.CoverageCell) error {
		out.row(cell.Source, cell.File, cell.Key, cell.Sentences, cell.Words, cell.Share)
		out.add(row{cell.Source, cell.File, cell.Key, cell.Sentences, cell.Words, cell.Share, cell.Position, cell.Lede})
		return out.err
	})
	if err != nil {
		return c.fail(env, err)
	}
	return c.done(env, out.close())
}

// coverageStream is the output of the stored coverage cells (themes or
// phases) under header: a table is aligned to the cells' extent, read
// first, so that its rows come out as they are read.
func (c *analysisCommand) coverageStream(ctx context.Context, w io.Writer, db *data.DB, themes bool, header []string) (*rowStream, error) {
	if *c.format != "table" {
		return newRowStream(w, *c.format, header), nil
	}
	e, err := db.StoredCoverageExtent(ctx, themes)
	if err != nil {
		return nil, err
	}
	widths := []int{e.Source, e.File, e.Key, len(strconv.Itoa(e.Sentences))}
	if !themes {
		widths = append(widths, len(strconv.Itoa(e.Words)))
	}
	return newTableStream(w, header, widths), nil
}

// fail reports err and returns the failure code.
func (c *analysisCommand) fail(env Env, err error) int {
	fmt.Fprintf(env.Stderr, "newsreel %s: %v\n", c.cmd.name, err)
	return ExitFailed
}

func runThemes(env Env, args []string) int {
	c := newAnalysisCommand(env, "themes", "csv", "table", "json")
	_, db, code, done := c.prepare(env, args)
	if done {
		return code
	}
	defer db.Close()
	ctx := context.Background()
	type row struct {
		Source    string  `json:"source"`
		File      string  `json:"file"`
		Theme     string  `json:"theme"`
		Sentences int     `json:"sentences"`
		Share     float64 `json:"share"`
	}
	out, err := c.coverageStream(ctx, env.Stdout, db, true, []string{"source", "file", "theme", "sentences", "share"})
	if err != nil {
		return c.fail(env, err)
	}
	out.list("themes")
	err = db.EachStoredCoverage(ctx, true, func(cell timeline.CoverageCell) error {
		out.row(cell.Source, cell.File, cell.Key, cell.Sentences, cell.Share)
		out.add(row{cell.Source, cell.File, cell.Key, cell.Sentences, cell.Share})
		return out.err
	})
	if err != nil {
		return c.fail(env, err)
	}
	return c.done(env, out.close())
}

func runTimeline(env Env, args []string) int {
	c := newAnalysisCommand(env, "timeline", "table", "json")
	evidence := c.Int("evidence", data.ScreenEvidence, "evidence sentences per source and phase (0: all, read from every stored sentence)")
	schema, db, code, done := c.prepare(env, args)
	if done {
		return code
	}
	defer db.Close()
	ctx := context.Background()
	if *evidence <= 0 {
		return c.wholeTimeline(env, ctx, db, schema)
	}
	tl, err := db.SummaryTimeline(ctx, schema, *evidence) // from the summaries kept on import
	if err != nil {
		return c.fail(env, err)
	}
	phases := export.PhasesOf(tl)
	t := table{header: timelineHeader}
	for _, p := range phases {
		addPhaseRow(&t, p, len(p.Evidence))
	}
	return emit(env, "timeline", *c.format, &t, map[string]any{"phases": phases, "narrative": tl.Narrative})
}

var timelineHeader = []string{"order", "phase", "start", "end", "sources", "evidence"}

// addPhaseRow adds a phase with evidence sentences to the timeline table.
func addPhaseRow(t *table, p export.Phase, evidence int) {
	start, end := "-", "-"
	if p.Start != nil {
		start, end = *p.Start, *p.End
	}
	t.add(p.Order, p.Label+" ("+p.ID+")", start, end, fmt.Sprintf("%d: %s", len(p.Sources), joinShort(p.Sources)), evidence)
}

// wholeTimeline prints the timeline with every sentence that reports each
// phase as its evidence: the phases from the summaries kept on import, the
// table's evidence counts from the per-source sums, and the JSON's
// evidence streamed phase by phase.
func (c *analysisCommand) wholeTimeline(env Env, ctx context.Context, db *data.DB, schema *timeline.Schema) int {
	tl, err := db.SummaryTimeline(ctx, schema, 1)
	if err != nil {
		return c.fail(env, err)
	}
	phases := export.PhasesOf(tl)
	if *c.format != "json" {
		counts, err := db.PhaseSentenceCounts(ctx)
		if err != nil {
			return c.fail(env, err)
		}
		t := table{header: timelineHeader}
		for _, p := range phases {
			addPhaseRow(&t, p, counts[p.ID])
		}
		return emit(env, "timeline", *c.format, &t, nil)
	}
	type phaseHead struct { // export.Phase, its evidence written one at a time
		ID          string        `json:"id"`
		Label       string        `json:"label"`
		Order       int           `json:"order"`
		Start       *string       `json:"start"`
		End         *string       `json:"end"`
		StartSource *export.Bound `json:"start_source,omitempty"`
		EndSource   *export.Bound `json:"end_source,omitempty"`
		Sources     []string      `json:"sources"`
	}
	out := newRowStream(env.Stdout, "json", nil)
	out.value("narrative", tl.Narrative)
	out.list("phases")
	for _, p := range phases {
		head := phaseHead{p.ID, p.Label, p.Order, p.Start, p.End, p.StartSource, p.EndSource, p.Sources}
		err := out.addNested(head, "evidence", func(add func(any)) error {
			return db.EachPhaseEvidence(ctx, p.ID, func(e timeline.Evidence) error {
				add(export.EvidenceOf(e))
				return out.err
			})
		})
		if err != nil {
			return c.fail(env, err)
		}
	}
	return c.done(env, out.close())
}

func joinShort(list []string) string {
	out := ""
	for i, s := range list {
		if i > 0 {
			out += ", "
		}
		if len(out) > 60 {
			return out + "…"
		}
		out += s
	}
	return out
}

// runAnalyze re-analyses what is out of date for the schema: everything
// after a schema change, the articles a new import changed the cast of;
// then the people stage (actors, quotations, discrepancies) if stale.
func runAnalyze(env Env, args []string) int {
	c := newAnalysisCommand(env, "analyze", "table")
	schema, db, code, done := c.prepare(env, args)
	if done {
		return code
	}
	defer db.Close()
	if err := db.RefreshPeople(context.Background(), schema, peopleProgress(env, "analyze")); err != nil {
		return c.fail(env, err)
	}
	n, err := db.CountArticles(context.Background())
	if err != nil {
		return c.fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "analysis up to date: %d articles\n", n)
	return ExitOK
}
