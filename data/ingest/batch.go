package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/newsreel/newsreel/timeline"
)

// EventFileName is the optional file in a folder of articles that describes
// the event they cover and gives readable source labels.
const EventFileName = "event.yaml"

// Event is the content of an event.yaml file.
type Event struct {
	Name     string            `yaml:"name"`
	Date     string            `yaml:"date"`     // 2006-01-02
	Timezone string            `yaml:"timezone"` // IANA name, e.g. America/Anchorage
	Location string            `yaml:"location"`
	Sources  map[string]string `yaml:"sources"` // file name -> source label
}

// Day returns midnight of the event's date in its time zone (UTC when none
// is given), or the zero time when the event has no date.
func (e Event) Day() (time.Time, error) {
	if e.Date == "" {
		return time.Time{}, nil
	}
	loc := time.UTC
	if e.Timezone != "" {
		l, err := time.LoadLocation(e.Timezone)
		if err != nil {
			return time.Time{}, fmt.Errorf("timezone %q: %w", e.Timezone, err)
		}
		loc = l
	}
	d, err := time.ParseInLocation("2006-01-02", e.Date, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: use the form 2006-01-02", e.Date)
	}
	return d, nil
}

// ReadEvent reads an event.yaml file.
func ReadEvent(path string) (Event, error) {
	raw, err := readLimited(path)
	if err != nil {
		return Event{}, &FileError{path, err}
	}
	return ParseEvent(path, raw)
}

// ParseEvent decodes the bytes of an event.yaml file named path.
func ParseEvent(path string, raw []byte) (Event, error) {
	var ev Event
	dec := yaml.NewDecoder(strings.NewReader(string(raw)))
	dec.KnownFields(true)
	if err := dec.Decode(&ev); err != nil && !errors.Is(err, io.EOF) {
		return Event{}, &FileError{path, fmt.Errorf("event file: %s", strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	if _, err := ev.Day(); err != nil {
		return Event{}, &FileError{path, fmt.Errorf("event file: %w", err)}
	}
	return ev, nil
}

// Options steer a batch import.
type Options struct {
	Label       string // source label for every file (overrides file names)
	Event       *Event // event for articles without an event.yaml of their own
	FollowLinks bool   // follow symbolic links inside folders
}

// FileResult is what became of one file.
type FileResult struct {
	Path       string
	Source     string
	Imported   int    // articles newly stored
	Duplicates int    // articles already stored (same text)
	Sentences  int    // sentences stored
	Stripped   int    // boilerplate lines stripped
	Copies     int    // of the articles imported, those linked as wire copies
	CopyOf     string // the original of the last such copy ("source / file")
	Err        error  // nil on success
}

// Summary totals a batch.
type Summary struct {
	Files, Failed, Imported, Duplicates int
	Copies                              int // imported articles linked as wire copies
	Results                             []FileResult
}

// Stored is what a sink did with one article.
type Stored struct {
	Duplicate bool   // the same text was already stored; nothing changed
	Sentences int    // sentences stored
	Stripped  int    // boilerplate lines stripped
	CopyOf    string // "source / file" of the original, when stored as a wire copy of it
}

// Sink stores articles; the SQLite store implements it.
type Sink interface {
	ImportArticle(ctx context.Context, art timeline.Article) (Stored, error)
}

// Progress is told about each finished file: done of total files.
type Progress func(done, total int, r FileResult)

type job struct {
	path  string
	event *Event
	day   time.Time // the event's day (loading its time zone costs more than reading a small article)
}

// collect expands paths into the article files to read, recursing into
// folders (hidden entries skipped, links not followed unless asked), each
// with the event described by the nearest event.yaml. Paths that cannot be
// read come back as failed results.
func collect(paths []string, opts Options) ([]job, []FileResult) {
	var jobs []job
	var failed []FileResult
	days := map[*Event]time.Time{}
	newJob := func(path string, ev *Event) job {
		if ev == nil {
			return job{path: path}
		}
		day, ok := days[ev]
		if !ok {
			day, _ = ev.Day() // validated when the event was read
			days[ev] = day
		}
		return job{path, ev, day}
	}
	events := map[string]*Event{}
	eventFor := func(dir string) (*Event, error) {
		if ev, ok := events[dir]; ok {
			return ev, nil
		}
		var ev *Event
		p := filepath.Join(dir, EventFileName)
		if _, err := os.Stat(p); err == nil {
			e, err := ReadEvent(p)
			if err != nil {
				events[dir] = nil
				return nil, err
			}
			ev = &e
		}
		events[dir] = ev
		return ev, nil
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			failed = append(failed, FileResult{Path: root, Err: cleanOSError(err)})
			continue
		}
		if !info.IsDir() {
			ev, err := eventFor(filepath.Dir(root))
			if err != nil {
				failed = append(failed, FileResult{Path: filepath.Join(filepath.Dir(root), EventFileName), Err: err})
			}
			jobs = append(jobs, newJob(root, orEvent(ev, opts.Event)))
			continue
		}
		walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				failed = append(failed, FileResult{Path: p, Err: cleanOSError(err)})
				return nil
			}
			name := d.Name()
			if p != root && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 && !opts.FollowLinks {
				return nil
			}
			if d.IsDir() || name == EventFileName || !Supported(name) {
				return nil
			}
			ev, err := eventFor(filepath.Dir(p))
			if err != nil {
				failed = append(failed, FileResult{Path: filepath.Join(filepath.Dir(p), EventFileName), Err: err})
			}
			jobs = append(jobs, newJob(p, orEvent(ev, opts.Event)))
			return nil
		})
		if walkErr != nil {
			failed = append(failed, FileResult{Path: root, Err: walkErr})
		}
	}
	sort.SliceStable(jobs, func(i, j int) bool { return jobs[i].path < jobs[j].path })
	return jobs, failed
}

