// Command newsreel is the Newsreel desktop app and its command line: with
// no command it opens the window, otherwise it runs the command (see
// newsreel --help).
package main

import (
	"os"
	_ "time/tzdata" // event time zones resolve on machines without tzdata

	"github.com/newsreel/newsreel/cmd/cli"
	"github.com/newsreel/newsreel/ui"
)

func main() {
	openWindow := func(o cli.WindowOptions) error { return ui.Run(ui.Options(o)) }
	os.Exit(cli.Main(cli.DefaultEnv(openWindow), os.Args[1:]))
}
