// Command pecheck verifies that a file is a Windows amd64 GUI executable
// carrying the expected version in its resources:
//
//	go run ./scripts/pecheck dist/Newsreel.exe 0.1.0
package main

import (
	"bytes"
	"debug/pe"
	"fmt"
	"os"
	"unicode/utf16"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: pecheck FILE.exe VERSION")
		os.Exit(2)
	}
	if err := check(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "pecheck: %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	fmt.Printf("pecheck: %s is a Windows amd64 GUI executable, version %s, with resources\n", os.Args[1], os.Args[2])
}

func check(path, version string) error {
	f, err := pe.Open(path)
	if err != nil {
		return fmt.Errorf("not a PE executable: %w", err)
	}
	defer f.Close()
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		return fmt.Errorf("machine %#x, want amd64", f.Machine)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return fmt.Errorf("not a 64-bit image")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		return fmt.Errorf("subsystem %d, want Windows GUI", oh.Subsystem)
	}
	rsrc := f.Section(".rsrc")
	if rsrc == nil {
		return fmt.Errorf("no resource section (icon and version missing)")
	}
	data, err := rsrc.Data()
	if err != nil {
		return err
	}
	if !bytes.Contains(data, utf16le(version)) {
		return fmt.Errorf("version %s not found in the version resource", version)
	}
	return nil
}

func utf16le(s string) []byte {
	var b []byte
	for _, r := range utf16.Encode([]rune(s)) {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}