func orEvent(ev, fallback *Event) *Event {
	if ev != nil {
		return ev
	}
	return fallback
}

// Import reads every file under paths and stores its articles in sink, one
// article at a time, so that a bad file is reported and skipped while the
// rest of the batch goes on. It stops early only when ctx is cancelled.
// progress is called once per file, in file order, never concurrently
// (with a BatchSink, from the goroutine that stores).
func Import(ctx context.Context, sink Sink, paths []string, opts Options, progress Progress) Summary {
	jobs, failed := collect(paths, opts)
	var sum Summary
	total := len(jobs) + len(failed)
	report := func(r FileResult) {
		sum.add(r)
		if progress != nil {
			progress(sum.Files, total, r)
		}
	}
	for _, r := range failed {
		report(r)
	}
	if bs, ok := sink.(BatchSink); ok {
		importParallel(ctx, bs, jobs, opts, report)
		return sum
	}
	for _, j := range jobs {
		if ctx.Err() != nil {
			report(FileResult{Path: j.path, Err: errNotImported(ctx)})
			continue
		}
		report(importFile(ctx, sink, j, opts))
	}
	return sum
}

func importFile(ctx context.Context, sink Sink, j job, opts Options) FileResult {
	res := FileResult{Path: j.path}
	label := opts.Label
	if label == "" && j.event != nil {
		label = j.event.Sources[filepath.Base(j.path)]
	}
	arts, err := ReadFile(j.path, label)
	if err != nil {
		res.Err = unwrapFileError(err)
		return res
	}
	var problems []string
	for _, art := range arts {
		if j.event != nil && art.EventDate.IsZero() {
			art.EventDate = j.day
		}
		res.Source = art.Source
		st, err := sink.ImportArticle(ctx, art)
		if err != nil {
			problems = append(problems, articleName(art, len(arts))+err.Error())
		}
		res.record(st, err)
	}
	if len(problems) > 0 {
		res.Err = errors.New(strings.Join(problems, "; "))
	}
	return res
}

// articleName prefixes an error with the article it concerns when a file
// holds several.
func articleName(a timeline.Article, n int) string {
	if n == 1 {
		return ""
	}
	return fmt.Sprintf("item %q: ", firstNonEmpty(a.Title, a.File))
}

// unwrapFileError drops the FileError wrapper, whose path the result
// already carries.
func unwrapFileError(err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return fe.Err
	}
	return err
}

func errNotImported(ctx context.Context) error { return fmt.Errorf("not imported: %w", ctx.Err()) }

// joinErr adds an article's problem to a file's error.
func joinErr(prev error, prefix string, err error) error {
	if prev == nil {
		return fmt.Errorf("%s%w", prefix, err)
	}
	return fmt.Errorf("%v; %s%w", prev, prefix, err)
}

func baseName(path string) string { return filepath.Base(path) }

// add counts one file's result.
func (s *Summary) add(r FileResult) {
	s.Files++
	if r.Err != nil {
		s.Failed++
	}
	s.Imported += r.Imported
	s.Duplicates += r.Duplicates
	s.Copies += r.Copies
	s.Results = append(s.Results, r)
}

// record counts what storing one of the file's articles did (errors are
// the caller's to report).
func (r *FileResult) record(st Stored, err error) {
	switch {
	case err != nil:
	case st.Duplicate:
		r.Duplicates++
	default:
		r.Imported++
		r.Sentences += st.Sentences
		r.Stripped += st.Stripped
		if st.CopyOf != "" {
			r.Copies++
			r.CopyOf = st.CopyOf
		}
	}
}
