package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data/export"

	"github.com/newsreel/newsreel/timeline"
)

func init() {
	register(command{
		name:    "actors",
		summary: "people, organisations and places with spellings merged, per source: mentions and quoted words",
		usage:   "[--schema FILE] [--format csv|table|json]",
		run:     runActors,
	})
	register(command{
		name:    "actor",
		summary: "correct the actors: rename, merge, split (kept across re-analysis), list or undo edits",
		usage: `rename ID "NEW NAME" | merge ID INTO-ID | split ID VARIANT "NEW NAME" | edits | undo [EDIT-ID]

IDs are the keys newsreel actors --format json shows (e.g. "trump", "zelensky").`,
		run: runActorEdit,
	})
	register(command{
		name:    "quotes",
		summary: "quotations with speakers, clustered across sources with their variants",
		usage:   "[--schema FILE] [--format json|table]",
		run:     runQuotes,
	})
	register(command{
		name:    "claims",
		summary: "numeric and time claims per phase, and where sources disagree",
		usage:   "[--schema FILE] [--format json|table]",
		run:     runClaims,
	})
}

func runActors(env Env, args []string) int {
	c := newAnalysisCommand(env, "actors", "csv", "table", "json")
	db, people, code, done := c.people(env, args)
	if done {
		return code
	}
	defer db.Close()
	cells, err := db.ActorCells(context.Background(), nil) // actor by actor, in corpus order
	if err != nil {
		return c.fail(env, err)
	}
	type key struct{ actor, file string }
	mentions := map[key]int{}
	quoted := map[key]int{}
	type sourceAt struct {
		article int
		source  string
	}
	sourceOf := map[string]sourceAt{} // a file's source: the last article in corpus order with that file that names anyone
	files := map[string][]string{}    // actor -> files that name it
	for _, cell := range cells {
		k := key{cell.Actor, cell.File}
		quoted[k] += cell.QuotedWords
		if cell.Mentions == 0 {
			continue
		}
		if mentions[k] == 0 {
			files[cell.Actor] = append(files[cell.Actor], cell.File)
		}
		mentions[k] += cell.Mentions
		if at, ok := sourceOf[cell.File]; !ok || cell.Article >= at.article {
			sourceOf[cell.File] = sourceAt{cell.Article, cell.Source}
		}
	}
	t := table{header: []string{"actor", "variants", "kind", "source", "file", "mentions", "quoted_words"}}
	type row struct {
		ID       string   `json:"id"`
		Actor    string   `json:"actor"`
		Variants []string `json:"variants"`
		Kind     string   `json:"kind"`
		Source   string   `json:"source"`
		File     string   `json:"file"`
		Mentions int      `json:"mentions"`
		Quoted   int      `json:"quoted_words"`
	}
	rows := []row{}
	for _, a := range people.Actors {
		fs := files[a.ID]
		sort.Strings(fs)
		for _, f := range fs {
			k := key{a.ID, f}
			t.add(a.Name, strings.Join(a.Variants, "|"), string(a.Kind), sourceOf[f].source, f, mentions[k], quoted[k])
			rows = append(rows, row{a.ID, a.Name, a.Variants, string(a.Kind), sourceOf[f].source, f, mentions[k], quoted[k]})
		}
	}
	return emit(env, "actors", *c.format, &t, map[string]any{"actors": rows})
}

func runQuotes(env Env, args []string) int {
	c := newAnalysisCommand(env, "quotes", "json", "table")
	db, people, code, done := c.people(env, args)
	if done {
		return code
	}
	defer db.Close()
	type variant struct {
		Source  string `json:"source"`
		File    string `json:"file"`
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
		Changes string `json:"changes,omitempty"`
	}
	type cluster struct {
		ID       int       `json:"id"`
		Speaker  string    `json:"speaker"`
		Text     string    `json:"text"`
		Sources  int       `json:"sources"`
		Variants []variant `json:"variants"`
	}
	out := []cluster{}
	t := table{header: []string{"id", "speaker", "sources", "text"}}
	for _, cl := range people.Clusters {
		cj := cluster{ID: cl.ID, Speaker: cl.SpeakerName, Text: cl.Text}
		srcs := map[string]bool{}
		for i, v := range cl.Variants {
			srcs[v.Source] = true
			cj.Variants = append(cj.Variants, variant{v.Source, v.File, v.Text, v.SpeakerName, timeline.FormatChanges(cl.Changes[i])})
		}
		cj.Sources = len(srcs)
		out = append(out, cj)
		t.add(cl.ID, cl.SpeakerName, cj.Sources, cl.Text)
	}
	return emit(env, "quotes", *c.format, &t, map[string]any{"clusters": out})
}

