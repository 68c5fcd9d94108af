package timeline

import (
	"reflect"
	"testing"
)

func TestSegmentClockConversions(t *testing.T) {
	for _, tt := range []struct {
		name, body string
		want       []string
	}{
		{"zones in brackets", "Talks opened at 9:15 a.m. (0815 GMT; 3:15 a.m. EDT) and ran late.",
			[]string{"Talks opened at 9:15 a.m. (0815 GMT; 3:15 a.m. EDT) and ran late."}},
		{"one zone", "The plane left at 6:40 p.m. (1740 GMT), an hour late. Crowds waved.",
			[]string{"The plane left at 6:40 p.m. (1740 GMT), an hour late.", "Crowds waved."}},
		{"local clock in brackets", "He spoke at 11 a.m. (5 a.m. in Washington) to reporters.",
			[]string{"He spoke at 11 a.m. (5 a.m. in Washington) to reporters."}},
		{"a bracket that is no conversion", "They met at 3 p.m. (2) The second point followed.",
			[]string{"They met at 3 p.m.", "(2) The second point followed."}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := sentenceTexts(tt.body); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
