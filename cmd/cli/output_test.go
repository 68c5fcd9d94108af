package cli

import (
	"bytes"
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
