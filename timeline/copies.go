package timeline

import (
	"encoding/binary"
	"errors"
	"unicode"
	"unicode/utf8"
)

// Wire copies: outlets reprint agency copy with a new headline, a trimmed
// paragraph or a changed word. Such near-identical articles are linked to
// their original so that attention counts the story once.
//
// The method is MinHash over word shingles with locality-sensitive banding
// (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of Massive
// Datasets", ch. 3): an article's CopyPrint is copyHashes minimum hash
// values of its five-word shingles; two prints agree at a position with
// probability equal to the Jaccard similarity of the shingle sets. The
// prints are cut into copyBands bands of copyRows values, and articles that
// share a whole band are candidates (the store indexes bands, so finding
// candidates for a new article is a few index lookups, at any corpus size).
// A candidate is a copy when the prints agree on at least CopySimilarity of
// their positions.
//
// The similarity is estimated on 72 values (standard error under 0.05).
// With 6 bands of 6 rows, a pair with similarity 0.9 shares a band with
// probability 0.99, a pair at 0.8 with 0.84, and unrelated reports on the
// same event (similarity 0.1–0.3) with less than 0.005.
const (
	copyShingle = 5 // words per shingle
	copyBands   = 6
	copyRows    = 6
	copyHashes  = 2 * copyBands * copyRows // the bands use the first half; the similarity all
	// copyMinShingles: shorter texts get no print (short briefs share too
	// much boilerplate phrasing to tell copies from coincidences).
	copyMinShingles = 40
	// CopySimilarity is the estimated Jaccard similarity of shingle sets
	// above which one article is a copy of another.
	CopySimilarity = 0.8
)

// CopyPrint is the MinHash signature of an article's running text; nil when
// the text is too short to compare.
type CopyPrint []uint32

// mix64 is the SplitMix64 finaliser: a fast, well-distributed 64-bit hash
// of a 64-bit value.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// FingerprintSentences prints the running text of an article: every
// sentence but headings (headlines and section titles are what outlets
// rewrite), its words folded to lower case.
func FingerprintSentences(sents []Sentence) CopyPrint {
	var words []uint64
	for _, s := range sents {
		if s.Heading {
			continue
		}
		words = appendWordHashes(words, s.Text)
	}
	return fingerprintWords(words)
}

// Fingerprint prints a text.
func Fingerprint(text string) CopyPrint {
	return fingerprintWords(appendWordHashes(nil, text))
}

// appendWordHashes appends an FNV-1a hash of each word of s (runs of
// letters and digits, lower-cased).
func appendWordHashes(out []uint64, s string) []uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h, in := uint64(offset), false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf { // ASCII fast path
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if in {
					out = append(out, h)
					h, in = offset, false
				}
				continue
			}
			h = (h ^ uint64(c)) * prime
			in = true
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			for ; r > 0; r >>= 8 {
				h = (h ^ uint64(r&0xff)) * prime
			}
			in = true
			continue
		}
		if in {
			out = append(out, h)
			h, in = offset, false
		}
	}
	if in {
		out = append(out, h)
	}
	return out
}

// fingerprintWords computes the MinHash of the word hashes' shingles by
// one-permutation hashing (Li, Owen & Zhang 2012): each shingle's hash
// picks one of copyHashes bins and competes for its minimum, one hash per
// shingle instead of one per shingle and bin. Empty bins (short texts)
// borrow the next filled bin's value, mixed with the distance (rotation
// densification, Shrivastava & Li 2014), so prints of the same length
// still compare position by position.
func fingerprintWords(words []uint64) CopyPrint {
	n := len(words) - copyShingle + 1
	if n < copyMinShingles {
		return nil
	}
	const empty = ^uint32(0)
	p := make(CopyPrint, copyHashes)
	for i := range p {
		p[i] = empty
	}
	// A polynomial rolling hash of the shingle's word hashes, mixed once.
	const base = 0x100000001b3
	var pow uint64 = 1 // base^(copyShingle-1)
	for k := 1; k < copyShingle; k++ {
		pow *= base
	}
	var roll uint64
	for _, w := range words[:copyShingle-1] {
		roll = roll*base + w
	}
	for i := 0; i < n; i++ {
		roll = roll*base + words[i+copyShingle-1]
		sh := mix64(roll)
		roll -= words[i] * pow
		bin := (sh >> 32) * copyHashes >> 32
		if v := uint32(sh); v < p[bin] {
			p[bin] = v
		}
	}
	orig := append(CopyPrint(nil), p...)
	for i := range p {
		if orig[i] != empty {
			continue
		}
		for d := 1; d < copyHashes; d++ {
			if v := orig[(i+d)%copyHashes]; v != empty {
				p[i] = uint32(mix64(uint64(v)<<8 | uint64(d)))
				break
			}
		}
	}
	return p
}

// Similarity estimates the Jaccard similarity of the two texts' shingles:
// the share of positions where the prints agree (0 when either is empty).
func (p CopyPrint) Similarity(q CopyPrint) float64 {
	if len(p) != copyHashes || len(q) != copyHashes {
		return 0
	}
	same := 0
	for i := range p {
		if p[i] == q[i] {
			same++
		}
	}
	return float64(same) / copyHashes
}

// IsCopy reports whether the two prints are near-identical texts.
func (p CopyPrint) IsCopy(q CopyPrint) bool { return p.Similarity(q) >= CopySimilarity }

// Bands returns one key per band (band number folded in), the keys under
// which a store files the print to find candidate copies.
func (p CopyPrint) Bands() []int64 {
	if len(p) != copyHashes {
		return nil
	}
	out := make([]int64, copyBands)
	for b := range out {
		h := mix64(uint64(b) + 1)
		for _, v := range p[b*copyRows : (b+1)*copyRows] { // the first half
			h = mix64(h ^ uint64(v))
		}
		out[b] = int64(h >> 1) // non-negative, for SQLite integers
	}
	return out
}

// MarshalBinary encodes the print (big-endian values; empty for nil).
func (p CopyPrint) MarshalBinary() ([]byte, error) {
	out := make([]byte, 4*len(p))
	for i, v := range p {
		binary.BigEndian.PutUint32(out[4*i:], v)
	}
	return out, nil
}

// ParseCopyPrint decodes a print written by MarshalBinary.
func ParseCopyPrint(b []byte) (CopyPrint, error) {
	if len(b) == 0 {
		return nil, nil
	}
	if len(b) != 4*copyHashes {
		return nil, errors.New("copy print: wrong length")
	}
	p := make(CopyPrint, copyHashes)
	for i := range p {
		p[i] = binary.BigEndian.Uint32(b[4*i:])
	}
	return p, nil
}

// ArticleRef names an article by its source label and file.
type ArticleRef struct {
	Source string
	File   string
}

// IsZero reports whether the reference names no article.
func (r ArticleRef) IsZero() bool { return r.Source == "" && r.File == "" }

// String is "Source / file".
func (r ArticleRef) String() string {
	if r.IsZero() {
		return ""
	}
	return r.Source + " / " + r.File
}
