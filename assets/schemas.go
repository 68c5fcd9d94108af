package assets

import (
	"embed"
	"fmt"
	"os"

	"github.com/newsreel/newsreel/timeline"
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

// LoadSchema reads the schema file at path, or the bundled summit schema
// when path is empty.
func LoadSchema(path string) (*timeline.Schema, error) {
	if path == "" {
		raw, err := Schema(DefaultSchema)
		if err != nil {
			return nil, err
		}
		return timeline.ParseSchema(DefaultSchema+".yaml", raw)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", path, err)
	}
	return timeline.ParseSchema(path, raw)
}
