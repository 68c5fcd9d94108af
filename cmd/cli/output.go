package cli

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// table is rows of text with a header, written as an aligned table or CSV.
type table struct {
	header []string
	rows   [][]string
}

func (t *table) add(cells ...any) {
	row := make([]string, len(cells))
	for i, c := range cells {
		switch v := c.(type) {
		case float64:
			row[i] = fmt.Sprintf("%.4f", v)
		default:
			row[i] = fmt.Sprint(v)
		}
	}
	t.rows = append(t.rows, row)
}

func (t *table) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(t.header); err != nil {
		return err
	}
	if err := cw.WriteAll(t.rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func (t *table) writeText(w io.Writer) error {
	out := bufio.NewWriterSize(w, outBuffer) // the table is written cell by cell
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(t.header, "\t")))
	for _, r := range t.rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return out.Flush()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// rowStream writes a command's rows as they come, so that a command that
// prints a whole corpus's rows holds none of them: CSV, an aligned table
// (aligned within blocks of tableBlock rows), or JSON lists under keys,
// byte for byte what writeJSON writes for a map of the lists.
type rowStream struct {
	format string
	w      io.Writer
	csv    *csv.Writer
	tw     *tabwriter.Writer
	rows   int
	lists  int             // JSON lists begun
	items  int             // items in the current list
	buf    strings.Builder // an item's encoding, before it is written
	enc    *json.Encoder
	inner  *json.Encoder // of a nested list's items
	err    error
	// An aligned table whose columns' widths are known before its rows
	// (see newTableStream): each block starts with a line as wide as the
	// widest row, which drop removes from the output.
	widest string
	drop   *lineDropper
	out    *bufio.Writer // the output, buffered: a table writes cell by cell
}

// outBuffer is how much output a stream buffers before it writes.
const outBuffer = 64 << 10

// tableBlock is how many rows of a streamed table are aligned together.
const tableBlock = 1000

func newRowStream(w io.Writer, format string, header []string) *rowStream {
	out := bufio.NewWriterSize(w, outBuffer)
	w = out
	s := &rowStream{format: format, w: w, out: out}
	switch format {
	case "csv":
		s.csv = csv.NewWriter(w)
		s.err = s.csv.Write(header)
	case "json":
		s.enc = json.NewEncoder(&s.buf)
		s.enc.SetIndent("    ", "  ")
		s.enc.SetEscapeHTML(false)
		s.inner = json.NewEncoder(&s.buf)
		s.inner.SetIndent("        ", "  ")
		s.inner.SetEscapeHTML(false)
	default:
		s.tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		_, s.err = fmt.Fprintln(s.tw, strings.ToUpper(strings.Join(header, "\t")))
	}
	return s
}

// newTableStream is newRowStream for an aligned table whose column widths
// (in characters, every column but the last) are known before its rows:
// the rows come out as they are added, aligned as the whole table written
// at once would be, when no cell is wider than its column's width.
func newTableStream(w io.Writer, header []string, widths []int) *rowStream {
	out := bufio.NewWriterSize(w, outBuffer)
	w = out
	drop := &lineDropper{w: w}
	widths = append([]int(nil), widths...)
	for i := range widths { // the header is in the first block only
		widths[i] = max(widths[i], utf8.RuneCountInString(strings.ToUpper(header[i])))
	}
	s := &rowStream{format: "table", w: w, out: out, drop: drop, widest: widestLine(widths)}
	s.tw = tabwriter.NewWriter(drop, 0, 0, 2, ' ', 0)
	s.startBlock()
	if s.err == nil {
		_, s.err = fmt.Fprintln(s.tw, strings.ToUpper(strings.Join(header, "\t")))
	}
	return s
}

// widestLine is a table line whose cells are as wide as widths.
func widestLine(widths []int) string {
	var b strings.Builder
	for _, n := range widths {
		b.WriteString(strings.Repeat("x", n))
		b.WriteByte('\t')
	}
	return b.String()
}

// startBlock begins a block of a table with known widths with its widest
// line, left out of the output.
func (s *rowStream) startBlock() {
	if s.drop == nil || s.err != nil {
		return
	}
	s.drop.pending++
	_, s.err = fmt.Fprintln(s.tw, s.widest)
}

// lineDropper leaves out of what it writes the first line of each block
// it was told of (pending).
type lineDropper struct {
	w       io.Writer
	pending int
}

func (l *lineDropper) Write(p []byte) (int, error) {
	n := len(p)
	for l.pending > 0 && len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			return n, nil
		}
		l.pending--
		p = p[i+1:]
	}
	if len(p) == 0 {
		return n, nil
	}
	if _, err := l.w.Write(p); err != nil {
		return 0, err
	}
	return n, nil
}

