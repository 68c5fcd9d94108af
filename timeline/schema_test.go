package timeline

import (
	"errors"
	"os"
	"strings"
	"testing"
)

func TestParseSchemaErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"syntax", "name: x\nphases: [\n", "s.yaml:2:"},
		{"empty", "", "the file is empty"},
		{"no phases", "name: x\n", "lists no phases"},
		{"empty cues", "name: x\nphases:\n  - id: a\n    order: 0\n    cues: [b]\n  - id: c\n    order: 1\n", "s.yaml:6: phase \"c\" has no cues"},
		{"duplicate id", "name: x\nphases:\n  - id: a\n    cues: [b]\n  - id: a\n    order: 1\n    cues: [b]\n", "s.yaml:5: phase id \"a\" is used twice"},
		{"duplicate order", "name: x\nphases:\n  - id: a\n    cues: [b]\n  - id: b\n    cues: [c]\n", "same order 0"},
		{"unknown key", "name: x\nphases:\n  - id: a\n    cuez: [b]\n", "s.yaml:4: field cuez not found"},
		{"bad regexp", "name: x\nboilerplate: ['(']\nphases:\n  - id: a\n    cues: [b]\n", "s.yaml:2: boilerplate pattern"},
		{"name first", "name: x\nphases:\n  - id: a\n    cues: ['{Name} left']\n", "cannot come first"},
		{"bad zone", "name: x\nevent: {date: 2025-08-15, timezone: Mars/Base}\nphases:\n  - id: a\n    cues: [b]\n", "unknown time zone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSchema("s.yaml", []byte(tt.yaml))
			var se *SchemaError
			if err == nil || !errors.As(err, &se) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func loadSummit(t testing.TB) *Schema {
	t.Helper()
	raw, err := os.ReadFile("../assets/schemas/summit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSchema("summit.yaml", raw)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSummitSchemaHasTheRequiredPhasesAndThemes(t *testing.T) {
	s := loadSummit(t)
	want := "pre-summit arrival flyover motorcade talks working-lunch press-conference departure post-summit reactions"
	if got := strings.Join(s.PhaseIDs(), " "); got != want {
		t.Fatalf("phases %s", got)
	}
	if len(s.Themes) < 9 {
		t.Fatalf("%d themes", len(s.Themes))
	}
}

func TestPhaseOfSentences(t *testing.T) {
	s := loadSummit(t)
	cast := Cast{Principals: []string{"biden", "putin"}}
	for name, mentions := range map[string]int{"biden": 3, "putin": 3, "mccain": 2} {
		cast.persons.set(name, mentions)
	}
	tests := []struct{ text, want string }{
		{"Hours before the meeting, Biden told aides he expected little.", "pre-summit"},
		{"Putin's plane touched down at the airport shortly after noon.", "arrival"},
		{"Two fighter jets streaked overhead as the leaders posed for photographs.", "flyover"},
		{"Russian drones attacked Kharkiv overnight, and fighter jets were scrambled.", ""},
		{"The two presidents then rode together in the limousine to the villa.", "motorcade"},
		{"The leaders met behind closed doors for two hours with only interpreters present.", "talks"},
		{"Over a working lunch, the delegations discussed trade.", "working-lunch"},
		{"At the joint news conference, Putin spoke first.", "press-conference"},
		{"Air Force One took off from the airport in the evening.", "departure"},
		{"In an interview the next day, Biden said the summit went well.", "post-summit"},
		{"Senator McCain condemned the summit in a statement.", "reactions"},
		{"The war began in 2022 and has killed thousands.", ""},
		{"Standing before a backdrop of flags, Biden told reporters the talks were useful.", "press-conference"},
	}
	for _, tt := range tests {
		a := s.AnalyzeSentences(Article{}, []Sentence{{Text: tt.text}}, cast)
		if got := a.Sentences[0].Phase; got != tt.want {
			t.Errorf("%q: phase %q (conf %.2f, also %v), want %q", tt.text, got, a.Sentences[0].Confidence, a.Sentences[0].Also, tt.want)
		}
	}
}

func TestAnalyzeHostileArticles(t *testing.T) {
	s := loadSummit(t)
	for name, body := range map[string]string{
		"empty":       "",
		"boilerplate": "Comments (0)\nAdd Comment\n#a #b #c\n",
		"no phase":    "Inflation rose two percent in the quarter. Markets were calm.",
		"huge":        strings.Repeat("summit talks arrived word ", 200_000),
		"quotes":      strings.Repeat("“", 100_000),
		"numbers":     strings.Repeat("3 hours 10:25 a.m. ", 50_000),
	} {
		a := s.Analyze(Article{Body: body})
		switch name {
		case "empty", "boilerplate", "quotes":
			if len(a.Sentences) != 0 {
				t.Errorf("%s: %d sentences", name, len(a.Sentences))
			}
		case "no phase":
			if r := a.Reports(MinConfidence); len(r) != 0 {
				t.Errorf("%s: reports %v", name, r)
			}
		}
	}
}

func FuzzParseSchema(f *testing.F) {
	raw, _ := os.ReadFile("../assets/schemas/summit.yaml")
	f.Add(raw)
	f.Add([]byte("name: x\nphases:\n  - id: a\n    cues: [b*, '{Name}']\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, err := ParseSchema("f.yaml", raw)
		if err == nil {
			s.Analyze(Article{Body: "The leaders met. They left."})
		}
	})
}

func TestRelativeCuesMoveAPhase(t *testing.T) {
	s := loadSummit(t)
	body := "The two presidents held talks behind closed doors for two hours.\n\n" +
		"At a joint news conference, both leaders said the talks were useful.\n\n" +
		"After the news conference, the two leaders sat down to a working lunch with their delegations.\n"
	tl := s.BuildTimeline(s.AnalyzeCorpus([]Article{{Source: "A", File: "a.txt", Body: body}}), MinConfidence)
	var order []string
	for _, p := range tl.Phases {
		order = append(order, p.ID)
	}
	if strings.Join(order, " ") != "talks press-conference working-lunch" {
		t.Fatalf("order %v: the lunch came after the news conference", order)
	}
}
