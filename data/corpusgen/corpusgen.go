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
	g := &Generator{rng: rand.New(rand.NewSource(seed))}
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
	pair := leaders[g.rng.Intn(len(leaders))]
	var b strings.Builder
	md := i%2 == 1
	if md {
		fmt.Fprintf(&b, "---\nsource: Outlet %d\ntitle: Report %d\npublished: 2025-08-%02dT%02d:%02d:00Z\n---\n", i%97, i, 15+g.rng.Intn(3), g.rng.Intn(24), g.rng.Intn(60))
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
	return fmt.Sprintf("article-%06d%s", i, ext), []byte(b.String())
}
