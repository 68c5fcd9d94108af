package data

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// parseResults reads an article's stored results (a JSON array of
// sentenceResult objects) as json.Unmarshal reads them, several times
// faster: the screens read the results of a few thousand articles each.
// It reads the objects the store writes (encodeResults, and migration
// 008's json_group_array): the known keys with plain strings and numbers;
// anything else (an unknown key, an escape, a null, a syntax error) is
// left to json.Unmarshal, so the result and the errors are its own.
func parseResults(raw []byte) ([]sentenceResult, error) {
	if out, ok := fastResults(raw); ok {
		return out, nil
	}
	var out []sentenceResult
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// phaseResults is parseResults for the screens that read the phase
// sentences only: the results with a phase and a confidence of at least
// minConfidence, without their Themes, After and Before, their Times a
// slice of raw (copy them to keep them past raw).
func phaseResults(raw []byte, minConfidence float64) ([]sentenceResult, error) {
	p := resultParser{b: raw, lean: true}
	all, ok := p.results()
	if !ok {
		var err error
		if all, err = parseResults(raw); err != nil {
			return nil, err
		}
	}
	out := all[:0]
	for _, r := range all {
		if r.Phase != "" && r.Confidence >= minConfidence {
			r.Themes, r.After, r.Before = "", "", ""
			out = append(out, r)
		}
	}
	return out, nil
}

// fastResults parses raw when it holds only what the store writes; ok is
// false otherwise.
func fastResults(raw []byte) (out []sentenceResult, ok bool) {
	p := resultParser{b: raw}
	return p.results()
}

// results reads the array.
func (p *resultParser) results() (out []sentenceResult, ok bool) {
	if !p.byte('[') {
		return nil, false
	}
	out = []sentenceResult{}
	if p.byte(']') {
		return out, p.end()
	}
	for {
		var r sentenceResult
		if !p.object(&r) {
			return nil, false
		}
		out = append(out, r)
		if p.byte(']') {
			return out, p.end()
		}
		if !p.byte(',') {
			return nil, false
		}
	}
}

// resultParser reads stored results from b at i.
type resultParser struct {
	b    []byte
	i    int
	lean bool // Themes, After and Before not read, Times a slice of b
}

func (p *resultParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// byte consumes c (after white space) if it comes next.
func (p *resultParser) byte(c byte) bool {
	p.space()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (p *resultParser) end() bool {
	p.space()
	return p.i == len(p.b)
}

// object reads one result.
func (p *resultParser) object(r *sentenceResult) bool {
	if !p.byte('{') {
		return false
	}
	if p.byte('}') {
		return true
	}
	for {
		key, ok := p.bytes()
		if !ok || !p.byte(':') {
			return false
		}
		switch string(key) {
		case "i":
			n, ok := p.number()
			if !ok {
				return false
			}
			v, ok := smallInt(n)
			if !ok {
				v, err := strconv.ParseInt(string(n), 10, strconv.IntSize)
				if err != nil {
					return false
				}
				r.Seq = int(v)
				break
			}
			r.Seq = v
		case "c":
			n, ok := p.number()
			if !ok {
				return false
			}
			v, err := strconv.ParseFloat(string(n), 64)
			if err != nil {
				return false
			}
			r.Confidence = v
		case "p", "a", "t", "af", "b":
			b, ok := p.bytes()
			if !ok {
				return false
			}
			if p.lean && string(key) != "p" && string(key) != "a" {
				break // not read
			}
			s := string(b)
			switch string(key) {
			case "p":
				r.Phase = s
			case "a":
				r.Also = s
			case "t":
				r.Themes = s
			case "af":
				r.After = s
			default:
				r.Before = s
			}
		case "tm":
			p.space()
			from := p.i
			if !p.skip(0) {
				return false
			}
			if p.lean {
				r.Times = p.b[from:p.i] // a slice of raw
			} else {
				r.Times = append(json.RawMessage(nil), p.b[from:p.i]...)
			}
		default:
			return false // json.Unmarshal matches keys without case
		}
		if p.byte('}') {
			return true
		}
		if !p.byte(',') {
			return false
		}
	}
}

// bytes reads a string without escapes or control characters, in valid
// UTF-8 (what json.Unmarshal reads as it is), as a slice of the input.
func (p *resultParser) bytes() ([]byte, bool) {
	if !p.byte('"') {
		return nil, false
	}
	from := p.i
	ascii := true
	for ; p.i < len(p.b); p.i++ {
		switch c := p.b[p.i]; {
		case c == '"':
			s := p.b[from:p.i]
			p.i++
			if !ascii && !utf8.Valid(s) {
				return nil, false
			}
			return s, true
		case c == '\\' || c < 0x20:
			return nil, false
		case c >= 0x80:
			ascii = false
		}
	}
	return nil, false
}

// smallInt reads a number of at most 18 digits, without sign, fraction or
// exponent.
func smallInt(n []byte) (int, bool) {
	if len(n) == 0 || len(n) > 18 {
		return 0, false
	}
	v := 0
	for _, c := range n {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// number reads a JSON number, as a slice of the input.
func (p *resultParser) number() ([]byte, bool) {
	p.space()
	b, i := p.b, p.i
	digits := func() bool {
		from := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > from
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case !digits():
		return nil, false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return nil, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return nil, false
		}
	}
	n := b[p.i:i]
	p.i = i
	return n, true
}

// skip passes over one valid value: an object or array with its nested
// values, a string, a number, true, false or null.
func (p *resultParser) skip(depth int) bool {
	if depth > 64 {
		return false
	}
	p.space()
	if p.i >= len(p.b) {
		return false
	}
	switch c := p.b[p.i]; c {
	case '{', '[':
		close := byte('}')
		if c == '[' {
			close = ']'
		}
		p.i++
		if p.byte(close) {
			return true
		}
		for {
			if c == '{' {
				if !p.skipString() || !p.byte(':') {
					return false
				}
			}
			if !p.skip(depth + 1) {
				return false
			}
			if p.byte(close) {
				return true
			}
			if !p.byte(',') {
				return false
			}
		}
	case '"':
		return p.skipString()
	case 't', 'f', 'n':
		for _, lit := range []string{"true", "false", "null"} {
			if len(p.b)-p.i >= len(lit) && string(p.b[p.i:p.i+len(lit)]) == lit {
				p.i += len(lit)
				return true
			}
		}
		return false
	default:
		_, ok := p.number()
		return ok
	}
}

// skipString passes over a valid string, escapes included.
func (p *resultParser) skipString() bool {
	if !p.byte('"') {
		return false
	}
	for p.i < len(p.b) {
		switch c := p.b[p.i]; {
		case c == '"':
			p.i++
			return true
		case c < 0x20:
			return false
		case c == '\\':
			if p.i+1 >= len(p.b) {
				return false
			}
			switch p.b[p.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.i += 2
			case 'u':
				if p.i+6 > len(p.b) {
					return false
				}
				for _, h := range p.b[p.i+2 : p.i+6] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return false
					}
				}
				p.i += 6
			default:
				return false
			}
		default:
			p.i++
		}
	}
	return false
}
