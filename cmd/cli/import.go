package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/data/ingest"
)

func init() {
	register(command{
		name:    "import",
		summary: "import article files or folders (.txt, .md with YAML front matter, .html pages, RSS/Atom feeds)",
		usage:   "[--label SOURCE] [--event-date YYYY-MM-DD --timezone ZONE] [--urls FILE] [PATH...]",
		run:     runImport,
	})
}

func runImport(env Env, args []string) int {
	f := newFlags(env, commandNamed("import"))
	label := f.String("label", "", "source label for every imported file (default: front matter, event.yaml or file name)")
	eventDate := f.String("event-date", "", "date of the event, for articles whose folder has no event.yaml")
	zone := f.String("timezone", "", "IANA time zone of the event (e.g. America/Anchorage)")
	follow := f.Bool("follow-links", false, "follow symbolic links inside folders")
	urlList := f.String("urls", "", "file of links to fetch and import, one per line (needs a network)")
	paths, code, done := f.parse(env, args)
	if done {
		return code
	}
	if len(paths) == 0 && *urlList == "" {
		fmt.Fprintln(env.Stderr, "newsreel import: give at least one file or folder, or --urls FILE")
		f.usage(env.Stderr)
		return ExitUsage
	}
	var urls []string
	if *urlList != "" {
		var err error
		if urls, err = ingest.ReadURLList(*urlList); err != nil {
			fmt.Fprintf(env.Stderr, "newsreel import: %v\n", err)
			return ExitUsage
		}
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
	report := func(done, total int, r ingest.FileResult) {
		switch {
		case r.Err != nil:
			fmt.Fprintf(env.Stderr, "failed    %s: %v\n", r.Path, r.Err)
		case r.Imported == 0 && r.Duplicates > 0:
			fmt.Fprintf(env.Stdout, "unchanged %s (already stored, source %q)\n", r.Path, r.Source)
		default:
			copies := ""
			if r.Copies > 0 {
				copies = fmt.Sprintf(", %s of %s", plural(r.Copies, "wire copy"), r.CopyOf)
			}
			fmt.Fprintf(env.Stdout, "imported  %s (source %q, %s, %d sentences, %d boilerplate lines stripped%s)\n",
				r.Path, r.Source, plural(r.Imported, "article"), r.Sentences, r.Stripped, copies)
		}
	}
	var sum ingest.Summary
	if len(paths) > 0 {
		sum = ingest.Import(ctx, db, paths, opts, report)
	}
	if len(urls) > 0 {
		us := ingest.ImportURLs(ctx, db, urls, opts, ingest.FetchOptions{}, report)
		sum.Files, sum.Failed, sum.Imported, sum.Duplicates = sum.Files+us.Files, sum.Failed+us.Failed, sum.Imported+us.Imported, sum.Duplicates+us.Duplicates
		sum.Copies += us.Copies
	}
	copies := ""
	if sum.Copies > 0 {
		copies = fmt.Sprintf(" (%s linked to originals)", plural(sum.Copies, "wire copy"))
	}
	fmt.Fprintf(env.Stdout, "%d files: %d imported%s, %d already stored, %d failed\n", sum.Files, sum.Imported, copies, sum.Duplicates, sum.Failed)
	if sum.Imported > 0 {
		// Articles were analysed on import with the cast known then: redo
		// those the final cast changes (usually the first batch).
		schema, err := assets.LoadSchema("")
		if err == nil {
			err = db.Refresh(ctx, schema, progressLine(env, "import"))
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "newsreel import: analysis: %v\n", err)
			return ExitFailed
		}
	}
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

// plural writes n with the noun, adding an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
