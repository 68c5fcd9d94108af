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

// fastResults parses raw when it holds only what the store writes; ok is
// false otherwise.
func fastResults(raw []byte) (out []sentenceResult, ok bool) {
	p := resultParser{b: raw}
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
	b []byte
	i int
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
		key, ok := p.str()
		if !ok || !p.byte(':') {
			return false
		}
		switch key {
		case "i":
			n, ok := p.number()
			if !ok {
				return false
			}
			v, err := strconv.ParseInt(n, 10, strconv.IntSize)
			if err != nil {
				return false
			}
			r.Seq = int(v)
		case "c":
			n, ok := p.number()
			if !ok {
				return false
			}
			v, err := strconv.ParseFloat(n, 64)
			if err != nil {
				return false
			}
			r.Confidence = v
		case "p", "a", "t", "af", "b":
			s, ok := p.str()
			if !ok {
				return false
			}
			switch key {
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
			r.Times = append(json.RawMessage(nil), p.b[from:p.i]...)
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

// str reads a string without escapes or control characters, in valid
// UTF-8 (what json.Unmarshal reads as it is).
func (p *resultParser) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	from := p.i
	ascii := true
	for ; p.i < len(p.b); p.i++ {
		switch c := p.b[p.i]; {
		case c == '"':
			s := p.b[from:p.i]
			p.i++
			if !ascii && !utf8.Valid(s) {
				return "", false
			}
			return string(s), true
		case c == '\\' || c < 0x20:
			return "", false
		case c >= 0x80:
			ascii = false
		}
	}
	return "", false
}

// number reads a JSON number.
func (p *resultParser) number() (string, bool) {
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
		return "", false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return "", false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return "", false
		}
	}
	n := string(b[p.i:i])
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
