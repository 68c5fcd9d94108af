package timeline

import (
	"strings"
	"testing"
)

// peopleOf returns the people found in the bodies, by display name, with
// their variants.
func peopleOf(t *testing.T, bodies ...string) map[string][]string {
	t.Helper()
	_, acts := analyzeText(t, bodies...)
	out := map[string][]string{}
	for _, a := range acts.List {
		if a.Kind == Person {
			out[a.Name] = a.Variants
		}
	}
	return out
}

func TestFamilyFirstNames(t *testing.T) {
	for _, tc := range []struct {
		name   string
		bodies []string
		want   map[string][]string // display name -> variants it must have
		absent []string            // variants no person may have, names no person may bear
	}{
		{
			name: "hyphenated given names are referred to by the family name",
			bodies: []string{
				"South Korean President Moon Jae-in spoke on Friday. In Seoul, Moon said the road was open. In an unusual moment, aides left.",
				"Opposition leader Hwang Kyo-ahn objected. Later Hwang said more. In the end President Moon Jae-in agreed.",
			},
			want:   map[string][]string{"Moon Jae-in": {"Moon", "Moon Jae-in"}, "Hwang Kyo-ahn": {"Hwang", "Hwang Kyo-ahn"}},
			absent: []string{"In", "Ahn"},
		},
		{
			name: "spaced and hyphenated spellings of one name merge with the bare family name",
			bodies: []string{
				"North Korean leader Kim Jong Un arrived with his envoy Kim Yong Chol. Chairman Kim smiled.",
				"Kim Jong-un's train arrived. Mr. Kim waved, and Kim Yong-chol followed.",
				"Foreign Minister Ri Yong Ho spoke near the Ho Chi Minh mausoleum. Ri left.",
			},
			want:   map[string][]string{"Kim Jong Un": {"Kim", "Chairman Kim", "Kim Jong Un", "Kim Jong-un"}, "Kim Yong Chol": {"Kim Yong Chol", "Kim Yong-chol"}, "Ri Yong Ho": {"Ri", "Ri Yong Ho"}},
			absent: []string{"Ho", "Un", "Chol"},
		},
		{
			name: "a family name used alone more than the given name goes first",
			bodies: []string{
				"Chinese President Xi Jinping landed. Mr Xi was greeted by Premier Li Keqiang.",
				"President Xi smiled. Xi spoke for an hour, and Li listened to Xi.",
			},
			want: map[string][]string{"Xi Jinping": {"Xi", "Mr Xi", "President Xi", "Xi Jinping"}},
		},
		{
			name: "two-letter family names and five-letter syllables",
			bodies: []string{
				"Na Kyung-won, floor leader of the party, objected. Kim Eui-kyeom, the presidential spokesman, replied.",
			},
			want: map[string][]string{"Na Kyung-won": {"Na Kyung-won"}, "Kim Eui-kyeom": {"Kim Eui-kyeom"}},
		},
		{
			name: "western names keep the surname key",
			bodies: []string{
				"President Donald Trump met Prime Minister Shinzo Abe. Trump and Abe golfed, and Mr Abe laughed. Trump's wife Melania Trump watched.",
			},
			want: map[string][]string{"Donald Trump": {"Trump", "President Donald Trump"}, "Shinzo Abe": {"Abe", "Mr Abe"}, "Melania Trump": {"Melania Trump"}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := peopleOf(t, tc.bodies...)
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
			for name, vs := range got {
				for _, a := range tc.absent {
					if name == a || hasString(vs, a) {
						t.Errorf("%s has %q (variants %q)", name, a, vs)
					}
				}
			}
		})
	}
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestNamesNextToPlacesAndTitles(t *testing.T) {
	got := peopleOf(t,
		"The visit to Trump's club began. Inside, Trump's granddaughter, the daughter of Ivanka Trump and Jared Kushner, sang. Trump and the first lady, Melania Trump, waited; President Donald Trump spoke.",
	)
	for _, name := range []string{"Ivanka Trump", "Melania Trump", "Donald Trump", "Jared Kushner"} {
		if _, ok := got[name]; !ok {
			t.Errorf("no %q in %v", name, got)
		}
	}
}

func TestSharedTitleIsNoVariant(t *testing.T) {
	got := peopleOf(t,
		"Foreign Minister Sergei Lavrov arrived. Foreign Minister Wang Yi followed. Vice Foreign Minister Choe Son-hui came later. First Lady Jill Biden stayed home.",
	)
	for name, vs := range got {
		if hasString(vs, "Foreign Minister") {
			t.Errorf("%s has the shared title as a variant: %q", name, vs)
		}
	}
	if vs := got["Jill Biden"]; !hasString(vs, "First Lady") {
		t.Errorf("Jill Biden variants %q, want First Lady", vs)
	}
	if strings.Contains(strings.Join(got["Choe Son-hui"], "|"), "Vice") {
		t.Logf("Choe: %q", got["Choe Son-hui"])
	}
}

func TestNotPeople(t *testing.T) {
	got := peopleOf(t,
		"President Ronald Reagan met Mikhail Gorbachev. The couple slept aboard the Soviet liner Georg Ots, and flew home aboard an Aeroflot Ilyushin. The yacht Lady Anne waited.",
		"The train stopped in the border town of Dong Dang. By Saturday the two men were talking about the Strategic Defense Initiative. Reagan defended the Strategic Defense Initiative. On Monday Morning Reagan left.",
		"Guests reached Mar-a-Lago at noon, then drove to Aix-en-Provence. Afterwards Tillerson spoke, and Secretary of State Rex Tillerson left. Eventually Gorbachev agreed.",
	)
	for _, bad := range []string{"Georg Ots", "Aeroflot Ilyushin", "Lady Anne", "Dong Dang", "By Saturday", "Saturday", "Initiative", "Mar", "Lago", "Afterwards Tillerson", "Eventually Gorbachev", "Monday Morning"} {
		if _, ok := got[bad]; ok {
			t.Errorf("%q found as a person", bad)
		}
	}
	for _, good := range []string{"Ronald Reagan", "Mikhail Gorbachev", "Rex Tillerson"} {
		if _, ok := got[good]; !ok {
			t.Errorf("no %q in %v", good, got)
		}
	}
}

func TestNameRules(t *testing.T) {
	got := peopleOf(t,
		"Soviet leader Mikhail Gorbachev arrived with Marshal Sergei Akhromeyev and Lieutenant General Brent Scowcroft. Senator Sam Nunn of Georgia objected, and Nunn said so.",
		"Mr Gorbatchev met Mikhail Gorbatchev's wife Raisa Gorbatchev. Gorbachev smiled.",
	)
	if vs := got["Mikhail Gorbachev"]; !hasString(vs, "Mr Gorbatchev") || !hasString(vs, "Gorbachev") {
		if vs2 := got["Mikhail Gorbatchev"]; !hasString(vs2, "Mr Gorbatchev") || !hasString(vs2, "Gorbachev") {
			t.Errorf("Gorbachev spellings not merged: %v", got)
		}
	}
	if _, ok := got["Raisa Gorbatchev"]; !ok {
		t.Errorf("Raisa Gorbatchev merged away: %v", got)
	}
	for _, name := range []string{"Sergei Akhromeyev", "Brent Scowcroft", "Sam Nunn"} {
		if _, ok := got[name]; !ok {
			t.Errorf("no %q in %v", name, got)
		}
	}
	if vs := got["Sam Nunn"]; !hasString(vs, "Nunn") {
		t.Errorf("Sam Nunn variants %q", vs)
	}
}

func TestDescriptionsAsSpeakers(t *testing.T) {
	body := `Soviet leader Mikhail Gorbachev met President Ronald Reagan.

Gorbachev spoke for an hour. ‘It is not a failure,’ the Soviet leader said.

Reagan smiled. “Speed is not important to me,” the president said.

“He was eating his chocolate cake and I told him,” Reagan later recounted.

“The president of the council has not been told,” a diplomat said.`
	an, acts := analyzeText(t, body)
	want := map[string]string{"It is not a failure": "Mikhail Gorbachev", "Speed is not important": "Ronald Reagan", "He was eating": "Ronald Reagan", "The president of the council": ""}
	for _, q := range FindQuotes(an, acts) {
		for prefix, speaker := range want {
			if strings.HasPrefix(q.Text, prefix) && q.SpeakerName != speaker {
				t.Errorf("%q: speaker %q, want %q", q.Text, q.SpeakerName, speaker)
			}
		}
	}
}
