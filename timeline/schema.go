package timeline

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Schema describes a kind of event: its phases in canonical order, the
// themes coverage can touch, and the words that signal each. Everything the
// engine knows about summits (or any other kind of event) lives here, not
// in code.
type Schema struct {
	Name  string `yaml:"name"`
	Label string `yaml:"label"`
	// EventTerms name the event as a whole ("summit", "meeting"); with
	// relation words they place a sentence before or after the event.
	EventTerms []string `yaml:"event_terms"`
	// ThirdParty words mark a sentence as about people other than the
	// event's principals (officials, lawmakers, allies).
	ThirdParty []string `yaml:"third_party"`
	// PrincipalTerms refer to the principals without naming them ("the
	// leaders", "the two presidents").
	PrincipalTerms []string `yaml:"principal_terms"`
	// EventPhase is the phase a duration of the event as a whole measures
	// ("the summit lasted three hours" is the length of the talks).
	EventPhase  string    `yaml:"event_phase"`
	Boilerplate []string  `yaml:"boilerplate"` // extra line patterns (regular expressions) to strip
	Phases      []Phase   `yaml:"phases"`
	Themes      []Theme   `yaml:"themes"`
	Event       EventInfo `yaml:"event"` // optional default event date and zone

	file        string
	matcher     *matcher
	boilerplate []BoilerplateRule
}

// EventInfo gives a default date and time zone for resolving times when the
// articles carry none.
type EventInfo struct {
	Date     string `yaml:"date"`
	Timezone string `yaml:"timezone"`
}

// Phase is one stage of an event.
type Phase struct {
	ID    string `yaml:"id"`
	Label string `yaml:"label"`
	Order int    `yaml:"order"`
	// Cues are words and phrases that report this phase, by strength.
	// A trailing * matches any ending ("greet*").
	Strong []string `yaml:"strong"`
	Cues   []string `yaml:"cues"`
	Weak   []string `yaml:"weak"`
	// Not lists phrases that veto this phase in a sentence ("drone" for a
	// flyover of military jets).
	Not []string `yaml:"not"`
	// Anchors name the phase in relative cues: "after the <anchor>".
	Anchors []string `yaml:"anchors"`
	// BeforeEvent / AfterEvent phases take sentences placed before / after
	// the event as a whole.
	BeforeEvent bool `yaml:"before_event"`
	AfterEvent  bool `yaml:"after_event"`
	// ThirdParty is true for phases about people other than the principals
	// (reactions), false for the principals' own acts; unset means either.
	ThirdParty *bool `yaml:"third_party"`
	// Principals marks the principals' own acts (arrival, talks): without a
	// principal named or referred to, the sentence's score is halved.
	Principals bool     `yaml:"principals"`
	Actors     []string `yaml:"actors"`     // typical actors (for display and later use)
	TimeWords  []string `yaml:"time_words"` // typical time words (weak cues)
	index      int
}

// Theme is a subject coverage can touch, independent of phase.
type Theme struct {
	ID     string   `yaml:"id"`
	Label  string   `yaml:"label"`
	Strong []string `yaml:"strong"`
	Cues   []string `yaml:"cues"`
	Weak   []string `yaml:"weak"`
	Not    []string `yaml:"not"`
}

// SchemaError is a problem in a schema file, with the line when known.
type SchemaError struct {
	File string
	Line int
	Msg  string
}

func (e *SchemaError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// ParseSchema reads a schema from YAML; file names it in errors.
func ParseSchema(file string, raw []byte) (*Schema, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&root); err != nil {
		return nil, yamlError(file, err)
	}
	var s Schema
	dec = yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		return nil, yamlError(file, err)
	}
	s.file = file
	if err := s.validate(&root); err != nil {
		return nil, err
	}
	if err := s.compile(); err != nil {
		return nil, err
	}
	return &s, nil
}

func yamlError(file string, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
	} else if te := (*yaml.TypeError)(nil); errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
		fmt.Sscanf(msg, "line %d:", &line)
		if line > 0 {
			msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
		}
	}
	if msg == "EOF" {
		msg = "the file is empty"
	}
	return &SchemaError{File: file, Line: line, Msg: msg}
}

// lineOf finds the line of the mapping key path (e.g. phases, 2, cues) in
// the YAML tree, or 0.
func lineOf(root *yaml.Node, path ...any) int {
	n := root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, p := range path {
		switch key := p.(type) {
		case string:
			if n.Kind != yaml.MappingNode {
				return line
			}
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == key {
					line = n.Content[i].Line
					n = n.Content[i+1]
					found = true
					break
				}
			}
			if !found {
				return line
			}
		case int:
			if n.Kind != yaml.SequenceNode || key >= len(n.Content) {
				return line
			}
			n = n.Content[key]
			line = n.Line
		}
	}
	return line
}

