package export

import (
	"time"

	"github.com/newsreel/newsreel/timeline"
)

// Document is the JSON form of a whole analysis (schema "newsreel/1"):
//
//	{"schema": "newsreel/1", "event_schema": "summit",
//	 "sources": ["…"],
//	 "phases": [{"id", "label", "order", "start", "end", "start_source", "end_source", "sources",
//	             "evidence": [{"source", "file", "index", "sentence", "confidence", "times"}]}],
//	 "coverage": [{"source", "file", "phase", "sentences", "words", "share", "first_position", "lede"}],
//	 "themes": [{"source", "file", "theme", …same fields}],
//	 "blindspots": {"source": ["phase", …]},
//	 "narrative": {"source": ["phase", …]},
//	 "actors": [{"id", "name", "kind", "variants", "titles", "mentions"}],
//	 "quotes": [{"id", "speaker", "text", "variants": [{"source", "file", "text", "speaker", "changes"}]}],
//	 "claims": [{"quantity", "phase", "source", "file", "value", "unit", "low", "high", "qualifier", "expected", "sentence"}],
//	 "discrepancies": [{"quantity", "phase", "values": [claims]}]}
//
// Times are RFC 3339 or null; shares are 0..1.
type Document struct {
	Schema        string              `json:"schema"`
	EventSchema   string              `json:"event_schema"`
	Sources       []string            `json:"sources"`
	Phases        []Phase             `json:"phases"`
	Coverage      []Cell              `json:"coverage"`
	Themes        []Cell              `json:"themes"`
	Blindspots    map[string][]string `json:"blindspots"`
	Narrative     map[string][]string `json:"narrative"`
	Actors        []Actor             `json:"actors"`
	Quotes        []Cluster           `json:"quotes"`
	Claims        []Claim             `json:"claims"`
	Discrepancies []Discrepancy       `json:"discrepancies"`
}

// Phase is a timeline phase.
type Phase struct {
	ID          string     `json:"id"`
	Label       string     `json:"label"`
	Order       int        `json:"order"`
	Start       *string    `json:"start"`
	End         *string    `json:"end"`
	StartSource *Bound     `json:"start_source,omitempty"`
	EndSource   *Bound     `json:"end_source,omitempty"`
	Sources     []string   `json:"sources"`
	Evidence    []Evidence `json:"evidence"`
}

// Bound names the source and time expression behind a phase's start or end.
type Bound struct {
	Source string `json:"source"`
	File   string `json:"file"`
	Text   string `json:"text"`
}

// Evidence is a sentence reporting a phase.
type Evidence struct {
	Source     string   `json:"source"`
	File       string   `json:"file"`
	Index      int      `json:"index"`
	Sentence   string   `json:"sentence"`
	Confidence float64  `json:"confidence"`
	Times      []string `json:"times,omitempty"`
}

// PhasesOf converts the timeline's phases, in event order.
func PhasesOf(tl timeline.Timeline) []Phase {
	out := []Phase{}
	for i, p := range tl.Phases {
		ph := Phase{ID: p.ID, Label: p.Label, Order: i, Start: rfc3339(p.Start), End: rfc3339(p.End), Sources: p.Sources, Evidence: []Evidence{}}
		if p.Start != nil {
			ph.StartSource = &Bound{p.Start.Source, p.Start.File, p.Start.Text}
			ph.EndSource = &Bound{p.End.Source, p.End.File, p.End.Text}
		}
		for _, e := range p.Evidence {
			ph.Evidence = append(ph.Evidence, EvidenceOf(e))
		}
		out = append(out, ph)
	}
	return out
}

// EvidenceOf converts one evidence sentence.
func EvidenceOf(e timeline.Evidence) Evidence {
	ev := Evidence{Source: e.Source, File: e.File, Index: e.Sentence, Sentence: e.Text, Confidence: e.Confidence}
	for _, tm := range e.Times {
		ev.Times = append(ev.Times, tm.Text)
	}
	return ev
}

// Cell is a coverage cell.
type Cell struct {
	Source        string  `json:"source"`
	File          string  `json:"file"`
	Phase         string  `json:"phase,omitempty"`
	Theme         string  `json:"theme,omitempty"`
	Sentences     int     `json:"sentences"`
	Words         int     `json:"words"`
	Share         float64 `json:"share"`
	FirstPosition float64 `json:"first_position"`
	Lede          bool    `json:"lede"`
}

