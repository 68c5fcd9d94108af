// Package cli is the newsreel command line: it parses arguments, opens the
// store, runs the engine and prints results, or opens the desktop window
// when no command is given. cmd/newsreel and the packaging entry point at
// the repository root both call Main.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/newsreel/newsreel/data"
)

//go:generate go run ../../scripts/genversion ../../FyneApp.toml version.go

// Exit codes.
const (
	ExitOK     = 0
	ExitFailed = 1 // the command ran but some of its work failed
	ExitUsage  = 2 // the command line was wrong
)

// Env is what a command runs with: its output streams and how to open the
// window.
type Env struct {
	Stdout, Stderr io.Writer
	// OpenWindow runs the desktop app; nil means the window is not
	// available (tests).
	OpenWindow func(WindowOptions) error
}

// WindowOptions start the desktop window.
type WindowOptions struct {
	DB     string // database file
	View   string // first screen
	Theme  string // system, light or dark
	Schema string // event schema file
}

type command struct {
	name, summary, usage string
	run                  func(env Env, args []string) int
}

var commands []command

func register(c command) { commands = append(commands, c) }

// Main runs the command line args (without the program name) and returns
// the exit code.
func Main(env Env, args []string) int {
	global := flag.NewFlagSet("newsreel", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	dbPath := global.String("db", "", "database file")
	version := global.Bool("version", false, "print the version")
	view := global.String("view", "", "window: first screen")
	themeName := global.String("theme", "", "window: system, light or dark")
	schema := global.String("schema", "", "window: event schema file")
	help := global.Bool("help", false, "show help")
	global.BoolVar(help, "h", false, "show help")
	if err := global.Parse(args); err != nil {
		fmt.Fprintf(env.Stderr, "newsreel: %v\n\n", err)
		printHelp(env.Stderr)
		return ExitUsage
	}
	if *version {
		fmt.Fprintf(env.Stdout, "newsreel %s\n", Version)
		return ExitOK
	}
	rest := global.Args()
	if *help || (len(rest) > 0 && rest[0] == "help" && len(rest) == 1) {
		printHelp(env.Stdout)
		return ExitOK
	}
	if len(rest) == 0 {
		if env.OpenWindow == nil {
			fmt.Fprintln(env.Stderr, "newsreel: no window available here; give a command (newsreel --help)")
			return ExitUsage
		}
		if *themeName != "" && !checkChoice(env, "theme", *themeName, "system", "light", "dark") {
			return ExitUsage
		}
		if err := env.OpenWindow(WindowOptions{DB: resolveDB(*dbPath), View: *view, Theme: *themeName, Schema: *schema}); err != nil {
			fmt.Fprintf(env.Stderr, "newsreel: %v\n", err)
			return ExitFailed
		}
		return ExitOK
	}
	name, cmdArgs := rest[0], rest[1:]
	if name == "help" { // "newsreel help import"
		name, cmdArgs = cmdArgs[0], []string{"--help"}
	}
	for _, c := range commands {
		if c.name == name {
			if *dbPath != "" {
				cmdArgs = append([]string{"--db", *dbPath}, cmdArgs...)
			}
			if *schema != "" && c.name != "import" && c.name != "sources" && c.name != "search" {
				cmdArgs = append([]string{"--schema", *schema}, cmdArgs...)
			}
			return c.run(env, cmdArgs)
		}
	}
	fmt.Fprintf(env.Stderr, "newsreel: unknown command %q\n\n", name)
	printHelp(env.Stderr)
	return ExitUsage
}

func resolveDB(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	return data.DefaultPath()
}

func printHelp(w io.Writer) {
	fmt.Fprintf(w, `Newsreel %s rebuilds the timeline of a news event from the articles that
covered it, and measures how each source covered it.

Usage:
  newsreel [--db PATH]                 open the desktop window
  newsreel [--db PATH] COMMAND [ARGS]  run a command without a window
  newsreel COMMAND --help              help on one command

Commands:
`, Version)
	sorted := append([]command(nil), commands...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	for _, c := range sorted {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, `
Global options:
  --db PATH   database file (default: $NEWSREEL_DB, else
              %s)
  --version   print the version

Window options:
  --view NAME      first screen: timeline, sources, coverage, people,
                   disagreements or search
  --theme NAME     system, light or dark
  --schema FILE    event schema (default: the bundled summit schema)
`, data.DefaultPath())
}

// flags is a command's flag set with the options every command shares.
type flags struct {
	*flag.FlagSet
	db   *string
	help *bool
	cmd  command
}

func newFlags(env Env, c command) *flags {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f := &flags{FlagSet: fs, cmd: c}
	f.db = fs.String("db", "", "database file (default: $NEWSREEL_DB or the user data directory)")
	f.help = fs.Bool("help", false, "show this help")
	fs.BoolVar(f.help, "h", false, "show this help")
	return f
}

// parse reads flags anywhere among args (before, between and after the
// positional arguments). It returns the positional arguments and, when it
// printed help or a usage error, the exit code to return.
func (f *flags) parse(env Env, args []string) ([]string, int, bool) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			fmt.Fprintf(env.Stderr, "newsreel %s: %v\n", f.cmd.name, err)
			f.usage(env.Stderr)
			return nil, ExitUsage, true
		}
		args = f.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			pos = append(pos, args[1:]...)
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if *f.help {
		f.usage(env.Stdout)
		return nil, ExitOK, true
	}
	return pos, 0, false
}

func (f *flags) usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: newsreel %s %s\n\n%s\n\nOptions:\n", f.cmd.name, f.cmd.usage, f.cmd.summary)
	f.VisitAll(func(fl *flag.Flag) {
		if fl.Name == "h" {
			return
		}
		arg, text := flag.UnquoteUsage(fl)
		fmt.Fprintf(w, "  --%s %s\n      %s\n", fl.Name, arg, text)
	})
}

// open opens the command's database.
func (f *flags) open(env Env) (*data.DB, int, bool) {
	db, err := data.Open(resolveDB(*f.db))
	if err != nil {
		fmt.Fprintf(env.Stderr, "newsreel %s: %v\n", f.cmd.name, err)
		return nil, ExitFailed, true
	}
	return db, 0, false
}

// formatFlag adds --format with the given choices, the first the default.
func (f *flags) formatFlag(choices ...string) *string {
	return f.String("format", choices[0], "output format: "+strings.Join(choices, ", "))
}

func checkChoice(env Env, name, value string, choices ...string) bool {
	for _, c := range choices {
		if c == value {
			return true
		}
	}
	fmt.Fprintf(env.Stderr, "newsreel: --%s must be one of %s, not %q\n", name, strings.Join(choices, ", "), value)
	return false
}

// DefaultEnv writes to the process's standard streams.
func DefaultEnv(openWindow func(WindowOptions) error) Env {
	return Env{Stdout: os.Stdout, Stderr: os.Stderr, OpenWindow: openWindow}
}
