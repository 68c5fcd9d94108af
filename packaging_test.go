package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackageCheckRejectsBadMetadata runs scripts/package.sh check on
// copies of the repository's packaging files with one fault each.
func TestPackageCheckRejectsBadMetadata(t *testing.T) {
	good, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, toml, want string
		noIcon           bool
	}{
		{"good", string(good), "FyneApp.toml ok", false},
		{"missing icon", string(good), `icon "assets/icon.png" does not exist`, true},
		{"malformed", "[Details\nName = Newsreel\n", "malformed section header at line 1", false},
		{"bad version", strings.Replace(string(good), `Version = "`, `Version = "v`, 1), "is not x.y.z", false},
		{"version mismatch", strings.Replace(string(good), `Version = "`, `Version = "9`, 1), "version mismatch", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			copyFile(t, "scripts/package.sh", filepath.Join(dir, "scripts/package.sh"))
			copyFile(t, "cmd/cli/version.go", filepath.Join(dir, "cmd/cli/version.go"))
			if !tt.noIcon {
				copyFile(t, "assets/icon.png", filepath.Join(dir, "assets/icon.png"))
			}
			os.WriteFile(filepath.Join(dir, "FyneApp.toml"), []byte(tt.toml), 0o644)
			out, err := exec.Command("bash", filepath.Join(dir, "scripts/package.sh"), "check").CombinedOutput()
			if tt.name == "good" {
				if err != nil || !strings.Contains(string(out), tt.want) {
					t.Fatalf("err %v, output %s", err, out)
				}
				return
			}
			if err == nil || !strings.Contains(string(out), tt.want) {
				t.Fatalf("err %v, output %q, want it to contain %q", err, out, tt.want)
			}
		})
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(to), 0o755)
	if err := os.WriteFile(to, b, 0o755); err != nil {
		t.Fatal(err)
	}
}
