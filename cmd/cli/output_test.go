package cli

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// TestRowStreamWritesWhatEmitWrites: rows streamed as JSON lists or CSV
// are byte for byte what the whole table or map would give.
func TestRowStreamWritesWhatEmitWrites(t *testing.T) {
	type item struct {
		Name  string   `json:"name"`
		Parts []string `json:"parts"`
		N     int      `json:"n,omitempty"`
	}
	items := []item{{"a <b> & “c”", []string{"x", "y"}, 2}, {"d", nil, 0}}
	for _, tc := range []struct {
		name  string
		lists map[string][]item // written in key order
		keys  []string
	}{
		{"one list", map[string][]item{"rows": items}, []string{"rows"}},
		{"an empty list", map[string][]item{"rows": {}}, []string{"rows"}},
		{"two lists", map[string][]item{"a": items[:1], "b": items}, []string{"a", "b"}},
		{"empty then full", map[string][]item{"a": {}, "b": items}, []string{"a", "b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var want, got, wantCSV, gotCSV bytes.Buffer
			m := map[string]any{}
			for k, v := range tc.lists {
				m[k] = v
			}
			if err := writeJSON(&want, m); err != nil {
				t.Fatal(err)
			}
			header := []string{"name", "n"}
			s := newRowStream(&got, "json", header)
			c := newRowStream(&gotCSV, "csv", header)
			tab := table{header: header}
			for _, k := range tc.keys {
				s.list(k)
				for _, it := range tc.lists[k] {
					s.add(it)
					s.row(it.Name, it.N)
					c.row(it.Name, it.N)
					tab.add(it.Name, it.N)
				}
			}
			if err := s.close(); err != nil || got.String() != want.String() {
				t.Errorf("JSON (%v):\n%s\nwant\n%s", err, got.String(), want.String())
			}
			if err := tab.writeCSV(&wantCSV); err != nil {
				t.Fatal(err)
			}
			if err := c.close(); err != nil || gotCSV.String() != wantCSV.String() {
				t.Errorf("CSV (%v):\n%s\nwant\n%s", err, gotCSV.String(), wantCSV.String())
			}
		})
	}
}

// TestRowStreamNestedLists: an item whose last field is a list written
// item by item is what encoding the whole item gives.
func TestRowStreamNestedLists(t *testing.T) {
	type part struct {
		Text string `json:"text"`
	}
	type whole struct {
		ID    int    `json:"id"`
		Parts []part `json:"parts"`
	}
	type head struct {
		ID int `json:"id"`
	}
	for _, items := range [][]whole{
		{{1, []part{{"a"}, {"b <c>"}}}},
		{{1, []part{}}, {2, []part{{"x"}}}},
		{},
	} {
		var want, got bytes.Buffer
		if err := writeJSON(&want, map[string]any{"wholes": items}); err != nil {
			t.Fatal(err)
		}
		s := newRowStream(&got, "json", nil)
		s.list("wholes")
		for _, w := range items {
			err := s.addNested(head{w.ID}, "parts", func(add func(any)) error {
				for _, p := range w.Parts {
					add(p)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := s.close(); err != nil || got.String() != want.String() {
			t.Errorf("nested JSON (%v):\n%s\nwant\n%s", err, got.String(), want.String())
		}
	}
}

// TestTableStreamAlignsAsTheWholeTable: rows streamed with their columns'
// widths known come out as the whole table written at once, across the
// blocks the stream flushes, whichever column holds the widest cell.
func TestTableStreamAlignsAsTheWholeTable(t *testing.T) {
	header := []string{"source", "file", "n", "share"}
	for _, tc := range []struct {
		name string
		rows int
		wide int // the row with the widest cells
	}{
		{"no rows", 0, -1},
		{"one block", 10, 3},
		{"widest in the last block", 2*tableBlock + 7, 2*tableBlock + 5},
		{"widest in the first block", 2 * tableBlock, 0},
		{"full blocks", 3 * tableBlock, tableBlock},
	} {
		t.Run(tc.name, func(t *testing.T) {
			whole := table{header: header}
			var got bytes.Buffer
			var rows [][]any
			widths := make([]int, 3)
			for i := 0; i < tc.rows; i++ {
				src, file, n := "Ab", "f.txt", i%7
				if i == tc.wide {
					src, file, n = "Über Zeitung", "a-long-file-name.html", 123456
				}
				row := []any{src, file, n, float64(i%10) / 10}
				rows = append(rows, row)
				for k, c := range row[:3] {
					widths[k] = max(widths[k], len([]rune(fmt.Sprint(c))))
				}
			}
			s := newTableStream(&got, header, widths)
			for _, r := range rows {
				whole.add(r...)
				s.row(r...)
			}
			var want bytes.Buffer
			if err := whole.writeText(&want); err != nil {
				t.Fatal(err)
			}
			if err := s.close(); err != nil || got.String() != want.String() {
				t.Errorf("table (%v): %d bytes, want %d\n%.400s\nwant\n%.400s", err, got.Len(), want.Len(), got.String(), want.String())
			}
		})
	}
}

// TestRowStreamValues: values and lists under sorted keys are what the
// whole map gives.
func TestRowStreamValues(t *testing.T) {
	for _, m := range []map[string]any{
		{"a": map[string][]string{"x": {"p", "q"}, "y": {}}, "b": []int{1, 2}},
		{"a": map[string][]string{}, "b": []int{}},
		{"a": []int{3}, "b": map[string]int{"z": 1}},
	} {
		var want, got bytes.Buffer
		if err := writeJSON(&want, m); err != nil {
			t.Fatal(err)
		}
		s := newRowStream(&got, "json", nil)
		for _, k := range []string{"a", "b"} {
			if list, ok := m[k].([]int); ok {
				s.list(k)
				for _, v := range list {
					s.add(v)
				}
				continue
			}
			s.value(k, m[k])
		}
		if err := s.close(); err != nil || got.String() != want.String() {
			t.Errorf("JSON (%v):\n%s\nwant\n%s", err, got.String(), want.String())
		}
	}
}

// BenchmarkRowStream writes rows of an actors-like table in each format:
// the cost per row of the commands that print a whole corpus's rows.
func BenchmarkRowStream(b *testing.B) {
	header := []string{"actor", "variants", "kind", "source", "file", "mentions", "quoted_words"}
	for _, format := range []string{"csv", "table", "json"} {
		b.Run(format, func(b *testing.B) {
			s := newRowStream(io.Discard, format, header)
			s.list("rows")
			type row struct {
				Actor, Variants, Kind, Source, File string
				Mentions, Quoted                    int
			}
			for i := 0; i < b.N; i++ {
				s.row("Donald Trump", "Trump|Donald Trump|President Trump", "person", "Anchorage Daily News", "article-000720.txt", i%13, i%7)
				s.add(row{"Donald Trump", "Trump|Donald Trump|President Trump", "person", "Anchorage Daily News", "article-000720.txt", i % 13, i % 7})
			}
			if err := s.close(); err != nil {
				b.Fatal(err)
			}
		})
	}
}
