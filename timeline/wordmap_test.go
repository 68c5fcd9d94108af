package timeline

import (
	"fmt"
	"testing"
)

func TestWordMap(t *testing.T) {
	tests := []struct {
		name  string
		words []string
	}{
		{"empty", nil},
		{"the empty string", []string{""}},
		{"short words", []string{"a", "ab", "abc", "abcd", "abcde"}},
		{"one signature", []string{"abcXdef", "abcYdef", "abcZdef", "abcWdef"}}, // same length, ends and middle
		{"many", func() (ws []string) {
			for i := 0; i < 3000; i++ {
				ws = append(ws, fmt.Sprintf("w%dx%d", i%37, i))
			}
			return ws
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m wordMap[int]
			want := map[string]int{}
			for i, w := range tt.words {
				m.set(w, i+1)
				*m.at(w) += 10
				want[w] = i + 11
			}
			if m.len() != len(want) {
				t.Fatalf("len %d, want %d", m.len(), len(want))
			}
			for w, v := range want {
				if got, ok := m.get(w); !ok || got != v {
					t.Fatalf("%q = %d, %v; want %d", w, got, ok, v)
				}
				if got, ok := m.get(w + "q"); ok || got != 0 {
					t.Fatalf("%q = %d, %v; want none", w+"q", got, ok)
				}
			}
			if _, ok := m.get("é"); ok {
				t.Fatal("found what is not there")
			}
		})
	}
}
