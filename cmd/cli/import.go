package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/newsreel/newsreel/data/ingest"
)

func init() {
	register(command{
		name:    "import",
		summary: "import article files or folders (.txt, .md with YAML front matter, .html pages, RSS/Atom feeds)",
		usage:   "[--label SOURCE] [--event-date YYYY-MM-DD --timezone ZONE] PATH...",
		run:     runImport,
	})
}

func runImport(env Env, args []string) int {
	f := newFlags(env, commandNamed("import"))
	label := f.String("label", "", "source label for every imported file (default: front matter, event.yaml or file name)")
	eventDate := f.String("event-date", "", "date of the event, for articles whose folder has no event.yaml")
	zone := f.String("timezone", "", "IANA time zone of the event (e.g. America/Anchorage)")
	follow := f.Bool("follow-links", false, "follow symbolic links inside folders")
	paths, code, done := f.parse(env, args)
	if done {
		return code
	}
	if len(paths) == 0 {
		fmt.Fprintln(env.Stderr, "newsreel import: give at least one file or folder")
		f.usage(env.Stderr)
		return ExitUsage
	}
	opts := ingest.Options{Label: *label, FollowLinks: *follow}
	if *eventDate != "" || *zone != "" {
		ev := ingest.Event{Date: *eventDate, Timezone: *zone}
		if _, err := ev.Day(); err != nil {
			fmt.Fprintf(env.Stderr, "newsreel import: %v\n", err)
			return ExitUsage
		}
		opts.Event = &ev
	}
	db, code, done := f.open(env)
	if done {
		return code
	}
	defer db.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	sum := ingest.Import(ctx, db, paths, opts, func(done, total int, r ingest.FileResult) {
		switch {
		case r.Err != nil:
			fmt.Fprintf(env.Stderr, "failed    %s: %v\n", r.Path, r.Err)
		case r.Duplicates > 0:
			fmt.Fprintf(env.Stdout, "unchanged %s (already stored, source %q)\n", r.Path, r.Source)
		default:
			fmt.Fprintf(env.Stdout, "imported  %s (source %q, %d sentences, %d boilerplate lines stripped)\n", r.Path, r.Source, r.Sentences, r.Stripped)
		}
	})
	fmt.Fprintf(env.Stdout, "%d files: %d imported, %d already stored, %d failed\n", sum.Files, sum.Imported, sum.Duplicates, sum.Failed)
	if sum.Failed > 0 {
		return ExitFailed
	}
	return ExitOK
}

func commandNamed(name string) command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	panic("no command " + name)
}