// Actor is a person, organisation or place.
type Actor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Variants []string `json:"variants"`
	Titles   []string `json:"titles"`
	Mentions int      `json:"mentions"`
}

// Cluster is a quotation with its variants.
type Cluster struct {
	ID       int       `json:"id"`
	Speaker  string    `json:"speaker"`
	Text     string    `json:"text"`
	Variants []Variant `json:"variants"`
}

// Variant is one source's wording of a quotation.
type Variant struct {
	Source  string `json:"source"`
	File    string `json:"file"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Changes string `json:"changes"`
}

// Claim is a number or time a source states.
type Claim struct {
	Quantity  string  `json:"quantity"`
	Phase     string  `json:"phase"`
	Source    string  `json:"source"`
	File      string  `json:"file"`
	Value     string  `json:"value"`
	Unit      string  `json:"unit"`
	Low       float64 `json:"low"`
	High      float64 `json:"high"`
	Qualifier string  `json:"qualifier"`
	Expected  bool    `json:"expected"`
	Sentence  string  `json:"sentence"`
}

// Discrepancy is a quantity the sources disagree on.
type Discrepancy struct {
	Quantity string  `json:"quantity"`
	Phase    string  `json:"phase"`
	Values   []Claim `json:"values"`
}

func rfc3339(b *timeline.Bound) *string {
	if b == nil {
		return nil
	}
	s := b.Time.Format(time.RFC3339)
	return &s
}

// NewDocument converts a report.
func NewDocument(r *timeline.Report, s *timeline.Schema) Document {
	d := Document{Schema: "newsreel/1", EventSchema: s.Name, Sources: r.Sources, Blindspots: r.Blindspots, Narrative: r.Timeline.Narrative,
		Phases: PhasesOf(r.Timeline), Coverage: []Cell{}, Themes: []Cell{}, Actors: []Actor{}, Quotes: []Cluster{}, Claims: []Claim{}, Discrepancies: []Discrepancy{}}
	for _, c := range r.Coverage {
		d.Coverage = append(d.Coverage, Cell{Source: c.Source, File: c.File, Phase: c.Key, Sentences: c.Sentences, Words: c.Words, Share: c.Share, FirstPosition: c.Position, Lede: c.Lede})
	}
	for _, c := range r.Themes {
		d.Themes = append(d.Themes, Cell{Source: c.Source, File: c.File, Theme: c.Key, Sentences: c.Sentences, Words: c.Words, Share: c.Share, FirstPosition: c.Position, Lede: c.Lede})
	}
	for _, a := range r.Actors.List {
		d.Actors = append(d.Actors, Actor{a.ID, a.Name, string(a.Kind), a.Variants, a.Titles, a.Mentions})
	}
	for _, c := range r.Clusters {
		cl := Cluster{ID: c.ID, Speaker: c.SpeakerName, Text: c.Text}
		for i, q := range c.Variants {
			cl.Variants = append(cl.Variants, Variant{q.Source, q.File, q.Text, q.SpeakerName, timeline.FormatChanges(c.Changes[i])})
		}
		d.Quotes = append(d.Quotes, cl)
	}
	d.Claims = ClaimsOf(r.Claims)
	d.Discrepancies = DiscrepanciesOf(r.Discrepancies)
	return d
}

// ClaimsOf converts claims to their JSON form.
func ClaimsOf(cs []timeline.Claim) []Claim {
	out := []Claim{}
	for _, c := range cs {
		out = append(out, Claim{c.Quantity, c.Phase, c.Source, c.File, c.Value, c.Unit, c.Low, c.High, c.Qualifier, c.Expected, c.Text})
	}
	return out
}

// DiscrepanciesOf converts discrepancies to their JSON form.
func DiscrepanciesOf(ds []timeline.Discrepancy) []Discrepancy {
	out := []Discrepancy{}
	for _, x := range ds {
		out = append(out, Discrepancy{Quantity: x.Quantity, Phase: x.Phase, Values: ClaimsOf(x.Claims)})
	}
	return out
}
