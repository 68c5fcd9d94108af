package timeline

import "strings"

// clockConversion reports whether rest, the text after a clock time's
// "a.m."/"p.m.", opens a parenthesised conversion of that time to other
// zones ("(0905 GMT; 4:05 a.m. EST)", "(1548 GMT)"): the same sentence
// goes on after it, which a sentence starting with a bracket and a number
// never would.
func clockConversion(rest string) bool {
	if len(rest) < 3 || rest[0] != '(' || rest[1] < '0' || rest[1] > '9' {
		return false
	}
	end := strings.IndexByte(rest, ')')
	if end < 0 || end > 60 {
		return false
	}
	for _, w := range strings.FieldsFunc(rest[1:end], func(r rune) bool { return r == ' ' || r == ';' || r == ',' }) {
		if isZoneWord(w) || w == "a.m." || w == "p.m." {
			return true
		}
	}
	return false
}
