package timeline

import "testing"

func TestPeopleRules7(t *testing.T) {
	for _, tc := range []struct {
		name   string
		bodies []string
		want   map[string][]string // display name -> variants it must have
		absent []string            // names no person may bear
	}{
		{
			name: "a Russian ё after a hushing consonant written o",
			bodies: []string{"Premier Nikita Khrushchev flew to Vienna. Khrushchev smiled.",
				"Mr Nikita Khrushchov met the press, and Mr Khrushchov left early. Ambassador Lev Bolshov stayed."},
			want:   map[string][]string{"Nikita Khrushchev": {"Mr Khrushchov", "Mr Nikita Khrushchov"}, "Lev Bolshov": nil},
			absent: []string{"Nikita Khrushchov"},
		},
		{
			name: "an umlaut written out as two letters",
			bodies: []string{"Finance Minister Katrin Görtler arrived in Athens. Görtler said little, and Görtler left.",
				"Minister Katrin Goertler met reporters; Goertler declined to comment. Mayor Anna Roeder watched."},
			want:   map[string][]string{"Katrin Görtler": {"Goertler", "Minister Katrin Goertler"}, "Anna Roeder": nil},
			absent: []string{"Katrin Goertler"},
		},
		{
			name: "a namesake with the variant spelling keeps it",
			bodies: []string{"Chancellor Gerhard Schröder spoke.",
				"The trade envoy Karl Schroeder disagreed with Gerhard Schröder."},
			want: map[string][]string{"Gerhard Schröder": nil, "Karl Schroeder": nil},
		},
		{
			name: "a generational suffix is written with the name",
			bodies: []string{"Secretary of State Walter B. Harwood III landed in Oslo. Walter Harwood met the king.",
				"Senator Thomas Reed Jr. objected, and Reed left."},
			want:   map[string][]string{"Walter B. Harwood": {"Walter B. Harwood III", "Walter Harwood"}, "Thomas Reed": {"Senator Thomas Reed Jr"}},
			absent: []string{"Walter B. Harwood III", "Harwood III"},
		},
		{
			name: "a two-word surname after a title",
			bodies: []string{"Prime Minister Lucia Garcia Moreno met the envoys. Later Dr Garcia Moreno said the island was honoured.",
				"Mr Tomas Garcia spoke for the opposition."},
			want:   map[string][]string{"Lucia Garcia Moreno": {"Dr Garcia Moreno"}, "Tomas Garcia": nil},
			absent: []string{"Garcia Moreno"},
		},
		{
			name: "a work's title is no person",
			bodies: []string{"The band played a tune from the 1975 film Sholay Rani Kahaan, and Minister Arun Mehta sang along.",
				"Guests were given the novel Maria Delgado Returns. Arun Mehta smiled."},
			want:   map[string][]string{"Arun Mehta": nil},
			absent: []string{"Sholay Rani Kahaan", "Maria Delgado", "Maria Delgado Returns"},
		},
		{
			name:   "pacts and alliances are organisations",
			bodies: []string{"Minister Olek Varga will brief the Baltic Pact in Riga, and later the Northern Alliance. Varga left."},
			want:   map[string][]string{"Olek Varga": nil},
			absent: []string{"Baltic Pact", "Northern Alliance"},
		},
		{
			name: "a sentence opening with a name, its organisation and a speech verb",
			bodies: []string{"Critics were unmoved. Dana Whitcombe of the Harbour Policy Forum, a small think tank, said the deal was hollow.",
				"Economic Outlook of the Region improved, analysts said."},
			want:   map[string][]string{"Dana Whitcombe": nil},
			absent: []string{"Economic Outlook"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, acts := analyzeText(t, tc.bodies...)
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
			for _, name := range tc.absent {
				if _, ok := got[name]; ok {
					t.Errorf("%q is a person of its own: %v", name, got)
				}
			}
		})
	}
}