func runClaims(env Env, args []string) int {
	c := newAnalysisCommand(env, "claims", "json", "table")
	db, people, code, done := c.people(env, args)
	if done {
		return code
	}
	defer db.Close()
	claims, err := db.StoredClaims(context.Background()) // stored with each article's analysis
	if err != nil {
		return c.fail(env, err)
	}
	ds := people.Discrepancies // stored with the people stage
	t := table{header: []string{"quantity", "source", "value", "range", "sentence"}}
	for _, d := range ds {
		for _, c := range d.Claims {
			t.add(d.Quantity, c.Source, c.Value, c.Describe(), clip(c.Text, 90))
		}
	}
	return emit(env, "claims", *c.format, &t, map[string]any{"claims": export.ClaimsOf(claims), "discrepancies": export.DiscrepanciesOf(ds)})
}

func clip(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func runActorEdit(env Env, args []string) int {
	f := newFlags(env, commandNamed("actor"))
	pos, code, done := f.parse(env, args)
	if done {
		return code
	}
	usage := func() int { f.usage(env.Stderr); return ExitUsage }
	if len(pos) == 0 {
		return usage()
	}
	var edit timeline.ActorEdit
	switch {
	case pos[0] == "rename" && len(pos) == 3:
		edit = timeline.ActorEdit{Op: "rename", Actor: pos[1], Name: pos[2]}
	case pos[0] == "merge" && len(pos) == 3:
		edit = timeline.ActorEdit{Op: "merge", Actor: pos[1], Target: pos[2]}
	case pos[0] == "split" && len(pos) == 4:
		edit = timeline.ActorEdit{Op: "split", Actor: pos[1], Target: pos[2], Name: pos[3]}
	case pos[0] == "edits" && len(pos) == 1, pos[0] == "undo" && len(pos) <= 2:
	default:
		return usage()
	}
	db, code, done := f.open(env)
	if done {
		return code
	}
	defer db.Close()
	ctx := context.Background()
	switch pos[0] {
	case "edits":
		edits, err := db.ActorEdits(ctx)
		if err != nil {
			fmt.Fprintf(env.Stderr, "newsreel actor: %v\n", err)
			return ExitFailed
		}
		if len(edits) == 0 {
			fmt.Fprintln(env.Stdout, "no actor edits")
		}
		for _, e := range edits {
			fmt.Fprintf(env.Stdout, "%d  %s\n", e.ID, e.ActorEdit)
		}
		return ExitOK
	case "undo":
		var id int64
		if len(pos) == 2 {
			if _, err := fmt.Sscan(pos[1], &id); err != nil {
				return usage()
			}
		}
		e, err := db.UndoActorEdit(ctx, id)
		if err != nil {
			fmt.Fprintf(env.Stderr, "newsreel actor: %v\n", err)
			return ExitFailed
		}
		fmt.Fprintf(env.Stdout, "undid %s\n", e.ActorEdit)
		return ExitOK
	}
	// Check the edit applies to the actors as they are now.
	schema, err := assets.LoadSchema("")
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel actor: %v\n", err)
		return ExitFailed
	}
	if err := db.Refresh(ctx, schema, progressLine(env, "actor")); err != nil {
		fmt.Fprintf(env.Stderr, "newsreel actor: %v\n", err)
		return ExitFailed
	}
	if err := db.RefreshPeople(ctx, schema, peopleProgress(env, "actor")); err != nil {
		fmt.Fprintf(env.Stderr, "newsreel actor: %v\n", err)
		return ExitFailed
	}
	people, err := db.People(ctx, schema)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel actor: %v\n", err)
		return ExitFailed
	}
	texts, err := db.MentionTexts(ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel actor: %v\n", err)
		return ExitFailed
	}
	acts := &timeline.Actors{List: people.Actors}
	if skipped := acts.ApplyCounted([]timeline.ActorEdit{edit}, texts); len(skipped) > 0 {
		fmt.Fprintf(env.Stderr, "newsreel actor: cannot %s: no such actor or variant (see newsreel actors --format json)\n", edit)
		return ExitFailed
	}
	if err := db.AddActorEdit(ctx, edit); err != nil {
		fmt.Fprintf(env.Stderr, "newsreel actor: %v\n", err)
		return ExitFailed
	}
	fmt.Fprintf(env.Stdout, "saved: %s\n", edit)
	return ExitOK
}
