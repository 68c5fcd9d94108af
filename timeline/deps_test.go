package timeline

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDomainStaysPure fails if the timeline package ever depends on Fyne or
// database/sql: the engine is pure Go, shared by UI, CLI and storage.
func TestDomainStaysPure(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "fyne.io/") || dep == "database/sql" || strings.Contains(dep, "sqlite") {
			t.Errorf("timeline depends on %s", dep)
		}
	}
}
