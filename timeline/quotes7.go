package timeline

import "strings"

// runOnEnd is where a quotation with no closing mark ends: at the comma
// before an attribution inside it ("“I will be happy if we meet again,
// he told the President."), as the mark was forgotten there, else at the
// paragraph's end pe.
func runOnEnd(body string, open, pe int) int {
	seg := body[open:pe]
	for k := 0; ; {
		c := strings.Index(seg[k:], ", ")
		if c < 0 {
			return pe
		}
		at := k + c
		k = at + 2
		words := strings.Fields(seg[k:min(len(seg), k+40)])
		if len(words) < 2 {
			return pe
		}
		// A pronoun, or up to three capitalised words ("Mayor Ana
		// Grech"), then a speech verb.
		if pronouns[strings.ToLower(words[0])] && speakVerbs[strings.Trim(words[1], ".,;")] {
			return open + at
		}
		for n := 0; n < 3 && n+1 < len(words); n++ {
			if w := words[n]; len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
				break
			}
			if speakVerbs[strings.Trim(words[n+1], ".,;")] {
				return open + at
			}
		}
	}
}