// row writes one row of a table or CSV (nothing in JSON).
func (s *rowStream) row(cells ...any) {
	if s.err != nil || s.format == "json" {
		return
	}
	var t table
	t.add(cells...)
	if s.csv != nil {
		s.err = s.csv.Write(t.rows[0])
		return
	}
	_, s.err = fmt.Fprintln(s.tw, strings.Join(t.rows[0], "\t"))
	if s.rows++; s.rows%tableBlock == 0 {
		if s.err = s.tw.Flush(); s.err == nil {
			s.startBlock()
		}
	}
}

// list begins the JSON list under key (keys in sorted order, as a map's).
func (s *rowStream) list(key string) {
	if s.err != nil || s.format != "json" {
		return
	}
	open := s.nextKey()
	s.items = 0
	k, _ := json.Marshal(key)
	_, s.err = fmt.Fprintf(s.w, "%s%s: [", open, k)
}

// nextKey closes what the previous key opened and returns what goes
// before the next key: the object's opening brace for the first.
func (s *rowStream) nextKey() string {
	open := "{\n  "
	if s.lists > 0 {
		open = s.endList() + ",\n  "
	}
	s.lists++
	return open
}

func (s *rowStream) endList() string {
	if s.items < 0 { // a value, not a list
		return ""
	}
	if s.items > 0 {
		return "\n  ]"
	}
	return "]"
}

// value writes a JSON value under key (keys in sorted order, as a map's;
// nothing in a table or CSV).
func (s *rowStream) value(key string, v any) {
	if s.err != nil || s.format != "json" {
		return
	}
	open := s.nextKey()
	s.items = -1 // no list open
	s.buf.Reset()
	enc := json.NewEncoder(&s.buf)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	if s.err = enc.Encode(v); s.err != nil {
		return
	}
	k, _ := json.Marshal(key)
	_, s.err = fmt.Fprintf(s.w, "%s%s: %s", open, k, strings.TrimSuffix(s.buf.String(), "\n"))
}

// add writes one item of the current JSON list (nothing in a table or CSV).
func (s *rowStream) add(v any) {
	if s.err != nil || s.format != "json" {
		return
	}
	s.buf.Reset()
	if s.err = s.enc.Encode(v); s.err != nil {
		return
	}
	sep := "\n    "
	if s.items > 0 {
		sep = ",\n    "
	}
	s.items++
	_, s.err = fmt.Fprint(s.w, sep, strings.TrimSuffix(s.buf.String(), "\n"))
}

// addNested writes one item of the current JSON list whose last field,
// key, is itself a list written item by item: head is the item without
// it, and each adds the list's items with add.
func (s *rowStream) addNested(head any, key string, each func(add func(any)) error) error {
	if s.err != nil || s.format != "json" {
		return s.err
	}
	s.buf.Reset()
	if s.err = s.enc.Encode(head); s.err != nil {
		return s.err
	}
	obj := strings.TrimSuffix(strings.TrimSuffix(s.buf.String(), "\n"), "\n    }")
	sep := "\n    "
	if s.items > 0 {
		sep = ",\n    "
	}
	s.items++
	k, _ := json.Marshal(key)
	if _, s.err = fmt.Fprintf(s.w, "%s%s,\n      %s: [", sep, obj, k); s.err != nil {
		return s.err
	}
	n := 0
	err := each(func(v any) {
		if s.err != nil {
			return
		}
		s.buf.Reset()
		if s.err = s.inner.Encode(v); s.err != nil {
			return
		}
		sep := "\n        "
		if n > 0 {
			sep = ",\n        "
		}
		n++
		_, s.err = fmt.Fprint(s.w, sep, strings.TrimSuffix(s.buf.String(), "\n"))
	})
	if err != nil {
		return err
	}
	end := "]\n    }"
	if n > 0 {
		end = "\n      ]\n    }"
	}
	if s.err == nil {
		_, s.err = fmt.Fprint(s.w, end)
	}
	return s.err
}

// close ends the output, reporting the first error.
func (s *rowStream) close() error {
	if s.err != nil {
		return s.err
	}
	switch {
	case s.csv != nil:
		s.csv.Flush()
		s.err = s.csv.Error()
	case s.tw != nil:
		s.err = s.tw.Flush()
	case s.lists > 0:
		_, s.err = fmt.Fprint(s.w, s.endList()+"\n}\n")
	default:
		_, s.err = fmt.Fprint(s.w, "{}\n")
	}
	if s.err == nil {
		s.err = s.out.Flush()
	}
	return s.err
}
