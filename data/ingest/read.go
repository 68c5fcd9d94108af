package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/newsreel/newsreel/timeline"
)

// MaxFileBytes is the largest article file accepted. News articles are a
// few kilobytes; anything past this is not one.
const MaxFileBytes = 20 << 20

// ErrUnsupported marks a file whose type Newsreel cannot read.
var ErrUnsupported = errors.New("unsupported file type")

// FileError is a problem with one file, naming it.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Supported reports whether ReadFile can read path, judged by its extension.
func Supported(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".rss", ".atom", ".xml":
		return true
	}
	return false
}

// ReadFile reads the articles of one file (a feed holds several). label,
// when not empty, overrides the source label; otherwise the front matter,
// page metadata, feed title or file name gives it.
func ReadFile(path, label string) ([]timeline.Article, error) {
	raw, err := readLimited(path)
	if err != nil {
		return nil, &FileError{path, err}
	}
	arts, err := ParseFile(filepath.Base(path), raw)
	if err != nil {
		return nil, &FileError{path, err}
	}
	if label != "" {
		for i := range arts {
			arts[i].Source = label
		}
	}
	return arts, nil
}

// ParseFile turns the bytes of a file named name into its articles,
// choosing the format by the extension (HTML pages and feeds also by their
// content).
func ParseFile(name string, raw []byte) ([]timeline.Article, error) {
	switch ext := strings.ToLower(filepath.Ext(name)); {
	case ext == ".rss" || ext == ".atom" || ext == ".xml":
		if _, err := checkText(raw); err != nil {
			return nil, err
		}
		return ParseFeed(name, raw)
	case ext == ".html" || ext == ".htm" || ext == ".xhtml":
		if _, err := checkText(raw); err != nil {
			return nil, err
		}
		art, err := ParseHTML(name, raw, "")
		if err != nil {
			return nil, err
		}
		return []timeline.Article{art}, nil
	}
	art, err := Parse(name, raw)
	if err != nil {
		return nil, err
	}
	return []timeline.Article{art}, nil
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, cleanOSError(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, cleanOSError(err)
	}
	if info.IsDir() {
		return nil, errors.New("is a folder, not a file")
	}
	if info.Size() > MaxFileBytes {
		return nil, fmt.Errorf("file too large (%d MB; the limit is %d MB)", info.Size()>>20, MaxFileBytes>>20)
	}
	raw, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, cleanOSError(err)
	}
	if len(raw) > MaxFileBytes {
		return nil, fmt.Errorf("file too large (over %d MB)", MaxFileBytes>>20)
	}
	return raw, nil
}

// cleanOSError drops the path from an *os.PathError (FileError adds it).
func cleanOSError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return errors.New("no such file or folder")
		case errors.Is(err, os.ErrPermission):
			return errors.New("permission denied")
		}
		return pe.Err
	}
	return err
}

// Parse turns the bytes of a file named name into an article, choosing the
// format by the name's extension.
func Parse(name string, raw []byte) (timeline.Article, error) {
	text, err := checkText(raw)
	if err != nil {
		return timeline.Article{}, err
	}
	art := timeline.Article{File: name, Source: labelFromName(name)}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		fm, body, err := SplitFrontMatter(text)
		if err != nil {
			return timeline.Article{}, err
		}
		art.Body = body
		if err := fm.apply(&art); err != nil {
			return timeline.Article{}, err
		}
	case ".txt", ".text":
		art.Body = text
	default:
		return timeline.Article{}, ErrUnsupported
	}
	if strings.TrimSpace(art.Body) == "" {
		return timeline.Article{}, errors.New("no article text (only front matter or white space)")
	}
	return art, nil
}

// checkText validates raw as UTF-8 text and drops a byte-order mark.
func checkText(raw []byte) (string, error) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", errors.New("empty file")
	}
	if bytes.HasPrefix(raw, []byte("\xff\xfe")) || bytes.HasPrefix(raw, []byte("\xfe\xff")) {
		return "", errors.New("UTF-16 text is not supported; save the file as UTF-8")
	}
	probe := raw
	if len(probe) > 8192 {
		probe = probe[:8192]
	}
	if i := bytes.IndexByte(probe, 0); i >= 0 || controlShare(probe) > 0.1 {
		return "", errors.New("binary file, not text")
	}
	if !utf8.Valid(raw) {
		off := invalidOffset(raw)
		return "", fmt.Errorf("not valid UTF-8 (first bad byte at offset %d, line %d); save the file as UTF-8", off, bytes.Count(raw[:off], []byte("\n"))+1)
	}
	return string(raw), nil
}

func controlShare(b []byte) float64 {
	if len(b) == 0 {
		return 0
	}
	n := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			n++
		}
	}
	return float64(n) / float64(len(b))
}

func invalidOffset(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// labelFromName makes a source label from a file name: the name without its
// extension.
func labelFromName(name string) string {
	return strings.TrimSuffix(name, filepath.Ext(name))
}
