package cli

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data"
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
	db, code, done := c.people(env, args)
	if done {
		return code
	}
	defer db.Close()
	ctx := context.Background()
	actors, err := db.PeopleActors(ctx)
	if err != nil {
		return c.fail(env, err)
	}
	byID := make(map[string]*timeline.Actor, len(actors))
	for i := range actors {
		byID[actors[i].ID] = &actors[i]
	}
	// A file's source: the last article in corpus order with that file
	// that names anyone (looked up for the files several articles have;
	// otherwise the source of the file's cells).
	shared, err := db.SharedFileSources(ctx)
	if err != nil {
		return c.fail(env, err)
	}
	sourceOf := map[string]string{}
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
	out := newRowStream(env.Stdout, *c.format, []string{"actor", "variants", "kind", "source", "file", "mentions", "quoted_words"})
	out.list("actors")
	// Actor by actor (the cells come so): its files that name it, by name.
	var cur string
	mentions, quoted := map[string]int{}, map[string]int{}
	var files []string
	flush := func() {
		a := byID[cur]
		if a == nil {
			return
		}
		sort.Strings(files)
		for _, f := range files {
			out.row(a.Name, strings.Join(a.Variants, "|"), string(a.Kind), sourceOf[f], f, mentions[f], quoted[f])
			out.add(row{a.ID, a.Name, a.Variants, string(a.Kind), sourceOf[f], f, mentions[f], quoted[f]})
		}
	}
	err = db.EachActorCell(ctx, nil, func(cell data.ActorCell) error {
		if cell.Actor != cur {
			flush()
			cur, files = cell.Actor, files[:0]
			clear(mentions)
			clear(quoted)
		}
		quoted[cell.File] += cell.QuotedWords
		if cell.Mentions == 0 {
			return nil
		}
		if mentions[cell.File] == 0 {
			files = append(files, cell.File)
		}
		if _, ok := sourceOf[cell.File]; !ok {
			if src, ok := shared[cell.File]; ok {
				sourceOf[cell.File] = src
			} else {
				sourceOf[cell.File] = cell.Source
			}
		}
		mentions[cell.File] += cell.Mentions
		return nil
	})
	if err != nil {
		return c.fail(env, err)
	}
	flush()
	return c.done(env, out.close())
}

func runQuotes(env Env, args []string) int {
	c := newAnalysisCommand(env, "quotes", "json", "table")
	db, code, done := c.people(env, args)
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
	type cluster struct { // and its variants, written one at a time
		ID      int    `json:"id"`
		Speaker string `json:"speaker"`
		Text    string `json:"text"`
		Sources int    `json:"sources"`
	}
	out := newRowStream(env.Stdout, *c.format, []string{"id", "speaker", "sources", "text"})
	out.list("clusters")
	err := db.EachCluster(context.Background(), func(cl data.ClusterBrief, variants func(func(timeline.Quote, []timeline.WordChange) error) error) error {
		out.row(cl.ID, cl.SpeakerName, cl.SourceCount, cl.Text)
		return out.addNested(cluster{cl.ID, cl.SpeakerName, cl.Text, cl.SourceCount}, "variants", func(add func(any)) error {
			return variants(func(v timeline.Quote, changes []timeline.WordChange) error {
				add(variant{v.Source, v.File, v.Text, v.SpeakerName, timeline.FormatChanges(changes)})
				return out.err
			})
		})
	})
	if err != nil {
		return c.fail(env, err)
	}
	return c.done(env, out.close())
}

func runClaims(env Env, args []string) int {
	c := newAnalysisCommand(env, "claims", "json", "table")
	db, code, done := c.people(env, args)
	if done {
		return code
	}
	defer db.Close()
	ctx := context.Background()
	out := newRowStream(env.Stdout, *c.format, []string{"quantity", "source", "value", "range", "sentence"})
	if *c.format == "json" { // the claims stored with each article's analysis
		out.list("claims")
		err := db.EachStoredClaim(ctx, func(cs []timeline.Claim) error {
			for _, x := range export.ClaimsOf(cs) {
				out.add(x)
			}
			return out.err
		})
		if err != nil {
			return c.fail(env, err)
		}
	}
	out.list("discrepancies") // stored with the people stage
	err := db.EachDiscrepancy(ctx, func(d data.DiscrepancyBrief, claims func(func(timeline.Claim) error) error) error {
		if *c.format != "json" {
			return claims(func(x timeline.Claim) error {
				out.row(d.Quantity, x.Source, x.Value, x.Describe(), clip(x.Text, 90))
				return out.err
			})
		}
		return out.addNested(struct { // export.Discrepancy, its values written one at a time
			Quantity string `json:"quantity"`
			Phase    string `json:"phase"`
		}{d.Quantity, d.Phase}, "values", func(add func(any)) error {
			return claims(func(x timeline.Claim) error {
				add(export.ClaimsOf([]timeline.Claim{x})[0])
				return out.err
			})
		})
	})
	if err != nil {
		return c.fail(env, err)
	}
	return c.done(env, out.close())
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
	actors, err := db.PeopleActors(ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel actor: %v\n", err)
		return ExitFailed
	}
	texts, err := db.MentionTexts(ctx)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel actor: %v\n", err)
		return ExitFailed
	}
	acts := &timeline.Actors{List: actors}
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
