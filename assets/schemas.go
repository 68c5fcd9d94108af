package assets

import (
	"embed"
	"fmt"
)

//go:embed schemas/*.yaml
var schemas embed.FS

// DefaultSchema is the name of the schema used unless the user picks one.
const DefaultSchema = "summit"

// Schema returns the bundled schema file with the given name (without
// .yaml).
func Schema(name string) ([]byte, error) {
	b, err := schemas.ReadFile("schemas/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no bundled schema %q", name)
	}
	return b, nil
}
