// Package corpusgen writes synthetic news corpora of any size for tests and
// benchmarks: deterministic for a seed, made by recombining the sentences
// of the bundled corpus with varied names, clock times and numbers, in the
// formats Newsreel reads (.txt and .md with front matter). No download is
// needed.
package corpusgen

import (
	"fmt"
	"io/fs"
	"math/rand"
	"regexp"
	"sort"
	"strings"

	"github.com/newsreel/newsreel/assets"
	"github.com/newsreel/newsreel/timeline"
)

// Generator makes articles from a pool of sentences.
type Generator struct {
	// Outlets, when positive, labels the articles with that many outlets
	// (a few publish most of the articles, as in real archives): .md
	// articles name theirs in the front matter, .txt articles get theirs
	// from the folder's event.yaml (EventFile). Zero gives every .txt file
	// its own source, as before.
	Outlets int
	// Focus, when positive, is the share of the articles about the main
	// pair of leaders (the summit the archive is about); the others are
	// about other pairs. Zero picks every pair alike, as before.
	Focus float64

	seed      int64
	rng       *rand.Rand
	sentences []string
	headings  []string
}

var (
	leaders = [][2]string{{"Trump", "Putin"}, {"Biden", "Putin"}, {"Macron", "Xi"}, {"Scholz", "Erdogan"}, {"Modi", "Sharif"}, {"Lula", "Milei"}}
	numbers = regexp.MustCompile(`\b\d{1,3}\b`)
	clock   = regexp.MustCompile(`\b\d{1,2}:\d{2}\b`)
)

// New reads the bundled corpus into a sentence pool.
func New(seed int64) (*Generator, error) {
	g := &Generator{seed: seed, rng: rand.New(rand.NewSource(seed))}
	corpus := assets.Corpus()
	var files []string
	err := fs.WalkDir(corpus, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := fs.ReadFile(corpus, f)
		if err != nil {
			return nil, err
		}
		for _, s := range timeline.Segment(string(b), timeline.DefaultBoilerplate).Sentences {
			if s.Heading {
				g.headings = append(g.headings, s.Text)
			} else {
				g.sentences = append(g.sentences, s.Text)
			}
		}
	}
	if len(g.sentences) == 0 {
		return nil, fmt.Errorf("corpusgen: the bundled corpus has no sentences")
	}
	return g, nil
}

// Article returns the i-th article's file name and content.
func (g *Generator) Article(i int) (string, []byte) {
	var pair [2]string
	if g.Focus > 0 {
		if g.rng.Float64() < g.Focus {
			pair = leaders[0]
		} else {
			pair = leaders[1+g.rng.Intn(len(leaders)-1)]
		}
	} else {
		pair = leaders[g.rng.Intn(len(leaders))]
	}
	var b strings.Builder
	md := i%2 == 1
	if md {
		source := fmt.Sprintf("Outlet %d", i%97)
		if g.Outlets > 0 {
			source = g.Outlet(i)
		}
		fmt.Fprintf(&b, "---\nsource: %s\ntitle: Report %d\npublished: 2025-08-%02dT%02d:%02d:00Z\n---\n", source, i, 15+g.rng.Intn(3), g.rng.Intn(24), g.rng.Intn(60))
	}
	fmt.Fprintf(&b, "%s\n\n", g.headings[g.rng.Intn(len(g.headings))])
	paragraphs := 8 + g.rng.Intn(10)
	for p := 0; p < paragraphs; p++ {
		n := 2 + g.rng.Intn(4)
		for k := 0; k < n; k++ {
			s := g.sentences[g.rng.Intn(len(g.sentences))]
			s = strings.ReplaceAll(s, "Trump", pair[0])
			s = strings.ReplaceAll(s, "Putin", pair[1])
			s = clock.ReplaceAllStringFunc(s, func(string) string { return fmt.Sprintf("%d:%02d", 1+g.rng.Intn(12), g.rng.Intn(60)) })
			s = numbers.ReplaceAllStringFunc(s, func(string) string { return fmt.Sprint(1 + g.rng.Intn(99)) })
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s)
		}
		b.WriteString("\n\n")
	}
	fmt.Fprintf(&b, "Article number %d of the synthetic corpus.\n", i) // every text differs
	ext := ".txt"
	if md {
		ext = ".md"
	}
	return fileName(i, ext), []byte(b.String())
}

func fileName(i int, ext string) string { return fmt.Sprintf("article-%06d%s", i, ext) }

// outletNames are combined into the outlets' labels.
var (
	outletPlaces = []string{"Anchorage", "Capitol", "Harbor", "Northern", "Pacific", "Metro", "Valley", "Continental", "Atlantic", "Prairie", "Coastal", "Union"}
	outletKinds  = []string{"Daily News", "Times", "Herald", "Wire", "Post", "Gazette", "Tribune", "Courier", "Observer", "Record"}
)

// Outlet returns the label of the outlet that published the i-th article
// (with Outlets set): the same for a seed and i, whatever else was
// generated. Outlet k publishes about 1/(k+1) as much as the first.
func (g *Generator) Outlet(i int) string {
	n := max(g.Outlets, 1)
	// A hash of seed and i, uniform in [0, 1).
	h := uint64(g.seed)*0x9E3779B97F4A7C15 ^ uint64(i)*0xBF58476D1CE4E5B9
	h ^= h >> 31
	h *= 0x94D049BB133111EB
	h ^= h >> 29
	u := float64(h>>11) / (1 << 53)
	// Zipf weights 1/(k+1): find k with the cumulative share above u.
	total := 0.0
	for k := 0; k < n; k++ {
		total += 1 / float64(k+1)
	}
	k, acc := 0, 1/total
	for ; k < n-1 && acc <= u; k++ {
		acc += 1 / float64(k+2) / total
	}
	return fmt.Sprintf("%s %s", outletPlaces[k%len(outletPlaces)], outletKinds[(k/len(outletPlaces)+k)%len(outletKinds)])
}

// EventFile returns an event.yaml for a folder holding articles first to
// first+n-1: the summit's day and zone, and (with Outlets set) the outlet
// of each .txt article.
func (g *Generator) EventFile(first, n int) []byte {
	var b strings.Builder
	b.WriteString("name: Synthetic summit\ndate: 2025-08-15\ntimezone: America/Anchorage\n")
	if g.Outlets > 0 {
		b.WriteString("sources:\n")
		for i := first; i < first+n; i++ {
			if i%2 == 0 {
				fmt.Fprintf(&b, "  %s: %s\n", fileName(i, ".txt"), g.Outlet(i))
			}
		}
	}
	return []byte(b.String())
}
