package ingest

import (
	"reflect"
	"testing"
)

func TestFindLinks(t *testing.T) {
	for text, want := range map[string][]string{
		"https://a.example/one\nhttp://b.example/two?x=1\n\n# comment\n":                                {"https://a.example/one", "http://b.example/two?x=1"},
		"See https://news.example/story. Also (https://wiki.example/A_(b)), and <https://c.example/x>!": {"https://news.example/story", "https://wiki.example/A_(b)", "https://c.example/x"},
		"“https://q.example/quoted”, again https://q.example/quoted":                                    {"https://q.example/quoted"},
		"no links here, ftp://files.example/x, http:// and https://":                                    nil,
		"Source:https://glued.example/p; HTTPS://UPPER.EXAMPLE/Q":                                       {"https://glued.example/p", "HTTPS://UPPER.EXAMPLE/Q"},
	} {
		if got := FindLinks(text); !reflect.DeepEqual(got, want) {
			t.Errorf("FindLinks(%q) = %q, want %q", text, got, want)
		}
	}
}
