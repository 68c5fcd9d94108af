// Command newsreel at the repository root is the packaging entry point:
// `fyne package` reads FyneApp.toml only from the folder of the main package
// it builds, and FyneApp.toml lives at the root. It is the same program as
// cmd/newsreel.
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