func (s *Schema) validate(root *yaml.Node) error {
	fail := func(msg string, path ...any) error {
		return &SchemaError{File: s.file, Line: lineOf(root, path...), Msg: msg}
	}
	if s.Name == "" {
		return fail("the schema needs a name")
	}
	if len(s.Phases) == 0 {
		return fail("the schema lists no phases", "phases")
	}
	seen := map[string]bool{}
	orders := map[int]string{}
	for i, p := range s.Phases {
		if p.ID == "" {
			return fail(fmt.Sprintf("phase %d has no id", i+1), "phases", i)
		}
		if seen[p.ID] {
			return fail(fmt.Sprintf("phase id %q is used twice", p.ID), "phases", i, "id")
		}
		seen[p.ID] = true
		if other, ok := orders[p.Order]; ok {
			return fail(fmt.Sprintf("phases %q and %q have the same order %d", other, p.ID, p.Order), "phases", i, "order")
		}
		orders[p.Order] = p.ID
		if len(p.Strong)+len(p.Cues)+len(p.Weak) == 0 {
			return fail(fmt.Sprintf("phase %q has no cues", p.ID), "phases", i)
		}
		if err := checkCues(p.Strong, p.Cues, p.Weak, p.Not, p.Anchors); err != "" {
			return fail(fmt.Sprintf("phase %q: %s", p.ID, err), "phases", i)
		}
	}
	if s.EventPhase != "" && !seen[s.EventPhase] {
		return fail(fmt.Sprintf("event_phase %q is not a phase of the schema", s.EventPhase), "event_phase")
	}
	themeSeen := map[string]bool{}
	for i, t := range s.Themes {
		if t.ID == "" {
			return fail(fmt.Sprintf("theme %d has no id", i+1), "themes", i)
		}
		if themeSeen[t.ID] {
			return fail(fmt.Sprintf("theme id %q is used twice", t.ID), "themes", i, "id")
		}
		themeSeen[t.ID] = true
		if len(t.Strong)+len(t.Cues)+len(t.Weak) == 0 {
			return fail(fmt.Sprintf("theme %q has no cues", t.ID), "themes", i)
		}
		if err := checkCues(t.Strong, t.Cues, t.Weak, t.Not); err != "" {
			return fail(fmt.Sprintf("theme %q: %s", t.ID, err), "themes", i)
		}
	}
	for i, b := range s.Boilerplate {
		if _, err := compileBoilerplate(b); err != nil {
			return fail(fmt.Sprintf("boilerplate pattern %q: %v", b, err), "boilerplate", i)
		}
	}
	if s.Event.Date != "" || s.Event.Timezone != "" {
		if _, err := s.Event.Day(); err != nil {
			return fail(err.Error(), "event")
		}
	}
	return nil
}

// checkCues returns a description of the first unusable cue, or "".
func checkCues(lists ...[]string) string {
	for _, l := range lists {
		for _, c := range l {
			words := tokenize(c)
			if len(words) == 0 {
				return fmt.Sprintf("cue %q has no words", c)
			}
			if strings.HasPrefix(strings.TrimSpace(c), "{Name}") {
				return fmt.Sprintf("cue %q: {Name} cannot come first", c)
			}
		}
	}
	return ""
}

// PhaseIDs returns the phase ids in canonical order.
func (s *Schema) PhaseIDs() []string {
	ids := make([]string, len(s.Phases))
	for i, p := range s.Phases {
		ids[i] = p.ID
	}
	return ids
}

// Phase returns the phase with id, or nil.
func (s *Schema) Phase(id string) *Phase {
	for i := range s.Phases {
		if s.Phases[i].ID == id {
			return &s.Phases[i]
		}
	}
	return nil
}

// File is the name the schema was read from.
func (s *Schema) File() string { return s.file }

// BoilerplateRules returns the default rules plus the schema's own.
func (s *Schema) BoilerplateRules() []BoilerplateRule { return s.boilerplate }

func (s *Schema) compile() error {
	sort.SliceStable(s.Phases, func(i, j int) bool { return s.Phases[i].Order < s.Phases[j].Order })
	for i := range s.Phases {
		s.Phases[i].index = i
	}
	s.boilerplate = append([]BoilerplateRule(nil), DefaultBoilerplate...)
	for i, b := range s.Boilerplate {
		re, err := compileBoilerplate(b)
		if err != nil {
			return err
		}
		s.boilerplate = append(s.boilerplate, BoilerplateRule{Name: fmt.Sprintf("schema-%d", i+1), Pattern: re})
	}
	s.matcher = buildMatcher(s)
	return nil
}

// Day returns midnight of the event's date in its time zone (UTC when none
// is given), or the zero time when no date is given.
func (e EventInfo) Day() (time.Time, error) {
	loc := time.UTC
	if e.Timezone != "" {
		l, err := time.LoadLocation(e.Timezone)
		if err != nil {
			return time.Time{}, fmt.Errorf("unknown time zone %q", e.Timezone)
		}
		loc = l
	}
	if e.Date == "" {
		return time.Time{}, nil
	}
	d, err := time.ParseInLocation("2006-01-02", e.Date, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("event date %q: use the form 2006-01-02", e.Date)
	}
	return d, nil
}
