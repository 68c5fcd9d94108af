package timeline

import (
	"strings"
	"testing"
)

func TestPeopleRules3(t *testing.T) {
	for _, tc := range []struct {
		name      string
		bodies    []string
		want      map[string][]string // display name -> variants it must have
		absent    []string            // names no person may bear
		noVariant []string            // variants no person may have
	}{
		{
			name: "honorifics are titles",
			bodies: []string{"Dame Judith Harlow opened the hearing. Later Judith Harlow took questions.",
				"Lord Peter Mandeville arrived late, and Peter Mandeville left early. Baroness Ann Kerr spoke for the committee."},
			want:   map[string][]string{"Judith Harlow": {"Dame Judith Harlow"}, "Peter Mandeville": {"Lord Peter Mandeville"}, "Ann Kerr": nil},
			absent: []string{"Dame Judith Harlow", "Lord Peter Mandeville", "Baroness Ann Kerr"},
		},
		{
			name: "a first name and a patronymic are the person with that first name",
			bodies: []string{"President Sergei Ivanov arrived in Minsk. Ivanov met the prime minister.",
				"The guests applauded when Sergei Borisovich took the floor. Then Anna Petrovna thanked them."},
			want:   map[string][]string{"Sergei Ivanov": {"Sergei Borisovich"}},
			absent: []string{"Sergei Borisovich"},
		},
		{
			name:   "a patronymic-like surname used alone stays a surname",
			bodies: []string{"The owner Roman Abramovich sold the club. Abramovich said the price was fair."},
			want:   map[string][]string{"Roman Abramovich": {"Abramovich"}},
		},
		{
			name: "German spellings with an S for a Z",
			bodies: []string{"President Volodymyr Zelensky arrived in Berlin. Zelensky met the chancellor.",
				"Der Kanzler empfing Selenskyj am Montag. The envoy Boris Zavinsky met Maria Savinskij in Kyiv."},
			want:   map[string][]string{"Volodymyr Zelensky": {"Selenskyj"}, "Boris Zavinsky": nil, "Maria Savinskij": nil},
			absent: []string{"Selenskyj"},
		},
		{
			name: "name particles",
			bodies: []string{"Commission President Ursula von der Leyen spoke first. Then von der Leyen left.",
				"President Abdel Fattah al-Sisi met Jean de la Croix in Cairo."},
			want:   map[string][]string{"Ursula von der Leyen": {"von der Leyen"}, "Abdel Fattah al-Sisi": nil, "Jean de la Croix": nil},
			absent: []string{"Ursula", "Leyen", "Jean"},
		},
		{
			name: "time zones, datelines, organisation tails and qualifiers are no people",
			bodies: []string{"CAIRO, March 3 (Nilewire) -- Talks began at 10:15 PDT. Analyst Omar Said of the Institute for Regional Studies said they would fail.",
				"Prices fell, said Maya Stone, chief Europe economist at Halden Bank. The summit ended at 18:00 CEST, and Cairo was quiet."},
			want:      map[string][]string{"Omar Said": nil, "Maya Stone": nil},
			absent:    []string{"PDT", "CEST", "Regional Studies", "Europe", "Cairo", "CAIRO"},
			noVariant: []string{"PDT", "CEST", "Europe"},
		},
		{
			name:      "a lower-case title alone is no variant",
			bodies:    []string{"President Ana Ruiz met President Tom Berg. The president said the talks went well, and the president left."},
			want:      map[string][]string{"Ana Ruiz": nil, "Tom Berg": nil},
			noVariant: []string{"president"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			an, acts := analyzeText(t, tc.bodies...)
			_ = an
			got := map[string][]string{}
			for _, a := range acts.List {
				if a.Kind == Person {
					got[a.Name] = a.Variants
				}
			}
			for name, vs := range tc.want {
				have, ok := got[name]
				if !ok {
					t.Errorf("no person %q in %v", name, got)
					continue
				}
				for _, v := range vs {
					if !hasString(have, v) {
						t.Errorf("%s: variants %q lack %q", name, have, v)
					}
				}
			}
			for _, bad := range tc.absent {
				if _, ok := got[bad]; ok {
					t.Errorf("%q found as a person: %v", bad, got)
				}
			}
			for _, bad := range tc.noVariant {
				for name, vs := range got {
					if hasString(vs, bad) {
						t.Errorf("%s has the variant %q", name, bad)
					}
				}
			}
			for _, a := range acts.List {
				if a.Kind == Organisation && (timeZones[strings.ToLower(a.Name)] || strings.EqualFold(a.Name, "Cairo")) {
					t.Errorf("%q counted as an organisation", a.Name)
				}
			}
		})
	}
}

func TestSpeakerRules3(t *testing.T) {
	body := `President Joe Biden met President Xi Jinping in Lima. Foreign Minister Anna Berg, Senator Bob Cruz, Governor Ann Lee, CNN anchor Jake Tapper, President Emmanuel Macron, Chancellor Olaf Scholz and Prime Minister Giorgia Meloni attended. State broadcaster reporter Li Wei was there.

"The door stays open," the foreign minister said in a joint interview with Bob Cruz.

Governor Ann Lee, who had met Bob Cruz on Monday, said the plan was "dead on arrival".

"We agreed on much," Biden said, adding that "a few hard ones" were left.

In an interview with CNN anchor Jake Tapper, Biden praised the hosts and said "the talks went well today."

Commentators echoed Biden's warning to the hosts that the deal must be "fair to both of us".

Biden said "we had a good day", while Xi, who arrived late, talked of "a new chapter in our relations".

Biden hoped for a deal. The tabloids were blunt: "Biden must deliver now or never."

Macron, Scholz and Meloni said in a joint statement: "Ukraine must decide its own future."

After dinner Xi, speaking through an interpreter, invited Biden to Beijing: "Come back in the spring."

Crowds greeted Biden with banners: "Go home now, please."

Xi, according to Li Wei, greeted his guest with the words: "Welcome, my old friend."

Xi's closing words, in English: "See you soon in Beijing." Biden: "I would like that very much."

09:30 EDT — Biden: "A good day for all of us."`
	an, acts := analyzeText(t, body)
	want := map[string]string{
		"dead on arrival":          "Ann Lee",
		"a few hard ones":          "Joe Biden",
		"the talks went well":      "Joe Biden",
		"fair to both of us":       "Joe Biden",
		"a new chapter":            "Xi Jinping",
		"Biden must deliver":       "",
		"Ukraine must decide":      "",
		"Come back in the spring":  "Xi Jinping",
		"Go home now":              "",
		"Welcome, my old friend":   "Xi Jinping",
		"See you soon in Beijing":  "Xi Jinping",
		"I would like that":        "Joe Biden",
		"A good day for all of us": "Joe Biden",
	}
	notSpeaker := map[string]string{"The door stays open": "Bob Cruz"}
	seen := map[string]bool{}
	for _, q := range FindQuotes(an, acts) {
		for prefix, speaker := range want {
			if strings.HasPrefix(q.Text, prefix) {
				seen[prefix] = true
				if q.SpeakerName != speaker {
					t.Errorf("%q: speaker %q, want %q", q.Text, q.SpeakerName, speaker)
				}
			}
		}
		for prefix, speaker := range notSpeaker {
			if strings.HasPrefix(q.Text, prefix) {
				seen[prefix] = true
				if q.SpeakerName == speaker {
					t.Errorf("%q: speaker %q", q.Text, q.SpeakerName)
				}
			}
		}
	}
	for prefix := range want {
		if !seen[prefix] {
			t.Errorf("no quotation %q", prefix)
		}
	}
}
